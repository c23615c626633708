"""The Today page's short lists (new Severity 1 cases, weekly updates, service days and
contacts, changes)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from advisor_app.attention.today import ItemKind, Level, TodayItem
from advisor_app.gui.account.common import long_date_text
from advisor_app.gui.i18n import format_number
from advisor_app.gui.labels import status_label
from advisor_app.gui.models.cases import format_instant
from advisor_app.gui.plain_text import plain_tooltip
from advisor_app.obligations.weekly_updates import WeekStatus

Index = QModelIndex | QPersistentModelIndex

ITEM_CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ITEM_ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
ITEM_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 3

_ICONS = {
    Level.CRITICAL: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Level.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Level.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}


def _days(value: float) -> str:
    """Days in the locale's digits: 0.5 in English, 0,5 in German."""
    return format_number(value)


class TodayItemsModel(QAbstractListModel):
    """One list of Today items; each opens its case, or its account when it has no case."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[TodayItem] = []
        self._icons: dict[Level, QIcon] = {}

    def set_items(self, items: list[TodayItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> TodayItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.tooltip(item))
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(item.level)
        if role == ITEM_CASE_ID_ROLE:
            return item.case_id
        if role == ITEM_ACCOUNT_ID_ROLE:
            return item.account_id
        if role == ITEM_LEVEL_ROLE:
            return item.level.value
        return None

    def _icon(self, level: Level) -> QIcon:
        icon = self._icons.get(level)
        if icon is None:
            icon = self._icons[level] = QApplication.style().standardIcon(_ICONS[level])
        return icon

    @staticmethod
    def _when(at: datetime | None) -> str:
        return "" if at is None else format_instant(at)

    def text(self, item: TodayItem) -> str:
        case = f"#{item.case_number} {item.text}" if item.case_number is not None else ""
        kind = item.kind
        if kind is ItemKind.NEW_SEV1:
            return self.tr("{case} · {account}").format(case=case, account=item.account_name)
        if kind is ItemKind.BREACH:
            return self.tr("Breached: {case} · {account}").format(case=case, account=item.account_name)
        if kind is ItemKind.NEW_CASE:
            return self.tr("New: {case} · {account}").format(case=case, account=item.account_name)
        if kind is ItemKind.STATUS_CHANGE:
            return self.tr("{case}: {old} → {new}").format(
                case=case, old=status_label(item.facts["old"]), new=status_label(item.facts["new"])
            )
        if kind is ItemKind.WEEKLY_UPDATE:
            state, week = item.facts["state"], item.facts["week"]
            when = self._when(item.at)
            if state == WeekStatus.OVERDUE:
                return self.tr("{account}: {week} overdue since {when}").format(
                    account=item.account_name, week=week, when=when
                )
            if state == WeekStatus.DRAFTED:
                return self.tr("{account}: {week} drafted, not sent · due {when}").format(
                    account=item.account_name, week=week, when=when
                )
            return self.tr("{account}: {week} due {when}").format(account=item.account_name, week=week, when=when)
        if kind is ItemKind.CONTACTS:
            return self.tr("{account}: {count} authorized contacts, {limit} allowed").format(
                account=item.account_name, count=item.facts["authorized"], limit=item.facts["limit"]
            )
        facts = item.facts
        if facts["reason"] == "over_allotment":
            return self.tr("{account}: {over} days over the allotment ({used} of {allotted})").format(
                account=item.account_name,
                over=_days(facts["over"]),
                used=_days(facts["used"]),
                allotted=_days(facts["allotted"]),
            )
        if facts["reason"] == "runs_out":
            return self.tr("{account}: service days run out on {day} at this pace ({used} of {allotted} used)").format(
                account=item.account_name,
                day=long_date_text(facts["runs_out_on"]),
                used=_days(facts["used"]),
                allotted=_days(facts["allotted"]),
            )
        return self.tr("{account}: {days} days will lapse unused on {day} at this pace").format(
            account=item.account_name, days=_days(facts["lapsing"]), day=long_date_text(facts["lapse_on"])
        )

    def tooltip(self, item: TodayItem) -> str:
        lines = [self.text(item)]
        if item.case_id is not None and item.at is not None:
            lines.append(self.tr("At {when}").format(when=self._when(item.at)))
        lines.append(
            self.tr("Enter opens the case") if item.case_id is not None else self.tr("Enter opens the account")
        )
        return "\n".join(lines)
