"""Shared by the reliability tests: how many trials to run, and workspaces with rows of our own."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from advisor_app.store import database

TRIALS_VARIABLE = "ADVISOR_RELIABILITY_TRIALS"
"""Kill trials per probe; `make test` runs a few, the soak target sets 50 or more."""
ROOT = Path(__file__).resolve().parents[2]


def trials(default: int) -> int:
    return int(os.environ.get(TRIALS_VARIABLE, default))


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    """What the database declares (tables, indexes, triggers), to compare whole schemas."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute(
            "SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY 1, 2"
        ).fetchall()
    finally:
        connection.close()
    # Alembic's batch mode writes a recreated table's constraints in set order (per process).
    return [(str(a), str(b), _lines(str(c))) for a, b, c in rows]


def _lines(sql: str) -> str:
    return "\n".join(sorted(line.strip().rstrip(",").strip() for line in sql.splitlines()))


def revision_of(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def make_workspace_at(path: Path, revision: str) -> None:
    """A database at `revision` holding an account, a case, a service-day entry (and a note
    from the revision that has notes): rows every later migration must keep."""
    engine = database.make_engine(path)
    database.upgrade(engine, revision)
    engine.dispose()
    connection = sqlite3.connect(path)
    with connection:
        connection.execute(
            "INSERT INTO accounts (id, source, remote_id, name, tier, region, timezone, contract_year_start,"
            " named_advisor, contract_status, updated_at) VALUES (1, 'demo', 'a1', 'Acme Kill Test', 'gold',"
            " 'us-mountain', 'America/Denver', '2026-01-15', 'Alex', 'active', 1764000000000000)"
        )
        connection.execute(
            "INSERT INTO cases (id, source, remote_id, account_id, subject, description, requester, severity,"
            " status, created_at, updated_at) VALUES (7, 'demo', '100', 1, 'Printer on fire', 'd', 'r@x', 2,"
            " 'open', 1764000000000000, 1764000000000000)"
        )
        connection.execute(
            "INSERT INTO service_day_entries (account_id, day, half_days, kind, note, created_at, updated_at)"
            " VALUES (1, '2026-02-01', 3, 'onsite', 'kept through kills', 1764000000000000, 1764000000000000)"
        )
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "notes" in tables:
            connection.execute(
                "INSERT INTO notes (account_id, body, created_at, updated_at)"
                " VALUES (1, 'the only copy of this note', 1764000000000000, 1764000000000000)"
            )
    connection.close()


def rows_of(path: Path) -> dict[str, object]:
    connection = sqlite3.connect(path)
    try:
        found: dict[str, object] = {
            "account": connection.execute("SELECT name FROM accounts WHERE id = 1").fetchone(),
            "case": connection.execute("SELECT subject FROM cases WHERE id = 7").fetchone(),
            "service_day": connection.execute("SELECT note FROM service_day_entries").fetchall(),
        }
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "notes" in tables:
            found["notes"] = connection.execute("SELECT body FROM notes").fetchall()
    finally:
        connection.close()
    return found


def child(module: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", f"tests.reliability.{module}", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
