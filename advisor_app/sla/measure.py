"""One response cycle measured against its target, in epoch microseconds.

A cycle runs from its start to its end (or to now while open). Severity changes split it
into segments, each on its severity's hours (24x7 or the business calendar); the target
is always the current severity's, re-measured from the cycle's start (SLA.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from advisor_app.domain.model import CaseStatus, Severity
from advisor_app.sla.calendar import BusinessCalendar, Span
from advisor_app.sla.calendars import ALWAYS_OPEN
from advisor_app.sla.history import CaseHistory, Cycle
from advisor_app.sla.policy import SlaPolicy
from advisor_app.sla.states import ClockKind, ClockState

Targets = Mapping[ClockKind, Mapping[Severity, int | None]]
"""Target durations in microseconds per clock kind and severity; None: not published."""


class Measure(NamedTuple):
    cycle: Cycle
    severity: Severity  # at the end, or now while open
    target: int | None
    state: ClockState
    deadline: int | None
    at_risk_at: int | None
    breach_at: int | None
    paused: bool
    consumed: int | None  # business time used by the end (or now); only with `detail`
    # Without `detail`, a met cycle may come without its deadline.


def measure_cycle(
    cycle: Cycle,
    history: CaseHistory,
    calendar: BusinessCalendar,
    policy: SlaPolicy,
    targets: Targets,
    now: int,
    detail: bool,
) -> Measure:
    start, end = cycle.start, cycle.end
    kind_targets = targets[cycle.kind]
    severities = history.severities
    if end is not None and not detail and len(severities) == 1 and policy.enabled:
        severity = severities[0][1]
        target = kind_targets[severity]
        # Business time never outruns wall-clock time: a cycle answered sooner than its
        # target in wall-clock terms was met, whatever the calendar and pauses.
        if target is not None and end - start < target:
            return Measure(cycle, severity, target, ClockState.MET, None, None, None, False, None)
    is_open = end is None
    horizon = now if end is None else end
    segments = [(start, severities[0][1])] if len(severities) == 1 else _segments(severities, start, horizon, is_open)
    severity = segments[-1][1]
    if not policy.enabled:
        return Measure(cycle, severity, None, ClockState.NO_TARGET, None, None, None, False, None)
    pausing = policy.pauses.get(cycle.kind)
    if pausing:
        pauses, paused = _pauses(history.statuses, pausing, start, horizon)
        paused = paused and is_open
    else:
        pauses, paused = [], False
    around_the_clock = policy.around_the_clock

    # Re-measured from the cycle's start under the target in force: each segment's own
    # severity decides its target and hours, so a change that lifts the target ends a breach
    # of the old one. A new target already exceeded at a change is breached at that change,
    # never earlier (SLA.md). `run`: when the breach standing at the segment's end began.
    used = 0
    run = deadline = at_risk_at = None
    last = len(segments) - 1
    for index, (begin, segment_severity) in enumerate(segments):
        until = segments[index + 1][0] if index < last else horizon
        hours = ALWAYS_OPEN if segment_severity in around_the_clock else calendar
        target = kind_targets[segment_severity]
        if target is None:
            run = None
        elif used >= target:
            run = begin
        else:
            due = hours.add_us(begin, target - used, pauses)
            if due <= until:
                run = due
            else:
                run = None
                if index == last:
                    deadline = due
                    if is_open:
                        threshold = policy.at_risk_threshold_us(target)
                        mark = begin if threshold <= used else hours.add_us(begin, threshold - used, pauses)
                        at_risk_at = None if paused and mark > now else mark
        if index < last or detail:
            used += hours.elapsed_us(begin, until, pauses)
    breach_at = run

    target = kind_targets[severity]
    if breach_at is not None:
        state, deadline = ClockState.BREACHED, breach_at
    elif target is None:
        state, deadline = ClockState.NO_TARGET, None
    elif not is_open:
        state = ClockState.MET
    elif paused:
        state, deadline = ClockState.PAUSED, None
    else:
        state = ClockState.RUNNING
    return Measure(cycle, severity, target, state, deadline, at_risk_at, breach_at, paused, used if detail else None)


def _segments(
    severities: list[tuple[int, Severity]], start: int, horizon: int, is_open: bool
) -> list[tuple[int, Severity]]:
    """(from, severity) pieces of [start, horizon). A change at a finished cycle's end
    comes after the reply that ended it; one at now applies to an open cycle."""
    current = severities[0][1]
    segments: list[tuple[int, Severity]] = []
    for at, severity in severities:
        if at <= start:
            current = severity
        elif at < horizon or (is_open and at == horizon):
            if not segments:
                segments.append((start, current))
            if severity is not segments[-1][1]:
                segments.append((at, severity))
    return segments or [(start, current)]


def _pauses(
    statuses: list[tuple[int, CaseStatus]], pausing: frozenset[CaseStatus], start: int, horizon: int
) -> tuple[list[Span], bool]:
    """Spans of [start, horizon) spent in a pausing status, and whether the last status
    pauses."""
    spans: list[Span] = []
    begin: int | None = None
    for at, status in statuses:
        if status in pausing:
            if begin is None:
                begin = at
        elif begin is not None:
            if at > start and begin < horizon:
                spans.append((begin if begin > start else start, at if at < horizon else horizon))
            begin = None
    if begin is not None and begin < horizon:
        spans.append((begin if begin > start else start, horizon))
    return spans, begin is not None
