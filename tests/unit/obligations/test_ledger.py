from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select

from advisor_app.errors import ContractOverrideError, OverAllotmentError, ServiceDayError
from advisor_app.obligations.journal import last_edit, undo_last
from advisor_app.obligations.ledger import (
    LAPSE_WARNING_DAYS,
    account_balance,
    balances_needing_attention,
    book_service_day,
    contract_years_booked,
    correct_service_day,
    delete_service_day,
    ledger,
    ledger_csv,
)
from advisor_app.obligations.terms import load_terms, set_contract_override, terms_of
from advisor_app.store import schema
from tests.unit.obligations.conftest import GOLD, NOW, PLATINUM_LEAP, SILVER


def test_allotment_comes_from_the_tier_until_the_contract_overrides_it(engine: Engine) -> None:
    with engine.connect() as connection:
        assert terms_of(connection, GOLD).allotted_half_days == 6
        assert terms_of(connection, SILVER).allotted_half_days == 0
        assert terms_of(connection, SILVER).weekly_updates is False  # no named advisor
    set_contract_override(
        engine, SILVER, now=NOW, service_days=2.5, weekly_updates=True, due_weekday=0, due_time=time(9, 30)
    )
    with engine.connect() as connection:
        silver = terms_of(connection, SILVER)
        assert (silver.allotted_half_days, silver.weekly_updates, silver.due_weekday, silver.due_time) == (
            5,
            True,
            0,
            time(9, 30),
        )
        assert silver.overridden == {"service_days", "weekly_updates", "due_weekday", "due_time"}
        assert account_balance(connection, SILVER, NOW).remaining == 5
    set_contract_override(engine, SILVER, now=NOW)  # back to the tier's values
    with engine.connect() as connection:
        assert terms_of(connection, SILVER).allotted_half_days == 0
        assert terms_of(connection, SILVER).overridden == frozenset()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"service_days": 1.25}, "not a whole number of half days"),
        ({"service_days": -1}, "outside 0 to 365"),
        ({"due_weekday": 7}, "not 0 \\(Monday\\) to 6"),
        ({"due_time": time(17, 0, 30)}, "whole minutes"),
    ],
)
def test_bad_overrides_are_refused(engine: Engine, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ContractOverrideError, match=message):
        set_contract_override(engine, GOLD, now=NOW, **kwargs)


def test_booking_in_half_days_with_kind_note_and_cases(engine: Engine) -> None:
    entry_id = book_service_day(engine, GOLD, date(2026, 4, 2), 3, "onsite", "Kick-off", [10, 11], now=NOW)
    book_service_day(engine, GOLD, date(2026, 5, 2), 1, "remote", now=NOW)
    with engine.connect() as connection:
        entries = ledger(connection, GOLD)
        assert [(e.day, e.half_days, e.kind.value, e.note, e.case_ids) for e in entries] == [
            (date(2026, 4, 2), 3, "onsite", "Kick-off", (10, 11)),
            (date(2026, 5, 2), 1, "remote", "", ()),
        ]
        assert entries[0].id == entry_id
        current = account_balance(connection, GOLD, NOW)
        assert (current.used, current.remaining) == (4, 2)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"half_days": 0}, "amount: 0 half days is outside 1 to 20"),
        ({"kind": "lunch"}, "kind: 'lunch' is not one of onsite, remote, workshop, training"),
        ({"day": date(2027, 3, 15)}, "date: 2027-03-15 is after the current contract year, which ends on 2027-03-14"),
        ({"case_ids": [12]}, "linked cases: case 12 belongs to another account"),
        ({"case_ids": [99]}, "linked cases: case 99 does not exist"),
        ({"case_ids": [10, 10]}, "a case is listed twice"),
        ({"note": "x" * 2001}, "note: 2001 characters is more than 2000"),
    ],
)
def test_bad_entries_are_refused_with_the_field_named(engine: Engine, fields: dict[str, Any], message: str) -> None:
    values: dict[str, Any] = {"day": date(2026, 4, 2), "half_days": 2, "kind": "remote", "note": "", "case_ids": []}
    values |= fields
    with pytest.raises(ServiceDayError, match=message):
        book_service_day(engine, GOLD, now=NOW, **values)
    with engine.connect() as connection:
        assert ledger(connection, GOLD) == []
        assert last_edit(connection) is None


