"""Ctrl+K search: results as you type, Up/Down, Enter emits the choice, Esc closes."""

from __future__ import annotations

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMainWindow

from advisor_app.gui.labels import status_label
from advisor_app.gui.search import (
    ID_ROLE,
    KIND_ROLE,
    SNIPPET_ROLE,
    SearchPopup,
    SearchResultsModel,
    install_search_shortcut,
)
from advisor_app.store import schema
from advisor_app.store.search import search
from advisor_app.workspace.desk import Desk


@pytest.fixture
def popup(qtbot: QtBot, demo_desk: Desk) -> SearchPopup:
    widget = SearchPopup(demo_desk)
    qtbot.addWidget(widget)
    widget.open_search()
    qtbot.waitExposed(widget)
    return widget


def _account(desk: Desk) -> tuple[int, str]:
    with desk.engine.connect() as connection:
        account_id, name = connection.execute(select(schema.accounts.c.id, schema.accounts.c.name).limit(1)).one()
    return account_id, name


def test_results_follow_the_typing_and_enter_chooses(qtbot: QtBot, popup: SearchPopup, demo_desk: Desk) -> None:
    account_id, name = _account(demo_desk)
    qtbot.keyClicks(popup.query_edit, name[:3].lower())
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0, timeout=2000)
    first = popup.model.index(0, 0)
    assert (first.data(KIND_ROLE), first.data(ID_ROLE)) == ("account", account_id)
    assert popup.results_view.currentIndex().row() == 0
    with qtbot.waitSignal(popup.chosen) as chosen:
        qtbot.keyClick(popup.query_edit, Qt.Key.Key_Return)
    assert chosen.args == ["account", account_id]
    assert not popup.isVisible()


def test_up_and_down_move_through_the_results(qtbot: QtBot, popup: SearchPopup) -> None:
    qtbot.keyClicks(popup.query_edit, "export")
    qtbot.waitUntil(lambda: popup.model.rowCount() > 3, timeout=2000)
    qtbot.keyClick(popup.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(popup.query_edit, Qt.Key.Key_Down)
    qtbot.keyClick(popup.query_edit, Qt.Key.Key_Up)
    assert popup.results_view.currentIndex().row() == 1
    expected = popup.model.index(1, 0)
    with qtbot.waitSignal(popup.chosen) as chosen:
        qtbot.keyClick(popup.query_edit, Qt.Key.Key_Enter)
    assert chosen.args == [expected.data(KIND_ROLE), expected.data(ID_ROLE)]


def test_typing_more_narrows_and_nonsense_says_so(qtbot: QtBot, popup: SearchPopup) -> None:
    qtbot.keyClicks(popup.query_edit, 'zzqx "NEAR* -')
    qtbot.waitUntil(lambda: "No matches" in popup.status_label.text(), timeout=2000)
    assert popup.model.rowCount() == 0
    with qtbot.assertNotEmitted(popup.chosen):
        qtbot.keyClick(popup.query_edit, Qt.Key.Key_Return)


def test_enter_right_after_typing_searches_first(qtbot: QtBot, popup: SearchPopup, demo_desk: Desk) -> None:
    with demo_desk.engine.connect() as connection:
        case_id, remote_id = connection.execute(select(schema.cases.c.id, schema.cases.c.remote_id).limit(1)).one()
    popup.query_edit.setText(remote_id)  # no pause for the debounce
    with qtbot.waitSignal(popup.chosen) as chosen:
        qtbot.keyClick(popup.query_edit, Qt.Key.Key_Return)
    assert chosen.args == ["case", case_id]


def test_escape_closes(qtbot: QtBot, popup: SearchPopup) -> None:
    qtbot.keyClick(popup.query_edit, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_ctrl_k_in_a_window_opens_the_popup(qtbot: QtBot, demo_desk: Desk) -> None:
    window = QMainWindow()
    window.setCentralWidget(QLineEdit())
    qtbot.addWidget(window)
    picked: list[tuple[str, int]] = []
    action = install_search_shortcut(window, demo_desk, lambda kind, item_id: picked.append((kind, item_id)))
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    assert action.shortcut().toString() == "Ctrl+K"
    central = window.centralWidget()
    assert central is not None
    central.setFocus()
    QTest.keyClick(window.windowHandle(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    popup = window.findChild(SearchPopup)
    assert popup is not None and popup.isVisible()
    account_id, name = _account(demo_desk)
    qtbot.keyClicks(popup.query_edit, name)
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0, timeout=2000)
    qtbot.keyClick(popup.query_edit, Qt.Key.Key_Return)
    assert picked == [("account", account_id)]


def test_the_results_model_passes_the_model_tester(qtmodeltester: ModelTester, demo_desk: Desk) -> None:
    model = SearchResultsModel()
    with demo_desk.engine.connect() as connection:
        model.set_hits(search(connection, "ex", 20))
    assert model.rowCount() == 20
    qtmodeltester.check(model)


def test_a_case_row_shows_its_id_once_with_its_account_and_status(
    qtbot: QtBot, popup: SearchPopup, demo_desk: Desk
) -> None:
    with demo_desk.engine.connect() as connection:
        c, a = schema.cases.c, schema.accounts.c
        remote_id, subject, account, status = connection.execute(
            select(c.remote_id, c.subject, a.name, c.status).join_from(schema.cases, schema.accounts).where(c.id == 42)
        ).one()
    popup.query_edit.setText(remote_id)
    popup.run_search()
    row = next(r for r in range(popup.model.rowCount()) if popup.model.hits[r].item_id == 42)
    index = popup.model.index(row, 0)
    title, second = index.data(), index.data(SNIPPET_ROLE)
    assert title == f"#{remote_id} {subject}"
    assert second.startswith(f"{account} · {status_label(status)} · ")
    assert (title + second).count(remote_id) == 1, "the id is shown once"
