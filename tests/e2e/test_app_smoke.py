"""The real app, started as a user starts it, on a fresh demo workspace (offscreen)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def wait_for(path: Path, text: str, process: subprocess.Popen[str], timeout: float = 90) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and text in (content := path.read_text(encoding="utf-8")):
            return content
        if process.poll() is not None:
            raise AssertionError(
                f"app exited early with {process.returncode}: {process.stderr.read() if process.stderr else ''}"
            )
        time.sleep(0.2)
    raise AssertionError(f"{text!r} not logged within {timeout}s")


def start_demo_app(root: Path) -> subprocess.Popen[str]:
    """`advisor-app --demo` on the workspace `root`, offscreen, its output kept."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "advisor_app.cli.main", "--demo", "--data-dir", str(root)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_app_starts_shows_the_demo_and_quits_cleanly(tmp_path: Path) -> None:
    root = tmp_path / "workspace"
    process = start_demo_app(root)
    try:
        log = wait_for(root / "logs" / "advisor.log", "window shown", process)
        assert "window shown: 25 accounts" in log
        shown = int(log.split("window shown: 25 accounts, ")[1].split(" cases")[0])
        assert shown > 100
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
    stderr = process.stderr.read() if process.stderr else ""
    assert "Traceback" not in stderr
    log = (root / "logs" / "advisor.log").read_text(encoding="utf-8")
    assert "quit with code 0" in log
    # The offscreen platform warns that it cannot propagate size hints; nothing else may warn.
    problems = [
        line
        for line in log.splitlines()
        if (" WARNING " in line or " ERROR " in line) and "does not support propagateSizeHints" not in line
    ]
    assert problems == []


def test_a_termination_signal_during_start_up_is_not_lost(tmp_path: Path) -> None:
    """SIGTERM while the demo workspace is still being filled (before the event loop runs):
    the signal waits in the wake-up socket and the app quits cleanly once the loop starts."""
    root = tmp_path / "workspace"
    process = start_demo_app(root)
    try:
        wait_for(root / "logs" / "advisor.log", "filling the demo workspace", process)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=120) == 0
    finally:
        if process.poll() is None:
            process.kill()
    log = (root / "logs" / "advisor.log").read_text(encoding="utf-8")
    assert "quit with code 0" in log
