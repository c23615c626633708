"""Settings says where the connection's token comes from, and never claims a keyring entry that is not there."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from pytestqt.qtbot import QtBot

from advisor_app.gui.credentials import use_credentials
from advisor_app.gui.settings_dialog import SettingsDialog
from advisor_app.secrets import Credentials
from advisor_app.workspace.desk import Desk, open_desk
from advisor_app.workspace.settings import save_settings
from tests.conftest import MovableClock
from tests.unit.test_secrets import SmallKeyring

URL, USER = "https://rt.example.com", "advisor-api"


@pytest.fixture
def rt_desk(tmp_path: Path, clock: MovableClock) -> Iterator[Desk]:
    desk = open_desk(tmp_path / "ws", clock=clock)
    settings = msgspec.structs.replace(desk.settings, source_kind="rt", source_url=URL, source_user=USER)
    save_settings(desk.workspace.settings_file, settings)
    desk.settings = settings
    yield desk
    desk.close()
    use_credentials(None)


def token_state(qtbot: QtBot, desk: Desk, credentials: Credentials) -> str:
    use_credentials(credentials)
    dialog = SettingsDialog(desk)
    qtbot.addWidget(dialog)
    return dialog.token.text()


def test_an_environment_token_is_not_reported_as_in_the_keyring(qtbot: QtBot, rt_desk: Desk) -> None:
    # connect with ADVISOR_APP_TOKEN stores nothing: the keyring is empty.
    empty = SmallKeyring()
    state = token_state(qtbot, rt_desk, Credentials(empty, environ={"ADVISOR_APP_TOKEN": "1-2-secret"}))
    assert state == "from ADVISOR_APP_TOKEN (not stored)"
    assert empty.entries == {}


def test_keyring_and_missing_tokens_are_told_apart(qtbot: QtBot, rt_desk: Desk) -> None:
    stored = Credentials(SmallKeyring(), environ={})
    stored.store(USER, URL, "1-2-secret")
    assert token_state(qtbot, rt_desk, stored) == "in the keyring"
    assert token_state(qtbot, rt_desk, Credentials(SmallKeyring(), environ={})) == (
        "missing: sign in again with Change connection"
    )
