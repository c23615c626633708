"""Walking the connection wizard: demo, Zendesk (a refused token, then the right one), cancel,
a keyring that cannot store the token, Settings (sign out, switch source), and no token leaks."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from advisor_app.gui import connection_wizard as cw
from advisor_app.gui.connection_wizard import (
    ACCOUNTS_PAGE,
    CONNECTION_PAGE,
    SYNC_PAGE,
    ConnectionWizard,
)
from advisor_app.gui.credentials import app_credentials, use_credentials
from advisor_app.gui.settings_dialog import SettingsDialog
from advisor_app.secrets import SERVICE, Credentials, entry_name
from advisor_app.store import schema
from advisor_app.workspace.desk import Desk, open_desk
from tests.conftest import MovableClock
from tests.unit.sync.fault_server import Fault, LoopbackServer
from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running
from tests.unit.test_secrets import SmallKeyring


@pytest.fixture
def backend() -> Iterator[SmallKeyring]:
    previous = keyring.get_keyring()
    small = SmallKeyring()
    keyring.set_keyring(small)
    use_credentials(Credentials(small, environ={}))
    yield small
    use_credentials(None)
    keyring.set_keyring(previous)


@pytest.fixture
def fresh_desk(tmp_path: Path, clock: MovableClock) -> Iterator[Desk]:
    desk = open_desk(tmp_path / "ws", clock=clock)
    yield desk
    desk.close()


@pytest.fixture
def zendesk() -> Iterator[tuple[FakeZendesk, LoopbackServer]]:
    fake = FakeZendesk()
    ids = populate(fake)
    fake.orgs[ids["acme"]]["organization_fields"]["named_advisor"] = EMAIL
    with running(fake) as server:
        yield fake, server


def make_wizard(qtbot: QtBot, desk: Desk, *, start_over: bool = False) -> ConnectionWizard:
    wizard = ConnectionWizard(desk, start_over=start_over)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def fill_zendesk(qtbot: QtBot, wizard: ConnectionWizard, url: str, token: str) -> None:
    if wizard.currentId() != CONNECTION_PAGE:
        wizard.source_page.choose("zendesk")
        wizard.next()
    assert wizard.currentId() == CONNECTION_PAGE
    page = wizard.connection_page
    page.url.setText(url)
    page.user.setText(EMAIL)
    page.token.setText(token)


def run_test(qtbot: QtBot, wizard: ConnectionWizard) -> str:
    page = wizard.connection_page
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=20_000)
    return page.outcome.text()


def settings_text(desk: Desk) -> str | None:
    path = desk.workspace.settings_file
    return path.read_text() if path.exists() else None


def test_the_demo_path_fills_the_workspace(qtbot: QtBot, fresh_desk: Desk, backend: SmallKeyring) -> None:
    wizard = make_wizard(qtbot, fresh_desk)
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled(), "a source must be chosen first"
    wizard.source_page.choose("demo")
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Start demo"
    wizard.next()
    assert wizard.currentId() == SYNC_PAGE
    qtbot.waitUntil(lambda: not wizard.sync_page.running, timeout=60_000)
    assert "Accounts: 25," in wizard.sync_page.status.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert json.loads(settings_text(fresh_desk) or "{}")["source_kind"] == "demo"
    with fresh_desk.engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(schema.service_day_entries)).scalar_one() > 0
    assert backend.entries == {}


def test_zendesk_a_refused_token_then_the_right_one(
    qtbot: QtBot, fresh_desk: Desk, backend: SmallKeyring, zendesk: tuple[FakeZendesk, LoopbackServer]
) -> None:
    fake, server = zendesk
    fake.add_org("Broken Ltd", support_tier="diamond", named_advisor=EMAIL)
    wizard = make_wizard(qtbot, fresh_desk)
    fill_zendesk(qtbot, wizard, server.url, "not-the-token")
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled(), "no next step before a successful test"
    outcome = run_test(qtbot, wizard)
    assert "The token was refused (401)" in outcome
    assert not next_button.isEnabled()
    assert not wizard.connection_page.show_token.isChecked()
    qtbot.mouseClick(wizard.connection_page.show_token, Qt.MouseButton.LeftButton)
    assert wizard.connection_page.token.echoMode() == wizard.connection_page.token.EchoMode.Normal
    wizard.connection_page.token.setText(TOKEN)
    outcome = run_test(qtbot, wizard)
    assert f"Connected to Zendesk at {server.url} as {EMAIL} (Ada Advisor), role agent." in outcome
    assert next_button.isEnabled()
    wizard.connection_page.token.setText(TOKEN + "x")
    assert not next_button.isEnabled(), "a change asks for a new test"
    wizard.connection_page.token.setText(TOKEN)
    run_test(qtbot, wizard)
    wizard.next()
    assert wizard.currentId() == ACCOUNTS_PAGE
    page = wizard.accounts_page
    items = {page.list.item(r).text().split("  —  ")[0]: page.list.item(r) for r in range(page.list.count())}
    assert sorted(items) == ["Acme Corp", "Broken Ltd", "Globex GmbH", "Initech"]
    assert items["Acme Corp"].checkState() == Qt.CheckState.Checked
    # An account naming the advisor with bad data is listed, chosen, and says why it is set aside.
    assert items["Broken Ltd"].checkState() == Qt.CheckState.Checked
    assert "Set aside until its data is fixed: organization field support_tier: 'diamond'" in items["Broken Ltd"].text()
    assert items["Initech"].checkState() == Qt.CheckState.Unchecked
    items["Globex GmbH"].setCheckState(Qt.CheckState.Checked)
    assert settings_text(fresh_desk) is None and backend.entries == {}, "nothing written before Connect"
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Connect"
    wizard.next()
    assert wizard.currentId() == SYNC_PAGE
    qtbot.waitUntil(lambda: not wizard.sync_page.running, timeout=60_000)
    assert "Accounts: 2," in wizard.sync_page.status.text(), wizard.sync_page.status.text()
    saved = json.loads(settings_text(fresh_desk) or "{}")
    assert saved["source_kind"] == "zendesk" and saved["source_url"] == server.url
    assert saved["account_selection"] == {
        "advisors": [EMAIL, "Ada Advisor"], "tag": "", "removed": [], "all_accounts": False,
        "added": [items["Globex GmbH"].data(Qt.ItemDataRole.UserRole)],
    }  # fmt: skip
    assert backend.entries == {(SERVICE, entry_name(EMAIL, server.url)): TOKEN}


@pytest.mark.parametrize("stop_at", [CONNECTION_PAGE, ACCOUNTS_PAGE])
def test_cancel_leaves_nothing_configured(
    qtbot: QtBot, fresh_desk: Desk, backend: SmallKeyring, zendesk: tuple[FakeZendesk, LoopbackServer], stop_at: int
) -> None:
    _fake, server = zendesk
    before = settings_text(fresh_desk)
    wizard = make_wizard(qtbot, fresh_desk)
    fill_zendesk(qtbot, wizard, server.url, TOKEN)
    run_test(qtbot, wizard)
    if stop_at == ACCOUNTS_PAGE:
        wizard.next()
    assert wizard.currentId() == stop_at
    wizard.reject()
    assert settings_text(fresh_desk) == before
    assert backend.entries == {}
    assert not wizard.connected
    assert fresh_desk.settings.source_kind is None


def test_without_a_keyring_the_token_can_be_held_for_this_session(
    qtbot: QtBot, fresh_desk: Desk, zendesk: tuple[FakeZendesk, LoopbackServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake, server = zendesk
    credentials = Credentials(FailKeyring(), environ={})
    use_credentials(credentials)
    asked: list[str] = []
    answers = iter([False, True])

    def ask(_self: ConnectionWizard, error: Exception) -> bool:
        asked.append(str(error))
        return next(answers)

    monkeypatch.setattr(ConnectionWizard, "ask_session_only", ask)
    try:
        wizard = make_wizard(qtbot, fresh_desk)
        fill_zendesk(qtbot, wizard, server.url, TOKEN)
        run_test(qtbot, wizard)
        wizard.next()
        wizard.next()  # Connect: the keyring refuses; the user declines the session-only token
        assert wizard.currentId() == ACCOUNTS_PAGE
        assert settings_text(fresh_desk) is None
        assert "no keyring is available" in asked[0]
        wizard.next()  # again, and this time the token is held for the session
        assert wizard.currentId() == SYNC_PAGE
        qtbot.waitUntil(lambda: not wizard.sync_page.running, timeout=60_000)
        assert "Accounts: 1," in wizard.sync_page.status.text(), "Acme only, as pre-selected"
        assert credentials.held_for_session(EMAIL, server.url)
        assert json.loads(settings_text(fresh_desk) or "{}")["source_kind"] == "zendesk"
        dialog = SettingsDialog(fresh_desk)
        qtbot.addWidget(dialog)
        assert dialog.token.text() == "held for this session only"
    finally:
        use_credentials(None)


def test_the_keyring_message_says_what_happened_and_offers_the_session(qtbot: QtBot, fresh_desk: Desk) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from advisor_app.secrets import KeyringLockedError

    wizard = make_wizard(qtbot, fresh_desk)
    seen: list[tuple[str, str, list[str]]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        next(b for b in box.buttons() if b.text() == "Use for this session only").click()

    from PySide6.QtCore import QTimer

    QTimer.singleShot(100, answer)
    assert wizard.ask_session_only(KeyringLockedError("the keyring is locked; unlock it to store the token"))
    text, details, buttons = seen[0]
    assert "locked" in text
    assert "never written to disk" in details and "unlock it to store" in details
    assert "Use for this session only" in buttons


def test_leak_check_the_token_is_nowhere_on_disk(
    qtbot: QtBot,
    fresh_desk: Desk,
    backend: SmallKeyring,
    zendesk: tuple[FakeZendesk, LoopbackServer],
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from advisor_app.workspace.source_sync import sync_workspace

    _fake, server = zendesk
    caplog.set_level(logging.DEBUG)
    wizard = make_wizard(qtbot, fresh_desk)
    fill_zendesk(qtbot, wizard, server.url, TOKEN)
    run_test(qtbot, wizard)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: not wizard.sync_page.running, timeout=60_000)
    wizard.accept()
    # An error while syncing: the server fails, and its error text is logged and stored.
    server.inject(Fault("status", path="/search/export", status=500, times=20))
    server.inject(Fault("status", path="/organizations", status=401, times=20))
    import threading

    with pytest.raises(Exception) as caught:
        sync_workspace(fresh_desk, cancel=threading.Event(), credentials=app_credentials())
    from advisor_app.gui.main_window import MainWindow

    window = MainWindow(fresh_desk)
    qtbot.addWidget(window)
    window.close()  # writes the window's QSettings
    texts = [str(caught.value), repr(caught.value), caplog.text]
    roots = [fresh_desk.workspace.root]
    files = [p for root in roots for p in root.rglob("*") if p.is_file()]
    assert any(p.name == "window.ini" for p in files), "the window's QSettings file is searched too"
    assert any(p.parent.name == "logs" for p in files)
    texts += [p.read_bytes().decode("latin-1") for p in files]
    import base64

    encoded = base64.b64encode(f"{EMAIL}/token:{TOKEN}".encode()).decode()
    for text in texts:
        assert TOKEN not in text
        assert encoded not in text
    assert backend.entries[(SERVICE, entry_name(EMAIL, server.url))] == TOKEN


def test_settings_sign_out_and_switch_source(
    qtbot: QtBot,
    demo_desk: Desk,
    backend: SmallKeyring,
    zendesk: tuple[FakeZendesk, LoopbackServer],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake, server = zendesk
    days_before = _service_days(demo_desk)
    dialog = SettingsDialog(demo_desk)
    qtbot.addWidget(dialog)
    assert dialog.source.text() == "Demo data"
    assert not dialog.sign_out_button.isEnabled()
    plans: list[str] = []
    monkeypatch.setattr(SettingsDialog, "confirm_switch", lambda self, plan: plans.append(self.describe_switch(plan)))
    dialog.switch_source()  # declined (confirm returns None): nothing happens
    assert "from the demo: accounts 25, cases 2000" in plans[0] and "service-day entries" in plans[0]
    assert json.loads(settings_text(demo_desk) or "{}")["source_kind"] == "demo"

    def walk(self: SettingsDialog) -> bool:  # what the user does in the wizard
        wizard = make_wizard(qtbot, demo_desk, start_over=True)
        assert not wizard.source_page.buttons["demo"].isEnabled()
        fill_zendesk(qtbot, wizard, server.url, TOKEN)
        run_test(qtbot, wizard)
        wizard.next()
        wizard.next()
        qtbot.waitUntil(lambda: not wizard.sync_page.running, timeout=60_000)
        return wizard.connected

    monkeypatch.setattr(SettingsDialog, "confirm_switch", lambda self, plan: True)
    monkeypatch.setattr(cw, "run_connection_wizard", lambda desk, parent, start_over=False: walk(dialog))
    monkeypatch.setattr("advisor_app.gui.settings_dialog.run_connection_wizard",
                        lambda desk, parent, start_over=False: walk(dialog))  # fmt: skip
    with qtbot.waitSignal(dialog.connection_changed):
        dialog.switch_source()
    assert dialog.source.text() == "Zendesk"
    assert dialog.token.text() == "in the keyring"
    assert _service_days(demo_desk) == days_before, "local-owned data kept"
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.connection_changed):
        dialog.sign_out()
    assert backend.entries == {}
    assert dialog.token.text() == "missing: sign in again with Change connection"


def _service_days(desk: Desk) -> int:
    with desk.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(schema.service_day_entries)).scalar_one()


def connect_zendesk_and_fault(qtbot: QtBot, desk: Desk, server: LoopbackServer, fault: Fault) -> ConnectionWizard:
    """Walk to Connect; `fault` is served from then on, so the first sync meets it."""
    wizard = make_wizard(qtbot, desk)
    fill_zendesk(qtbot, wizard, server.url, TOKEN)
    run_test(qtbot, wizard)
    wizard.next()
    assert wizard.currentId() == ACCOUNTS_PAGE
    server.inject(fault)
    wizard.next()
    assert wizard.currentId() == SYNC_PAGE
    return wizard


def test_the_first_sync_tells_a_wait_and_stops_on_cancel(
    qtbot: QtBot, fresh_desk: Desk, backend: SmallKeyring, zendesk: tuple[FakeZendesk, LoopbackServer]
) -> None:
    _fake, server = zendesk
    fault = Fault("status", status=503, retry_after="25", times=100)
    wizard = connect_zendesk_and_fault(qtbot, fresh_desk, server, fault)
    page = wizard.sync_page
    assert page.running and not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    qtbot.waitUntil(lambda: "Waiting 25 s before asking the source again" in page.status.text(), timeout=20_000)
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "Stopping after the current page…"
    qtbot.waitUntil(lambda: not page.running, timeout=10_000)  # the cancel ends the 25 s wait
    assert page.status.text() == "Sync stopped. What was copied is kept; the next sync continues from there."
    assert page.report is None and "cancelled" in page.error
    assert not page.cancel_button.isEnabled()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert fault.fired == 1, "no request after the cancel"
    assert fresh_desk.settings.source_kind == "zendesk", "the connection stays"


def test_a_failed_first_sync_is_worded_and_keeps_the_connection(
    qtbot: QtBot, fresh_desk: Desk, backend: SmallKeyring, zendesk: tuple[FakeZendesk, LoopbackServer]
) -> None:
    _fake, server = zendesk
    wizard = connect_zendesk_and_fault(qtbot, fresh_desk, server, Fault("status", status=401, times=100))
    page = wizard.sync_page
    qtbot.waitUntil(lambda: not page.running, timeout=20_000)
    assert page.error.startswith("The server did not accept the token. Sign in again with a valid token.")
    assert page.status.text() == (
        f"The sync stopped: {page.error}\nThe connection is saved; the window will try again."
    )
    assert page.report is None
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert json.loads(settings_text(fresh_desk) or "{}")["source_kind"] == "zendesk"
