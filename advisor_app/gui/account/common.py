"""Small helpers shared by the obligations tabs: wording of days, dates, colours, the undo shortcut."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QWidget

from advisor_app.obligations.service_days import format_days


def days_text(half_days: int) -> str:
    # Literal texts in translate() calls, so lupdate finds them.
    if half_days == 2:
        return QCoreApplication.translate("obligations", "1 day")
    return QCoreApplication.translate("obligations", "{days} days").format(days=format_days(half_days))


def date_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def long_date_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def local_time_text(instant: datetime, zone: str) -> str:
    local = instant.astimezone(ZoneInfo(zone))
    return f"{QLocale().toString(QDate(local.year, local.month, local.day), 'ddd d MMM')} {local:%H:%M}"


def add_undo_shortcut(widget: QWidget, undo: Callable[[], None]) -> QAction:
    """Ctrl+Z (the platform's Undo) anywhere inside `widget` calls `undo`."""
    action = QAction(QCoreApplication.translate("obligations", "Undo"), widget)
    action.setShortcut(QKeySequence.StandardKey.Undo)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(undo)
    widget.addAction(action)
    return action


def _dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def warning_color() -> QColor:
    """Text colour for overdue and over-limit states, readable on the current palette."""
    return QColor("#ff8a80") if _dark() else QColor("#b3261e")


def ok_color() -> QColor:
    return QColor("#81c995") if _dark() else QColor("#1e7b34")


def muted_color() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
