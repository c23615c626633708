"""SLA clocks kept with the cases: recomputed from history for exactly the cases a change
touches, so lists can sort and filter by time to breach in SQL.

The arithmetic is `advisor_app.sla` (pure); this module reads the inputs from the store
(case, events, account tier and calendar, calendar edits) and writes the summaries back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, select

from advisor_app.domain import CaseEvent, CaseStatus, EventKind, Severity, SupportTier, load_tiers
from advisor_app.sla import (
    ALWAYS_OPEN,
    DEFAULT_CALENDAR_ID,
    BusinessCalendar,
    CaseClocks,
    CaseClockSummary,
    Revisions,
    SlaPolicy,
    calendar_ids,
    compute_clocks,
    initial_values,
    load_calendar,
    load_policy,
    summarize_clocks,
)
from advisor_app.sla.spec import parse_spec
from advisor_app.store import schema
from advisor_app.store.queries import ACTIVE_STATUSES

_CHUNK = 500

CalendarInput = BusinessCalendar | Revisions[BusinessCalendar]


def calendar_id_for_region(region: str) -> str:
    """Accounts name their region; a region without a calendar of its own gets the default."""
    return region if region in calendar_ids() else DEFAULT_CALENDAR_ID


def workspace_calendar(connection: Connection, calendar_id: str) -> CalendarInput:
    """The shipped calendar with this workspace's edits as revisions in time order."""
    base = load_calendar(calendar_id)
    e = schema.calendar_edits.c
    edits = connection.execute(
        select(e.effective_at, e.spec).where(e.calendar_id == calendar_id).order_by(e.effective_at, e.id)
    ).all()
    if not edits:
        return base
    return Revisions(base, [(at, BusinessCalendar.from_spec(json.loads(spec))) for at, spec in edits])


def edit_calendar(connection: Connection, calendar_id: str, spec: Mapping[str, Any], now: datetime) -> int:
    """Record an edit of a calendar from `now` on and recompute the open clocks it governs.

    The spec is validated first (CalendarSpecError names the field); nothing is written
    when it is malformed. Returns the number of cases recomputed.
    """
    load_calendar(calendar_id)  # unknown ids raise KeyError before anything is written
    BusinessCalendar.from_spec(spec)
    connection.execute(
        schema.calendar_edits.insert().values(calendar_id=calendar_id, effective_at=now, spec=json.dumps(dict(spec)))
    )
    regions = [calendar_id] if calendar_id != DEFAULT_CALENDAR_ID else None
    return recompute_open_clocks(connection, now, regions=regions)


class _Inputs:
    """Tiers, policy and calendars, each read once per recompute."""

    def __init__(self, connection: Connection, policy: SlaPolicy | None) -> None:
        self._connection = connection
        self.policy = policy or load_policy()
        self.tiers = load_tiers()
        self._calendars: dict[str, CalendarInput] = {}

    def calendar(self, region: str) -> CalendarInput:
        calendar_id = calendar_id_for_region(region)
        if calendar_id not in self._calendars:
            self._calendars[calendar_id] = workspace_calendar(self._connection, calendar_id)
        return self._calendars[calendar_id]

    def tier(self, tier_id: str) -> SupportTier:
        return self.tiers.get(tier_id)


def _events_by_case(connection: Connection, case_ids: list[int]) -> dict[int, list[CaseEvent]]:
    e = schema.case_events.c
    events: dict[int, list[CaseEvent]] = defaultdict(list)
    rows = connection.execute(
        select(e.case_id, e.remote_id, e.kind, e.at, e.author, e.value, e.old_value)
        .where(e.case_id.in_(case_ids))
        .order_by(e.case_id, e.at, e.id)
    )
    for case_id, remote_id, kind, at, author, value, old_value in rows:
        events[case_id].append(CaseEvent("", remote_id, "", EventKind(kind), at, author, value, old_value))
    return events


def _case_inputs(connection: Connection, case_ids: list[int]) -> list[tuple[Any, ...]]:
    c, a = schema.cases.c, schema.accounts.c
    return list(
        connection.execute(
            select(c.id, c.created_at, c.severity, c.status, a.tier, a.region)
            .select_from(schema.cases.join(schema.accounts, a.id == c.account_id))
            .where(c.id.in_(case_ids))
        )
    )


_UPDATE = (
    schema.cases.update()
    .where(schema.cases.c.id == bindparam("case_id"))
    .values(
        clock_state=bindparam("state"),
        clock_kind=bindparam("kind"),
        clock_open=bindparam("open"),
        clock_paused=bindparam("paused"),
        clock_deadline=bindparam("deadline"),
        clock_at_risk_at=bindparam("at_risk_at"),
        clock_breach_at=bindparam("breach_at"),
        clock_breaches=bindparam("breaches"),
        clock_computed_at=bindparam("computed_at"),
    )
)


def _row(case_id: int, summary: CaseClockSummary) -> dict[str, Any]:
    return {
        "case_id": case_id,
        "state": summary.state.value,
        "kind": None if summary.kind is None else summary.kind.value,
        "open": summary.open,
        "paused": summary.paused,
        "deadline": summary.deadline,
        "at_risk_at": summary.at_risk_at,
        "breach_at": summary.breach_at,
        "breaches": summary.breaches,
        "computed_at": summary.computed_at,
    }


