"""SLA clocks: the summary clock per case, and local calendar edits kept as revisions.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("calendar_id", sa.String(length=64), nullable=False),
        sa.Column("effective_at", sa.BigInteger(), nullable=False),
        sa.Column("spec", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_edits")),
    )
    with op.batch_alter_table("calendar_edits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_calendar_edits_calendar_id_effective_at"), ["calendar_id", "effective_at"], unique=False
        )

    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.add_column(sa.Column("clock_state", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("clock_kind", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("clock_open", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("clock_paused", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("clock_deadline", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("clock_at_risk_at", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("clock_breach_at", sa.BigInteger(), nullable=True))
        batch_op.add_column(sa.Column("clock_breaches", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("clock_computed_at", sa.BigInteger(), nullable=True))
        batch_op.create_index(batch_op.f("ix_cases_clock_deadline"), ["clock_deadline"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_clock_deadline"))
        batch_op.drop_column("clock_computed_at")
        batch_op.drop_column("clock_breaches")
        batch_op.drop_column("clock_breach_at")
        batch_op.drop_column("clock_at_risk_at")
        batch_op.drop_column("clock_deadline")
        batch_op.drop_column("clock_paused")
        batch_op.drop_column("clock_open")
        batch_op.drop_column("clock_kind")
        batch_op.drop_column("clock_state")

    with op.batch_alter_table("calendar_edits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_edits_calendar_id_effective_at"))

    op.drop_table("calendar_edits")
