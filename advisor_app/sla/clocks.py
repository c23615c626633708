"""SLA clocks per case, recomputed from the case's history (a pure function of the
history, the tier, the calendar, the policy and `now`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from advisor_app.domain.model import Case, CaseEvent, CaseStatus, Severity
from advisor_app.domain.tiers import SupportTier
from advisor_app.sla.calendar import BusinessCalendar
from advisor_app.sla.history import initial_values, read_history
from advisor_app.sla.measure import Measure, Targets, measure_cycle
from advisor_app.sla.policy import SlaPolicy, load_policy
from advisor_app.sla.revisions import Revisions
from advisor_app.sla.states import ClockKind, ClockState
from advisor_app.sla.timebase import from_us, hours_us, td, to_us

CalendarInput = BusinessCalendar | Revisions[BusinessCalendar]
PolicyInput = SlaPolicy | Revisions[SlaPolicy]


@dataclass(frozen=True, slots=True)
class Clock:
    """One response cycle as of `now` (or as it ended)."""

    kind: ClockKind
    state: ClockState
    started_at: datetime
    ended_at: datetime | None  # the reply (or stop status) that ended it; None while open
    stopped: bool  # ended by a stop status (solved, closed) rather than a reply
    severity: Severity
    target: timedelta | None  # business time allowed; None: no target published
    deadline: datetime | None  # None while paused or without target; the breach instant once breached
    at_risk_at: datetime | None  # when an open clock is (or will be) at risk if nothing changes
    breach_at: datetime | None
    remaining: timedelta | None  # business time left at now (or at the end); negative once overdue
    time_to_deadline: timedelta | None  # wall-clock time from now to the deadline, open clocks only
    consumed: float | None  # share of the target used
    at_risk: bool
    paused: bool


class StateAt(NamedTuple):
    state: ClockState
    at_risk: bool


@dataclass(frozen=True, slots=True)
class CaseClockSummary:
    """The clock that matters for a case, in a form to store and list.

    Until the case's history, calendar or policy changes, the state at any later time t
    follows from it alone (`state_at`): a running clock is breached from `deadline` on
    and at risk from `at_risk_at` on; every other state holds.
    """

    state: ClockState
    kind: ClockKind | None  # None when the case has no clock at all
    open: bool  # the clock is still waiting for a reply
    paused: bool
    deadline: datetime | None  # an open clock's; the breach instant once breached; else None
    at_risk_at: datetime | None
    breach_at: datetime | None
    breaches: int  # cycles breached in the case's history so far
    computed_at: datetime

    def state_at(self, instant: datetime) -> StateAt:
        return clock_state_at(self, instant)


@dataclass(frozen=True, slots=True)
class CaseClocks:
    clocks: tuple[Clock, ...]
    summary: CaseClockSummary


def clock_state_at(summary: CaseClockSummary, instant: datetime) -> StateAt:
    """The state of a summarized clock at `instant` (at or after `computed_at`)."""
    state = summary.state
    if state is ClockState.RUNNING and summary.deadline is not None and instant >= summary.deadline:
        return StateAt(ClockState.BREACHED, False)
    if state is ClockState.RUNNING or state is ClockState.PAUSED:
        return StateAt(state, summary.at_risk_at is not None and instant >= summary.at_risk_at)
    return StateAt(state, False)


def compute_clocks(
    *,
    created_at: datetime,
    severity: Severity,
    status: CaseStatus,
    events: Iterable[CaseEvent],
    tier: SupportTier,
    calendar: CalendarInput,
    policy: PolicyInput | None = None,
    now: datetime,
) -> CaseClocks:
    """Every clock of a case and its summary. `severity` and `status` are the values at
    creation (see `initial_values`); `calendar` is the account's business calendar."""
    now_us = to_us(now, "now")
    evaluation = _Evaluation(created_at, severity, status, events, tier, calendar, policy, now_us, detail=True)
    clocks = tuple(_clock(measure, now_us) for measure in evaluation.measures)
    return CaseClocks(clocks, evaluation.summary(now))


def summarize_clocks(
    *,
    created_at: datetime,
    severity: Severity,
    status: CaseStatus,
    events: Iterable[CaseEvent],
    tier: SupportTier,
    calendar: CalendarInput,
    policy: PolicyInput | None = None,
    now: datetime,
) -> CaseClockSummary:
    """Only the summary: the fast path for recomputing many cases (no per-clock detail)."""
    evaluation = _Evaluation(created_at, severity, status, events, tier, calendar, policy, to_us(now, "now"), False)
    return evaluation.summary(now)


