"""The window's syncs: on demand (F5) and on the workspace's interval, run by a `SyncRunner`;
what the last one did, and since when the source has been failing."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from advisor_app.gui.error_text import describe_error_line
from advisor_app.gui.sync_runner import SyncRunner, workspace_sync
from advisor_app.sync.engine import SyncCancelled, SyncReport
from advisor_app.workspace.desk import Desk

log = logging.getLogger(__name__)


class SyncController(QObject):
    """Starts the window's syncs; `runner` tells how one goes (started, progressed, waiting,
    finished), this object what came of it."""

    synced = Signal(object)
    """the SyncReport of a finished run, after `last_report` holds it"""
    failed = Signal(str)
    """a one-line reason, after `last_error` holds it"""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.runner = SyncRunner(self)
        self.runner.synced.connect(self._on_success)
        self.runner.failed.connect(self._on_failure)
        self.last_error: str | None = None
        self.failing_since: datetime | None = None
        self.last_report: SyncReport | None = None
        self.interval_timer = QTimer(self)
        """Starts a sync every `sync_interval_minutes` once `start_interval` is called."""
        self.interval_timer.setInterval(max(1, desk.settings.sync_interval_minutes) * 60_000)
        self.interval_timer.timeout.connect(self.sync_now)

    @property
    def running(self) -> bool:
        return self.runner.running

    def start_interval(self) -> None:
        self.interval_timer.start()

    @Slot()
    def sync_now(self) -> bool:
        """Start a sync unless one is running; say whether one was started."""
        return self.runner.start(workspace_sync(self._desk))

    @Slot()
    def cancel(self) -> None:
        self.runner.cancel()

    @Slot(object)
    def _on_success(self, report: object) -> None:
        self.last_error, self.failing_since = None, None
        assert isinstance(report, SyncReport)
        self.last_report = report
        self.synced.emit(report)

    @Slot(object)
    def _on_failure(self, error: object) -> None:
        self.last_error = describe_error_line(error)
        if not isinstance(error, SyncCancelled):
            log.warning("sync failed: %s", error)
            if self.failing_since is None:
                self.failing_since = self._desk.clock()
        self.failed.emit(self.last_error)
