"""Starting over with another source in the same workspace, keeping the local-owned data.

The sync engine refuses to mix two sources in one store. Switching is therefore explicit:
`plan_switch` says what will happen, `retire_synced_data` does it inside the caller's
transaction (`connection.connect(..., start_over=True)` runs it with the new
connection).

What happens to the synced rows: nothing is deleted. Accounts, contacts and cases of
the old source get `removed_at` (so every view hides them) and their `source` becomes
`retired<N>:<old source>`, as do their case events and usage metrics. The new source
therefore never collides with them on (source, remote id) and never revives them, even
when it uses the same remote ids. The old sync cursors and the set-aside records are
deleted, so the engine accepts the new source and starts from its beginning.

Why not delete them: the local-owned rows (service-day entries, weekly updates, notes)
refer to `accounts.id` (notes also to `cases.id`) by foreign key. Keeping the retired
rows keeps those references valid, so the advisor's history stays readable and exportable
(each entry still names its account) without inventing a mapping between two sources'
accounts. Calendar edits refer to calendars, not accounts, and apply to the new source's
accounts as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, Engine, Table, func, select, text, update

from advisor_app.store import schema

RETIRED_PREFIX = "retired"
LOCAL_TABLES = ("service_day_entries", "weekly_updates", "notes", "calendar_edits")
_RETIRED_ROWS = (schema.accounts, schema.contacts, schema.cases)
_RENAMED_ONLY = (schema.case_events, schema.usage_metrics)


@dataclass(frozen=True, slots=True)
class SwitchPlan:
    """What starting over will do: synced rows hidden, local-owned rows kept (counts)."""

    sources: tuple[str, ...]
    """The sources whose data will be retired (usually one)."""
    accounts: int
    contacts: int
    cases: int
    case_events: int
    kept: dict[str, int]
    """Local-owned rows kept, per table (tables this version does not have are left out)."""


def _existing_tables(connection: Connection) -> set[str]:
    return set(connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())


def _live(table: Table) -> ColumnElement[bool]:
    return table.c.source.not_like(f"{RETIRED_PREFIX}%:%")


def plan_switch(engine: Engine) -> SwitchPlan:
    with engine.connect() as connection:
        counts: dict[str, int] = {}
        for table in (*_RETIRED_ROWS, schema.case_events):
            condition: ColumnElement[bool] = _live(table)
            if table in _RETIRED_ROWS:
                condition = condition & table.c.removed_at.is_(None)
            counts[table.name] = connection.execute(
                select(func.count()).select_from(table).where(condition)
            ).scalar_one()
        sources = tuple(
            sorted(
                connection.execute(select(schema.accounts.c.source).where(_live(schema.accounts)).distinct()).scalars()
            )
        )
        existing = _existing_tables(connection)
        kept = {
            name: int(connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one())
            for name in LOCAL_TABLES
            if name in existing
        }
    return SwitchPlan(sources, counts["accounts"], counts["contacts"], counts["cases"], counts["case_events"], kept)


def retire_synced_data(connection: Connection, now: datetime) -> dict[str, str]:
    """Hide and relabel every live synced row, forget cursors and set-aside records.

    Runs in the caller's transaction; returns {old source: its retired label}.
    """
    labels = {
        str(row[0])
        for row in connection.execute(select(schema.accounts.c.source).where(_live(schema.accounts)).distinct())
    }
    labels |= {str(s) for s in connection.execute(select(schema.sync_state.c.source).distinct()).scalars()}
    used = {
        str(s).split(":", 1)[0]
        for s in connection.execute(
            select(schema.accounts.c.source).where(schema.accounts.c.source.like(f"{RETIRED_PREFIX}%:%")).distinct()
        ).scalars()
    }
    number = len(used) + 1
    renamed: dict[str, str] = {}
    for source in sorted(labels):
        while f"{RETIRED_PREFIX}{number}" in used:
            number += 1
        label = f"{RETIRED_PREFIX}{number}:{source}"[:40]
        used.add(f"{RETIRED_PREFIX}{number}")
        renamed[source] = label
        for table in _RETIRED_ROWS:
            connection.execute(
                update(table).where(table.c.source == source, table.c.removed_at.is_(None)).values(removed_at=now)
            )
            connection.execute(update(table).where(table.c.source == source).values(source=label))
        for table in _RENAMED_ONLY:
            connection.execute(update(table).where(table.c.source == source).values(source=label))
    connection.execute(schema.sync_state.delete())
    connection.execute(schema.quarantine.delete())
    return renamed
