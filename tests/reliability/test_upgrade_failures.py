"""A failed upgrade leaves the workspace as it was (or puts the backup back) and says so;
backups are rotated, and a failing open repeated does not pile them up."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from advisor_app.errors import UpgradeFailedError
from advisor_app.store import backups, database
from advisor_app.workspace.desk import open_desk, restore_workspace_backup
from tests.reliability.probes import make_workspace_at, revision_of, rows_of

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
HALF_UPGRADED = "0006"


def _half_upgraded(path: Path) -> None:
    """What a kill during the 0006 -> 0007 upgrade left before transactional DDL: 0007's
    first table made, the version stamp still 0006 (every later open: "already exists")."""
    make_workspace_at(path, HALF_UPGRADED)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE app_sessions (id INTEGER PRIMARY KEY, opened_at BIGINT, closed_at BIGINT)")
    connection.close()


def test_a_failing_upgrade_leaves_the_workspace_unchanged_and_says_so(tmp_path: Path) -> None:
    path, backups_dir = tmp_path / "advisor.db", tmp_path / "backups"
    _half_upgraded(path)
    rows = rows_of(path)
    with pytest.raises(UpgradeFailedError) as raised:
        database.open_database(path, backups_dir, NOW)
    message = str(raised.value)
    assert "upgrading" in message and f"from schema 0006 to {database.head_revision()} failed" in message
    assert "already exists" in message and "as it was before" in message
    assert "\n" not in message
    assert revision_of(path) == HALF_UPGRADED and rows_of(path) == rows
    # The only backup is of this same half-upgraded file: it would not open, so none is offered.
    assert raised.value.backup is None and "no backup that would open (1 checked)" in message


def test_repeated_failing_opens_write_one_backup_not_one_each(tmp_path: Path) -> None:
    path, backups_dir = tmp_path / "advisor.db", tmp_path / "backups"
    _half_upgraded(path)
    for attempt in range(4):
        with pytest.raises(UpgradeFailedError):
            database.open_database(path, backups_dir, NOW + timedelta(minutes=attempt))
    assert len(backups.list_backups(backups_dir)) == 1


def test_backups_are_rotated_after_a_successful_upgrade(tmp_path: Path) -> None:
    backups_dir = tmp_path / "backups"
    for number in range(backups.KEEP_BACKUPS + 3):
        path = tmp_path / f"w{number}" / "advisor.db"
        path.parent.mkdir()
        make_workspace_at(path, "0005")
        database.open_database(path, backups_dir, NOW + timedelta(hours=number)).dispose()
    kept = backups.list_backups(backups_dir)
    assert len(kept) == backups.KEEP_BACKUPS
    assert kept[0].name == f"advisor-0005-{(NOW + timedelta(hours=backups.KEEP_BACKUPS + 2)):%Y%m%dT%H%M%SZ}.db"
    assert not list(backups_dir.glob("*.partial"))


def test_an_upgrade_that_leaves_a_damaged_file_puts_the_backup_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, backups_dir = tmp_path / "advisor.db", tmp_path / "backups"
    make_workspace_at(path, "0005")
    rows = rows_of(path)

    def upgrade_that_wrecks_the_file(engine: Engine, revision: str = "head") -> None:
        engine.dispose()
        with path.open("r+b") as handle:  # a disk fault in the middle of the upgrade
            handle.seek(4096)
            handle.write(b"\xff" * 8192)
        raise OSError("disk I/O error")

    monkeypatch.setattr(database, "upgrade", upgrade_that_wrecks_the_file)
    with pytest.raises(UpgradeFailedError) as raised:
        database.open_database(path, backups_dir, NOW)
    message = str(raised.value)
    assert "disk I/O error" in message and "was put back" in message and raised.value.restored
    aside = list(tmp_path.glob("advisor.failed-upgrade-*.db"))
    assert len(aside) == 1 and aside[0].name in message, "the failed file is kept, not overwritten"
    assert revision_of(path) == "0005" and rows_of(path) == rows
    monkeypatch.undo()
    database.open_database(path, backups_dir, NOW).dispose()
    assert revision_of(path) == database.head_revision() and rows_of(path)["account"] == rows["account"]


def test_first_creation_is_one_transaction(tmp_path: Path) -> None:
    """No table is committed before the version stamp: a failure in the last migration
    leaves no tables at all (before transactional DDL, 0001 to 0006 stayed behind)."""
    path = tmp_path / "advisor.db"
    engine = database.make_engine(path)
    with pytest.raises(Exception, match="boom"):
        _upgrade_failing_at_the_end(engine)
    engine.dispose()
    connection = sqlite3.connect(path)
    tables = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    connection.close()
    assert tables == []


def _upgrade_failing_at_the_end(engine: Engine) -> None:
    from alembic.runtime.migration import MigrationContext

    original = MigrationContext.run_migrations

    def run_then_fail(self: MigrationContext, **kw: object) -> None:
        original(self, **kw)
        raise RuntimeError("boom")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MigrationContext, "run_migrations", run_then_fail)
        database.upgrade(engine)


def test_a_workspace_half_upgraded_by_an_old_version_is_offered_the_backup_that_opens(tmp_path: Path) -> None:
    """The old version backed up before each failing open, so the newest backups are copies
    of the half-upgraded file; the one offered is the newest that upgrades."""
    root = tmp_path / "ws"
    root.mkdir()
    path, backups_dir = root / "advisor.db", root / "backups"
    make_workspace_at(path, HALF_UPGRADED)
    rows = rows_of(path)
    good = backups.backup_database(path, backups_dir, HALF_UPGRADED, NOW)
    os.utime(good, (1_700_000_000, 1_700_000_000))
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("CREATE TABLE app_sessions (id INTEGER PRIMARY KEY, opened_at BIGINT, closed_at BIGINT)")
    connection.close()
    bricked_copy = backups.backup_database(path, backups_dir, HALF_UPGRADED, NOW + timedelta(hours=1))
    assert backups.list_backups(backups_dir)[0] == bricked_copy
    with pytest.raises(UpgradeFailedError) as raised:
        database.open_database(path, backups_dir, NOW + timedelta(hours=2))
    assert raised.value.backup == good and good.name in str(raised.value)
    restore_workspace_backup(root, raised.value.backup)
    desk = open_desk(root)
    desk.close()
    assert revision_of(path) == database.head_revision() and rows_of(path) == rows
    assert len(list(root.glob("advisor.replaced-*.db"))) == 1, "the half-upgraded file is kept aside"
    assert not list(backups_dir.glob("*.partial")), "trial copies are removed"
