"""The countdown column: one window timer repaints visible cells as time passes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import Qt

from advisor_app.gui.countdown import Urgency, format_duration
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.models.cases import CASE_ID_ROLE, URGENCY_ROLE
from advisor_app.store import schema
from tests.conftest import MovableClock


def test_durations_read_naturally() -> None:
    assert format_duration(timedelta(days=2, hours=4, minutes=3)) == "2d 4h"
    assert format_duration(timedelta(hours=3, minutes=7)) == "3h 07m"
    assert format_duration(timedelta(minutes=12, seconds=5)) == "12m 05s"
    assert format_duration(-timedelta(hours=1, minutes=5)) == "−1h 05m"


def test_a_case_crossing_its_at_risk_threshold_changes_its_cell(
    qtbot: QtBot, main_window: MainWindow, clock: MovableClock
) -> None:
    desk = main_window.desk
    c = schema.cases.c
    with desk.engine.connect() as connection:
        case_id, account_id, at_risk_at, deadline = connection.execute(
            select(c.id, c.account_id, c.clock_at_risk_at, c.clock_deadline)
            .where(c.clock_state == "running", c.clock_open, c.clock_at_risk_at > desk.clock())
            .order_by(c.clock_at_risk_at)
            .limit(1)
        ).one()
    clock.now = at_risk_at - timedelta(seconds=2)
    row = next(
        r
        for r in range(1, main_window.accounts_model.rowCount())
        if (summary := main_window.accounts_model.account_at(r)) is not None and summary.id == account_id
    )
    main_window.ui.accountsView.setCurrentIndex(main_window.accounts_model.index(row))
    model = main_window.cases_model
    due = next(i for i, spec in enumerate(model.columns) if spec.key == "due")
    position = next(r for r in range(model.rowCount()) if model.index(r, 0).data(CASE_ID_ROLE) == case_id)
    main_window.current_panel().view.scrollTo(model.index(position, due))
    cell = model.index(position, due)
    assert cell.data(URGENCY_ROLE) == Urgency.OK
    assert not cell.data().startswith("At risk")

    clock.now = at_risk_at + timedelta(seconds=1)
    with qtbot.waitSignal(model.dataChanged, timeout=3_000) as changed:
        pass  # the window's one-second timer fires by itself
    first, last = changed.args[0], changed.args[1]
    assert first.column() == last.column() == due
    assert first.row() <= position <= last.row()
    assert cell.data(URGENCY_ROLE) == Urgency.AT_RISK
    assert cell.data().startswith("At risk ")
    assert cell.data(2**0 * 8) is not None  # Qt.BackgroundRole: at risk is colored as well as worded
    assert cell.data(1) is not None  # Qt.DecorationRole: and marked with the at-risk icon
    tooltip = cell.data(3)  # Qt.ToolTipRole
    assert "Business time left" in tooltip and "the account's time" in tooltip
    # The header says which time the column counts; its tooltip names the other.
    assert model.headerData(due, Qt.Orientation.Horizontal) == "Due in (clock time)"
    assert "business time" in model.headerData(due, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    clock.now = deadline + timedelta(seconds=1)
    main_window.tick_countdowns()
    assert cell.data(URGENCY_ROLE) == Urgency.BREACHED
    assert cell.data().startswith("Breached −0m 01s")


def test_only_visible_rows_are_repainted(qtbot: QtBot, main_window: MainWindow, clock: MovableClock) -> None:
    model = main_window.cases_model
    assert model.rowCount() > 100
    main_window.tick_countdowns()
    clock.advance(timedelta(hours=2))
    with qtbot.waitSignal(model.dataChanged, timeout=3_000) as changed:
        main_window.tick_countdowns()
    first, last = changed.args[0], changed.args[1]
    assert first.row() >= 0
    assert last.row() < 60, "a window shows a few dozen rows, not the whole table"


def test_a_tick_repaints_nothing_when_no_cell_reads_differently(
    qtbot: QtBot, main_window: MainWindow, clock: MovableClock
) -> None:
    if clock.now.second == 0:
        clock.advance(timedelta(seconds=30))  # at second 0 a clock filter is judged anew (a reload)
    main_window.tick_countdowns()
    model = main_window.cases_model
    with qtbot.assertNotEmitted(model.dataChanged):
        main_window.tick_countdowns()  # the clock stood still: every cell reads as before


def test_the_timer_wakes_when_the_next_visible_cell_changes(main_window: MainWindow, clock: MovableClock) -> None:
    main_window.tick_countdowns()
    interval = main_window.countdown_timer.remainingTime()
    now = clock.now
    next_minute = now.replace(second=0, microsecond=0) + timedelta(minutes=1)
    assert 0 < interval <= (next_minute - now).total_seconds() * 1000 + 10
    assert main_window.countdown_timer.isSingleShot()
    main_window.countdown_timer.stop()


def test_the_next_change_follows_the_unit_the_cell_shows() -> None:
    from datetime import UTC, datetime

    from advisor_app.gui.countdown import Countdown, next_countdown_change

    now = datetime(2026, 11, 25, 12, 0, 0, 500_000, tzinfo=UTC)

    @dataclass
    class Row:
        clock_at_risk_at: datetime | None = None
        clock_breach_at: datetime | None = None

    row = Row()

    def after(urgency: Urgency, remaining: timedelta) -> float:
        change = next_countdown_change(row, Countdown(urgency, remaining), now)
        assert change is not None
        return (change - now).total_seconds()

    assert after(Urgency.OK, timedelta(minutes=12, seconds=5, milliseconds=300)) == 0.3  # 12m 05s -> 12m 04s
    assert after(Urgency.OK, timedelta(hours=3, minutes=7, seconds=20)) == 20  # 3h 07m -> 3h 06m
    assert after(Urgency.OK, timedelta(days=2, hours=4, minutes=30)) == 1800  # 2d 4h -> 2d 3h
    assert after(Urgency.BREACHED, -timedelta(hours=1, minutes=5, seconds=50)) == 10  # -1h 05m -> -1h 06m
    assert next_countdown_change(row, Countdown(Urgency.PAUSED, None), now) is None
    row.clock_at_risk_at = now + timedelta(seconds=5)
    assert after(Urgency.OK, timedelta(days=2)) == 5  # turning at risk comes first


def test_show_at_risk_or_breached_filters_in_sql(qtbot: QtBot, main_window: MainWindow, clock: MovableClock) -> None:
    main_window.show_all_cases()
    model = main_window.cases_model
    due = next(i for i, spec in enumerate(model.columns) if spec.key == "due")
    everything = model.rowCount()
    expected = {"At risk": Urgency.AT_RISK, "Breached": Urgency.BREACHED, "Waiting on customer": Urgency.PAUSED}
    seen = {}
    for text, urgency in expected.items():
        main_window.all_cases.clock_box.setCurrentText(text)
        shown = {model.index(r, due).data(URGENCY_ROLE) for r in range(model.rowCount())}
        seen[text] = model.rowCount()
        assert shown <= {urgency}, f"{text} shows {shown}"
    assert seen["Breached"] > 0 and seen["Waiting on customer"] > 0
    assert sum(seen.values()) < everything
    main_window.all_cases.clock_box.setCurrentText("Every case")
    assert model.rowCount() == everything
    # Time passes: a day later more cases have breached, and the filter is judged anew.
    main_window.all_cases.clock_box.setCurrentText("Breached")
    clock.advance(timedelta(days=1))
    main_window.all_cases.clock_box.setCurrentText("Every case")
    main_window.all_cases.clock_box.setCurrentText("Breached")
    assert model.rowCount() > seen["Breached"]
