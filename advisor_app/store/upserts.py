"""Core bulk upserts of synced records, keyed by (source, remote id).

Each function takes an open connection (the caller owns the transaction), is idempotent,
and writes only what changed: a record older than the stored row is skipped, and so is one
of the same `updated_at` that holds the same values (the source's timestamps have whole
seconds, so a change within the stored second still lands). A sync with nothing new writes
no row. Records that name a parent the store does not have are returned as rejections
instead of failing the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Boolean, Connection, Date, Table, select
from sqlalchemy.dialects.sqlite import insert

from advisor_app.domain import Account, Case, CaseEvent, Contact, UsageMetric
from advisor_app.store import schema
from advisor_app.store.types import UtcInstant, to_micros

# SQLite limits bound parameters per statement; look-ups go in chunks of this size.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Rejection:
    remote_id: str
    reason: str


@dataclass(slots=True)
class UpsertResult:
    written: int = 0
    rejected: list[Rejection] | None = None
    case_ids: set[int] | None = None


def _id_map(connection: Connection, table: Table, source: str, remote_ids: Iterable[str]) -> dict[str, int]:
    wanted = sorted(set(remote_ids))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        rows = connection.execute(
            select(table.c.remote_id, table.c.id).where(table.c.source == source, table.c.remote_id.in_(chunk))
        )
        found.update({remote_id: row_id for remote_id, row_id in rows})
    return found


def _to_column(column_type: Any) -> Callable[[Any], Any] | None:
    """What SQLAlchemy's type layer would make of a value, done directly (None: as it is)."""
    if isinstance(column_type, UtcInstant):
        return to_micros
    if isinstance(column_type, Date):
        return date.isoformat
    if isinstance(column_type, Boolean):
        return int
    return None


# Rows per statement: a multi-row VALUES list (RETURNING needs one statement, not executemany),
# kept well under SQLite's bound-parameter limit for the widest table.
_ROWS_PER_STATEMENT = 500


@lru_cache(maxsize=256)
def _upsert_sql(
    table: Table, names: tuple[str, ...], newer_only: bool, row_count: int, returning: str
) -> tuple[str, tuple[Callable[[Any], Any] | None, ...]]:
    updated = [name for name in names if name not in ("source", "remote_id")]
    assignments = ", ".join(f"{name} = excluded.{name}" for name in updated)
    differs = " OR ".join(f"{table.name}.{name} IS NOT excluded.{name}" for name in updated)
    where = f"({differs})"
    if newer_only:
        where = (
            f"excluded.updated_at > {table.name}.updated_at"
            f" OR (excluded.updated_at = {table.name}.updated_at AND {where})"
        )
    row = f"({', '.join('?' for _ in names)})"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) VALUES {', '.join(row for _ in range(row_count))}"
        f" ON CONFLICT (source, remote_id) DO UPDATE SET {assignments} WHERE {where}"
        f" RETURNING {returning}"
    )
    return sql, tuple(_to_column(table.c[name].type) for name in names)


def _upsert(
    connection: Connection, table: Table, rows: Sequence[dict[str, Any]], newer_only: bool, returning: str = "id"
) -> list[int]:
    """INSERT .. ON CONFLICT (source, remote_id) DO UPDATE of `rows`, skipping those that change
    nothing (and, with `newer_only`, those older than the stored row); the `returning` column of
    the rows actually written. Rows are bound as plain values (this is the sync's hot path:
    compiling and binding through the type layer cost more than SQLite's work)."""
    if not rows:
        return []
    names = tuple(rows[0])
    written: list[int] = []
    for start in range(0, len(rows), _ROWS_PER_STATEMENT):
        chunk = rows[start : start + _ROWS_PER_STATEMENT]
        sql, converters = _upsert_sql(table, names, newer_only, len(chunk), returning)
        values = tuple(
            value if value is None or convert is None else convert(value)
            for row in chunk
            for value, convert in zip(row.values(), converters, strict=True)
        )
        written.extend(row_id for (row_id,) in connection.exec_driver_sql(sql, values))
    return written


