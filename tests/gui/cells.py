"""Typed access to the items of Qt item widgets in tests: a missing item fails with where it was looked for."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem

from advisor_app.gui.today_view import TodayView


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, f"{table.objectName() or 'table'} has no item at ({row}, {column})"
    return item


def top_level(tree: QTreeWidget, index: int) -> QTreeWidgetItem:
    item = tree.topLevelItem(index)
    assert item is not None, f"{tree.objectName() or 'tree'} has no top-level item {index}"
    return item


def child(parent: QTreeWidgetItem, index: int) -> QTreeWidgetItem:
    item = parent.child(index)
    assert item is not None, f"{parent.text(0)!r} has no child {index}"
    return item


def most_urgent_case_id(today: TodayView) -> int | None:
    """The case at the top of Today's urgent list (None when the list is empty)."""
    model = today.urgent.model
    return model.case_id(0) if model.rowCount() else None
