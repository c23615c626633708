"""Typed access to the items of Qt item widgets in tests: a missing item fails with where it was looked for."""

from __future__ import annotations

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QTreeWidget, QTreeWidgetItem


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
