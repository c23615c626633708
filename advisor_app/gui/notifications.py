"""Notifications of case events: a desktop popup through the system tray where the desktop
has one, otherwise (and during quiet hours) a closable banner at the top of the window.

Which events are due is decided by `advisor_app.attention.alerts` (no Qt); what was
notified is kept in the workspace, so a restart never repeats an event.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QSystemTrayIcon, QToolButton, QWidget

from advisor_app.attention import records
from advisor_app.attention.alerts import Alert, AlertKind, due_alerts, in_quiet_hours, parse_time_of_day
from advisor_app.errors import AdvisorError
from advisor_app.gui.plain_text import make_plain, tray_text
from advisor_app.store import queries
from advisor_app.store.queries import CaseListRow
from advisor_app.workspace.desk import Desk

log = logging.getLogger(__name__)

MAX_SHOWN = 200
"""A check notifies at most this many events (the rest wait for the next check)."""

Popup = Callable[[str, str], None]


class NotificationBanner(QFrame):
    """The in-app notification: what happened, Open, snooze, close."""

    open_requested = Signal(int)
    snooze_requested = Signal(int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notificationBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Notification"))
        self.case_id: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.icon = QLabel(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        make_plain(self.message)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setAccessibleName(self.tr("Open the case"))
        self.hour_button = QPushButton(self.tr("Snooze 1 h"), self)
        self.hour_button.setAccessibleName(self.tr("Snooze this case's notifications for an hour"))
        self.tomorrow_button = QPushButton(self.tr("Until tomorrow"), self)
        self.tomorrow_button.setAccessibleName(self.tr("Snooze this case's notifications until tomorrow"))
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Close the notification"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        layout.addWidget(self.icon)
        layout.addWidget(self.message, 1)
        for button in (self.open_button, self.hour_button, self.tomorrow_button, self.close_button):
            layout.addWidget(button)
        self.open_button.clicked.connect(self.open_clicked)
        self.hour_button.clicked.connect(self.hour_clicked)
        self.tomorrow_button.clicked.connect(self.tomorrow_clicked)
        self.close_button.clicked.connect(self.hide)
        self.hide()

    def show_message(self, case_id: int, text: str, critical: bool) -> None:
        self.case_id = case_id
        pixmap = QStyle.StandardPixmap.SP_MessageBoxCritical if critical else QStyle.StandardPixmap.SP_MessageBoxWarning
        size = self.message.fontMetrics().height() + 4
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.message.setText(text)
        self.setAccessibleDescription(text)
        self.show()

    @Slot()
    def open_clicked(self) -> None:
        if self.case_id is not None:
            self.open_requested.emit(self.case_id)
        self.hide()

    @Slot()
    def hour_clicked(self) -> None:
        if self.case_id is not None:
            self.snooze_requested.emit(self.case_id, "one_hour")
        self.hide()

    @Slot()
    def tomorrow_clicked(self) -> None:
        if self.case_id is not None:
            self.snooze_requested.emit(self.case_id, "tomorrow")
        self.hide()


class Notifier(QObject):
    """Checks for due events and delivers each once (popup, or the banner)."""

    notified = Signal(list)
    """The alerts just delivered (tests and the status bar listen)."""
    case_requested = Signal(int)
    next_check_changed = Signal()
    """`next_check_at` was worked out anew (the window's timer wakes for it)"""

    def __init__(self, desk: Desk, banner: NotificationBanner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.banner = banner
        self.next_check_at: datetime | None = None
        self.popup: Popup | None = None
        self._tray: QSystemTrayIcon | None = None
        self._last_case: int | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(QIcon(self._app_icon()), self)
            self._tray.setToolTip(self.tr("Advisor Desk"))
            self._tray.messageClicked.connect(self.tray_message_clicked)
            self._tray.show()
            self.popup = self._tray_popup

    @staticmethod
    def _app_icon() -> str:
        from advisor_app.domain.resources import resource_path

        return str(resource_path("icons", "advisor-desk.svg"))

    def _tray_popup(self, title: str, message: str) -> None:
        assert self._tray is not None
        self._tray.showMessage(tray_text(title), tray_text(message), QSystemTrayIcon.MessageIcon.Warning, 15_000)

    def quiet_now(self, now: datetime) -> bool:
        settings = self.desk.settings
        try:
            start = parse_time_of_day(settings.quiet_hours_start)
            end = parse_time_of_day(settings.quiet_hours_end)
        except AdvisorError as error:
            log.warning("%s", error)
            return False
        return in_quiet_hours(now.astimezone().time(), start, end)

    def due_check(self, now: datetime) -> bool:
        """Whether a check is due at this tick: an event instant passed, or a new minute."""
        return now.second == 0 or (self.next_check_at is not None and now >= self.next_check_at)

    def check(self) -> list[Alert]:
        now = self.desk.clock()
        with self.desk.engine.connect() as connection:
            candidates = records.candidate_cases(connection, now)
            notified = records.notified_keys(connection, [case.case_id for case in candidates])
            snoozed = records.snoozes(connection, now)
            alerts = due_alerts(candidates, now, notified, snoozed)[:MAX_SHOWN]
            rows = queries.case_rows(connection, [alert.case_id for alert in alerts]) if alerts else {}
            self.next_check_at = records.next_clock_event_at(connection, now)
        self.next_check_changed.emit()
        # Only what this process recorded is told: another window may have told the rest.
        alerts = records.record_notified(self.desk.engine, alerts, now) if alerts else []
        if not alerts:
            return []
        self._deliver(alerts, rows, now)
        self.notified.emit(alerts)
        return alerts

    def describe(self, alert: Alert, row: CaseListRow) -> str:
        case = f"#{row.remote_id} {row.subject}"
        if alert.kind is AlertKind.BREACHED:
            return self.tr("Breached: {case} ({account})").format(case=case, account=row.account_name)
        if alert.kind is AlertKind.AT_RISK:
            return self.tr("At risk: {case} ({account})").format(case=case, account=row.account_name)
        return self.tr("New Severity 1: {case} ({account})").format(case=case, account=row.account_name)

    def _deliver(self, alerts: list[Alert], rows: dict[int, CaseListRow], now: datetime) -> None:
        first = alerts[0]
        text = self.describe(first, rows[first.case_id])
        if len(alerts) > 1:
            text = self.tr("{first} · and {more} more").format(first=text, more=len(alerts) - 1)
        critical = first.kind is not AlertKind.AT_RISK
        self._last_case = first.case_id
        if self.popup is not None and not self.quiet_now(now):
            title = self.tr("Advisor Desk: {count} case events").format(count=len(alerts))
            self.popup(title, text)
        else:
            self.banner.show_message(first.case_id, text, critical)
        log.info("notified %d case events", len(alerts))

    @Slot()
    def tray_message_clicked(self) -> None:
        if self._last_case is not None:
            self.case_requested.emit(self._last_case)

    def hide_tray(self) -> None:
        if self._tray is not None:
            self._tray.hide()
