"""The composer edits, autosaves, survives a new window and marks as sent; batch and notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMessageBox

from advisor_app.domain import WeeklyUpdateState
from advisor_app.drafts.notes import notes_of
from advisor_app.drafts.saved import load_draft, mark_sent, save_draft
from advisor_app.drafts.service import current_week, find_account
from advisor_app.gui.drafts.batch_dialog import BatchDraftDialog
from advisor_app.gui.drafts.composer import DraftComposer
from advisor_app.gui.drafts.notes_tab import NotesTab
from advisor_app.store import schema
from advisor_app.workspace.desk import Desk
from tests.gui.cells import cell


def open_composer(qtbot: QtBot, desk: Desk, account: int, week: str) -> DraftComposer:
    composer = DraftComposer(desk, account, week)
    qtbot.addWidget(composer)
    composer.show()
    qtbot.waitUntil(lambda: composer.task is None and composer.editor.toPlainText() != "", timeout=20000)
    return composer


def type_at_end(qtbot: QtBot, composer: DraftComposer, text: str) -> None:
    composer.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(composer.editor, text)


@pytest.fixture
def lumen(demo_desk: Desk) -> tuple[int, str]:
    account = find_account(demo_desk.engine, "Lumen Retail")
    return account, current_week(demo_desk.engine, account, demo_desk.clock())


def test_edit_autosave_new_window_and_mark_sent(qtbot: QtBot, demo_desk: Desk, lumen: tuple[int, str]) -> None:
    account, week = lumen
    first = open_composer(qtbot, demo_desk, account, week)
    assert first.editor.toPlainText().startswith("# Weekly update: Lumen Retail LLC")
    assert "<h1>" in first.preview.toHtml() or "Weekly update" in first.preview.toPlainText()
    stored = load_draft(demo_desk.engine, account, week)
    assert stored is not None and stored.state is WeeklyUpdateState.DRAFTED and not stored.edited

    type_at_end(qtbot, first, "Typed by hand.")
    # Saved while typing, without closing the window (a crash after this loses nothing).
    qtbot.waitUntil(
        lambda: "Typed by hand." in (load_draft(demo_desk.engine, account, week) or stored).body, timeout=5000
    )
    qtbot.waitUntil(lambda: "Typed by hand." in first.preview.toPlainText(), timeout=5000)

    second = DraftComposer(demo_desk, account, week)
    qtbot.addWidget(second)
    second.show()
    assert second.task is None, "a saved draft is shown as saved, not composed again"
    assert second.editor.toPlainText().endswith("\nTyped by hand.")
    assert second.edited
    first.close()

    qtbot.mouseClick(second.sent_button, Qt.MouseButton.LeftButton)
    sent = load_draft(demo_desk.engine, account, week)
    assert sent is not None and sent.state is WeeklyUpdateState.SENT
    assert sent.sent_at == demo_desk.clock()
    assert sent.body.endswith("\nTyped by hand.")
    assert second.editor.isReadOnly() and not second.sent_button.isEnabled()
    assert second.state_label.text().startswith("Sent ")


def test_regenerate_asks_before_replacing_edits(
    qtbot: QtBot, demo_desk: Desk, lumen: tuple[int, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    account, week = lumen
    composer = open_composer(qtbot, demo_desk, account, week)
    type_at_end(qtbot, composer, "Mine.")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    composer.regenerate()
    assert composer.task is None and composer.editor.toPlainText().endswith("\nMine.")
    composer.regenerate()
    qtbot.waitUntil(lambda: composer.task is None, timeout=20000)
    assert "Mine." not in composer.editor.toPlainText()
    assert not composer.edited
    # Highlights go straight into an unedited draft.
    composer.highlights.setPlainText("Go-live on Monday")
    qtbot.waitUntil(lambda: "Go-live on Monday" in composer.editor.toPlainText(), timeout=20000)


def test_a_template_error_is_shown_with_its_line(qtbot: QtBot, demo_desk: Desk, lumen: tuple[int, str]) -> None:
    account, week = lumen
    folder = demo_desk.workspace.templates_dir
    folder.mkdir()
    (folder / "broken.en.md.j2").write_text("# {{ account.name }}\n{{ account.__class__ }}\n", encoding="utf-8")
    composer = open_composer(qtbot, demo_desk, account, week)
    before = composer.editor.toPlainText()
    composer.template_box.setCurrentIndex(composer.template_box.findData("broken"))
    composer.regenerate_now()
    qtbot.waitUntil(lambda: composer.task is None, timeout=20000)
    assert composer.error_label.isVisible()
    assert "broken.en.md.j2, line 2" in composer.error_label.text()
    assert composer.editor.toPlainText() == before


def test_exports_clipboard_and_diff(qtbot: QtBot, demo_desk: Desk, lumen: tuple[int, str], tmp_path: Path) -> None:
    account, week = lumen
    with demo_desk.engine.begin() as connection:  # the demo's own sent updates are newer than ours
        connection.execute(schema.weekly_updates.delete().where(schema.weekly_updates.c.account_id == account))
    save_draft(
        demo_desk.engine,
        account,
        "2026-W01",
        body="# Old\nLast time\n",
        highlights="",
        template="weekly-update",
        language="en",
        now=demo_desk.clock(),
    )
    mark_sent(demo_desk.engine, account, "2026-W01", demo_desk.clock())
    composer = open_composer(qtbot, demo_desk, account, week)
    for fmt in ("md", "html", "txt", "eml", "pdf"):
        assert composer.export_to(fmt, tmp_path / f"update.{fmt}")
    assert (tmp_path / "update.pdf").read_bytes().startswith(b"%PDF-")
    assert b"X-Unsent: 1" in (tmp_path / "update.eml").read_bytes()
    composer.copy_to_clipboard()
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and "<h1>Weekly update: Lumen Retail LLC" in data.html()
    assert data.text().startswith("Weekly update: Lumen Retail LLC")
    composer.show_diff()
    text = composer.diff_dialog.browser.toPlainText()
    assert "--- 2026-W01" in text and "-Last time" in text and "+# Weekly update: Lumen Retail LLC" in text
    composer.diff_dialog.close()


def test_draft_all_due_lists_the_accounts(qtbot: QtBot, demo_desk: Desk) -> None:
    dialog = BatchDraftDialog(demo_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.items != [], timeout=60000)
    assert dialog.table.rowCount() == len(dialog.items) > 0
    assert all(item.created for item in dialog.items)
    assert cell(dialog.table, 0, 0).text() == dialog.items[0].account_name
    dialog.open_item(cell(dialog.table, 0, 0))
    composer = dialog.composers[0]
    assert composer.task is None and composer.editor.toPlainText() == dialog.items[0].draft.body
    composer.close()


def test_notes_tab(qtbot: QtBot, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    account = find_account(demo_desk.engine, "Lumen Retail")
    tab = NotesTab(demo_desk)
    qtbot.addWidget(tab)
    tab.set_account(account)
    assert tab.list.count() == 0
    tab.save()
    assert "a note needs some text" in tab.error_label.text()
    qtbot.keyClicks(tab.editor, "Renewal call on Thursday")
    tab.flag_box.setChecked(True)
    tab.save()
    [note] = notes_of(demo_desk.engine, account)
    assert note.body == "Renewal call on Thursday" and note.flagged_for_update
    assert tab.list.count() == 1 and tab.list.item(0).text().startswith("\u2691")
    tab.flag_box.setChecked(False)
    assert not notes_of(demo_desk.engine, account)[0].flagged_for_update
    tab.editor.setPlainText("Renewal call moved to Friday")
    tab.save()
    assert notes_of(demo_desk.engine, account)[0].body == "Renewal call moved to Friday"
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    tab.delete()
    assert notes_of(demo_desk.engine, account) == [] and tab.list.count() == 0
