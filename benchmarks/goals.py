"""The figures of the performance goals (issue 15), each measured beside its floor in one run.

`run_all.py` calls `measure_all`; every function here returns `Figure`s. Sizes come from a
`Size`: `full` is what the goals name (20,000 cases, 200,000 SLA summaries, 60 s idle; B4 and B6
also at 200,000 cases, the large demo scale),
`tiny` runs the same code paths in seconds so the test suite keeps them from rotting.
Timings are wall-clock (`time.perf_counter`, or the spawn-to-paint time of a child
process), CPU is `resource.getrusage`, memory `ru_maxrss`; repeated figures are medians.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from advisor_app.domain import Case, CaseEvent, CaseStatus, EventKind
from advisor_app.store.types import to_micros
from advisor_app.sync.provider import Page
from advisor_app.sync.providers.demo import DemoSource, demo_source
from advisor_app.workspace.desk import Desk, open_desk
from advisor_app.workspace.settings import DemoScale, save_settings
from advisor_app.workspace.source_sync import sync_workspace

HERE = Path(__file__).resolve().parent
PROBE = HERE / "gui_probe.py"


@dataclass(frozen=True, slots=True)
class Size:
    name: str
    demo_scale: DemoScale
    large_scale: DemoScale
    """the demo scale of the workspace B4-200k and B6-200k read (200,000 cases at full size)"""
    sla_cases: int
    idle_s: float
    repeat: int
    filters: int
    changed: int
    drafts: int


SIZES = {
    "full": Size("full", "medium", "large", 200_000, 60.0, 3, 20, 1_000, 30),
    "tiny": Size("tiny", "tiny", "tiny", 2_000, 1.0, 1, 3, 20, 3),
}


@dataclass(slots=True)
class Figure:
    id: str
    what: str
    unit: str
    figure: float
    floor: float | None
    floor_what: str
    goal: str
    limit: float
    limit_of: str
    """"ratio": figure/floor <= limit; "figure": figure <= limit; "excess": figure - floor <= limit"""
    note: str = ""
    ratio: float | None = field(init=False)
    goal_met: bool = field(init=False)

    def __post_init__(self) -> None:
        self.ratio = None if not self.floor else round(self.figure / self.floor, 2)
        if self.limit_of == "ratio":
            self.goal_met = self.ratio is not None and self.ratio <= self.limit
        elif self.limit_of == "excess":
            self.goal_met = self.figure - (self.floor or 0.0) <= self.limit
        else:
            self.goal_met = self.figure <= self.limit


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


# Workspaces ------------------------------------------------------------------------------


@dataclass(slots=True)
class Workspaces:
    """The demo workspace every figure reads, made once per run (its first sync is B1)."""

    folder: Path
    size: Size
    anchor: datetime
    synced: Path = field(init=False)

    def __post_init__(self) -> None:
        self.synced = self.folder / "synced"

    def clock(self) -> datetime:
        return self.anchor

    def source(self, scale: DemoScale | None = None) -> DemoSource:
        return demo_source(7, scale or self.size.demo_scale, self.anchor)

    def empty(self, name: str, kind: str | None = None, scale: DemoScale | None = None) -> Desk:
        """A new workspace at the run's demo scale (or `scale`) with nothing synced yet."""
        desk = open_desk(self.folder / name, clock=self.clock)
        desk.settings.demo_scale = scale or self.size.demo_scale
        desk.settings.source_kind = kind
        save_settings(desk.workspace.settings_file, desk.settings)
        return desk


def _db_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)


# B1 and B2: the sync ---------------------------------------------------------------------

_ACCOUNT_COLUMNS = (
    "source, remote_id, name, tier, region, timezone, contract_year_start, named_advisor, contract_status, updated_at"
)
_CASE_COLUMNS = (
    "source, remote_id, account_id, subject, description, requester, severity, status, created_at, updated_at"
)
_EVENT_COLUMNS = "source, remote_id, case_id, kind, at, author, value, old_value"


