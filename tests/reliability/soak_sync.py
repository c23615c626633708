"""Soak (issue 14, item 9; `make soak`, not part of `make test`).

Syncs a real workspace every few seconds for ten minutes against the Zendesk fake
(tests/unit/sync/zendesk_fake.py) served by the fault-injecting loopback server, in a child
process so that the figures measured here belong to the syncing side only. The child
changes tickets every second and injects faults at random: 500s, 429 with Retry-After,
replies slower than the read timeout, bodies cut short, connections reset mid-body.

Measured after every sync: resident memory (VmRSS), threads, open file descriptors.
At the end the faults stop, the soaked workspace syncs once more, a fresh workspace syncs
once, and their synced tables must be equal (the store converged, nothing lost).

    python -m tests.reliability.soak_sync --minutes 10 --interval 3 [--write RELIABILITY.md]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BEGIN, END = "<!-- soak:begin -->", "<!-- soak:end -->"
FAULT_KINDS = ("status500", "status429", "delay", "truncate", "reset")
READ_TIMEOUT = 1.0
CLOCK = datetime(2027, 12, 1, tzinfo=UTC)  # fixed: both workspaces stamp the same times


# The server side (child process) -------------------------------------------------------------


def serve(seed: int, fault_rate: float) -> None:
    from tests.unit.sync.fault_server import Fault, LoopbackServer, Reply, Request
    from tests.unit.sync.zendesk_fake import FakeZendesk, populate

    rng = random.Random(seed)
    fake = FakeZendesk()
    ids = populate(fake)
    lock = threading.Lock()
    quiet = threading.Event()
    injected: Counter[str] = Counter()
    tickets = [ids["t1"], ids["t2"], ids["t3"]]
    orgs = [ids["acme"], ids["globex"]]
    people = [ids["wile"], ids["road"], ids["hans"]]

    def app(request: Request) -> Reply:
        if request.path == "/__control/quiet":
            quiet.set()
            server.clear_faults()
            return Reply(200, b"{}")
        if request.path == "/__control/stats":
            with lock:
                stats = {
                    "faults": dict(injected),
                    "tickets": len(fake.tickets),
                    "deleted": len(fake.deleted),
                    "deleted_ids": sorted(str(ticket) for ticket in fake.deleted),
                }
            return Reply(200, json.dumps(stats).encode())
        with lock:
            return fake(request)

    server = LoopbackServer(app)
    server.start()
    print(server.url, flush=True)

    while True:
        time.sleep(1.0)
        if quiet.is_set():
            continue
        with lock:
            fake.tick(1)
            roll = rng.random()
            if roll < 0.3:
                tickets.append(fake.add_ticket(rng.choice(orgs), rng.choice(people), f"Soak {len(tickets)}"))
            elif roll < 0.6:
                fake.comment(rng.choice(tickets), ids["agent"], f"Update {rng.randrange(10**6)}")
            elif roll < 0.8:
                fake.change(rng.choice(tickets), ids["agent"], "status", rng.choice(["open", "pending", "solved"]))
            elif roll < 0.83 and len(tickets) > 5:
                victim = tickets.pop(rng.randrange(3, len(tickets)))
                fake.delete_ticket(victim, ids["agent"])
        if rng.random() < fault_rate:
            kind = rng.choice(FAULT_KINDS)
            path = rng.choice(["", "tickets", "organizations", "users", "comments", "audits", "incremental"])
            if kind == "status500":
                server.inject(Fault("status", path, times=rng.randint(1, 3), status=500))
            elif kind == "status429":
                server.inject(Fault("status", path, times=1, status=429, retry_after="1"))
            elif kind == "delay":
                server.inject(Fault("delay", path, times=1, delay=READ_TIMEOUT + 0.5))
            else:
                server.inject(Fault(kind, path, times=1))
            injected[kind] += 1


# The app side (this process) ------------------------------------------------------------------


@dataclass
class Sample:
    at: float
    rss_kb: int
    threads: int
    fds: int


@dataclass
class Outcome:
    syncs: int = 0
    failures: Counter[str] = field(default_factory=Counter)
    samples: list[Sample] = field(default_factory=list)


def measure(started: float) -> Sample:
    gc.collect()
    rss = 0
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            rss = int(line.split()[1])
    threads = len(os.listdir("/proc/self/task"))
    return Sample(time.monotonic() - started, rss, threads, len(os.listdir("/proc/self/fd")))


def sync_once(desk: Any, url: str) -> Any:
    """What `workspace.source_sync.sync_workspace` does for Zendesk, with the soak's short timeouts."""
    from advisor_app.store.clocks import recompute_on_change
    from advisor_app.sync.engine import run_sync
    from advisor_app.sync.http import Timeouts
    from advisor_app.sync.providers.zendesk import ZendeskConfig, zendesk_provider
    from tests.unit.sync.zendesk_fake import EMAIL, TOKEN

    config = ZendeskConfig(organization_tag="advisor-ada", authorized_user_tag="authorized", page_size=3)
    provider = zendesk_provider(url, TOKEN, config, email=EMAIL, timeouts=Timeouts(connect=2, read=READ_TIMEOUT))
    try:
        return run_sync(desk.engine, provider, desk.clock, on_cases_changed=recompute_on_change(desk.clock))
    finally:
        close = getattr(provider, "close", None)
        if close is not None:
            close()


