"""Account 360: every week an update is owed for, with its state; skip and unskip; the week
updates are owed from."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, QModelIndex, Qt, QTime, Slot
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.errors import AdvisorError
from advisor_app.gui.account.common import EditableTab, local_time_text, record_table, warning_color
from advisor_app.gui.account.models import ROW_ID_ROLE, WeekHistoryModel
from advisor_app.gui.drafts.composer import DraftComposer
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.plain_text import make_plain
from advisor_app.obligations import journal
from advisor_app.obligations.terms import terms_of
from advisor_app.obligations.tracking import set_updates_start
from advisor_app.obligations.updates import WeekEntry, skip_week, unskip_week, week_history
from advisor_app.obligations.weekly_updates import WeekStatus, iso_week
from advisor_app.workspace.desk import Desk


class SkipWeekDialog(QDialog):
    """Asks why the week's update is skipped; Skip stays disabled until a reason is typed."""

    def __init__(self, week: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Skip {week}").format(week=week))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why no update is needed this week (required)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.skip_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.skip_button.setText(self.tr("Skip the week"))
        self.skip_button.setEnabled(False)
        self.reason.textChanged.connect(self._on_text_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Reason for skipping the update of {week}:").format(week=week)))
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.resize(420, 220)

    @Slot()
    def _on_text_changed(self) -> None:
        self.skip_button.setEnabled(bool(self.reason.toPlainText().strip()))


class StartWeekDialog(QDialog):
    """Picks the week weekly updates are owed from (any day of it), or back to the first sync's."""

    RESET = 2

    def __init__(self, current: date, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Weekly updates owed from"))
        self.date_edit = QDateEdit(QDate(current.year, current.month, current.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.week_label = QLabel()
        self.date_edit.dateChanged.connect(self._show_week)
        label = QLabel(self.tr("Updates are owed from the &week of:"))
        label.setBuddy(self.date_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.reset_button = self.buttons.addButton(
            self.tr("From the first sync"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.reset_button.clicked.connect(lambda: self.done(self.RESET))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.date_edit)
        row.addWidget(self.week_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(row)
        layout.addWidget(self.buttons)
        self._show_week()

    def week(self) -> str:
        return iso_week(self.date_edit.date().toPython())  # type: ignore[arg-type]

    @Slot()
    def _show_week(self) -> None:
        self.week_label.setText(self.tr("week {week}").format(week=self.week()))


class WeeklyUpdatesTab(EditableTab):
    """The weeks updates are owed for: draft, skip, unskip, the week they are owed from."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Weekly updates"), parent)
        self._weeks: list[WeekEntry] = []
        self._owed_from = date.min
        self._today = date.min
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.terms_label = QLabel()
        make_plain(self.summary_label, self.terms_label, self.status_label)
        self.draft_button = QPushButton(self.tr("&Draft…"))
        self.draft_button.setToolTip(self.tr("Write the selected week's update (Enter or double-click a week)"))
        self.draft_button.clicked.connect(self.draft_selected)
        self.skip_button = QPushButton(self.tr("Skip…"))
        self.unskip_button = QPushButton(self.tr("Unskip"))
        self.start_label = QLabel()
        self.start_button = QPushButton(self.tr("Owed &from…"))
        self.start_button.setToolTip(self.tr("Choose the week from which this account is owed weekly updates"))
        self.start_button.clicked.connect(self.choose_start_week)
        self.skip_button.clicked.connect(self.skip_selected)
        self.unskip_button.clicked.connect(self.unskip_selected)
        self.model = WeekHistoryModel(self)
        self.table = record_table(self.model, self.tr("Weekly updates by week"), WeekHistoryModel.REASON)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.activated.connect(self.week_activated)
        start = QHBoxLayout()
        start.addWidget(self.start_label, 1)
        start.addWidget(self.start_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.terms_label, 1)
        for button in (self.draft_button, self.skip_button, self.unskip_button, self.undo_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addLayout(start)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self._update_buttons()

    def reload(self) -> None:
        if self._account_id is None:
            return
        now = self._desk.clock()
        selected = self.selected_week()
        with self._desk.engine.connect() as connection:
            terms = terms_of(connection, self._account_id)
            self._weeks = week_history(connection, self._account_id, now)
            last = journal.last_edit(connection, self._account_id)
        self.model.set_weeks(self._weeks, terms.timezone)
        self.table.resizeColumnsToContents()
        self.terms_label.setText(
            self.tr("Due every {weekday} at {time} ({zone})").format(
                weekday=QLocale().dayName(terms.due_weekday + 1, QLocale.FormatType.LongFormat),
                time=QLocale().toString(
                    QTime(terms.due_time.hour, terms.due_time.minute), QLocale.FormatType.ShortFormat
                ),
                zone=terms.timezone,
            )
        )
        self._owed_from = terms.updates_owed_from(now)
        self._today = terms.local_today(now)
        start_week = iso_week(self._owed_from)
        if terms.updates_from_week is not None:
            self.start_label.setText(self.tr("Owed from {week} (chosen by you)").format(week=start_week))
        else:
            self.start_label.setText(
                self.tr("Owed from {week}, the week this workspace started tracking the account").format(
                    week=start_week
                )
            )
        overdue = [w for w in self._weeks if w.status is WeekStatus.OVERDUE]
        palette = self.summary_label.palette()
        palette.setColor(palette.ColorRole.WindowText, self.palette().color(palette.ColorRole.WindowText))
        if not terms.weekly_updates:
            text = self.tr("This contract does not include weekly updates; the weeks are listed for reference.")
        elif overdue:
            text = self.tr("⚠ %Ln overdue update(s) since {start}; the oldest is {week}.", "", len(overdue)).format(
                start=start_week, week=overdue[-1].iso_week
            )
            palette.setColor(palette.ColorRole.WindowText, warning_color())
        elif self._weeks:
            current = self._weeks[0]
            text = self.tr("This week's update ({week}) is {state}; due {due}.").format(
                week=current.iso_week,
                state=self.model.status_label(current.status).lower(),
                due=local_time_text(current.due_at, terms.timezone),
            )
        else:
            text = ""
        self.summary_label.setPalette(palette)
        self.summary_label.setText(text)
        if selected is not None:
            self.select_week(selected)
        self.undo_button.show_last(last)
        self._update_buttons()

    def select_week(self, week: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.index(row, 0).data(ROW_ID_ROLE) == week:
                self.table.selectRow(row)
                return

    @Slot()
    def draft_selected(self) -> None:
        """Open the week's update in the composer (this week's when none is selected)."""
        if self._account_id is None:
            return
        week = self.selected_week() or (self._weeks[0].iso_week if self._weeks else None)
        if week is None:
            return
        composer = DraftComposer(self._desk, self._account_id, week, self.window())
        composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        composer.week_changed.connect(self.composer_changed)
        composer.show()

    @Slot(QModelIndex)
    def week_activated(self, _index: QModelIndex) -> None:
        self.draft_selected()

    @Slot()
    def composer_changed(self) -> None:
        self.reload()
        self.changed.emit()

    def selected_week(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ID_ROLE) if rows else None

    def _selected_entry(self) -> WeekEntry | None:
        week = self.selected_week()
        return next((w for w in self._weeks if w.iso_week == week), None)

    @Slot()
    def _update_buttons(self) -> None:
        entry = self._selected_entry()
        self.skip_button.setEnabled(
            entry is not None and entry.status not in (WeekStatus.SENT, WeekStatus.SKIPPED, WeekStatus.NOT_OWED)
        )
        self.unskip_button.setEnabled(entry is not None and entry.status is WeekStatus.SKIPPED)

    def make_skip_dialog(self) -> SkipWeekDialog | None:
        week = self.selected_week()
        if week is None or self._account_id is None:
            return None
        dialog = SkipWeekDialog(week, self)
        dialog.accepted.connect(self._on_skip_accepted)
        return dialog

    @Slot()
    def skip_selected(self) -> None:
        dialog = self.make_skip_dialog()
        if dialog is not None:
            dialog.open()

    @Slot()
    def _on_skip_accepted(self) -> None:
        dialog = self.sender()
        week = self.selected_week()
        if not isinstance(dialog, SkipWeekDialog) or week is None or self._account_id is None:
            return
        try:
            skip_week(self._desk.engine, self._account_id, week, dialog.reason.toPlainText(), now=self._desk.clock())
        except AdvisorError as error:
            self._report(describe_error(error))
            return
        self._after_edit(self.tr("Skipped {week}. Ctrl+Z takes it back.").format(week=week))

    @Slot()
    def unskip_selected(self) -> None:
        week = self.selected_week()
        if week is None or self._account_id is None:
            return
        try:
            unskip_week(self._desk.engine, self._account_id, week, now=self._desk.clock())
        except AdvisorError as error:
            self._report(describe_error(error))
            return
        self._after_edit(self.tr("{week} is no longer skipped.").format(week=week))

    def make_start_week_dialog(self) -> StartWeekDialog | None:
        if self._account_id is None:
            return None
        dialog = StartWeekDialog(self._owed_from, self._today, self)
        dialog.finished.connect(self._on_start_week_finished)
        return dialog

    @Slot()
    def choose_start_week(self) -> None:
        dialog = self.make_start_week_dialog()
        if dialog is not None:
            dialog.open()

    @Slot(int)
    def _on_start_week_finished(self, result: int) -> None:
        dialog = self.sender()
        if (
            not isinstance(dialog, StartWeekDialog)
            or self._account_id is None
            or result == QDialog.DialogCode.Rejected.value
        ):
            return
        week = None if result == StartWeekDialog.RESET else dialog.week()
        try:
            set_updates_start(self._desk.engine, self._account_id, week, now=self._desk.clock())
        except AdvisorError as error:
            self._report(describe_error(error))
            return
        message = (
            self.tr("Updates are owed from the first sync's week again. Ctrl+Z takes it back.")
            if week is None
            else self.tr("Updates are owed from {week}. Ctrl+Z takes it back.").format(week=week)
        )
        self._after_edit(message)
