"""Each case's clocks are computed once per sync: after its events, not before them too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, select

from advisor_app.domain import CaseEvent, EventKind
from advisor_app.store import database, schema
from advisor_app.store.clocks import recompute_on_change
from advisor_app.sync.engine import run_sync
from advisor_app.sync.provider import Page
from tests.unit.sync.test_engine import NOW, ScriptedProvider, account, case, clock


def event(case_remote_id: str, number: int) -> CaseEvent:
    return CaseEvent("test", f"{case_remote_id}-{number}", case_remote_id, EventKind.CUSTOMER_MESSAGE, NOW, "c@x", "hi")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = database.open_database(tmp_path / "s.db", tmp_path / "backups", NOW)
    yield engine
    engine.dispose()


def computed(engine: Engine) -> dict[str, bool]:
    c = schema.cases.c
    with engine.connect() as connection:
        rows = connection.execute(select(c.remote_id, c.clock_computed_at))
        return {remote_id: at is not None for remote_id, at in rows}


def test_cases_whose_events_follow_are_computed_once_with_their_events(engine: Engine) -> None:
    seen: list[set[str]] = []
    real = recompute_on_change(clock)

    def hook(connection: Connection, ids: set[int]) -> None:
        c = schema.cases.c
        seen.append(set(connection.execute(select(c.remote_id).where(c.id.in_(ids))).scalars()))
        real(connection, ids)

    provider = ScriptedProvider(
        {
            "accounts": [Page("accounts", [account("a1")], "c1")],
            "cases": [Page("cases", [case("1"), case("2"), case("3")], "k1")],
            "case_events": [Page("case_events", [event("1", 1), event("2", 1)], "e1")],
        }
    )
    run_sync(engine, provider, clock, on_cases_changed=hook)
    assert seen == [{"1", "2"}, {"3"}], "with the events page, then the case without events at the end"
    assert computed(engine) == {"1": True, "2": True, "3": True}


def test_a_run_that_fails_before_the_events_leaves_the_cases_to_be_recomputed(engine: Engine) -> None:
    provider = ScriptedProvider(
        {
            "accounts": [Page("accounts", [account("a1")], "c1")],
            "cases": [Page("cases", [case("1")], "k1")],
            "case_events": [Page("case_events", [event("1", 1)], "e1")],
        },
        fail_after=2,
    )
    calls: list[set[int]] = []
    with pytest.raises(ConnectionError):
        run_sync(engine, provider, clock, on_cases_changed=lambda connection, ids: calls.append(set(ids)))
    assert len(calls) == 1, "the committed cases were computed when the run stopped"
    # And without a chance to (the hook itself fails), they stay marked for the next opening.
    provider = ScriptedProvider(
        {"cases": [Page("cases", [case("2")], "k2")]},
        identity="test://one",
    )

    def broken(_connection: Connection, _ids: set[int]) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        run_sync(engine, provider, clock, on_cases_changed=broken)
    assert computed(engine)["2"] is False
