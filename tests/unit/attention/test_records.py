"""Sessions, notified events and snoozes kept in the workspace; Today's lists and the new filters."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_app.attention import records, today
from advisor_app.attention.account import account_overview
from advisor_app.attention.alerts import Alert, AlertKind
from advisor_app.store import queries, schema
from advisor_app.store.queries import CaseFilter, CaseSort, ClockFilter
from advisor_app.workspace.desk import Desk


def test_the_previous_session_says_when_the_advisor_was_last_here(demo_desk: Desk) -> None:
    now = demo_desk.clock()
    first, last_here = records.open_session(demo_desk.engine, now)
    assert last_here is None
    records.close_session(demo_desk.engine, first, now + timedelta(hours=1))
    _, last_here = records.open_session(demo_desk.engine, now + timedelta(hours=9))
    assert last_here == now + timedelta(hours=1)
    # A session that never closed (a crash) counts from when it opened.
    _, last_here = records.open_session(demo_desk.engine, now + timedelta(hours=10))
    assert last_here == now + timedelta(hours=9)


def test_notified_events_and_snoozes_persist(demo_desk: Desk) -> None:
    now = demo_desk.clock()
    with demo_desk.engine.connect() as connection:
        case_id = connection.execute(select(schema.cases.c.id).limit(1)).scalar_one()
    alert = Alert(case_id, AlertKind.AT_RISK, now - timedelta(minutes=3))
    records.record_notified(demo_desk.engine, [alert], now)
    records.snooze_case(demo_desk.engine, case_id, now + timedelta(hours=1))
    records.snooze_case(demo_desk.engine, case_id, now + timedelta(hours=2))
    with demo_desk.engine.connect() as connection:
        assert records.notified_keys(connection, [case_id]) == {alert.key}
        assert records.snoozes(connection, now) == {case_id: now + timedelta(hours=2)}
        assert records.snoozes(connection, now + timedelta(hours=3)) == {}


def test_candidates_are_the_recent_events_and_the_next_instant_is_ahead(demo_desk: Desk) -> None:
    now = demo_desk.clock()
    with demo_desk.engine.connect() as connection:
        candidates = records.candidate_cases(connection, now)
        upcoming = records.next_clock_event_at(connection, now)
    assert all(case.active for case in candidates)
    assert upcoming is not None and upcoming > now


def test_today_lists_new_severity_1_and_what_changed(demo_desk: Desk) -> None:
    now = demo_desk.clock()
    since = now - timedelta(hours=24)
    with demo_desk.engine.connect() as connection:
        sev1 = today.new_sev1_cases(connection, since, now)
        changes = today.changes_since(connection, since, now)
    assert sev1 and all(item.case_id is not None for item in sev1)
    times = [item.at for item in sev1 if item.at is not None]
    assert len(times) == len(sev1) and times == sorted(times, reverse=True)
    assert changes.new_cases > 0 and changes.items
    assert len(changes.items) <= today.LIST_LIMIT


def test_a_sent_update_leaves_the_weekly_list(demo_desk: Desk) -> None:
    now = demo_desk.clock()
    with demo_desk.engine.connect() as connection:
        weekly, _service = today.obligation_items(connection, now)
    assert weekly
    # Overdue updates of past weeks come first, then this week's.
    assert weekly[0].facts["state"] == "overdue"
    first = next(item for item in weekly if item.facts["state"] in ("due", "drafted"))
    with Session(demo_desk.engine) as session, session.begin():
        session.add(
            schema.WeeklyUpdateRow(
                account_id=first.account_id, iso_week=first.facts["week"], state="sent", sent_at=now, updated_at=now
            )
        )
    with demo_desk.engine.connect() as connection:
        again, _service = today.obligation_items(connection, now)
        overview = account_overview(connection, first.account_id, now)
    assert (first.account_id, first.facts["week"]) not in {(item.account_id, item.facts["week"]) for item in again}
    assert overview.update_state == "sent"
    assert overview.contract_year[0] <= now.date() <= overview.contract_year[1]


def test_cases_filter_by_severity_status_and_text_in_sql(demo_desk: Desk) -> None:
    now = demo_desk.clock()
    with demo_desk.engine.connect() as connection:
        sev1 = queries.case_ids(connection, CaseFilter(severities=frozenset({1})), CaseSort.DUE, False)
        rows = queries.case_rows(connection, sev1[:200])
        assert sev1 and {row.severity for row in rows.values()} == {1}
        pending = queries.case_ids(
            connection, CaseFilter(active_only=False, statuses=frozenset({"pending"})), CaseSort.ID, False
        )
        assert {row.status for row in queries.case_rows(connection, pending[:200]).values()} == {"pending"}
        some = rows[sev1[0]]
        by_number = queries.case_ids(
            connection, CaseFilter(active_only=False, text=f"#{some.remote_id}"), CaseSort.ID, False
        )
        assert by_number == [some.id]
        word = some.subject.split()[0]
        by_word = queries.case_ids(connection, CaseFilter(active_only=False, text=word), CaseSort.ID, False)
        matched = queries.case_rows(connection, by_word[:200]).values()
        assert all(word.lower() in (r.subject + r.requester).lower() or r.remote_id == word for r in matched)
        assert queries.case_ids(connection, CaseFilter(text="100%_\\none"), CaseSort.ID, False) == []
        counting = queries.case_ids(connection, CaseFilter(clock=ClockFilter.COUNTING, now=now), CaseSort.DUE, False)
        states = {row.clock_state for row in queries.case_rows(connection, counting[:200]).values()}
        assert states <= {"running", "breached"}
