"""The advisor's attention: app sessions, notified case events, per-case snoozes.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The notification check looks up clocks by their at-risk instant each minute.
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cases_clock_at_risk_at"), ["clock_at_risk_at"], unique=False)
    op.create_table(
        "app_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.BigInteger(), nullable=False),
        sa.Column("closed_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_sessions")),
    )
    op.create_table(
        "notified_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("event_at", sa.BigInteger(), nullable=False),
        sa.Column("notified_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_notified_events_case_id_cases")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notified_events")),
        sa.UniqueConstraint("case_id", "kind", "event_at", name=op.f("uq_notified_events_case_id_kind_event_at")),
    )
    op.create_table(
        "case_snoozes",
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("until", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_snoozes_case_id_cases")),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_case_snoozes")),
    )


def downgrade() -> None:
    op.drop_table("case_snoozes")
    op.drop_table("notified_events")
    op.drop_table("app_sessions")
    with op.batch_alter_table("cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cases_clock_at_risk_at"))
