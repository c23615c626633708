"""A second window on a workspace hands over to the first (which comes to the front)
instead of opening the database; alerts are told once when two windows race."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QWidget

from advisor_app.attention import records
from advisor_app.attention.alerts import Alert, AlertKind
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.workspace_guard import WorkspaceGuard
from advisor_app.store import schema
from advisor_app.workspace.desk import Desk, open_desk
from tests.conftest import MovableClock
from tests.e2e.test_app_smoke import wait_for
from tests.reliability.probes import ROOT


@pytest.fixture
def guards(qapp: QApplication) -> Iterator[Callable[[Path], WorkspaceGuard]]:
    """Guards owned by a parent that outlives the test's events (the app's, in the app)."""
    owner = QObject()
    made: list[WorkspaceGuard] = []

    def make(root: Path) -> WorkspaceGuard:
        made.append(WorkspaceGuard(root, owner))
        return made[-1]

    yield make
    for guard in made:
        guard.release()
    QCoreApplication.processEvents()
    owner.deleteLater()
    QCoreApplication.processEvents()


def test_a_second_start_hands_over_and_the_first_window_comes_to_the_front(
    qtbot: QtBot, guards: Callable[[Path], WorkspaceGuard], tmp_path: Path
) -> None:
    first = guards(tmp_path / "ws")
    assert first.claim()
    window = QWidget()
    qtbot.addWidget(window)
    first.attach(window)
    assert not window.isVisible()
    second = guards(tmp_path / "ws")
    try:
        assert not second.claim(), "one window per workspace"
        assert str(os.getpid()) in second.holder()
        assert second.hand_over(timeout=2)
        qtbot.waitUntil(window.isVisible, timeout=3_000)
    finally:
        first.release()
    assert second.claim(), "free again once the first window is gone"
    second.release()


def test_a_hand_over_before_the_window_exists_raises_it_when_it_comes(
    qtbot: QtBot, guards: Callable[[Path], WorkspaceGuard], tmp_path: Path
) -> None:
    first = guards(tmp_path / "ws")
    assert first.claim()
    try:
        assert guards(tmp_path / "ws").hand_over(timeout=2)
        qtbot.waitUntil(lambda: first.raise_pending, timeout=3_000)
        window = QWidget()
        qtbot.addWidget(window)
        first.attach(window)
        assert window.isVisible() and not first.raise_pending
    finally:
        first.release()


def test_two_windows_racing_tell_an_alert_once_and_raise_nothing(
    qtbot: QtBot, demo_desk: Desk, demo_root: Path, clock: MovableClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    c = schema.cases.c
    with demo_desk.engine.connect() as connection:
        case_id, at_risk_at = connection.execute(
            select(c.id, c.clock_at_risk_at)
            .where(c.clock_state == "running", c.clock_open, c.clock_at_risk_at > clock(), c.severity != 1)
            .order_by(c.clock_at_risk_at)
            .limit(1)
        ).one()
    other_desk = open_desk(demo_root, clock=clock)  # the second window's own engine and connections
    try:
        first, second = MainWindow(demo_desk), MainWindow(other_desk)
        qtbot.addWidget(first)
        qtbot.addWidget(second)
        clock.now = at_risk_at + timedelta(seconds=1)
        # The race: the second window read what was told before the first recorded it.
        with demo_desk.engine.connect() as connection:
            told_before = records.notified_keys(connection, [case_id])
        monkeypatch.setattr(records, "notified_keys", lambda _connection, _ids: told_before)
        told_by_first = [alert for alert in first.notifier.check() if alert.case_id == case_id]
        told_by_second = [alert for alert in second.notifier.check() if alert.case_id == case_id]
        assert told_by_first == [Alert(case_id, AlertKind.AT_RISK, at_risk_at)]
        assert told_by_second == [], "told once across processes"
        first.close()
        second.close()
    finally:
        other_desk.close()


def test_the_real_app_started_twice_hands_over_and_the_second_exits(tmp_path: Path) -> None:
    root = tmp_path / "workspace"
    root.mkdir()
    (root / "settings.json").write_text('{"demo_scale": "tiny"}')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "advisor_app.cli.main", "--demo", "--data-dir", str(root)]
    first = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        wait_for(root / "logs" / "advisor.log", "window shown", first)
        second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        wait_for(root / "logs" / "advisor.log", "a second start on this workspace handed over", first)
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 0
    finally:
        if first.poll() is None:
            first.kill()
        first.communicate()
    log = (root / "logs" / "advisor.log").read_text(encoding="utf-8")
    assert log.count("window shown") == 1, "the second start opened no window"
    assert "UNIQUE constraint failed" not in log
    assert not (root / "advisor.lock").exists(), "released on quit"


def test_a_window_started_while_the_command_line_syncs_is_told_who_holds_it(
    qtbot: QtBot, guards: Callable[[Path], WorkspaceGuard], tmp_path: Path
) -> None:
    from advisor_app.workspace.folder import Workspace
    from advisor_app.workspace.lock import acquire

    root = tmp_path / "ws"
    root.mkdir()
    with acquire(Workspace(root).writer_lock, what="sync"):
        guard = guards(root)
        assert not guard.claim()
        assert not guard.hand_over(timeout=0.5), "no window to hand over to"
        assert guard.holder().startswith(f"{os.getpid()}, ")
