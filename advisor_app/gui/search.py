"""Ctrl+K search: a popup with results as you type over accounts, cases and notes.

Each query is the FTS5 index's best `RESULT_LIMIT` hits (`store.search`), a few
milliseconds even at 200,000 cases (BENCHMARKS.md), so it runs on the GUI thread after a
short pause in the typing. Up/Down move, Enter emits `chosen(kind, id)`, Esc closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.gui.labels import status_label
from advisor_app.gui.plain_text import make_plain, plain_tooltip
from advisor_app.store.search import HitKind, SearchHit, search
from advisor_app.workspace.desk import Desk

RESULT_LIMIT = 30
DEBOUNCE_MS = 120

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


def kind_text(kind: str) -> str:
    return {
        HitKind.ACCOUNT.value: QApplication.translate("search", "Account"),
        HitKind.CASE.value: QApplication.translate("search", "Case"),
        HitKind.NOTE.value: QApplication.translate("search", "Note"),
    }.get(kind, kind)


def second_line(hit: SearchHit) -> str:
    """Under the title: a case's account and status, then the text around the match."""
    if hit.kind is not HitKind.CASE:
        return hit.snippet
    return " · ".join(
        part for part in (hit.account, status_label(hit.status) if hit.status else "", hit.snippet) if part
    )


