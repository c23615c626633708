"""Schema changes commit whole or not at all: a migration process killed (SIGKILL) at a
random moment during creation or any upgrade leaves a workspace that opens at a known
revision with every row. Trials per kind: ADVISOR_RELIABILITY_TRIALS (default 2; the
soak runs 50). Figures: RELIABILITY.md, "Schema changes" (`python -m
tests.reliability.test_schema_changes [TRIALS] [--legacy]` prints them)."""

from __future__ import annotations

import random
import shutil
import signal
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advisor_app.store import database
from advisor_app.store.backups import KEEP_BACKUPS, list_backups
from tests.reliability.probes import child, make_workspace_at, revision_of, rows_of, schema_of, trials

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SEED = 1414
KINDS = ["create", *(f"upgrade-{revision}" for revision in database.known_revisions()[:-1])]


@dataclass
class Outcome:
    trials: int = 0
    killed_before_commit: int = 0
    killed_after_commit: int = 0
    finished: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Templates:
    folder: Path
    schemas: dict[str | None, list[tuple[str, str, str]]]

    def database(self, revision: str) -> Path:
        return self.folder / f"at-{revision}.db"


def make_templates(folder: Path) -> Templates:
    folder.mkdir(parents=True, exist_ok=True)
    schemas: dict[str | None, list[tuple[str, str, str]]] = {}
    for revision in database.known_revisions():
        path = folder / f"at-{revision}.db"
        make_workspace_at(path, revision)
        schemas[revision] = schema_of(path)
    return templates_with(folder, schemas)


def templates_with(folder: Path, schemas: dict[str | None, list[tuple[str, str, str]]]) -> Templates:
    return Templates(folder, schemas)


def _start(kind: str, templates: Templates, work: Path, legacy: bool) -> tuple[Path, str | None]:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    path = work / "advisor.db"
    if kind == "create":
        return path, None
    revision = kind.removeprefix("upgrade-")
    shutil.copyfile(templates.database(revision), path)
    return path, revision


def _run_child(path: Path, legacy: bool, delay: float | None) -> tuple[bool, float]:
    """Run the migration; kill it `delay` seconds after it says ready (None: let it finish).
    Returns (whether it finished, seconds from ready to exit or kill)."""
    args = [str(path), str(path.parent / "backups")] + (["--legacy"] if legacy else [])
    process = child("migrate_child", *args)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line.strip() == "ready", process.stderr.read() if process.stderr else line
    started = time.monotonic()
    if delay is None:
        process.wait(timeout=120)
        assert process.returncode == 0, process.stderr.read() if process.stderr else ""
        return True, time.monotonic() - started
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stdout.close()
    if process.stderr is not None:
        process.stderr.close()
    return process.returncode == 0, time.monotonic() - started


def run_trials(kind: str, count: int, templates: Templates, work: Path, *, seed: int, legacy: bool = False) -> Outcome:
    rng = random.Random(f"{seed}:{kind}")
    head = database.head_revision()
    path, start = _start(kind, templates, work, legacy)
    _, duration = _run_child(path, legacy, None)
    outcome = Outcome()
    for trial in range(count):
        path, start = _start(kind, templates, work, legacy)
        expected_rows = rows_of(path) if start is not None else None
        finished, _ = _run_child(path, legacy, rng.uniform(0, duration * 1.2))
        outcome.trials += 1
        label = f"{kind} trial {trial}"
        # What the kill left, before anything opens it the app's way.
        left = revision_of(path) if path.exists() else None
        if left == head:
            outcome.finished += finished
            outcome.killed_after_commit += not finished
        elif left == start:
            outcome.killed_before_commit += 1
        else:
            outcome.problems.append(f"{label}: left at revision {left}, neither {start} nor {head}")
            continue
        if path.exists() and schema_of(path) not in (templates.schemas.get(left, []), templates.schemas[head]):
            outcome.problems.append(f"{label}: half a schema at revision {left}")
            continue
        try:
            engine = database.open_database(path, path.parent / "backups", NOW)
        except Exception as error:  # the defect this probe looks for: a workspace that no longer opens
            outcome.problems.append(f"{label}: does not open: {str(error).splitlines()[0]}")
            continue
        revision = database.current_revision(engine)
        engine.dispose()
        if revision != head or schema_of(path) != templates.schemas[head]:
            outcome.problems.append(f"{label}: opened at {revision}, not the head schema")
        elif expected_rows is not None and {k: rows_of(path)[k] for k in expected_rows} != expected_rows:
            outcome.problems.append(f"{label}: rows lost")
        if len(list_backups(path.parent / "backups")) > KEEP_BACKUPS:
            outcome.problems.append(f"{label}: backups piled up")
    return outcome


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> Templates:
    return make_templates(tmp_path_factory.mktemp("templates"))


@pytest.mark.parametrize("kind", KINDS)
def test_a_kill_at_a_random_moment_leaves_a_workspace_that_opens_with_every_row(
    kind: str, templates: Templates, tmp_path: Path
) -> None:
    outcome = run_trials(kind, trials(2), templates, tmp_path / "work", seed=SEED)
    assert outcome.problems == []
    assert outcome.trials == outcome.killed_before_commit + outcome.killed_after_commit + outcome.finished


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 50
    legacy = "--legacy" in sys.argv
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        templates = make_templates(Path(folder) / "templates")
        for kind in KINDS:
            outcome = run_trials(kind, count, templates, Path(folder) / "work", seed=SEED, legacy=legacy)
            print(
                f"{kind:<14} trials {outcome.trials:>3}  killed before commit {outcome.killed_before_commit:>3}"
                f"  after {outcome.killed_after_commit:>3}  finished {outcome.finished:>3}"
                f"  bricked/lost {len(outcome.problems):>3}",
                flush=True,
            )
            for problem in outcome.problems[:3]:
                print(f"    {problem}", flush=True)


if __name__ == "__main__":
    main()
