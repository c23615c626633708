"""Which case events are notified, once: pure functions of the stored clock columns."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any

import pytest

from advisor_app.attention.alerts import (
    Alert,
    AlertKind,
    CaseFacts,
    QuietHoursError,
    SnoozeChoice,
    due_alerts,
    events_so_far,
    in_quiet_hours,
    parse_time_of_day,
    snooze_until,
)

NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def facts(case_id: int = 1, severity: int = 2, **clock: Any) -> CaseFacts:
    values: dict[str, Any] = {
        "clock_state": "running",
        "clock_open": True,
        "clock_deadline": NOW + timedelta(hours=2),
        "clock_at_risk_at": NOW + timedelta(hours=1),
        "created_at": NOW - timedelta(days=3),
        "active": True,
    }
    values.update(clock)
    return CaseFacts(case_id=case_id, severity=severity, **values)


def test_a_running_clock_is_at_risk_from_its_instant_and_breached_from_its_deadline() -> None:
    case = facts()
    assert events_so_far(case, NOW) == []
    at_risk = NOW + timedelta(hours=1)
    assert events_so_far(case, at_risk) == [Alert(1, AlertKind.AT_RISK, at_risk)]
    deadline = NOW + timedelta(hours=2)
    assert events_so_far(case, deadline) == [Alert(1, AlertKind.BREACHED, deadline)], "breached supersedes at risk"


def test_paused_answered_or_solved_cases_have_no_clock_events() -> None:
    later = NOW + timedelta(hours=3)
    assert events_so_far(facts(clock_state="paused"), later) == []
    assert events_so_far(facts(clock_open=False), later) == []
    assert events_so_far(facts(clock_state="no_target", clock_deadline=None), later) == []


def test_a_new_severity_1_is_an_event_at_its_creation() -> None:
    created = NOW - timedelta(hours=2)
    assert events_so_far(facts(severity=1, created_at=created), NOW) == [Alert(1, AlertKind.NEW_SEV1, created)]
    assert events_so_far(facts(severity=1, created_at=created, active=False), NOW) == []


def test_due_alerts_skip_what_was_notified_snoozed_or_long_past() -> None:
    at_risk = NOW + timedelta(hours=1)
    later = at_risk + timedelta(seconds=1)
    cases = [facts(1), facts(2), facts(3), facts(4, clock_at_risk_at=NOW - timedelta(hours=3))]
    notified = {(2, "at_risk", at_risk)}
    snoozed = {3: later + timedelta(minutes=30)}
    assert due_alerts(cases, later, notified, snoozed) == [Alert(1, AlertKind.AT_RISK, at_risk)]
    # The snooze over, the still recent event of case 3 is notified then.
    after_snooze = later + timedelta(minutes=31)
    assert Alert(3, AlertKind.AT_RISK, at_risk) in due_alerts(cases, after_snooze, notified, snoozed)


def test_due_alerts_put_breaches_first() -> None:
    cases = [
        facts(1, clock_at_risk_at=NOW - timedelta(minutes=5)),
        facts(2, clock_deadline=NOW - timedelta(minutes=1)),
        facts(3, severity=1, created_at=NOW - timedelta(hours=5), clock_open=False),
    ]
    kinds = [alert.kind for alert in due_alerts(cases, NOW, set(), {})]
    assert kinds == [AlertKind.BREACHED, AlertKind.NEW_SEV1, AlertKind.AT_RISK]


def test_quiet_hours_may_run_past_midnight() -> None:
    assert in_quiet_hours(time(23, 30), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(6, 59), time(22, 0), time(7, 0))
    assert not in_quiet_hours(time(7, 0), time(22, 0), time(7, 0))
    assert in_quiet_hours(time(12, 30), time(12, 0), time(13, 0))
    assert not in_quiet_hours(time(12, 30), None, None)
    assert parse_time_of_day(" 22:00 ") == time(22, 0)
    assert parse_time_of_day("") is None
    with pytest.raises(QuietHoursError, match="22h"):
        parse_time_of_day("22h")


def test_snooze_for_an_hour_or_until_tomorrow_morning() -> None:
    berlin = timezone(timedelta(hours=1))
    assert snooze_until(SnoozeChoice.ONE_HOUR, NOW, berlin) == NOW + timedelta(hours=1)
    # 15:00 UTC is 16:00 in Berlin; tomorrow 08:00 there is 07:00 UTC.
    assert snooze_until(SnoozeChoice.TOMORROW, NOW, berlin) == datetime(2026, 11, 26, 7, 0, tzinfo=UTC)


def test_a_new_severity_1_is_told_once_even_when_its_creation_time_moves() -> None:
    created = NOW - timedelta(hours=2)
    notified = {(1, "new_sev1", created)}
    # A later sync reports the case created 40 minutes later: the same case, not a new event.
    moved = facts(1, severity=1, created_at=created + timedelta(minutes=40), clock_deadline=NOW + timedelta(days=1))
    other = facts(2, severity=1, created_at=created, clock_deadline=NOW + timedelta(days=1))
    assert due_alerts([moved, other], NOW, notified, {}) == [Alert(2, AlertKind.NEW_SEV1, created)]
