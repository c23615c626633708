"""Table models of the obligations tabs; each holds plain rows read by its tab."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from advisor_app.gui.account.common import (
    date_text,
    days_text,
    local_time_text,
    muted_color,
    ok_color,
    warning_color,
)
from advisor_app.gui.i18n import format_percent
from advisor_app.obligations.contacts import ContactItem, FlaggedCase
from advisor_app.obligations.ledger import LedgerEntry
from advisor_app.obligations.updates import WeekEntry
from advisor_app.obligations.usage import WeekChange
from advisor_app.obligations.weekly_updates import WeekStatus

Index = QModelIndex | QPersistentModelIndex
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _icon(pixmap: QStyle.StandardPixmap) -> QIcon:
    return QApplication.style().standardIcon(pixmap)


class _RowsModel(QAbstractTableModel):
    """A read-only table over a list of rows; subclasses say what a cell shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def headers(self) -> list[str]:
        raise NotImplementedError

    def cell(self, row: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self.cell(self._rows[index.row()], index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return None


class LedgerModel(_RowsModel):
    DATE, DAYS, KIND, NOTE, CASES, FLAG = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._case_names: dict[int, str] = {}

    def set_entries(self, entries: list[LedgerEntry], case_names: dict[int, str]) -> None:
        self._case_names = dict(case_names)
        self.set_rows(entries)

    def headers(self) -> list[str]:
        return [self.tr("Date"), self.tr("Amount"), self.tr("Kind"), self.tr("Note"), self.tr("Cases"), self.tr("Flag")]

    def cell(self, row: LedgerEntry, column: int, role: int) -> Any:
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.DATE:
                return date_text(row.day)
            if column == self.DAYS:
                return days_text(row.half_days)
            if column == self.KIND:
                return kind_label(row.kind.value)
            if column == self.NOTE:
                return row.note
            if column == self.CASES:
                return ", ".join(self._case_names.get(case_id, str(case_id)) for case_id in row.case_ids)
            if column == self.FLAG:
                return self.tr("Beyond allotment") if row.over_allotment else ""
        if role == Qt.ItemDataRole.DecorationRole and column == self.FLAG and row.over_allotment:
            return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FLAG and row.over_allotment:
            return warning_color()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.DAYS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def kind_label(kind: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "onsite": QCoreApplication.translate("obligations", "On site"),
        "remote": QCoreApplication.translate("obligations", "Remote"),
        "workshop": QCoreApplication.translate("obligations", "Workshop"),
        "training": QCoreApplication.translate("obligations", "Training"),
    }.get(kind, kind)


class WeekHistoryModel(_RowsModel):
    WEEK, DATES, DUE, STATE, REASON = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone = "UTC"

    def set_weeks(self, weeks: list[WeekEntry], zone: str) -> None:
        self._zone = zone
        self.set_rows(weeks)

    def headers(self) -> list[str]:
        return [self.tr("Week"), self.tr("Dates"), self.tr("Due"), self.tr("State"), self.tr("Reason")]

    def status_label(self, status: WeekStatus) -> str:
        return {
            WeekStatus.DUE: self.tr("Due"),
            WeekStatus.OVERDUE: self.tr("Overdue"),
            WeekStatus.DRAFTED: self.tr("Drafted"),
            WeekStatus.SENT: self.tr("Sent"),
            WeekStatus.SKIPPED: self.tr("Skipped"),
            WeekStatus.NOT_OWED: self.tr("Not owed"),
        }[status]

    def cell(self, row: WeekEntry, column: int, role: int) -> Any:
        if role == ROW_ID_ROLE:
            return row.iso_week
        overdue = row.status is WeekStatus.OVERDUE
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WEEK:
                return row.iso_week
            if column == self.DATES:
                return self.tr("{first} – {last}").format(
                    first=date_text(row.monday), last=date_text(date.fromordinal(row.monday.toordinal() + 6))
                )
            if column == self.DUE:
                return local_time_text(row.due_at, self._zone)
            if column == self.STATE:
                if row.status is WeekStatus.SENT and row.sent_at is not None and row.sent_at > row.due_at:
                    return self.tr("Sent late")
                return self.status_label(row.status)
            if column == self.REASON:
                return row.reason
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATE and row.sent_at is not None:
            return self.tr("Sent {when}").format(when=local_time_text(row.sent_at, self._zone))
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATE:
            if overdue:
                return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            if row.status is WeekStatus.SENT:
                return _icon(QStyle.StandardPixmap.SP_DialogApplyButton)
            if row.status is WeekStatus.SKIPPED:
                return _icon(QStyle.StandardPixmap.SP_MediaSkipForward)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue:
                return warning_color()
            if row.status is WeekStatus.SENT and column == self.STATE:
                return ok_color()
            if row.status in (WeekStatus.SKIPPED, WeekStatus.NOT_OWED):
                return muted_color()
        if role == Qt.ItemDataRole.FontRole and overdue and column == self.STATE:
            font = QFont()
            font.setBold(True)
            return font
        return None


class ContactsModel(_RowsModel):
    NAME, EMAIL, AUTHORIZED = range(3)

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Email"), self.tr("Authorized")]

    def cell(self, row: ContactItem, column: int, role: int) -> Any:
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.name, row.email, self.tr("Authorized") if row.authorized else self.tr("Not authorized"))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.AUTHORIZED and row.authorized:
            return _icon(QStyle.StandardPixmap.SP_DialogApplyButton)
        if role == Qt.ItemDataRole.ForegroundRole and not row.authorized:
            return muted_color()
        return None


class FlaggedCasesModel(_RowsModel):
    CASE, SUBJECT, REQUESTER, STATUS = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Case"), self.tr("Subject"), self.tr("Requester"), self.tr("Status")]

    def cell(self, row: FlaggedCase, column: int, role: int) -> Any:
        if role == ROW_ID_ROLE:
            return row.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            from advisor_app.gui.labels import status_label

            return ("#" + row.remote_id, row.subject, row.requester, status_label(row.status))[column]
        if role == Qt.ItemDataRole.DecorationRole and column == self.REQUESTER:
            return _icon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None


class UsageChangesModel(_RowsModel):
    METRIC, WEEK_ENDING, THIS_WEEK, PREVIOUS, CHANGE = range(5)

    def headers(self) -> list[str]:
        return [
            self.tr("Metric"),
            self.tr("Week ending"),
            self.tr("Mean per day"),
            self.tr("Week before"),
            self.tr("Change"),
        ]

    def cell(self, row: WeekChange, column: int, role: int) -> Any:
        if role == ROW_ID_ROLE:
            return row.metric
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.METRIC:
                return metric_label(row.metric)
            if column == self.WEEK_ENDING:
                return date_text(row.weeks.last_day)
            if column == self.THIS_WEEK:
                return QLocaleNumber.format(row.this_week)
            if column == self.PREVIOUS:
                return "—" if row.previous_week is None else QLocaleNumber.format(row.previous_week)
            if column == self.CHANGE:
                return "—" if row.change is None else format_percent(row.change * 100, signed=True)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHANGE and row.change is not None:
            return ok_color() if row.change >= 0 else warning_color()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= self.THIS_WEEK:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class QLocaleNumber:
    @staticmethod
    def format(value: float) -> str:
        from PySide6.QtCore import QLocale

        return QLocale().toString(value, "f", 1)


def metric_label(metric: str) -> str:
    """A usage metric's name in the GUI's language; an unknown one (from a CSV) as written."""
    from PySide6.QtCore import QCoreApplication

    names = {
        "active_users": QCoreApplication.translate("usage", "Active users"),
        "cards_viewed": QCoreApplication.translate("usage", "Cards viewed"),
        "dataflow_runs": QCoreApplication.translate("usage", "Dataflow runs"),
        "storage_gb": QCoreApplication.translate("usage", "Storage (GB)"),
    }
    return names.get(metric) or metric.replace("_", " ").capitalize()


class BadRowsModel(_RowsModel):
    LINE, PROBLEM = range(2)

    def headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("Problem")]

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(row.line) if column == self.LINE else row.message
        if role == ROW_ID_ROLE:
            return row.line
        return None