def _floor_rows(source: DemoSource) -> dict[str, list[tuple[Any, ...]]]:
    """The rows a first sync writes, as plain tuples with ids assigned in insertion order."""
    accounts = source.accounts
    account_ids = {account.remote_id: index + 1 for index, account in enumerate(accounts)}
    rows: dict[str, list[tuple[Any, ...]]] = {"accounts": [], "contacts": [], "cases": [], "events": [], "usage": []}
    for a in accounts:
        rows["accounts"].append(
            (
                a.source,
                a.remote_id,
                a.name,
                a.tier,
                a.region,
                a.timezone,
                a.contract_year_start.isoformat(),
                a.named_advisor,
                a.contract_status.value,
                to_micros(a.updated_at),
            )
        )
    for index in range(len(accounts)):
        for contact in source.contacts_of(index):
            account_id = account_ids[contact.account_remote_id]
            rows["contacts"].append(
                (
                    contact.source,
                    contact.remote_id,
                    account_id,
                    contact.name,
                    contact.email,
                    contact.authorized,
                    to_micros(contact.updated_at),
                )
            )
        for u in source.usage_of(index):
            rows["usage"].append((u.source, account_ids[u.account_remote_id], u.metric, u.day.isoformat(), u.value))
    for number in range(source.scale.cases):
        story = source.story(number)
        c = story.case
        rows["cases"].append(
            (
                c.source,
                c.remote_id,
                account_ids[c.account_remote_id],
                c.subject,
                c.description,
                c.requester,
                int(c.severity),
                c.status.value,
                to_micros(c.created_at),
                to_micros(c.updated_at),
            )
        )
        rows["events"].extend(
            (e.source, e.remote_id, number + 1, e.kind.value, to_micros(e.at), e.author, e.value, e.old_value)
            for e in story.events
        )
    return rows


