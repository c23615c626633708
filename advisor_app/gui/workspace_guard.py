"""One window per workspace: the writer lock (QLockFile, the same file and protocol as the
command line's `advisor_app.workspace.lock`), and a local socket named per workspace by
which a second start hands over to the window already open, which comes to the front.
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from advisor_app.workspace.folder import Workspace

log = logging.getLogger(__name__)

RAISE = b"raise\n"
HAND_OVER_SECONDS = 2.0
"""How long a second start keeps trying to reach the first window. The first listens right
after taking the lock, so only a holder without a window (`sync`) leaves it unanswered."""


def server_name(root: Path) -> str:
    """The local socket's name: one per workspace folder, short enough for any platform."""
    digest = hashlib.sha256(str(root.expanduser().absolute()).encode("utf-8")).hexdigest()[:20]
    return f"advisor-desk-{digest}"


class WorkspaceGuard(QObject):
    """Holds the workspace's writer lock for the window's lifetime and listens for hand-overs."""

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = root.expanduser().absolute()
        self.lock = QLockFile(str(Workspace(self.root).writer_lock))
        self.lock.setStaleLockTime(0)  # held for hours: stale only when its process is gone
        self.server = QLocalServer(self)
        self.server.newConnection.connect(self._accept)
        self.window: QWidget | None = None
        self.raise_pending = False

    def claim(self) -> bool:
        """Take the lock (a stale one of a crashed process is taken over) and listen."""
        self.root.mkdir(parents=True, exist_ok=True)
        if not self.lock.tryLock(0):
            return False
        name = server_name(self.root)
        QLocalServer.removeServer(name)  # a socket left by a crash: we hold the lock, so it is stale
        if not self.server.listen(name):
            log.warning("cannot listen for a second start: %s", self.server.errorString())
        return True

    def holder(self) -> str:
        info = self.lock.getLockInfo()  # PySide6: (pid, host, app), or nothing when unreadable
        if not isinstance(info, tuple) or len(info) != 3:
            return "?"
        pid, host, app = info
        return f"{pid}, {app} on {host}"

    def hand_over(self, timeout: float = HAND_OVER_SECONDS) -> bool:
        """Ask the window that holds the lock to come to the front; False if none answers."""
        deadline = time.monotonic() + timeout
        while True:
            socket = QLocalSocket()
            socket.connectToServer(server_name(self.root))
            if socket.waitForConnected(500):
                socket.write(RAISE)
                sent = socket.waitForBytesWritten(2000)
                socket.disconnectFromServer()
                return sent
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.2)

    def attach(self, window: QWidget) -> None:
        self.window = window
        if self.raise_pending:
            self._raise_window()

    def release(self) -> None:
        if not self.server.isListening():
            self.lock.unlock()
            return
        for connection in self.server.findChildren(QLocalSocket):
            connection.readyRead.disconnect(self._read)
            connection.abort()
        self.server.close()
        self.lock.unlock()

    @Slot()
    def _accept(self) -> None:
        while (connection := self.server.nextPendingConnection()) is not None:
            connection.readyRead.connect(self._read)
            connection.disconnected.connect(connection.deleteLater)
            if connection.bytesAvailable():
                self._read_from(connection)

    @Slot()
    def _read(self) -> None:
        connection = self.sender()
        if isinstance(connection, QLocalSocket):
            self._read_from(connection)

    def _read_from(self, connection: QLocalSocket) -> None:
        if bytes(connection.readAll().data()).startswith(RAISE.strip()):
            log.info("a second start on this workspace handed over: raising the window")
            self.raise_pending = True
            self._raise_window()

    def _raise_window(self) -> None:
        if self.window is None:
            return
        self.raise_pending = False
        if self.window.isMinimized():
            self.window.showNormal()
        self.window.show()
        self.window.raise_()
        self.window.activateWindow()