class SearchResultsModel(QAbstractListModel):
    """The hits of the last query, best first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self.hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(hit.snippet)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{kind_text(hit.kind.value)}: {hit.title}. {second_line(hit)}"
        if role == KIND_ROLE:
            return hit.kind.value
        if role == ID_ROLE:
            return hit.item_id
        if role == SNIPPET_ROLE:
            return second_line(hit)
        return None


class SearchHitDelegate(QStyledItemDelegate):
    """Two lines per hit: the kind and title, then the text around the match, muted."""

    PADDING = 6

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, 2 * metrics.height() + 2 * self.PADDING + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        style = option.widget.style() if option.widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, option.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        font = QFont(option.font)
        metrics = QFontMetrics(font)
        line = metrics.height()

        painter.save()
        kind = kind_text(str(index.data(KIND_ROLE)))
        kind_font = QFont(font)
        kind_font.setPointSizeF(font.pointSizeF() * 0.85)
        kind_width = 80
        painter.setFont(kind_font)
        painter.setPen(palette.color(muted_role))
        painter.drawText(
            QRect(rect.left(), rect.top(), kind_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            kind,
        )
        title_font = QFont(font)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        title_rect = QRect(rect.left() + kind_width, rect.top(), rect.width() - kind_width, line)
        title = QFontMetrics(title_font).elidedText(str(index.data()), Qt.TextElideMode.ElideRight, title_rect.width())
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        painter.setFont(font)
        painter.setPen(palette.color(muted_role))
        snippet_rect = QRect(rect.left() + kind_width, rect.top() + line + 2, rect.width() - kind_width, line)
        snippet = metrics.elidedText(
            str(index.data(SNIPPET_ROLE) or ""), Qt.TextElideMode.ElideRight, snippet_rect.width()
        )
        painter.drawText(snippet_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, snippet)
        painter.restore()


class SearchPopup(QDialog):
    """The search box. `chosen(kind, item_id)` when the user picks a hit with Enter or a click."""

    chosen = Signal(str, int)
    source_requested = Signal(int)
    """Ctrl+Shift+O on a case hit: open its ticket in the source's web interface"""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setWindowTitle(self.tr("Search"))
        self.setAccessibleName(self.tr("Search accounts, cases and notes"))
        self.setModal(False)
        self.resize(680, 460)

        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr("Search accounts, cases and notes…"))
        self.query_edit.setAccessibleName(self.tr("Search text"))
        self.query_edit.setClearButtonEnabled(True)
        font = self.query_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.query_edit.setFont(font)

        self.model = SearchResultsModel(self)
        self.results_view = QListView(self)
        self.results_view.setModel(self.model)
        self.results_view.setItemDelegate(SearchHitDelegate(self.results_view))
        self.results_view.setAccessibleName(self.tr("Search results"))
        self.results_view.setUniformItemSizes(True)
        self.results_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the box
        self.results_view.activated.connect(self._choose_index)
        self.results_view.clicked.connect(self._choose_index)

        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Search status"))
        make_plain(self.status_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.query_edit)
        layout.addWidget(self.results_view, 1)
        layout.addWidget(self.status_label)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.run_search)
        self.query_edit.textChanged.connect(self._on_text_changed)
        self.query_edit.installEventFilter(self)
        self.source_action = QAction(self.tr("Open in source"), self)
        self.source_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.source_action.triggered.connect(self._open_in_source)
        self.addAction(self.source_action)
        self._show_status()

    def open_search(self) -> None:
        """Show (or raise) the popup with the previous text selected, ready to type over."""
        parent = self.parentWidget()
        if parent is not None and not self.isVisible():
            geometry = parent.frameGeometry()
            self.move(geometry.center().x() - self.width() // 2, geometry.top() + 80)
        self.show()
        self.raise_()
        self.activateWindow()
        self.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.query_edit.selectAll()

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        self.debounce.start()

    @Slot()
    def run_search(self) -> None:
        self.debounce.stop()
        typed = self.query_edit.text()
        with self.desk.engine.connect() as connection:
            hits = search(connection, typed, RESULT_LIMIT)
        self.model.set_hits(hits)
        if hits:
            self.results_view.setCurrentIndex(self.model.index(0, 0))
        self._show_status()

    def _show_status(self) -> None:
        typed = self.query_edit.text().strip()
        count = self.model.rowCount()
        if not typed:
            text = self.tr("Type part of an account name, a case number, subject or requester.")
        elif count == 0:
            text = self.tr("No matches for “{text}”.").format(text=typed)
        elif count >= RESULT_LIMIT:
            text = self.tr("The best {count} matches · Enter opens · Esc closes").format(count=count)
        else:
            text = self.tr("{count} matches · Enter opens · Esc closes").format(count=count)
        self.status_label.setText(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query_edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        steps = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_PageDown: 8,
            Qt.Key.Key_PageUp: -8,
        }
        if key in steps:
            self._move(steps[Qt.Key(key)])
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.debounce.isActive():
                self.run_search()  # Enter right after typing: choose from the current text
            self._choose_index(self.results_view.currentIndex())
            return True
        if key == Qt.Key.Key_Escape:
            self.reject()
            return True
        return False

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        current = self.results_view.currentIndex()
        row = 0 if not current.isValid() else max(0, min(count - 1, current.row() + step))
        self.results_view.setCurrentIndex(self.model.index(row, 0))

    @Slot()
    def _open_in_source(self) -> None:
        index = self.results_view.currentIndex()
        if index.isValid() and index.data(KIND_ROLE) == HitKind.CASE.value:
            self.source_requested.emit(int(index.data(ID_ROLE)))

    @Slot(QModelIndex)
    def _choose_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        kind, item_id = str(index.data(KIND_ROLE)), int(index.data(ID_ROLE))
        self.accept()
        self.chosen.emit(kind, item_id)


def install_search_shortcut(window: QWidget, desk: Desk, on_chosen: Callable[[str, int], None]) -> QAction:
    """Ctrl+K in `window` opens the search popup; a chosen hit calls `on_chosen(kind, id)`.

    Returns the action (add it to a menu to list the shortcut under Help or Go).
    """
    popup = SearchPopup(desk, window)
    popup.chosen.connect(on_chosen)
    action = QAction(QApplication.translate("search", "Search…"), window)
    action.setShortcut(QKeySequence("Ctrl+K"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(popup.open_search)
    window.addAction(action)
    window.setProperty("searchPopup", popup)
    return action
