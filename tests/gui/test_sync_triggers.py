"""Syncing without F5: as the window opens, after the machine wakes, when the network returns."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot
from sqlalchemy import text

from PySide6.QtNetwork import QNetworkInformation

from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.sync_triggers import SyncTriggers
from tests.conftest import MovableClock

Reachability = QNetworkInformation.Reachability


def _starts(window: MainWindow) -> list[bool]:
    started: list[bool] = []
    window.sync.runner.started.connect(lambda: started.append(True))
    return started


def test_opening_shows_the_stored_data_then_syncs_and_today_updates(qtbot: QtBot, main_window: MainWindow) -> None:
    # Stored data older than the source's: every case solved long ago. The sync brings them back.
    with main_window.desk.engine.begin() as connection:
        connection.execute(text("UPDATE cases SET status = 'solved', updated_at = 0, clock_state = NULL"))
        connection.execute(text("DELETE FROM sync_state"))  # so the sync reads everything again
    main_window.reload()
    assert main_window.today.urgent.model.rowCount() == 0, "the stored data shows at once"
    with qtbot.waitSignal(main_window.sync.synced, timeout=60_000):
        main_window.start_syncing()
        assert main_window.sync.running, "the sync runs in the background, the window is up"
    assert main_window.today.urgent.model.rowCount() > 0, "Today shows what the sync brought"
    assert main_window.sync_triggers._wake_timer.isActive()


def test_a_workspace_without_a_source_does_not_sync_on_open(main_window: MainWindow) -> None:
    main_window.desk.settings.source_kind = None
    started = _starts(main_window)
    main_window.start_syncing()
    assert not started and not main_window.sync.running


def test_a_jump_of_the_clock_between_ticks_syncs(qtbot: QtBot, main_window: MainWindow, clock: MovableClock) -> None:
    triggers = SyncTriggers(main_window.sync, clock, main_window)
    started = _starts(main_window)
    triggers.check_wake()  # the first tick only notes the time
    clock.advance(timedelta(seconds=31))
    triggers.check_wake()
    assert not started, "a tick on time is not a wake"
    clock.advance(timedelta(minutes=2, seconds=20))
    triggers.check_wake()
    assert not started, "a late tick within the slack is a busy machine, not a wake"
    clock.advance(timedelta(hours=9))
    with qtbot.waitSignal(main_window.sync.runner.finished, timeout=60_000):
        triggers.check_wake()
        assert started == [True], "a tick hours late: the machine slept, so it syncs"


def test_the_network_coming_back_syncs_once(qtbot: QtBot, main_window: MainWindow) -> None:
    triggers = SyncTriggers(main_window.sync, main_window.desk.clock, main_window)
    started = _starts(main_window)
    triggers.reachability_changed(Reachability.Online)
    assert not started, "online without having been offline: nothing came back"
    triggers.reachability_changed(Reachability.Disconnected)
    triggers.reachability_changed(Reachability.Local)
    assert not started, "a local network only is still offline for the source"
    with qtbot.waitSignal(main_window.sync.runner.finished, timeout=60_000):
        triggers.reachability_changed(Reachability.Online)
    assert started == [True]
    triggers.reachability_changed(Reachability.Online)
    assert started == [True], "staying online does not sync again"
