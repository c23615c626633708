"""An incremental sync with nothing new, against a real Request Tracker 5.

Starts an RT instance as the integration tests do (tests/integration/rt; the Debian packages
must be installed or installable as root), makes an account with N tickets (each with a
customer message and an agent reply), syncs once in full, waits a second, then syncs again
with nothing changed. Reports for both: wall time, HTTP requests by kind, and rows written
to the synced tables (accounts, contacts, cases, case_events), counted by SQLite triggers.
The floor beside the no-op figure: the same number of bare REST2 requests (`GET /rt`).

Usage: .venv/bin/python benchmarks/bench_noop_sync.py [--tickets N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests
from sqlalchemy import Engine, text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from advisor_app.store import database  # noqa: E402
from advisor_app.store.clocks import recompute_on_change  # noqa: E402
from advisor_app.store.queries import set_aside_ids  # noqa: E402
from advisor_app.sync.engine import run_sync  # noqa: E402
from advisor_app.sync.http import HttpClient  # noqa: E402
from advisor_app.sync.providers.rt import RtProvider, RtSettings  # noqa: E402
from tests.integration.rt.server import RTServer, RTUnavailable, ensure_rt_installed, rt_instance  # noqa: E402

TABLES = ("accounts", "contacts", "cases", "case_events")
ASSET = {
    "Tier": "gold",
    "Region": "us-mountain",
    "Timezone": "America/Denver",
    "Contract Start": "2026-01-15",
    "Named Advisor": "Ada Advisor",
    "Contract Status": "active",
}


def clock() -> datetime:
    return datetime.now(UTC)


def count_writes(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE bench_writes (tbl TEXT PRIMARY KEY, n INTEGER)"))
        for table in TABLES:
            connection.execute(text("INSERT INTO bench_writes VALUES (:t, 0)"), {"t": table})
            for action in ("INSERT", "UPDATE", "DELETE"):
                connection.execute(
                    text(
                        f"CREATE TRIGGER bench_{table}_{action.lower()} AFTER {action} ON {table} "
                        f"BEGIN UPDATE bench_writes SET n = n + 1 WHERE tbl = '{table}'; END"
                    )
                )


def writes(engine: Engine) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text("SELECT sum(n) FROM bench_writes")).scalar_one())


def kind(url: str) -> str:
    path = url.split("/REST/2.0/", 1)[1].split("?", 1)[0]
    if path == "tickets":
        return "searches"
    if path.endswith("/history"):
        return "histories"
    if path.startswith("transaction/"):
        return "bodies"
    return path.split("/", 1)[0]  # assets, catalog, groups, group, user


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100)
    args = parser.parse_args()
    try:
        ensure_rt_installed()
    except RTUnavailable as error:
        print(f"skipped: Request Tracker unavailable: {error}")
        return 0
    with rt_instance() as rt, tempfile.TemporaryDirectory() as folder:
        return run(rt, Path(folder), args.tickets)


def run(rt: RTServer, folder: Path, tickets: int) -> int:
    started = clock().replace(microsecond=0) - timedelta(seconds=2)
    account = f"BENCH-{uuid.uuid4().hex[:8]}"
    rt.create_asset(account, ASSET)
    print(f"making {tickets} tickets with a message and a reply each ...", flush=True)
    for n in range(tickets):
        ticket = rt.create_ticket_as("alice", f"Bench {n}", "It is broken.", severity=1 + n % 3, account=account)
        rt.correspond(ticket, "Looking into it.")
    engine = database.open_database(folder / "bench.db", folder / "backups", clock())
    urls: list[str] = []
    spent: defaultdict[str, float] = defaultdict(float)
    client = HttpClient(rt.base_url, f"token {rt.token}", follow_redirects=False)

    def note(response: requests.Response, *args: object, **kwargs: object) -> None:
        urls.append(response.url)
        spent[kind(response.url)] += response.elapsed.total_seconds()

    client.session.hooks["response"].append(note)
    settings = RtSettings(base_url=rt.base_url, rt_timezone=rt.timezone, queue=rt.queue, history_start=started)
    count_writes(engine)

    def sync() -> tuple[float, Counter[str], int]:
        urls.clear()
        spent.clear()
        before = writes(engine)
        provider = RtProvider(client, settings, set_aside_ids=lambda s: set_aside_ids(engine, "rt", s))
        begin = time.perf_counter()
        run_sync(engine, provider, clock, on_cases_changed=recompute_on_change(clock))
        return time.perf_counter() - begin, Counter(kind(url) for url in urls), writes(engine) - before

    full = sync()
    time.sleep(1.1)
    noop = sync()
    waited = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(spent.items(), key=lambda item: -item[1]))
    bare = []
    for _ in range(10):
        begin = time.perf_counter()
        client.session.get(f"{rt.rest_url}/rt", timeout=30)
        bare.append(time.perf_counter() - begin)
    floor = statistics.median(bare) * sum(noop[1].values())
    engine.dispose()

    print(f"\n| sync ({tickets} tickets, RT {rt.rt_version}) | seconds | requests | rows written |")
    print("|---|---:|---|---:|")
    for name, (seconds, requests_by_kind, rows) in (("first, in full", full), ("next, nothing new", noop)):
        described = ", ".join(f"{n} {k}" for k, n in sorted(requests_by_kind.items()))
        print(f"| {name} | {seconds:.2f} | {sum(requests_by_kind.values())} ({described}) | {rows} |")
    print(f"| floor: {sum(noop[1].values())} bare `GET /rt` | {floor:.2f} | | |")
    print(f"\nno-op sync, time waiting for RT by request kind: {waited}")
    return 0 if noop[2] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
