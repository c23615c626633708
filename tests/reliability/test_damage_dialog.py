"""The window's side of a damaged workspace: a dialog offering the newest backup; the
backup is restored only when the advisor says so, and the damaged file is moved aside."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from advisor_app.errors import DamagedWorkspaceError
from advisor_app.gui import app as gui_app
from advisor_app.gui.damage_dialog import damage_dialog
from advisor_app.store.backups import backup_database
from advisor_app.workspace.desk import open_desk

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def damaged_root(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "settings.json").write_text('{"demo_scale": "tiny"}')
    open_desk(root, demo=True).close()
    backup_database(root / "advisor.db", root / "backups", "0007", NOW)
    with (root / "advisor.db").open("r+b") as handle:
        handle.truncate(3 * 4096)
    return root


def _error(root: Path) -> DamagedWorkspaceError:
    with pytest.raises(DamagedWorkspaceError) as raised:
        open_desk(root)
    return raised.value


def test_the_dialog_offers_the_newest_backup_and_shows_the_details(qtbot: QtBot, damaged_root: Path) -> None:
    error = _error(damaged_root)
    assert error.backup is not None
    box = damage_dialog(error)
    qtbot.addWidget(box)
    assert "damaged" in box.text()
    assert "newest backup" in box.informativeText()
    assert str(damaged_root / "advisor.db") in box.detailedText()
    restore = [button for button in box.buttons() if button.objectName() == "restore_backup"]
    assert len(restore) == 1 and restore[0].text() == "Restore backup"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Close), "not restored by a stray Enter"


def test_closing_the_dialog_restores_nothing(monkeypatch: pytest.MonkeyPatch, damaged_root: Path) -> None:
    database = damaged_root / "advisor.db"
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    monkeypatch.setattr(gui_app, "ask_to_restore", lambda _error: False)
    assert gui_app._open_or_offer_backup(damaged_root, demo=False) is None
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert not list(damaged_root.glob("advisor.damaged-*.db"))


def test_restore_backup_puts_it_back_and_keeps_the_damaged_file(
    monkeypatch: pytest.MonkeyPatch, damaged_root: Path
) -> None:
    database = damaged_root / "advisor.db"
    damaged = database.read_bytes()
    asked: list[DamagedWorkspaceError] = []

    def agree(error: DamagedWorkspaceError) -> bool:
        asked.append(error)
        return True

    monkeypatch.setattr(gui_app, "ask_to_restore", agree)
    desk = gui_app._open_or_offer_backup(damaged_root, demo=False)
    assert desk is not None and len(asked) == 1
    try:
        from advisor_app.cli.reports import status_report

        assert len(status_report(desk)["accounts"]) == 3
    finally:
        desk.close()
    aside = list(damaged_root.glob("advisor.damaged-*.db"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged


def test_after_a_failed_upgrade_put_the_backup_back_the_dialog_offers_nothing_more(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from advisor_app.errors import UpgradeFailedError

    backup = tmp_path / "advisor-0006-x.db"
    backup.write_bytes(b"")
    error = UpgradeFailedError("upgrading failed", database=tmp_path / "advisor.db", backup=backup, restored=True)
    box = damage_dialog(error)
    qtbot.addWidget(box)
    assert "could not be upgraded" in box.text() and "was put back" in box.informativeText()
    assert [button for button in box.buttons() if button.objectName() == "restore_backup"] == []
