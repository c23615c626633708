"""A morning's work: Today's most urgent case, an account's 360, filtering, notifications."""

from __future__ import annotations

from datetime import datetime, timedelta

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from PySide6.QtCore import Qt

from advisor_app.attention.alerts import Alert, AlertKind
from advisor_app.gui.countdown import Urgency
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.models.cases import URGENCY_ROLE
from advisor_app.gui.models.today import ITEM_ACCOUNT_ID_ROLE, ITEM_CASE_ID_ROLE, TodayItemsModel
from advisor_app.obligations.attention import obligations_needing_attention
from advisor_app.obligations.updates import week_history
from advisor_app.store import schema
from advisor_app.workspace.desk import Desk
from tests.conftest import MovableClock
from tests.gui.cells import most_urgent_case_id


def test_the_most_urgent_case_on_today_opens(qtbot: QtBot, main_window: MainWindow) -> None:
    today = main_window.today
    model = today.urgent.model
    due = today.urgent.column("due")
    urgencies = [Urgency(model.index(r, due).data(URGENCY_ROLE)) for r in range(model.rowCount())]
    assert urgencies[0] is Urgency.BREACHED, "breached first"
    first_counting = next(i for i, urgency in enumerate(urgencies) if urgency is not Urgency.BREACHED)
    assert Urgency.BREACHED not in urgencies[first_counting:]
    # Then by wall-clock time to the deadline, whatever the risk by business time.
    with main_window.desk.engine.connect() as connection:
        deadlines = dict(connection.execute(select(schema.cases.c.id, schema.cases.c.clock_deadline)).all())
    ordered = [deadlines[model.case_id(r)] for r in range(model.rowCount())]
    assert ordered == sorted(ordered)
    opened: list[int] = []

    def open_case(case_id: int) -> None:
        opened.append(case_id)
        main_window.open_case(case_id)

    today.urgent.case_activated.disconnect()
    today.urgent.case_activated.connect(open_case)
    today.urgent.view.setFocus()
    today.urgent.view.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(today.urgent.view, Qt.Key.Key_Return)
    assert opened == [most_urgent_case_id(today)]
    assert main_window.ui.pages.currentWidget() is main_window.case_page
    assert main_window.case_detail.case_id == opened[0]
    main_window.ui.backAction.trigger()
    assert main_window.ui.pages.currentWidget() is main_window.today


def test_today_lists_open_their_case_or_account(qtbot: QtBot, main_window: MainWindow) -> None:
    today = main_window.today
    assert today.sev1.model.rowCount() > 0
    assert today.weekly.model.rowCount() > 0
    assert "new cases" in today.summary.text()
    today.sev1.view.activated.emit(today.sev1.model.index(0))
    assert main_window.case_detail.case_id == today.sev1.model.index(0).data(ITEM_CASE_ID_ROLE)
    main_window.show_today()
    weekly = today.weekly.model.index(0)
    today.weekly.view.activated.emit(weekly)
    assert main_window.ui.pages.currentWidget() is main_window.account_view
    assert main_window.account_view.account_id == weekly.data(ITEM_ACCOUNT_ID_ROLE)
    header = main_window.account_view.fact_labels
    assert header["update"].text().startswith(weekly.data().split(":")[0][:0])
    assert " of " in header["contacts"].text() or "no limit" in header["contacts"].text()
    assert "used" in header["service_days"].text()
    tabs = main_window.account_view.tabs
    assert [tabs.tabText(i).replace("&", "") for i in range(tabs.count())] == [
        "Cases",
        "Service days",
        "Weekly updates",
        "Contacts",
        "Usage",
        "Notes",
    ]


def test_today_models_pass_the_model_tester(qtmodeltester: ModelTester, main_window: MainWindow) -> None:
    for section in (main_window.today.sev1, main_window.today.weekly, main_window.today.changes):
        qtmodeltester.check(section.model)
    empty = TodayItemsModel()
    qtmodeltester.check(empty)


