"""A sync in a process of its own, so the window's event loop never waits on it.

A sync thread in the GUI process holds the interpreter lock for most of its run (building
records, binding rows, computing clocks), and the event loop stalled for up to a second at
a time during a 20,000-case sync. In a child process the sync has its own interpreter;
the calling thread only waits on a pipe (without the lock) for progress and the result.

The child gets everything it needs over the pipe: the workspace folder, the settings as
the caller holds them, the time to sync at, and the token (never on its command line or
in its environment). It opens the already migrated database itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from dataclasses import dataclass
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from advisor_app.errors import AdvisorError
from advisor_app.sync.engine import Progress, SyncError, SyncReport
from advisor_app.workspace.settings import Settings

if TYPE_CHECKING:  # the HTTP layer (requests) loads in the sync's process only
    from advisor_app.sync.http import CancelToken, OnWait

log = logging.getLogger(__name__)

# How often the waiting thread looks at the cancel token while no message comes.
_CANCEL_POLL_S = 0.2

# The sync processes running now: `stop_running_syncs` ends them when a cancel was not enough.
_children_lock = threading.Lock()
_children: set[Any] = set()


@dataclass(frozen=True, slots=True)
class _Job:
    root: str
    settings: bytes
    now: datetime
    token: str | None


class _GivenToken:
    """The credentials of the child: the one token the parent looked up (or none)."""

    def __init__(self, token: str | None) -> None:
        self._token = token

    def load(self, _user: str, _url: str) -> str | None:
        return self._token


def sync_in_process(
    root: Path,
    settings: Settings,
    now: datetime,
    token: str | None,
    progress: Progress | None = None,
    on_wait: OnWait | None = None,
    cancel: CancelToken | None = None,
) -> SyncReport:
    """Run `sync_workspace` for the workspace at `root` in a child process and return its
    report; its errors are raised here (SyncCancelled once `cancel` is set)."""
    context = multiprocessing.get_context("spawn")  # never fork a process that runs Qt
    ours, theirs = context.Pipe()
    child = context.Process(target=_child_main, args=(theirs,), name="advisor-sync", daemon=True)
    child.start()
    with _children_lock:
        _children.add(child)
    theirs.close()
    try:
        ours.send(_Job(str(root), msgspec.json.encode(settings), now, token))
        return _follow(ours, child, progress, on_wait, cancel)
    finally:
        ours.close()
        child.join(timeout=10)
        if child.is_alive():
            child.kill()
            child.join()
        with _children_lock:
            _children.discard(child)


def stop_running_syncs() -> int:
    """Kill every sync process still running; returns how many. For the exit, when a cancel
    did not end them in time (an HTTP read in flight is only checked when it returns): none
    may write the workspace once the window has let go of it. A killed sync loses at most its
    open transaction, which SQLite rolls back."""
    with _children_lock:
        running = [child for child in _children if child.is_alive()]
    for child in running:
        log.warning("killing sync process %s at exit: it did not stop when cancelled", child.pid)
        child.kill()
    for child in running:
        child.join(timeout=10)
    return len(running)


def _follow(
    pipe: Connection,
    child: Any,
    progress: Progress | None,
    on_wait: OnWait | None,
    cancel: CancelToken | None,
) -> SyncReport:
    cancel_sent = False
    while True:
        if cancel is not None and cancel.is_set() and not cancel_sent:
            pipe.send(("cancel",))
            cancel_sent = True
        if not pipe.poll(_CANCEL_POLL_S):
            if not child.is_alive() and not pipe.poll(0):
                raise SyncError(f"the sync process ended unexpectedly (exit code {child.exitcode})")
            continue
        try:
            message = pipe.recv()
        except (EOFError, OSError):  # the child died mid-message (killed, out of memory)
            raise SyncError(f"the sync process ended unexpectedly (exit code {child.exitcode})") from None
        kind = message[0]
        if kind == "progress" and progress is not None:
            progress(message[1], message[2])
        elif kind == "wait" and on_wait is not None:
            on_wait(message[1], message[2])
        elif kind == "done":
            report: SyncReport = message[1]
            return report
        elif kind == "error":
            error: BaseException = message[1]
            raise error


def _child_main(pipe: Connection) -> None:
    job: _Job = pipe.recv()
    cancelled = threading.Event()

    def listen() -> None:
        try:
            while pipe.recv()[0] != "cancel":
                pass
        except (EOFError, OSError):
            pass
        cancelled.set()

    threading.Thread(target=listen, name="cancel-listener", daemon=True).start()
    try:
        report = _run(job, cancelled, pipe)
    except BaseException as error:  # every failure goes back to the parent, which words it
        pipe.send(("error", _portable(error)))
    else:
        pipe.send(("done", report))


def _run(job: _Job, cancelled: threading.Event, pipe: Connection) -> SyncReport:
    from advisor_app.store.database import make_engine
    from advisor_app.workspace.desk import Desk
    from advisor_app.workspace.folder import Workspace
    from advisor_app.workspace.logs import setup_logging
    from advisor_app.workspace.source_sync import sync_workspace

    workspace = Workspace(Path(job.root))
    setup_logging(workspace.logs_dir)
    settings = msgspec.json.decode(job.settings, type=Settings)
    engine = make_engine(workspace.database)
    desk = Desk(workspace, settings, engine, lambda: job.now)
    try:
        return sync_workspace(
            desk,
            progress=lambda stream, count: pipe.send(("progress", stream, count)),
            cancel=cancelled,
            on_wait=lambda seconds, reason: pipe.send(("wait", seconds, reason)),
            credentials=_GivenToken(job.token),
        )
    finally:
        engine.dispose()


def _portable(error: BaseException) -> BaseException:
    """The error itself when it crosses the pipe intact, else a SyncError with its words."""
    import pickle

    try:
        copy = pickle.loads(pickle.dumps(error))
    except Exception:
        copy = None
    if isinstance(copy, BaseException) and type(copy) is type(error) and str(copy) == str(error):
        return error
    if isinstance(error, AdvisorError):
        return SyncError(str(error))
    return SyncError(f"{type(error).__name__}: {error}")


__all__ = ["sync_in_process"]
