"""The start page: what breaches next, new Severity 1 cases, weekly updates overdue (past
weeks included) or due, service days and contact limits that need a look, and what changed
since the advisor was last here."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QListView, QSplitter, QVBoxLayout, QWidget

from advisor_app.attention import today
from advisor_app.gui.cases_panel import CasesPanel, ColumnChoices
from advisor_app.gui.models.cases import format_instant
from advisor_app.gui.models.today import ITEM_ACCOUNT_ID_ROLE, ITEM_CASE_ID_ROLE, TodayItemsModel
from advisor_app.gui.plain_text import make_plain
from advisor_app.store.queries import CaseFilter, CaseSort, ClockFilter
from advisor_app.workspace.desk import Desk


class TodaySection(QWidget):
    """A titled list; Enter or a double click opens the item's case or account."""

    def __init__(self, title: str, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._empty = empty
        self.model = TodayItemsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.view.setUniformItemSizes(True)
        self.view.setMinimumHeight(3 * self.view.fontMetrics().height())
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty_label = QLabel(empty, self)
        self.empty_label.setEnabled(False)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.heading.setBuddy(self.view)
        layout.addWidget(self.heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_label, 1)
        self.setFocusProxy(self.view)

    def set_items(self, items: list[today.TodayItem]) -> None:
        self.model.set_items(items)
        self.heading.setText(self.tr("{title} ({count})").format(title=self._title, count=len(items)))
        self.empty_label.setVisible(not items)
        self.view.setVisible(bool(items))


class TodayView(QWidget):
    case_activated = Signal(int)
    account_activated = Signal(int)

    def __init__(self, desk: Desk, choices: ColumnChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.last_here: datetime | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        make_plain(self.heading, self.summary)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        urgent_heading = QLabel(self.tr("&Breaches next: breached first, then by clock time to the deadline"), left)
        urgent_heading.setFont(self._bold())
        urgent_heading.setWordWrap(True)
        self.urgent = CasesPanel(
            desk,
            choices,
            left,
            filters=False,
            sortable=False,
            fixed=CaseFilter(clock=ClockFilter.COUNTING),
            # Today is about time: the columns that say what breaches when, and where.
            never_shown=frozenset({"status", "updated", "target", "requester"}),
        )
        self.urgent.model.set_sort_key(CaseSort.URGENCY)
        self.urgent.view.setAccessibleName(self.tr("Open cases, breached first, then by clock time to the deadline"))
        urgent_heading.setBuddy(self.urgent.view)
        left_layout.addWidget(urgent_heading)
        left_layout.addWidget(self.urgent, 1)

        right = QFrame(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.sev1 = TodaySection(self.tr("New Severity 1"), self.tr("No new Severity 1 cases."), right)
        self.weekly = TodaySection(
            self.tr("Weekly updates overdue or due"),
            self.tr("Every weekly update owed so far is sent or skipped."),
            right,
        )
        self.service_days = TodaySection(
            self.tr("Service days and contacts to look at"),
            self.tr("No service-day balance or contact limit needs attention."),
            right,
        )
        self.changes = TodaySection(self.tr("Since you were last here"), self.tr("Nothing changed."), right)
        for section in (self.sev1, self.weekly, self.service_days, self.changes):
            right_layout.addWidget(section, 1)
            section.view.activated.connect(self.item_activated)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        self.urgent.case_activated.connect(self.case_activated)
        self.setFocusProxy(self.urgent)
        self.setTabOrder(self.urgent.view, self.sev1.view)
        self.setTabOrder(self.sev1.view, self.weekly.view)
        self.setTabOrder(self.weekly.view, self.service_days.view)
        self.setTabOrder(self.service_days.view, self.changes.view)

    def _bold(self) -> QFont:
        font = self.font()
        font.setBold(True)
        return font

    def refresh(self) -> None:
        """Re-read every list (a handful of bounded queries) and the cases by time to breach."""
        now = self.desk.clock()
        since = today.since_instant(self.last_here, now)
        with self.desk.engine.connect() as connection:
            sev1 = today.new_sev1_cases(connection, since, now)
            weekly, service = today.obligation_items(connection, now)
            changes = today.changes_since(connection, since, now)
        self.urgent.reload()
        self.sev1.set_items(sev1)
        self.weekly.set_items(weekly)
        self.service_days.set_items(service)
        self.changes.set_items(changes.items)
        self.heading.setText(self.tr("Today · {when}").format(when=format_instant(now)))
        synced = self.tr("never") if changes.last_sync is None else format_instant(changes.last_sync)
        if self.last_here is None:
            lead = self.tr("In the last 24 hours")
        else:
            lead = self.tr("Since you were last here ({when})").format(when=format_instant(since))
        self.summary.setText(
            # Counts as "label: n" (as in German), so no plural form is wrong for 1.
            self.tr(
                "{lead}: new cases: {new}, breaches: {breaches}, status changes: {status}. Last sync: {synced}."
            ).format(
                lead=lead,
                new=changes.new_cases,
                breaches=changes.breaches,
                status=changes.status_changes,
                synced=synced,
            )
        )
        if self.desk.settings.source_kind is None:  # empty because nothing was ever synced: say how to begin
            self.summary.setText(
                self.tr(
                    "This workspace is not connected to a ticketing system yet, so there is nothing to show. "
                    "File › Connect… brings in your accounts and cases."
                )
            )

    @Slot(QModelIndex)
    def item_activated(self, index: QModelIndex) -> None:
        case_id = index.data(ITEM_CASE_ID_ROLE)
        if case_id is not None:
            self.case_activated.emit(int(case_id))
        else:
            self.account_activated.emit(int(index.data(ITEM_ACCOUNT_ID_ROLE)))
