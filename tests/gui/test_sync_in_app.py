"""Sync from the window: off the GUI thread, with progress, cancel, and a clear failure."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot

from advisor_app.gui.main_window import MainWindow
from advisor_app.sync.engine import SyncReport
from tests.conftest import MovableClock


def test_sync_now_runs_in_the_background_and_refreshes(
    qtbot: QtBot, main_window: MainWindow, clock: MovableClock
) -> None:
    clock.advance(timedelta(hours=2))
    progress: list[tuple[str, int]] = []
    main_window.sync.runner.progressed.connect(lambda stream, count: progress.append((stream, count)))
    with qtbot.waitSignal(main_window.sync.synced, timeout=60_000):
        assert main_window.sync.sync_now()
        assert main_window.sync_progress.isVisible()
        assert not main_window.ui.syncAction.isEnabled()
        assert not main_window.sync.sync_now(), "a second sync does not start while one runs"
    assert not main_window.sync_progress.isVisible()
    assert main_window.ui.syncAction.isEnabled()
    assert main_window.sync.last_report is not None
    # The demo's history stays as it was: only what the two hours since brought is written.
    written = main_window.sync.last_report.streams["cases"].written
    assert 0 < written < 200
    assert "Last sync:" in main_window.sync_label.text()
    assert progress, "progress reached the GUI thread"


def test_cancel_stops_the_sync_and_says_so(qtbot: QtBot, main_window: MainWindow, clock: MovableClock) -> None:
    clock.advance(timedelta(hours=3))
    with qtbot.waitSignal(main_window.sync.failed, timeout=60_000) as failure:
        main_window.sync.sync_now()
        main_window.ui.cancelSyncAction.trigger()
    assert "cancelled" in failure.args[0]
    assert main_window.sync.failing_since is None, "a cancel is not being offline"
    assert main_window.ui.syncAction.isEnabled()


def test_a_failing_source_shows_offline_since(qtbot: QtBot, main_window: MainWindow) -> None:
    main_window.desk.settings.source_kind = "zendesk-not-configured"
    with qtbot.waitSignal(main_window.sync.failed, timeout=10_000) as failure:
        main_window.sync.sync_now()
    assert "not available" in failure.args[0]
    assert main_window.sync_label.text().startswith("Offline since")
    assert "not available" in main_window.sync_label.toolTip()


def test_sync_details_show_the_error_and_the_records_set_aside(qtbot: QtBot, main_window: MainWindow) -> None:
    from datetime import UTC, datetime

    from advisor_app.gui.sync_details import SyncDetailsDialog
    from advisor_app.store import upserts

    with main_window.desk.engine.begin() as connection:
        upserts.quarantine(
            connection, "demo", "cases", [("4711", "severity: expected 1, 2 or 3, got 'urgent'", "{}")],
            datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
        )  # fmt: skip
    main_window.desk.settings.source_kind = "nowhere"
    with qtbot.waitSignal(main_window.sync.failed, timeout=10_000):
        main_window.sync.sync_now()
    dialog = SyncDetailsDialog(main_window.desk.engine, main_window.sync, main_window)
    qtbot.addWidget(dialog)
    qtmodel = dialog.model
    assert qtmodel.rowCount() == 1
    assert qtmodel.index(0, 2).data() == "4711"
    assert "got 'urgent'" in qtmodel.index(0, 3).data()
    summary = dialog.ui.summaryLabel.text()
    assert "Last error: This workspace is not connected to a ticketing system" in summary
    assert "syncing with nowhere is not available" in summary
    assert "not been reachable since" in summary
    assert "1 record set aside." in summary


def test_the_workspace_syncs_again_each_time_its_interval_passes(
    qtbot: QtBot, main_window: MainWindow, clock: MovableClock
) -> None:
    timer = main_window.sync.interval_timer
    assert timer.isActive()
    assert timer.interval() == main_window.desk.settings.sync_interval_minutes * 60_000 == 15 * 60_000
    reports: list[SyncReport] = []
    main_window.sync.synced.connect(reports.append)
    clock.advance(timedelta(hours=2))
    timer.setInterval(50)  # the interval passes in 50 ms; nothing else starts a sync in this test
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=60_000)
    assert reports[0].streams["cases"].written > 0, "the timer's sync brought the two hours' changes"
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=60_000)  # and it goes on syncing
    timer.stop()
    qtbot.waitUntil(lambda: not main_window.sync.running, timeout=60_000)
    assert "Last sync:" in main_window.sync_label.text()


def test_sync_details_show_the_last_syncs_warnings(qtbot: QtBot, main_window: MainWindow) -> None:
    from advisor_app.gui.sync_details import SyncDetailsDialog
    from advisor_app.sync.engine import StreamReport, SyncReport

    warning = "RT at rt.example.com reads dates in searches at UTC-05:00 (the API user's time zone), but ..."
    main_window.sync.last_report = SyncReport({"cases": StreamReport(written=2)}, warnings=[warning])
    dialog = SyncDetailsDialog(main_window.desk.engine, main_window.sync, main_window)
    qtbot.addWidget(dialog)
    assert f"Warning: {warning}" in dialog.ui.summaryLabel.text()


def test_rt_zone_warning_is_worded_in_the_windows_language(qtbot: QtBot, main_window: MainWindow) -> None:
    from datetime import timedelta

    from PySide6.QtCore import QLocale

    from advisor_app.gui.i18n import install_language
    from advisor_app.gui.sync_details import SyncDetailsDialog
    from advisor_app.sync.engine import StreamReport, SyncReport
    from advisor_app.sync.providers.rt import ZoneMismatch

    warning = ZoneMismatch(
        host="rt.example.com",
        actual=timedelta(hours=5, minutes=30),
        setting="America/Denver",
        configured=timedelta(hours=-7),
        slack_hours=26.0,
        covered=True,
    )
    assert "rt_timezone America/Denver is UTC-07:00" in str(warning)  # the command line's and the log's text
    main_window.sync.last_report = SyncReport({"cases": StreamReport(written=0)}, warnings=[warning])

    def summary() -> str:
        dialog = SyncDetailsDialog(main_window.desk.engine, main_window.sync, main_window)
        qtbot.addWidget(dialog)
        return dialog.ui.summaryLabel.text()

    english = summary()
    assert "at UTC+05:30 (the API user's time zone)" in english and "America/Denver, is UTC-07:00" in english
    assert "every search starts 26 hours early" in english
    previous = QLocale()
    installed = install_language("de", QLocale("en_US"))
    try:
        german = summary()
    finally:
        installed.uninstall()
        QLocale.setDefault(previous)
    assert "UTC+05:30" in german and "America/Denver" in german and "26 Stunden" in german
    assert "reads the dates" not in german and "the API user" not in german


def test_an_account_back_from_being_set_aside_is_not_called_newly_assigned(
    qtbot: QtBot, main_window: MainWindow
) -> None:
    from advisor_app.gui.sync_details import SyncDetailsDialog
    from advisor_app.sync.engine import StreamReport, SyncReport

    streams = {"accounts": StreamReport(written=2)}
    report = SyncReport(streams, accounts_arrived=["Initech"], accounts_back=["Broken Co"])
    main_window.sync.last_report = report
    dialog = SyncDetailsDialog(main_window.desk.engine, main_window.sync, main_window)
    qtbot.addWidget(dialog)
    text = dialog.ui.summaryLabel.text()
    assert "Newly assigned to you: Initech." in text
    assert "No longer set aside (its data is fixed): Broken Co." in text
    main_window.sync_finished(report)
    assert "No longer set aside (its data is fixed): Broken Co" in main_window.ui.statusBar.currentMessage()
