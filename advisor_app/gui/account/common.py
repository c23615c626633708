"""Small helpers shared by the obligations tabs: wording of days, dates, colours, the Undo
button, their tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QMessageBox, QPushButton, QTableView, QWidget

from advisor_app.errors import AdvisorError
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.i18n import format_number
from advisor_app.obligations import journal
from advisor_app.obligations.journal import EditSummary
from advisor_app.workspace.desk import Desk


def days_text(half_days: int) -> str:
    # Literal texts in translate() calls, so lupdate finds them.
    if half_days == 2:
        return QCoreApplication.translate("obligations", "1 day")
    return QCoreApplication.translate("obligations", "{days} days").format(days=half_days_number(half_days))


def half_days_number(half_days: int) -> str:
    """Days counted in halves, the locale's way: 1.5 or 1,5."""
    return format_number(half_days / 2)


def _german() -> bool:
    return QLocale().language() == QLocale.Language.German


def date_text(day: date) -> str:
    """6 Jun 2026; in German 6. Juni 2026 (the day an ordinal, as German writes it)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d. MMM yyyy" if _german() else "d MMM yyyy")


def long_date_text(day: date) -> str:
    form = "ddd, d. MMM yyyy" if _german() else "ddd d MMM yyyy"
    return QLocale().toString(QDate(day.year, day.month, day.day), form)


def local_time_text(instant: datetime, zone: str) -> str:
    local = instant.astimezone(ZoneInfo(zone))
    form = "ddd d. MMM" if _german() else "ddd d MMM"
    return f"{QLocale().toString(QDate(local.year, local.month, local.day), form)} {local:%H:%M}"


class UndoButton(QPushButton):
    """Undo of the account's last local edit: the button, and Ctrl+Z (the platform's Undo)
    anywhere inside `owner`; both say what they would undo (`show_last`)."""

    def __init__(self, owner: QWidget, undo: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.translate("obligations", "Undo"))
        self.clicked.connect(undo)
        self.action = QAction(QCoreApplication.translate("obligations", "Undo"), owner)
        self.action.setShortcut(QKeySequence.StandardKey.Undo)
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.triggered.connect(undo)
        owner.addAction(self.action)

    def show_last(self, last: EditSummary | None) -> None:
        """Enabled with the edit Ctrl+Z would undo in the tooltip; disabled when there is none."""
        self.setEnabled(last is not None)
        self.action.setEnabled(last is not None)
        self.setToolTip(
            QCoreApplication.translate("obligations", "Undo: {what} (Ctrl+Z)").format(what=last.description)
            if last
            else QCoreApplication.translate("obligations", "Nothing to undo")
        )


class EditableTab(QWidget):
    """An Account 360 tab whose local data the advisor edits (service days, weekly updates):
    the account shown, a status line, Undo of the account's last edit, and `changed` after
    every edit. A tab builds its widgets, places `status_label` and `undo_button`, and
    implements `reload` (which calls `undo_button.show_last`)."""

    changed = Signal()
    """Local obligation data of the account changed (an edit or an undo)."""

    def __init__(self, desk: Desk, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._title = title
        self._account_id: int | None = None
        self.status_label = QLabel()
        self.undo_button = UndoButton(self, self.undo)

    def set_account(self, account_id: int) -> None:
        self._account_id = account_id
        self.status_label.clear()
        self.reload()

    def reload(self) -> None:
        raise NotImplementedError

    @Slot()
    def undo(self) -> None:
        if self._account_id is None:
            return
        try:
            undone = journal.undo_last(self._desk.engine, self._desk.clock(), self._account_id)
        except AdvisorError as error:
            self._report(describe_error(error))
            return
        self._after_edit(QCoreApplication.translate("obligations", "Undone: {what}").format(what=undone.description))

    def _after_edit(self, message: str = "") -> None:
        self.status_label.setText(message)
        self.reload()
        self.changed.emit()

    def _report(self, message: str) -> None:
        self.status_label.setText(message)
        QMessageBox.warning(self, self._title, message)


def record_table(model: QAbstractItemModel, name: str, stretch_column: int) -> QTableView:
    """A table of records (ledger entries, weeks): one whole row selected at a time, no row
    numbers, `stretch_column` (the free text) taking the width left."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table


def _dark() -> bool:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def warning_color() -> QColor:
    """Text colour for overdue and over-limit states, readable on the current palette."""
    return QColor("#ff8a80") if _dark() else QColor("#b3261e")


def ok_color() -> QColor:
    return QColor("#81c995") if _dark() else QColor("#1e7b34")


def muted_color() -> QColor:
    return QGuiApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
