"""`make bench` at tiny size: every figure runs, and the result file and table have their shape.

No timing is asserted (the figures of a 60-case workspace mean nothing); this keeps the
benchmarks from rotting as the code they drive changes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
IDS = {"B1", "B2", "B2-idle", "B3", "B3-cli", "B4", "B4-200k", "B5", "B6", "B6-200k", "B7", "B8", "B8-cli", "sync"}
FIELDS = {"id", "what", "unit", "figure", "floor", "floor_what", "ratio", "goal", "goal_met", "machine"}


def test_every_figure_runs_at_tiny_size_and_is_written_with_its_floor(tmp_path: Path) -> None:
    markdown = tmp_path / "BENCHMARKS.md"
    markdown.write_text(
        "# Benchmarks\n\nProse stays.\n\n<!-- bench:begin (old) -->\nold table\n<!-- bench:end -->\n\nAfter.\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--size", "tiny", "--output", str(tmp_path),
         "--markdown", str(markdown)],
        capture_output=True, text=True, env=env, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]

    results = json.loads((tmp_path / "results.json").read_text())
    assert results["size"] == "tiny"
    figures = {figure["id"]: figure for figure in results["figures"]}
    assert set(figures) == IDS
    for figure in figures.values():
        assert set(figure) >= FIELDS, figure["id"]
        assert isinstance(figure["figure"], int | float) and figure["figure"] >= 0, figure
        assert figure["goal"], figure["id"]
        assert figure["machine"]["cpus"] >= 1
        if figure["floor"] is not None:
            assert figure["floor"] > 0, figure["id"]
            assert figure["ratio"] == round(figure["figure"] / figure["floor"], 2)
    # Every figure that has a floor measured it in this run.
    with_floor = {"B1", "B2", "B3", "B3-cli", "B4", "B4-200k", "B5", "B6", "B6-200k", "sync"}
    assert {i for i, f in figures.items() if f["floor"] is not None} >= with_floor
    assert "database file untouched" in figures["B2-idle"]["note"]

    text = markdown.read_text()
    assert text.startswith("# Benchmarks\n\nProse stays.")
    assert text.rstrip().endswith("After.")
    assert "old table" not in text
    assert text.count("bench:begin") == 1 and text.count("bench:end") == 1
    for figure_id in IDS:
        assert f"| {figure_id} |" in text
