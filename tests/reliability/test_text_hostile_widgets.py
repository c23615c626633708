"""Hostile text stays text (issue 14, item 5): with subjects, account names, requesters and
contacts that are HTML, every label that shows them is plain text, tooltips are converted,
and the tray gets no markup. A walk over every widget of the window after visiting each
screen that shows remote text (Today, the cases list, Account 360, case detail, the
notification banner, the search popup)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel

from advisor_app.drafts.service import find_account
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.plain_text import tray_text
from advisor_app.store import schema
from advisor_app.workspace.desk import Desk

MARK = "Hostile"
SUBJECT = (
    f'<img src="file:///etc/hosts"><font size=7 color=red>{MARK} call now</font> <a href="https://evil.example">x</a>'
)
ACCOUNT = f"<b>{MARK} Corp</b><img src=https://tracker.example/p.png>"
REQUESTER = f'<a href="https://evil.example/">{MARK} requester</a>'
ADVISOR = f"<font size=7>{MARK} advisor</font>"


@pytest.fixture
def hostile_desk(demo_desk: Desk) -> Iterator[tuple[Desk, int, int]]:
    account = find_account(demo_desk.engine, "Lumen Retail")
    with demo_desk.engine.begin() as connection:
        a, c, k = schema.accounts.c, schema.cases.c, schema.contacts.c
        connection.execute(update(schema.accounts).where(a.id == account).values(name=ACCOUNT, named_advisor=ADVISOR))
        connection.execute(update(schema.contacts).where(k.account_id == account).values(name=REQUESTER))
        connection.execute(
            update(schema.cases).where(c.account_id == account).values(subject=SUBJECT, requester=REQUESTER)
        )
        case = connection.execute(
            select(c.id).where(c.account_id == account, c.clock_open).order_by(c.id).limit(1)
        ).scalar_one()
        # A case with a customer message body that is hostile too (sanitized into the timeline).
    yield demo_desk, account, case


def _remote(text: str) -> bool:
    return MARK in text


def _rich_labels() -> list[str]:
    """Labels anywhere in the application whose remote text Qt would render as rich text."""
    found = []
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel) and _remote(widget.text()):
            plain = widget.textFormat() == Qt.TextFormat.PlainText
            auto_but_plain = widget.textFormat() == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(widget.text())
            if not (plain or auto_but_plain):
                found.append(f"{widget.objectName() or type(widget.parent()).__name__}: {widget.text()[:60]}")
    return found


def _rich_tooltips() -> list[str]:
    """Tooltips of items in every view that hold remote text and would render as rich text."""
    found = []
    for widget in QApplication.allWidgets():
        if not isinstance(widget, QAbstractItemView) or widget.model() is None:
            continue
        model: QAbstractItemModel = widget.model()
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model's columnCount is private in PySide6
            columns = 1
        for row in range(min(model.rowCount(QModelIndex()), 200)):
            for column in range(columns):
                tip = model.data(model.index(row, column, QModelIndex()), Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and _remote(tip) and ("<img" in tip or "<font" in tip or "<a " in tip):
                    found.append(tip[:80])
    return found


def _labels_showing_remote_text() -> int:
    return sum(1 for w in QApplication.allWidgets() if isinstance(w, QLabel) and w.isVisible() and _remote(w.text()))


def test_no_label_or_tooltip_shows_remote_text_as_rich_text(qtbot: QtBot, hostile_desk: tuple[Desk, int, int]) -> None:
    desk, account, case = hostile_desk
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    visited = 0

    window.show_today()
    assert _rich_labels() == [] and _rich_tooltips() == []
    window.show_all_cases()
    assert _rich_labels() == [] and _rich_tooltips() == []
    window.show_account(account)
    visited += _labels_showing_remote_text()
    assert _rich_labels() == [] and _rich_tooltips() == []
    window.open_case(case)
    qtbot.waitUntil(lambda: not window.case_detail.rendering, timeout=5000)
    visited += _labels_showing_remote_text()
    assert _rich_labels() == []
    assert window.case_detail.timeline.refused_resources == []

    window.banner.show_message(case, f"Breached: #1 {SUBJECT} ({ACCOUNT})", True)
    visited += _labels_showing_remote_text()
    assert _rich_labels() == []

    popup = window.property("searchPopup")
    popup.open_search()
    popup.query_edit.setText(MARK)
    popup.run_search()
    qtbot.waitUntil(lambda: popup.model.rowCount() > 0, timeout=5000)
    assert _rich_labels() == [] and _rich_tooltips() == []
    popup.hide()

    # The screens above did show the hostile text (as text): subject, account, requester, banner.
    assert visited >= 4
    assert window.case_detail.title_label.text().endswith(SUBJECT)
    assert ACCOUNT in window.case_detail.meta_label.text() and REQUESTER in window.case_detail.meta_label.text()
    # A plain label lays the markup out as characters: far wider than the two words rich text would show.
    title = window.case_detail.title_label
    assert title.fontMetrics().horizontalAdvance("<img") > 0 and "<img" in title.text()


def test_tray_text_carries_no_markup() -> None:
    text = tray_text(f"At risk: #1 {SUBJECT} & more")
    assert "<" not in text and ">" not in text and "&" not in text
    assert "img src" in text and MARK in text
