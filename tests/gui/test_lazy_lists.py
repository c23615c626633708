"""Only the list on screen is queried on a reload; the others when they are next shown."""

from __future__ import annotations

from sqlalchemy import update

from advisor_app.gui.main_window import MainWindow
from advisor_app.store import schema


def _rename_every_case(main_window: MainWindow, subject: str) -> None:
    with main_window.desk.engine.begin() as connection:
        connection.execute(update(schema.cases).values(subject=subject))


def test_a_hidden_list_is_queried_when_it_is_shown_again(main_window: MainWindow) -> None:
    all_cases = main_window.all_cases.model
    subject = next(i for i, c in enumerate(all_cases.columns) if c.key == "subject")
    assert main_window.ui.pages.currentWidget() is main_window.today
    _rename_every_case(main_window, "Renamed while hidden")
    resets: list[bool] = []
    all_cases.modelReset.connect(lambda: resets.append(True))
    main_window.reload()
    assert resets == [], "All cases is not on screen: not queried"
    main_window.show_all_cases()
    assert resets == [True]
    assert all_cases.index(0, subject).data() == "Renamed while hidden"


def test_back_to_today_after_a_reload_on_a_case_shows_the_new_data(main_window: MainWindow) -> None:
    urgent = main_window.today.urgent.model
    subject = next(i for i, c in enumerate(urgent.columns) if c.key == "subject")
    main_window.open_case(urgent.case_id(0))
    _rename_every_case(main_window, "Renamed on the case page")
    main_window.reload()
    main_window.go_back()
    assert main_window.ui.pages.currentWidget() is main_window.today
    assert urgent.index(0, subject).data() == "Renamed on the case page"


def test_a_reload_on_today_stays_on_today(main_window: MainWindow) -> None:
    main_window.show_all_cases()
    main_window.show_today()
    main_window.reload()  # as after every sync
    assert main_window.ui.pages.currentWidget() is main_window.today
    summary = main_window.accounts_model.account_at(2)
    assert summary is not None
    main_window.show_account(summary.id)
    main_window.reload()
    assert main_window.ui.pages.currentWidget() is main_window.account_view, "a chosen account stays chosen"
