"""Book or correct a service-day entry: date, amount in half days, kind, note, linked cases."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import ServiceDayKind
from advisor_app.errors import AdvisorError, OverAllotmentError
from advisor_app.gui.account.common import warning_color
from advisor_app.gui.account.models import kind_label
from advisor_app.gui.error_text import describe_error
from advisor_app.obligations.ledger import LedgerEntry


@dataclass(frozen=True, slots=True)
class EntryFields:
    day: date
    half_days: int
    kind: ServiceDayKind
    note: str
    case_ids: tuple[int, ...]


Submit = Callable[[EntryFields, bool], None]
"""Writes the entry; the bool confirms booking beyond the allotment. Raises AdvisorError."""


class ServiceDayDialog(QDialog):
    def __init__(
        self,
        cases: list[tuple[int, str]],
        submit: Submit,
        today: date,
        entry: LedgerEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle(self.tr("Correct service days") if entry else self.tr("Book service days"))
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.amount = QDoubleSpinBox()
        self.amount.setRange(0.5, 10.0)
        self.amount.setSingleStep(0.5)
        self.amount.setDecimals(1)
        self.amount.setSuffix(self.tr(" days"))
        self.kind = QComboBox()
        for kind in ServiceDayKind:
            self.kind.addItem(kind_label(kind.value), kind.value)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What was done, with whom"))
        self.note.setFixedHeight(70)
        self.cases = QListWidget()
        self.cases.setMinimumHeight(140)
        linked = set(entry.case_ids) if entry else set()
        for case_id, text in cases:
            item = QListWidgetItem(text, self.cases)
            item.setData(Qt.ItemDataRole.UserRole, case_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if case_id in linked else Qt.CheckState.Unchecked)
        self.error = QLabel()
        self.error.setWordWrap(True)
        palette = self.error.palette()
        palette.setColor(palette.ColorRole.WindowText, warning_color())
        self.error.setPalette(palette)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Date:"), self.day)
        form.addRow(self.tr("&Amount:"), self.amount)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Note:"), self.note)
        form.addRow(self.tr("Linked &cases:"), self.cases)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save") if entry else self.tr("Book"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        start = entry.day if entry else today
        self.day.setDate(QDate(start.year, start.month, start.day))
        self.amount.setValue(entry.half_days / 2 if entry else 1.0)
        if entry:
            self.kind.setCurrentIndex(self.kind.findData(entry.kind.value))
            self.note.setPlainText(entry.note)
        self.resize(460, 480)

    def fields(self) -> EntryFields:
        picked = self.day.date()
        case_ids = tuple(
            int(self.cases.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.cases.count())
            if self.cases.item(row).checkState() == Qt.CheckState.Checked
        )
        return EntryFields(
            date(picked.year(), picked.month(), picked.day()),
            round(self.amount.value() * 2),
            ServiceDayKind(self.kind.currentData()),
            self.note.toPlainText().strip(),
            case_ids,
        )

    def confirm_over_allotment(self, message: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Beyond the allotment"),
            self.tr("{message}\n\nBook it anyway? The entry will be flagged.").format(message=message),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def accept(self) -> None:
        fields = self.fields()
        try:
            try:
                self._submit(fields, False)
            except OverAllotmentError as error:
                if not self.confirm_over_allotment(describe_error(error)):
                    return
                self._submit(fields, True)
        except AdvisorError as error:
            self.error.setText(describe_error(error))
            self.error.show()
            return
        super().accept()
