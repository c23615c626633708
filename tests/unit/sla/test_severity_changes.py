"""Severity changes as SLA.md says: the clock is re-measured from its start under the new
target, the old severity's hours before the change and the new one's after it; a new target
already exceeded breaches at the change, never backdated. Calendar and tier as in
test_clocks: Berlin Monday to Friday 09:00-17:00, first response 2/4/8 h for Sev 1/2/3."""

from __future__ import annotations

from advisor_app.domain.model import Severity
from advisor_app.sla import ClockState
from tests.unit.sla.test_clocks import MON, H, History, b, first_response


def test_an_upgrade_before_the_new_target_moves_the_deadline_up() -> None:
    history = History(severity=Severity.MINOR).severity_to(b(MON, 10), Severity.MAJOR)
    clock = first_response(history.clocks(now=b(MON, 11)))
    assert (clock.state, clock.deadline, clock.breach_at) == (ClockState.RUNNING, b(MON, 13), None)


def test_an_upgrade_past_the_new_target_breaches_at_the_change() -> None:
    history = History(severity=Severity.MINOR).severity_to(b(MON, 15), Severity.CRITICAL)
    clock = first_response(history.clocks(now=b(MON, 15, 30)))
    assert clock.state is ClockState.BREACHED
    assert clock.breach_at == b(MON, 15)  # 6 h used of a 2 h target: at the change, not at 11:00


def test_a_downgrade_before_the_old_target_moves_the_deadline_out() -> None:
    history = History(severity=Severity.MAJOR).severity_to(b(MON, 11), Severity.MINOR)
    clock = first_response(history.clocks(now=b(MON, 12)))
    assert (clock.state, clock.target, clock.deadline) == (ClockState.RUNNING, 8 * H, b(MON, 17))


def test_a_downgrade_after_the_old_target_is_no_backdated_breach() -> None:
    # Sev 2's 4 h ran out at 13:00; at 14:00 the case becomes Sev 3 (8 h): 5 h used, 3 h left.
    history = History(severity=Severity.MAJOR).severity_to(b(MON, 14), Severity.MINOR)
    result = history.clocks(now=b(MON, 15))
    clock = first_response(result)
    assert (clock.state, clock.deadline, clock.breach_at) == (ClockState.RUNNING, b(MON, 17), None)
    assert result.summary.breaches == 0
    history.reply(b(MON, 16, 30))
    assert first_response(history.clocks(now=b(MON, 17))).state is ClockState.MET


def test_a_downgrade_from_severity_1_after_its_target_counts_the_night_and_business_hours_after() -> None:
    # Friday 16:00 Sev 1 (2 h around the clock, over at 18:00); at 19:00 it becomes Sev 2:
    # 3 h used, 1 business hour left, on Monday morning.
    history = History(created=b(6, 16), severity=Severity.CRITICAL).severity_to(b(6, 19), Severity.MAJOR)
    clock = first_response(history.clocks(now=b(7, 12)))
    assert (clock.state, clock.deadline, clock.breach_at) == (ClockState.RUNNING, b(9, 10), None)


def test_a_downgrade_past_the_new_target_too_breaches_at_the_change() -> None:
    # Sev 1 from Monday 09:00; at 20:00, 11 h used: Sev 3's 8 h are exceeded as well.
    history = History(severity=Severity.CRITICAL).severity_to(b(MON, 20), Severity.MINOR)
    clock = first_response(history.clocks(now=b(MON, 21)))
    assert clock.state is ClockState.BREACHED
    assert clock.breach_at == b(MON, 20)  # not 11:00 (the old deadline)


def test_several_changes_in_a_row() -> None:
    history = History(severity=Severity.MINOR)
    history.severity_to(b(MON, 12), Severity.CRITICAL)  # 3 h used of 2 h: breached at 12:00
    history.severity_to(b(MON, 13), Severity.MAJOR)  # 3 h + 1 h around the clock = 4 h of 4 h: breached anew
    history.severity_to(b(MON, 14), Severity.MINOR)  # 5 h of 8 h: the breach ends, due 17:00

    def at(hour: int, minute: int = 0) -> tuple[ClockState, object]:
        clock = first_response(history.clocks(now=b(MON, hour, minute)))
        return clock.state, clock.breach_at

    assert at(12, 30) == (ClockState.BREACHED, b(MON, 12))
    assert at(13, 30) == (ClockState.BREACHED, b(MON, 13))  # the new target exceeded: recorded at its change
    clock = first_response(history.clocks(now=b(MON, 15)))
    assert (clock.state, clock.deadline, clock.breach_at) == (ClockState.RUNNING, b(MON, 17), None)
    assert first_response(history.clocks(now=b(MON, 17, 30))).breach_at == b(MON, 17)


def test_upgrade_then_downgrade_before_any_target() -> None:
    history = History(severity=Severity.MINOR)
    history.severity_to(b(MON, 10), Severity.MAJOR)  # 1 h of 4 h
    history.severity_to(b(MON, 11), Severity.MINOR)  # 2 h of 8 h
    clock = first_response(history.clocks(now=b(MON, 12)))
    assert (clock.state, clock.target, clock.deadline) == (ClockState.RUNNING, 8 * H, b(MON, 17))