def _floor_insert(path: Path, rows: dict[str, list[tuple[Any, ...]]]) -> None:
    """Bare sqlite3 `executemany` of the same rows into the same (migrated) schema."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    with connection:
        connection.executemany(
            f"INSERT INTO accounts ({_ACCOUNT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)", rows["accounts"]
        )
        connection.executemany(
            "INSERT INTO contacts (source, remote_id, account_id, name, email, authorized, updated_at)"
            " VALUES (?,?,?,?,?,?,?)",
            rows["contacts"],
        )
        connection.executemany(
            "INSERT INTO usage_metrics (source, account_id, metric, day, value) VALUES (?,?,?,?,?)", rows["usage"]
        )
        connection.executemany(f"INSERT INTO cases ({_CASE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)", rows["cases"])
        connection.executemany(f"INSERT INTO case_events ({_EVENT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", rows["events"])
    connection.close()


def first_sync(spaces: Workspaces) -> list[Figure]:
    source = spaces.source()
    rows = _floor_rows(source)
    floor_desk = spaces.empty("floor")
    floor_path = floor_desk.workspace.database
    floor_desk.close()
    floor_s, _ = _timed(lambda: _floor_insert(floor_path, rows))
    cases, events = len(rows["cases"]), len(rows["events"])
    rows.clear()  # the memory goes back before the real sync

    desk = spaces.empty("synced", kind="demo")
    sync_s, report = _timed(lambda: sync_workspace(desk))
    desk.close()
    written = sum(stream.written for stream in report.streams.values())
    return [
        Figure(
            "B1",
            f"first sync of {cases:,} cases ({events:,} events), clocks included",
            "s",
            round(sync_s, 3),
            round(floor_s, 3),
            "sqlite3 executemany of the same rows into the same schema (indexes, search triggers)",
            "at most 4x the floor",
            4.0,
            "ratio",
            f"{written:,} records written; {sync_s / cases * 1000:.2f} ms per case",
        )
    ]


class _ChangedCases:
    """The demo source's identity with `count` of its cases changed: a new status, a later
    `updated_at` and one new event each (what a sync after a busy hour brings)."""

    def __init__(self, base: DemoSource, count: int) -> None:
        self.base, self.count = base, count
        self.source, self.identity = base.source, base.identity

    def changed(self) -> Iterator[tuple[Case, CaseEvent]]:
        step = max(1, self.base.scale.cases // self.count)
        for number in range(0, step * self.count, step):
            story = self.base.story(number)
            later = self.base.anchor + timedelta(minutes=30)
            case = replace(story.case, status=CaseStatus.OPEN, updated_at=later)
            event = CaseEvent(
                case.source, f"{case.remote_id}-x", case.remote_id, EventKind.CUSTOMER_MESSAGE, later, case.requester,
                "Any news?", "",
            )  # fmt: skip
            yield case, event

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        done = f"{self.base.anchor.isoformat()}#changed"
        if cursor == done:
            return
        changed = list(self.changed())
        if stream == "cases":
            yield Page(stream, [case for case, _ in changed], done)
        elif stream == "case_events":
            yield Page(stream, [event for _, event in changed], done)


def _floor_upsert(path: Path, changed: list[tuple[Case, CaseEvent]]) -> None:
    """Bare sqlite3 upserts of the same changed cases and events into a copy of the workspace."""
    connection = sqlite3.connect(path)
    with connection:
        connection.executemany(
            f"INSERT INTO cases ({_CASE_COLUMNS}) VALUES (?,?,(SELECT id FROM accounts WHERE source=? AND"
            " remote_id=?),?,?,?,?,?,?,?) ON CONFLICT (source, remote_id) DO UPDATE SET subject=excluded.subject,"
            " description=excluded.description, requester=excluded.requester, severity=excluded.severity,"
            " status=excluded.status, updated_at=excluded.updated_at WHERE excluded.updated_at >= cases.updated_at",
            [
                (c.source, c.remote_id, c.source, c.account_remote_id, c.subject, c.description, c.requester,
                 int(c.severity), c.status.value, to_micros(c.created_at), to_micros(c.updated_at))
                for c, _ in changed
            ],
        )  # fmt: skip
        connection.executemany(
            f"INSERT INTO case_events ({_EVENT_COLUMNS}) VALUES (?,?,(SELECT id FROM cases WHERE source=? AND"
            " remote_id=?),?,?,?,?,?) ON CONFLICT (source, remote_id) DO NOTHING",
            [
                (e.source, e.remote_id, e.source, e.case_remote_id, e.kind.value, to_micros(e.at), e.author, e.value,
                 e.old_value)
                for _, e in changed
            ],
        )  # fmt: skip
    connection.close()


def later_syncs(spaces: Workspaces) -> list[Figure]:
    size = spaces.size
    base = spaces.source()
    database = spaces.synced / "advisor.db"
    copy = spaces.folder / "changed" / "advisor.db"
    _db_copy(database, copy)
    for suffix in ("-wal", "-shm"):
        (spaces.folder / "changed" / f"advisor.db{suffix}").unlink(missing_ok=True)
    provider = _ChangedCases(base, size.changed)
    floor_s, _ = _timed(lambda: _floor_upsert(copy, list(provider.changed())))

    desk = open_desk(spaces.synced, clock=spaces.clock)
    try:
        # Nothing new: the demo source's cursors already stand at its anchor.
        before = database.stat().st_mtime_ns, _wal_size(database)
        idle_s, idle_report = _timed(lambda: sync_workspace(desk))
        after = database.stat().st_mtime_ns, _wal_size(database)
        idle_written = sum(stream.written for stream in idle_report.streams.values())

        from advisor_app.store.clocks import recompute_on_change
        from advisor_app.sync.engine import run_sync

        changed_s, report = _timed(
            lambda: run_sync(desk.engine, provider, desk.clock, on_cases_changed=recompute_on_change(desk.clock))
        )
    finally:
        desk.close()
    written = sum(stream.written for stream in report.streams.values())
    return [
        Figure(
            "B2",
            f"{size.changed:,} changed cases (and one new event each) into the workspace",
            "s",
            round(changed_s, 3),
            round(floor_s, 3),
            "sqlite3 upserts of the same rows into a copy of the same workspace",
            "at most 2x the floor",
            2.0,
            "ratio",
            f"{written:,} records written",
        ),
        Figure(
            "B2-idle",
            "a sync with nothing new",
            "s",
            round(idle_s, 3),
            None,
            "",
            "under 0.2 s, writing nothing",
            0.2,
            "figure",
            f"{idle_written} records written; database file {'untouched' if before == after else 'changed'}",
        ),
    ]


def _wal_size(database: Path) -> int:
    wal = database.with_name(database.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0


# B3, B4, B5, B6 and the sync stall: the GUI in a child process ---------------------------


def _probe(*args: str, timeout: float = 600) -> tuple[float, dict[str, Any]]:
    """Start the GUI probe; return (seconds from spawn to first paint, its report)."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    spawned = time.time()
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, timeout=timeout, env=env, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"gui probe {args} failed ({done.returncode}): {done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(lines[-1])
    return report["painted"] - spawned, report


