"""Background work whose window closes before it ends."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject, QThreadPool
from shiboken6 import Shiboken

from advisor_app.gui.tasks import BackgroundTask, CancelToken, Report


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
