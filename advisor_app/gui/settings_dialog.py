"""Settings: the workspace's connection, with Change connection, Sign out and Switch source.

Change connection and Switch source open the connection wizard (the same pages as the
first run). Sign out and Switch source ask first and say what will happen.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.connect.connection import sign_out
from advisor_app.connect.switch import SwitchPlan, plan_switch
from advisor_app.gui.connection_wizard import run_connection_wizard
from advisor_app.gui.credentials import app_credentials
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.plain_text import make_plain
from advisor_app.gui.status_map_editor import StatusMapEditor
from advisor_app.secrets import CredentialError
from advisor_app.workspace.desk import Desk

_TABLE_NAMES = {
    "service_day_entries": "service-day entries",
    "weekly_updates": "weekly updates",
    "notes": "notes",
    "calendar_edits": "calendar edits",
}


_SOURCE_NAMES = {"rt": "Request Tracker", "zendesk": "Zendesk", "demo": "the demo"}


class SettingsDialog(QDialog):
    connection_changed = Signal()
    """The source, its token or its accounts changed: the window reloads and may sync."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(480)
        self.source = QLabel(self)
        self.source.setObjectName("source")
        self.address = QLabel(self)
        self.user = QLabel(self)
        self.token = QLabel(self)
        self.token.setObjectName("tokenState")
        make_plain(self.source, self.address, self.user, self.token)
        form = QFormLayout()
        form.addRow(self.tr("Source:"), self.source)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Token:"), self.token)
        self.change_button = QPushButton(self.tr("Change connection…"), self)
        self.change_button.clicked.connect(self.change_connection)
        self.sign_out_button = QPushButton(self.tr("Sign out"), self)
        self.sign_out_button.setObjectName("signOut")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.switch_button = QPushButton(self.tr("Switch source…"), self)
        self.switch_button.setObjectName("switchSource")
        self.switch_button.clicked.connect(self.switch_source)
        row = QHBoxLayout()
        for button in (self.change_button, self.sign_out_button, self.switch_button):
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        self.status_map = StatusMapEditor(desk, self)
        self.status_map.applied.connect(self.connection_changed)
        layout.addWidget(self.status_map)
        layout.addStretch(1)
        layout.addWidget(close)
        self.refresh()

    def refresh(self) -> None:
        settings = self.desk.settings
        names = {"rt": "Request Tracker", "zendesk": "Zendesk", "demo": self.tr("Demo data")}
        kind = settings.source_kind
        self.source.setText(names.get(kind or "", self.tr("Not connected")))
        self.address.setText(settings.source_url or "—")
        self.user.setText(settings.source_user or "—")
        connected = kind in ("rt", "zendesk") and bool(settings.source_url and settings.source_user)
        if not connected:
            self.token.setText("—")
        else:
            credentials = app_credentials()
            try:
                if credentials.environment_token():
                    text = self.tr("from ADVISOR_APP_TOKEN (not stored)")
                elif credentials.held_for_session(settings.source_user, settings.source_url):
                    text = self.tr("held for this session only")
                elif credentials.load(settings.source_user, settings.source_url):
                    text = self.tr("in the keyring")
                else:
                    text = self.tr("missing: sign in again with Change connection")
            except CredentialError as error:
                text = describe_error(error)
            self.token.setText(text)
        self.sign_out_button.setEnabled(connected)
        self.change_button.setText(self.tr("Change connection…") if kind in ("rt", "zendesk") else self.tr("Connect…"))
        self.switch_button.setEnabled(kind is not None)
        self.status_map.load()

    @Slot()
    def change_connection(self) -> None:
        if run_connection_wizard(self.desk, self):
            self.connection_changed.emit()
        self.refresh()

    @Slot()
    def sign_out(self) -> None:
        settings = self.desk.settings
        answer = QMessageBox.question(
            self,
            self.tr("Sign out"),
            self.tr(
                "Remove the token of {user} at {url} from the keyring? The synced data stays; syncing stops "
                "until you connect again."
            ).format(user=settings.source_user, url=settings.source_url),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            sign_out(self.desk, app_credentials())
        except CredentialError as error:
            QMessageBox.warning(self, self.tr("Sign out"), describe_error(error))
        self.connection_changed.emit()
        self.refresh()

    def describe_switch(self, plan: SwitchPlan) -> str:
        hidden = self.tr(
            "Hidden (kept in the database, no longer shown or synced), from {sources}: "
            "accounts {accounts}, cases {cases}, contacts {contacts}."
        ).format(
            accounts=plan.accounts,
            cases=plan.cases,
            contacts=plan.contacts,
            sources=", ".join(_SOURCE_NAMES.get(s, s) for s in plan.sources) or "—",
        )
        kept = ", ".join(f"{_TABLE_NAMES.get(name, name)} {count}" for name, count in plan.kept.items())
        return hidden + "\n\n" + self.tr("Kept as they are: {kept}.").format(kept=kept)

    def confirm_switch(self, plan: SwitchPlan) -> bool:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Switch source"))
        box.setText(self.tr("Start over with another source?"))
        box.setInformativeText(
            self.describe_switch(plan) + "\n\n" + self.tr("Nothing changes until you click Connect in the wizard.")
        )
        go = box.addButton(self.tr("Choose the new source…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is go

    @Slot()
    def switch_source(self) -> None:
        if not self.confirm_switch(plan_switch(self.desk.engine)):
            return
        if run_connection_wizard(self.desk, self, start_over=True):
            self.connection_changed.emit()
        self.refresh()
