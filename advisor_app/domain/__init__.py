"""Plain data of the product: accounts, contacts, cases, events and tiers (no I/O, no Qt)."""

from advisor_app.domain.model import (
    Account,
    Case,
    CaseEvent,
    CaseStatus,
    Contact,
    ContractStatus,
    EventKind,
    ServiceDayEntry,
    ServiceDayKind,
    Severity,
    SyncState,
    UsageMetric,
    WeeklyUpdate,
    WeeklyUpdateState,
)
from advisor_app.domain.tiers import SupportTier, TierCatalog, load_tiers

__all__ = [
    "Account",
    "Case",
    "CaseEvent",
    "CaseStatus",
    "Contact",
    "ContractStatus",
    "EventKind",
    "ServiceDayEntry",
    "ServiceDayKind",
    "Severity",
    "SupportTier",
    "SyncState",
    "TierCatalog",
    "UsageMetric",
    "WeeklyUpdate",
    "WeeklyUpdateState",
    "load_tiers",
]
