"""Help > Keyboard shortcuts: every action of a window that has a shortcut, by menu."""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)


@dataclass(frozen=True, slots=True)
class ShortcutEntry:
    group: str
    """the menu path, `View › Theme`; empty for actions in no menu"""
    text: str
    keys: str
    """the shortcuts as the platform writes them, `Ctrl+Q`, several joined by `, `"""


def _plain(text: str) -> str:
    """A menu text without its mnemonic ampersands and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…").removesuffix("...")


def _menu_path(menu: QMenu) -> str:
    titles = []
    current: QMenu | None = menu
    while current is not None:
        titles.append(_plain(current.title()))
        owner = current.menuAction().associatedObjects()
        current = next((o for o in owner if isinstance(o, QMenu) and o is not current), None)
    return " › ".join(reversed([t for t in titles if t]))


def shortcut_entries(window: QWidget) -> list[ShortcutEntry]:
    """The actions of `window` (and its children) that have a shortcut, in menu order; an
    action several parts install alike (Undo in each obligations tab) is listed once."""
    entries: list[ShortcutEntry] = []
    build = getattr(window, "build_deferred_parts", None)
    if callable(build):
        build()  # parts built on first use (an account's tabs) bring keys of their own
    for action in window.findChildren(QAction):
        if not shiboken6.isValid(action):
            continue  # a context menu's action whose menu was deleted while Python held it
        sequences = [s for s in action.shortcuts() if not s.isEmpty()]
        if not sequences or action.isSeparator():
            continue
        owner = action.parent()
        if isinstance(owner, QWidget) and owner.window() is not window.window():
            continue  # a dialog's own keys (the search popup's), not this window's
        menus = [o for o in action.associatedObjects() if isinstance(o, QMenu)]
        group = _menu_path(menus[0]) if menus else ""
        keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in sequences)
        entry = ShortcutEntry(group, _plain(action.text()) or action.toolTip(), keys)
        if entry not in entries:
            entries.append(entry)
    return entries


class ShortcutsDialog(QDialog):
    def __init__(self, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self._fill(shortcut_entries(window))
        self.resize(520, 460)

    def _fill(self, entries: list[ShortcutEntry]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in entries:
            group = groups.get(entry.group)
            if group is None:
                group = QTreeWidgetItem(self.tree, [entry.group or self.tr("Other")])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                group.setFirstColumnSpanned(True)
                groups[entry.group] = group
            QTreeWidgetItem(group, [entry.text, entry.keys])
        self.tree.expandAll()


def add_shortcuts_action(help_menu: QMenu, window: QWidget) -> QAction:
    """Help > Keyboard shortcuts (F1), first in the Help menu, opening the list for `window`."""
    action = QAction(QCoreApplication.translate("ShortcutsDialog", "&Keyboard shortcuts…"), window)
    action.setObjectName("keyboardShortcutsAction")
    action.setShortcut(QKeySequence(Qt.Key.Key_F1))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    opener = _ShortcutsOpener(window, action)
    action.triggered.connect(opener.open)
    actions = help_menu.actions()
    if actions:
        help_menu.insertAction(actions[0], action)  # first in Help, above About
    else:
        help_menu.addAction(action)
    return action


class _ShortcutsOpener(QObject):
    """Keeps the window to list; a bound slot rather than a lambda (see STYLE.md)."""

    def __init__(self, window: QWidget, action: QAction) -> None:
        super().__init__(action)
        self._window = window

    @Slot()
    def open(self) -> None:
        dialog = ShortcutsDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
