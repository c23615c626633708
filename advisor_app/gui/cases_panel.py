"""The cases table as it appears everywhere (Today, an account, all cases): a filter bar
over a table of case ids; filtering and sorting happen in SQL."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QObject, QPoint, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_app.attention.alerts import SnoozeChoice
from advisor_app.domain import CaseStatus
from advisor_app.gui.labels import severity_label, status_label
from advisor_app.gui.models.cases import CASE_ID_ROLE, CasesTableModel
from advisor_app.gui.plain_text import make_plain
from advisor_app.store.queries import AccountSummary, CaseFilter, ClockFilter
from advisor_app.workspace.desk import Desk

# The entries of the "Show" box, in order.
CLOCK_FILTERS = (None, ClockFilter.AT_RISK, ClockFilter.BREACHED, ClockFilter.WAITING)
ALL_STATUSES = tuple(CaseStatus)
_WIDTHS = {
    "id": 64,
    "due": 150,
    "account": 180,
    "severity": 108,
    "status": 150,
    "target": 110,
    "requester": 200,
    "updated": 130,
}


class FilterBox(QComboBox):
    """A filter's choices: as wide as the longest entry, shrinking to eight characters only
    when the window is narrower than the filter bar needs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        narrow = self.fontMetrics().horizontalAdvance("M" * 8) + 32  # eight characters and the arrow
        return QSize(min(hint.width(), narrow), hint.height())


