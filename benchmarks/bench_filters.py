"""Cases-table filters and the notification check on a large demo workspace.

Each filter's id query (filter and ORDER BY in SQL, as the cases table runs it on the GUI
thread) is timed beside the floor, a bare `SELECT id FROM cases`; the notification check
(candidates, notified keys, next event instant) is timed as the window runs it each minute.

Usage: .venv/bin/python benchmarks/bench_filters.py [--data-dir DIR]
  DIR: a workspace made with `demo_scale: "large"` in its settings.json (200,000 cases);
  without it a large demo workspace is made in a temporary folder first (several minutes).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from advisor_app.attention import records
from advisor_app.store import queries
from advisor_app.store.queries import CaseFilter, CaseSort, ClockFilter
from advisor_app.workspace.desk import open_desk


def best_of(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir")
    parser.add_argument("--scale", default="large")
    args = parser.parse_args()
    folder = Path(args.data_dir) if args.data_dir else Path(tempfile.mkdtemp()) / "large"
    if not args.data_dir:
        folder.mkdir(parents=True)
        (folder / "settings.json").write_text(json.dumps({"demo_scale": args.scale}))
    desk = open_desk(folder, demo=True)
    now = desk.clock()
    raw = sqlite3.connect(folder / "advisor.db")
    floor = best_of(lambda: raw.execute("SELECT id FROM cases").fetchall())
    cases = [
        ("open, by due", CaseFilter(), CaseSort.DUE),
        ("every case, by updated", CaseFilter(active_only=False), CaseSort.UPDATED),
        ("Severity 1, by due", CaseFilter(severities=frozenset({1})), CaseSort.DUE),
        ("waiting on customer (status)", CaseFilter(statuses=frozenset({"pending"})), CaseSort.DUE),
        ("at risk", CaseFilter(clock=ClockFilter.AT_RISK, now=now), CaseSort.DUE),
        ("breached", CaseFilter(clock=ClockFilter.BREACHED, now=now), CaseSort.DUE),
        ("Today: counting, by urgency", CaseFilter(clock=ClockFilter.COUNTING, now=now), CaseSort.URGENCY),
        ("text 'login', every case", CaseFilter(active_only=False, text="login"), CaseSort.DUE),
        ("one account, by due", CaseFilter(account_id=1), CaseSort.DUE),
    ]
    with desk.engine.connect() as connection:
        total = connection.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        print(f"cases: {total}; floor (bare SELECT id FROM cases): {floor * 1000:.1f} ms")
        print(f"{'filter':34} {'rows':>8} {'ms':>8} {'x floor':>8}")
        for label, case_filter, sort in cases:
            elapsed = best_of(partial(queries.case_ids, connection, case_filter, sort, False))
            count = len(queries.case_ids(connection, case_filter, sort, False))
            print(f"{label:34} {count:>8} {elapsed * 1000:>8.1f} {elapsed / floor:>8.1f}")

        def check() -> None:
            candidates = records.candidate_cases(connection, now)
            records.notified_keys(connection, [case.case_id for case in candidates])
            records.snoozes(connection, now)
            records.next_clock_event_at(connection, now)

        print(f"{'notification check':34} {'':>8} {best_of(check) * 1000:>8.1f} {best_of(check) / floor:>8.1f}")
    desk.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
