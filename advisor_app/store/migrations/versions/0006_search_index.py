"""Search: an SQLite FTS5 index over accounts and cases (and notes, once that table exists),
kept in sync by triggers and filled from what is stored.

The index is one FTS5 table; each row's rowid encodes what it indexes, `kind * 2**40 + id`
(kind 1 account, 2 case, 3 note), so a trigger finds its row by rowid without a scan and
a search reads one kind as a rowid range, newest first. Removed
records (tombstones) leave the index. Sync writes with `INSERT .. ON CONFLICT DO UPDATE`:
SQLite fires the INSERT triggers when a row is new and the UPDATE triggers when the
conflict turns it into an update, so both paths keep the index current. The UPDATE
triggers fire only when an indexed column changes, so clock recomputes cost nothing here.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

KIND_SPAN = 1 << 40
CREATE_INDEX = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "title, detail, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')"
)

Spec = tuple[str, int, str, str, str, str, tuple[str, ...]]

# Per indexed table: (table, kind code, title, detail, body, "is live" condition, the
# columns whose change re-indexes a row). Expressions use `new.`/`old.` as triggers do.
ACCOUNTS: Spec = ("accounts", 1, "{r}.name", "''", "''", "{r}.removed_at IS NULL", ("name", "removed_at"))
CASES: Spec = (
    "cases",
    2,
    "{r}.subject",
    "{r}.remote_id || ' ' || {r}.requester",
    "{r}.description",
    "{r}.removed_at IS NULL",
    ("remote_id", "subject", "description", "requester", "removed_at"),
)
NOTES: Spec = ("notes", 3, "''", "''", "{r}.body", "1", ("body",))


def _insert(spec: Spec, row: str, source: str = "") -> str:
    _, kind, title, detail, body, live, _ = spec
    return (
        "INSERT INTO search_index (rowid, title, detail, body) SELECT "
        f"{kind} * {KIND_SPAN} + {row}.id, {title.format(r=row)}, {detail.format(r=row)}, {body.format(r=row)} "
        f"{source}WHERE {live.format(r=row)};"
    )


def _delete(spec: Spec, row: str) -> str:
    return f"DELETE FROM search_index WHERE rowid = {spec[1]} * {KIND_SPAN} + {row}.id;"


def trigger_statements(spec: Spec) -> list[str]:
    table, _, _, _, _, _, columns = spec
    changed = " OR ".join(f"old.{column} IS NOT new.{column}" for column in columns)
    return [
        f"CREATE TRIGGER search_{table}_ai AFTER INSERT ON {table} BEGIN {_insert(spec, 'new')} END",
        f"CREATE TRIGGER search_{table}_ad AFTER DELETE ON {table} BEGIN {_delete(spec, 'old')} END",
        f"CREATE TRIGGER search_{table}_au AFTER UPDATE OF {', '.join(columns)} ON {table} WHEN {changed} "
        f"BEGIN {_delete(spec, 'old')} {_insert(spec, 'new')} END",
    ]


def backfill_statement(spec: Spec) -> str:
    return _insert(spec, spec[0], source=f"FROM {spec[0]} ").rstrip(";")


def index_table(spec: Spec) -> None:
    """Triggers for one table and its rows indexed now (the notes table uses this too)."""
    for statement in trigger_statements(spec):
        op.execute(statement)
    op.execute(backfill_statement(spec))


def drop_table_triggers(spec: Spec) -> None:
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS search_{spec[0]}_{suffix}")


def _has_table(name: str) -> bool:
    rows = (
        op.get_bind()
        .exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,))
        .fetchall()
    )
    return bool(rows)


def upgrade() -> None:
    op.execute(CREATE_INDEX)
    index_table(ACCOUNTS)
    index_table(CASES)
    # Notes (migration 0005, another branch) are indexed when that migration ran first.
    if _has_table("notes"):
        index_table(NOTES)


def downgrade() -> None:
    for spec in (NOTES, CASES, ACCOUNTS):
        drop_table_triggers(spec)
    op.execute("DROP TABLE search_index")