def get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def soak(minutes: float, interval: float, seed: int, fault_rate: float) -> tuple[Outcome, dict[str, Any], bool]:
    from advisor_app.sync.engine import SyncError
    from advisor_app.workspace.desk import open_desk
    from tests.unit.sync.test_faults import snapshot

    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.reliability.soak_sync",
            "--serve",
            "--seed",
            str(seed),
            "--fault-rate",
            str(fault_rate),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        url = child.stdout.readline().strip()
        folder = Path(tempfile.mkdtemp(prefix="advisor-soak-"))
        desk = open_desk(folder / "soaked", clock=lambda: CLOCK)
        outcome = Outcome()
        started = time.monotonic()
        deadline = started + minutes * 60
        while time.monotonic() < deadline:
            outcome.syncs += 1
            try:
                sync_once(desk, url)
            except SyncError as error:
                outcome.failures[type(error).__name__] += 1
            outcome.samples.append(measure(started))
            time.sleep(interval)
        get(f"{url}/__control/quiet")
        stats = get(f"{url}/__control/stats")
        sync_once(desk, url)
        fresh = open_desk(folder / "fresh", clock=lambda: CLOCK)
        sync_once(fresh, url)
        soaked, clean = _live(snapshot(desk.engine)), _live(snapshot(fresh.engine))
        # Set aside in the soaked store only: events of a ticket deleted at the source before a
        # sync saw the ticket itself (a clean sync never sees those events). Anything else counts.
        extra = [item for item in soaked["quarantine"] if item not in clean["quarantine"]]
        stats["set_aside_of_deleted"] = sum(1 for item in extra if item[1].split("-c")[0] in stats["deleted_ids"])
        soaked["quarantine"] = [
            item for item in soaked["quarantine"] if item[1].split("-c")[0] not in stats["deleted_ids"]
        ]
        clean["quarantine"] = [
            item for item in clean["quarantine"] if item[1].split("-c")[0] not in stats["deleted_ids"]
        ]
        converged = soaked == clean
        if not converged:
            _print_difference(soaked, clean)
        stats["cases"] = len(snapshot(desk.engine)["cases"])
        desk.close()
        fresh.close()
        return outcome, stats, converged
    finally:
        child.terminate()
        child.wait(10)


def _live(data: dict[str, Any]) -> dict[str, Any]:
    """The synced tables without tombstoned rows: a ticket deleted after the soaked workspace
    saw it stays there marked removed, while a fresh sync never sees it at all."""
    live = {
        name: [row for row in rows if row.get("removed_at") is None]
        for name, rows in data.items()
        if name != "quarantine"
    }
    removed_cases = {row["remote_id"] for row in data["cases"] if row.get("removed_at") is not None}
    live["case_events"] = [row for row in live["case_events"] if row["case_id"] not in removed_cases]
    live["quarantine"] = data["quarantine"]
    return live


