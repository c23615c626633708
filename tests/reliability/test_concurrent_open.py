"""Processes opening one NEW workspace at once all succeed (before: 7 of 8 failed), and the
demo workspace is filled once, not once per process."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from advisor_app.store import database
from tests.reliability.probes import ROOT, revision_of


def _start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "advisor_app.cli.main", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(processes: list[subprocess.Popen[str]], timeout: float) -> list[tuple[str, str, int]]:
    finished = []
    for process in processes:
        out, err = process.communicate(timeout=timeout)
        finished.append((out, err, process.returncode))
    return finished


def test_eight_processes_opening_a_new_workspace_at_once_all_succeed(tmp_path: Path) -> None:
    root = tmp_path / "new"
    processes = [_start("--data-dir", str(root), "status", "--json") for _ in range(8)]
    results = [(code, out, err) for out, err, code in _finish(processes, timeout=120)]
    failed = [f"exit {code}: {err.strip()}" for code, _, err in results if code != 0]
    assert failed == []
    assert all((json.loads(out)["accounts"], json.loads(out)["cases"]) == ([], []) for _, out, _ in results)
    assert revision_of(root / "advisor.db") == database.head_revision()


def test_three_processes_opening_a_new_demo_workspace_fill_it_once(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    root.mkdir()
    (root / "settings.json").write_text('{"demo_scale": "tiny"}')
    processes = [_start("--data-dir", str(root), "--demo", "obligations", "--json") for _ in range(3)]
    results = [(code, out, err) for out, err, code in _finish(processes, timeout=180)]
    assert [code for code, _, _ in results] == [0, 0, 0], [err for _, _, err in results]
    reports = [json.loads(out) for _, out, _ in results]
    assert reports[0] == reports[1] == reports[2] and len(reports[0]["accounts"]) == 3
    connection = sqlite3.connect(root / "advisor.db")
    entries = connection.execute("SELECT count(*) FROM service_day_entries").fetchone()[0]
    distinct = connection.execute(
        "SELECT count(*) FROM (SELECT DISTINCT account_id, day, kind, note FROM service_day_entries)"
    ).fetchone()[0]
    connection.close()
    assert entries == distinct > 0, "the demo's service days were booked more than once"
    assert not (root / "advisor.open.lock").exists()
