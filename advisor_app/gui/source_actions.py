"""Case > Open in source (Ctrl+Shift+O): the case's ticket in RT or Zendesk, in the browser."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence

from advisor_app.sync.source_links import case_ticket_url
from advisor_app.workspace.desk import Desk

log = logging.getLogger(__name__)

SHORTCUT = "Ctrl+Shift+O"


class OpenInSource(QObject):
    """The action, enabled when the workspace's source has a web interface; `current_case`
    says which case the window is on (None: none)."""

    message = Signal(str)
    """a status-bar line: no case chosen, or no page for it"""

    def __init__(self, desk: Desk, current_case: Callable[[], int | None], parent: QObject) -> None:
        super().__init__(parent)
        self._desk = desk
        self._current_case = current_case
        self.action = QAction(self.tr("Open in &source"), parent)
        self.action.setObjectName("openInSourceAction")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action.triggered.connect(self.open_current)
        self.update_enabled()

    def update_enabled(self) -> None:
        """After connecting or signing out: the demo and no source have no web page to open."""
        kind = self._desk.settings.source_kind
        enabled = kind in ("rt", "zendesk")
        self.action.setEnabled(enabled)
        if enabled:
            name = "Request Tracker" if kind == "rt" else "Zendesk"
            self.action.setToolTip(self.tr("Open the case's ticket in {source} in your browser").format(source=name))
        elif kind == "demo":
            self.action.setToolTip(self.tr("The demo has no web interface to open cases in"))
        else:
            self.action.setToolTip(self.tr("Connect a ticketing system to open cases in it"))

    @Slot()
    def open_current(self) -> None:
        case_id = self._current_case()
        if case_id is None:
            self.message.emit(self.tr("Choose a case first: its ticket opens in the browser."))
            return
        self.open_case(case_id)

    @Slot(int)
    def open_case(self, case_id: int) -> bool:
        """Open the case's ticket page; say so when there is none. True when a URL was handed on."""
        settings = self._desk.settings
        with self._desk.engine.connect() as connection:
            url = case_ticket_url(connection, case_id, settings.source_kind, settings.source_url)
        if url is None:
            self.message.emit(self.tr("This case has no page in a ticketing system to open."))
            return False
        if not QDesktopServices.openUrl(QUrl(url)):
            log.warning("no browser opened %s", url)
            self.message.emit(self.tr("No browser could open {url}").format(url=url))
            return False
        return True
