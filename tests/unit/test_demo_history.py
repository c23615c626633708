"""The demo's history is stable across syncs, and its weekly updates tell a believable story."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from advisor_app.attention.alerts import due_alerts
from advisor_app.attention.records import candidate_cases, notified_keys, record_notified
from advisor_app.obligations.terms import load_terms
from advisor_app.obligations.updates import updates_needing_attention, week_history
from advisor_app.obligations.weekly_updates import WeekStatus
from advisor_app.store import database, schema
from advisor_app.store.clocks import recompute_on_change
from advisor_app.sync.engine import run_sync
from advisor_app.sync.providers.demo import demo_source
from advisor_app.workspace.desk import Desk

ANCHOR = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = database.open_database(tmp_path / "advisor.db", tmp_path / "backups", ANCHOR)
    yield engine
    engine.dispose()


def sync_at(engine: Engine, now: datetime) -> int:
    """Sync the tiny demo as of `now`; returns how many records were written."""
    report = run_sync(
        engine, demo_source(7, "tiny", now), lambda: now, on_cases_changed=recompute_on_change(lambda: now)
    )
    return sum(stream.written for stream in report.streams.values())


def snapshot(engine: Engine) -> tuple[dict[str, tuple], dict[str, tuple]]:
    c, e = schema.cases.c, schema.case_events.c
    with engine.connect() as connection:
        cases = {row[0]: tuple(row[1:]) for row in connection.execute(select(c.remote_id, c.created_at, c.subject))}
        events = {
            row[0]: tuple(row[1:]) for row in connection.execute(select(e.remote_id, e.at, e.kind, e.value, e.author))
        }
    return cases, events


def test_a_later_sync_keeps_the_history_and_adds_what_happened_since(engine: Engine) -> None:
    sync_at(engine, ANCHOR)
    cases_before, events_before = snapshot(engine)
    assert len(cases_before) == 60
    later = ANCHOR + timedelta(days=4, hours=3)
    sync_at(engine, later)
    cases_after, events_after = snapshot(engine)
    # Nothing moved to "now": every case and event stored before is exactly as it was.
    assert {key: cases_after[key] for key in cases_before} == cases_before
    assert {key: events_after[key] for key in events_before} == events_before
    # Time went on: new cases arrived after the anchor, and stories continued.
    new_cases = set(cases_after) - set(cases_before)
    assert new_cases and all(ANCHOR < cases_after[key][0] <= later for key in new_cases)
    assert len(events_after) > len(events_before)
    assert max(at for at, *_ in events_after.values()) <= later
    # The same present again: nothing to write.
    assert sync_at(engine, later) == 0


def test_a_re_sync_does_not_repeat_alerts(engine: Engine) -> None:
    sync_at(engine, ANCHOR)
    with engine.connect() as connection:
        cases = candidate_cases(connection, ANCHOR)
        first = due_alerts(cases, ANCHOR, notified_keys(connection, [c.case_id for c in cases]), {})
    record_notified(engine, first, ANCHOR)
    later = ANCHOR + timedelta(minutes=15)
    sync_at(engine, later)
    with engine.connect() as connection:
        cases = candidate_cases(connection, later)
        again = due_alerts(cases, later, notified_keys(connection, [c.case_id for c in cases]), {})
    told = {alert.key for alert in first}
    assert not told & {alert.key for alert in again}
    assert not {alert.case_id for alert in first if alert.kind == "new_sev1"} & {
        alert.case_id for alert in again if alert.kind == "new_sev1"
    }


def test_the_demo_weekly_updates_are_mostly_sent_a_few_late_or_skipped(demo_desk: Desk) -> None:
    now = demo_desk.clock()
    statuses: Counter[WeekStatus] = Counter()
    late = 0
    with demo_desk.engine.connect() as connection:
        terms = load_terms(connection)
        owing = [account_id for account_id, t in terms.items() if t.weekly_updates]
        assert len(owing) >= 10
        for account_id in owing:
            history = week_history(connection, account_id, now)
            assert len(history) <= 10, "owed since the demo began tracking, not since the contract year began"
            past = history[1:]
            statuses.update(entry.status for entry in past)
            late += sum(1 for entry in past if entry.sent_at is not None and entry.sent_at > entry.due_at)
        attention = updates_needing_attention(connection, now)
    past_weeks = sum(statuses.values())
    assert statuses[WeekStatus.SENT] >= 0.7 * past_weeks
    assert 0 < statuses[WeekStatus.SKIPPED] < 0.15 * past_weeks
    assert 0 < late < 0.25 * past_weeks
    assert 0 < statuses[WeekStatus.OVERDUE] <= len(owing)
    overdue = [item for item in attention if item.week.status is WeekStatus.OVERDUE]
    assert len(overdue) == statuses[WeekStatus.OVERDUE]
