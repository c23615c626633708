"""Alembic environment: always runs on a connection handed in by `advisor_app.store.database`."""

from __future__ import annotations

from alembic import context

from advisor_app.store.schema import Base, is_modelled

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=is_modelled,
)
with context.begin_transaction():
    context.run_migrations()
