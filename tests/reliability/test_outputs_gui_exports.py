"""The window's export dialogs write through the same writer: the workspace's files are refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QMessageBox

from advisor_app.drafts.service import current_week, find_account
from advisor_app.gui.drafts.composer import DraftComposer
from advisor_app.workspace.desk import Desk


def test_the_composer_refuses_to_export_over_the_database(
    qtbot: QtBot, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: warnings.append(text))
    account = find_account(demo_desk.engine, "Lumen Retail")
    composer = DraftComposer(demo_desk, account, current_week(demo_desk.engine, account, demo_desk.clock()))
    qtbot.addWidget(composer)
    composer.show()
    qtbot.waitUntil(lambda: composer.task is None and composer.editor.toPlainText() != "", timeout=20000)
    database = demo_desk.workspace.database
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    for fmt in ("md", "pdf", "eml"):
        assert not composer.export_to(fmt, database)
    assert len(warnings) == 3 and all("one of the workspace's own files" in text for text in warnings)
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert not list(Path(database.parent).glob(".advisor.db.*.part"))
