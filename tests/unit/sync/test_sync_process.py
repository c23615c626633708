"""A sync in its own process: the same result as in process, progress and errors come back."""

from __future__ import annotations

import socket
import threading
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from advisor_app.store import schema
from advisor_app.sync.engine import SyncCancelled, SyncError
from advisor_app.workspace.desk import open_desk
from advisor_app.workspace.settings import save_settings
from advisor_app.workspace.source_sync import NotConnectedError
from advisor_app.workspace.sync_process import stop_running_syncs, sync_in_process
from tests.conftest import NOW


def _tiny_workspace(root: Path, now: datetime) -> None:
    desk = open_desk(root, clock=lambda: now)
    desk.settings.source_kind, desk.settings.demo_scale = "demo", "tiny"
    save_settings(desk.workspace.settings_file, desk.settings)
    desk.close()


def test_a_sync_in_its_own_process_fills_the_workspace_and_reports_progress(tmp_path: Path) -> None:
    fixed_clock = NOW
    _tiny_workspace(tmp_path, fixed_clock)
    desk = open_desk(tmp_path, clock=lambda: fixed_clock)
    progress: list[tuple[str, int]] = []
    report = sync_in_process(tmp_path, desk.settings, fixed_clock, None, progress=lambda s, n: progress.append((s, n)))
    assert report.streams["cases"].written == 60
    assert ("cases", 60) in progress
    with desk.engine.connect() as connection:
        cases = connection.execute(select(func.count()).select_from(schema.cases)).scalar_one()
        clocks = connection.execute(
            select(func.count()).select_from(schema.cases).where(schema.cases.c.clock_computed_at.is_not(None))
        ).scalar_one()
    assert cases == clocks == 60, "the child recomputed every case's clocks"
    again = sync_in_process(tmp_path, desk.settings, fixed_clock, None)
    assert sum(stream.written for stream in again.streams.values()) == 0, "same anchor: nothing new"
    desk.close()


def test_errors_and_cancel_come_back_as_the_sync_errors_they_are(tmp_path: Path) -> None:
    fixed_clock = NOW
    _tiny_workspace(tmp_path, fixed_clock)
    desk = open_desk(tmp_path, clock=lambda: fixed_clock)
    desk.settings.source_kind = "rt"
    desk.settings.source_user, desk.settings.source_url = "advisor", "https://rt.example.com"
    with pytest.raises(NotConnectedError, match="no token for advisor"):
        sync_in_process(tmp_path, desk.settings, fixed_clock, None)
    desk.settings.source_kind = "demo"
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(SyncCancelled, match="cancelled"):
        sync_in_process(tmp_path, desk.settings, fixed_clock, None, cancel=cancel)
    desk.close()


def test_a_sync_stuck_in_a_read_is_killed_at_exit_when_its_cancel_is_not_enough(tmp_path: Path) -> None:
    """An RT that takes the request and never answers: the cancel waits for the read, so the
    exit kills the process (`stop_running_syncs`) before the workspace is let go of."""
    fixed_clock = NOW
    _tiny_workspace(tmp_path, fixed_clock)
    desk = open_desk(tmp_path, clock=lambda: fixed_clock)
    desk.settings.source_kind = "rt"
    desk.settings.source_user = "advisor"
    silent = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    asked = threading.Event()

    def take_and_keep_silent() -> None:
        connection, _ = silent.accept()
        held.append(connection)
        asked.set()

    threading.Thread(target=take_and_keep_silent, daemon=True).start()
    desk.settings.source_url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    cancel = threading.Event()
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            sync_in_process(tmp_path, desk.settings, fixed_clock, "token", cancel=cancel)
        except BaseException as error:
            outcome.append(error)

    syncing = threading.Thread(target=run)
    syncing.start()
    try:
        assert asked.wait(60), "the sync process asked the silent RT"
        cancel.set()
        syncing.join(1.0)
        assert syncing.is_alive(), "the cancel waits for the read in flight"
        assert stop_running_syncs() == 1
        syncing.join(10)
        assert not syncing.is_alive()
        [error] = outcome
        assert isinstance(error, SyncError) and "ended unexpectedly" in str(error)
        assert stop_running_syncs() == 0
    finally:
        cancel.set()
        stop_running_syncs()
        syncing.join(10)
        for connection in held:
            connection.close()
        silent.close()
        desk.close()
