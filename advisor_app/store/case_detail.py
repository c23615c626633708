"""Everything the case detail shows, read in one short query set: the case, its account,
its events in time order and every SLA clock with its live figures.

`ClockDetail.at(now)` moves a clock forward without another query, so a view can repaint
the business time left every second from what it read once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, select

from advisor_app.domain import CaseStatus, EventKind, Severity
from advisor_app.sla import ALWAYS_OPEN, BusinessCalendar, Clock, ClockKind, ClockState, load_policy
from advisor_app.store import schema
from advisor_app.store.clocks import calendar_id_for_region, clocks_for_cases, current_calendar


@dataclass(frozen=True, slots=True)
class AccountInfo:
    id: int
    name: str
    tier: str
    region: str
    timezone: str
    contract_year_start: date


@dataclass(frozen=True, slots=True)
class CaseInfo:
    id: int
    source: str
    remote_id: str
    subject: str
    description: str
    requester: str
    severity: Severity
    status: CaseStatus
    created_at: datetime
    updated_at: datetime
    removed_at: datetime | None


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    id: int
    kind: EventKind
    at: datetime
    author: str
    value: str
    old_value: str


@dataclass(frozen=True, slots=True)
class ClockNow:
    """A clock's figures at one instant."""

    state: ClockState
    at_risk: bool
    business_left: timedelta | None  # negative once overdue; None without a target
    wall_left: timedelta | None  # wall-clock time to the deadline, open running clocks only


@dataclass(frozen=True, slots=True)
class ClockDetail:
    clock: Clock
    calendar: BusinessCalendar  # the business hours the clock runs on (24x7 for around-the-clock severities)
    computed_at: datetime

    @property
    def kind(self) -> ClockKind:
        return self.clock.kind

    @property
    def target(self) -> timedelta | None:
        return self.clock.target

    @property
    def deadline(self) -> datetime | None:
        return self.clock.deadline

    @property
    def is_open(self) -> bool:
        return self.clock.ended_at is None

    def at(self, now: datetime) -> ClockNow:
        """The clock at `now` (at or after it was read), assuming nothing happened since."""
        clock = self.clock
        running = self.is_open and clock.state in (ClockState.RUNNING, ClockState.BREACHED) and not clock.paused
        if not running or clock.deadline is None:
            return ClockNow(clock.state, clock.at_risk, clock.remaining, None)
        deadline = clock.deadline
        left = self.calendar.elapsed(now, deadline) if now <= deadline else -self.calendar.elapsed(deadline, now)
        state = ClockState.BREACHED if now >= deadline else clock.state
        at_risk = state is ClockState.RUNNING and clock.at_risk_at is not None and now >= clock.at_risk_at
        return ClockNow(state, at_risk, left, deadline - now)


@dataclass(frozen=True, slots=True)
class CaseDetail:
    case: CaseInfo
    account: AccountInfo
    events: tuple[TimelineEvent, ...]
    clocks: tuple[ClockDetail, ...]


def case_detail(connection: Connection, case_id: int, now: datetime) -> CaseDetail | None:
    """The case with this id and all it shows, or None when there is no such case."""
    c, a, e = schema.cases.c, schema.accounts.c, schema.case_events.c
    row = connection.execute(
        select(
            c.id, c.source, c.remote_id, c.subject, c.description, c.requester, c.severity, c.status,
            c.created_at, c.updated_at, c.removed_at,
            a.id, a.name, a.tier, a.region, a.timezone, a.contract_year_start,
        )
        .select_from(schema.cases.join(schema.accounts, a.id == c.account_id))
        .where(c.id == case_id)
    ).one_or_none()  # fmt: skip
    if row is None:
        return None
    case = CaseInfo(*row[:6], Severity(row[6]), CaseStatus(row[7]), *row[8:11])
    account = AccountInfo(*row[11:])
    events = tuple(
        TimelineEvent(event_id, EventKind(kind), at, author, value, old_value)
        for event_id, kind, at, author, value, old_value in connection.execute(
            select(e.id, e.kind, e.at, e.author, e.value, e.old_value).where(e.case_id == case_id).order_by(e.at, e.id)
        )
    )
    case_clocks = clocks_for_cases(connection, [case_id], now).get(case_id)
    policy = load_policy()
    business_hours = current_calendar(connection, calendar_id_for_region(account.region))
    clocks = tuple(
        ClockDetail(clock, ALWAYS_OPEN if clock.severity in policy.around_the_clock else business_hours, now)
        for clock in (case_clocks.clocks if case_clocks else ())
    )
    return CaseDetail(case, account, events, clocks)
