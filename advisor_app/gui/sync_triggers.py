"""When to sync besides the interval: as the window opens, when the network comes back,
and after the machine wakes from sleep.

Waking is seen as a jump of the wall clock between two ticks of a short timer: a timer
does not run while the machine sleeps, so the first tick after waking finds far more time
passed than its interval. That works on every platform without a power-management API.
The network is watched through Qt's `QNetworkInformation` when the platform has a backend
for reachability; without one, the interval and the wake check still sync.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtNetwork import QNetworkInformation

from advisor_app.gui.sync_controller import SyncController

log = logging.getLogger(__name__)

_ONLINE = (QNetworkInformation.Reachability.Online, QNetworkInformation.Reachability.Site)


class SyncTriggers(QObject):
    WAKE_CHECK_MS = 30_000
    WAKE_SLACK = timedelta(minutes=2)
    """a tick this much later than its interval means the machine slept (not merely a busy loop)"""

    def __init__(self, sync: SyncController, clock: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sync = sync
        self._clock = clock
        self._last_tick: datetime | None = None
        self._online: bool | None = None
        self.network_watched = False
        self._wake_timer = QTimer(self)
        self._wake_timer.setInterval(self.WAKE_CHECK_MS)
        self._wake_timer.timeout.connect(self.check_wake)

    def start(self, *, watch_network: bool = True) -> None:
        """Sync now (the stored data is on screen already), then watch for wake and network."""
        self._last_tick = self._clock()
        self._wake_timer.start()
        if watch_network:
            self.network_watched = self._watch_network()
        self._sync.sync_now()

    def _watch_network(self) -> bool:
        feature = QNetworkInformation.Feature.Reachability
        if not QNetworkInformation.loadBackendByFeatures(feature):
            log.info("no network information backend: syncing on the interval and after waking only")
            return False
        info = QNetworkInformation.instance()
        if info is None:
            return False
        self._online = info.reachability() in _ONLINE
        info.reachabilityChanged.connect(self.reachability_changed)
        log.info("watching the network through Qt's %s backend", info.backendName())
        return True

    @Slot()
    def check_wake(self) -> None:
        now = self._clock()
        last, self._last_tick = self._last_tick, now
        if last is None:
            return
        if now - last > timedelta(milliseconds=self._wake_timer.interval()) + self.WAKE_SLACK:
            log.info("the clock jumped %s between checks (the machine slept): syncing", now - last)
            self._sync.sync_now()

    @Slot(QNetworkInformation.Reachability)
    def reachability_changed(self, reachability: QNetworkInformation.Reachability) -> None:
        online = reachability in _ONLINE
        came_back = online and self._online is False
        self._online = online
        if came_back:
            log.info("the network is back: syncing")
            self._sync.sync_now()
