"""The first window: accounts, their cases, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor_app.gui.main_window import MainWindow


def test_window_shows_the_demo_accounts_and_all_open_cases(main_window: MainWindow) -> None:
    assert main_window.accounts_model.rowCount() == 26
    assert main_window.ui.accountsView.currentIndex().row() == 0
    total_open = main_window.accounts_model.total_open
    assert main_window.cases_model.rowCount() == total_open > 0
    assert main_window.ui.casesTitle.text() == f"All accounts · open cases: {total_open}"
    assert "Last sync:" in main_window.sync_label.text() and "never" not in main_window.sync_label.text()
    assert str(main_window.desk.workspace.root) in main_window.workspace_label.text()


def test_choosing_an_account_shows_its_cases(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = main_window.ui.accountsView
    index = main_window.accounts_model.index(3)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    account = main_window.accounts_model.account_at(3)
    assert account is not None
    assert main_window.cases_model.rowCount() == account.open_cases
    assert main_window.ui.casesTitle.text().startswith(account.name)


def test_show_closed_includes_every_case(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_count = main_window.cases_model.rowCount()
    main_window.ui.showClosedBox.setChecked(True)
    assert main_window.cases_model.rowCount() == 2000 > open_count
    assert main_window.ui.casesTitle.text() == "All accounts · all cases: 2000"


def test_layout_is_remembered_per_workspace(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    main_window.resize(780, 520)  # within the offscreen screen (800x600)
    main_window.close()
    again = MainWindow(main_window.desk)
    qtbot.addWidget(again)
    assert (again.size().width(), again.size().height()) == (780, 520)
    assert (main_window.desk.workspace.root / "window.ini").is_file()


def test_the_account_column_shows_only_for_all_accounts(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    account_column = next(i for i, c in enumerate(main_window.cases_model.columns) if c.key == "account")
    assert not main_window.ui.casesView.isColumnHidden(account_column)
    main_window.ui.accountsView.setCurrentIndex(main_window.accounts_model.index(2))
    assert main_window.ui.casesView.isColumnHidden(account_column)
    main_window.ui.accountsView.setCurrentIndex(main_window.accounts_model.index(0))
    assert not main_window.ui.casesView.isColumnHidden(account_column)


def test_column_choices_are_remembered(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    requester = next(i for i, c in enumerate(main_window.cases_model.columns) if c.key == "requester")
    status = next(i for i, c in enumerate(main_window.cases_model.columns) if c.key == "status")
    assert main_window.ui.casesView.isColumnHidden(requester), "hidden by default: the subject needs the room"
    main_window.set_column_shown("requester", True)
    main_window.set_column_shown("status", False)
    assert not main_window.ui.casesView.isColumnHidden(requester)
    main_window.close()
    again = MainWindow(main_window.desk)
    qtbot.addWidget(again)
    assert not again.ui.casesView.isColumnHidden(requester)
    assert again.ui.casesView.isColumnHidden(status)
