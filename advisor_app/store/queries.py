"""Read queries for lists and reports: plain rows, never one ORM object per table row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Integer,
    Select,
    and_,
    case,
    cast,
    func,
    null,
    or_,
    select,
    type_coerce,
)

from advisor_app.domain import CaseStatus
from advisor_app.store import schema

ACTIVE_STATUSES = tuple(status.value for status in CaseStatus if status.is_active)


@dataclass(frozen=True, slots=True)
class AccountSummary:
    id: int
    remote_id: str
    name: str
    tier: str
    region: str
    timezone: str
    contract_status: str
    named_advisor: str | None
    open_cases: int
    unassigned: bool = False
    """No longer the advisor's (reassigned, or removed from the selection); kept with its local data."""


def account_summaries(connection: Connection, *, unassigned_of: str | None = None) -> list[AccountSummary]:
    """The active accounts; with `unassigned_of` (a source), also that source's accounts no
    longer assigned to the advisor (their local data is kept)."""
    a, c = schema.accounts, schema.cases
    open_count = (
        select(func.count())
        .where(
            c.c.account_id == a.c.id,
            c.c.status.in_(ACTIVE_STATUSES),
            c.c.removed_at.is_(None),
        )
        .scalar_subquery()
    )
    rows = connection.execute(
        select(
            a.c.id,
            a.c.remote_id,
            a.c.name,
            a.c.tier,
            a.c.region,
            a.c.timezone,
            a.c.contract_status,
            a.c.named_advisor,
            open_count,
            a.c.removed_at.is_not(None),
        )
        .where(a.c.removed_at.is_(None) | (a.c.source == unassigned_of) if unassigned_of else a.c.removed_at.is_(None))
        .order_by(func.lower(a.c.name))
    )
    return [AccountSummary(*row) for row in rows]


class CaseSort(StrEnum):
    ID = "id"
    SUBJECT = "subject"
    ACCOUNT = "account"
    SEVERITY = "severity"
    STATUS = "status"
    REQUESTER = "requester"
    CREATED = "created"
    UPDATED = "updated"
    DUE = "due"
    URGENCY = "urgency"
    """Breached first (longest overdue first), then by wall-clock time to the deadline, so a
    Severity 1 due in 2 h sits above a Severity 3 at risk but due in 13 h (needs the filter's
    `now`). The same order as DUE ascending, which All cases starts with."""


class ClockFilter(StrEnum):
    """Filters on the SLA clock as of an instant, answered from the stored summaries."""

    AT_RISK = "at_risk"
    BREACHED = "breached"
    WAITING = "waiting"
    COUNTING = "counting"
    """A target still counts down or has passed unanswered (not paused, met or without target)."""


def _clock_condition(c: Any, clock: ClockFilter, now: datetime) -> ColumnElement[bool]:
    if clock is ClockFilter.WAITING:
        return and_(c.clock_open, c.clock_paused)
    if clock is ClockFilter.COUNTING:
        return and_(c.clock_open, c.clock_state.in_(("running", "breached")))
    breached = and_(c.clock_open, c.clock_state.in_(("running", "breached")), c.clock_deadline <= now)
    if clock is ClockFilter.BREACHED:
        return breached
    return and_(c.clock_open, c.clock_state == "running", c.clock_at_risk_at <= now, c.clock_deadline > now)


@dataclass(frozen=True, slots=True)
class CaseFilter:
    account_id: int | None = None
    active_only: bool = True
    clock: ClockFilter | None = None
    now: datetime | None = None
    """The instant the clock filter is judged at (needed with `clock`)."""
    severities: frozenset[int] | None = None
    statuses: frozenset[str] | None = None
    text: str = ""
    """Matches the case's number exactly, or its subject or requester containing the text."""


@dataclass(frozen=True, slots=True)
class CaseListRow:
    id: int
    remote_id: str
    account_id: int
    account_name: str
    subject: str
    severity: int
    status: str
    requester: str
    created_at: datetime
    updated_at: datetime
    account_region: str
    account_timezone: str
    clock_state: str | None
    clock_kind: str | None
    clock_open: bool
    clock_paused: bool
    clock_deadline: datetime | None
    clock_at_risk_at: datetime | None
    clock_breach_at: datetime | None


def _due(c: Any) -> ColumnElement[Any]:
    """The deadline that still matters (running or breached and waiting); NULL otherwise."""
    return case((and_(c.clock_open, c.clock_state.in_(("running", "breached"))), c.clock_deadline), else_=null())


def _sort_column(sort: CaseSort) -> ColumnElement[Any]:
    c, a = schema.cases.c, schema.accounts.c
    return {
        CaseSort.ID: cast(c.remote_id, Integer),
        CaseSort.SUBJECT: func.lower(c.subject),
        CaseSort.ACCOUNT: func.lower(a.name),
        CaseSort.SEVERITY: c.severity,
        CaseSort.STATUS: c.status,
        CaseSort.REQUESTER: c.requester,
        # `+ 0` keeps SQLite off the single-column index: walking it and reading every row
        # for the filters is three times slower at 200,000 cases than sorting the matches.
        CaseSort.CREATED: type_coerce(c.created_at, Integer) + 0,
        CaseSort.UPDATED: type_coerce(c.updated_at, Integer) + 0,
        CaseSort.DUE: _due(c),
    }[sort]


