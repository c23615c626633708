"""Settings > Status meanings: what each status of the connected source means to the clocks.

A small table (source status -> meaning). Apply saves the entries that differ from the
source's defaults and re-derives the stored meanings and clocks at once
(`workspace.source_sync.set_status_map`); nothing is read from the source again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.status_map import DEFAULT_STATUS_MAPS, MEANINGS, canonical_meaning
from advisor_app.errors import AdvisorError, StatusMapError
from advisor_app.gui.error_text import describe_error
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.source_sync import set_status_map


def meaning_label(name: str) -> str:
    labels = {
        "new": QCoreApplication.translate("StatusMapEditor", "New (open, not yet worked)"),
        "open": QCoreApplication.translate("StatusMapEditor", "Open"),
        "waiting": QCoreApplication.translate("StatusMapEditor", "Waiting on the customer"),
        "hold": QCoreApplication.translate("StatusMapEditor", "On hold"),
        "solved": QCoreApplication.translate("StatusMapEditor", "Solved"),
        "closed": QCoreApplication.translate("StatusMapEditor", "Closed"),
    }
    return labels[name]


class StatusMapEditor(QGroupBox):
    applied = Signal()
    """The map was saved and the stored meanings and clocks follow it."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setTitle(self.tr("Status meanings"))
        self.setObjectName("statusMap")
        self.table = QTableWidget(0, 2, self)
        self.table.setObjectName("statusMapTable")
        self.table.setHorizontalHeaderLabels([self.tr("Status at the source"), self.tr("Means")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The meanings column fits its longest label (German's is wide); the status takes the rest.
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        rows = 7  # a lifecycle's statuses without scrolling
        self.table.setMinimumHeight(
            self.table.verticalHeader().defaultSectionSize() * rows
            + self.table.horizontalHeader().sizeHint().height()
            + 4
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Status meanings"))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add status"), self)
        self.add_button.clicked.connect(self.add_status)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_status)
        self.reset_button = QPushButton(self.tr("Defaults"), self)
        self.reset_button.clicked.connect(self.reset)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setObjectName("applyStatusMap")
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.load()

    def defaults(self) -> dict[str, str]:
        return dict(DEFAULT_STATUS_MAPS.get(self.desk.settings.source_kind or "", {}))

    def load(self) -> None:
        defaults = self.defaults()
        self.setVisible(bool(defaults))
        self.note.setText(
            self.tr("The SLA policy decides which meanings pause or stop which clock. Apply re-measures the clocks.")
        )
        try:
            saved = {k.lower(): canonical_meaning(v) for k, v in self.desk.settings.status_map.items()}
        except StatusMapError as error:  # settings.json edited by hand: show the defaults and why
            saved = {}
            self.note.setText(self.tr("The saved status map cannot be used: {error}").format(error=error))
        self._fill({**defaults, **saved})

    def _fill(self, entries: dict[str, str]) -> None:
        self.table.setRowCount(0)
        for status, meaning in entries.items():
            self._add_row(status, meaning)
        self._fit_width()
        self._selection_changed()

    def _fit_width(self) -> None:
        """Wide enough for the whole meaning label beside a status name, so the dialog opens uncut."""
        status_width = self.table.fontMetrics().horizontalAdvance("M" * 12)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        self.table.setMinimumWidth(status_width + self.table.sizeHintForColumn(1) + frame)

    def _add_row(self, status: str, meaning: str) -> QTableWidgetItem:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(status)
        self.table.setItem(row, 0, item)
        combo = QComboBox(self.table)
        combo.setAccessibleName(self.tr("Meaning of {status}").format(status=status or "…"))
        for name in MEANINGS:
            combo.addItem(meaning_label(name), name)
        combo.setCurrentIndex(list(MEANINGS).index(meaning))
        self.table.setCellWidget(row, 1, combo)
        return item

    def entries(self) -> dict[str, str]:
        """{status: meaning name} as shown; blank status rows are left out."""
        result: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            status = (item.text() if item else "").strip().lower()
            combo = self.table.cellWidget(row, 1)
            if status and isinstance(combo, QComboBox):
                result[status] = str(combo.currentData())
        return result

    @Slot()
    def _selection_changed(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        defaults = self.defaults()
        removable = bool(rows) and all(
            (item := self.table.item(row, 0)) is None or item.text().strip().lower() not in defaults for row in rows
        )
        self.remove_button.setEnabled(removable)

    @Slot()
    def add_status(self) -> None:
        item = self._add_row("", "open")
        self.table.setCurrentItem(item)
        self.table.editItem(item)

    @Slot()
    def remove_status(self) -> None:
        for row in sorted({index.row() for index in self.table.selectionModel().selectedRows()}, reverse=True):
            self.table.removeRow(row)

    @Slot()
    def reset(self) -> None:
        self._fill(self.defaults())

    @Slot()
    def apply(self) -> None:
        defaults = self.defaults()
        overrides = {status: meaning for status, meaning in self.entries().items() if defaults.get(status) != meaning}
        try:
            changed = set_status_map(self.desk, overrides)
        except (AdvisorError, OSError) as error:
            QMessageBox.warning(self, self.tr("Status meanings"), describe_error(error))
            return
        self.note.setText(self.tr("Saved; %Ln case(s) re-measured.", "", changed))
        self.applied.emit()