def start_up(spaces: Workspaces) -> list[Figure]:
    size = spaces.size
    bare = [_probe("bare")[0] for _ in range(size.repeat)]
    app = [_probe("app", "--data-dir", str(spaces.synced))[0] for _ in range(size.repeat)]
    return [
        Figure(
            "B3",
            f"start to painted window with data ({_cases(spaces)} cases)",
            "s",
            round(_median(app), 3),
            round(_median(bare), 3),
            "a bare PySide6 QMainWindow, started and painted the same way",
            "at most 2x the floor",
            2.0,
            "ratio",
            f"median of {size.repeat}; app runs {', '.join(f'{v:.2f}' for v in app)}",
        )
    ]


def idle_and_memory(spaces: Workspaces) -> list[Figure]:
    size = spaces.size
    seconds = str(size.idle_s)
    results: dict[str, dict[str, Any]] = {}

    def run(kind: str, *extra: str) -> None:
        results[kind] = _probe(kind, *extra, "--idle", seconds)[1]

    # Both idle at once: neither competes for the CPU while idle, and it saves a minute.
    threads = [
        threading.Thread(target=run, args=("bare",)),
        threading.Thread(target=run, args=("app", "--data-dir", str(spaces.synced))),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    app, bare = results["app"], results["bare"]

    def percent(report: dict[str, Any]) -> float:
        return round(report["idle_cpu_s"] / report["idle_s"] * 100, 3)

    def wakeups(report: dict[str, Any]) -> float:
        return round(report["idle_wakeups"] / report["idle_s"], 2)

    return [
        Figure(
            "B5",
            f"idle {size.idle_s:.0f} s with countdowns visible ({_cases(spaces)} cases): CPU % of a core",
            "%",
            percent(app),
            percent(bare),
            "a bare window idling as long",
            "at most 0.3 % of a core; no wake-up when nothing is due to change",
            0.3,
            "figure",
            f"GUI-thread wake-ups per second: app {wakeups(app)}, bare {wakeups(bare)}; {_after_open_sync(app)}",
        ),
        Figure(
            "B6",
            f"peak RSS after start-up and idle ({_cases(spaces)} cases)",
            "MB",
            round(app["maxrss_mb"], 1),
            round(bare["maxrss_mb"], 1),
            "a bare window",
            "at most the floor + 100 MB",
            100.0,
            "excess",
        ),
    ]


def _filter_figure(figure_id: str, cases: str, report: dict[str, Any], limit_ms: float) -> Figure:
    painted, floor = report["filter_ms"], report["filter_floor_ms"]
    return Figure(
        figure_id,
        f"All cases ({cases}): filter applied to table painted, p95 of {len(painted)}",
        "ms",
        round(_p95(painted), 1),
        round(_p95(floor), 1),
        "the same id and page SQL alone, p95",
        f"p95 at most {limit_ms:.0f} ms after the debounce (debounce 150 ms)",
        limit_ms,
        "figure",
        f"p50 {_median(painted):.1f} ms, floor p50 {_median(floor):.1f} ms; {_after_open_sync(report)}",
    )


def _after_open_sync(report: dict[str, Any]) -> str:
    return f"taken after the window's sync on open and its refresh ({report.get('open_sync_s', 0.0):.1f} s)"


def filtering(spaces: Workspaces) -> list[Figure]:
    _, report = _probe("app", "--data-dir", str(spaces.synced), "--filters", str(spaces.size.filters))
    return [_filter_figure("B4", _cases(spaces), report, 50.0)]


def at_200k(spaces: Workspaces) -> list[Figure]:
    """B4 and B6 at the large demo scale, 200,000 cases (the ids keep `200k` at tiny size, as
    B7 keeps its goal's count). The workspace is built once per run by a real first sync of
    the demo source, as B1 builds the 20,000-case one; the filters and the peak RSS come from
    one app process, beside a bare window started just before it."""
    scale = spaces.size.large_scale
    desk = spaces.empty("large", kind="demo", scale=scale)
    root = desk.workspace.root
    source = spaces.source(scale)
    build_s, report = _timed(lambda: sync_workspace(desk))
    desk.close()
    written = sum(stream.written for stream in report.streams.values())
    built = f"workspace built by a first demo sync: {written:,} records in {build_s:.0f} s"
    cases = f"{source.scale.cases:,}"
    _, bare = _probe("bare")
    _, app = _probe("app", "--data-dir", str(root), "--filters", str(spaces.size.filters))
    return [
        _filter_figure("B4-200k", cases, app, 150.0),
        Figure(
            "B6-200k",
            f"peak RSS after start-up and {len(app['filter_ms'])} filters on All cases ({cases} cases)",
            "MB",
            round(app["maxrss_mb"], 1),
            round(bare["maxrss_mb"], 1),
            "a bare window",
            "at most the floor + 200 MB",
            200.0,
            "excess",
            built,
        ),
    ]


def sync_stall(spaces: Workspaces) -> list[Figure]:
    desk = spaces.empty("gui-sync", kind="demo")
    root = desk.workspace.root
    desk.close()
    _, report = _probe("app", "--data-dir", str(root), "--sync")
    if report.get("sync_error"):
        raise RuntimeError(f"the background sync failed: {report['sync_error']}")
    on_open = report["sync_started"] == "on open"
    quiet_when = "after the sync" if on_open else "before the sync"
    started = "the sync the window starts as it opens; " if on_open else ""
    return [
        Figure(
            "sync",
            f"longest event-loop stall during a background first sync of {_cases(spaces)} cases",
            "ms",
            round(max(report["sync_gaps_ms"]), 1),
            round(max(report["quiet_gaps_ms"]), 1),
            f"the longest gap of the same 5 ms timer in the idle window {quiet_when}",
            "no stall over 50 ms",
            50.0,
            "figure",
            started + f"sync took {report['sync_s']:.1f} s; gaps over 50 ms: {report['sync_gaps_over_50']}, "
            f"over 100 ms: {report['sync_gaps_over_100']}; then the window's refresh with the new data: "
            f"{report['refresh_ms']:.0f} ms",
        )
    ]


def _cases(spaces: Workspaces) -> str:
    return f"{spaces.source().scale.cases:,}"


# B3 (command line) and B8 --------------------------------------------------------------------


def _cli_seconds(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "advisor_app.cli.main", *args], capture_output=True, check=True, timeout=600)
    return time.perf_counter() - start


