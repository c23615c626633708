"""The cases table: a model over case ids, rows loaded a page at a time.

Filtering and sorting happen in SQL (`advisor_app.store.queries`); the model holds the
ordered ids and a small cache of pages, so a 200,000-case workspace costs a list of ints.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from advisor_app.gui.countdown import (
    URGENCY_BACKGROUND,
    Countdown,
    Urgency,
    countdown,
    countdown_text,
    format_duration,
    kind_label,
    next_countdown_change,
    urgency_foreground,
    urgency_icon,
    urgency_label,
)
from advisor_app.gui.i18n import format_instant
from advisor_app.gui.labels import severity_label, status_label
from advisor_app.gui.plain_text import plain_tooltip
from advisor_app.store import queries
from advisor_app.store.clocks import business_time_left
from advisor_app.store.queries import CaseFilter, CaseListRow, CaseSort

Index = QModelIndex | QPersistentModelIndex

CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
URGENCY_ROLE = Qt.ItemDataRole.UserRole + 2

_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.DecorationRole,
        URGENCY_ROLE,
    }
)
_COUNTDOWN_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    URGENCY_ROLE,
]


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    title: str
    sort: CaseSort


class CasesTableModel(QAbstractTableModel):
    PAGE_SIZE = 200
    MAX_PAGES = 64

    def __init__(self, engine: Engine, now: Callable[[], datetime], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._now = now
        self._filter = CaseFilter()
        self._sort = CaseSort.DUE
        self._descending = False
        self._ids: list[int] = []
        self._pages: OrderedDict[int, dict[int, CaseListRow]] = OrderedDict()
        # The countdown each row shows, computed once per tick (views ask `data()` for it
        # many times per paint: text, colours, icon, alignment).
        self._countdowns: dict[int, tuple[datetime, Countdown]] = {}
        self._loaded = False  # no query until the view's filter is set
        self.columns = [
            Column("id", self.tr("ID"), CaseSort.ID),
            Column("due", self.tr("Due in (clock time)"), CaseSort.DUE),
            Column("subject", self.tr("Subject"), CaseSort.SUBJECT),
            Column("account", self.tr("Account"), CaseSort.ACCOUNT),
            Column("severity", self.tr("Severity"), CaseSort.SEVERITY),
            Column("status", self.tr("Status"), CaseSort.STATUS),
            Column("target", self.tr("Next target"), CaseSort.DUE),
            Column("requester", self.tr("Requester"), CaseSort.REQUESTER),
            Column("updated", self.tr("Updated"), CaseSort.UPDATED),
        ]

    # Loading ----------------------------------------------------------------------------

    def set_filter(self, case_filter: CaseFilter) -> None:
        self._filter = case_filter
        self.reload()

    def set_sort_key(self, sort: CaseSort) -> None:
        """A fixed order for a view without sortable headers (Today: by urgency)."""
        self._sort = sort
        self._descending = False

    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def reload(self) -> None:
        with self._engine.connect() as connection:
            ids = queries.case_ids(connection, self._filter, self._sort, self._descending)
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._countdowns.clear()
        self._loaded = True
        self.endResetModel()

    def _row(self, row: int) -> CaseListRow | None:
        page = row // self.PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            ids = self._ids[page * self.PAGE_SIZE : (page + 1) * self.PAGE_SIZE]
            with self._engine.connect() as connection:
                rows = queries.case_rows(connection, ids)
            self._pages[page] = rows
            if len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page)
        return rows.get(self._ids[row])

    def case_id(self, row: int) -> int:
        return self._ids[row]

    # Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].key == "due":
            return self.tr(
                "Wall-clock time to the next response target, nights and weekends included."
                " A cell's tooltip shows the business time left, which the case detail counts."
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == CASE_ID_ROLE:
            return self._ids[index.row()]
        if role not in _ROLES:
            return None
        case = self._row(index.row())
        if case is None:
            return None
        key = self.columns[index.column()].key
        if key == "due":
            return self._due_data(case, role)
        if key == "subject" and role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(case.subject)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._display(case, key)

    @staticmethod
    def _display(case: CaseListRow, key: str) -> str:
        if key == "id":
            return case.remote_id
        if key == "subject":
            return case.subject
        if key == "account":
            return case.account_name
        if key == "severity":
            return severity_label(case.severity)
        if key == "status":
            return status_label(case.status)
        if key == "requester":
            return case.requester
        if key == "updated":
            return format_instant(case.updated_at)
        if key == "target":
            return kind_label(case.clock_kind)
        raise KeyError(key)

    def _countdown(self, case: CaseListRow) -> tuple[datetime, Countdown]:
        known = self._countdowns.get(case.id)
        if known is None:
            now = self._now()
            known = self._countdowns[case.id] = (now, countdown(case, now))
        return known

    def _due_data(self, case: CaseListRow, role: int) -> Any:
        now, value = self._countdown(case)
        if role == Qt.ItemDataRole.DisplayRole:
            return countdown_text(value)
        if role == URGENCY_ROLE:
            return value.urgency
        if role == Qt.ItemDataRole.BackgroundRole:
            return URGENCY_BACKGROUND.get(value.urgency)
        if role == Qt.ItemDataRole.ForegroundRole:
            return urgency_foreground(value.urgency)
        if role == Qt.ItemDataRole.DecorationRole:
            return urgency_icon(value.urgency)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._due_tooltip(case, value, now))
        return None

    def _due_tooltip(self, case: CaseListRow, value: Countdown, now: datetime) -> str:
        lines = [f"{kind_label(case.clock_kind)}: {urgency_label(value.urgency)}"]
        if case.clock_deadline is not None and value.urgency in (Urgency.OK, Urgency.AT_RISK, Urgency.BREACHED):
            with self._engine.connect() as connection:
                left = business_time_left(connection, case.account_region, case.severity, case.clock_deadline, now)
            account_time = format_instant(case.clock_deadline, case.account_timezone, weekday=True)
            lines.append(self.tr("Business time left: {left}").format(left=format_duration(left)))
            lines.append(self.tr("Due: {mine} (your time)").format(mine=format_instant(case.clock_deadline)))
            theirs = self.tr("Due: {theirs} ({zone}, the account's time)")
            lines.append(theirs.format(theirs=account_time, zone=case.account_timezone))
        return "\n".join(lines)

    def refresh_countdowns(self, first_row: int, last_row: int) -> datetime | None:
        """Recompute the countdowns of these rows (the visible ones) and repaint the cells whose
        text or state changed; nothing is queried. Returns when the next of them will change."""
        if not self._ids or first_row < 0:
            return None
        now = self._now()
        last_row = min(last_row, len(self._ids) - 1)
        changed: list[int] = []
        next_change: datetime | None = None
        for row in range(first_row, last_row + 1):
            case = self._row(row)
            if case is None:
                continue
            before = self._countdowns.get(case.id)
            value = countdown(case, now)
            self._countdowns[case.id] = (now, value)
            shown = (value.urgency, countdown_text(value))
            if before is None or (before[1].urgency, countdown_text(before[1])) != shown:
                changed.append(row)
            change = next_countdown_change(case, value, now)
            if change is not None and (next_change is None or change < next_change):
                next_change = change
        if changed:
            column = next(i for i, c in enumerate(self.columns) if c.key == "due")
            self.dataChanged.emit(self.index(changed[0], column), self.index(changed[-1], column), _COUNTDOWN_ROLES)
        return next_change

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = self.columns[column].sort
        self._descending = order == Qt.SortOrder.DescendingOrder
        if not self._loaded:
            return  # the view set its initial order; the first reload sorts by it
        self.layoutAboutToBeChanged.emit()
        # The selection and current cell follow their case to its new row, as Qt's layout contract asks.
        persistent = self.persistentIndexList()
        followed = [(self._ids[i.row()] if 0 <= i.row() < len(self._ids) else None, i.column()) for i in persistent]
        with self._engine.connect() as connection:
            self._ids = queries.case_ids(connection, self._filter, self._sort, self._descending)
        self._pages.clear()
        rows = {case_id: row for row, case_id in enumerate(self._ids)}
        moved = []
        for case_id, column in followed:
            row = rows.get(case_id) if case_id is not None else None
            moved.append(QModelIndex() if row is None else self.index(row, column))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()
