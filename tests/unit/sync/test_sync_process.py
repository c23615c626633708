"""A sync in its own process: the same result as in process, progress and errors come back."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from advisor_app.store import schema
from advisor_app.sync.engine import SyncCancelled
from advisor_app.workspace.desk import open_desk
from advisor_app.workspace.settings import save_settings
from advisor_app.workspace.source_sync import NotConnectedError
from advisor_app.workspace.sync_process import sync_in_process
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
