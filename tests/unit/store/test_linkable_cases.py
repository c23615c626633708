"""The cases a service day can be linked to, and the cases' numbers at the source: the
store's queries the Service days tab shows (the GUI writes no SQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, insert

from advisor_app.domain import CaseStatus
from advisor_app.store import database, schema
from advisor_app.store.queries import case_numbers, cases_to_link
from tests.conftest import MovableClock


@pytest.fixture
def engine(tmp_path: Path, clock: MovableClock) -> Iterator[Engine]:
    fixed_clock = clock()
    engine = database.open_database(tmp_path / "advisor.db", tmp_path / "backups", fixed_clock)
    account = {
        "source": "t", "tier": "gold", "region": "us-mountain", "timezone": "America/Denver",
        "contract_year_start": date(2026, 1, 1), "named_advisor": None, "contract_status": "active",
        "updated_at": fixed_clock, "removed_at": None,
    }  # fmt: skip
    with engine.begin() as connection:
        connection.execute(
            insert(schema.accounts),
            [
                {**account, "id": 1, "remote_id": "a1", "name": "Acme"},
                {**account, "id": 2, "remote_id": "a2", "name": "Other"},
            ],
        )

        def case(case_id: int, status: CaseStatus, age_days: int, account_id: int = 1, removed: bool = False) -> Any:
            return {
                "id": case_id, "source": "t", "remote_id": f"T-{case_id}", "account_id": account_id,
                "subject": f"case {case_id}", "description": "", "requester": "x@acme.example", "severity": 2,
                "status": status.value, "created_at": fixed_clock - timedelta(days=age_days),
                "updated_at": fixed_clock, "removed_at": fixed_clock if removed else None,
            }  # fmt: skip

        connection.execute(
            insert(schema.cases),
            [
                case(1, CaseStatus.SOLVED, age_days=1),
                case(2, CaseStatus.OPEN, age_days=9),
                case(3, CaseStatus.CLOSED, age_days=2),
                case(4, CaseStatus.PENDING, age_days=3),
                case(5, CaseStatus.NEW, age_days=0, removed=True),
                case(6, CaseStatus.ON_HOLD, age_days=5, account_id=2),
            ],
        )
    yield engine
    engine.dispose()


def test_cases_not_yet_solved_come_first_then_the_newest(engine: Engine) -> None:
    with engine.connect() as connection:
        offered = cases_to_link(connection, 1, limit=10)
        assert offered == [(4, "T-4", "case 4"), (2, "T-2", "case 2"), (1, "T-1", "case 1"), (3, "T-3", "case 3")]
        assert cases_to_link(connection, 1, limit=2) == offered[:2]
        assert [row[0] for row in cases_to_link(connection, 2, limit=10)] == [6]


def test_case_numbers_by_local_id(engine: Engine) -> None:
    with engine.connect() as connection:
        assert case_numbers(connection, [3, 1, 3, 99]) == {1: "T-1", 3: "T-3"}
        assert case_numbers(connection, iter(())) == {}