class ColumnChoices(QObject):
    """The columns the advisor hid, shared by every cases table and remembered by the window."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hidden: set[str] = {"requester", "target"}

    def set_shown(self, key: str, shown: bool) -> None:
        if shown:
            self.hidden.discard(key)
        else:
            self.hidden.add(key)
        self.changed.emit()

    def restore(self, hidden: set[str]) -> None:
        self.hidden = set(hidden)
        self.changed.emit()


class CasesPanel(QWidget):
    """A cases table with its filter bar.

    `fixed` is what the place itself decides (an account's cases, Today's counting clocks);
    the bar adds the advisor's own choices to it. Enter or a double click opens a case.
    """

    case_activated = Signal(int)
    snooze_requested = Signal(int, str)

    def __init__(
        self,
        desk: Desk,
        choices: ColumnChoices,
        parent: QWidget | None = None,
        *,
        filters: bool = True,
        account_filter: bool = False,
        fixed: CaseFilter | None = None,
        sortable: bool = True,
        never_shown: frozenset[str] = frozenset(),
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.choices = choices
        self._fixed = fixed or CaseFilter()
        self._account_filter = account_filter
        self._never_shown = never_shown
        self.row_actions: list[QAction] = []
        """the window's actions on the current case, added to a row's context menu"""
        self.model = CasesTableModel(desk.engine, desk.clock, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QWidget(self)
        rows = QVBoxLayout(self.bar)
        rows.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        bar = QHBoxLayout()
        rows.addLayout(top)
        rows.addLayout(bar)
        self.title = QLabel(self.bar)
        self.title.setObjectName("casesTitle")
        make_plain(self.title)
        top.addWidget(self.title)
        top.addStretch(1)

        self.search_box = QLineEdit(self.bar)
        self.search_box.setPlaceholderText(self.tr("Filter: number, subject or requester (Ctrl+F)"))
        self.search_box.setAccessibleName(self.tr("Filter cases by number, subject or requester"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(140)
        self.search_box.setMaximumWidth(420)
        top.addWidget(self.search_box, 1)

        self.account_box = QComboBox(self.bar)
        self.account_box.setAccessibleName(self.tr("Account"))
        self.account_box.setVisible(account_filter)
        bar.addWidget(self.account_box)

        self.severity_box = FilterBox(self.bar)
        self.severity_box.setAccessibleName(self.tr("Severity"))
        self.severity_box.addItem(self.tr("Any severity"), None)
        for severity in (1, 2, 3):
            self.severity_box.addItem(severity_label(severity), severity)
        bar.addWidget(self.severity_box)

        self.status_box = FilterBox(self.bar)
        self.status_box.setAccessibleName(self.tr("Status"))
        self.status_box.addItem(self.tr("Not solved"), "active")
        self.status_box.addItem(self.tr("Any status"), "any")
        for status in ALL_STATUSES:
            self.status_box.addItem(status_label(status), status)
        bar.addWidget(self.status_box)

        self.clock_label = QLabel(self.tr("S&how:"), self.bar)
        self.clock_box = FilterBox(self.bar)
        self.clock_box.setAccessibleName(self.tr("Show cases by their response target"))
        self.clock_label.setBuddy(self.clock_box)
        for text in (self.tr("Every case"), self.tr("At risk"), self.tr("Breached"), self.tr("Waiting on customer")):
            self.clock_box.addItem(text)
        bar.addWidget(self.clock_label)
        bar.addWidget(self.clock_box)
        # Narrow windows shrink the account box (names are long) rather than the table; the
        # others are as wide as their longest entry ("Jeder Schweregrad") where there is room.
        self.account_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.account_box.setMinimumContentsLength(8)
        bar.addStretch(1)
        self.bar.setVisible(filters)
        layout.addWidget(self.bar)

        self.view = QTableView(self)
        self.view.setObjectName("casesView")
        self.view.setAccessibleName(self.tr("Cases"))
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setWordWrap(False)
        self.view.setModel(self.model)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        layout.addWidget(self.view, 1)
        self._configure_view(sortable)
        self.setFocusProxy(self.view)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(150)
        self._text_timer.timeout.connect(self.apply_filter)
        self.search_box.textChanged.connect(self.text_changed)
        self.search_box.returnPressed.connect(self.apply_filter)
        for box in (self.account_box, self.severity_box, self.status_box, self.clock_box):
            box.currentIndexChanged.connect(self.box_changed)
        self.view.activated.connect(self.row_activated)
        self.view.customContextMenuRequested.connect(self.show_row_menu)
        self.choices.changed.connect(self.apply_column_choices)
        self.apply_column_choices()

    def _configure_view(self, sortable: bool) -> None:
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(48)
        for column, spec in enumerate(self.model.columns):
            if spec.key == "subject":
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(column, _WIDTHS.get(spec.key, 120))
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        if sortable:
            self.view.setSortingEnabled(True)
            self.view.sortByColumn(self.column("due"), Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self.show_column_menu)

    def column(self, key: str) -> int:
        return next(i for i, column in enumerate(self.model.columns) if column.key == key)

    # Filters ------------------------------------------------------------------------------

    def set_fixed(self, fixed: CaseFilter) -> None:
        self._fixed = fixed
        self.apply_column_choices()
        self.apply_filter()

    def set_accounts(self, accounts: list[AccountSummary]) -> None:
        """The account box's choices (all-cases view); keeps the chosen account when it still exists."""
        chosen = self.account_box.currentData()
        self.account_box.blockSignals(True)
        self.account_box.clear()
        self.account_box.addItem(self.tr("All accounts"), None)
        for account in accounts:
            self.account_box.addItem(account.name, account.id)
        index = self.account_box.findData(chosen)
        self.account_box.setCurrentIndex(max(index, 0))
        self.account_box.blockSignals(False)

    def current_filter(self, now: datetime | None = None) -> CaseFilter:
        fixed = self._fixed
        account_id = fixed.account_id
        if account_id is None and self._account_filter:
            account_id = self.account_box.currentData()
        status = self.status_box.currentData()
        severity = self.severity_box.currentData()
        clock = fixed.clock or CLOCK_FILTERS[self.clock_box.currentIndex()]
        return CaseFilter(
            account_id=account_id,
            active_only=fixed.active_only and status == "active",
            clock=clock,
            now=(now or self.desk.clock()) if clock is not None else None,
            severities=fixed.severities if severity is None else frozenset({severity}),
            statuses=None if status in ("active", "any") else frozenset({status}),
            text=self.search_box.text(),
        )

    @Slot()
    def apply_filter(self) -> None:
        self._text_timer.stop()
        self.model.set_filter(self.current_filter())
        self.update_title()

    def reload(self) -> None:
        self.model.set_filter(self.current_filter())
        self.update_title()

    def update_title(self) -> None:
        count = self.model.rowCount()
        if self.model.case_filter.active_only:
            self.title.setText(self.tr("Open cases: {count}").format(count=count))
        else:
            self.title.setText(self.tr("Cases: {count}").format(count=count))

    @Slot(str)
    def text_changed(self, _text: str) -> None:
        self._text_timer.start()

    @Slot(int)
    def box_changed(self, _index: int) -> None:
        self.apply_column_choices()
        self.apply_filter()

    def focus_filter(self) -> None:
        if self.bar.isVisible():
            self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_box.selectAll()
        else:
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # Time ---------------------------------------------------------------------------------

    def tick(self, now: datetime) -> datetime | None:
        """Repaint the visible countdowns that changed; once a minute re-judge a clock filter.
        Returns when the next visible countdown changes (None: none will)."""
        if self.model.case_filter.clock is not None and now.second == 0:
            self.reload()
        first = self.view.rowAt(0)
        if first < 0:
            return None
        last = self.view.rowAt(self.view.viewport().height() - 1)
        return self.model.refresh_countdowns(first, last if last >= 0 else self.model.rowCount() - 1)

    # Columns and rows -----------------------------------------------------------------------

    @Slot()
    def apply_column_choices(self) -> None:
        one_account = self._fixed.account_id is not None or (
            self._account_filter and self.account_box.currentData() is not None
        )
        for column, spec in enumerate(self.model.columns):
            # One account's cases all name that account: the column would only take room.
            redundant = spec.key == "account" and one_account
            hidden = redundant or spec.key in self.choices.hidden or spec.key in self._never_shown
            self.view.setColumnHidden(column, hidden)

    @Slot(QPoint)
    def show_column_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        for spec in self.model.columns:
            if spec.key in ("id", "subject"):
                continue
            action = menu.addAction(spec.title)
            action.setCheckable(True)
            action.setChecked(spec.key not in self.choices.hidden)
            action.setData(spec.key)
        chosen = menu.exec(self.view.horizontalHeader().mapToGlobal(position))
        if chosen is not None:
            self.choices.set_shown(str(chosen.data()), chosen.isChecked())

    def current_case_id(self) -> int | None:
        index = self.view.currentIndex()
        return None if not index.isValid() else int(index.data(CASE_ID_ROLE))

    @Slot(QModelIndex)
    def row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.case_activated.emit(int(index.data(CASE_ID_ROLE)))

    @Slot(QPoint)
    def show_row_menu(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if not index.isValid():
            return
        case_id = int(index.data(CASE_ID_ROLE))
        self.view.setCurrentIndex(index)  # the row's case is the one the window's actions act on
        menu = QMenu(self)
        menu.setToolTipsVisible(True)
        open_action = menu.addAction(self.tr("&Open case"))
        menu.addActions(self.row_actions)
        hour = menu.addAction(self.tr("Snooze notifications for 1 &hour"))
        tomorrow = menu.addAction(self.tr("Snooze notifications until &tomorrow"))
        chosen = menu.exec(self.view.viewport().mapToGlobal(position))
        if chosen is open_action:
            self.case_activated.emit(case_id)
        elif chosen is hour:
            self.snooze_requested.emit(case_id, SnoozeChoice.ONE_HOUR.value)
        elif chosen is tomorrow:
            self.snooze_requested.emit(case_id, SnoozeChoice.TOMORROW.value)
