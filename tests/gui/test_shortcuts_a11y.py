"""Keyboard shortcuts listed by menu; controls without an accessible name are found."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QMainWindow, QPushButton, QTableView, QVBoxLayout, QWidget

from advisor_app.gui.accessibility import unnamed_controls
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.shortcuts import ShortcutsDialog, add_shortcuts_action, shortcut_entries
from advisor_app.gui.sync_controller import SyncController
from advisor_app.gui.sync_details import SyncDetailsDialog
from advisor_app.workspace.desk import Desk
from tests.gui.cells import child, top_level


def _with_shortcuts_action(window: MainWindow) -> QAction:
    """The window's Help > Keyboard shortcuts, added here while the window does not have it yet."""
    existing = window.findChild(QAction, "keyboardShortcutsAction")
    return existing if existing is not None else add_shortcuts_action(window.ui.helpMenu, window)


def test_the_shortcuts_of_the_main_window_are_listed_by_menu(qtbot: QtBot, main_window: MainWindow) -> None:
    _with_shortcuts_action(main_window)
    view = main_window.ui.menuBar.addMenu("Z&oom menu")
    nested = view.addMenu("&Zoom")
    zoom = QAction("Zoom &in", main_window)
    zoom.setShortcut(QKeySequence("Ctrl++"))
    nested.addAction(zoom)

    entries = {(e.group, e.text): e.keys for e in shortcut_entries(main_window)}
    assert entries[("File", "Sync now")] == "F5"
    assert entries[("File", "Quit")] == QKeySequence("Ctrl+Q").toString(QKeySequence.SequenceFormat.NativeText)
    assert entries[("Zoom menu › Zoom", "Zoom in")] == "Ctrl++"
    assert entries[("Help", "Keyboard shortcuts")] == "F1"

    dialog = ShortcutsDialog(main_window)
    qtbot.addWidget(dialog)
    groups = {
        top_level(dialog.tree, i).text(0): top_level(dialog.tree, i) for i in range(dialog.tree.topLevelItemCount())
    }
    assert {"File", "Zoom menu › Zoom", "Help"} <= set(groups)
    rows = [
        (child(groups["File"], i).text(0), child(groups["File"], i).text(1)) for i in range(groups["File"].childCount())
    ]
    assert ("Sync now", "F5") in rows
    assert unnamed_controls(dialog) == []


def test_f1_opens_the_shortcuts_list(qtbot: QtBot, main_window: MainWindow) -> None:
    _with_shortcuts_action(main_window)
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    qtbot.keyClick(main_window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: main_window.findChild(ShortcutsDialog) is not None)
    dialog = main_window.findChild(ShortcutsDialog)
    assert dialog is not None
    assert dialog.isVisible() and dialog.tree.topLevelItemCount() >= 2
    dialog.close()


def test_unnamed_controls_are_found_and_labels_name_their_buddies(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    label = QLabel("&Account:", form)
    named_by_label = QLineEdit(form)
    named_by_label.setObjectName("accountEdit")
    label.setBuddy(named_by_label)
    bare = QLineEdit(form)
    bare.setObjectName("bareEdit")
    table = QTableView(form)
    table.setObjectName("casesTable")
    for widget in (label, named_by_label, bare, table, QPushButton("&Save", form), QCheckBox("Show closed", form)):
        layout.addWidget(widget)
    assert unnamed_controls(form) == ["QLineEdit 'bareEdit'", "QTableView 'casesTable'"]
    table.setAccessibleName("Cases")
    assert unnamed_controls(form) == ["QLineEdit 'bareEdit'"]


def test_the_sync_details_name_every_control(qtbot: QtBot, demo_desk: Desk) -> None:
    dialog = SyncDetailsDialog(demo_desk.engine, SyncController(demo_desk))
    qtbot.addWidget(dialog)
    assert unnamed_controls(dialog) == []
    assert dialog.ui.quarantineView.accessibleDescription()


def test_the_main_window_names_every_control(main_window: MainWindow) -> None:
    assert unnamed_controls(main_window) == []


def test_a_window_with_no_shortcuts_lists_none() -> None:
    window = QMainWindow()
    window.menuBar().addMenu("&File").addAction("Plain")
    assert shortcut_entries(window) == []
    window.deleteLater()
