from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select

from advisor_app.errors import UsageImportError, WeeklyUpdateError
from advisor_app.obligations.attention import obligations_needing_attention
from advisor_app.obligations.contacts import contacts_of, contacts_summary, unauthorized_requester_cases
from advisor_app.obligations.journal import undo_last
from advisor_app.obligations.terms import load_terms, set_contract_override
from advisor_app.obligations.tracking import record_first_sync, set_updates_start
from advisor_app.obligations.updates import (
    skip_week,
    unskip_week,
    updates_needing_attention,
    week_entry,
    week_history,
    weeks_between,
)
from advisor_app.obligations.usage import (
    ComparedWeeks,
    account_lookup,
    compared_weeks,
    import_usage,
    read_usage_csv,
    read_usage_file,
    usage_series,
    week_over_week,
)
from advisor_app.obligations.weekly_updates import WeekStatus
from advisor_app.store import schema
from tests.unit.obligations.conftest import GOLD, NOW, PLATINUM_LEAP, SILVER

# Weekly updates ---------------------------------------------------------------------------


def test_weeks_spanning_a_new_year_and_week_53() -> None:
    assert weeks_between(date(2026, 12, 28), date(2027, 1, 12)) == ["2026-W53", "2027-W01", "2027-W02"]
    assert weeks_between(date(2024, 12, 29), date(2024, 12, 30)) == ["2024-W52", "2025-W01"]


def test_updates_are_owed_from_the_first_sync_not_the_contract_years_start(engine: Engine) -> None:
    # No sync recorded yet: only this week is owed (not the 37 weeks since the year began).
    with engine.connect() as connection:
        assert [entry.iso_week for entry in week_history(connection, GOLD, NOW)] == ["2026-W48"]
    # First synced on Thursday 5 November (2026-W45): three weeks overdue, this week due.
    assert record_first_sync(engine, datetime(2026, 11, 5, 9, 0, tzinfo=UTC)) == 3
    assert record_first_sync(engine, NOW) == 0  # once per account
    with engine.connect() as connection:
        history = week_history(connection, GOLD, NOW)
    assert [entry.iso_week for entry in history] == ["2026-W48", "2026-W47", "2026-W46", "2026-W45"]
    assert history[0].status is WeekStatus.DUE  # Friday 17:00 Denver is still ahead
    assert {entry.status for entry in history[1:]} == {WeekStatus.OVERDUE}


def test_a_contract_without_weekly_updates_lists_its_weeks_as_not_owed(engine: Engine) -> None:
    record_first_sync(engine, datetime(2026, 11, 5, 9, 0, tzinfo=UTC))
    with engine.connect() as connection:
        silver = week_history(connection, SILVER, NOW)
        gold = week_history(connection, GOLD, NOW)
    assert [entry.iso_week for entry in silver] == ["2026-W48", "2026-W47", "2026-W46", "2026-W45"]
    assert {entry.status for entry in silver} == {WeekStatus.NOT_OWED}, "past weeks are not overdue when not owed"
    assert WeekStatus.OVERDUE in {entry.status for entry in gold}


def test_the_advisor_sets_the_start_week_and_can_undo_it(engine: Engine) -> None:
    record_first_sync(engine, datetime(2026, 11, 5, 9, 0, tzinfo=UTC))
    set_updates_start(engine, GOLD, "2026-W47", now=NOW)
    with engine.connect() as connection:
        assert [entry.iso_week for entry in week_history(connection, GOLD, NOW)] == ["2026-W48", "2026-W47"]
        # Never before the contract's start: Silver's contract began on 2026-01-01 (2026-W01).
        assert load_terms(connection)[SILVER].updates_owed_from(NOW) == date(2026, 11, 2)
    set_updates_start(engine, SILVER, "2025-W40", now=NOW)
    with engine.connect() as connection:
        assert load_terms(connection)[SILVER].updates_owed_from(NOW) == date(2025, 12, 29)
    with pytest.raises(WeeklyUpdateError, match=r"start week 2026-W49: it is after this week \(2026-W48\)"):
        set_updates_start(engine, GOLD, "2026-W49", now=NOW)
    with pytest.raises(WeeklyUpdateError, match="is not an ISO week"):
        set_updates_start(engine, GOLD, "week 47", now=NOW)
    undo_last(engine, NOW, GOLD)
    with engine.connect() as connection:
        assert len(week_history(connection, GOLD, NOW)) == 4  # back to the first sync's week
    set_updates_start(engine, GOLD, "2026-W46", now=NOW)
    set_updates_start(engine, GOLD, None, now=NOW)
    with engine.connect() as connection:
        assert week_history(connection, GOLD, NOW)[-1].iso_week == "2026-W45"


