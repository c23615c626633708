"""Starting the GUI: one QApplication, the theme, the workspace, the main window."""

from __future__ import annotations

import logging
import signal
import sys
from pathlib import Path

from PySide6.QtCore import QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from advisor_app import APP_ID, APP_NAME, __version__
from advisor_app.desk import Desk, open_desk
from advisor_app.errors import AdvisorError
from advisor_app.gui.i18n import install_language
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.theme import theme_follower
from advisor_app.resources import resource_path

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
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", "advisor-desk.svg"))))
    theme_follower(app)
    return app


def open_main_window(desk: Desk) -> MainWindow:
    window = MainWindow(desk)
    window.show()
    return window


def _quit_on_termination(app: QApplication) -> None:
    """Quit cleanly on SIGTERM/SIGINT (session logout, Ctrl+C in a terminal)."""

    def request_quit(_signum: int, _frame: object) -> None:
        # Close the windows as a user would (layout saved, timers stopped); the last one
        # closing ends the event loop. Quitting under open windows leaves paints in flight.
        app.closeAllWindows()
        app.quit()

    signal.signal(signal.SIGTERM, request_quit)
    signal.signal(signal.SIGINT, request_quit)
    # Python runs signal handlers only between bytecodes; a idle tick lets it in while Qt waits.
    ticker = QTimer(app)
    ticker.setInterval(250)
    ticker.timeout.connect(_idle)
    ticker.start()


def _idle() -> None:
    return None


def run_gui(root: Path, demo: bool) -> int:
    app = create_application(sys.argv[:1])
    qInstallMessageHandler(_route_qt_message)
    _quit_on_termination(app)
    try:
        desk = open_desk(root, demo=demo)
    except AdvisorError as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    # Before any window exists: widgets read their texts when they are built.
    install_language(desk.settings.language)
    theme_follower(app).set_mode(desk.settings.theme)
    if not demo and desk.settings.source_kind is None:
        # First run of this workspace: guide the connection. Cancelling opens the empty window.
        from advisor_app.gui.connection_wizard import run_connection_wizard

        run_connection_wizard(desk)
    try:
        window = open_main_window(desk)
        # Quitting by signal or session end closes the window like the user would: layout saved, timers stopped.
        app.aboutToQuit.connect(window.close)
        # Said once the event loop runs and the first paint is done (end-to-end tests wait for it).
        QTimer.singleShot(200, window.report_shown)
        code = app.exec()
        log.info("quit with code %d", code)
        del window
        return code
    finally:
        desk.close()
