"""The edit journal of local-owned obligation data: every edit keeps its rows before and after.

An edit is one transaction: the changed rows, and one `obligation_edits` row with their
images before and after. Undo restores the images before, newest edit first, in the same
kind of single transaction, and refuses when a row no longer looks as the edit left it (so
undo never throws away a later change made elsewhere, e.g. a draft written meanwhile).
The journal lives in the database, so undo survives a restart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Date, Engine, Table, and_, delete, insert, select, update
from sqlalchemy.orm import Session

from advisor_app.errors import UndoError
from advisor_app.store import schema
from advisor_app.store.types import UtcInstant

JOURNALED_TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        schema.service_day_entries,
        schema.service_day_cases,
        schema.weekly_updates,
        schema.contract_overrides,
        schema.account_tracking,
    )
}

Key = dict[str, Any]
Image = dict[str, Any] | None


def _encode(table: Table, row: Any) -> Image:
    if row is None:
        return None
    encoded: dict[str, Any] = {}
    for column in table.columns:
        value = row[column.name]
        encoded[column.name] = value.isoformat() if isinstance(value, date | datetime) else value
    return encoded


def _decode(table: Table, image: dict[str, Any]) -> dict[str, Any]:
    decoded: dict[str, Any] = {}
    for column in table.columns:
        value = image[column.name]
        if value is not None and isinstance(column.type, UtcInstant):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        decoded[column.name] = value
    return decoded


def _where(table: Table, key: Key) -> Any:
    return and_(*(table.c[name] == value for name, value in key.items()))


def _read(connection: Connection | Session, table: Table, key: Key) -> Image:
    row = connection.execute(select(table).where(_where(table, key))).mappings().first()
    return _encode(table, row)


@dataclass(slots=True)
class _Tracked:
    table: Table
    key: Key
    before: Image


class Edit:
    """Collects the rows one edit touches; `track` each row before changing it."""

    def __init__(self, session: Session, account_id: int, description: str, now: datetime) -> None:
        self.session, self.account_id, self.description, self.now = session, account_id, description, now
        self._tracked: list[_Tracked] = []

    def track(self, table: Table, key: Key, *, new: bool = False) -> None:
        """Remember the row as it is now (`new`: it does not exist yet, it is being created)."""
        if any(t.table is table and t.key == key for t in self._tracked):
            return
        before = None if new else _read(self.session, table, key)
        self._tracked.append(_Tracked(table, dict(key), before))

    def finish(self) -> int | None:
        """Write the journal row; returns its id (None when the edit changed nothing)."""
        self.session.flush()
        changes = []
        for tracked in self._tracked:
            after = _read(self.session, tracked.table, tracked.key)
            if after != tracked.before:
                changes.append(
                    {"table": tracked.table.name, "key": tracked.key, "before": tracked.before, "after": after}
                )
        if not changes:
            return None
        row = schema.ObligationEditRow(
            account_id=self.account_id,
            description=self.description,
            changes=json.dumps(changes),
            made_at=self.now,
            undone_at=None,
        )
        self.session.add(row)
        self.session.flush()
        return row.id


@dataclass(frozen=True, slots=True)
class EditSummary:
    id: int
    account_id: int
    description: str
    made_at: datetime


def last_edit(connection: Connection, account_id: int | None = None) -> EditSummary | None:
    """The newest edit that can still be undone (of one account, or of any)."""
    e = schema.obligation_edits.c
    query = select(e.id, e.account_id, e.description, e.made_at).where(e.undone_at.is_(None))
    if account_id is not None:
        query = query.where(e.account_id == account_id)
    row = connection.execute(query.order_by(e.id.desc()).limit(1)).first()
    return None if row is None else EditSummary(*row)


def undo_last(engine: Engine, now: datetime, account_id: int | None = None) -> EditSummary:
    """Undo the newest edit not yet undone, in one transaction; returns what was undone."""
    with Session(engine) as session, session.begin():
        edit = last_edit(session.connection(), account_id)
        if edit is None:
            raise UndoError("there is nothing to undo")
        raw = session.execute(
            select(schema.obligation_edits.c.changes).where(schema.obligation_edits.c.id == edit.id)
        ).scalar_one()
        changes = json.loads(raw)
        for change in changes:
            table = JOURNALED_TABLES[change["table"]]
            if _read(session, table, change["key"]) != change["after"]:
                raise UndoError(f"cannot undo “{edit.description}”: the data changed since")
        for change in reversed(changes):
            table, key, before, after = (
                JOURNALED_TABLES[change["table"]],
                change["key"],
                change["before"],
                change["after"],
            )
            if before is None:
                session.execute(delete(table).where(_where(table, key)))
            elif after is None:
                session.execute(insert(table).values(**_decode(table, before)))
            else:
                session.execute(update(table).where(_where(table, key)).values(**_decode(table, before)))
        session.execute(
            update(schema.obligation_edits).where(schema.obligation_edits.c.id == edit.id).values(undone_at=now)
        )
    return edit