def test_booking_beyond_the_allotment_needs_confirmation_and_is_flagged(engine: Engine) -> None:
    book_service_day(engine, GOLD, date(2026, 4, 2), 5, "onsite", now=NOW)
    with pytest.raises(OverAllotmentError, match=r"to 3\.5 of 3 allotted days; confirm") as refused:
        book_service_day(engine, GOLD, date(2026, 6, 2), 2, "remote", now=NOW)
    assert (refused.value.allotted_half_days, refused.value.used_half_days) == (6, 5)
    book_service_day(engine, GOLD, date(2026, 6, 2), 2, "remote", now=NOW, confirm_over_allotment=True)
    with engine.connect() as connection:
        assert [e.over_allotment for e in ledger(connection, GOLD)] == [False, True]
        assert account_balance(connection, GOLD, NOW).over_allotment
        attention = balances_needing_attention(connection, NOW)
        assert (attention[0].account_id, attention[0].reason) == (GOLD, "over_allotment")
    # Silver's allotment is 0: any booking is beyond it.
    with pytest.raises(OverAllotmentError):
        book_service_day(engine, SILVER, date(2026, 2, 2), 1, "remote", now=NOW)


def test_a_correction_does_not_count_the_entry_twice(engine: Engine) -> None:
    entry = book_service_day(engine, GOLD, date(2026, 4, 2), 6, "onsite", now=NOW)
    correct_service_day(engine, entry, date(2026, 4, 3), 5, "workshop", "Shortened", [10], now=NOW)
    with engine.connect() as connection:
        (only,) = ledger(connection, GOLD)
        assert (only.day, only.half_days, only.kind.value, only.note, only.case_ids) == (
            date(2026, 4, 3),
            5,
            "workshop",
            "Shortened",
            (10,),
        )
    with pytest.raises(OverAllotmentError):
        correct_service_day(engine, entry, date(2026, 4, 3), 7, "workshop", now=NOW)


def test_contract_years_roll_over_on_the_contract_date_and_old_days_lapse(engine: Engine) -> None:
    # Gold's contract date is 15 March: the current year is 2026-03-15 .. 2027-03-14.
    book_service_day(engine, GOLD, date(2026, 3, 14), 4, "onsite", now=NOW)  # the last day of the previous year
    book_service_day(engine, GOLD, date(2026, 3, 15), 1, "onsite", now=NOW)
    with engine.connect() as connection:
        current = account_balance(connection, GOLD, NOW)
        assert (current.year.first_day, current.year.last_day, current.used) == (
            date(2026, 3, 15),
            date(2027, 3, 14),
            1,
        )
        next_year = account_balance(connection, GOLD, NOW.replace(year=2027, month=3, day=15, hour=18))
        assert (next_year.year.first_day, next_year.used, next_year.remaining) == (date(2027, 3, 15), 0, 6)
        years = contract_years_booked(connection, GOLD, NOW)
        assert [y.first_day for y in years] == [date(2026, 3, 15), date(2025, 3, 15)]


def test_a_contract_starting_on_29_february(engine: Engine) -> None:
    # Contract date 2024-02-29: in 2026 the year starts on 28 February and ends 27 February 2027.
    with engine.connect() as connection:
        year = terms_of(connection, PLATINUM_LEAP).current_year(NOW)
    assert (year.first_day, year.last_day) == (date(2026, 2, 28), date(2027, 2, 27))
    book_service_day(engine, PLATINUM_LEAP, date(2026, 2, 27), 2, "remote", now=NOW)  # previous year
    book_service_day(engine, PLATINUM_LEAP, date(2026, 2, 28), 3, "remote", now=NOW)
    with engine.connect() as connection:
        assert account_balance(connection, PLATINUM_LEAP, NOW).used == 3
        leap_year = terms_of(connection, PLATINUM_LEAP).year_of(date(2028, 3, 1))
    assert (leap_year.first_day, leap_year.last_day) == (date(2028, 2, 29), date(2029, 2, 27))


def test_the_contract_year_follows_the_account_zone(engine: Engine) -> None:
    # 2027-03-14 20:00 in Denver is already 15 March in UTC: still the old year for the account.
    late = NOW.replace(year=2027, month=3, day=15, hour=2)
    with engine.connect() as connection:
        assert terms_of(connection, GOLD).current_year(late).last_day == date(2027, 3, 14)


