"""Records of the domain.

Instants are aware datetimes in UTC; calendar dates are plain dates. Synced records carry
their source and the id the source gives them; local-owned records (service days, weekly
updates) refer to accounts by the local id.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class Severity(enum.IntEnum):
    CRITICAL = 1
    MAJOR = 2
    MINOR = 3


class CaseStatus(enum.StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    ON_HOLD = "on_hold"
    SOLVED = "solved"
    CLOSED = "closed"

    @property
    def is_active(self) -> bool:
        return self not in (CaseStatus.SOLVED, CaseStatus.CLOSED)


class EventKind(enum.StrEnum):
    CUSTOMER_MESSAGE = "customer_message"
    AGENT_REPLY = "agent_reply"
    INTERNAL_NOTE = "internal_note"
    STATUS_CHANGE = "status_change"
    SEVERITY_CHANGE = "severity_change"


class ContractStatus(enum.StrEnum):
    ACTIVE = "active"
    ONBOARDING = "onboarding"
    SUSPENDED = "suspended"
    EXPIRED = "expired"


class ServiceDayKind(enum.StrEnum):
    ONSITE = "onsite"
    REMOTE = "remote"
    WORKSHOP = "workshop"
    TRAINING = "training"


class WeeklyUpdateState(enum.StrEnum):
    DUE = "due"
    DRAFTED = "drafted"
    SENT = "sent"
    SKIPPED = "skipped"


def require_aware(value: datetime, what: str) -> datetime:
    """Return `value` unchanged, or raise ValueError naming `what` when it is naive."""
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got naive {value.isoformat()}")
    return value


@dataclass(frozen=True, slots=True)
class Account:
    source: str
    remote_id: str
    name: str
    tier: str
    region: str
    timezone: str
    contract_year_start: date
    named_advisor: str | None
    contract_status: ContractStatus
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Contact:
    source: str
    remote_id: str
    account_remote_id: str
    name: str
    email: str
    authorized: bool
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class Case:
    source: str
    remote_id: str
    account_remote_id: str
    subject: str
    description: str
    requester: str
    severity: Severity
    status: CaseStatus
    created_at: datetime
    updated_at: datetime
    source_status: str = ""
    """The status as the source names it (`status` is its meaning, by the workspace's status map)."""


@dataclass(frozen=True, slots=True)
class CaseEvent:
    """One entry of a case's history.

    For a status change `value` is the new `CaseStatus` value and `old_value` the one
    before (`source_value`, `source_old_value`: the statuses as the source names them);
    for a severity change they are severities as text ("1".."3"); for messages and notes
    `value` is the body.
    """

    source: str
    remote_id: str
    case_remote_id: str
    kind: EventKind
    at: datetime
    author: str
    value: str = ""
    old_value: str = ""
    source_value: str = ""
    source_old_value: str = ""


@dataclass(frozen=True, slots=True)
class UsageMetric:
    source: str
    account_remote_id: str
    metric: str
    day: date
    value: float


@dataclass(frozen=True, slots=True)
class ServiceDayEntry:
    account_id: int
    day: date
    half_days: int
    kind: ServiceDayKind
    note: str = ""
    case_ids: tuple[int, ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class WeeklyUpdate:
    account_id: int
    iso_week: str
    state: WeeklyUpdateState
    body: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class SyncState:
    source: str
    stream: str
    cursor: str | None
    source_identity: str