def test_a_history_across_week_53(engine: Engine) -> None:
    later = datetime(2027, 1, 6, 12, 0, tzinfo=UTC)
    record_first_sync(engine, datetime(2026, 12, 1, tzinfo=UTC))
    with engine.connect() as connection:
        weeks = [entry.iso_week for entry in week_history(connection, GOLD, later)]
    assert weeks == ["2027-W01", "2026-W53", "2026-W52", "2026-W51", "2026-W50", "2026-W49"]


def test_due_time_per_account_in_its_zone(engine: Engine) -> None:
    with engine.connect() as connection:
        # Tokyo: Friday 17:00 JST is 08:00 UTC; Denver: Friday 17:00 MST is Saturday 00:00 UTC.
        assert week_entry(connection, PLATINUM_LEAP, "2026-W48", NOW).due_at == datetime(2026, 11, 27, 8, 0, tzinfo=UTC)
        assert week_entry(connection, GOLD, "2026-W48", NOW).due_at == datetime(2026, 11, 28, 0, 0, tzinfo=UTC)
    set_contract_override(engine, PLATINUM_LEAP, now=NOW, due_weekday=2, due_time=time(9, 0))
    with engine.connect() as connection:
        entry = week_entry(connection, PLATINUM_LEAP, "2026-W48", NOW)
    # Wednesday 09:00 in Tokyo is 00:00 UTC, before NOW (12:00 UTC): overdue.
    assert entry.due_at == datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
    assert entry.status is WeekStatus.OVERDUE


def test_skipping_needs_a_reason_and_can_be_taken_back(engine: Engine) -> None:
    with pytest.raises(WeeklyUpdateError, match="skip 2026-W47: a reason is required"):
        skip_week(engine, GOLD, "2026-W47", "   ", now=NOW)
    skip_week(engine, GOLD, "2026-W47", " Customer on holiday ", now=NOW)
    with engine.connect() as connection:
        entry = week_entry(connection, GOLD, "2026-W47", NOW)
        assert (entry.status, entry.reason) == (WeekStatus.SKIPPED, "Customer on holiday")
    unskip_week(engine, GOLD, "2026-W47", now=NOW)
    with engine.connect() as connection:
        assert week_entry(connection, GOLD, "2026-W47", NOW).status is WeekStatus.OVERDUE
        assert connection.execute(select(schema.weekly_updates)).all() == []
    with pytest.raises(WeeklyUpdateError, match="not skipped"):
        unskip_week(engine, GOLD, "2026-W47", now=NOW)


def test_a_skipped_draft_keeps_its_body_and_a_sent_week_cannot_be_skipped(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            insert(schema.weekly_updates),
            [
                {
                    "account_id": GOLD,
                    "iso_week": "2026-W46",
                    "state": "drafted",
                    "body": "Draft",
                    "reason": "",
                    "sent_at": None,
                    "updated_at": NOW,
                },
                {
                    "account_id": GOLD,
                    "iso_week": "2026-W45",
                    "state": "sent",
                    "body": "Sent",
                    "reason": "",
                    "sent_at": NOW,
                    "updated_at": NOW,
                },
            ],
        )
    with pytest.raises(WeeklyUpdateError, match="already sent"):
        skip_week(engine, GOLD, "2026-W45", "No need", now=NOW)
    skip_week(engine, GOLD, "2026-W46", "No need", now=NOW)
    unskip_week(engine, GOLD, "2026-W46", now=NOW)
    with engine.connect() as connection:
        entry = week_entry(connection, GOLD, "2026-W46", NOW)
        assert entry.has_draft and entry.status is WeekStatus.OVERDUE  # drafted, past due
    undo_last(engine, NOW, GOLD)  # the unskip
    undo_last(engine, NOW, GOLD)  # the skip
    with engine.connect() as connection:
        state, body = connection.execute(
            select(schema.weekly_updates.c.state, schema.weekly_updates.c.body).where(
                schema.weekly_updates.c.iso_week == "2026-W46"
            )
        ).one()
        assert (state, body) == ("drafted", "Draft")


