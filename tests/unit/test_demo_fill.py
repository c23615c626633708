"""The demo is filled one way: `--demo`, the wizard's "Start demo" and a plain sync end alike."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import msgspec
import pytest
from sqlalchemy import Table, delete, func, select

from advisor_app.cli.main import main
from advisor_app.connect.connection import connect_demo
from advisor_app.store import schema
from advisor_app.sync.engine import SyncCancelled
from advisor_app.workspace.desk import open_desk
from advisor_app.workspace.folder import Workspace
from advisor_app.workspace.settings import Settings, save_settings
from advisor_app.workspace.source_sync import sync_workspace
from advisor_app.workspace.sync_process import sync_in_process
from tests.conftest import fixed_clock


def new_workspace(root: Path, **settings: Any) -> Path:
    """A workspace folder whose settings ask for the tiny demo (a few accounts, fast to fill)."""
    root.mkdir(parents=True)
    save_settings(Workspace(root).settings_file, msgspec.structs.replace(Settings(), demo_scale="tiny", **settings))
    return root


def _rows(root: Path, table: Table) -> list[tuple[Any, ...]]:
    """The table's rows with the account named by its remote id and the row ids left out."""
    columns = [c for c in table.c if c.name not in ("id", "account_id")]
    desk = open_desk(root, clock=fixed_clock)
    try:
        with desk.engine.connect() as connection:
            query = select(schema.accounts.c.remote_id, *columns).join(
                schema.accounts, schema.accounts.c.id == table.c.account_id
            )
            return sorted(tuple(row) for row in connection.execute(query))
    finally:
        desk.close()


def contents(root: Path) -> dict[str, Any]:
    desk = open_desk(root, clock=fixed_clock)
    try:
        with desk.engine.connect() as connection:
            accounts = sorted(connection.execute(select(schema.accounts.c.remote_id, schema.accounts.c.name)))
            cases = connection.execute(select(func.count()).select_from(schema.cases)).scalar_one()
    finally:
        desk.close()
    return {
        "accounts": [tuple(a) for a in accounts],
        "cases": cases,
        "tracking": _rows(root, schema.account_tracking),
        "service_days": _rows(root, schema.service_day_entries),
        "weekly_updates": _rows(root, schema.weekly_updates),
    }


@pytest.fixture(scope="module")
def opened_with_demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = new_workspace(tmp_path_factory.mktemp("demo") / "ws")
    open_desk(root, demo=True, clock=fixed_clock).close()
    return contents(root)


def test_the_demo_opened_with_demo_holds_the_demos_obligations(opened_with_demo: dict[str, Any]) -> None:
    assert opened_with_demo["accounts"] and opened_with_demo["cases"]
    tracked = {row[0] for row in opened_with_demo["tracking"]}
    assert tracked == {remote_id for remote_id, _ in opened_with_demo["accounts"]}
    assert opened_with_demo["service_days"] and opened_with_demo["weekly_updates"]
    # Tracking began when the demo says, not when it was filled.
    assert all(row[1] < fixed_clock() for row in opened_with_demo["tracking"])


def test_start_demo_in_the_wizard_then_its_first_sync_ends_alike(
    tmp_path: Path, opened_with_demo: dict[str, Any]
) -> None:
    root = new_workspace(tmp_path / "ws")
    desk = open_desk(root, clock=fixed_clock)
    try:
        connect_demo(desk)
        # The wizard's first sync, as the GUI's `workspace_sync` runs it: in a process of its own.
        sync_in_process(root, desk.settings, fixed_clock(), None)
    finally:
        desk.close()
    assert contents(root) == opened_with_demo


def test_syncing_a_workspace_connected_to_the_demo_ends_alike(
    tmp_path: Path, opened_with_demo: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    root = new_workspace(tmp_path / "ws", source_kind="demo")
    assert main(["--data-dir", str(root), "sync"], clock=fixed_clock) == 0
    assert "synced:" in capsys.readouterr().err
    assert contents(root) == opened_with_demo


def test_a_stopped_first_sync_then_a_sync_ends_alike(tmp_path: Path, opened_with_demo: dict[str, Any]) -> None:
    root = new_workspace(tmp_path / "ws", source_kind="demo")
    desk = open_desk(root, clock=fixed_clock)
    cancel = threading.Event()
    try:
        with pytest.raises(SyncCancelled):
            sync_workspace(desk, cancel, progress=lambda stream, _n: cancel.set())
        with desk.engine.connect() as connection:
            stored = connection.execute(select(func.count()).select_from(schema.accounts)).scalar_one()
        assert stored, "the accounts came before the stop"
        assert len(_rows(root, schema.account_tracking)) == stored
        sync_workspace(desk, threading.Event())
    finally:
        desk.close()
    assert contents(root) == opened_with_demo


def test_a_later_sync_adds_no_obligation_again(tmp_path: Path, opened_with_demo: dict[str, Any]) -> None:
    root = new_workspace(tmp_path / "ws")
    desk = open_desk(root, demo=True, clock=fixed_clock)
    try:
        with desk.engine.begin() as connection:  # the advisor deleted every service day
            connection.execute(delete(schema.service_day_entries))
        sync_workspace(desk, threading.Event())
        sync_workspace(desk, threading.Event())
    finally:
        desk.close()
    after = contents(root)
    assert after["service_days"] == []
    assert after["weekly_updates"] == opened_with_demo["weekly_updates"]
    assert after["tracking"] == opened_with_demo["tracking"]


def test_a_demo_from_before_tracking_keeps_its_obligations_as_they_are(
    tmp_path: Path, opened_with_demo: dict[str, Any]
) -> None:
    """A demo workspace made before account tracking (migration 0008) has its service days
    and weekly updates but no tracking rows: a sync records when tracking began and adds no
    obligation a second time (it once added every entry again, or failed on a week's update)."""
    root = new_workspace(tmp_path / "ws")
    open_desk(root, demo=True, clock=fixed_clock).close()
    desk = open_desk(root, clock=fixed_clock)
    try:
        with desk.engine.begin() as connection:
            connection.execute(delete(schema.account_tracking))
        sync_workspace(desk, threading.Event())
    finally:
        desk.close()
    after = contents(root)
    assert after["service_days"] == opened_with_demo["service_days"]
    assert after["weekly_updates"] == opened_with_demo["weekly_updates"]
    assert {row[0] for row in after["tracking"]} == {remote_id for remote_id, _ in after["accounts"]}
    assert all(row[1] == fixed_clock() for row in after["tracking"]), "tracked from this sync on"
