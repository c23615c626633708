"""One writer per workspace: a lock file that the window (Qt's QLockFile) and the command
line (this module, which cannot import Qt) both honour.

The protocol is QLockFile's on Unix, so either side sees the other's lock:

- taking the lock creates the file exclusively (O_CREAT|O_EXCL), writes three lines
  (pid, process name, host name: the format QLockFile reads), and holds an `flock` on it
  for as long as the lock is held;
- a lock is stale when its holder is gone: same host, and that pid no longer runs (or runs
  another program). A stale file is removed only while holding its `flock`, which no live
  holder would let go of, and the lock is then taken as usual.

Locks on network file systems are not supported (as with QLockFile). On Windows (where
QLockFile uses sharing modes instead) a lock is never judged stale here: the message names
the holder, and the window's QLockFile takes a crashed one over.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from advisor_app.errors import WorkspaceBusyError


@dataclass(frozen=True, slots=True)
class LockHolder:
    pid: int
    process: str
    host: str

    def describe(self) -> str:
        return f"process {self.pid} ({self.process}) on {self.host}"


def process_name(pid: int) -> str:
    """The program's file name, as QLockFile records and compares it ("" when unknown)."""
    if sys.platform.startswith("linux"):
        try:
            target = os.readlink(f"/proc/{pid}/exe")
        except OSError:
            return ""
        return os.path.basename(target.removesuffix(" (deleted)"))
    return os.path.basename(os.path.realpath(sys.executable)) if pid == os.getpid() else ""


def read_holder(path: Path) -> LockHolder | None:
    """Who holds the lock at `path`, as its file says (None: no file, or not readable yet)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
    except OSError:
        return None
    try:
        pid = int(lines[0])
    except ValueError:
        return None
    if pid <= 0:
        return None
    return LockHolder(pid, lines[1] if len(lines) > 1 else "", lines[2] if len(lines) > 2 else "")


def _flock(fd: int) -> bool:
    """An exclusive, non-blocking flock on `fd`; False while another process holds one."""
    if sys.platform == "win32":
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _running(holder: LockHolder) -> bool:
    if sys.platform == "win32":
        return True  # os.kill would end the process there; assume it runs
    try:
        os.kill(holder.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it runs
    name = process_name(holder.pid)
    return not (name and holder.process and name != holder.process)


def is_stale(holder: LockHolder | None) -> bool:
    """Whether the holder is provably gone (a lock of another host is never judged)."""
    return holder is not None and holder.host in ("", socket.gethostname()) and not _running(holder)


def _remove_stale(path: Path) -> None:
    try:
        fd = os.open(path, os.O_WRONLY)
    except FileNotFoundError:
        return
    if not _flock(fd):
        os.close(fd)
        return  # a live holder keeps its flock: not stale after all
    try:
        path.unlink(missing_ok=True)
    finally:
        os.close(fd)


class WorkspaceLock:
    """A lock this process holds; `release` (or leaving the `with` block) lets it go."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        os.close(self._fd)  # closed first, as QLockFile does (Windows cannot remove an open file)
        self._fd = None
        self.path.unlink(missing_ok=True)

    def __enter__(self) -> WorkspaceLock:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def _try_create(path: Path) -> WorkspaceLock | None:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return None
    if not _flock(fd):
        # Another process judged the file stale in the instant before our flock and is
        # removing it: leave it to them and try again later.
        os.close(fd)
        return None
    try:
        content = f"{os.getpid()}\n{process_name(os.getpid())}\n{socket.gethostname()}\n"
        os.write(fd, content.encode("utf-8"))
        os.fsync(fd)
    except OSError:
        path.unlink(missing_ok=True)
        os.close(fd)
        raise
    return WorkspaceLock(path, fd)


def try_acquire(path: Path) -> WorkspaceLock | None:
    """Take the lock now, taking over a stale one; None while a live process holds it."""
    for _ in range(3):
        lock = _try_create(path)
        if lock is not None:
            return lock
        if not is_stale(read_holder(path)):
            return None
        _remove_stale(path)
    return None


def acquire(path: Path, *, what: str) -> WorkspaceLock:
    """Take the lock or raise WorkspaceBusyError naming the holder; `what` is the work refused."""
    try:
        lock = try_acquire(path)
    except OSError as error:
        raise WorkspaceBusyError(f"cannot lock {path}: {os.strerror(error.errno or errno.EIO)}") from error
    if lock is None:
        holder = read_holder(path)
        by = holder.describe() if holder is not None else "another process"
        raise WorkspaceBusyError(f"cannot {what}: the workspace is in use by {by}; try again when it is done")
    return lock


def acquire_waiting(path: Path, *, what: str, timeout: float, poll: float = 0.05) -> WorkspaceLock:
    """Take the lock, waiting up to `timeout` seconds for its holder to let go."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return acquire(path, what=what)
        except WorkspaceBusyError:
            if time.monotonic() >= deadline:
                raise
        time.sleep(poll)
