"""Account tracking: when the workspace first synced each account, and the week from which the
advisor owes weekly updates (local-owned; weekly updates are owed from then, not from the
contract year's first day).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_tracking",
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("first_synced_at", sa.BigInteger(), nullable=False),
        sa.Column("updates_from_week", sa.String(length=8), nullable=True),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_account_tracking_account_id_accounts")),
        sa.PrimaryKeyConstraint("account_id", name=op.f("pk_account_tracking")),
    )


def downgrade() -> None:
    op.drop_table("account_tracking")