def command_line(spaces: Workspaces) -> list[Figure]:
    size = spaces.size
    root = str(spaces.synced)
    account = spaces.source().accounts[0].name
    version = [_cli_seconds("--version") for _ in range(size.repeat)]
    status = [_cli_seconds("--data-dir", root, "status", "--json") for _ in range(size.repeat)]
    draft = [
        _cli_seconds("--data-dir", root, "draft", "--account", account, "--format", "md") for _ in range(size.repeat)
    ]
    floor = round(_median(version), 3)
    return [
        Figure(
            "B3-cli",
            f"`status --json` by command line ({_cases(spaces)} cases)",
            "s",
            round(_median(status), 3),
            floor,
            "`advisor-app --version`",
            "at most 4x the floor",
            4.0,
            "ratio",
            f"median of {size.repeat}",
        ),
        Figure(
            "B8-cli",
            "one weekly draft by command line (`draft --format md`)",
            "s",
            round(_median(draft), 3),
            floor,
            "`advisor-app --version`",
            "under 0.5 s",
            0.5,
            "figure",
            f"median of {size.repeat}",
        ),
    ]


def drafts(spaces: Workspaces) -> list[Figure]:
    from advisor_app.drafts.service import compose_draft, current_week, workspace_templates

    size = spaces.size
    desk = open_desk(spaces.synced, clock=spaces.clock)
    try:
        templates = workspace_templates(desk.workspace.root)
        accounts = list(range(1, len(spaces.source().accounts) + 1))
        weeks = {account: current_week(desk.engine, account, spaces.anchor) for account in accounts}
        picks = [accounts[n % len(accounts)] for n in range(size.drafts)]
        seconds, _ = _timed(lambda: [compose_draft(desk.engine, templates, a, weeks[a], spaces.anchor) for a in picks])
    finally:
        desk.close()
    return [
        Figure(
            "B8",
            f"{size.drafts} weekly drafts composed in process ({_cases(spaces)} cases)",
            "s",
            round(seconds, 3),
            None,
            "",
            "under 1 s for 30 drafts",
            1.0 * size.drafts / 30,
            "figure",
        )
    ]


