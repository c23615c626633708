"""Account 360: the service-day ledger of the contract year, its balance and burn-down."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advisor_app.errors import AdvisorError
from advisor_app.gui.account.burndown import BurnDownChart
from advisor_app.gui.account.common import (
    EditableTab,
    date_text,
    half_days_number,
    long_date_text,
    record_table,
    warning_color,
)
from advisor_app.gui.account.models import ROW_ID_ROLE, LedgerModel
from advisor_app.gui.account.service_day_dialog import EntryFields, ServiceDayDialog
from advisor_app.gui.error_text import describe_error
from advisor_app.obligations import journal
from advisor_app.obligations.contract_years import ContractYear
from advisor_app.obligations.ledger import (
    LedgerEntry,
    account_balance,
    book_service_day,
    contract_years_booked,
    correct_service_day,
    delete_service_day,
    ledger,
    ledger_csv,
)
from advisor_app.obligations.service_days import ServiceDayBalance
from advisor_app.obligations.terms import terms_of
from advisor_app.store.queries import case_numbers, cases_to_link
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.outputs import OutputError, write_output

CASES_OFFERED = 200  # the newest cases of the account, to link an entry to


class ServiceDaysTab(EditableTab):
    """Book, correct and delete service days; `changed` after each."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(desk, self.tr("Service days"), parent)
        self._years: list[ContractYear] = []
        self._entries: list[LedgerEntry] = []
        self.balance_label = QLabel()
        self.balance_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.balance_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.balance_label.setFont(font)
        self.projection_label = QLabel()
        self.projection_label.setWordWrap(True)
        self.status_label.setWordWrap(True)
        self.year_combo = QComboBox()
        self.year_combo.setAccessibleName(self.tr("Contract year"))
        self.year_combo.setToolTip(self.tr("The contract year to show and export"))
        self.year_combo.currentIndexChanged.connect(self._on_year_changed)
        self.book_button = QPushButton(self.tr("Book…"))
        self.correct_button = QPushButton(self.tr("Correct…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.book_button.clicked.connect(self.book)
        self.correct_button.clicked.connect(self.correct_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button.clicked.connect(self._on_export)
        self.model = LedgerModel(self)
        self.table = record_table(self.model, self.tr("Service-day ledger"), LedgerModel.NOTE)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.chart = BurnDownChart()
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("Contract &year:"))
        year_label.setBuddy(self.year_combo)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_combo)
        year_row.addStretch(1)
        # The buttons get a row of their own, so the tab stays narrow enough for a small screen.
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.book_button, self.correct_button, self.delete_button, self.undo_button, self.export_button):
            buttons.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.balance_label)
        layout.addWidget(self.projection_label)
        layout.addLayout(year_row)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)
        self._update_buttons()

    # Loading ----------------------------------------------------------------------------

    def set_account(self, account_id: int) -> None:
        self._years = []  # another account's years: show the new one's current year
        super().set_account(account_id)

    def reload(self) -> None:
        """The account's contract years (an edit may add one), the one selected kept; its entries."""
        if self._account_id is None:
            return
        keep = self.selected_year()
        with self._desk.engine.connect() as connection:
            self._years = contract_years_booked(connection, self._account_id, self._desk.clock())
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in self._years:
            self.year_combo.addItem(f"{date_text(year.first_day)} – {date_text(year.last_day)}")
        index = self._years.index(keep) if keep in self._years else 0
        self.year_combo.setCurrentIndex(index)
        self.year_combo.blockSignals(False)
        self._show_year()

    def selected_year(self) -> ContractYear | None:
        index = self.year_combo.currentIndex()
        return self._years[index] if 0 <= index < len(self._years) else None

    @Slot(int)
    def _on_year_changed(self, _index: int) -> None:
        self._show_year()

    def _show_year(self) -> None:
        if self._account_id is None:
            return
        now = self._desk.clock()
        year = self.selected_year()
        with self._desk.engine.connect() as connection:
            terms = terms_of(connection, self._account_id)
            self._entries = ledger(connection, self._account_id, year)
            current = account_balance(connection, self._account_id, now)
            names = case_numbers(connection, (c for e in self._entries for c in e.case_ids))
            last = journal.last_edit(connection, self._account_id)
        self.model.set_entries(self._entries, {case_id: "#" + remote for case_id, remote in names.items()})
        today = terms.local_today(now)
        if year is not None and year != current.year:
            used = sum(e.half_days for e in self._entries)
            shown = ServiceDayBalance(year, current.allotted, used, None)
        else:
            shown = current
        self._show_balance(shown, today, is_current=shown is current)
        self.chart.show_year(shown, self._entries, today)
        self.table.resizeColumnsToContents()
        self.undo_button.show_last(last)
        self._update_buttons()

    def _show_balance(self, shown: ServiceDayBalance, today: object, *, is_current: bool) -> None:
        year = shown.year
        if shown.allotted is None:
            self.balance_label.setText(
                self.tr("{used} days used; the tier publishes no allotment").format(used=half_days_number(shown.used))
            )
        else:
            self.balance_label.setText(
                self.tr("{used} of {allotted} days used · {left} left · unused days lapse after {end}").format(
                    used=half_days_number(shown.used),
                    allotted=half_days_number(shown.allotted),
                    left=half_days_number(max(shown.remaining or 0, 0)),
                    end=long_date_text(year.last_day),
                )
            )
        palette = self.projection_label.palette()
        palette.setColor(palette.ColorRole.WindowText, self.palette().color(palette.ColorRole.WindowText))
        projection = shown.projection
        if shown.over_allotment:
            text = self.tr("{over} days booked beyond the allotment of this contract year.").format(
                over=half_days_number(shown.used - (shown.allotted or 0))
            )
            palette.setColor(palette.ColorRole.WindowText, warning_color())
        elif not is_current:
            text = self.tr("A past contract year: {left} days lapsed unused on {end}.").format(
                left=half_days_number(max(shown.remaining or 0, 0)), end=long_date_text(year.last_day)
            )
        elif shown.allotted == 0:
            text = self.tr("This contract includes no service days.")
        elif projection is None:
            text = ""
        elif shown.remaining == 0:
            text = self.tr("The allotment is used up.")
        elif projection.runs_out_on is not None:
            text = self.tr("At this pace the allotment runs out on {day}.").format(
                day=long_date_text(projection.runs_out_on)
            )
        else:
            text = self.tr("{days} days will lapse unused on {day} at this pace.").format(
                days=half_days_number(projection.lapsing_half_days), day=long_date_text(year.last_day)
            )
        self.projection_label.setPalette(palette)
        self.projection_label.setText(text)

    @Slot()
    def _update_buttons(self) -> None:
        has_account = self._account_id is not None
        selected = self.selected_entry() is not None
        self.book_button.setEnabled(has_account)
        self.export_button.setEnabled(has_account)
        self.correct_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def selected_entry(self) -> LedgerEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        entry_id = rows[0].data(ROW_ID_ROLE)
        return next((e for e in self._entries if e.id == entry_id), None)

    def _offered_cases(self) -> list[tuple[int, str]]:
        assert self._account_id is not None
        with self._desk.engine.connect() as connection:
            rows = cases_to_link(connection, self._account_id, CASES_OFFERED)
        return [(case_id, f"#{remote} · {subject}") for case_id, remote, subject in rows]

    # Edits -------------------------------------------------------------------------------

    def make_dialog(self, entry: LedgerEntry | None = None) -> ServiceDayDialog:
        assert self._account_id is not None
        account_id = self._account_id
        with self._desk.engine.connect() as connection:
            today = terms_of(connection, account_id).local_today(self._desk.clock())

        # Booking and correcting take the same fields: a new entry of the account, or this entry.
        save, target = (book_service_day, account_id) if entry is None else (correct_service_day, entry.id)

        def submit(fields: EntryFields, confirm: bool) -> None:
            save(
                self._desk.engine,
                target,
                fields.day,
                fields.half_days,
                fields.kind,
                fields.note,
                fields.case_ids,
                now=self._desk.clock(),
                confirm_over_allotment=confirm,
            )

        dialog = ServiceDayDialog(self._offered_cases(), submit, today, entry, self)
        dialog.accepted.connect(self._after_edit)
        return dialog

    @Slot()
    def book(self) -> None:
        if self._account_id is not None:
            self.make_dialog().open()

    @Slot()
    def correct_selected(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.make_dialog(entry).open()

    @Slot(QModelIndex)
    def _on_double_clicked(self, _index: QModelIndex) -> None:
        self.correct_selected()

    @Slot()
    def delete_selected(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        try:
            delete_service_day(self._desk.engine, entry.id, now=self._desk.clock())
        except AdvisorError as error:
            self._report(describe_error(error))
            return
        self._after_edit(self.tr("Deleted the entry of {day}. Ctrl+Z brings it back.").format(day=entry.day))

    # Export ------------------------------------------------------------------------------

    def export_csv(self, path: Path) -> None:
        year = self.selected_year()
        assert self._account_id is not None and year is not None
        with self._desk.engine.connect() as connection:
            text = ledger_csv(connection, self._account_id, year)
        # The file dialog has asked before replacing a file (force); the workspace's own files stay refused.
        write_output(path, text.encode("utf-8"), workspace=self._desk.workspace, force=True)
        self.status_label.setText(self.tr("Exported to {path}").format(path=str(path)))

    @Slot()
    def _on_export(self) -> None:
        year = self.selected_year()
        if self._account_id is None or year is None:
            return
        suggested = str(self._desk.workspace.root / f"service-days-{self._account_id}-{year.first_day.isoformat()}.csv")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export service days"), suggested, self.tr("CSV files (*.csv)")
        )
        if name:
            try:
                self.export_csv(Path(name))
            except OutputError as error:
                self._report(describe_error(error))
            except OSError as error:
                self._report(self.tr("Cannot write {path}: {reason}").format(path=name, reason=str(error.strerror)))
