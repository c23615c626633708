"""A GUI process the benchmarks start and watch: the app (or a bare window as the floor).

    gui_probe.py bare|app [--data-dir DIR] [--idle SECONDS] [--filters N] [--sync]

It runs the app's own start-up (`advisor_app.cli.main.main`, which calls `run_gui`) and only
hooks in where the window is shown, to notice its first paint. It prints one JSON line:
`painted` (wall-clock time of the first paint, `time.time()`, for the parent to subtract
its spawn time from), then whatever the options asked for:
- `--idle S`: CPU seconds and wake-ups (voluntary context switches of the GUI thread,
  from /proc/thread-self/status) over S seconds of doing nothing with countdowns visible;
- `--filters N`: N filter changes on All cases, each timed from the filter being applied
  (after the debounce) to the table's next paint, beside the same id and page SQL alone;
- `--sync`: the largest gaps of a 5 ms timer while a background sync runs, and while idle.
Peak RSS (VmHWM) is always reported.

The window syncs in the background as it opens (when its workspace has a source). With
`--sync` that first sync is the one watched; otherwise the probe waits for it and the
window's refresh after it (`open_sync_s`) before it idles or filters, so those figures are
of a window with no sync running.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

REPORT: dict[str, Any] = {}
LONG_GAPS: list[tuple[float, int]] = []


def _peak_rss_mb() -> float:
    """VmHWM: the peak resident set of this program. (`ru_maxrss` would do, but Linux carries
    it over from the forking parent across exec, so a child started by a big parent
    reports the parent's peak.)"""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _thread_wakeups() -> int:
    for line in Path("/proc/thread-self/status").read_text().splitlines():
        if line.startswith("voluntary_ctxt_switches"):
            return int(line.split()[1])
    return 0


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class _PaintWatch(QObject):
    """Calls `then` once, at the watched widget's next paint."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget, self._then, self._done = widget, then, False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def _wait_for_paint(widget: QWidget, deadline_s: float = 10.0) -> bool:
    painted: list[bool] = []
    _PaintWatch(widget, lambda: painted.append(True))
    widget.update()
    end = time.perf_counter() + deadline_s
    while not painted and time.perf_counter() < end:
        QApplication.processEvents()
    return bool(painted)


def _idle(seconds: float) -> None:
    cpu, wakeups, start = _cpu(), _thread_wakeups(), time.perf_counter()
    loop_end = time.perf_counter() + seconds
    # Let the event loop run as it would with nobody at the keyboard.
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    elapsed = max(time.perf_counter() - start, loop_end - start)
    REPORT["idle_s"] = elapsed
    REPORT["idle_cpu_s"] = _cpu() - cpu
    REPORT["idle_wakeups"] = _thread_wakeups() - wakeups


def _filters(window: Any, count: int) -> None:
    from advisor_app.store import queries

    panel = window.all_cases
    window.show_all_cases()
    _wait_for_paint(panel.view.viewport())
    texts = ["login", "export", "invoice", "sso", "error", "report", "timeout", "api", "sync", "dashboard"]
    severities = [None, 1, 2, 3]
    painted_ms: list[float] = []
    floor_ms: list[float] = []
    model = panel.model
    for step in range(count):
        panel.search_box.blockSignals(True)
        panel.search_box.setText(texts[step % len(texts)] if step % 3 else "")
        panel.search_box.blockSignals(False)
        severity = severities[step % len(severities)]
        panel.severity_box.blockSignals(True)
        panel.severity_box.setCurrentIndex(max(0, panel.severity_box.findData(severity)))
        panel.severity_box.blockSignals(False)
        start = time.perf_counter()
        panel.apply_filter()  # what the debounce timer calls
        _wait_for_paint(panel.view.viewport())
        painted_ms.append((time.perf_counter() - start) * 1000)
        case_filter = panel.current_filter()
        start = time.perf_counter()
        with window.desk.engine.connect() as connection:
            ids = queries.case_ids(connection, case_filter, model._sort, model._descending)
            queries.case_rows(connection, ids[: model.PAGE_SIZE])
        floor_ms.append((time.perf_counter() - start) * 1000)
    REPORT["filter_ms"] = painted_ms
    REPORT["filter_floor_ms"] = floor_ms


def _gaps(seconds: float | None, until: Callable[[], bool] | None = None) -> list[float]:
    """Gaps (ms) between the ticks of a 5 ms timer: how long the event loop was unavailable."""
    from PySide6.QtCore import QEventLoop

    gaps: list[float] = []
    begun = time.perf_counter()
    last = [begun]
    loop = QEventLoop()
    end = None if seconds is None else time.perf_counter() + seconds

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        if gaps[-1] > 50:
            LONG_GAPS.append((round(now - begun, 2), round(gaps[-1])))
        last[0] = now
        if (end is not None and now >= end) or (until is not None and until()):
            loop.quit()

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    loop.exec()
    timer.stop()
    return gaps


def _wait_for_open_sync(window: Any) -> None:
    """Until the sync the window started as it opened is done, its refresh included (`idle`
    is emitted after `synced` has reloaded the lists)."""
    if not window.sync.running:
        REPORT["open_sync_s"] = 0.0
        return
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    window.sync.runner.finished.connect(loop.quit)
    start = time.perf_counter()
    loop.exec()
    REPORT["open_sync_s"] = time.perf_counter() - start
    REPORT["open_sync_error"] = window.sync.last_error


def _sync(window: Any) -> None:
    finished: list[bool] = []
    window.sync.runner.finished.connect(lambda: finished.append(True))
    # The window starts syncing as it opens (before its first paint): that is the sync
    # watched, and the idle gaps are taken after it. Without a sync on open the probe
    # starts one after the idle gaps.
    on_open = window.sync.running
    REPORT["sync_started"] = "on open" if on_open else "by the probe"
    if not on_open:
        REPORT["quiet_gaps_ms"] = sorted(_gaps(3.0))[-5:]
    start = time.perf_counter()
    if not on_open and not window.sync.sync_now():
        raise SystemExit("a sync was already running")
    gaps = _gaps(None, lambda: bool(finished))
    REPORT["sync_s"] = time.perf_counter() - start
    # The last gap is the window refreshing its lists with the new data once the sync is
    # done (on the GUI thread by design); it is reported on its own.
    REPORT["refresh_ms"] = gaps.pop() if gaps else 0.0
    REPORT["sync_gaps_ms"] = sorted(gaps)[-5:]
    REPORT["sync_gaps_over_50"] = sum(gap > 50 for gap in gaps)
    REPORT["sync_gaps_over_100"] = sum(gap > 100 for gap in gaps)
    REPORT["sync_error"] = window.sync.last_error
    REPORT["long_gaps"] = LONG_GAPS[-40:]  # (seconds into the sync, gap ms)
    if on_open:
        REPORT["quiet_gaps_ms"] = sorted(_gaps(3.0))[-5:]


def _after_paint(window: QWidget, args: argparse.Namespace) -> None:
    REPORT["painted"] = time.time()
    if not args.sync and hasattr(window, "sync"):
        _wait_for_open_sync(window)
    if args.idle:
        _idle(args.idle)
    if args.filters:
        _filters(window, args.filters)
    if args.sync:
        _sync(window)
    REPORT["maxrss_mb"] = _peak_rss_mb()
    print(json.dumps(REPORT), flush=True)
    window.close()
    QApplication.quit()


def _bare(args: argparse.Namespace) -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Advisor Desk"))
    window.resize(1024, 700)
    _PaintWatch(window, lambda: _after_paint(window, args))
    window.show()
    return app.exec()


def _app(args: argparse.Namespace) -> int:
    from advisor_app.cli import main as cli
    from advisor_app.gui import app as gui_app

    show = gui_app.open_main_window

    def open_and_watch(desk: Any) -> Any:
        window = show(desk)
        _PaintWatch(window, lambda: _after_paint(window, args))
        return window

    gui_app.open_main_window = open_and_watch
    return cli.main(["--data-dir", str(args.data_dir), "gui"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind", choices=["bare", "app"])
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--idle", type=float, default=0.0)
    parser.add_argument("--filters", type=int, default=0)
    parser.add_argument("--sync", action="store_true")
    args = parser.parse_args()
    return _bare(args) if args.kind == "bare" else _app(args)


if __name__ == "__main__":
    sys.exit(main())
