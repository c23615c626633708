"""Places with nothing to show say why and what to do; counted texts use real plurals."""

from __future__ import annotations

import re
from pathlib import Path

from pytestqt.qtbot import QtBot

from advisor_app.drafts.service import find_account
from advisor_app.gui.drafts.notes_tab import NotesTab
from advisor_app.gui.main_window import MainWindow
from advisor_app.workspace.desk import Desk

GUI = Path(__file__).resolve().parents[2] / "advisor_app" / "gui"


def test_the_notes_tab_without_notes_says_how_to_begin(qtbot: QtBot, demo_desk: Desk) -> None:
    tab = NotesTab(demo_desk)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_account(find_account(demo_desk.engine, "Lumen Retail"))
    assert tab.empty_label.isVisible() and not tab.list.isVisible()
    assert tab.empty_label.text().startswith("No notes about this account yet.")
    qtbot.keyClicks(tab.editor, "Renewal call on Thursday")
    tab.save()
    assert tab.list.isVisible() and not tab.empty_label.isVisible()


def test_today_in_a_workspace_not_connected_says_how_to_connect(main_window: MainWindow) -> None:
    main_window.desk.settings.source_kind = None
    main_window.today.refresh()
    assert main_window.today.summary.text().startswith("This workspace is not connected to a ticketing system yet")
    main_window.desk.settings.source_kind = "demo"
    main_window.today.refresh()
    assert "not connected" not in main_window.today.summary.text()


def test_no_visible_text_counts_with_a_parenthesised_plural() -> None:
    """ "3 update(s)" reads badly: a count takes %Ln and its catalog's singular and plural."""
    text_call = re.compile(r"""(?:tr|translate)\((?:"[^"]*",\s*)?"([^"]*\(s\)[^"]*)\"""")
    offenders = [
        f"{path.relative_to(GUI)}: {found}"
        for path in GUI.rglob("*.py")
        if "forms" not in path.parts
        for found in text_call.findall(path.read_text(encoding="utf-8"))
        if "%n" not in found and "%Ln" not in found
    ]
    assert offenders == []
