"""Item models: valid by Qt's own checker, sorted and filtered in SQL."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.models.accounts import ACCOUNT_ID_ROLE, OPEN_CASES_ROLE, AccountsListModel
from advisor_app.gui.models.cases import CASE_ID_ROLE, CasesTableModel
from advisor_app.store.queries import CaseFilter
from advisor_app.workspace.desk import Desk


def test_accounts_model_passes_the_model_tester(qtmodeltester: ModelTester, demo_desk: Desk) -> None:
    model = AccountsListModel(demo_desk.engine)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 26
    assert model.index(0).data() == "All accounts"
    assert model.index(0).data(OPEN_CASES_ROLE) == sum(model.index(r).data(OPEN_CASES_ROLE) for r in range(1, 26))
    names = [model.index(r).data() for r in range(1, 26)]
    assert names == sorted(names, key=str.lower)


def test_cases_model_passes_the_model_tester(qtmodeltester: ModelTester, demo_desk: Desk) -> None:
    model = CasesTableModel(demo_desk.engine, demo_desk.clock)
    model.set_filter(CaseFilter(active_only=False))
    qtmodeltester.check(model)
    assert model.rowCount() == 2000


def test_cases_sort_by_severity_in_both_directions(demo_desk: Desk) -> None:
    model = CasesTableModel(demo_desk.engine, demo_desk.clock)
    model.reload()
    column = next(i for i, c in enumerate(model.columns) if c.key == "severity")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    shown = [model.index(r, column).data() for r in range(model.rowCount())]
    assert shown[0].startswith("Sev 1") and shown[-1].startswith("Sev 3")
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert model.index(0, column).data().startswith("Sev 3")


def test_rows_are_loaded_a_page_at_a_time(demo_desk: Desk) -> None:
    model = CasesTableModel(demo_desk.engine, demo_desk.clock)
    model.set_filter(CaseFilter(active_only=False))
    model.index(0, 1).data()
    model.index(1999, 1).data()
    assert len(model._pages) == 2
    assert sum(len(page) for page in model._pages.values()) == 2 * model.PAGE_SIZE


def test_filter_by_account(demo_desk: Desk) -> None:
    accounts = AccountsListModel(demo_desk.engine)
    accounts.reload()
    first = accounts.index(1)
    model = CasesTableModel(demo_desk.engine, demo_desk.clock)
    model.set_filter(CaseFilter(account_id=first.data(ACCOUNT_ID_ROLE)))
    assert model.rowCount() == first.data(OPEN_CASES_ROLE)
    account_column = next(i for i, c in enumerate(model.columns) if c.key == "account")
    assert {model.index(r, account_column).data() for r in range(model.rowCount())} == {first.data()}
    assert len({model.index(r, 0).data(CASE_ID_ROLE) for r in range(model.rowCount())}) == model.rowCount()


def test_sorting_keeps_the_selection_on_the_same_case(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.show_all_cases()
    panel = main_window.all_cases
    panel.view.selectRow(5)
    chosen = panel.current_case_id()
    assert chosen is not None
    for key, order in (("subject", Qt.SortOrder.AscendingOrder), ("id", Qt.SortOrder.DescendingOrder)):
        panel.view.sortByColumn(panel.column(key), order)
        assert panel.current_case_id() == chosen, key
        selected = panel.view.selectionModel().selectedRows()
        assert [int(index.data(CASE_ID_ROLE)) for index in selected] == [chosen], key
    assert panel.view.currentIndex().row() != 5, "the case moved, and the selection with it"