def clocks_for_case(
    case: Case,
    events: Iterable[CaseEvent],
    *,
    tier: SupportTier,
    calendar: CalendarInput,
    policy: PolicyInput | None = None,
    now: datetime,
) -> CaseClocks:
    """`compute_clocks` for a stored case (its current severity and status) and its events."""
    events = list(events)
    severity, status = initial_values(case.severity, case.status, events)
    return compute_clocks(
        created_at=case.created_at,
        severity=severity,
        status=status,
        events=events,
        tier=tier,
        calendar=calendar,
        policy=policy,
        now=now,
    )


def tier_targets(tier: SupportTier) -> Targets:
    """A tier's targets in microseconds per clock kind and severity."""
    cached = _TARGETS.get(id(tier))
    if cached is not None and cached[0] is tier:
        return cached[1]
    targets: Targets = {
        ClockKind.FIRST_RESPONSE: {s: _hours(tier.first_response_target(s)) for s in Severity},
        ClockKind.FOLLOW_UP: {s: _hours(tier.follow_up_target(s)) for s in Severity},
    }
    _TARGETS[id(tier)] = (tier, targets)
    return targets


_TARGETS: dict[int, tuple[SupportTier, Targets]] = {}


def _hours(value: float | None) -> int | None:
    return None if value is None else hours_us(value)


class _Evaluation:
    """A case's history with every cycle measured."""

    __slots__ = ("history", "measures")

    def __init__(
        self,
        created_at: datetime,
        severity: Severity,
        status: CaseStatus,
        events: Iterable[CaseEvent],
        tier: SupportTier,
        calendar: CalendarInput,
        policy: PolicyInput | None,
        now: int,
        detail: bool,
    ) -> None:
        created = to_us(created_at, "created_at")
        if policy is None:
            policy = load_policy()
        history = read_history(created, severity, status, events, now, policy)
        targets = tier_targets(tier)
        measures = []
        for cycle in history.cycles:
            # The settings in force when a cycle ended (now while open): edits recompute
            # open clocks and leave finished cycles as they were.
            at = now if cycle.end is None else cycle.end
            hours = calendar if isinstance(calendar, BusinessCalendar) else calendar.at_us(at)
            rules = policy if isinstance(policy, SlaPolicy) else policy.at_us(at)
            measures.append(measure_cycle(cycle, history, hours, rules, targets, now, detail))
        self.history = history
        self.measures = measures

    def summary(self, now: datetime) -> CaseClockSummary:
        """Cycles follow one another, so at most one is open: the last. It is the clock
        that matters; without one, the latest breached cycle, else the last cycle."""
        measures = self.measures
        if not measures:
            return CaseClockSummary(ClockState.NO_TARGET, None, False, False, None, None, None, 0, now)
        breached = [m for m in measures if m.state is ClockState.BREACHED]
        chosen = measures[-1]
        if chosen.cycle.end is not None and breached:
            chosen = breached[-1]
        return CaseClockSummary(
            state=chosen.state,
            kind=chosen.cycle.kind,
            open=chosen.cycle.end is None,
            paused=chosen.paused,
            deadline=_instant(chosen.deadline) if chosen.state is not ClockState.MET else None,
            at_risk_at=_instant(chosen.at_risk_at),
            breach_at=_instant(chosen.breach_at),
            breaches=len(breached),
            computed_at=now,
        )


def _clock(measure: Measure, now: int) -> Clock:
    cycle, target, used, deadline = measure.cycle, measure.target, measure.consumed, measure.deadline
    is_open = cycle.end is None
    live = is_open and measure.state in (ClockState.RUNNING, ClockState.PAUSED)
    return Clock(
        kind=cycle.kind,
        state=measure.state,
        started_at=from_us(cycle.start),
        ended_at=_instant(cycle.end),
        stopped=cycle.stopped,
        severity=measure.severity,
        target=None if target is None else td(target),
        deadline=_instant(deadline),
        at_risk_at=_instant(measure.at_risk_at),
        breach_at=_instant(measure.breach_at),
        remaining=None if target is None or used is None else td(target - used),
        time_to_deadline=td(deadline - now) if is_open and deadline is not None else None,
        consumed=None if not target or used is None else used / target,
        at_risk=live and measure.at_risk_at is not None and now >= measure.at_risk_at,
        paused=measure.paused,
    )


def _instant(value: int | None) -> datetime | None:
    return None if value is None else from_us(value)
