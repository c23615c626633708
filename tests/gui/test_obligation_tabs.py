"""The obligations tabs of Account 360: booking, over-allotment confirmation, skipping, undo."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QDate, Qt

from advisor_app.gui.account import ContactsTab, ServiceDaysTab, UsageTab, WeeklyUpdatesTab
from advisor_app.obligations.ledger import account_balance, ledger
from advisor_app.obligations.terms import load_terms, terms_of
from advisor_app.obligations.updates import updates_needing_attention, week_entry, week_history
from advisor_app.obligations.weekly_updates import WeekStatus, iso_week
from advisor_app.workspace.desk import Desk


def _gold_account(desk: Desk) -> int:
    with desk.engine.connect() as connection:
        terms = load_terms(connection)
    return next(t.account_id for t in sorted(terms.values(), key=lambda t: t.account_id) if t.tier.id == "gold")


@pytest.fixture
def service_days(qtbot: QtBot, demo_desk: Desk) -> ServiceDaysTab:
    tab = ServiceDaysTab(demo_desk)
    qtbot.addWidget(tab)
    tab.set_account(_gold_account(demo_desk))
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_every_obligations_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, demo_desk: Desk
) -> None:
    account = _gold_account(demo_desk)
    service, weekly, contacts, usage = (
        ServiceDaysTab(demo_desk),
        WeeklyUpdatesTab(demo_desk),
        ContactsTab(demo_desk),
        UsageTab(demo_desk),
    )
    for tab in (service, weekly, contacts, usage):
        qtbot.addWidget(tab)
        tab.set_account(account)
    assert isinstance(contacts, ContactsTab) and isinstance(usage, UsageTab)
    assert weekly.model.rowCount() > 0 and contacts.contacts_model.rowCount() > 0
    assert usage.changes_model.rowCount() == 4
    for model in (service.model, weekly.model, contacts.contacts_model, contacts.cases_model, usage.changes_model):
        qtmodeltester.check(model)


def test_booking_a_service_day_and_the_over_allotment_confirmation(
    qtbot: QtBot, service_days: ServiceDaysTab, demo_desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    account = _gold_account(demo_desk)
    with demo_desk.engine.connect() as connection:
        before = account_balance(connection, account, demo_desk.clock())
    assert before.allotted == 6
    today = demo_desk.clock().date() - timedelta(days=1)
    dialog = service_days.make_dialog()
    qtbot.addWidget(dialog)
    dialog.day.setDate(QDate(today.year, today.month, today.day))
    dialog.amount.setValue(0.5)
    dialog.kind.setCurrentIndex(dialog.kind.findData("workshop"))
    dialog.note.setPlainText("Dashboard workshop")
    dialog.cases.item(0).setCheckState(Qt.CheckState.Checked)
    needed_confirmation = before.used + 1 > 6
    monkeypatch.setattr(dialog, "confirm_over_allotment", lambda message: True)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    with demo_desk.engine.connect() as connection:
        after = account_balance(connection, account, demo_desk.clock())
        booked = [e for e in ledger(connection, account) if e.note == "Dashboard workshop"]
    assert after.used == before.used + 1
    assert len(booked) == 1 and booked[0].case_ids and booked[0].over_allotment is needed_confirmation
    assert service_days.model.rowCount() >= 1

    # Far beyond the allotment: refusing the confirmation books nothing and keeps the dialog open.
    big = service_days.make_dialog()
    qtbot.addWidget(big)
    big.amount.setValue(10.0)
    asked: list[str] = []

    def refuse(message: str) -> bool:
        asked.append(message)
        return False

    monkeypatch.setattr(big, "confirm_over_allotment", refuse)
    big.accept()
    assert asked and asked[0] == (
        "3 of 3 allotted days are already used; this booking would go beyond the contract year's allotment."
    )
    assert big.result() != big.DialogCode.Accepted
    with demo_desk.engine.connect() as connection:
        assert account_balance(connection, account, demo_desk.clock()).used == after.used
    monkeypatch.setattr(big, "confirm_over_allotment", lambda message: True)
    big.accept()
    with demo_desk.engine.connect() as connection:
        flagged = [e for e in ledger(connection, account) if e.half_days == 20]
    assert len(flagged) == 1 and flagged[0].over_allotment
    row = next(r for r in range(service_days.model.rowCount()) if service_days.model.index(r, 5).data())
    assert service_days.model.index(row, 5).data() == "Beyond allotment"


def test_a_bad_entry_shows_the_message_in_the_dialog(
    qtbot: QtBot, service_days: ServiceDaysTab, demo_desk: Desk
) -> None:
    dialog = service_days.make_dialog()
    qtbot.addWidget(dialog)
    dialog.show()
    later = demo_desk.clock().date() + timedelta(days=800)
    dialog.day.setDate(QDate(later.year, later.month, later.day))
    dialog.accept()
    assert dialog.error.isVisible() and "is after the current contract year" in dialog.error.text()


def test_correct_then_undo_with_ctrl_z(qtbot: QtBot, service_days: ServiceDaysTab, demo_desk: Desk) -> None:
    account = _gold_account(demo_desk)
    with demo_desk.engine.connect() as connection:
        original = ledger(connection, account)
    if not original:
        book = service_days.make_dialog()
        qtbot.addWidget(book)
        book.accept()
        with demo_desk.engine.connect() as connection:
            original = ledger(connection, account)
    service_days.table.selectRow(0)
    entry = service_days.selected_entry()
    assert entry is not None
    dialog = service_days.make_dialog(entry)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("Corrected note")
    dialog.accept()
    with demo_desk.engine.connect() as connection:
        assert next(e for e in ledger(connection, account) if e.id == entry.id).note == "Corrected note"
    assert "Correct the entry" in service_days.undo_button.toolTip()
    service_days.table.setFocus()
    qtbot.keyClick(service_days.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    with demo_desk.engine.connect() as connection:
        assert ledger(connection, account) == original
    assert service_days.status_label.text().startswith("Undone: Correct the entry")


def test_export_writes_the_years_ledger(service_days: ServiceDaysTab, tmp_path: Path) -> None:
    service_days.export_csv(tmp_path / "ledger.csv")
    lines = (tmp_path / "ledger.csv").read_text().splitlines()
    assert lines[0] == "date,days,kind,note,linked_cases,over_allotment"
    assert len(lines) == service_days.model.rowCount() + 1


def _account_with_an_overdue_week(desk: Desk) -> int:
    with desk.engine.connect() as connection:
        items = updates_needing_attention(connection, desk.clock())
    return next(item.account_id for item in items if item.week.status is WeekStatus.OVERDUE)


def test_skipping_a_week_needs_a_reason_and_undo_takes_it_back(qtbot: QtBot, demo_desk: Desk) -> None:
    account = _account_with_an_overdue_week(demo_desk)
    tab = WeeklyUpdatesTab(demo_desk)
    qtbot.addWidget(tab)
    tab.set_account(account)
    tab.show()
    assert "overdue" in tab.summary_label.text()
    overdue_row = next(
        r for r in range(tab.model.rowCount()) if tab.model.index(r, tab.model.STATE).data() == "Overdue"
    )
    assert tab.model.index(overdue_row, tab.model.STATE).data(Qt.ItemDataRole.DecorationRole) is not None
    tab.table.selectRow(overdue_row)
    week = tab.selected_week()
    assert week is not None and tab.skip_button.isEnabled() and not tab.unskip_button.isEnabled()
    dialog = tab.make_skip_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.skip_button.isEnabled()
    dialog.reason.setPlainText("   ")
    assert not dialog.skip_button.isEnabled()
    dialog.reason.setPlainText("Customer closed for the holidays")
    assert dialog.skip_button.isEnabled()
    dialog.skip_button.click()
    with demo_desk.engine.connect() as connection:
        entry = week_entry(connection, account, week, demo_desk.clock())
    assert entry.status is WeekStatus.SKIPPED and entry.reason == "Customer closed for the holidays"
    assert tab.selected_week() == week and tab.unskip_button.isEnabled()
    assert tab.model.index(overdue_row, tab.model.REASON).data() == "Customer closed for the holidays"
    tab.undo_button.click()
    with demo_desk.engine.connect() as connection:
        assert week_entry(connection, account, week, demo_desk.clock()).status is WeekStatus.OVERDUE


def test_the_advisor_sets_the_week_updates_are_owed_from(qtbot: QtBot, demo_desk: Desk) -> None:
    account = _account_with_an_overdue_week(demo_desk)
    tab = WeeklyUpdatesTab(demo_desk)
    qtbot.addWidget(tab)
    tab.set_account(account)
    weeks = tab.model.rowCount()
    assert weeks >= 2 and "started tracking" in tab.start_label.text()
    assert "overdue update" in tab.summary_label.text() and "since" in tab.summary_label.text()
    with demo_desk.engine.connect() as connection:
        today = load_terms(connection)[account].local_today(demo_desk.clock())
    dialog = tab.make_start_week_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.date_edit.maximumDate().toPython() == today  # no start week after this one
    dialog.date_edit.setDate(QDate(today.year, today.month, today.day))
    assert dialog.week_label.text() == f"week {iso_week(today)}"
    dialog.accept()
    assert tab.model.rowCount() == 1 and "chosen by you" in tab.start_label.text()
    assert "overdue" not in tab.summary_label.text()
    tab.undo_button.click()
    assert tab.model.rowCount() == weeks
    dialog = tab.make_start_week_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.date_edit.setDate(QDate(today.year, today.month, today.day))
    dialog.accept()
    dialog = tab.make_start_week_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.reset_button.click()
    assert tab.model.rowCount() == weeks and "started tracking" in tab.start_label.text()


def test_contacts_tab_counts_against_the_limit(qtbot: QtBot, demo_desk: Desk) -> None:
    tab = ContactsTab(demo_desk)
    qtbot.addWidget(tab)
    with demo_desk.engine.connect() as connection:
        terms = load_terms(connection)
    for account_id in sorted(terms):
        tab.set_account(account_id)
        authorized = sum(
            tab.contacts_model.index(r, 2).data() == "Authorized" for r in range(tab.contacts_model.rowCount())
        )
        limit = terms[account_id].tier.authorized_contacts
        assert ("over the" in tab.summary_label.text()) is (limit is not None and authorized > limit)


def test_usage_import_lists_bad_rows_and_imports_the_good_ones(qtbot: QtBot, demo_desk: Desk, tmp_path: Path) -> None:
    account = _gold_account(demo_desk)
    tab = UsageTab(demo_desk)
    qtbot.addWidget(tab)
    tab.set_account(account)
    path = tmp_path / "usage.csv"
    with demo_desk.engine.connect() as connection:
        # A day of the last complete week, which the week-over-week table compares.
        day = terms_of(connection, account).local_today(demo_desk.clock()) - timedelta(days=7)
    path.write_text(
        f"account,metric,day,value\n{account},seats,{day},4\n{account},seats,nope,4\nNobody,x,2026-01-05,1\n"
    )
    dialog = tab.import_file(path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())] == ["3", "4"]
    assert dialog.import_button.text() == "Import the 1 good rows"
    with qtbot.waitSignal(tab.imported) as imported:
        dialog.import_button.click()
    assert imported.args == [1]
    assert tab.changes_model.rowCount() == 5


def test_a_late_update_reads_sent_late_with_its_time(qtbot: QtBot, demo_desk: Desk) -> None:
    now = demo_desk.clock()
    with demo_desk.engine.connect() as connection:
        owing = [account_id for account_id, t in load_terms(connection).items() if t.weekly_updates]
        account, week = next(
            (account_id, entry.iso_week)
            for account_id in owing
            for entry in week_history(connection, account_id, now)
            if entry.sent_at is not None and entry.sent_at > entry.due_at
        )
    tab = WeeklyUpdatesTab(demo_desk)
    qtbot.addWidget(tab)
    tab.set_account(account)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, tab.model.WEEK).data() == week)
    state = tab.model.index(row, tab.model.STATE)
    assert state.data() == "Sent late"
    assert state.data(Qt.ItemDataRole.ToolTipRole).startswith("Sent ")


def test_an_edit_keeps_the_contract_year_shown_and_an_account_opens_at_its_current_year(
    qtbot: QtBot, service_days: ServiceDaysTab, demo_desk: Desk
) -> None:
    from advisor_app.obligations.ledger import book_service_day

    account = _gold_account(demo_desk)
    current = service_days.selected_year()
    assert current is not None
    past_day = current.first_day - timedelta(days=30)
    for note in ("Kick-off", "Review"):
        book_service_day(
            demo_desk.engine, account, past_day, 2, "remote", note, now=demo_desk.clock(), confirm_over_allotment=True
        )
    service_days.set_account(account)
    assert service_days.year_combo.count() >= 2
    past = next(i for i, year in enumerate(service_days._years) if year.first_day <= past_day <= year.last_day)
    service_days.year_combo.setCurrentIndex(past)
    assert sorted(e.note for e in service_days._entries) == ["Kick-off", "Review"]
    service_days.table.selectRow(0)
    service_days.delete_selected()
    assert service_days.year_combo.currentIndex() == past, "the edit reloads the years, keeping the one shown"
    assert len(service_days._entries) == 1
    assert "Ctrl+Z brings it back" in service_days.status_label.text()
    service_days.set_account(account)  # shown anew (or another account): from its current year
    assert service_days.selected_year() == current and service_days.status_label.text() == ""
