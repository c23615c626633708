"""The connection wizard: choose a source, test the connection, choose your accounts, first sync.

Nothing is written before the accounts page's "Connect" (for the demo: the source page's
"Start demo"): cancelling before it leaves the settings file and the keyring as they were.
At "Connect", `connect.connection.connect` stores the token first and saves the settings last
(with a switch, it retires the old source's synced data in between, in one
transaction). When the keyring refuses the token (none available, locked), the wizard
says so and offers to hold the token for this session only. The last page runs the first
sync in the background; cancelling it keeps what was synced and the connection.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from advisor_app.connect.connection import ConnectionRequest, connect, connect_demo
from advisor_app.connect.probe import (
    ServerIdentity,
    SourceAccess,
    SourceAccount,
    advisor_names,
    failure_kind,
    list_source_accounts,
    probe,
)
from advisor_app.errors import AdvisorError
from advisor_app.gui.credentials import app_credentials
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.icons import icon
from advisor_app.gui.plain_text import make_plain
from advisor_app.gui.sync_runner import SyncRunner, progress_text, workspace_sync
from advisor_app.gui.tasks import BackgroundTask, CancelToken, Report, network_pool
from advisor_app.secrets import CredentialError, KeyringLockedError, KeyringUnavailableError
from advisor_app.sync.engine import SyncCancelled, SyncReport
from advisor_app.sync.selection import AccountSelection
from advisor_app.workspace.desk import Desk

log = logging.getLogger(__name__)

SOURCE_PAGE, CONNECTION_PAGE, ACCOUNTS_PAGE, SYNC_PAGE = range(4)
KINDS = ("demo", "rt", "zendesk")


@dataclass(slots=True)
class ProbeResult:
    identity: ServerIdentity
    accounts: list[SourceAccount] = field(default_factory=list)
    accounts_error: str = ""


# Pages ---------------------------------------------------------------------------------------


class SourcePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Where do your cases live?"))
        self.setSubTitle(self.tr("Advisor Desk keeps a copy of your accounts and cases on this computer."))
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        choices = (
            ("rt", self.tr("Request Tracker"), self.tr("RT 5 with the REST2 API and an auth token.")),
            ("zendesk", self.tr("Zendesk"), self.tr("Zendesk Support, with your email and an API token.")),
            (
                "demo",
                self.tr("Demo data"),
                self.tr("25 made-up accounts to try the app."),
            ),
        )
        self.buttons: dict[str, QRadioButton] = {}
        for index, (kind, title, detail) in enumerate(choices):
            button = QRadioButton(title, self)
            button.setObjectName(f"source_{kind}")
            self.group.addButton(button, index)
            self.buttons[kind] = button
            note = QLabel(detail, self)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 8)
            note.setForegroundRole(note.foregroundRole())
            layout.addWidget(button)
            layout.addWidget(note)
        layout.addStretch(1)
        self.group.idToggled.connect(self._on_toggled)

    def kind(self) -> str:
        for kind, button in self.buttons.items():
            if button.isChecked():
                return kind
        return ""

    def choose(self, kind: str) -> None:
        if kind in self.buttons:
            self.buttons[kind].setChecked(True)

    @Slot(int, bool)
    def _on_toggled(self, _id: int, _checked: bool) -> None:
        demo = self.kind() == "demo"
        self.setCommitPage(demo)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Start demo"))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.kind())

    def nextId(self) -> int:
        return SYNC_PAGE if self.kind() == "demo" else CONNECTION_PAGE

    def validatePage(self) -> bool:
        if self.kind() != "demo":
            return True
        wizard = self.wizard()
        assert isinstance(wizard, ConnectionWizard)
        return wizard.commit_demo()


class ConnectionPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ProbeResult | None = None
        self._task: BackgroundTask | None = None
        self._tested: tuple[str, ...] | None = None

        self.url = QLineEdit(self)
        self.url.setObjectName("url")
        self.user = QLineEdit(self)
        self.user.setObjectName("user")
        self.token = QLineEdit(self)
        self.token.setObjectName("token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Token"))
        self.show_token = QToolButton(self)
        self.show_token.setObjectName("showToken")
        self.show_token.setText(self.tr("Show"))
        self.show_token.setCheckable(True)
        self.show_token.setToolTip(self.tr("Show or hide the token"))
        self.show_token.toggled.connect(self._on_show_token)
        token_row = QHBoxLayout()
        token_row.addWidget(self.token, 1)
        token_row.addWidget(self.show_token)

        self.ca_bundle = QLineEdit(self)
        self.ca_bundle.setObjectName("caBundle")
        self.ca_bundle.setPlaceholderText(self.tr("Optional: your company's CA certificates (PEM)"))
        browse = QPushButton(self.tr("Browse…"), self)
        browse.clicked.connect(self._on_browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)

        self.timezone = QComboBox(self)
        self.timezone.setObjectName("rtTimezone")
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(available_timezones()))
        self.timezone.setCurrentText("UTC")
        self.timezone.setToolTip(self.tr("The time zone of the RT API user (RT reads search dates in it)"))
        self.timezone_label = QLabel(self.tr("RT time zone:"), self)

        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setObjectName("testConnection")
        self.test_button.clicked.connect(self.start_test)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("outcome")
        make_plain(self.outcome)  # server messages
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.outcome.setMinimumHeight(60)
        self.outcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.url)
        self.user_label = QLabel(self.tr("User:"), self)
        form.addRow(self.user_label, self.user)
        form.addRow(self.tr("Token:"), token_row)
        form.addRow(self.tr("CA bundle:"), ca_row)
        form.addRow(self.timezone_label, self.timezone)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)
        layout.addLayout(test_row)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        for edit in (self.url, self.user, self.token, self.ca_bundle):
            edit.textChanged.connect(self._on_edited)
        self.timezone.currentTextChanged.connect(self._on_edited)

    def kind(self) -> str:
        wizard = self.wizard()
        return wizard.kind() if isinstance(wizard, ConnectionWizard) else ""

    def initializePage(self) -> None:
        rt = self.kind() == "rt"
        if rt:
            self.setTitle(self.tr("Connect to Request Tracker"))
            self.setSubTitle(self.tr("An auth token of your RT user (Preferences > Auth Tokens)."))
            self.url.setPlaceholderText("https://rt.example.com")
            self.user.setPlaceholderText(self.tr("your RT user name"))
            self.user_label.setText(self.tr("RT user:"))
        else:
            self.setTitle(self.tr("Connect to Zendesk"))
            self.setSubTitle(self.tr("Your agent email and an API token (Admin Center > APIs)."))
            self.url.setPlaceholderText("https://yourcompany.zendesk.com")
            self.user.setPlaceholderText("you@vendor.example")
            self.user_label.setText(self.tr("Email:"))
        self.timezone.setVisible(rt)
        self.timezone_label.setVisible(rt)
        self._on_edited()

    def access(self) -> SourceAccess:
        return SourceAccess(
            self.kind(),
            self.url.text().strip(),
            self.user.text().strip(),
            self.token.text(),
            self.ca_bundle.text().strip(),
        )

    def _values(self) -> tuple[str, ...]:
        return (self.kind(), self.url.text(), self.user.text(), self.token.text(), self.ca_bundle.text(),
                self.timezone.currentText())  # fmt: skip

    def isComplete(self) -> bool:
        return self.result is not None and self._tested == self._values() and self._task is None

    @Slot()
    def start_test(self) -> None:
        if self._task is not None:
            return
        access = self.access()
        zone = self.timezone.currentText().strip() or "UTC"
        self.result = None
        self._tested = self._values()

        def work(_report: Report, token: CancelToken) -> ProbeResult:
            identity = probe(access, cancel=token)
            result = ProbeResult(identity)
            try:
                result.accounts = list_source_accounts(access, identity, rt_timezone=zone, cancel=token)
            except AdvisorError as error:
                result.accounts_error = describe_error(error)
            return result

        self._task = BackgroundTask(work, network_pool(), self)
        self._task.succeeded.connect(self._on_tested)
        self._task.failed.connect(self._on_test_failed)
        self._task.finished.connect(self._on_test_finished)
        self.test_button.setEnabled(False)
        self.outcome.setText(self.tr("Testing the connection…"))
        self._task.start()
        self.completeChanged.emit()

    def cancel_test(self) -> None:
        if self._task is not None:
            self._task.cancel()

    @Slot(object)
    def _on_tested(self, result: object) -> None:
        assert isinstance(result, ProbeResult)
        self.result = result
        identity = result.identity
        who = identity.user_name + (f" ({identity.display_name})" if identity.display_name else "")
        if identity.server_version:
            text = self.tr("Connected to Request Tracker {version} at {url} as {who}.").format(
                version=identity.server_version, url=identity.url, who=who
            )
        else:
            text = self.tr("Connected to Zendesk at {url} as {who}, role {role}.").format(
                url=identity.url, who=who, role=identity.role or "?"
            )
        if result.accounts_error:
            text += "\n" + self.tr("But the accounts could not be listed: {reason}").format(
                reason=result.accounts_error
            )
        self.outcome.setText("✔ " + text)

    @Slot(object)
    def _on_test_failed(self, error: object) -> None:
        self.result = None
        headings = {
            "bad_url": self.tr("The address cannot be used"),
            "connect": self.tr("The server cannot be reached"),
            "tls": self.tr("The server's certificate is not trusted"),
            "timeout": self.tr("The server did not answer in time"),
            "unauthorized": self.tr("The token was refused (401)"),
            "forbidden": self.tr("The user may not read this (403)"),
            "not_found": self.tr("Nothing found at this address (404)"),
        }
        heading = headings.get(failure_kind(error) if isinstance(error, BaseException) else "")
        # A known kind has the wizard's own heading above the server's detail; any other is worded by type.
        self.outcome.setText("✘ " + (describe_error(error) if heading is None else heading + "\n" + str(error)))

    @Slot()
    def _on_test_finished(self) -> None:
        if self._task is not None:
            self._task.deleteLater()
        self._task = None
        self.test_button.setEnabled(True)
        self.completeChanged.emit()

    @Slot()
    def _on_edited(self) -> None:
        if self._tested is not None and self._tested != self._values() and self._task is None:
            self.outcome.setText(self.tr("Test the connection again after a change."))
        self.completeChanged.emit()

    @Slot(bool)
    def _on_show_token(self, shown: bool) -> None:
        self.token.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.show_token.setText(self.tr("Hide") if shown else self.tr("Show"))

    @Slot()
    def _on_browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("CA bundle"), str(Path.home()), self.tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if path:
            self.ca_bundle.setText(path)


class AccountsPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Which accounts are yours?"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Connect"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        make_plain(self.note)
        self.list = QListWidget(self)
        self.list.setObjectName("accounts")
        self.list.itemChanged.connect(self._on_item_changed)
        select_all = QPushButton(self.tr("Select all"), self)
        select_all.clicked.connect(self.select_all)
        select_none = QPushButton(self.tr("Select none"), self)
        select_none.clicked.connect(self.select_none)
        buttons = QHBoxLayout()
        buttons.addWidget(select_all)
        buttons.addWidget(select_none)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ConnectionWizard)
        result = wizard.connection_page.result
        self.list.clear()
        if result is None:
            return
        if result.accounts_error:
            self.note.setText(
                self.tr("The accounts could not be listed: {reason}").format(reason=result.accounts_error)
            )
        else:
            mine = sum(1 for a in result.accounts if a.preselected)
            self.setSubTitle(
                self.tr("Selected: the accounts that name you as their advisor ({mine} of {count}).").format(
                    count=len(result.accounts), mine=mine
                )
            )
            self.note.setText(
                self.tr(
                    "Only the selected accounts and their cases are synced. Accounts that name you later are "
                    "added by the next sync; accounts reassigned to someone else leave, keeping your notes, "
                    "service days and updates."
                )
            )
        for account in result.accounts:
            text = account.name
            if account.named_advisor:
                text += "  —  " + self.tr("advisor: {name}").format(name=account.named_advisor)
            if account.problem:
                text += "\n    " + self.tr("Set aside until its data is fixed: {reason}").format(reason=account.problem)
            item = QListWidgetItem(text, self.list)
            if account.problem:
                item.setIcon(icon("warning"))
                item.setToolTip(account.problem)
            item.setData(Qt.ItemDataRole.UserRole, account.remote_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if account.preselected else Qt.CheckState.Unchecked)

    def selection(self, chosen: list[str]) -> AccountSelection:
        """The rule to keep: the accounts naming you, plus those you ticked, minus those you unticked."""
        wizard = self.wizard()
        assert isinstance(wizard, ConnectionWizard)
        result = wizard.connection_page.result
        assert result is not None
        mine = {a.remote_id for a in result.accounts if a.preselected}
        ticked = set(chosen)
        return AccountSelection(
            advisors=advisor_names(result.identity), added=sorted(ticked - mine), removed=sorted(mine - ticked)
        )

    def chosen(self) -> list[str]:
        return [
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
            if self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def isComplete(self) -> bool:
        return bool(self.chosen())

    @Slot()
    def select_all(self) -> None:
        self._set_all(Qt.CheckState.Checked)

    @Slot()
    def select_none(self) -> None:
        self._set_all(Qt.CheckState.Unchecked)

    def _set_all(self, state: Qt.CheckState) -> None:
        for row in range(self.list.count()):
            self.list.item(row).setCheckState(state)

    @Slot(QListWidgetItem)
    def _on_item_changed(self, _item: QListWidgetItem) -> None:
        self.completeChanged.emit()

    def validatePage(self) -> bool:
        wizard = self.wizard()
        assert isinstance(wizard, ConnectionWizard)
        return wizard.commit_connection(self.chosen())


class SyncPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First sync"))
        self.setSubTitle(self.tr("Copying your accounts and cases to this computer."))
        self.report: SyncReport | None = None
        self.error = ""
        self.runner = SyncRunner(self)
        self.runner.progressed.connect(self._on_progress)
        self.runner.waiting.connect(self._on_waiting)
        self.runner.synced.connect(self._on_synced)
        self.runner.failed.connect(self._on_failed)
        self.runner.finished.connect(self._on_finished)
        self.status = QLabel(self)
        self.status.setObjectName("syncStatus")
        make_plain(self.status)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel sync"), self)
        self.cancel_button.setObjectName("cancelSync")
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addStretch(1)

    @property
    def running(self) -> bool:
        return self.runner.running

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ConnectionWizard)
        desk = wizard.desk
        self.status.setText(self.tr("Starting…"))
        self.runner.start(workspace_sync(desk))

    def isComplete(self) -> bool:
        return not self.runner.running

    @Slot()
    def cancel(self) -> None:
        if self.runner.cancel():
            self.status.setText(self.tr("Stopping after the current page…"))

    @Slot(str, int)
    def _on_progress(self, stream: str, count: int) -> None:
        self.status.setText(progress_text(stream, count))

    @Slot(str)
    def _on_waiting(self, text: str) -> None:
        self.status.setText(text)

    @Slot(object)
    def _on_synced(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self.report = report
        written = {name: stream.written for name, stream in report.streams.items()}
        self.status.setText(
            self.tr("Done. Accounts: {accounts}, cases: {cases}, contacts: {contacts}. Click Finish to start.").format(
                accounts=written.get("accounts", 0), cases=written.get("cases", 0), contacts=written.get("contacts", 0)
            )
        )

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.error = describe_error(error)
        if isinstance(error, SyncCancelled):
            text = self.tr("Sync stopped. What was copied is kept; the next sync continues from there.")
        else:
            text = self.tr("The sync stopped: {reason}\nThe connection is saved; the window will try again.").format(
                reason=self.error
            )
        self.status.setText(text)

    @Slot()
    def _on_finished(self) -> None:
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.cancel_button.setEnabled(False)
        self.completeChanged.emit()


# The wizard ----------------------------------------------------------------------------------


class ConnectionWizard(QWizard):
    """Connect the workspace (first run, Settings, Switch source)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None, *, start_over: bool = False) -> None:
        super().__init__(parent)
        self.desk = desk
        self.start_over = start_over
        self.connected = False
        self.setWindowTitle(self.tr("Switch source") if start_over else self.tr("Connect Advisor Desk"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        # After Connect, the last page's own "Cancel sync" stops the sync; the wizard only finishes.
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.source_page = SourcePage(self)
        self.connection_page = ConnectionPage(self)
        self.accounts_page = AccountsPage(self)
        self.sync_page = SyncPage(self)
        self.setPage(SOURCE_PAGE, self.source_page)
        self.setPage(CONNECTION_PAGE, self.connection_page)
        self.setPage(ACCOUNTS_PAGE, self.accounts_page)
        self.setPage(SYNC_PAGE, self.sync_page)
        self.setStartId(SOURCE_PAGE)
        self.resize(640, 480)
        settings = desk.settings
        if not start_over and settings.source_kind in ("rt", "zendesk"):
            self.source_page.choose(settings.source_kind)
            self.connection_page.url.setText(settings.source_url)
            self.connection_page.user.setText(settings.source_user)
            self.connection_page.ca_bundle.setText(settings.ca_bundle)
            self.connection_page.timezone.setCurrentText(settings.rt_timezone)
        if start_over or settings.source_kind not in (None, "demo"):
            self.source_page.buttons["demo"].setEnabled(False)
            self.source_page.buttons["demo"].setToolTip(self.tr("The demo needs a workspace of its own"))

    def kind(self) -> str:
        return self.source_page.kind()

    # Committing ------------------------------------------------------------------------------

    def commit_demo(self) -> bool:
        try:
            connect_demo(self.desk)
        except AdvisorError as error:
            QMessageBox.warning(self, self.windowTitle(), describe_error(error))
            return False
        self.connected = True
        return True

    def commit_connection(self, chosen: list[str]) -> bool:
        page = self.connection_page
        result = page.result
        if result is None:
            return False
        kind = self.kind()
        request = ConnectionRequest(
            kind,
            result.identity.url,
            page.user.text().strip(),
            page.token.text().strip(),
            ca_bundle=page.ca_bundle.text().strip(),
            rt_timezone=page.timezone.currentText().strip() or "UTC",
            account_selection=self.accounts_page.selection(chosen),
        )
        credentials = app_credentials()
        try:
            connect(self.desk, request, credentials, start_over=self.start_over)
        except (KeyringUnavailableError, KeyringLockedError, CredentialError) as error:
            if not self.ask_session_only(error):
                return False
            try:
                connect(self.desk, request, credentials, session_only=True, start_over=self.start_over)
            except AdvisorError as again:
                QMessageBox.warning(self, self.windowTitle(), describe_error(again))
                return False
        except (AdvisorError, OSError) as error:
            QMessageBox.warning(self, self.windowTitle(), describe_error(error))
            return False
        self.connected = True
        return True

    def ask_session_only(self, error: CredentialError) -> bool:
        """Say why the keyring refused the token; True when the user holds it for this session only."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("The token cannot be saved"))
        if isinstance(error, KeyringLockedError):
            box.setText(self.tr("Your keyring is locked, so the token cannot be saved in it."))
        elif isinstance(error, KeyringUnavailableError):
            box.setText(self.tr("This computer has no keyring Advisor Desk can use, so the token cannot be saved."))
        else:
            box.setText(self.tr("The keyring refused the token."))
        box.setInformativeText(
            self.tr(
                "You can use the token for this session only: it stays in memory until you quit and is never "
                "written to disk; you will be asked for it again next time.\n\nDetails: {reason}"
            ).format(reason=str(error))
        )
        session = box.addButton(self.tr("Use for this session only"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is session

    # Closing ---------------------------------------------------------------------------------

    def reject(self) -> None:
        self.connection_page.cancel_test()
        if self.sync_page.running:
            self.sync_page.cancel()
        super().reject()

    def done(self, result: int) -> None:
        # Leave no background work behind pointing at a closed wizard.
        self.connection_page.cancel_test()
        self.sync_page.cancel()
        super().done(result)


def run_connection_wizard(desk: Desk, parent: QWidget | None = None, *, start_over: bool = False) -> bool:
    """Open the wizard modally; True when the workspace got connected."""
    wizard = ConnectionWizard(desk, parent, start_over=start_over)
    wizard.exec()
    connected = wizard.connected
    if not wizard.sync_page.running:
        wizard.deleteLater()
    return connected
