"""The main window: Today first, the accounts on the left, an account's 360 or all cases."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt

from advisor_app.gui.main_window import MainWindow


def test_window_opens_on_today_with_the_demo_accounts(main_window: MainWindow) -> None:
    assert main_window.accounts_model.rowCount() == 26
    assert main_window.ui.pages.currentWidget() is main_window.today
    assert main_window.ui.todayButton.isChecked()
    assert "Last sync:" in main_window.sync_label.text() and "never" not in main_window.sync_label.text()
    assert str(main_window.desk.workspace.root) in main_window.workspace_label.text()


def test_all_cases_lists_every_open_case(main_window: MainWindow) -> None:
    main_window.ui.allCasesAction.trigger()
    assert main_window.ui.pages.currentWidget() is main_window.all_cases
    total_open = main_window.accounts_model.total_open
    assert main_window.cases_model.rowCount() == total_open > 0
    assert main_window.all_cases.title.text() == f"Open cases: {total_open}"


def test_choosing_an_account_opens_its_360(qtbot: QtBot, main_window: MainWindow) -> None:
    view = main_window.ui.accountsView
    index = main_window.accounts_model.index(3)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    account = main_window.accounts_model.account_at(3)
    assert account is not None
    assert main_window.ui.pages.currentWidget() is main_window.account_view
    assert main_window.cases_model is main_window.account_view.cases.model
    assert main_window.cases_model.rowCount() == account.open_cases
    assert main_window.account_view.name_label.text() == account.name


def test_any_status_includes_every_case(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.show_all_cases()
    open_count = main_window.cases_model.rowCount()
    main_window.all_cases.status_box.setCurrentText("Any status")
    assert main_window.cases_model.rowCount() == 2000 > open_count
    assert main_window.all_cases.title.text() == "Cases: 2000"


def test_layout_is_remembered_per_workspace(qtbot: QtBot, main_window: MainWindow) -> None:
    assert main_window.minimumSizeHint().width() < 799, "the window must fit the offscreen screen (800x600)"
    main_window.resize(799, 595)
    chosen = main_window.size()
    assert chosen.width() == 799
    assert chosen != MainWindow(main_window.desk).size()  # not merely the first-start size
    main_window.close()
    again = MainWindow(main_window.desk)
    qtbot.addWidget(again)
    assert again.size() == chosen
    assert (main_window.desk.workspace.root / "window.ini").is_file()


def test_a_long_workspace_path_does_not_widen_the_window(qtbot: QtBot, main_window: MainWindow) -> None:
    narrowest = main_window.minimumSizeHint().width()
    long_path = "/home/advisor/" + "a-very-long-folder-name/" * 20 + "workspace"
    main_window.workspace_label.setText(long_path)
    assert main_window.minimumSizeHint().width() == narrowest
    assert main_window.workspace_label.toolTip() == long_path


def test_the_account_column_shows_only_for_all_accounts(qtbot: QtBot, main_window: MainWindow) -> None:
    panel = main_window.all_cases
    account_column = panel.column("account")
    main_window.show_all_cases()
    assert not panel.view.isColumnHidden(account_column)
    panel.account_box.setCurrentIndex(2)
    assert panel.view.isColumnHidden(account_column)
    assert {panel.model.index(r, 0).data() for r in range(panel.model.rowCount())}
    panel.account_box.setCurrentIndex(0)
    assert not panel.view.isColumnHidden(account_column)
    main_window.ui.accountsView.setCurrentIndex(main_window.accounts_model.index(2))
    assert main_window.account_view.cases.view.isColumnHidden(account_column)


def test_column_choices_are_shared_and_remembered(qtbot: QtBot, main_window: MainWindow) -> None:
    requester = main_window.all_cases.column("requester")
    status = main_window.all_cases.column("status")
    assert main_window.all_cases.view.isColumnHidden(requester), "hidden by default: the subject needs the room"
    main_window.column_choices.set_shown("requester", True)
    main_window.column_choices.set_shown("status", False)
    assert not main_window.all_cases.view.isColumnHidden(requester)
    assert main_window.today.urgent.view.isColumnHidden(status), "one choice for every cases table"
    main_window.close()
    again = MainWindow(main_window.desk)
    qtbot.addWidget(again)
    assert not again.all_cases.view.isColumnHidden(requester)
    assert again.all_cases.view.isColumnHidden(status)
    assert again.account_view.cases.view.isColumnHidden(status)


def test_every_page_is_reachable_from_the_keyboard(qtbot: QtBot, main_window: MainWindow) -> None:
    shortcuts = {
        action.shortcut().toString()
        for action in (
            main_window.ui.todayAction,
            main_window.ui.accountsAction,
            main_window.ui.allCasesAction,
            main_window.ui.filterAction,
            main_window.ui.backAction,
            main_window.ui.openCaseAction,
            main_window.ui.snoozeHourAction,
            main_window.ui.snoozeTomorrowAction,
        )
    }
    assert {"Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+F", "Alt+Left"} <= shortcuts
    main_window.ui.filterAction.trigger()
    assert main_window.ui.pages.currentWidget() is main_window.all_cases
    assert main_window.all_cases.search_box.hasFocus()
    main_window.ui.accountsAction.trigger()
    assert main_window.ui.accountsView.hasFocus()
    qtbot.keyClick(main_window.ui.accountsView, Qt.Key.Key_Down)
    assert main_window.ui.pages.currentWidget() is main_window.account_view
    main_window.ui.todayAction.trigger()
    assert main_window.ui.pages.currentWidget() is main_window.today
    for panel in main_window.case_panels():
        assert panel.view.accessibleName()
        assert panel.search_box.accessibleName() and panel.severity_box.accessibleName()
