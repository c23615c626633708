"""Migrations: empty to head gives the declared schema; older workspaces upgrade with a backup."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from advisor_app.errors import NewerSchemaError, WorkspaceError
from advisor_app.store import database
from advisor_app.store.schema import Base, is_modelled

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_empty_to_head_matches_the_declared_schema(tmp_path: Path) -> None:
    engine = database.open_database(tmp_path / "a.db", tmp_path / "backups", NOW)
    with engine.connect() as connection:
        differences = compare_metadata(
            MigrationContext.configure(connection, opts={"include_name": is_modelled}), Base.metadata
        )
        assert differences == []
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert database.current_revision(engine) == database.head_revision()
    assert not (tmp_path / "backups").exists(), "a new database needs no backup"
    engine.dispose()


def test_a_workspace_of_the_first_schema_upgrades_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    first = database.known_revisions()[0]
    engine = database.make_engine(path)
    database.upgrade(engine, first)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO accounts (id, source, remote_id, name, tier, region, timezone, contract_year_start,"
                " named_advisor, contract_status, updated_at) VALUES (1, 'demo', 'a1', 'Acme', 'gold',"
                " 'us-mountain', 'America/Denver', '2026-01-15', 'Alex', 'active', 1764000000000000)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO cases (id, source, remote_id, account_id, subject, description, requester, severity,"
                " status, created_at, updated_at) VALUES (7, 'demo', '100', 1, 'Broken', 'd', 'r@x', 2, 'open',"
                " 1764000000000000, 1764000000000000)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO service_day_entries (account_id, day, half_days, kind, note, created_at, updated_at)"
                " VALUES (1, '2026-02-01', 3, 'onsite', 'kept', 1764000000000000, 1764000000000000)"
            )
        )
    engine.dispose()

    upgraded = database.open_database(path, tmp_path / "backups", NOW)
    assert database.current_revision(upgraded) == database.head_revision()
    with upgraded.connect() as connection:
        assert connection.execute(text("SELECT name FROM accounts WHERE id = 1")).scalar() == "Acme"
        assert connection.execute(text("SELECT subject FROM cases WHERE id = 7")).scalar() == "Broken"
        assert connection.execute(text("SELECT note FROM service_day_entries")).scalar() == "kept"
    upgraded.dispose()
    if first != database.head_revision():
        backups = list((tmp_path / "backups").glob(f"advisor-{first}-*.db"))
        assert len(backups) == 1
        copy = sqlite3.connect(backups[0])
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (first,)
        assert copy.execute("SELECT name FROM accounts").fetchone() == ("Acme",)
        copy.close()


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    database.open_database(path, tmp_path / "backups", NOW).dispose()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = _digest(path)
    with pytest.raises(NewerSchemaError, match=r"newer Advisor Desk .*9999_from_the_future"):
        database.open_database(path, tmp_path / "backups", NOW)
    assert _digest(path) == before


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "advisor.db"
    path.write_text("my notes, not a database\n")
    with pytest.raises(WorkspaceError, match="is not an SQLite database"):
        database.open_database(path, tmp_path / "backups", NOW)
    assert path.read_text() == "my notes, not a database\n"


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "advisor.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.commit()
    connection.close()
    with pytest.raises(WorkspaceError, match="not one of Advisor Desk"):
        database.open_database(path, tmp_path / "backups", NOW)


def test_the_revisions_read_from_the_files_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(database._alembic_config())
    assert database.known_revisions() == [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert database.head_revision() == script.get_current_head()


def test_opening_an_up_to_date_workspace_does_not_load_alembic(tmp_path: Path) -> None:
    database.open_database(tmp_path / "a.db", tmp_path / "backups", NOW).dispose()
    program = (
        "import sys, pathlib, datetime\n"
        "from advisor_app.store import database\n"
        f"p = pathlib.Path({str(tmp_path)!r})\n"
        f"now = datetime.datetime.fromisoformat({NOW.isoformat()!r})\n"
        "engine = database.open_database(p / 'a.db', p / 'backups', now)\n"
        "engine.connect().close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
