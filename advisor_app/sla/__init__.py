"""Business calendars and SLA clocks: pure functions of history and time (no Qt, no SQL).

See /work/shared/design/SLA.md for the rules this package implements.
"""

from advisor_app.sla.calendar import BusinessCalendar
from advisor_app.sla.calendars import (
    ALWAYS_OPEN,
    AROUND_THE_CLOCK_ID,
    DEFAULT_CALENDAR_ID,
    calendar_ids,
    load_calendar,
)
from advisor_app.sla.clocks import (
    CaseClocks,
    CaseClockSummary,
    Clock,
    StateAt,
    clock_state_at,
    clocks_for_case,
    compute_clocks,
    summarize_clocks,
    tier_targets,
)
from advisor_app.sla.history import initial_values
from advisor_app.sla.policy import PolicyError, SlaPolicy, load_policy
from advisor_app.sla.revisions import Revisions
from advisor_app.sla.spec import CalendarSpecError
from advisor_app.sla.states import ClockKind, ClockState

__all__ = [
    "ALWAYS_OPEN",
    "AROUND_THE_CLOCK_ID",
    "DEFAULT_CALENDAR_ID",
    "BusinessCalendar",
    "CalendarSpecError",
    "CaseClockSummary",
    "CaseClocks",
    "Clock",
    "ClockKind",
    "ClockState",
    "PolicyError",
    "Revisions",
    "SlaPolicy",
    "StateAt",
    "calendar_ids",
    "clock_state_at",
    "clocks_for_case",
    "compute_clocks",
    "initial_values",
    "load_calendar",
    "load_policy",
    "summarize_clocks",
    "tier_targets",
]