def test_updates_needing_attention_include_overdue_weeks_of_the_past(engine: Engine) -> None:
    record_first_sync(engine, datetime(2026, 11, 5, 9, 0, tzinfo=UTC))  # 2026-W45
    skip_week(engine, PLATINUM_LEAP, "2026-W47", "Handover", now=NOW)
    skip_week(engine, PLATINUM_LEAP, "2026-W46", "Handover", now=NOW)
    skip_week(engine, PLATINUM_LEAP, "2026-W45", "Handover", now=NOW)
    skip_week(engine, GOLD, "2026-W46", "Customer on holiday", now=NOW)
    with engine.connect() as connection:
        items = updates_needing_attention(connection, NOW)
    # Silver owes none; Gold's W45 and W47 are overdue (W46 skipped); both owe this week (due Friday).
    assert [(i.account_id, i.week.iso_week, i.week.status) for i in items] == [
        (GOLD, "2026-W45", WeekStatus.OVERDUE),
        (GOLD, "2026-W47", WeekStatus.OVERDUE),
        (PLATINUM_LEAP, "2026-W48", WeekStatus.DUE),
        (GOLD, "2026-W48", WeekStatus.DUE),
    ]
    assert all(i.account_id != SILVER for i in items)


def test_one_attention_answer_for_today_and_the_account(engine: Engine) -> None:
    """Today's lists and the Account 360 come from the same functions: contacts over the limit,
    service days by the one lapse rule in the account's zone, overdue updates."""
    record_first_sync(engine, datetime(2026, 11, 5, 9, 0, tzinfo=UTC))
    with engine.connect() as connection:
        attention = obligations_needing_attention(connection, NOW)
        summary = contacts_summary(connection, GOLD)
        gold_history = week_history(connection, GOLD, NOW)
    assert [(c.account_id, c.summary.authorized, c.summary.limit) for c in attention.contacts] == [(GOLD, 4, 3)]
    assert attention.contacts[0].summary == summary
    overdue_on_today = [
        i.week.iso_week for i in attention.updates if i.account_id == GOLD and i.week.status.value == "overdue"
    ]
    overdue_in_tab = sorted(e.iso_week for e in gold_history if e.status is WeekStatus.OVERDUE)
    assert overdue_on_today == overdue_in_tab == ["2026-W45", "2026-W46", "2026-W47"]


# Contacts ---------------------------------------------------------------------------------


def test_authorized_contacts_against_the_limit(engine: Engine) -> None:
    with engine.connect() as connection:
        summary = contacts_summary(connection, GOLD)
        assert (summary.authorized, summary.limit, summary.total, summary.over_limit) == (4, 3, 6, True)
        assert [c.authorized for c in contacts_of(connection, GOLD)] == [True] * 4 + [False] * 2
        assert contacts_summary(connection, SILVER).over_limit is False


def test_cases_from_requesters_who_are_not_authorized(engine: Engine) -> None:
    with engine.connect() as connection:
        assert [c.case_id for c in unauthorized_requester_cases(connection, GOLD)] == [11]
        assert {c.case_id for c in unauthorized_requester_cases(connection)} == {11, 12}


# Usage ------------------------------------------------------------------------------------

BROKEN = """account,metric,day,value
Acme Gold,active_users,2026-11-01,10
acme gold,active_users,2026-11-02,12.5
2,active_users,2026-11-01,7
Nobody Inc,active_users,2026-11-01,3
Acme Gold,,2026-11-01,3
Acme Gold,active_users,2026-13-01,3
Acme Gold,active_users,2026-11-03,lots
Acme Gold,active_users,2026-11-04,-1
Acme Gold,active_users,2026-11-01,11
Acme Gold,active_users

Acme Gold,storage_gb,2026-11-01,"1.5"
"""


