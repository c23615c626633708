"""Clocks per case from their histories: every rule of SLA.md's "Clocks per case" and the
"real bugs" list. Calendar: Berlin, Monday to Friday 09:00-17:00; March 2026 (CET until
the 29th). Tier: first response 2/4/8 h and follow-up 4/8/16 h for Sev 1/2/3."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from advisor_app.domain.model import Case, CaseEvent, CaseStatus, EventKind, Severity
from advisor_app.domain.tiers import SupportTier, load_tiers
from advisor_app.sla import (
    BusinessCalendar,
    CaseClocks,
    Clock,
    ClockKind,
    ClockState,
    Revisions,
    SlaPolicy,
    clock_state_at,
    clocks_for_case,
    compute_clocks,
    initial_values,
    summarize_clocks,
)

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri")
CALENDAR = BusinessCalendar.from_spec({"timezone": "Europe/Berlin", "hours": {d: ["09:00-17:00"] for d in WEEKDAYS}})
TIER = SupportTier(
    id="test",
    name="Test",
    rank=9,
    first_response_hours={Severity.CRITICAL: 2, Severity.MAJOR: 4, Severity.MINOR: 8},
    follow_up_hours={Severity.CRITICAL: 4, Severity.MAJOR: 8, Severity.MINOR: 16},
    authorized_contacts=None,
    service_days_per_year=None,
    phone_support=True,
    senior_advisor=True,
    named_advisor=True,
    private_training_sessions=None,
)
H = timedelta(hours=1)


def b(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """An instant given in Berlin wall-clock time in 2026, as UTC."""
    return datetime(2026, month, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


MON = 2  # Monday 2 March 2026; Friday is the 6th, the next Monday the 9th
MONDAY_0900 = b(MON, 9)


class History:
    def __init__(self, created: datetime = MONDAY_0900, severity: Severity = Severity.MAJOR) -> None:
        self.created, self.initial_severity = created, severity
        self.status, self.severity = CaseStatus.NEW, severity
        self.events: list[CaseEvent] = []

    def _add(self, kind: EventKind, at: datetime, value: str = "", old: str = "") -> History:
        self.events.append(CaseEvent("t", f"e{len(self.events)}", "c1", kind, at, "someone", value, old))
        return self

    def reply(self, at: datetime) -> History:
        return self._add(EventKind.AGENT_REPLY, at, "an answer")

    def customer(self, at: datetime) -> History:
        return self._add(EventKind.CUSTOMER_MESSAGE, at, "a question")

    def note(self, at: datetime) -> History:
        return self._add(EventKind.INTERNAL_NOTE, at, "a note")

    def set(self, at: datetime, status: CaseStatus) -> History:
        old, self.status = self.status, status
        return self._add(EventKind.STATUS_CHANGE, at, status.value, old.value)

    def severity_to(self, at: datetime, severity: Severity) -> History:
        old, self.severity = self.severity, severity
        return self._add(EventKind.SEVERITY_CHANGE, at, str(int(severity)), str(int(old)))

    def clocks(self, now: datetime, **options: Any) -> CaseClocks:
        arguments: dict[str, Any] = {"tier": TIER, "calendar": CALENDAR, **options}
        return compute_clocks(
            created_at=self.created,
            severity=self.initial_severity,
            status=CaseStatus.NEW,
            events=self.events,
            now=now,
            **arguments,
        )


def only(result: CaseClocks, kind: ClockKind) -> list[Clock]:
    return [clock for clock in result.clocks if clock.kind is kind]


def first_response(result: CaseClocks) -> Clock:
    (clock,) = only(result, ClockKind.FIRST_RESPONSE)
    return clock


def follow_ups(result: CaseClocks) -> list[Clock]:
    return only(result, ClockKind.FOLLOW_UP)


# -- first response


def test_first_response_runs_in_business_hours_from_creation() -> None:
    result = History().clocks(now=b(MON, 10))
    clock = first_response(result)
    assert clock.state is ClockState.RUNNING
    assert clock.target == 4 * H
    assert clock.deadline == b(MON, 13)
    assert clock.remaining == 3 * H
    assert clock.time_to_deadline == 3 * H
    assert clock.consumed == pytest.approx(0.25)
    assert not clock.at_risk and clock.at_risk_at == b(MON, 12)
    assert clock.deadline is not None and clock.deadline.tzinfo is UTC
    summary = result.summary
    assert (summary.state, summary.kind, summary.open, summary.deadline) == (
        ClockState.RUNNING,
        ClockKind.FIRST_RESPONSE,
        True,
        b(MON, 13),
    )


def test_a_case_filed_after_hours_counts_from_the_next_opening() -> None:
    clock = first_response(History(created=b(6, 16, 30)).clocks(now=b(7, 12)))  # Friday 16:30, now Saturday
    assert clock.deadline == b(9, 12, 30)
    assert clock.remaining == 3.5 * H
    assert clock.time_to_deadline == b(9, 12, 30) - b(7, 12)  # wall clock, for sorting lists


def test_severity_1_runs_around_the_clock() -> None:
    clock = first_response(History(created=b(6, 16), severity=Severity.CRITICAL).clocks(now=b(6, 17)))
    assert clock.deadline == b(6, 18)
    assert clock.remaining == H


def test_the_first_agent_reply_meets_the_first_response_and_starts_a_follow_up() -> None:
    result = History().note(b(MON, 9, 30)).customer(b(MON, 10)).reply(b(MON, 11)).clocks(now=b(MON, 12))
    clock = first_response(result)
    assert clock.state is ClockState.MET
    assert clock.ended_at == b(MON, 11) and not clock.stopped
    assert clock.remaining == 2 * H and clock.time_to_deadline is None and not clock.at_risk
    (follow_up,) = follow_ups(result)
    assert follow_up.state is ClockState.RUNNING
    assert follow_up.started_at == b(MON, 11)
    assert follow_up.deadline == b(MON + 1, 11)  # 8 business hours: 6 on Monday, 2 on Tuesday
    assert result.summary.kind is ClockKind.FOLLOW_UP


def test_a_late_first_reply_is_breached_at_the_deadline() -> None:
    result = History().reply(b(MON, 14)).clocks(now=b(MON, 15))
    clock = first_response(result)
    assert clock.state is ClockState.BREACHED
    assert clock.breach_at == b(MON, 13)
    assert clock.remaining == -H
    assert result.summary.state is ClockState.RUNNING  # the follow-up is what matters now
    assert result.summary.breaches == 1


def test_an_unanswered_case_is_breached_while_open() -> None:
    result = History().clocks(now=b(MON, 15))
    clock = first_response(result)
    assert clock.state is ClockState.BREACHED and clock.breach_at == b(MON, 13)
    assert clock.time_to_deadline == -2 * H
    assert (result.summary.state, result.summary.open, result.summary.breach_at) == (
        ClockState.BREACHED,
        True,
        b(MON, 13),
    )


# -- follow-up


def test_a_customer_message_does_not_reset_the_follow_up_the_next_reply_does() -> None:
    history = History().reply(b(MON, 10)).customer(b(MON, 15))
    (running,) = follow_ups(history.clocks(now=b(MON + 1, 9, 30)))
    assert running.started_at == b(MON, 10)
    assert running.deadline == b(MON + 1, 10)
    history.reply(b(MON + 1, 9, 45))
    first, second = follow_ups(history.clocks(now=b(MON + 1, 9, 50)))
    assert first.state is ClockState.MET and first.ended_at == b(MON + 1, 9, 45)
    assert second.state is ClockState.RUNNING and second.deadline == b(MON + 2, 9, 45)


def test_pending_pauses_the_follow_up() -> None:
    history = History().reply(b(MON, 10)).set(b(MON, 10), CaseStatus.PENDING)
    (paused,) = follow_ups(history.clocks(now=b(MON + 1, 11)))
    assert paused.state is ClockState.PAUSED and paused.paused
    assert paused.deadline is None and paused.time_to_deadline is None
    assert paused.remaining == 8 * H and paused.consumed == 0
    history.customer(b(MON + 1, 12)).set(b(MON + 1, 12), CaseStatus.OPEN)
    (running,) = follow_ups(history.clocks(now=b(MON + 1, 13)))
    assert running.state is ClockState.RUNNING
    assert running.deadline == b(MON + 2, 12)  # 5 h on Tuesday from 12:00, 3 h on Wednesday


def test_pending_does_not_pause_the_first_response() -> None:
    result = History().set(b(MON, 9, 30), CaseStatus.PENDING).clocks(now=b(MON, 14))
    assert first_response(result).state is ClockState.BREACHED
    assert first_response(result).breach_at == b(MON, 13)


@pytest.mark.parametrize("status_first", [False, True])
def test_a_reply_and_pending_in_the_same_save_meet_the_first_response(status_first: bool) -> None:
    history = History()
    if status_first:  # listed before the reply, at the same instant: the reply still counts first
        history.set(b(MON, 11), CaseStatus.PENDING).reply(b(MON, 11))
    else:
        history.reply(b(MON, 11)).set(b(MON, 11), CaseStatus.PENDING)
    result = history.clocks(now=b(MON, 16))
    assert first_response(result).state is ClockState.MET
    assert first_response(result).ended_at == b(MON, 11)
    (follow_up,) = follow_ups(result)
    assert follow_up.state is ClockState.PAUSED
    assert result.summary.state is ClockState.PAUSED and result.summary.paused


@pytest.mark.parametrize("status_first", [False, True])
def test_a_reply_that_also_solves_is_met_by_the_reply(status_first: bool) -> None:
    history = History()
    if status_first:
        history.set(b(MON, 11), CaseStatus.SOLVED).reply(b(MON, 11))
    else:
        history.reply(b(MON, 11)).set(b(MON, 11), CaseStatus.SOLVED)
    result = history.clocks(now=b(MON, 16))
    clock = first_response(result)
    assert (clock.state, clock.ended_at, clock.stopped) == (ClockState.MET, b(MON, 11), False)
    assert follow_ups(result) == []


def test_solved_stops_every_clock() -> None:
    history = History().reply(b(MON, 10)).set(b(MON, 11), CaseStatus.SOLVED)
    result = history.clocks(now=b(MON + 14, 9))
    (follow_up,) = follow_ups(result)
    assert follow_up.state is ClockState.MET and follow_up.stopped and follow_up.ended_at == b(MON, 11)
    assert (result.summary.state, result.summary.open) == (ClockState.MET, False)
    assert clock_state_at(result.summary, b(MON + 20, 9)).state is ClockState.MET


def test_solving_before_any_reply_stops_the_first_response() -> None:
    result = History().set(b(MON, 10), CaseStatus.SOLVED).clocks(now=b(MON + 7, 9))
    clock = first_response(result)
    assert clock.state is ClockState.MET and clock.stopped
    assert follow_ups(result) == []


def test_a_reopened_case_starts_a_new_follow_up_cycle() -> None:
    history = History().reply(b(MON, 10)).set(b(MON, 11), CaseStatus.SOLVED)
    history.customer(b(MON + 2, 10)).set(b(MON + 2, 10), CaseStatus.OPEN)
    result = history.clocks(now=b(MON + 2, 11))
    first, second = follow_ups(result)
    assert first.state is ClockState.MET
    assert second.started_at == b(MON + 2, 10) and second.deadline == b(MON + 3, 10)
    assert second.remaining == 7 * H
    assert first_response(result).state is ClockState.MET  # not reopened


def test_several_pausing_statuses_are_all_honoured_on_a_reopened_case() -> None:
    history = History().reply(b(MON, 10)).set(b(MON, 11), CaseStatus.SOLVED)
    history.set(b(MON + 1, 9), CaseStatus.OPEN)
    history.set(b(MON + 1, 10), CaseStatus.ON_HOLD).set(b(MON + 1, 12), CaseStatus.PENDING)
    history.set(b(MON + 1, 14), CaseStatus.OPEN)
    policy = replace(
        SlaPolicy(),
        pauses={
            ClockKind.FIRST_RESPONSE: frozenset(),
            ClockKind.FOLLOW_UP: frozenset({CaseStatus.PENDING, CaseStatus.ON_HOLD}),
        },
    )
    for now in (b(MON + 1, 11), b(MON + 1, 13)):
        assert follow_ups(history.clocks(now=now, policy=policy))[-1].state is ClockState.PAUSED
    reopened = follow_ups(history.clocks(now=b(MON + 1, 15), policy=policy))[-1]
    # 1 h before the hold, paused 10:00-14:00, then 7 h: 3 on Tuesday and 4 on Wednesday.
    assert reopened.deadline == b(MON + 2, 13)
    # With only pending pausing, the on-hold hours count.
    only_pending = follow_ups(history.clocks(now=b(MON + 1, 15)))[-1]
    assert only_pending.deadline == b(MON + 2, 11)


def test_a_breached_clock_stays_breached_through_later_pauses() -> None:
    history = History().reply(b(MON, 10)).set(b(MON + 1, 11), CaseStatus.PENDING)
    result = history.clocks(now=b(MON + 2, 12))
    (follow_up,) = follow_ups(result)
    assert follow_up.state is ClockState.BREACHED and follow_up.breach_at == b(MON + 1, 10)
    assert result.summary.state is ClockState.BREACHED and result.summary.breach_at == b(MON + 1, 10)


def test_the_follow_up_never_overrides_a_met_first_response() -> None:
    result = History().reply(b(MON, 10)).clocks(now=b(MON + 5, 9))
    clock = first_response(result)
    assert clock.state is ClockState.MET and clock.breach_at is None and not clock.at_risk
    (follow_up,) = follow_ups(result)
    assert follow_up.state is ClockState.BREACHED
    assert result.summary.kind is ClockKind.FOLLOW_UP and result.summary.breaches == 1


# -- severity changes


def test_a_severity_change_re_measures_from_the_clock_start() -> None:
    history = History(severity=Severity.MINOR).severity_to(b(MON, 11), Severity.MAJOR)
    clock = first_response(history.clocks(now=b(MON, 12)))
    assert clock.target == 4 * H and clock.severity is Severity.MAJOR
    assert clock.deadline == b(MON, 13)  # 2 h under Sev 3 count towards the Sev 2 target


def test_an_exceeded_new_target_breaches_at_the_change_not_before() -> None:
    history = History(severity=Severity.MINOR).severity_to(b(MON, 14), Severity.MAJOR)
    clock = first_response(history.clocks(now=b(MON, 15)))
    assert clock.state is ClockState.BREACHED
    assert clock.breach_at == b(MON, 14)  # not 13:00, when 4 h had passed under Sev 3
    assert clock.deadline == b(MON, 14)


def test_raising_to_severity_1_switches_to_around_the_clock_from_the_change() -> None:
    history = History(created=b(6, 16), severity=Severity.MAJOR).severity_to(b(6, 16, 30), Severity.CRITICAL)
    clock = first_response(history.clocks(now=b(6, 17)))
    assert clock.deadline == b(6, 18)  # 30 min used, 90 min more in real time: Friday 18:00


def test_lowering_from_severity_1_switches_to_business_hours_from_the_change() -> None:
    history = History(created=b(6, 16), severity=Severity.CRITICAL).severity_to(b(6, 17), Severity.MAJOR)
    clock = first_response(history.clocks(now=b(6, 18)))
    assert clock.deadline == b(9, 12)  # 1 h used around the clock, 3 business hours on Monday


def test_a_severity_change_with_the_reply_applies_to_the_next_cycle() -> None:
    history = History(severity=Severity.MINOR).reply(b(MON, 15)).severity_to(b(MON, 15), Severity.MAJOR)
    result = history.clocks(now=b(MON, 16))
    assert first_response(result).state is ClockState.MET  # 6 h of 8 under Sev 3
    assert follow_ups(result)[0].target == 8 * H


# -- targets, risk and the summary


def test_a_missing_target_is_no_target_never_a_made_up_value() -> None:
    standard = load_tiers().get("standard")
    result = History().reply(b(MON, 10)).clocks(now=b(MON + 9, 9), tier=standard)
    for clock in result.clocks:
        assert clock.state is ClockState.NO_TARGET
        assert clock.target is None and clock.deadline is None and clock.remaining is None
        assert clock.consumed is None and not clock.at_risk
    assert result.summary.state is ClockState.NO_TARGET and result.summary.deadline is None


def test_a_tier_may_publish_only_some_targets() -> None:
    tier = replace(TIER, first_response_hours={s: None for s in Severity})
    result = History().reply(b(MON, 10)).clocks(now=b(MON, 11), tier=tier)
    assert first_response(result).state is ClockState.NO_TARGET
    assert follow_ups(result)[0].state is ClockState.RUNNING


def test_at_risk_from_75_percent_consumed() -> None:
    history = History(severity=Severity.MINOR)  # 8 h: at risk after 6 h
    assert not first_response(history.clocks(now=b(MON, 14, 59))).at_risk
    clock = first_response(history.clocks(now=b(MON, 15)))
    assert clock.at_risk and clock.at_risk_at == b(MON, 15) and clock.state is ClockState.RUNNING


def test_at_risk_with_less_than_a_business_hour_left() -> None:
    history = History(created=b(6, 16), severity=Severity.CRITICAL)  # 2 h around the clock: at risk after 1 h
    assert first_response(history.clocks(now=b(6, 17))).at_risk
    assert not first_response(history.clocks(now=b(6, 16, 59))).at_risk


def test_the_summary_predicts_later_states_without_recomputation() -> None:
    history = History().reply(b(MON, 10))
    summary = history.clocks(now=b(MON, 10, 30)).summary
    for minutes in range(0, 3 * 24 * 60, 20):
        at = b(MON, 10, 30) + timedelta(minutes=minutes)
        fresh = history.clocks(now=at)
        expected = (fresh.summary.state, follow_ups(fresh)[0].at_risk)
        assert clock_state_at(summary, at) == expected, at
        assert summary.state_at(at) == expected


def test_a_paused_summary_stays_paused() -> None:
    summary = History().reply(b(MON, 10)).set(b(MON, 10), CaseStatus.PENDING).clocks(now=b(MON, 11)).summary
    assert clock_state_at(summary, b(MON, 9) + timedelta(days=30)) == (ClockState.PAUSED, False)


def test_a_case_without_clocks_has_a_no_target_summary() -> None:
    result = compute_clocks(
        created_at=b(MON, 9),
        severity=Severity.MAJOR,
        status=CaseStatus.CLOSED,
        events=[],
        tier=TIER,
        calendar=CALENDAR,
        now=b(MON, 10),
    )
    assert result.clocks == () and result.summary.state is ClockState.NO_TARGET and result.summary.kind is None


# -- calendars and holidays, DST


def test_a_holiday_moves_the_deadline() -> None:
    with_holiday = BusinessCalendar.from_spec({**CALENDAR.spec, "holidays": ["2026-03-09"]})
    clock = first_response(History(created=b(6, 16)).clocks(now=b(6, 16, 30), calendar=with_holiday))
    assert clock.deadline == b(10, 12)  # Monday the 9th is off


def test_deadlines_across_the_dst_change_use_that_dates_offset() -> None:
    clock = first_response(History(created=b(27, 16)).clocks(now=b(27, 16, 30)))  # Friday 27 March, CET
    assert clock.deadline == b(30, 12)  # Monday 30 March 12:00 CEST
    assert clock.deadline == datetime(2026, 3, 30, 10, tzinfo=UTC)  # a fixed CET offset would say 11:00Z


def test_a_calendar_edit_recomputes_open_clocks_and_keeps_finished_results() -> None:
    early = BusinessCalendar.from_spec({"timezone": "Europe/Berlin", "hours": {d: ["06:00-17:00"] for d in WEEKDAYS}})
    history = History(created=b(MON, 7)).reply(b(MON, 12, 30))
    edited = Revisions(CALENDAR, [(b(MON + 1, 8), early)])
    before = history.clocks(now=b(MON, 13))
    assert first_response(before).state is ClockState.MET  # 3.5 h of 4 from the 09:00 opening
    assert follow_ups(before)[0].deadline == b(MON + 1, 12, 30)

    after = history.clocks(now=b(MON + 1, 9), calendar=edited)
    assert first_response(after).state is ClockState.MET  # finished: keeps its result
    assert follow_ups(after)[0].deadline == b(MON + 1, 9, 30)  # open: the new hours at once
    # Measured wholly under the new hours, the first response would have been breached.
    assert first_response(history.clocks(now=b(MON + 1, 9), calendar=early)).state is ClockState.BREACHED


def test_a_deactivated_policy_leaves_nothing_escalated() -> None:
    history = History().reply(b(MON, 14))  # a breached first response, then a follow-up
    off = replace(SlaPolicy(), enabled=False)
    policy = Revisions(SlaPolicy(), [(b(MON + 1, 8), off)])
    result = history.clocks(now=b(MON + 5, 9), policy=policy)
    (follow_up,) = follow_ups(result)
    assert follow_up.state is ClockState.NO_TARGET and not follow_up.at_risk and follow_up.deadline is None
    assert first_response(result).state is ClockState.BREACHED  # history stays history
    assert result.summary.state is ClockState.NO_TARGET and result.summary.open
    assert clock_state_at(result.summary, b(MON, 9) + timedelta(days=30)) == (ClockState.NO_TARGET, False)


# -- inputs


def test_events_after_now_are_ignored_and_order_does_not_matter() -> None:
    history = History().reply(b(MON, 11)).customer(b(MON, 12)).reply(b(MON, 15))
    result = history.clocks(now=b(MON, 13))
    assert len(follow_ups(result)) == 1 and follow_ups(result)[0].state is ClockState.RUNNING
    shuffled = History()
    shuffled.events = list(reversed(history.events))
    assert shuffled.clocks(now=b(MON, 16)) == history.clocks(now=b(MON, 16))


def test_events_before_creation_count_at_creation() -> None:
    result = History().reply(b(MON, 8)).clocks(now=b(MON, 10))
    assert first_response(result).ended_at == b(MON, 9) and first_response(result).state is ClockState.MET


def test_bad_event_values_name_the_event() -> None:
    history = History()
    history.events.append(CaseEvent("t", "e77", "c1", EventKind.STATUS_CHANGE, b(MON, 10), "x", "archived", "new"))
    with pytest.raises(ValueError, match="e77: unknown status 'archived'"):
        history.clocks(now=b(MON, 11))


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="now must be a timezone-aware"):
        History().clocks(now=datetime(2026, 3, 2, 12))


def test_a_stored_case_gives_its_initial_values_from_the_history() -> None:
    history = History(severity=Severity.MINOR).reply(b(MON, 10)).severity_to(b(MON, 11), Severity.MAJOR)
    history.set(b(MON, 12), CaseStatus.SOLVED)
    case = Case("t", "c1", "a1", "s", "", "r", Severity.MAJOR, CaseStatus.SOLVED, b(MON, 9), b(MON, 12))
    assert initial_values(case.severity, case.status, history.events) == (Severity.MINOR, CaseStatus.NEW)
    assert clocks_for_case(case, history.events, tier=TIER, calendar=CALENDAR, now=b(MON, 13)) == history.clocks(
        now=b(MON, 13)
    )


def _random_history(rng: random.Random) -> tuple[History, datetime]:
    history = History(created=b(MON, 0) + timedelta(hours=rng.uniform(0, 120)), severity=Severity(rng.randint(1, 3)))
    at = history.created
    for _ in range(rng.randint(0, 12)):
        at += timedelta(hours=rng.expovariate(1 / 6))
        step = rng.random()
        if step < 0.35:
            history.reply(at)
            if rng.random() < 0.5:
                history.set(at, rng.choice([CaseStatus.PENDING, CaseStatus.OPEN, CaseStatus.SOLVED]))
        elif step < 0.55:
            history.customer(at).set(at, CaseStatus.OPEN)
        elif step < 0.85:
            history.set(at, rng.choice(list(CaseStatus)))
        else:
            history.severity_to(at, Severity(rng.randint(1, 3)))
    return history, at + timedelta(hours=rng.uniform(0, 50))


def test_the_fast_summary_agrees_with_the_full_computation() -> None:
    rng = random.Random(2026)
    for _ in range(400):
        history, now = _random_history(rng)
        full = history.clocks(now=now)
        fast = summarize_clocks(
            created_at=history.created,
            severity=history.initial_severity,
            status=CaseStatus.NEW,
            events=history.events,
            tier=TIER,
            calendar=CALENDAR,
            now=now,
        )
        assert fast == full.summary
        open_clocks = [clock for clock in full.clocks if clock.ended_at is None]
        assert len(open_clocks) <= 1
        for clock in full.clocks:
            assert (clock.state is ClockState.BREACHED) == (clock.breach_at is not None)
            if clock.state is ClockState.RUNNING:
                assert clock.deadline is not None and clock.deadline > now
