"""Stored status meanings follow the workspace's status map.

Sync stores each case's and each status change's source status beside its meaning (see
`domain/status_map.py`). When the map changes, the meanings are re-derived here from the
kept source statuses and the clocks of the cases that changed are recomputed, in one
transaction: nothing has to be read from the source again and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import Connection, Engine, bindparam, case, select

from advisor_app.domain import CaseStatus, EventKind
from advisor_app.store import schema
from advisor_app.store.clocks import recompute_clocks


def remap_statuses(connection: Connection, source: str, status_map: Mapping[str, CaseStatus]) -> set[int]:
    """Set every stored meaning of `source` to what `status_map` says of its source status;
    rows whose source status the map does not name keep theirs. The ids of the cases whose
    status or status history changed (none when the map agrees with the store)."""
    if not status_map:
        return set()
    meanings = {status: meaning.value for status, meaning in status_map.items()}
    c, e = schema.cases.c, schema.case_events.c
    case_meaning = case(meanings, value=c.source_status)
    stale_cases = connection.execute(
        select(c.id, case_meaning).where(
            c.source == source, c.source_status.in_(meanings), c.status.is_distinct_from(case_meaning)
        )
    ).all()
    if stale_cases:
        connection.execute(
            schema.cases.update().where(c.id == bindparam("row_id")).values(status=bindparam("meaning")),
            [{"row_id": case_id, "meaning": meaning} for case_id, meaning in stale_cases],
        )

    new_meaning = case(meanings, value=e.source_value, else_=e.value)
    old_meaning = case(meanings, value=e.source_old_value, else_=e.old_value)
    stale_events = connection.execute(
        select(e.id, e.case_id, new_meaning, old_meaning).where(
            e.source == source,
            e.kind == EventKind.STATUS_CHANGE.value,
            e.source_value.is_not(None),
            (e.value != new_meaning) | (e.old_value != old_meaning),
        )
    ).all()
    if stale_events:
        connection.execute(
            schema.case_events.update()
            .where(e.id == bindparam("row_id"))
            .values(value=bindparam("meaning"), old_value=bindparam("old_meaning")),
            [{"row_id": row[0], "meaning": row[2], "old_meaning": row[3]} for row in stale_events],
        )
    return {row[0] for row in stale_cases} | {row[1] for row in stale_events}


def apply_status_map(engine: Engine, source: str, status_map: Mapping[str, CaseStatus], now: datetime) -> int:
    """`remap_statuses` and the clocks of the cases it changed, in one transaction; how many cases."""
    with engine.begin() as connection:
        changed = remap_statuses(connection, source, status_map)
        if changed:
            recompute_clocks(connection, changed, now)
    return len(changed)


__all__ = ["apply_status_map", "remap_statuses"]
