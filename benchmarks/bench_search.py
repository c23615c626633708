"""Search benchmark: prefix search as you type over a 200,000-case workspace.

The store is filled with the demo's accounts and 200,000 cases (no events: search does
not read them) through plain inserts, so the FTS triggers of migration 0006 do the
indexing exactly as they do during a sync. Each figure sits beside its floors, measured
in the same run:
- a bare FTS5 `MATCH` returning rowids in index order (no ranking, no snippet): what the
  index itself costs;
- a plain `SELECT count(*)` with `LIKE '%word%'` over subject and description: the scan
  every search would be without the index (ranking needs every match, so no early stop).

Usage: .venv/bin/python benchmarks/bench_search.py [--scale large|standard]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import text

from advisor_app.store import database
from advisor_app.store.search import match_expression, search
from advisor_app.store.types import to_micros
from advisor_app.store.upserts import upsert_accounts
from advisor_app.sync.providers.demo import demo_source

ANCHOR = datetime(2026, 11, 25, 15, 30, tzinfo=UTC)
# What a person types, a keystroke at a time: short prefixes match the most rows.
TYPED = ["e", "ex", "exp", "expo", "export", "export exc", "p", "pa", "pay", "payroll", "ti", "tide", "100", "10042"]
LIMIT = 30
REPEATS = 5


def _rows(dbapi: Any, sql: str, parameters: tuple[object, ...]) -> list[Any]:
    return list(dbapi.execute(sql, parameters).fetchall())


def _median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="large", choices=["standard", "large"])
    args = parser.parse_args()
    source = demo_source(7, args.scale, ANCHOR)
    with tempfile.TemporaryDirectory() as folder:
        engine = database.open_database(Path(folder) / "advisor.db", Path(folder) / "backups", ANCHOR)
        with engine.begin() as connection:
            upsert_accounts(connection, source.accounts)
            account_ids: dict[str, int] = dict(connection.execute(text("SELECT remote_id, id FROM accounts")).all())
        start = time.perf_counter()
        rows = []
        for index in range(source.scale.cases):
            case = source.story(index).case
            rows.append(
                (
                    "demo",
                    case.remote_id,
                    account_ids[case.account_remote_id],
                    case.subject,
                    case.description,
                    case.requester,
                    int(case.severity),
                    case.status.value,
                    to_micros(case.created_at),
                    to_micros(case.updated_at),
                )
            )
        generate_s = time.perf_counter() - start
        raw = engine.raw_connection()
        insert = (
            "INSERT INTO cases (source, remote_id, account_id, subject, description, requester, severity, status,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        start = time.perf_counter()
        raw.cursor().executemany(insert, rows)
        raw.commit()
        insert_s = time.perf_counter() - start
        raw.close()

        print(f"cases: {len(rows):,}; generated in {generate_s:.1f} s; inserted and indexed in {insert_s:.1f} s")
        print("| typed | hits | search() ms | bare MATCH ms | LIKE scan ms |")
        print("|---|---:|---:|---:|---:|")
        worst = 0.0
        with engine.connect() as connection:
            dbapi = connection.connection.driver_connection
            assert dbapi is not None
            for typed in TYPED:
                query = match_expression(typed)
                hits = len(search(connection, typed, LIMIT))
                search_ms = _median_ms(partial(search, connection, typed, LIMIT))
                bare_ms = _median_ms(
                    partial(
                        _rows,
                        dbapi,
                        "SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT ?",
                        (query, LIMIT),
                    )
                )
                word = f"%{typed.split()[0]}%"
                like_ms = _median_ms(
                    partial(
                        _rows,
                        dbapi,
                        "SELECT count(*) FROM cases WHERE subject LIKE ? OR description LIKE ?",
                        (word, word),
                    )
                )
                worst = max(worst, search_ms)
                print(f"| `{typed}` | {hits} | {search_ms:.1f} | {bare_ms:.2f} | {like_ms:.1f} |")
        size = (Path(folder) / "advisor.db").stat().st_size
        print(f"worst search: {worst:.1f} ms; database {size / 1e6:.0f} MB")
        engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