def upsert_accounts(connection: Connection, records: Sequence[Account]) -> UpsertResult:
    rows = [
        {
            "source": r.source,
            "remote_id": r.remote_id,
            "name": r.name,
            "tier": r.tier,
            "region": r.region,
            "timezone": r.timezone,
            "contract_year_start": r.contract_year_start,
            "named_advisor": r.named_advisor,
            "contract_status": r.contract_status.value,
            "updated_at": r.updated_at,
            "removed_at": None,
        }
        for r in records
    ]
    written = _upsert(connection, schema.accounts, rows, newer_only=True)
    return UpsertResult(written=len(written), rejected=[])


# How Sync details names a record's missing parent to the advisor.
_PARENT_NOUNS = {"account_remote_id": "account", "case_remote_id": "case"}


def _with_parent(
    connection: Connection, records: Sequence[Any], parent: Table, attribute: str
) -> tuple[list[tuple[Any, int]], list[Rejection]]:
    if not records:
        return [], []
    source = records[0].source
    ids = _id_map(connection, parent, source, (getattr(r, attribute) for r in records))
    kept, rejected = [], []
    for record in records:
        parent_id = ids.get(getattr(record, attribute))
        if parent_id is None:
            rejected.append(
                Rejection(
                    getattr(record, "remote_id", getattr(record, attribute)),
                    f"its {_PARENT_NOUNS.get(attribute, attribute)} {getattr(record, attribute)!r} is not synced"
                    " here (set aside, or not one of your accounts)",
                )
            )
        else:
            kept.append((record, parent_id))
    return kept, rejected


def upsert_contacts(connection: Connection, records: Sequence[Contact]) -> UpsertResult:
    kept, rejected = _with_parent(connection, records, schema.accounts, "account_remote_id")
    rows = [
        {
            "source": r.source,
            "remote_id": r.remote_id,
            "account_id": account_id,
            "name": r.name,
            "email": r.email,
            "authorized": r.authorized,
            "updated_at": r.updated_at,
            "removed_at": None,
        }
        for r, account_id in kept
    ]
    written = _upsert(connection, schema.contacts, rows, newer_only=True)
    return UpsertResult(written=len(written), rejected=rejected)


def upsert_cases(connection: Connection, records: Sequence[Case]) -> UpsertResult:
    kept, rejected = _with_parent(connection, records, schema.accounts, "account_remote_id")
    rows = [
        {
            "source": r.source,
            "remote_id": r.remote_id,
            "account_id": account_id,
            "subject": r.subject,
            "description": r.description,
            "requester": r.requester,
            "severity": int(r.severity),
            "status": r.status.value,
            "source_status": r.source_status or None,
            "created_at": r.created_at,
            "updated_at": r.updated_at,
            "removed_at": None,
        }
        for r, account_id in kept
    ]
    written = _upsert(connection, schema.cases, rows, newer_only=True)
    return UpsertResult(written=len(written), rejected=rejected, case_ids=set(written))


def upsert_case_events(connection: Connection, records: Sequence[CaseEvent]) -> UpsertResult:
    kept, rejected = _with_parent(connection, records, schema.cases, "case_remote_id")
    rows = [
        {
            "source": r.source,
            "remote_id": r.remote_id,
            "case_id": case_id,
            "kind": r.kind.value,
            "at": r.at,
            "author": r.author,
            "value": r.value,
            "old_value": r.old_value,
            "source_value": r.source_value or None,
            "source_old_value": r.source_old_value or None,
        }
        for r, case_id in kept
    ]
    written = _upsert(connection, schema.case_events, rows, newer_only=False, returning="case_id")
    return UpsertResult(written=len(written), rejected=rejected, case_ids=set(written))


