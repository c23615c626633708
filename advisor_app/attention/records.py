"""The attention records kept in the workspace: sessions, notified events, snoozes.

All local-owned, written through the ORM, one transaction per call; sync never touches them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, Engine, and_, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from advisor_app.attention.alerts import CLOCK_LOOKBACK, NEW_CASE_LOOKBACK, Alert, CaseFacts
from advisor_app.store import schema
from advisor_app.store.queries import ACTIVE_STATUSES


def open_session(engine: Engine, now: datetime) -> tuple[int, datetime | None]:
    """Record that the window opened; returns its id and when the advisor was last here.

    "Last here" is when the previous session closed, or, after a crash, when it opened.
    """
    with Session(engine) as session, session.begin():
        previous = session.execute(
            select(schema.AppSessionRow).order_by(schema.AppSessionRow.id.desc()).limit(1)
        ).scalar_one_or_none()
        last_here = None if previous is None else previous.closed_at or previous.opened_at
        row = schema.AppSessionRow(opened_at=now, closed_at=None)
        session.add(row)
        session.flush()
        return row.id, last_here


def close_session(engine: Engine, session_id: int, now: datetime) -> None:
    with Session(engine) as session, session.begin():
        row = session.get(schema.AppSessionRow, session_id)
        if row is not None:
            row.closed_at = now


def candidate_cases(connection: Connection, now: datetime) -> list[CaseFacts]:
    """Cases that may have an event to notify: a clock instant or a Severity 1 creation
    within the look-back. At most a few dozen rows."""
    c = schema.cases.c
    clock_since = now - CLOCK_LOOKBACK
    active = c.status.in_(ACTIVE_STATUSES)
    columns = (
        c.id,
        c.severity,
        active,
        c.created_at,
        c.clock_state,
        c.clock_open,
        c.clock_deadline,
        c.clock_at_risk_at,
    )
    live = (c.removed_at.is_(None), c.status.in_(ACTIVE_STATUSES))
    counting = (c.clock_open, c.clock_state.in_(("running", "breached")))
    # Three indexed range look-ups rather than one OR that SQLite would answer by a full scan.
    ranges = [
        (*counting, c.clock_deadline.between(clock_since, now)),
        (*counting, c.clock_at_risk_at.between(clock_since, now)),
        (c.severity == 1, c.created_at.between(now - NEW_CASE_LOOKBACK, now)),
    ]
    found: dict[int, CaseFacts] = {}
    for condition in ranges:
        for row in connection.execute(select(*columns).where(*live, *condition)):
            found[row[0]] = CaseFacts(*tuple(row))
    return list(found.values())


def next_clock_event_at(connection: Connection, now: datetime) -> datetime | None:
    """The next instant an open clock becomes at risk or breaches (checked again then)."""
    c = schema.cases.c
    running = and_(c.clock_open, c.clock_state == "running", c.removed_at.is_(None))
    at_risk: datetime | None = connection.execute(
        select(func.min(c.clock_at_risk_at)).where(running, c.clock_at_risk_at > now)
    ).scalar()
    deadline: datetime | None = connection.execute(
        select(func.min(c.clock_deadline)).where(running, c.clock_deadline > now)
    ).scalar()
    instants = [instant for instant in (at_risk, deadline) if instant is not None]
    return min(instants) if instants else None


def notified_keys(connection: Connection, case_ids: Sequence[int]) -> set[tuple[int, str, datetime]]:
    if not case_ids:
        return set()
    n = schema.notified_events.c
    rows = connection.execute(select(n.case_id, n.kind, n.event_at).where(n.case_id.in_(list(case_ids))))
    return {(case_id, kind, event_at) for case_id, kind, event_at in rows}


def record_notified(engine: Engine, alerts: Iterable[Alert], now: datetime) -> list[Alert]:
    """Record the alerts as told; returns those this call recorded. An alert another
    process (a second window, racing) recorded first is left out, so it is told once."""
    recorded = []
    with engine.begin() as connection:
        for alert in alerts:
            statement = (
                sqlite_insert(schema.notified_events)
                .values(case_id=alert.case_id, kind=alert.kind.value, event_at=alert.event_at, notified_at=now)
                .on_conflict_do_nothing()
            )
            if connection.execute(statement).rowcount == 1:
                recorded.append(alert)
    return recorded


def snoozes(connection: Connection, now: datetime) -> dict[int, datetime]:
    s = schema.case_snoozes.c
    return dict(connection.execute(select(s.case_id, s.until).where(s.until > now)).all())


def snooze_case(engine: Engine, case_id: int, until: datetime) -> None:
    with Session(engine) as session, session.begin():
        row = session.get(schema.CaseSnoozeRow, case_id)
        if row is None:
            session.add(schema.CaseSnoozeRow(case_id=case_id, until=until))
        else:
            row.until = until
