"""Run in a subprocess by the kill tests: open (create or upgrade) one database, saying
"ready" on standard output just before the schema work starts.

    python -m tests.reliability.migrate_child DATABASE BACKUPS [--legacy]

`--legacy` migrates as the app did before transactional DDL (pysqlite's own transaction
handling, which commits before every DDL statement), to show what the probe finds there.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine

from advisor_app.store import database

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _legacy_upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = database._alembic_config()
    with database.make_engine(Path(str(engine.url.database))).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def main() -> None:
    path, backups = Path(sys.argv[1]), Path(sys.argv[2])
    if "--legacy" in sys.argv:
        database.upgrade = _legacy_upgrade
    database.head_revision()  # alembic's scripts loaded before "ready"
    print("ready", flush=True)
    database.open_database(path, backups, NOW).dispose()
    print("done", flush=True)


if __name__ == "__main__":
    main()