def _filtered(statement: Select[Any], case_filter: CaseFilter) -> Select[Any]:
    c = schema.cases.c
    conditions: list[ColumnElement[bool]] = [c.removed_at.is_(None)]
    if case_filter.account_id is not None:
        conditions.append(c.account_id == case_filter.account_id)
    if case_filter.active_only:
        conditions.append(c.status.in_(ACTIVE_STATUSES))
    if case_filter.clock is not None:
        if case_filter.now is None:
            raise ValueError("a clock filter needs the instant to judge it at")
        conditions.append(_clock_condition(c, case_filter.clock, case_filter.now))
    if case_filter.severities is not None:
        conditions.append(c.severity.in_(sorted(case_filter.severities)))
    if case_filter.statuses is not None:
        conditions.append(c.status.in_(sorted(case_filter.statuses)))
    text = case_filter.text.strip()
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        conditions.append(
            or_(
                c.remote_id == text.lstrip("#"),
                c.subject.ilike(pattern, escape="\\"),
                c.requester.ilike(pattern, escape="\\"),
            )
        )
    return statement.where(and_(*conditions))


def case_ids(connection: Connection, case_filter: CaseFilter, sort: CaseSort, descending: bool) -> list[int]:
    """Ids of the matching cases in display order: filtering and sorting happen in SQL."""
    c, a = schema.cases, schema.accounts
    if sort is CaseSort.URGENCY:
        return _ids_by_urgency(connection, case_filter)
    column = _sort_column(sort)
    # Cases without a deadline (paused, met, no target) come last in either direction.
    order = (column.desc() if descending else column.asc()).nulls_last()
    # The join costs a lookup per row; only the account sort needs it.
    source = c.join(a, a.c.id == c.c.account_id) if sort is CaseSort.ACCOUNT else c
    statement = select(c.c.id).select_from(source)
    statement = _filtered(statement, case_filter).order_by(order, c.c.id.desc() if descending else c.c.id)
    # Plain ints straight from the driver: no ORM or type processing for up to 200,000 rows.
    return [row[0] for row in connection.execute(statement)]


def _ids_by_urgency(connection: Connection, case_filter: CaseFilter) -> list[int]:
    if case_filter.now is None:
        raise ValueError("sorting by urgency needs the instant to judge it at")
    c = schema.cases.c
    # A breached deadline lies in the past, so ascending deadlines put breached cases first.
    statement = _filtered(select(c.id), case_filter).order_by(_due(c).asc().nulls_last(), c.id)
    return [row[0] for row in connection.execute(statement)]


def case_rows(connection: Connection, ids: Sequence[int]) -> dict[int, CaseListRow]:
    """The list rows of `ids` (at most a page: SQLite caps bound parameters)."""
    c, a = schema.cases.c, schema.accounts.c
    rows = connection.execute(
        select(
            c.id,
            c.remote_id,
            c.account_id,
            a.name,
            c.subject,
            c.severity,
            c.status,
            c.requester,
            c.created_at,
            c.updated_at,
            a.region,
            a.timezone,
            c.clock_state,
            c.clock_kind,
            c.clock_open,
            c.clock_paused,
            c.clock_deadline,
            c.clock_at_risk_at,
            c.clock_breach_at,
        )
        .select_from(schema.cases.join(schema.accounts, a.id == c.account_id))
        .where(c.id.in_(list(ids)))
    )
    return {row[0]: CaseListRow(*tuple(row)) for row in rows}


def last_sync_time(connection: Connection) -> datetime | None:
    value: datetime | None = connection.execute(select(func.max(schema.sync_state.c.updated_at))).scalar()
    return value


def open_cases(connection: Connection) -> list[CaseListRow]:
    ids = case_ids(connection, CaseFilter(active_only=True), CaseSort.ID, descending=False)
    rows: dict[int, CaseListRow] = {}
    for start in range(0, len(ids), 500):
        rows.update(case_rows(connection, ids[start : start + 500]))
    return [rows[i] for i in ids]


@dataclass(frozen=True, slots=True)
class QuarantinedRecord:
    source: str
    stream: str
    remote_id: str
    reason: str
    seen_at: datetime


def quarantined(connection: Connection) -> list[QuarantinedRecord]:
    q = schema.quarantine.c
    rows = connection.execute(
        select(q.source, q.stream, q.remote_id, q.reason, q.seen_at).order_by(q.seen_at.desc(), q.stream, q.remote_id)
    )
    return [QuarantinedRecord(*tuple(row)) for row in rows]


def set_aside_ids(engine: Engine, source: str, stream: str) -> list[str]:
    """Remote ids of the stream's records set aside (a provider reads them again each sync)."""
    q = schema.quarantine.c
    with engine.connect() as connection:
        return list(connection.execute(select(q.remote_id).where(q.source == source, q.stream == stream)).scalars())


def active_case_ids(engine: Engine, source: str) -> list[str]:
    """Remote ids of the source's cases still active here (a provider re-checks those it
    no longer finds in its listing, to learn of deletions its search does not show)."""
    c = schema.cases.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(c.remote_id).where(c.source == source, c.status.in_(ACTIVE_STATUSES), c.removed_at.is_(None))
        )
        return [row[0] for row in rows]


def case_numbers(connection: Connection, ids: Iterable[int]) -> dict[int, str]:
    """The id the source gives each of these cases (its ticket number), by local id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    c = schema.cases.c
    return {
        case_id: remote for case_id, remote in connection.execute(select(c.id, c.remote_id).where(c.id.in_(wanted)))
    }


def cases_to_link(connection: Connection, account_id: int, limit: int) -> list[tuple[int, str, str]]:
    """The account's cases a local record (a service day) can be linked to, (id, number, subject):
    the cases not yet solved first, then the newest; cases that left the account are not offered."""
    c = schema.cases.c
    done_last = case((c.status.in_(ACTIVE_STATUSES), 0), else_=1)
    rows = connection.execute(
        select(c.id, c.remote_id, c.subject)
        .where(c.account_id == account_id, c.removed_at.is_(None))
        .order_by(done_last, c.created_at.desc(), c.id.desc())
        .limit(limit)
    )
    return [(case_id, remote, subject) for case_id, remote, subject in rows]
