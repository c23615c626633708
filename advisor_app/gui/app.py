"""Starting the GUI: one QApplication, the theme, the workspace, the main window."""

from __future__ import annotations

import contextlib
import logging
import signal
import socket
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSocketNotifier, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from advisor_app import APP_ID, APP_NAME, DESKTOP_ID, __version__
from advisor_app.domain.resources import resource_path
from advisor_app.errors import AdvisorError, DamagedWorkspaceError
from advisor_app.gui.crash_dialog import ExceptionHooks
from advisor_app.gui.damage_dialog import ask_to_restore
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.i18n import install_language
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.tasks import shutdown_background_work
from advisor_app.gui.theme import theme_follower
from advisor_app.gui.workspace_guard import WorkspaceGuard
from advisor_app.workspace.desk import Desk, open_desk, restore_workspace_backup
from advisor_app.workspace.folder import check_root
from advisor_app.workspace.logs import log_file

qt_log = logging.getLogger("advisor_app.qt")
log = logging.getLogger(__name__)

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _route_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_ID)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", "advisor-desk.svg"))))
    theme_follower(app)
    return app


def open_main_window(desk: Desk) -> MainWindow:
    window = MainWindow(desk)
    window.show()
    window.start_syncing()
    return window


def _quit_on_termination(app: QApplication) -> None:
    """Quit cleanly on SIGTERM/SIGINT (session logout, Ctrl+C in a terminal).

    Python runs its signal handlers only between bytecodes, which never come while Qt waits
    for events. Instead of waking up to poll, the signal number goes to a socket
    (`signal.set_wakeup_fd`, written by the C-level handler at once) that Qt watches: the
    process sleeps until a signal comes. A signal during start-up waits in the socket and
    is handled as soon as the event loop runs.
    """
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def request_quit() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)
        # Close the windows as a user would (layout saved, timers stopped); the last one
        # closing ends the event loop. Quitting under open windows leaves paints in flight.
        app.closeAllWindows()
        app.quit()

    notifier.activated.connect(request_quit)
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, _note_signal)
    signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    _signal_sockets.extend((reader, writer, notifier))


# Kept alive for the life of the process: the wake-up fd must stay open.
_signal_sockets: list[object] = []


def _note_signal(_signum: int, _frame: object) -> None:
    """The Python-level handler has nothing to do: the wake-up socket carries the signal."""


def run_gui(root: Path, demo: bool) -> int:
    app = create_application(sys.argv[:1])
    qInstallMessageHandler(_route_qt_message)
    _quit_on_termination(app)
    try:
        check_root(root.expanduser().absolute())
    except AdvisorError as error:
        QMessageBox.critical(None, APP_NAME, describe_error(error))
        return 1
    guard = WorkspaceGuard(root, app)
    if not guard.claim():
        if guard.hand_over():
            return 0  # the window already open on this workspace came to the front
        QMessageBox.warning(
            None,
            APP_NAME,
            QCoreApplication.translate(
                "App", "This workspace is in use by another Advisor Desk process ({holder}). Try again when it is done."
            ).format(holder=guard.holder()),
        )
        return 1
    try:
        return _run_window(app, guard, root, demo)
    finally:
        guard.release()


def _open_or_offer_backup(root: Path, demo: bool) -> Desk | None:
    """Open the workspace; when it is damaged, offer the newest backup (restored only on the
    advisor's word). None: it could not be opened, and the advisor was told why."""
    try:
        return open_desk(root, demo=demo)
    except DamagedWorkspaceError as error:
        if not ask_to_restore(error):
            return None
        try:
            restore_workspace_backup(root, error.backup)
            return open_desk(root, demo=demo)
        except AdvisorError as again:
            QMessageBox.critical(None, APP_NAME, describe_error(again))
            return None
    except AdvisorError as error:
        QMessageBox.critical(None, APP_NAME, describe_error(error))
        return None


def _run_window(app: QApplication, guard: WorkspaceGuard, root: Path, demo: bool) -> int:
    desk = _open_or_offer_backup(root, demo)
    if desk is None:
        return 1
    ExceptionHooks(log_file(desk.workspace.logs_dir), app).install()
    # Before any window exists: widgets read their texts when they are built.
    install_language(desk.settings.language)
    theme_follower(app).set_mode(desk.settings.theme)
    if not demo and desk.settings.source_kind is None:
        # First run of this workspace: guide the connection. Cancelling opens the empty window.
        from advisor_app.gui.connection_wizard import run_connection_wizard

        run_connection_wizard(desk)
    try:
        window = open_main_window(desk)
        guard.attach(window)
        # Quitting by signal or session end closes the window like the user would: layout saved, timers stopped.
        app.aboutToQuit.connect(window.close)
        # Said once the event loop runs and the first paint is done (end-to-end tests wait for it).
        QTimer.singleShot(200, window.report_shown)
        code = app.exec()
        log.info("quit with code %d", code)
        del window
        return code
    finally:
        # No worker may still read or write the workspace once its database closes.
        if not shutdown_background_work():
            from advisor_app.workspace.sync_process import stop_running_syncs

            stop_running_syncs()
        desk.close()
