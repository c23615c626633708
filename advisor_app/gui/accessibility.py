"""Accessible names: which controls a screen reader could not name, and naming from labels.

Every view's test can assert `unnamed_controls(view) == []`: a control is named when it
has an accessibleName, shows its own text (a button, a check box), or is the buddy of a
label (`QLabel.setBuddy`, which also gives it the label's mnemonic).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

_CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)
# Controls built into these are named by them (a combo box's list, a line edit's clear button).
_COMPOSITES = (QAbstractItemView, QAbstractSpinBox, QComboBox, QDateTimeEdit, QLineEdit, QTabBar)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip().rstrip(":").strip()


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, _COMPOSITES):
            return True
        parent = parent.parentWidget()
    return False


def _is_control(widget: QWidget) -> bool:
    if isinstance(widget, (QHeaderView, QScrollBar)):
        return False  # part of a table or a scroll area, reached through it
    if widget.objectName().startswith("qt_"):
        return False  # Qt's own parts (a menu bar's overflow button), named by Qt
    return isinstance(widget, _CONTROLS)


def _buddies(root: QWidget) -> set[int]:
    return {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}


def _own_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return _plain(widget.text())
    return ""


def unnamed_controls(root: QWidget) -> list[str]:
    """The controls under `root` a screen reader would announce without a name, as `Class 'objectName'`."""
    buddies = _buddies(root)
    missing = []
    for widget in root.findChildren(QWidget):
        if not _is_control(widget) or _inside_composite(widget, root):
            continue
        if widget.accessibleName().strip() or _own_text(widget) or id(widget) in buddies:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing
