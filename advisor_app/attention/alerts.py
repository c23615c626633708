"""Which case events are due to be notified now: pure functions of the stored clocks.

An event is a case becoming at risk, breaching, or a new Severity 1 case. Each has the
instant it happened (`event_at`), taken from the clock summary kept with the case (or the
case's creation), so the same event always has the same key and is notified once however
often the window checks. Events older than a look-back are left to the Today page rather
than popped up (a workspace opened after a week away would otherwise flood the screen).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum

from advisor_app.errors import AdvisorError

CLOCK_LOOKBACK = timedelta(hours=1)
"""At-risk and breach events older than this are not popped up (Today lists them)."""
NEW_CASE_LOOKBACK = timedelta(hours=24)
"""A Severity 1 case created within this is new (a sync may bring it hours late)."""
TOMORROW_AT = time(8, 0)


class AlertKind(StrEnum):
    BREACHED = "breached"
    AT_RISK = "at_risk"
    NEW_SEV1 = "new_sev1"


_ORDER = {AlertKind.BREACHED: 0, AlertKind.NEW_SEV1: 1, AlertKind.AT_RISK: 2}


class QuietHoursError(AdvisorError):
    """A quiet-hours setting that is not a time of day like 22:00."""


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the alerts need to know of a case, straight from its stored row."""

    case_id: int
    severity: int
    active: bool
    created_at: datetime
    clock_state: str | None
    clock_open: bool
    clock_deadline: datetime | None
    clock_at_risk_at: datetime | None


@dataclass(frozen=True, slots=True)
class Alert:
    case_id: int
    kind: AlertKind
    event_at: datetime

    @property
    def key(self) -> tuple[int, str, datetime]:
        return (self.case_id, self.kind.value, self.event_at)


def events_so_far(case: CaseFacts, now: datetime) -> list[Alert]:
    """The events of this case that have happened by `now` (breached supersedes at risk)."""
    events: list[Alert] = []
    if case.active and case.severity == 1 and case.created_at <= now:
        events.append(Alert(case.case_id, AlertKind.NEW_SEV1, case.created_at))
    counting = case.clock_open and case.clock_state in ("running", "breached") and case.clock_deadline is not None
    if counting and case.clock_deadline is not None:
        if case.clock_state == "breached" or case.clock_deadline <= now:
            events.append(Alert(case.case_id, AlertKind.BREACHED, case.clock_deadline))
        elif case.clock_at_risk_at is not None and case.clock_at_risk_at <= now:
            events.append(Alert(case.case_id, AlertKind.AT_RISK, case.clock_at_risk_at))
    return events


def lookback(kind: AlertKind) -> timedelta:
    return NEW_CASE_LOOKBACK if kind is AlertKind.NEW_SEV1 else CLOCK_LOOKBACK


def due_alerts(
    cases: Iterable[CaseFacts],
    now: datetime,
    notified: set[tuple[int, str, datetime]],
    snoozed_until: Mapping[int, datetime],
) -> list[Alert]:
    """Events to notify now: recent, not yet notified, of cases not snoozed; most serious first.

    A snoozed case's events stay un-notified, so one still recent when the snooze ends is
    notified then.
    """
    # A case is new once: its Severity 1 alert is not repeated when a sync corrects when it was created.
    told_new = {case_id for case_id, kind, _at in notified if kind == AlertKind.NEW_SEV1.value}
    due = []
    for case in cases:
        until = snoozed_until.get(case.case_id)
        if until is not None and until > now:
            continue
        for event in events_so_far(case, now):
            if event.event_at < now - lookback(event.kind) or event.key in notified:
                continue
            if event.kind is AlertKind.NEW_SEV1 and event.case_id in told_new:
                continue
            due.append(event)
    return sorted(due, key=lambda event: (_ORDER[event.kind], event.event_at, event.case_id))


def parse_time_of_day(text: str) -> time | None:
    """`22:00` -> 22:00; an empty setting means none."""
    text = text.strip()
    if not text:
        return None
    try:
        hours, minutes = text.split(":")
        return time(int(hours), int(minutes))
    except ValueError as error:
        raise QuietHoursError(f"quiet hours: {text!r} is not a time of day like 22:00") from error


def in_quiet_hours(local: time, start: time | None, end: time | None) -> bool:
    """Whether a local time of day is within quiet hours; a span may run past midnight."""
    if start is None or end is None or start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


class SnoozeChoice(StrEnum):
    ONE_HOUR = "one_hour"
    TOMORROW = "tomorrow"


def snooze_until(choice: SnoozeChoice, now: datetime, zone: tzinfo) -> datetime:
    """One hour from now, or 08:00 tomorrow in the advisor's zone."""
    if choice is SnoozeChoice.ONE_HOUR:
        return now + timedelta(hours=1)
    tomorrow = now.astimezone(zone).date() + timedelta(days=1)
    return datetime.combine(tomorrow, TOMORROW_AT, tzinfo=zone).astimezone(now.tzinfo)
