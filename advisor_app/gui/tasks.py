"""One way to run work off the GUI thread.

`BackgroundTask` runs a function on a thread pool and delivers its progress, result or
error on the GUI thread as Qt signals. The function gets a `report(value)` callable,
throttled so a chatty worker cannot flood the event loop, and a `CancelToken` it should
check between steps.

The pools are here and nowhere else, one thread each: `network_pool()` (syncs and the
wizard's connection test, so two never overlap), `text_pool()` (case text) and
`drafts_pool()` (composing drafts). At exit `shutdown_background_work()` cancels what runs
and waits for every pool, before the workspace's database closes.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from advisor_app.errors import AdvisorError

log = logging.getLogger(__name__)

_pools: dict[str, QThreadPool] = {}
_running_lock = threading.Lock()
_running: set[CancelToken] = set()  # the tokens of the jobs queued or running: the exit cancels them


def _pool(name: str) -> QThreadPool:
    pool = _pools.get(name)
    if pool is None:
        pool = _pools[name] = QThreadPool()
        pool.setObjectName(f"{name}-pool")
        pool.setMaxThreadCount(1)
    return pool


def network_pool() -> QThreadPool:
    """Syncs and connection tests: one at a time."""
    return _pool("network")


def text_pool() -> QThreadPool:
    """Sanitizing case text when a case opens (one thread: the newest case wins, older ones are dropped)."""
    return _pool("text")


def drafts_pool() -> QThreadPool:
    """Composing drafts (reads and renders): one thread, so two compositions never race."""
    return _pool("drafts")


def shutdown_background_work(timeout_ms: int = 10_000) -> bool:
    """Cancel every queued or running job and wait for all pools; True when they all ended in time.

    Called once, as the app quits, before the workspace's database is closed."""
    for pool in list(_pools.values()):
        pool.clear()  # queued jobs never start
    with _running_lock:
        tokens = list(_running)
    for token in tokens:
        token.cancel()
    deadline = time.monotonic() + timeout_ms / 1000
    ended = True
    for pool in list(_pools.values()):
        left_ms = max(0, round((deadline - time.monotonic()) * 1000))
        if not pool.waitForDone(left_ms):
            log.warning("background work on %s still running at exit", pool.objectName())
            ended = False
    with _running_lock:
        _running.clear()
    return ended


class CancelToken:
    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    def is_cancelled(self) -> bool:
        return self._event.is_set()

    # The HTTP layer's CancelToken protocol (what threading.Event offers), so waits end on cancel.
    def is_set(self) -> bool:
        return self._event.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._event.wait(timeout)


class Report(Protocol):
    """How work reports progress; `urgent` skips the throttle (a wait must always be shown)."""

    def __call__(self, value: Any, urgent: bool = False) -> None: ...


Work = Callable[[Report, CancelToken], Any]
"""work(report, token): `report(value)` is throttled; `report(value, True)` always reaches the GUI
(a wait the user must see, which may follow a progress report within the interval)."""


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, Qt queues the calls to the GUI thread."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)


class _Gate:
    """Lets the worker emit through the relay only while the relay exists. The relay is a
    child of its task, deleted on the GUI thread when the task's window goes; its `destroyed`
    closes the gate there, waiting for an emit in progress, and no emit starts after it."""

    def __init__(self, relay: _Relay) -> None:
        self._relay = relay
        self._lock = threading.Lock()
        self._open = True
        relay.destroyed.connect(self.close, Qt.ConnectionType.DirectConnection)

    def close(self) -> None:
        with self._lock:
            self._open = False

    def emit(self, signal: str, value: object) -> None:
        with self._lock:
            if self._open:
                getattr(self._relay, signal).emit(value)
            else:
                log.debug("background task outlived its window; %s dropped", signal)


class _Job(QRunnable):
    PROGRESS_INTERVAL = 0.1

    def __init__(self, work: Work, gate: _Gate, token: CancelToken) -> None:
        super().__init__()
        self._work, self._gate, self._token = work, gate, token
        self._last_report = 0.0

    def _report(self, value: Any, urgent: bool = False) -> None:
        now = time.monotonic()
        if urgent or now - self._last_report >= self.PROGRESS_INTERVAL:
            self._last_report = now
            self._gate.emit("progressed", value)

    def run(self) -> None:
        try:
            result = self._work(self._report, self._token)
        except Exception as error:  # delivered to the GUI thread, which words it
            # A typed error is an expected outcome (offline, a refused edit); anything else is a bug.
            level = logging.INFO if isinstance(error, AdvisorError) else logging.ERROR
            log.log(level, "background task failed: %s", error, exc_info=error)
            self._gate.emit("failed", error)
        else:
            self._gate.emit("succeeded", result)
        finally:
            with _running_lock:
                _running.discard(self._token)


class BackgroundTask(QObject):
    """A unit of background work; connect to its signals, then `start()` it."""

    progressed = Signal(object)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Work, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work, self._pool = work, pool
        self._token = CancelToken()
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._on_progressed)
        self._relay.succeeded.connect(self._on_succeeded)
        self._relay.failed.connect(self._on_failed)
        self._gate = _Gate(self._relay)
        self.running = False

    def start(self) -> None:
        self.running = True
        with _running_lock:
            _running.add(self._token)
        self._pool.start(_Job(self._work, self._gate, self._token))

    def cancel(self) -> None:
        self._token.cancel()

    @Slot(object)
    def _on_progressed(self, value: object) -> None:
        if self.running:
            self.progressed.emit(value)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self.running = False
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, error: object) -> None:
        self.running = False
        self.failed.emit(error)
        self.finished.emit()
