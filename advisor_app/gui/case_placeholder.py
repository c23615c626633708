"""Holds the case detail's place in the window until CaseDetailView is merged (same
constructor and `show_case`, so the swap is one line in main_window.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from advisor_app.desk import Desk
from advisor_app.store import queries


class CaseDetailPlaceholder(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.case_id: int | None = None
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)

    def show_case(self, case_id: int) -> None:
        self.case_id = case_id
        with self.desk.engine.connect() as connection:
            row = queries.case_rows(connection, [case_id]).get(case_id)
        heading = "" if row is None else f"#{row.remote_id} {row.subject} · {row.account_name}"
        self.label.setText(
            self.tr("{heading}\n\nThe case detail (timeline and clocks) opens here.").format(heading=heading)
        )
