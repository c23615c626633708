"""Source statuses kept beside their meanings, so a status map edit re-derives the meanings.

Rows synced from RT or Zendesk before keep what they had: the source status is recovered
from the stored meaning through the fixed maps of the versions before (each was one-to-one).
The demo source's statuses are their meanings; it has no map and keeps NULL.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

# Stored meaning -> the source status it came from, in the versions before this one.
_BEFORE = {
    "rt": {"new": "new", "open": "open", "on_hold": "stalled", "solved": "resolved", "closed": "rejected"},
    "zendesk": {
        "new": "new",
        "open": "open",
        "pending": "pending",
        "on_hold": "hold",
        "solved": "solved",
        "closed": "closed",
    },
}


def _recovered(column: str, source: str) -> str:
    pairs = " ".join(f"WHEN '{meaning}' THEN '{status}'" for meaning, status in _BEFORE[source].items())
    return f"CASE {column} {pairs} END"


def upgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_status", sa.String(length=100), nullable=True))
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_value", sa.String(length=100), nullable=True))
        batch_op.add_column(sa.Column("source_old_value", sa.String(length=100), nullable=True))
    for source in _BEFORE:
        op.execute(f"UPDATE cases SET source_status = {_recovered('status', source)} WHERE source = '{source}'")
        op.execute(
            f"UPDATE case_events SET source_value = {_recovered('value', source)}, "
            f"source_old_value = {_recovered('old_value', source)} "
            f"WHERE source = '{source}' AND kind = 'status_change'"
        )


def downgrade() -> None:
    with op.batch_alter_table("case_events", schema=None) as batch_op:
        batch_op.drop_column("source_old_value")
        batch_op.drop_column("source_value")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_column("source_status")
