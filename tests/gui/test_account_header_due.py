"""The Account 360's header gives this week's update deadline in the account's zone, as its Weekly updates tab does."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from advisor_app.gui.account.common import local_time_text
from advisor_app.gui.main_window import MainWindow
from advisor_app.store import schema


def test_the_header_and_the_weekly_updates_tab_give_the_same_deadline(qtbot: QtBot, main_window: MainWindow) -> None:
    with main_window.desk.engine.connect() as connection:
        accounts = connection.execute(select(schema.accounts.c.id, schema.accounts.c.timezone)).all()
    view = main_window.account_view
    checked = told_by_tab = 0
    for account_id, zone in accounts:
        main_window.show_account(account_id)
        overview = view.overview
        if overview is None or overview.update_due is None:
            continue
        # The test process's zone, whatever it is, at the deadline (not at the wall clock's today).
        local_offset = overview.update_due.astimezone().utcoffset()
        if overview.update_due.astimezone(ZoneInfo(zone)).utcoffset() == local_offset:
            continue  # same wall clock here and there: the test could not tell the zones apart
        expected = local_time_text(overview.update_due, zone)
        assert f"(due {expected})" in view.fact_labels["update"].text(), zone
        checked += 1
        summary = view.weekly_updates_tab.summary_label.text()
        if summary.startswith("This week's update"):
            assert summary.endswith(f"due {expected}.")
            told_by_tab += 1
    assert checked and told_by_tab, "the demo has accounts in other zones with this week's update owed"