def upsert_usage_metrics(connection: Connection, records: Sequence[UsageMetric]) -> UpsertResult:
    kept, rejected = _with_parent(connection, records, schema.accounts, "account_remote_id")
    rows = [
        {"source": r.source, "account_id": account_id, "metric": r.metric, "day": r.day, "value": r.value}
        for r, account_id in kept
    ]
    if rows:
        statement = insert(schema.usage_metrics)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["account_id", "metric", "day"],
                set_={"value": statement.excluded.value, "source": statement.excluded.source},
            ),
            rows,
        )
    return UpsertResult(written=len(rows), rejected=rejected)


def quarantine(
    connection: Connection, source: str, stream: str, items: Iterable[tuple[str, str, str]], now: datetime
) -> int:
    """Keep (remote id, reason, payload) aside; a later sync that stores the record releases it."""
    rows = [
        {
            "source": source,
            "stream": stream,
            "remote_id": remote_id,
            "reason": reason,
            "payload": payload,
            "seen_at": now,
        }
        for remote_id, reason, payload in items
    ]
    if rows:
        statement = insert(schema.quarantine)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["source", "stream", "remote_id"],
                set_={
                    "reason": statement.excluded.reason,
                    "payload": statement.excluded.payload,
                    "seen_at": statement.excluded.seen_at,
                },
            ),
            rows,
        )
    return len(rows)


def all_quarantined(connection: Connection, source: str, stream: str, remote_ids: Sequence[str]) -> bool:
    """Whether every one of `remote_ids` was set aside before (by an earlier page or run)."""
    q = schema.quarantine.c
    wanted = set(remote_ids)
    found: set[str] = set()
    for start in range(0, len(remote_ids), _CHUNK):
        chunk = list(remote_ids[start : start + _CHUNK])
        found.update(
            connection.execute(
                select(q.remote_id).where(q.source == source, q.stream == stream, q.remote_id.in_(chunk))
            ).scalars()
        )
    return wanted <= found


def release_quarantine(connection: Connection, source: str, stream: str, remote_ids: Iterable[str]) -> None:
    q = schema.quarantine.c
    wanted = list(remote_ids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        connection.execute(
            schema.quarantine.delete().where(q.source == source, q.stream == stream, q.remote_id.in_(chunk))
        )


def clear_quarantine_except(connection: Connection, source: str, stream: str, kept: set[str]) -> int:
    """Drop the stream's set-aside records other than `kept` (a run that re-read them all did
    not set them aside again); how many."""
    q = schema.quarantine.c
    stale = [
        row_id
        for row_id, remote_id in connection.execute(
            select(q.id, q.remote_id).where(q.source == source, q.stream == stream)
        )
        if remote_id not in kept
    ]
    for start in range(0, len(stale), _CHUNK):
        connection.execute(schema.quarantine.delete().where(q.id.in_(stale[start : start + _CHUNK])))
    return len(stale)


def mark_clocks_stale(connection: Connection, case_ids: Iterable[int]) -> None:
    """Note that these cases' SLA clocks are to be recomputed (`clock_computed_at` unset)."""
    wanted = sorted(case_ids)
    c = schema.cases.c
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        connection.execute(schema.cases.update().where(c.id.in_(chunk)).values(clock_computed_at=None))


def mark_removed(connection: Connection, table: Table, source: str, remote_ids: Iterable[str], at: datetime) -> int:
    """Soft-delete rows named by an explicit tombstone; local-owned data that refers to them stays."""
    count = 0
    wanted = list(remote_ids)
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        result = connection.execute(
            table.update()
            .where(table.c.source == source, table.c.remote_id.in_(chunk), table.c.removed_at.is_(None))
            .values(removed_at=at)
        )
        count += result.rowcount
    return count


__all__ = [
    "Rejection",
    "UpsertResult",
    "clear_quarantine_except",
    "mark_clocks_stale",
    "mark_removed",
    "quarantine",
    "release_quarantine",
    "upsert_accounts",
    "upsert_case_events",
    "upsert_cases",
    "upsert_contacts",
    "upsert_usage_metrics",
]