def test_undo_restores_exactly_and_survives_a_new_engine(engine: Engine) -> None:
    first = book_service_day(engine, GOLD, date(2026, 4, 2), 3, "onsite", "Kick-off", [10], now=NOW)
    correct_service_day(engine, first, date(2026, 4, 3), 2, "remote", "Changed", [11], now=NOW + timedelta(hours=1))
    second = book_service_day(engine, GOLD, date(2026, 5, 1), 1, "training", now=NOW)
    delete_service_day(engine, first, now=NOW)
    with engine.connect() as connection:
        assert [e.id for e in ledger(connection, GOLD)] == [second]
        edit = last_edit(connection, GOLD)
        assert edit is not None and edit.description == "Delete the entry of 2026-04-03"

    # A restart: a new engine on the same file still knows what to undo.
    url = engine.url
    engine.dispose()
    from sqlalchemy import create_engine

    reopened = create_engine(url)
    try:
        undone = undo_last(reopened, NOW, GOLD)
        assert undone.description == "Delete the entry of 2026-04-03"
        with reopened.connect() as connection:
            restored = ledger(connection, GOLD)[0]
            assert (restored.id, restored.day, restored.half_days, restored.note, restored.case_ids) == (
                first,
                date(2026, 4, 3),
                2,
                "Changed",
                (11,),
            )
        undo_last(reopened, NOW, GOLD)  # the booking of 1 May
        undo_last(reopened, NOW, GOLD)  # the correction
        with reopened.connect() as connection:
            (entry,) = ledger(connection, GOLD)
            assert (entry.day, entry.half_days, entry.kind.value, entry.note, entry.case_ids) == (
                date(2026, 4, 2),
                3,
                "onsite",
                "Kick-off",
                (10,),
            )
            updated = connection.execute(
                select(schema.service_day_entries.c.updated_at).where(schema.service_day_entries.c.id == first)
            ).scalar_one()
            assert updated == NOW
        undo_last(reopened, NOW, GOLD)  # the first booking
        with reopened.connect() as connection:
            assert ledger(connection, GOLD) == []
            assert connection.execute(select(schema.service_day_cases)).all() == []
            assert last_edit(connection, GOLD) is None
        from advisor_app.errors import UndoError

        with pytest.raises(UndoError, match="nothing to undo"):
            undo_last(reopened, NOW, GOLD)
    finally:
        reopened.dispose()


def test_undo_refuses_when_the_row_changed_since(engine: Engine) -> None:
    from sqlalchemy import update

    from advisor_app.errors import UndoError

    entry = book_service_day(engine, GOLD, date(2026, 4, 2), 3, "onsite", now=NOW)
    with engine.begin() as connection:
        connection.execute(
            update(schema.service_day_entries).where(schema.service_day_entries.c.id == entry).values(note="later")
        )
    with pytest.raises(UndoError, match="changed since"):
        undo_last(engine, NOW, GOLD)
    with engine.connect() as connection:
        assert ledger(connection, GOLD)[0].note == "later"


def test_undo_of_a_contract_override(engine: Engine) -> None:
    set_contract_override(engine, GOLD, now=NOW, service_days=5)
    set_contract_override(engine, GOLD, now=NOW, service_days=7)
    undo_last(engine, NOW, GOLD)
    with engine.connect() as connection:
        assert terms_of(connection, GOLD).allotted_half_days == 10
    undo_last(engine, NOW, GOLD)
    with engine.connect() as connection:
        assert terms_of(connection, GOLD).allotted_half_days == 6


def test_ledger_csv_per_contract_year(engine: Engine) -> None:
    book_service_day(engine, GOLD, date(2026, 3, 1), 2, "onsite", "Old year", now=NOW)
    book_service_day(engine, GOLD, date(2026, 4, 2), 3, "workshop", 'Dashboards, "KPIs"', [10, 11], now=NOW)
    book_service_day(engine, GOLD, date(2026, 6, 2), 4, "remote", now=NOW, confirm_over_allotment=True)
    with engine.connect() as connection:
        text = ledger_csv(connection, GOLD, terms_of(connection, GOLD).current_year(NOW))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows == [
        ["date", "days", "kind", "note", "linked_cases", "over_allotment"],
        ["2026-04-02", "1.5", "workshop", 'Dashboards, "KPIs"', "100 101", ""],
        ["2026-06-02", "2", "remote", "", "", "yes"],
    ]


def test_the_lapse_warning_starts_by_the_accounts_own_date(engine: Engine) -> None:
    """One rule (LAPSE_WARNING_DAYS before the year's last day), judged by the date in the
    account's zone: at 00:30 in Tokyo it is still the day before in UTC."""
    with engine.connect() as connection:
        terms = load_terms(connection)[PLATINUM_LEAP]
        last_day = terms.current_year(NOW).last_day
        first_warning_day = last_day - timedelta(days=LAPSE_WARNING_DAYS)
        tokyo = ZoneInfo("Asia/Tokyo")
        warned_at = datetime.combine(first_warning_day, time(0, 30), tzinfo=tokyo).astimezone(UTC)
        assert warned_at.date() < first_warning_day  # UTC still says the day before
        before = {
            a.account_id: a.reason for a in balances_needing_attention(connection, warned_at - timedelta(hours=1))
        }
        after = {a.account_id: a.reason for a in balances_needing_attention(connection, warned_at)}
    assert PLATINUM_LEAP not in before
    assert after[PLATINUM_LEAP] == "lapsing"  # nothing used yet: the whole allotment would lapse
