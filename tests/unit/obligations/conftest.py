"""A small workspace database with hand-made accounts, contacts and cases."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert

from advisor_app.store import database, schema

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday, ISO week 2026-W48

GOLD, PLATINUM_LEAP, SILVER = 1, 2, 3


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = database.open_database(tmp_path / "advisor.db", tmp_path / "backups", NOW)
    account = {"source": "t", "region": "r", "contract_status": "active", "updated_at": NOW, "removed_at": None}
    with engine.begin() as connection:
        connection.execute(
            insert(schema.accounts),
            [
                account
                | {
                    "id": GOLD,
                    "remote_id": "a1",
                    "name": "Acme Gold",
                    "tier": "gold",
                    "timezone": "America/Denver",
                    "contract_year_start": date(2025, 3, 15),
                    "named_advisor": "Alex",
                },
                account
                | {
                    "id": PLATINUM_LEAP,
                    "remote_id": "a2",
                    "name": "Leap Platinum",
                    "tier": "platinum",
                    "timezone": "Asia/Tokyo",
                    "contract_year_start": date(2024, 2, 29),
                    "named_advisor": "Alex",
                },
                account
                | {
                    "id": SILVER,
                    "remote_id": "a3",
                    "name": "Silver Ltd",
                    "tier": "silver",
                    "timezone": "Europe/Berlin",
                    "contract_year_start": date(2026, 1, 1),
                    "named_advisor": None,
                },
            ],
        )
        contact = {"source": "t", "updated_at": NOW, "removed_at": None}
        connection.execute(
            insert(schema.contacts),
            [
                contact
                | {
                    "remote_id": f"c{i}",
                    "account_id": GOLD,
                    "name": f"Person {i}",
                    "email": f"p{i}@acme.example",
                    "authorized": i < 4,
                }
                for i in range(6)
            ],
        )
        case = {
            "source": "t",
            "description": "",
            "severity": 2,
            "status": "open",
            "created_at": NOW,
            "updated_at": NOW,
            "removed_at": None,
        }
        connection.execute(
            insert(schema.cases),
            [
                case
                | {
                    "id": 10,
                    "remote_id": "100",
                    "account_id": GOLD,
                    "subject": "By an authorized one",
                    "requester": "P1@Acme.example",
                },
                case
                | {
                    "id": 11,
                    "remote_id": "101",
                    "account_id": GOLD,
                    "subject": "By someone else",
                    "requester": "p5@acme.example",
                },
                case
                | {
                    "id": 12,
                    "remote_id": "102",
                    "account_id": SILVER,
                    "subject": "Silver case",
                    "requester": "x@silver.example",
                },
            ],
        )
    yield engine
    engine.dispose()
