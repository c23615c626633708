"""Store benchmark: filling a large demo workspace through the sync engine, and listing it.

Each figure sits beside its floor, measured in the same run on the same machine:
- sync: the engine's upserts (ON CONFLICT, parent look-ups, cursor per page) against a
  plain sqlite3 `executemany` INSERT of the same case rows into a bare table;
- listing: the cases model's id query (join, filter, ORDER BY in SQL) against a bare
  `SELECT id FROM cases`.

Usage: .venv/bin/python benchmarks/bench_store.py [--scale large|standard]
"""

from __future__ import annotations

import argparse
import resource
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select

from advisor_app.store import database, queries, schema
from advisor_app.store.clocks import recompute_on_change
from advisor_app.store.types import to_micros
from advisor_app.sync.engine import run_sync
from advisor_app.sync.providers.demo import demo_source

T = TypeVar("T")

ANCHOR = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)


def clock() -> datetime:
    return ANCHOR


def timed(label: str, action: Callable[[], T]) -> tuple[str, float, T]:
    start = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - start
    return label, elapsed, result


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="large", choices=["standard", "large"])
    args = parser.parse_args()
    source = demo_source(7, args.scale, ANCHOR)
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "advisor.db"
        engine = database.open_database(path, Path(folder) / "backups", ANCHOR)

        _, generate_s, stories = timed("generate", lambda: [source.story(i) for i in range(source.scale.cases)])
        events = sum(len(story.events) for story in stories)
        del stories

        # The real path: every page recomputes the SLA clocks of the cases it touched.
        hook = recompute_on_change(clock)
        _, sync_s, _ = timed("sync", lambda: run_sync(engine, source, clock, on_cases_changed=hook))
        with engine.connect() as connection:
            cases = connection.execute(select(func.count()).select_from(schema.cases)).scalar_one()

        floor_db = sqlite3.connect(Path(folder) / "floor.db")
        floor_db.execute("PRAGMA journal_mode=WAL")
        floor_db.execute(
            "CREATE TABLE cases (id INTEGER PRIMARY KEY, source TEXT, remote_id TEXT, account_id INT, subject TEXT,"
            " description TEXT, requester TEXT, severity INT, status TEXT, created_at INT, updated_at INT)"
        )
        floor_db.execute(
            "CREATE TABLE case_events (id INTEGER PRIMARY KEY, case_id INT, kind TEXT, at INT, author TEXT, value TEXT)"
        )
        case_rows: list[tuple[object, ...]] = []
        event_rows: list[tuple[object, ...]] = []
        for story in (source.story(i) for i in range(source.scale.cases)):
            c = story.case
            case_rows.append(
                (
                    c.source,
                    c.remote_id,
                    1,
                    c.subject,
                    c.description,
                    c.requester,
                    int(c.severity),
                    c.status.value,
                    to_micros(c.created_at),
                    to_micros(c.updated_at),
                )
            )
            event_rows.extend((1, e.kind.value, to_micros(e.at), e.author, e.value) for e in story.events)

        def floor_insert() -> None:
            with floor_db:
                floor_db.executemany(
                    "INSERT INTO cases (source, remote_id, account_id, subject, description, requester, severity,"
                    " status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    case_rows,
                )
                floor_db.executemany(
                    "INSERT INTO case_events (case_id, kind, at, author, value) VALUES (?,?,?,?,?)", event_rows
                )

        _, floor_insert_s, _ = timed("floor insert", floor_insert)

        def list_ids() -> int:
            with engine.connect() as connection:
                ids = queries.case_ids(
                    connection, queries.CaseFilter(active_only=False), queries.CaseSort.UPDATED, True
                )
            return len(ids)

        _, list_s, listed = timed("list", list_ids)
        _, floor_list_s, _ = timed("floor list", lambda: floor_db.execute("SELECT id FROM cases").fetchall())
        _, page_s, _ = timed(
            "page",
            lambda: queries.case_rows(engine.connect(), list(range(1, 201))),
        )
        engine.dispose()
        floor_db.close()
        size_mb = path.stat().st_size / 1e6

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [
        ("demo generation (cases+events, no store)", generate_s, f"{source.scale.cases:,} cases, {events:,} events"),
        ("sync into the store, clocks recomputed", sync_s, f"{cases:,} cases, {events / sync_s:,.0f} events/s"),
        ("  floor: bare executemany, same cases+events", floor_insert_s, "no indexes, conflicts or look-ups"),
        ("cases list: ids, sorted by updated, in SQL", list_s, f"{listed:,} ids"),
        ("  floor: bare SELECT id FROM cases", floor_list_s, "no join, no order"),
        ("one page of 200 list rows", page_s, ""),
    ]
    print(f"{'what':<46} {'seconds':>9}  notes")
    for label, seconds, note in rows:
        print(f"{label:<46} {seconds:>9.3f}  {note}")
    print(f"database size {size_mb:,.0f} MB; peak RSS of this process {peak_mb:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
