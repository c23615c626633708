"""Case > Open in source: the case's ticket in the browser, from the detail, the lists and Ctrl+K."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence

from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.models.cases import CASE_ID_ROLE
from advisor_app.gui.search import SearchPopup
from advisor_app.gui.shortcuts import shortcut_entries
from tests.gui.cells import most_urgent_case_id


class Browser(QObject):
    """Stands in for the default browser: QDesktopServices hands http(s) URLs to it."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    handler = Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")  # type: ignore[arg-type]  # the stub says bytes; it takes str
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


def _as_rt(window: MainWindow, case_id: int, remote_id: str) -> None:
    """Make the workspace an RT one whose case `case_id` is ticket `remote_id`."""
    with window.desk.engine.begin() as connection:
        connection.execute(
            text("UPDATE cases SET source = 'rt', remote_id = :remote WHERE id = :id"),
            {"remote": remote_id, "id": case_id},
        )
    window.desk.settings.source_kind = "rt"
    window.desk.settings.source_url = "https://rt.example.com/REST/2.0/"
    window.open_in_source.update_enabled()


def test_the_demo_has_no_source_to_open_and_says_why(main_window: MainWindow) -> None:
    action = main_window.open_in_source.action
    assert not action.isEnabled()
    assert action.toolTip() == "The demo has no web interface to open cases in"
    assert action in main_window.ui.caseMenu.actions()
    assert main_window.ui.caseMenu.toolTipsVisible()


def test_the_case_detail_opens_its_ticket_with_the_shortcut(
    qtbot: QtBot, main_window: MainWindow, browser: Browser
) -> None:
    case_id = most_urgent_case_id(main_window.today)
    assert case_id is not None
    _as_rt(main_window, case_id, "4711")
    action = main_window.open_in_source.action
    assert action.isEnabled() and action.shortcut() == QKeySequence("Ctrl+Shift+O")
    assert action.toolTip() == "Open the case's ticket in Request Tracker in your browser"
    main_window.open_case(case_id)
    qtbot.keyClick(
        main_window.case_detail, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert browser.opened == ["https://rt.example.com/Ticket/Display.html?id=4711"]


def test_a_list_row_opens_its_own_ticket(qtbot: QtBot, main_window: MainWindow, browser: Browser) -> None:
    main_window.show_all_cases()
    panel = main_window.all_cases
    second = panel.model.index(1, 0)
    case_id = int(second.data(CASE_ID_ROLE))
    _as_rt(main_window, case_id, "90210")
    assert main_window.open_in_source.action in panel.row_actions, "the row's context menu offers it"
    panel.view.setCurrentIndex(second)
    main_window.open_in_source.action.trigger()
    assert browser.opened == ["https://rt.example.com/Ticket/Display.html?id=90210"]


def test_zendesk_cases_open_in_the_agent_interface(main_window: MainWindow, browser: Browser) -> None:
    case_id = most_urgent_case_id(main_window.today)
    assert case_id is not None
    with main_window.desk.engine.begin() as connection:
        connection.execute(
            text("UPDATE cases SET source = 'zendesk', remote_id = '35436' WHERE id = :id"), {"id": case_id}
        )
    main_window.desk.settings.source_kind = "zendesk"
    main_window.desk.settings.source_url = "https://acme.zendesk.com"
    assert main_window.open_in_source.open_case(case_id)
    assert browser.opened == ["https://acme.zendesk.com/agent/tickets/35436"]


def test_a_case_of_another_source_is_not_opened(qtbot: QtBot, main_window: MainWindow, browser: Browser) -> None:
    main_window.desk.settings.source_kind = "rt"  # the cases are still the demo's
    main_window.desk.settings.source_url = "https://rt.example.com"
    case_id = most_urgent_case_id(main_window.today)
    assert case_id is not None
    with qtbot.waitSignal(main_window.open_in_source.message) as said:
        assert not main_window.open_in_source.open_case(case_id)
    assert said.args == ["This case has no page in a ticketing system to open."]
    assert browser.opened == []


def test_the_search_popup_opens_a_case_hit_in_its_source(
    qtbot: QtBot, main_window: MainWindow, browser: Browser
) -> None:
    popup = main_window.property("searchPopup")
    assert isinstance(popup, SearchPopup)
    with main_window.desk.engine.connect() as connection:
        case_id, remote_id = connection.execute(text("SELECT id, remote_id FROM cases ORDER BY id LIMIT 1")).one()
    _as_rt(main_window, case_id, remote_id)
    popup.open_search()
    popup.query_edit.setText(remote_id)
    popup.run_search()
    row = next(r for r in range(popup.model.rowCount()) if popup.model.hits[r].item_id == case_id)
    popup.results_view.setCurrentIndex(popup.model.index(row, 0))
    popup.source_action.trigger()
    assert browser.opened == [f"https://rt.example.com/Ticket/Display.html?id={int(remote_id)}"]
    popup.close()


def test_every_shortcut_is_listed_once_and_clashes_with_none(main_window: MainWindow) -> None:
    entries = shortcut_entries(main_window)
    undo = [entry for entry in entries if entry.keys == "Ctrl+Z"]
    assert len(undo) == 1, "Undo (one per obligations tab) is listed once"
    keys = [entry.keys for entry in entries]
    assert keys.count("Ctrl+Shift+O") == 1
    duplicates = {k for k in keys if keys.count(k) > 1}
    assert duplicates == set()


def test_todays_new_severity_1_list_opens_its_case_in_source(
    qtbot: QtBot, main_window: MainWindow, browser: Browser
) -> None:
    from advisor_app.gui.models.today import ITEM_CASE_ID_ROLE

    section = main_window.today.sev1
    assert section.model.rowCount() > 0
    index = section.model.index(0, 0)
    case_id = int(index.data(ITEM_CASE_ID_ROLE))
    _as_rt(main_window, case_id, "555")
    section.view.setCurrentIndex(index)
    section.view.setFocus()
    qtbot.waitUntil(section.view.hasFocus)
    main_window.open_in_source.action.trigger()
    assert browser.opened == ["https://rt.example.com/Ticket/Display.html?id=555"]
