"""One writer per workspace: the window's QLockFile and the command line's lock are one
lock; a stale lock of a crashed process (of either kind) is taken over; `sync` and
`connect` refuse, in one line, while another process holds it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from PySide6.QtCore import QLockFile

from advisor_app.errors import WorkspaceBusyError
from advisor_app.workspace.folder import Workspace
from advisor_app.workspace.lock import acquire, read_holder, try_acquire
from tests.reliability.probes import ROOT, child


def _held_by_child(kind: str, path: Path) -> subprocess.Popen[str]:
    process = child("lock_holder_child", kind, str(path))
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held", process.stderr.read() if process.stderr else ""
    return process


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def test_a_second_holder_in_the_core_is_refused_with_the_holder_named(tmp_path: Path) -> None:
    path = tmp_path / "advisor.lock"
    busy = rf"cannot sync: the workspace is in use by process {os.getpid()}"
    with acquire(path, what="sync"), pytest.raises(WorkspaceBusyError, match=busy):
        acquire(path, what="sync")
    assert not path.exists(), "released: the file is gone"
    assert try_acquire(path) is not None


def test_the_window_lock_and_the_command_line_lock_exclude_each_other(tmp_path: Path) -> None:
    path = tmp_path / "advisor.lock"
    window = QLockFile(str(path))
    window.setStaleLockTime(0)
    assert window.tryLock(0)
    with pytest.raises(WorkspaceBusyError):
        acquire(path, what="sync")
    holder = read_holder(path)
    assert holder is not None and holder.pid == os.getpid()
    window.unlock()
    with acquire(path, what="sync"):
        other = QLockFile(str(path))
        other.setStaleLockTime(0)
        assert not other.tryLock(0), "Qt honours the command line's lock"
        pid, _host, _app = other.getLockInfo()
        assert pid == os.getpid()
    assert other.tryLock(0)
    other.unlock()


@pytest.mark.parametrize("crashed", ["core", "qt"])
def test_a_stale_lock_after_a_crash_is_taken_over_by_either_side(crashed: str, tmp_path: Path) -> None:
    path = tmp_path / "advisor.lock"
    process = _held_by_child(crashed, path)
    try:
        with pytest.raises(WorkspaceBusyError, match=str(process.pid)):
            acquire(path, what="sync")
        window = QLockFile(str(path))
        window.setStaleLockTime(0)
        assert not window.tryLock(0), "a live holder keeps it"
    finally:
        _kill(process)
    assert path.exists(), "a crash leaves the file behind"
    with acquire(path, what="sync"):
        pass  # the command line takes the stale lock over
    process = _held_by_child(crashed, path)
    _kill(process)
    window = QLockFile(str(path))
    window.setStaleLockTime(0)
    assert window.tryLock(0), "the window takes the stale lock over"
    window.unlock()


@pytest.mark.parametrize("command", [["sync"], ["connect", "rt", "https://rt.example.com", "--user", "u"]])
def test_sync_and_connect_refuse_while_the_window_holds_the_workspace(command: list[str], tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    window = QLockFile(str(Workspace(root).writer_lock))
    window.setStaleLockTime(0)
    assert window.tryLock(0)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "advisor_app.cli.main", "--data-dir", str(root), *command],
            cwd=ROOT,
            input="token\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        window.unlock()
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "is in use by process" in lines[0] and str(os.getpid()) in lines[0], result.stderr
    assert not (root / "advisor.db").exists(), "refused before opening the database"
