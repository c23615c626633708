"""Small helpers shared by the obligations tabs: wording of days, dates, and colours."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QTableView

from advisor_app.obligations.service_days import format_days


def _tr(text: str) -> str:
    return QCoreApplication.translate("obligations", text)


def days_text(half_days: int) -> str:
    return _tr("{days} days").format(days=format_days(half_days)) if half_days != 2 else _tr("1 day")


def date_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def long_date_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def local_time_text(instant: datetime, zone: str) -> str:
    local = instant.astimezone(ZoneInfo(zone))
    return f"{QLocale().toString(QDate(local.year, local.month, local.day), 'ddd d MMM')} {local:%H:%M}"


def fit_columns(table: QTableView) -> None:
    """Size the columns to their contents; the stretching column (set on the header) takes the rest."""
    table.resizeColumnsToContents()


def _dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def warning_color() -> QColor:
    """Text colour for overdue and over-limit states, readable on the current palette."""
    return QColor("#ff8a80") if _dark() else QColor("#b3261e")


def ok_color() -> QColor:
    return QColor("#81c995") if _dark() else QColor("#1e7b34")


def muted_color() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
