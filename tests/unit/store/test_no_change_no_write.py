"""Upserts write only what changed: an older record is skipped, one of the same change time
is skipped when equal and written when it differs (whole-second stamps), and a sync of
the Zendesk fake with nothing new writes no row. Also: workspaces synced before status maps
existed get their source statuses back, and RT's `stalled` then means waiting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from advisor_app.domain import Case, CaseEvent, CaseStatus, EventKind, Severity
from advisor_app.domain.status_map import effective_status_map
from advisor_app.store import database, schema, upserts
from advisor_app.store.status_meanings import apply_status_map
from advisor_app.sync.engine import run_sync
from tests.unit.sync.test_engine import account
from tests.unit.sync.test_zendesk import make_provider
from tests.unit.sync.zendesk_fake import FakeZendesk, populate, running

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
TABLES = ("accounts", "contacts", "cases", "case_events")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = database.open_database(tmp_path / "s.db", tmp_path / "backups", NOW)
    yield engine
    engine.dispose()


def install_counter(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE test_writes (n INTEGER)"))
        connection.execute(text("INSERT INTO test_writes VALUES (0)"))
        for table in TABLES:
            for action in ("INSERT", "UPDATE", "DELETE"):
                connection.execute(
                    text(
                        f"CREATE TRIGGER count_{table}_{action.lower()} AFTER {action} ON {table} "
                        "BEGIN UPDATE test_writes SET n = n + 1; END"
                    )
                )


def writes(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT n FROM test_writes")).scalar_one())


def a_case(updated: datetime, subject: str = "Down") -> Case:
    return Case("test", "c1", "a1", subject, "", "r@x", Severity.MAJOR, CaseStatus.OPEN, NOW, updated, "open")


def test_only_newer_or_different_records_are_written(engine: Engine) -> None:
    with engine.begin() as connection:
        upserts.upsert_accounts(connection, [account("a1")])
        assert upserts.upsert_cases(connection, [a_case(NOW)]).written == 1
    install_counter(engine)
    with engine.begin() as connection:
        same = upserts.upsert_cases(connection, [a_case(NOW)])
        older = upserts.upsert_cases(connection, [a_case(NOW - timedelta(seconds=1), "Old news")])
        again = upserts.upsert_accounts(connection, [account("a1")])
    assert (same.written, same.case_ids, older.written, again.written) == (0, set(), 0, 0)
    assert writes(engine) == 0
    with engine.begin() as connection:
        within = upserts.upsert_cases(connection, [a_case(NOW, "Down, changed in the same second")])
        newer = upserts.upsert_cases(connection, [a_case(NOW + timedelta(seconds=1), "Down, later")])
    assert within.written == 1 and len(within.case_ids or ()) == 1 and newer.written == 1
    assert writes(engine) == 2


def test_an_unchanged_event_is_not_rewritten_a_changed_one_is(engine: Engine) -> None:
    event = CaseEvent("test", "e1", "c1", EventKind.AGENT_REPLY, NOW, "agent", "Hello")
    with engine.begin() as connection:
        upserts.upsert_accounts(connection, [account("a1")])
        upserts.upsert_cases(connection, [a_case(NOW)])
        assert upserts.upsert_case_events(connection, [event]).written == 1
    install_counter(engine)
    with engine.begin() as connection:
        assert upserts.upsert_case_events(connection, [event]).written == 0
        result = upserts.upsert_case_events(connection, [replace(event, value="Hello, edited")])
    assert result.written == 1 and writes(engine) == 1


def test_a_zendesk_sync_with_nothing_new_writes_no_row(engine: Engine) -> None:
    fake = FakeZendesk()
    populate(fake)
    with running(fake) as server:
        run_sync(engine, make_provider(server), lambda: NOW)
        install_counter(engine)
        report = run_sync(engine, make_provider(server), lambda: NOW)
    assert writes(engine) == 0
    assert all(stream.written == 0 for stream in report.streams.values())


def test_a_workspace_synced_before_status_maps_gets_its_source_statuses_back(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = database.make_engine(path)
    database.upgrade(engine, "0007")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO accounts (id, source, remote_id, name, tier, region, timezone, contract_year_start,"
                " named_advisor, contract_status, updated_at) VALUES (1, 'rt', 'a1', 'Acme', 'gold',"
                " 'us-mountain', 'America/Denver', '2026-01-15', 'Alex', 'active', 1764000000000000)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO cases (id, source, remote_id, account_id, subject, description, requester, severity,"
                " status, created_at, updated_at) VALUES (7, 'rt', '100', 1, 'Stalled', 'd', 'r@x', 2, 'on_hold',"
                " 1764000000000000, 1764003600000000)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO case_events (source, remote_id, case_id, kind, at, author, value, old_value) VALUES"
                " ('rt', '5', 7, 'status_change', 1764003600000000, 'agent', 'on_hold', 'open')"
            )
        )
    database.upgrade(engine)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT status, source_status FROM cases")).one() == ("on_hold", "stalled")
        assert connection.execute(text("SELECT source_value, source_old_value FROM case_events")).one() == (
            "stalled",
            "open",
        )
    assert apply_status_map(engine, "rt", effective_status_map("rt", {}), NOW) == 1  # stalled = waiting now
    with engine.connect() as connection:
        c, e = schema.cases.c, schema.case_events.c
        assert connection.execute(select(c.status, c.clock_paused, c.clock_computed_at)).one() == (
            "pending",
            False,
            NOW,
        )
        assert connection.execute(select(e.value, e.old_value)).one() == ("pending", "open")
    assert apply_status_map(engine, "rt", effective_status_map("rt", {}), NOW) == 0
    engine.dispose()
