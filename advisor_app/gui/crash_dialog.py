"""Errors nobody expected: logged with their traceback, and told in a dialog whose details
the advisor can copy into a report, with the path of the log.

`ExceptionHooks` takes `sys.excepthook` (which PySide6 also calls for an exception escaping
a slot) and `threading.excepthook`; an exception on a worker thread reaches the dialog
through a queued signal. Faulthandler writes a hard crash's Python stacks to the log file.
"""

from __future__ import annotations

import faulthandler
import logging
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app import APP_NAME, __version__
from advisor_app.gui.error_text import set_log_path
from advisor_app.text.redaction import redact

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def error_details(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> str:
    """The text a report needs: versions, then the traceback."""
    versions = (
        f"{APP_NAME} {__version__} · Python {platform.python_version()} · Qt {qVersion()} · {platform.platform()}"
    )
    # Redacted like the log: a report pasted somewhere never carries a token.
    return redact(versions + "\n\n" + "".join(traceback.format_exception(kind, value, tb)))


class CrashDialog(QDialog):
    def __init__(self, details: str, log_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.setWindowTitle(self.tr("Unexpected error"))
        heading = QLabel(self.tr("Something went wrong that the app did not expect."), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        explanation = QLabel(
            self.tr(
                "What was saved before stays saved. You can go on working; if something looks wrong, "
                "restart the app. To report the problem, copy the details below and attach the log."
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.log_label = QLabel(self.tr("Log: {path}").format(path=log_path), self)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setPlainText(details)
        self.details.setAccessibleName(self.tr("Error details"))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("&Copy details"), self)
        self.open_logs_button = QPushButton(self.tr("Open &log folder"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.open_logs_button.clicked.connect(self.open_log_folder)
        layout = QVBoxLayout(self)
        for widget in (heading, explanation, self.log_label):
            layout.addWidget(widget)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def add_details(self, details: str) -> None:
        """A further error while the dialog is open: one dialog, every traceback in it."""
        self.details.appendPlainText("\n" + details)

    @Slot()
    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText() + f"\nLog: {self.log_path}\n")

    @Slot()
    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))


class ExceptionHooks(QObject):
    """Install with `install()`; `uninstall()` restores the hooks there were before."""

    reported = Signal(str)
    """the details of an unexpected error, delivered to the GUI thread"""

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog: CrashDialog | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._fault_file: IO[str] | None = None
        self._fault_handler_was_enabled = False
        self.reported.connect(self.show_dialog, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        set_log_path(str(self.log_path))
        self._previous_hook, self._previous_thread_hook = sys.excepthook, threading.excepthook
        sys.excepthook = self.handle_exception
        threading.excepthook = self.handle_thread_exception
        self._fault_handler_was_enabled = faulthandler.is_enabled()
        self._fault_file = enable_fault_log(self.log_path)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous_hook, self._previous_thread_hook
        faulthandler.disable()
        if self._fault_file is not None:
            self._fault_file.close()
            self._fault_file = None
        if self._fault_handler_was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__)

    def handle_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, value, tb)
            return
        log.critical("unexpected error", exc_info=(kind, value, tb))
        self.reported.emit(error_details(kind, value, tb))

    def handle_thread_exception(self, args: Any) -> None:
        if args.exc_type is SystemExit:
            return
        log.critical("unexpected error in thread %s", getattr(args.thread, "name", "?"), exc_info=(
            args.exc_type, args.exc_value, args.exc_traceback))  # fmt: skip
        self.reported.emit(error_details(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback))

    @Slot(str)
    def show_dialog(self, details: str) -> None:
        if self.dialog is not None:
            self.dialog.add_details(details)
            self.dialog.raise_()
            return
        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(details, self.log_path, parent)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.show()

    @Slot()
    def _dialog_closed(self) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None


def enable_fault_log(log_path: Path) -> IO[str]:
    """Faulthandler into the log: a hard crash (a segfault in Qt) leaves every thread's stack there.

    The log rotates by renaming; stacks written after a rotation land in `advisor.log.1`, beside it.
    """
    log_path.parent.mkdir(parents=True, exist_ok=True)
    fault_file = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 (open for the process's life)
    faulthandler.enable(file=fault_file, all_threads=True)
    return fault_file
