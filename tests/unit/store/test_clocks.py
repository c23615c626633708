"""Clocks kept with the cases: recomputed for exactly the touched cases, after calendar edits,
and for workspaces upgraded from before clocks existed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, update

from advisor_app.domain import Account, Case, CaseEvent, CaseStatus, ContractStatus, EventKind, Severity
from advisor_app.sla import CalendarSpecError, load_calendar
from advisor_app.store import database, schema
from advisor_app.store.clocks import (
    business_time_left,
    clocks_for_cases,
    edit_calendar,
    recompute_missing_clocks,
    recompute_on_change,
)
from advisor_app.sync.engine import run_sync
from advisor_app.sync.provider import Page

# Monday 2026-11-16, 09:00 in Berlin (08:00 UTC); the "de" calendar is 09:00-18:00 Mon-Fri.
MONDAY_0900 = datetime(2026, 11, 16, 8, 0, tzinfo=UTC)


class Provider:
    source = "test"
    identity = "test://clocks"

    def __init__(self, streams: dict[str, list[Page]]) -> None:
        self.streams = streams

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        yield from self.streams.get(stream, [])


def account(tier: str = "gold", region: str = "de") -> Account:
    return Account(
        "test",
        "a1",
        "Acme GmbH",
        tier,
        region,
        "Europe/Berlin",
        date(2026, 1, 1),
        "Alex",
        ContractStatus.ACTIVE,
        MONDAY_0900,
    )


def case(remote_id: str, severity: Severity = Severity.MAJOR, created: datetime = MONDAY_0900) -> Case:
    return Case("test", remote_id, "a1", "Broken", "", "c@acme.example", severity, CaseStatus.NEW, created, created)


def message(case_id: str, n: int, at: datetime) -> CaseEvent:
    return CaseEvent("test", f"{case_id}-{n}", case_id, EventKind.CUSTOMER_MESSAGE, at, "c@acme.example", "help")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = database.open_database(tmp_path / "c.db", tmp_path / "b", MONDAY_0900)
    yield engine
    engine.dispose()


def sync(engine: Engine, now: datetime, **streams: list[Page]) -> set[int]:
    report = run_sync(engine, Provider(streams), lambda: now, on_cases_changed=recompute_on_change(lambda: now))
    return report.case_ids


def stored(engine: Engine, remote_id: str) -> dict[str, Any]:
    c = schema.cases.c
    with engine.connect() as connection:
        row = connection.execute(select(schema.cases).where(c.remote_id == remote_id)).one()
    return dict(row._mapping)


def test_a_synced_case_gets_its_first_response_deadline_in_business_hours(engine: Engine) -> None:
    sync(engine, MONDAY_0900, accounts=[Page("accounts", [account()], "a")], cases=[Page("cases", [case("1")], "c")])
    row = stored(engine, "1")
    # Gold, Severity 2: 8 business hours from Monday 09:00 Berlin = Monday 17:00 Berlin.
    assert row["clock_state"] == "running"
    assert row["clock_kind"] == "first_response"
    assert row["clock_deadline"] == datetime(2026, 11, 16, 16, 0, tzinfo=UTC)
    # At risk at 75 % (6 h) or one business hour left (7 h): the earlier, 15:00 Berlin.
    assert row["clock_at_risk_at"] == datetime(2026, 11, 16, 14, 0, tzinfo=UTC)


def test_severity_1_runs_around_the_clock(engine: Engine) -> None:
    friday_evening = datetime(2026, 11, 20, 19, 0, tzinfo=UTC)
    sync(
        engine,
        friday_evening,
        accounts=[Page("accounts", [account()], "a")],
        cases=[Page("cases", [case("1", Severity.CRITICAL, friday_evening)], "c")],
    )
    assert stored(engine, "1")["clock_deadline"] == friday_evening + timedelta(hours=4)


def test_an_unpublished_tier_gets_no_countdown(engine: Engine) -> None:
    sync(
        engine,
        MONDAY_0900,
        accounts=[Page("accounts", [account(tier="standard")], "a")],
        cases=[Page("cases", [case("1")], "c")],
    )
    row = stored(engine, "1")
    assert row["clock_state"] == "no_target"
    assert row["clock_deadline"] is None


def test_only_the_touched_cases_are_recomputed(engine: Engine) -> None:
    sync(
        engine,
        MONDAY_0900,
        accounts=[Page("accounts", [account()], "a")],
        cases=[Page("cases", [case("1"), case("2")], "c")],
    )
    later = MONDAY_0900 + timedelta(hours=2)
    touched = sync(engine, later, case_events=[Page("case_events", [message("2", 1, later)], "e")])
    assert len(touched) == 1
    assert stored(engine, "2")["clock_computed_at"] == later
    assert stored(engine, "1")["clock_computed_at"] == MONDAY_0900


def test_a_holiday_added_to_the_calendar_moves_open_deadlines_at_once(engine: Engine) -> None:
    sync(
        engine,
        MONDAY_0900,
        accounts=[Page("accounts", [account()], "a")],
        cases=[Page("cases", [case("1", Severity.MINOR)], "c")],
    )
    # Gold, Severity 3: 12 business hours = Monday 09:00-18:00 plus 3 h Tuesday: Tuesday 12:00 Berlin.
    assert stored(engine, "1")["clock_deadline"] == datetime(2026, 11, 17, 11, 0, tzinfo=UTC)
    spec = load_calendar("de").spec
    spec["holidays"] = {"country": "DE", "add": ["2026-11-17"]}
    with engine.begin() as connection:
        recomputed = edit_calendar(connection, "de", spec, MONDAY_0900 + timedelta(minutes=5))
    assert recomputed == 1
    assert stored(engine, "1")["clock_deadline"] == datetime(2026, 11, 18, 11, 0, tzinfo=UTC)


def test_a_malformed_calendar_edit_writes_nothing(engine: Engine) -> None:
    spec = load_calendar("de").spec
    spec["hours"] = {"mon": ["18:00-07:00"]}
    with engine.begin() as connection, pytest.raises(CalendarSpecError, match=r"hours\.mon\[0\]"):
        edit_calendar(connection, "de", spec, MONDAY_0900)
    with engine.connect() as connection:
        assert connection.execute(select(schema.calendar_edits)).all() == []


def test_clocks_missing_after_an_upgrade_are_filled_in(engine: Engine) -> None:
    sync(engine, MONDAY_0900, accounts=[Page("accounts", [account()], "a")], cases=[Page("cases", [case("1")], "c")])
    with engine.begin() as connection:
        connection.execute(update(schema.cases).values(clock_state=None, clock_deadline=None, clock_computed_at=None))
        assert recompute_missing_clocks(connection, MONDAY_0900) == 1
    assert stored(engine, "1")["clock_deadline"] == datetime(2026, 11, 16, 16, 0, tzinfo=UTC)


def test_detail_clocks_and_business_time_left(engine: Engine) -> None:
    sync(engine, MONDAY_0900, accounts=[Page("accounts", [account()], "a")], cases=[Page("cases", [case("1")], "c")])
    now = MONDAY_0900 + timedelta(hours=10)  # Monday 19:00 Berlin: after hours, deadline passed at 17:00
    case_id = int(stored(engine, "1")["id"])
    with engine.connect() as connection:
        (first,) = clocks_for_cases(connection, [case_id], now)[case_id].clocks
        left = business_time_left(connection, "de", 2, datetime(2026, 11, 17, 9, 0, tzinfo=UTC), now)
    assert first.state.value == "breached"
    assert first.breach_at == datetime(2026, 11, 16, 16, 0, tzinfo=UTC)
    assert left == timedelta(hours=1)  # Tuesday 09:00-10:00 Berlin