def test_filter_the_cases_by_text_severity_and_status(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.ui.filterAction.trigger()
    panel = main_window.all_cases
    model = panel.model
    number = model.index(0, panel.column("id")).data()
    qtbot.keyClicks(panel.search_box, number)
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert model.rowCount() >= 1
    assert model.index(0, panel.column("id")).data() == number
    panel.search_box.clear()
    panel.apply_filter()
    panel.severity_box.setCurrentIndex(panel.severity_box.findData(1))
    severities = {model.index(r, panel.column("severity")).data() for r in range(model.rowCount())}
    assert severities == {"Sev 1 · Critical"}
    panel.status_box.setCurrentIndex(panel.status_box.findData("pending"))
    statuses = {model.index(r, panel.column("status")).data() for r in range(model.rowCount())}
    assert statuses <= {"Waiting on customer"} and model.rowCount() > 0
    assert panel.title.text() == f"Cases: {model.rowCount()}"


def _next_at_risk_case(desk: Desk) -> tuple[int, datetime]:
    c = schema.cases.c
    with desk.engine.connect() as connection:
        case_id, at_risk_at = connection.execute(
            select(c.id, c.clock_at_risk_at)
            .where(c.clock_state == "running", c.clock_open, c.clock_at_risk_at > desk.clock(), c.severity != 1)
            .order_by(c.clock_at_risk_at)
            .limit(1)
        ).one()
    return case_id, at_risk_at


def _alerts_for(alerts: list[Alert], case_id: int) -> list[Alert]:
    return [alert for alert in alerts if alert.case_id == case_id]


def test_one_notification_when_a_case_crosses_its_at_risk_threshold(
    qtbot: QtBot, main_window: MainWindow, clock: MovableClock
) -> None:
    case_id, at_risk_at = _next_at_risk_case(main_window.desk)
    clock.now = at_risk_at - timedelta(seconds=2)
    main_window.notifier.check()
    delivered: list[Alert] = []
    main_window.notifier.notified.connect(delivered.extend)
    clock.now = at_risk_at + timedelta(seconds=1)
    with qtbot.waitSignal(main_window.notifier.notified, timeout=3_000):
        pass  # the window's one-second timer sees the instant pass
    assert _alerts_for(delivered, case_id) == [Alert(case_id, AlertKind.AT_RISK, at_risk_at)]
    assert main_window.banner.isVisible(), "no system tray offscreen: the in-app banner"
    assert "At risk" in main_window.banner.message.text() or "more" in main_window.banner.message.text()
    clock.advance(timedelta(seconds=30))
    main_window.notifier.check()
    assert len(_alerts_for(delivered, case_id)) == 1, "notified once"
    # A restart does not repeat it.
    main_window.close()
    again = MainWindow(main_window.desk)
    qtbot.addWidget(again)
    repeated: list[Alert] = []
    again.notifier.notified.connect(repeated.extend)
    clock.advance(timedelta(seconds=30))
    again.notifier.check()
    assert _alerts_for(repeated, case_id) == []


def test_snoozing_a_case_suppresses_its_notification(
    qtbot: QtBot, main_window: MainWindow, clock: MovableClock
) -> None:
    case_id, at_risk_at = _next_at_risk_case(main_window.desk)
    clock.now = at_risk_at - timedelta(seconds=2)
    main_window.notifier.check()
    main_window.snooze_case(case_id, "one_hour")
    assert "No notifications for this case until" in main_window.ui.statusBar.currentMessage()
    clock.now = at_risk_at + timedelta(seconds=1)
    assert _alerts_for(main_window.notifier.check(), case_id) == []
    clock.now = at_risk_at + timedelta(minutes=59, seconds=30)
    assert _alerts_for(main_window.notifier.check(), case_id) == []
    # Snooze means "later": once it ends, the still recent event is told.
    clock.now = at_risk_at + timedelta(hours=1)
    assert _alerts_for(main_window.notifier.check(), case_id)


def test_the_banner_snoozes_and_opens(qtbot: QtBot, main_window: MainWindow) -> None:
    banner = main_window.banner
    banner.show_message(1, "At risk: #1 test", critical=False)
    qtbot.mouseClick(banner.hour_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    with main_window.desk.engine.connect() as connection:
        from advisor_app.attention import records

        assert 1 in records.snoozes(connection, main_window.desk.clock())
    banner.show_message(1, "At risk: #1 test", critical=False)
    qtbot.mouseClick(banner.open_button, Qt.MouseButton.LeftButton)
    assert main_window.ui.pages.currentWidget() is main_window.case_page


def test_quiet_hours_keep_popups_away(qtbot: QtBot, main_window: MainWindow, clock: MovableClock) -> None:
    popups: list[tuple[str, str]] = []
    main_window.notifier.popup = lambda title, text: popups.append((title, text))
    case_id, at_risk_at = _next_at_risk_case(main_window.desk)
    clock.now = at_risk_at - timedelta(seconds=2)
    main_window.notifier.check()
    main_window.banner.hide()
    local = at_risk_at.astimezone()
    settings = main_window.desk.settings
    settings.quiet_hours_start = (local - timedelta(hours=1)).strftime("%H:%M")
    settings.quiet_hours_end = (local + timedelta(hours=1)).strftime("%H:%M")
    popups.clear()
    clock.now = at_risk_at + timedelta(seconds=1)
    assert _alerts_for(main_window.notifier.check(), case_id)
    assert popups == [], "quiet hours: no desktop popup"
    assert main_window.banner.isVisible(), "the banner still says it in the window"
    # Outside quiet hours the desktop popup is used, not the banner.
    main_window.banner.hide()
    settings.quiet_hours_start = settings.quiet_hours_end = ""
    _next_case, next_at = _next_at_risk_case(main_window.desk)
    clock.now = next_at + timedelta(seconds=1)
    assert main_window.notifier.check()
    assert len(popups) == 1 and not main_window.banner.isVisible()


def test_today_lists_past_overdue_updates_contacts_and_service_days_as_the_account_does(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    today = main_window.today
    desk = main_window.desk
    with desk.engine.connect() as connection:
        attention = obligations_needing_attention(connection, desk.clock())
        this_weeks = {
            item.account_id: week_history(connection, item.account_id, desk.clock())[0].iso_week
            for item in attention.updates
        }
    weekly = [today.weekly.model.item(r) for r in range(today.weekly.model.rowCount())]
    past_overdue = [item for item in weekly if item.facts["week"] != this_weeks[item.account_id]]
    assert past_overdue and all(item.facts["state"] == "overdue" for item in past_overdue)
    assert all(item.facts["week"] in today.weekly.model.text(item) for item in weekly)
    assert len(weekly) == len(attention.updates)
    others = [today.service_days.model.item(r) for r in range(today.service_days.model.rowCount())]
    contacts = [item for item in others if item.kind == "contacts"]
    assert [item.account_id for item in contacts] == [c.account_id for c in attention.contacts]
    assert contacts, "the demo has accounts over their contact limit"
    assert "authorized contacts" in today.service_days.model.text(contacts[0])
    days = [item for item in others if item.kind == "service_days"]
    assert [item.account_id for item in days] == [b.account_id for b in attention.service_days]
    assert today.weekly.heading.text().startswith("Weekly updates overdue or due")
    # The account's header says so too.
    late = past_overdue[0]
    main_window.show_account(late.account_id)
    earlier = sum(1 for item in past_overdue if item.account_id == late.account_id)
    expected = f"{earlier} earlier week{'s' if earlier > 1 else ''} overdue"
    assert main_window.account_view.fact_labels["update"].text().endswith(expected)
