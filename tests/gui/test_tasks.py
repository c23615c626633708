"""The one registry of thread pools (gui/tasks.py): drafts compose on its drafts pool, the
exit cancels and waits for every pool's work in one place, and work that outlives its
window ends quietly."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject, QThreadPool
from shiboken6 import Shiboken

from advisor_app.drafts.service import current_week, find_account
from advisor_app.gui import tasks
from advisor_app.gui.drafts.batch_dialog import BatchDraftDialog
from advisor_app.gui.drafts.composer import DraftComposer
from advisor_app.gui.tasks import BackgroundTask, CancelToken, Report, Work, drafts_pool, shutdown_background_work
from advisor_app.workspace.desk import Desk


def hold_pool(pool: QThreadPool) -> tuple[BackgroundTask, threading.Event, threading.Event]:
    """A job that keeps `pool`'s one thread busy until released."""
    started, release = threading.Event(), threading.Event()

    def work(_report: Report, _token: CancelToken) -> None:
        started.set()
        release.wait(20)

    task = BackgroundTask(work, pool)
    task.start()
    assert started.wait(10)
    return task, started, release


def test_drafts_are_composed_on_the_registrys_drafts_pool(qtbot: QtBot, demo_desk: Desk) -> None:
    account = find_account(demo_desk.engine, "Lumen Retail")
    week = current_week(demo_desk.engine, account, demo_desk.clock())
    holder, _started, release = hold_pool(drafts_pool())
    try:
        composer = DraftComposer(demo_desk, account, week)
        qtbot.addWidget(composer)
        batch = BatchDraftDialog(demo_desk)
        qtbot.addWidget(batch)
        qtbot.wait(300)
        assert composer.task is not None and composer.editor.toPlainText() == "", "waits for the drafts pool"
        assert batch.items == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: composer.task is None and composer.editor.toPlainText() != "", timeout=20_000)
    qtbot.waitUntil(lambda: batch.items != [], timeout=60_000)
    assert not holder.running


def test_the_exit_cancels_running_work_and_waits_for_every_pool(qtbot: QtBot) -> None:
    ended: list[str] = []
    started = {name: threading.Event() for name in ("network", "drafts", "queued")}

    def until_cancelled(name: str) -> Work:
        def work(_report: Report, token: CancelToken) -> None:
            started[name].set()
            token.wait(20)
            ended.append(name)

        return work

    running = [
        BackgroundTask(until_cancelled("network"), tasks.network_pool()),
        BackgroundTask(until_cancelled("drafts"), tasks.drafts_pool()),
    ]
    queued = BackgroundTask(until_cancelled("queued"), tasks.drafts_pool())
    for task in (*running, queued):
        task.start()
    assert started["network"].wait(10) and started["drafts"].wait(10)
    assert shutdown_background_work(10_000)
    assert sorted(ended) == ["drafts", "network"], "cancelled and waited for"
    assert not started["queued"].is_set(), "the queued job never started"
    assert tasks.network_pool().activeThreadCount() == tasks.drafts_pool().activeThreadCount() == 0


def test_work_outliving_its_window_ends_quietly(qtbot: QtBot) -> None:
    """The window (the task's parent) is gone when the work reports and ends: nothing is
    delivered and nothing raises on the worker thread (pytest-qt fails the test if it does)."""
    running, release = threading.Event(), threading.Event()
    finished: list[bool] = []

    def work(report: Report, token: CancelToken) -> str:
        running.set()
        release.wait(10)
        report("late progress", True)
        return "late result"

    pool = QThreadPool()
    window = QObject()
    task = BackgroundTask(work, pool, window)
    task.finished.connect(lambda: finished.append(True))
    task.start()
    assert running.wait(10)
    Shiboken.delete(window)  # closing the window deletes its children, the task with them
    release.set()
    assert pool.waitForDone(10_000)
    qtbot.wait(50)  # let any queued delivery arrive
    assert finished == []
