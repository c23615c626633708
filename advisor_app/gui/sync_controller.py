"""Runs syncs off the GUI thread: on demand (F5) and on the workspace's interval."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from advisor_app.gui.error_text import describe_error_line
from advisor_app.gui.i18n import format_count
from advisor_app.gui.tasks import BackgroundTask, CancelToken, Report, network_pool
from advisor_app.sync.engine import SyncCancelled, SyncReport
from advisor_app.workspace.desk import Desk

log = logging.getLogger(__name__)


class SyncController(QObject):
    started = Signal()
    progressed = Signal(str, int)
    """stream, records written so far"""
    synced = Signal(object)
    """the SyncReport of a finished run"""
    waiting = Signal(str)
    """why the sync is waiting, e.g. rate limited, retrying in 30 s"""
    failed = Signal(str)
    """a one-line reason"""
    idle = Signal()

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._task: BackgroundTask | None = None
        self.last_error: str | None = None
        self.failing_since: datetime | None = None
        self.last_report: SyncReport | None = None
        self.interval_timer = QTimer(self)
        """Starts a sync every `sync_interval_minutes` once `start_interval` is called."""
        self.interval_timer.setInterval(max(1, desk.settings.sync_interval_minutes) * 60_000)
        self.interval_timer.timeout.connect(self.sync_now)

    @property
    def running(self) -> bool:
        return self._task is not None

    def start_interval(self) -> None:
        self.interval_timer.start()

    @Slot()
    def sync_now(self) -> bool:
        """Start a sync unless one is running; say whether one was started."""
        if self._task is not None:
            return False
        desk = self._desk
        settings, now = desk.settings, desk.clock()
        # The sync runs in a process of its own (the event loop never waits on it); its
        # modules (providers, HTTP) load there, the keyring only to hand over the token.
        from advisor_app.workspace.sync_process import sync_in_process

        def work(report: Report, token: CancelToken) -> SyncReport:
            secret = None
            if settings.source_kind in ("rt", "zendesk"):
                from advisor_app.gui.credentials import app_credentials

                secret = app_credentials().load(settings.source_user, settings.source_url)
            return sync_in_process(
                desk.workspace.root,
                settings,
                now,
                secret,
                progress=lambda stream, n: report((stream, n)),
                cancel=token,
                # Forced past the progress throttle: a wait must always reach the status bar.
                on_wait=lambda seconds, reason: report(("", (seconds, reason)), True),
            )

        self._task = BackgroundTask(work, network_pool(), self)
        self._task.progressed.connect(self._on_progress)
        self._task.succeeded.connect(self._on_success)
        self._task.failed.connect(self._on_failure)
        self._task.start()
        self.started.emit()
        return True

    @Slot()
    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    @Slot(object)
    def _on_progress(self, value: object) -> None:
        assert isinstance(value, tuple)
        stream, detail = value
        if isinstance(detail, tuple):  # rate limited or backing off: say so rather than freeze
            seconds, reason = detail
            self.waiting.emit(
                self.tr("Waiting {seconds} s before asking the source again ({reason})").format(
                    seconds=format_count(max(1, round(seconds))), reason=reason
                )
            )
        else:
            self.progressed.emit(str(stream), int(detail))

    @Slot(object)
    def _on_success(self, report: object) -> None:
        self._finish()
        self.last_error, self.failing_since = None, None
        assert isinstance(report, SyncReport)
        self.last_report = report
        self.synced.emit(report)
        self.idle.emit()

    @Slot(object)
    def _on_failure(self, error: object) -> None:
        self._finish()
        self.last_error = describe_error_line(error)
        if not isinstance(error, SyncCancelled):
            log.warning("sync failed: %s", error)
            if self.failing_since is None:
                self.failing_since = self._desk.clock()
        self.failed.emit(self.last_error)
        self.idle.emit()

    def _finish(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
