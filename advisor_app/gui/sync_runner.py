"""The one way a sync runs from the window: off the GUI thread, reported on it.

`SyncRunner` starts one sync at a time on `tasks.network_pool()` (so it never overlaps the
wizard's connection test or another sync) and turns what the sync reports from its thread
into signals: progress per stream, a wait worded for the advisor (rate limited, retrying),
the report, or the error. `workspace_sync(desk)` is how a workspace syncs from the GUI, in
a process of its own (`workspace/sync_process.py`): the window's `SyncController` and the
wizard's first sync both start it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from advisor_app.gui.i18n import format_count
from advisor_app.gui.labels import stream_label
from advisor_app.gui.tasks import BackgroundTask, CancelToken, Report, network_pool
from advisor_app.sync.engine import SyncCancelled, SyncReport
from advisor_app.workspace.desk import Desk

ReportProgress = Callable[[str, int], None]
"""progress(stream, records written so far)"""
ReportWait = Callable[[float, str], None]
"""on_wait(seconds, reason): the sync waits before asking the source again"""
SyncWork = Callable[[ReportProgress, ReportWait, CancelToken], SyncReport]
"""work(progress, on_wait, cancel): one sync, run on the pool's thread; raises SyncCancelled
once `cancel` is set, or the error that stopped it."""


def workspace_sync(desk: Desk) -> SyncWork:
    """One sync of `desk` as it is set up now, run in a process of its own (the event loop
    never waits on it); its modules (providers, HTTP) load there, the keyring here, only to
    hand over the token."""
    settings, now = desk.settings, desk.clock()

    def work(progress: ReportProgress, on_wait: ReportWait, cancel: CancelToken) -> SyncReport:
        if cancel.is_cancelled():  # cancelled while queued: no keyring, no process
            raise SyncCancelled("the sync was cancelled before it started")
        from advisor_app.workspace.sync_process import sync_in_process

        token = None
        if settings.source_kind in ("rt", "zendesk"):
            from advisor_app.gui.credentials import app_credentials

            token = app_credentials().load(settings.source_user, settings.source_url)
        return sync_in_process(
            desk.workspace.root, settings, now, token, progress=progress, cancel=cancel, on_wait=on_wait
        )

    return work


def progress_text(stream: str, count: int) -> str:
    """What a sync in progress is doing, e.g. "Syncing cases: 1200"."""
    return QCoreApplication.translate("SyncRunner", "Syncing {stream}: {count}").format(
        stream=stream_label(stream), count=count
    )


def wait_text(seconds: float, reason: str) -> str:
    return QCoreApplication.translate(
        "SyncRunner", "Waiting {seconds} s before asking the source again ({reason})"
    ).format(seconds=format_count(max(1, round(seconds))), reason=reason)


class SyncRunner(QObject):
    started = Signal()
    progressed = Signal(str, int)
    """stream, records written so far"""
    waiting = Signal(str)
    """why the sync is waiting, worded (`wait_text`)"""
    synced = Signal(object)
    """the SyncReport of a finished run"""
    failed = Signal(object)
    """the error that stopped the run (SyncCancelled after `cancel`); the receiver words it"""
    finished = Signal()
    """after `synced` or `failed`: nothing runs any more"""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._task: BackgroundTask | None = None

    @property
    def running(self) -> bool:
        return self._task is not None

    def start(self, work: SyncWork) -> bool:
        """Start `work` unless a sync is running; say whether it was started."""
        if self._task is not None:
            return False

        def run(report: Report, token: CancelToken) -> SyncReport:
            return work(
                lambda stream, count: report((stream, count)),
                # Forced past the progress throttle: a wait must always reach the advisor.
                lambda seconds, reason: report((seconds, reason), True),
                token,
            )

        self._task = BackgroundTask(run, network_pool(), self)
        self._task.progressed.connect(self._on_progress)
        self._task.succeeded.connect(self._on_success)
        self._task.failed.connect(self._on_failure)
        self._task.start()
        self.started.emit()
        return True

    def cancel(self) -> bool:
        """Ask the running sync to stop after its current page; False when none runs."""
        if self._task is None:
            return False
        self._task.cancel()
        return True

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        assert isinstance(value, tuple)
        first, second = value
        if isinstance(first, str):
            self.progressed.emit(first, int(second))
        else:
            self.waiting.emit(wait_text(float(first), str(second)))

    @Slot(object)
    def _on_success(self, report: object) -> None:
        self._end()
        assert isinstance(report, SyncReport)
        self.synced.emit(report)
        self.finished.emit()

    @Slot(object)
    def _on_failure(self, error: object) -> None:
        self._end()
        self.failed.emit(error)
        self.finished.emit()

    def _end(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None


__all__ = ["ReportProgress", "ReportWait", "SyncRunner", "SyncWork", "progress_text", "wait_text", "workspace_sync"]
