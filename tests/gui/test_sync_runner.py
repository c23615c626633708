"""The one sync runner the window and the wizard share: one run at a time, progress and
waits on the GUI thread, the report, a cancel, a failure."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from advisor_app.gui.sync_runner import ReportProgress, ReportWait, SyncRunner, workspace_sync
from advisor_app.gui.tasks import CancelToken
from advisor_app.sync.engine import StreamReport, SyncCancelled, SyncError, SyncReport
from advisor_app.workspace import sync_process
from advisor_app.workspace.desk import Desk


def test_progress_a_wait_and_the_report_reach_the_gui_thread(qtbot: QtBot) -> None:
    runner = SyncRunner()
    progress: list[tuple[str, int]] = []
    waits: list[str] = []
    threads: list[threading.Thread] = []
    runner.progressed.connect(lambda stream, count: progress.append((stream, count)))
    runner.waiting.connect(waits.append)
    runner.progressed.connect(lambda *_: threads.append(threading.current_thread()))
    report = SyncReport({"cases": StreamReport(written=3)})
    release = threading.Event()
    worker: list[threading.Thread] = []

    def work(on_progress: ReportProgress, on_wait: ReportWait, cancel: CancelToken) -> SyncReport:
        worker.append(threading.current_thread())
        release.wait(10)
        on_progress("cases", 3)
        on_wait(24.6, "server error 503, retrying in 25 s")
        return report

    finished = qtbot.waitSignal(runner.finished, timeout=10_000)
    with finished, qtbot.waitSignal(runner.synced, timeout=10_000) as synced:
        assert runner.start(work)
        assert runner.running
        assert not runner.start(work), "a second sync does not start while one runs"
        release.set()
    assert synced.args == [report]
    assert not runner.running
    assert progress == [("cases", 3)]
    assert waits == ["Waiting 25 s before asking the source again (server error 503, retrying in 25 s)"]
    assert worker and worker[0] is not threading.main_thread(), "the sync ran off the GUI thread"
    assert threads == [threading.main_thread()], "signals arrive on the GUI thread"


def test_cancel_stops_the_run_with_sync_cancelled(qtbot: QtBot) -> None:
    runner = SyncRunner()
    assert not runner.cancel(), "nothing to cancel"
    started = threading.Event()

    def work(_progress: ReportProgress, _wait: ReportWait, cancel: CancelToken) -> SyncReport:
        started.set()
        if cancel.wait(10):
            raise SyncCancelled("sync cancelled")
        return SyncReport({})

    with qtbot.waitSignal(runner.failed, timeout=15_000) as failed:
        runner.start(work)
        assert started.wait(10)
        assert runner.cancel()
    assert isinstance(failed.args[0], SyncCancelled)
    assert not runner.running


def test_a_failure_is_handed_over_as_the_error_and_the_runner_is_free_again(qtbot: QtBot) -> None:
    runner = SyncRunner()

    def failing(_progress: ReportProgress, _wait: ReportWait, _cancel: CancelToken) -> SyncReport:
        raise SyncError("the source is gone")

    with qtbot.waitSignal(runner.failed, timeout=10_000) as failed:
        runner.start(failing)
    assert isinstance(failed.args[0], SyncError) and str(failed.args[0]) == "the source is gone"
    with qtbot.waitSignal(runner.synced, timeout=10_000):
        assert runner.start(lambda _p, _w, _c: SyncReport({})), "a new run starts once the last one ended"


def test_a_sync_cancelled_while_queued_starts_no_process(demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[object] = []
    monkeypatch.setattr(sync_process, "sync_in_process", lambda *args, **kwargs: started.append(args))
    token = CancelToken()
    token.cancel()
    with pytest.raises(SyncCancelled):
        workspace_sync(demo_desk)(lambda _stream, _count: None, lambda _seconds, _reason: None, token)
    assert started == []
    workspace_sync(demo_desk)(lambda _stream, _count: None, lambda _seconds, _reason: None, CancelToken())
    assert len(started) == 1, "not cancelled: the process starts"