# B7: SLA summaries --------------------------------------------------------------------------


def sla_summaries(spaces: Workspaces) -> list[Figure]:
    sys.path.insert(0, str(HERE))
    import bench_sla

    count = spaces.size.sla_cases
    cases = bench_sla.generate_cases(0, count, 7)
    gc.collect()
    gc.freeze()
    try:
        seconds, _ = _timed(lambda: bench_sla._summaries(cases))
    finally:
        gc.unfreeze()
    cases.clear()
    return [
        Figure(
            "B7",
            f"SLA summaries of {count:,} cases on one core",
            "s",
            round(seconds, 3),
            None,
            "",
            "200,000 under 5 s",
            5.0 * count / 200_000,
            "figure",
            f"{seconds / count * 1e6:.1f} µs per case",
        )
    ]


MEASURES: dict[str, Callable[[Workspaces], list[Figure]]] = {
    "B1": first_sync,
    "B2": later_syncs,
    "B3": start_up,
    "B3-cli": command_line,
    "B4": filtering,
    "B5": idle_and_memory,
    "sync": sync_stall,
    "B7": sla_summaries,
    "B8": drafts,
    "200k": at_200k,  # last: its 200,000-case workspace is built here, after every 20k figure
}
IDS = ["B1", "B2", "B2-idle", "B3", "B3-cli", "B4", "B4-200k", "B5", "B6", "B6-200k", "B7", "B8", "B8-cli", "sync"]


def measure_all(size: Size, progress: Callable[[str], None]) -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="advisor-bench-") as folder:
        # The run's "now": whole minutes, like the demo's anchor; every workspace shares it.
        anchor = datetime.now(UTC).replace(second=0, microsecond=0)
        spaces = Workspaces(Path(folder), size, anchor)
        for name, measure in MEASURES.items():
            progress(name)
            start = time.perf_counter()
            figures.extend(measure(spaces))
            progress(f"{name} done in {time.perf_counter() - start:.1f} s")
        shutil.rmtree(folder, ignore_errors=True)
    return figures


__all__ = ["IDS", "SIZES", "Figure", "Size", "measure_all"]
