"""Obligations: contract overrides, service-day flags and linked cases, the edit journal.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("service_day_entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("over_allotment", sa.Boolean(), nullable=False, server_default=sa.false()))

    op.create_table(
        "service_day_cases",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["service_day_entries.id"],
            name=op.f("fk_service_day_cases_entry_id_service_day_entries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_service_day_cases_case_id_cases")),
        sa.PrimaryKeyConstraint("entry_id", "case_id", name=op.f("pk_service_day_cases")),
    )
    with op.batch_alter_table("service_day_cases", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_day_cases_case_id"), ["case_id"], unique=False)

    op.create_table(
        "contract_overrides",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("service_half_days", sa.Integer(), nullable=True),
        sa.Column("weekly_updates", sa.Boolean(), nullable=True),
        sa.Column("due_weekday", sa.Integer(), nullable=True),
        sa.Column("due_minute", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"], ["accounts.id"], name=op.f("fk_contract_overrides_account_id_accounts")
        ),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_contract_overrides")),
    )

    op.create_table(
        "obligation_edits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("made_at", sa.BigInteger(), nullable=False),
        sa.Column("undone_at", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_obligation_edits_account_id_accounts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_obligation_edits")),
    )
    with op.batch_alter_table("obligation_edits", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_obligation_edits_account_id_undone_at"), ["account_id", "undone_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("obligation_edits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_obligation_edits_account_id_undone_at"))
    op.drop_table("obligation_edits")
    op.drop_table("contract_overrides")
    with op.batch_alter_table("service_day_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_day_cases_case_id"))
    op.drop_table("service_day_cases")
    with op.batch_alter_table("service_day_entries", schema=None) as batch_op:
        batch_op.drop_column("over_allotment")
