"""Today's order and All cases' default order: breached first, then by wall-clock deadline."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from advisor_app.store import database, schema
from advisor_app.store.queries import CaseFilter, CaseSort, ClockFilter, case_ids

NOW = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = database.open_database(tmp_path / "advisor.db", tmp_path / "backups", NOW)
    with engine.begin() as connection:
        connection.execute(
            insert(schema.accounts),
            {
                "id": 1,
                "source": "t",
                "remote_id": "a1",
                "name": "Acme",
                "tier": "gold",
                "region": "us-mountain",
                "timezone": "America/Denver",
                "contract_year_start": date(2026, 1, 1),
                "named_advisor": None,
                "contract_status": "active",
                "updated_at": NOW,
                "removed_at": None,
            },
        )

        def row(case_id: int, severity: int, deadline: timedelta, at_risk: timedelta, state: str) -> dict:
            return {
                "id": case_id,
                "source": "t",
                "remote_id": str(case_id),
                "account_id": 1,
                "subject": f"case {case_id}",
                "description": "",
                "requester": "x@acme.example",
                "severity": severity,
                "status": "open",
                "created_at": NOW - timedelta(days=1),
                "updated_at": NOW,
                "removed_at": None,
                "clock_state": state,
                "clock_kind": "first_response",
                "clock_open": True,
                "clock_paused": False,
                "clock_deadline": NOW + deadline,
                "clock_at_risk_at": NOW + at_risk,
            }

        connection.execute(
            insert(schema.cases),
            [
                # Severity 3, at risk by business time (one business hour left), due overnight in 13 h.
                row(1, 3, timedelta(hours=13), -timedelta(minutes=5), "running"),
                # Severity 1, not yet at risk, due in 1 h 40 m of wall-clock time.
                row(2, 1, timedelta(hours=1, minutes=40), timedelta(minutes=20), "running"),
                row(3, 2, -timedelta(hours=2), -timedelta(hours=4), "breached"),
                row(4, 2, -timedelta(minutes=10), -timedelta(hours=1), "running"),  # passed, not yet recomputed
                row(5, 2, timedelta(days=2), timedelta(days=1), "running"),
            ],
        )
    yield engine
    engine.dispose()


def test_breached_first_then_by_wall_clock_deadline(engine: Engine) -> None:
    counting = CaseFilter(clock=ClockFilter.COUNTING, now=NOW)
    with engine.connect() as connection:
        today = case_ids(connection, counting, CaseSort.URGENCY, descending=False)
        all_cases = case_ids(connection, CaseFilter(now=NOW), CaseSort.DUE, descending=False)
    assert today == [3, 4, 2, 1, 5]
    assert all_cases == today  # All cases opens sorted by Due in ascending: the same order