def _clock_inputs(
    connection: Connection, case_ids: Iterable[int], now: datetime, policy: SlaPolicy | None
) -> Iterator[list[tuple[int, dict[str, Any]]]]:
    """Per chunk of cases: each case's id and the keyword arguments of `compute_clocks`."""
    inputs = _Inputs(connection, policy)
    wanted = sorted(set(case_ids))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        events = _events_by_case(connection, chunk)
        batch = []
        for case_id, created_at, severity, status, tier, region in _case_inputs(connection, chunk):
            history = events.get(case_id, [])
            first_severity, first_status = initial_values(Severity(severity), CaseStatus(status), history)
            arguments = {
                "created_at": created_at,
                "severity": first_severity,
                "status": first_status,
                "events": history,
                "tier": inputs.tier(tier),
                "calendar": inputs.calendar(region),
                "policy": inputs.policy,
                "now": now,
            }
            batch.append((case_id, arguments))
        yield batch


def recompute_clocks(
    connection: Connection, case_ids: Iterable[int], now: datetime, policy: SlaPolicy | None = None
) -> int:
    """Recompute and store the clock summary of each case in `case_ids`."""
    written = 0
    for batch in _clock_inputs(connection, case_ids, now, policy):
        rows = [_row(case_id, summarize_clocks(**arguments)) for case_id, arguments in batch]
        if rows:
            connection.execute(_UPDATE, rows)
            written += len(rows)
    return written


def recompute_open_clocks(connection: Connection, now: datetime, regions: list[str] | None = None) -> int:
    """Recompute every active case (of accounts in `regions`, or all): after a calendar or
    policy edit, open clocks follow it at once."""
    c, a = schema.cases.c, schema.accounts.c
    statement = (
        select(c.id)
        .select_from(schema.cases.join(schema.accounts, a.id == c.account_id))
        .where(c.status.in_(ACTIVE_STATUSES), c.removed_at.is_(None))
    )
    if regions is not None:
        statement = statement.where(a.region.in_(regions))
    return recompute_clocks(connection, [row[0] for row in connection.execute(statement)], now)


def recompute_missing_clocks(connection: Connection, now: datetime) -> int:
    """Cases never computed (a workspace upgraded from before clocks existed)."""
    c = schema.cases.c
    ids = [row[0] for row in connection.execute(select(c.id).where(c.clock_computed_at.is_(None)))]
    return recompute_clocks(connection, ids, now) if ids else 0


def clocks_for_cases(
    connection: Connection, case_ids: Iterable[int], now: datetime, policy: SlaPolicy | None = None
) -> dict[int, CaseClocks]:
    """Every clock of these cases, with the detail a person reads (targets, business time left)."""
    return {
        case_id: compute_clocks(**arguments)
        for batch in _clock_inputs(connection, case_ids, now, policy)
        for case_id, arguments in batch
    }


def recompute_on_change(clock: Callable[[], datetime]) -> Callable[[Connection, set[int]], None]:
    """The sync engine's hook: recompute the touched cases inside the transaction it is given
    (an events page's, or, for cases whose events did not follow, one at the end of the run)."""

    def hook(connection: Connection, case_ids: set[int]) -> None:
        recompute_clocks(connection, case_ids, clock())

    return hook


def business_time_left(
    connection: Connection,
    region: str,
    severity: int,
    deadline: datetime,
    now: datetime,
    policy: SlaPolicy | None = None,
) -> timedelta:
    """Business time from `now` to `deadline` on the calendar the case's clock runs on
    (negative once the deadline has passed)."""
    policy = policy or load_policy()
    calendar: CalendarInput
    if Severity(severity) in policy.around_the_clock:
        calendar = ALWAYS_OPEN
    else:
        calendar = workspace_calendar(connection, calendar_id_for_region(region))
    current = calendar.current if isinstance(calendar, Revisions) else calendar
    if deadline >= now:
        return current.elapsed(now, deadline)
    return -current.elapsed(deadline, now)


def current_calendar(connection: Connection, calendar_id: str) -> BusinessCalendar:
    calendar = workspace_calendar(connection, calendar_id)
    return calendar.current if isinstance(calendar, Revisions) else calendar


def change_holidays(
    connection: Connection, calendar_id: str, add: Iterable[date], remove: Iterable[date], now: datetime
) -> int:
    """Add or take away whole-day holidays of a calendar from `now` on; recompute open clocks."""
    spec = current_calendar(connection, calendar_id).spec
    holidays = spec.get("holidays", [])
    rules: dict[str, Any] = dict(holidays) if isinstance(holidays, Mapping) else {"add": list(holidays)}
    added = {str(day) for day in rules.get("add", [])}
    removed = {str(day) for day in rules.get("remove", [])}
    for day in add:
        added.add(day.isoformat())
        removed.discard(day.isoformat())
    for day in remove:
        removed.add(day.isoformat())
        added.discard(day.isoformat())
    rules["add"], rules["remove"] = sorted(added), sorted(removed)
    return edit_calendar(connection, calendar_id, {**spec, "holidays": rules}, now)


def holidays_in(calendar: BusinessCalendar, year: int) -> list[date]:
    return sorted(parse_spec(calendar.spec).holidays.dates_in(year))