def _print_difference(soaked: dict[str, Any], fresh: dict[str, Any]) -> None:
    for name in soaked:
        only_soaked = [row for row in soaked[name] if row not in fresh[name]]
        only_fresh = [row for row in fresh[name] if row not in soaked[name]]
        for row in only_soaked[:5]:
            print(f"only in the soaked {name}: {row}", file=sys.stderr)
        for row in only_fresh[:5]:
            print(f"only in the fresh {name}: {row}", file=sys.stderr)


def _median(values: list[int]) -> float:
    return float(statistics.median(values)) if values else 0.0


def report(
    outcome: Outcome, stats: dict[str, Any], converged: bool, minutes: float, interval: float
) -> tuple[str, bool]:
    samples = outcome.samples
    tenth = max(3, len(samples) // 10)
    early, late = samples[:tenth], samples[-tenth:]
    rss_early, rss_late = _median([s.rss_kb for s in early]) / 1024, _median([s.rss_kb for s in late]) / 1024
    threads = (min(s.threads for s in samples), max(s.threads for s in samples))
    fds_early, fds_late = _median([s.fds for s in early]), _median([s.fds for s in late])
    flat = rss_late - rss_early < 25 and threads[1] - threads[0] <= 2 and fds_late - fds_early <= 2
    failures = ", ".join(f"{name} {count}" for name, count in sorted(outcome.failures.items())) or "none"
    faults = ", ".join(f"{name} {count}" for name, count in sorted(stats["faults"].items()))
    text = "\n".join(
        [
            f"Run: {minutes:g} min, a sync every {interval:g} s ({outcome.syncs} syncs), "
            f"{datetime.now(UTC):%Y-%m-%d}, Zendesk fake in a child process.",
            "",
            "| figure | value |",
            "|---|---|",
            f"| faults injected | {sum(stats['faults'].values())} ({faults}) |",
            f"| syncs that failed (typed error, retried next time) | {sum(outcome.failures.values())} ({failures}) |",
            f"| tickets at the fake at the end (deleted) | {stats['tickets']} ({stats['deleted']}) |",
            f"| resident memory, median of first / last tenth | {rss_early:.1f} MB / {rss_late:.1f} MB |",
            f"| threads, min / max over the run | {threads[0]} / {threads[1]} |",
            f"| open file descriptors, median of first / last tenth | {fds_early:g} / {fds_late:g} |",
            f"| store converged (equal to a clean sync: {stats['cases']} cases) | {'yes' if converged else 'NO'} |",
            f"| events set aside whose ticket was deleted at the source before it was synced | "
            f"{stats['set_aside_of_deleted']} |",
            f"| data lost | {'none' if converged else 'see the diff'} |",
            f"| verdict | {'flat and converged' if flat and converged else 'FAILED'} |",
        ]
    )
    return text, flat and converged


def write_section(path: Path, text: str) -> None:
    content = path.read_text(encoding="utf-8") if path.exists() else ""
    block = f"{BEGIN}\n{text}\n{END}"
    if BEGIN in content and END in content:
        content = content[: content.index(BEGIN)] + block + content[content.index(END) + len(END) :]
    else:
        content = content.rstrip("\n") + f"\n\n## Soak\n\n{block}\n"
    path.write_text(content, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--interval", type=float, default=3.0)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--fault-rate", type=float, default=0.5, help="chance per second of injecting a fault")
    parser.add_argument("--write", type=Path, help="put the figures into this Markdown file (RELIABILITY.md)")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.seed, args.fault_rate)
        return 0
    outcome, stats, converged = soak(args.minutes, args.interval, args.seed, args.fault_rate)
    text, passed = report(outcome, stats, converged, args.minutes, args.interval)
    print(text)
    if args.write is not None:
        write_section(args.write, text)
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
