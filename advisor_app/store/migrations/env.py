"""Alembic environment: always runs on a connection handed in by `advisor_app.store.database`."""

from __future__ import annotations

from alembic import context

from advisor_app.store.schema import Base, is_modelled

connection = context.config.attributes["connection"]
# `database.upgrade` hands in a connection inside its own BEGIN IMMEDIATE (pysqlite's
# transaction handling off), so every migration of a run commits together or not at all.
if not connection.in_transaction():
    raise RuntimeError("migrations run only inside the transaction of advisor_app.store.database.upgrade")
context.configure(
    connection=connection,
    transactional_ddl=True,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=is_modelled,
)
with context.begin_transaction():
    context.run_migrations()
