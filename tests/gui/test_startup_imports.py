"""The window's first paint loads only what it shows: no migrations, HTTP, keyring, wizard,
drafts or charts until they are first used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

LATER = [
    "alembic",
    "requests",
    "keyring",
    "jinja2",
    "PySide6.QtCharts",
    "advisor_app.gui.connection_wizard",
    "advisor_app.gui.drafts.composer",
    "advisor_app.drafts.service",
    "advisor_app.workspace.source_sync",
]

PROGRAM = """
import json, pathlib, sys
from advisor_app.workspace.desk import open_desk
from advisor_app.gui.app import create_application, open_main_window
root = pathlib.Path(sys.argv[1])
app = create_application(sys.argv[:1])
desk = open_desk(root)
window = open_main_window(desk)
app.processEvents()
loaded = [name for name in json.loads(sys.argv[2]) if name in sys.modules]
window.show_account(1)
app.processEvents()
print(json.dumps({"before": loaded, "charts_after_account": "PySide6.QtCharts" in sys.modules}))
window.close()
desk.close()
"""


def test_the_first_paint_leaves_the_rest_for_first_use(tmp_path: Path) -> None:
    root = tmp_path / "workspace"
    root.mkdir()
    (root / "settings.json").write_text('{"demo_scale": "tiny"}')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    made = subprocess.run(
        [sys.executable, "-m", "advisor_app.cli.main", "--data-dir", str(root), "--demo", "status"],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM, str(root), json.dumps(LATER)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["before"] == []
    assert report["charts_after_account"], "the account's usage tab loads its charts when an account is shown"