def test_a_broken_file_reports_every_bad_row_by_line(engine: Engine) -> None:
    with engine.connect() as connection:
        parsed = read_usage_csv(BROKEN, account_lookup(connection))
    assert [(row.line, row.account_id, row.metric, row.value) for row in parsed.good] == [
        (2, GOLD, "active_users", 10.0),
        (3, GOLD, "active_users", 12.5),
        (4, PLATINUM_LEAP, "active_users", 7.0),
        (13, GOLD, "storage_gb", 1.5),
    ]
    assert [(row.line, row.message) for row in parsed.bad] == [
        (5, "account 'Nobody Inc' is neither an account id nor an account name"),
        (6, "metric is empty"),
        (7, "day '2026-13-01' is not a date like 2026-11-24"),
        (8, "value 'lots' is not a number"),
        (9, "value '-1' is not a number of zero or more"),
        (10, "repeats line 2 (same account, metric and day)"),
        (11, "2 fields where the header has 4"),
    ]
    with pytest.raises(UsageImportError, match=r"7 bad row\(s\) \(first: line 5: .*nothing was imported"):
        import_usage(engine, parsed)
    with engine.connect() as connection:
        assert connection.execute(select(schema.usage_metrics)).all() == []
    assert import_usage(engine, parsed, import_good_rows=True) == 4
    with engine.connect() as connection:
        assert usage_series(connection, GOLD) == {
            "active_users": [(date(2026, 11, 1), 10.0), (date(2026, 11, 2), 12.5)],
            "storage_gb": [(date(2026, 11, 1), 1.5)],
        }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("account,metric,value\nAcme Gold,x,1\n", "line 1: the header lacks the column\\(s\\) day"),
    ],
)
def test_a_file_without_the_columns_is_refused_whole(engine: Engine, text: str, message: str) -> None:
    with engine.connect() as connection, pytest.raises(UsageImportError, match=message):
        read_usage_csv(text, account_lookup(connection))


def test_the_file_reader_takes_a_bom_and_reorders_columns(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "usage.csv"
    path.write_text("\ufeffValue,Day,Metric,Account,extra\n5,2026-11-01,logins,1,x\n", encoding="utf-8")
    with engine.connect() as connection:
        parsed = read_usage_file(connection, path)
    assert not parsed.bad and parsed.good[0].value == 5.0 and parsed.good[0].account_id == GOLD
    (tmp_path / "latin.csv").write_bytes("account,metric,day,value\nM\xfcller,a,2026-11-01,1\n".encode("latin-1"))
    with engine.connect() as connection, pytest.raises(UsageImportError, match="not UTF-8"):
        read_usage_file(connection, tmp_path / "latin.csv")


def test_week_over_week_compares_mean_daily_values_of_complete_weeks() -> None:
    sunday = date(2026, 11, 22)  # the end of 2026-W47
    series = {
        "logins": [(sunday - timedelta(days=d), 10.0 if d < 7 else 8.0) for d in range(13, -1, -1)]
        + [(date(2026, 11, 23), 50.0)],  # Monday of the running week is left out
        "new": [(sunday, 3.0)],
        "gone": [(sunday - timedelta(days=8), 1.0)],  # nothing in the compared week: not listed
    }
    weeks = compared_weeks(date(2026, 11, 24))
    assert (weeks.week, weeks.previous) == ("2026-W47", "2026-W46")
    assert (weeks.first_day, weeks.last_day) == (date(2026, 11, 16), sunday)
    changes = {change.metric: change for change in week_over_week(series, weeks)}
    assert set(changes) == {"logins", "new"}
    assert changes["logins"].this_week == 10.0 and changes["logins"].previous_week == 8.0
    assert changes["logins"].change == pytest.approx(0.25)
    assert changes["new"].previous_week is None and changes["new"].change is None


def test_compared_weeks_are_complete_ones() -> None:
    monday, sunday = date(2026, 11, 23), date(2026, 11, 29)  # 2026-W48
    # While W48 runs (even on its Sunday), W47 is the last complete week.
    assert compared_weeks(monday).week == compared_weeks(sunday).week == "2026-W47"
    assert compared_weeks(monday, "2026-W48").week == "2026-W47"
    assert compared_weeks(monday + timedelta(days=7), "2026-W48").week == "2026-W48"
    assert compared_weeks(monday, "2026-W40") == ComparedWeeks("2026-W40", "2026-W39")
    assert compared_weeks(date(2027, 1, 5)) == ComparedWeeks("2026-W53", "2026-W52")
