"""A case's history read into timelines and response cycles (epoch microseconds).

Events at the same instant are taken agent replies first, so a reply saved together with
a status change counts before it (SLA.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from advisor_app.domain.model import CaseEvent, CaseStatus, EventKind, Severity
from advisor_app.sla.policy import SlaPolicy
from advisor_app.sla.revisions import Revisions
from advisor_app.sla.states import ClockKind
from advisor_app.sla.timebase import EPOCH

_REPLY = EventKind.AGENT_REPLY
_MESSAGE = EventKind.CUSTOMER_MESSAGE
_NOTE = EventKind.INTERNAL_NOTE
_STATUS = EventKind.STATUS_CHANGE
_SEVERITY = EventKind.SEVERITY_CHANGE
_ONE_US = EPOCH.resolution
_STATUSES = {status.value: status for status in CaseStatus}
_SEVERITIES = {str(int(severity)): severity for severity in Severity}


@dataclass(slots=True)
class Cycle:
    """One response cycle: the first response, or one follow-up."""

    kind: ClockKind
    start: int
    end: int | None = None  # None while open
    stopped: bool = False  # ended by a stop status rather than an agent reply


@dataclass(slots=True)
class CaseHistory:
    statuses: list[tuple[int, CaseStatus]]  # (from, status), the first at creation
    severities: list[tuple[int, Severity]]  # (from, severity), the first at creation
    cycles: list[Cycle]


def read_history(
    created: int,
    severity: Severity,
    status: CaseStatus,
    events: Iterable[CaseEvent],
    now: int,
    policy: SlaPolicy | Revisions[SlaPolicy],
) -> CaseHistory:
    """Events after `now` are ignored; events before creation count at creation."""
    # One int per event orders it: its instant (never before creation), then replies
    # before everything else at that instant. Messages and notes move no clock.
    keys: list[int] = []
    relevant: list[CaseEvent] = []
    previous = -1
    in_order = True
    for event in events:
        kind = event.kind
        if kind is _MESSAGE or kind is _NOTE:
            continue
        at = (event.at - EPOCH) // _ONE_US
        key = 2 * (at if at > created else created) + (kind is not _REPLY)
        if key < previous:
            in_order = False
        keys.append(key)
        relevant.append(event)
        previous = key
    rows: Iterable[tuple[int, CaseEvent]] = zip(keys, relevant, strict=True)
    if not in_order:
        rows = sorted(rows, key=_first)  # stable: an equal key keeps its place
    limit = 2 * now + 1

    fixed = policy if isinstance(policy, SlaPolicy) else None
    stops = _stops_at(policy, created)
    statuses = [(created, status)]
    severities = [(created, severity)]
    cycles: list[Cycle] = []
    current = Cycle(ClockKind.FIRST_RESPONSE, created) if status not in stops else None
    for key, event in rows:
        if key > limit:
            continue
        at = key >> 1
        kind = event.kind
        if fixed is None:
            stops = _stops_at(policy, at)
        if kind is _REPLY:
            if current is not None:
                _close(cycles, current, at, stopped=False)
            current = Cycle(ClockKind.FOLLOW_UP, at) if status not in stops else None
        elif kind is _STATUS:
            new = _STATUSES.get(event.value)
            if new is None:
                raise ValueError(f"case event {event.remote_id}: unknown status {event.value!r}")
            if new is status:
                continue
            was_stopped = status in stops
            status = new
            statuses.append((at, new))
            if new in stops:
                if current is not None:
                    _close(cycles, current, at, stopped=True)
                    current = None
            elif was_stopped:
                current = Cycle(ClockKind.FOLLOW_UP, at)  # reopened
        elif kind is _SEVERITY:
            new_severity = _SEVERITIES.get(event.value)
            if new_severity is None:
                raise ValueError(f"case event {event.remote_id}: unknown severity {event.value!r}")
            severities.append((at, new_severity))
    if current is not None:
        cycles.append(current)
    return CaseHistory(statuses, severities, cycles)


def _first(row: tuple[int, CaseEvent]) -> int:
    return row[0]


def _close(cycles: list[Cycle], cycle: Cycle, at: int, *, stopped: bool) -> None:
    cycle.end = at
    cycle.stopped = stopped
    # A follow-up that ends where it starts (two replies or a reply and a stop in one
    # save) owes nothing and would only add noise.
    if at > cycle.start or (cycle.kind is ClockKind.FIRST_RESPONSE and not stopped):
        cycles.append(cycle)


def _stops_at(policy: SlaPolicy | Revisions[SlaPolicy], at: int) -> frozenset[CaseStatus]:
    return (policy if isinstance(policy, SlaPolicy) else policy.at_us(at)).stop_statuses


def initial_values(severity: Severity, status: CaseStatus, events: Iterable[CaseEvent]) -> tuple[Severity, CaseStatus]:
    """The severity and status a case had at creation, given its current ones and its
    history: the old value of the earliest change of each, when there is one."""
    first_severity = first_status = None
    for event in sorted(events, key=lambda e: e.at):
        if event.kind is _SEVERITY and first_severity is None and event.old_value:
            first_severity = Severity(int(event.old_value))
        elif event.kind is _STATUS and first_status is None and event.old_value:
            first_status = CaseStatus(event.old_value)
    return first_severity or severity, first_status or status
