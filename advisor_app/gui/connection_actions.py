"""The window's connection commands (File > Connect…, Settings…, Sign out), kept out of
main_window.py: the window creates one and its menu actions call these slots."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QMainWindow, QMessageBox

from advisor_app.gui.error_text import describe_error
from advisor_app.workspace.desk import Desk

# The wizard, the settings dialog and the keyring load on first use, not before the first paint.


class ConnectionActions(QObject):
    def __init__(self, window: QMainWindow, desk: Desk) -> None:
        super().__init__(window)
        self._window = window
        self._desk = desk

    @Slot()
    def connect_source(self) -> None:
        """File > Connect…: the wizard (pre-filled with the current connection)."""
        from advisor_app.gui.connection_wizard import run_connection_wizard

        if run_connection_wizard(self._desk, self._window):
            self.connection_changed()

    @Slot()
    def open_settings(self) -> None:
        """Settings…: the connection, Change connection, Sign out, Switch source."""
        from advisor_app.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self._desk, self._window)
        dialog.connection_changed.connect(self.connection_changed)
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def sign_out(self) -> None:
        """File > Sign out: remove the token after asking."""
        from advisor_app.connect.connection import sign_out
        from advisor_app.gui.credentials import app_credentials
        from advisor_app.secrets import CredentialError

        settings = self._desk.settings
        if settings.source_kind not in ("rt", "zendesk"):
            return
        answer = QMessageBox.question(
            self._window,
            self.tr("Sign out"),
            self.tr("Remove the token of {user} at {url} from the keyring? The synced data stays.").format(
                user=settings.source_user, url=settings.source_url
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            sign_out(self._desk, app_credentials())
        except CredentialError as error:
            QMessageBox.warning(self._window, self.tr("Sign out"), describe_error(error))

    @Slot()
    def connection_changed(self) -> None:
        """Reload the window and enable syncing once a source is set."""
        window = self._window
        reload = getattr(window, "reload", None)
        if callable(reload):
            reload()
        ui = getattr(window, "ui", None)
        sync = getattr(window, "sync", None)
        if ui is not None and self._desk.settings.source_kind is not None:
            ui.syncAction.setEnabled(True)
            if sync is not None:
                sync.start_interval()
