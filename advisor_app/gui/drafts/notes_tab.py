"""The account view's Notes tab: add, edit, delete notes and flag them for the weekly update."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from advisor_app.drafts.notes import Note, add_note, delete_note, edit_note, flag_note, notes_of
from advisor_app.errors import AdvisorError
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.i18n import format_date
from advisor_app.gui.plain_text import plain_tooltip
from advisor_app.workspace.desk import Desk

_FLAG = "\u2691"  # a flag: the note goes into the weekly update


class NotesTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.account_id: int | None = None
        self.notes: list[Note] = []

        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.currentRowChanged.connect(self.note_chosen)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Note"))
        self.editor.setPlaceholderText(self.tr("Write a note about this account"))
        self.flag_box = QCheckBox(self.tr("Include in the weekly update"), self)
        self.flag_box.toggled.connect(self.flag_toggled)
        self.new_button = QPushButton(self.tr("New note"), self)
        self.new_button.clicked.connect(self.new_note)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.delete_button.clicked.connect(self.delete)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.flag_box)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.save_button)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.editor, 1)
        right_layout.addLayout(buttons)
        right_layout.addWidget(self.error_label)
        self.empty_label = QLabel(
            self.tr(
                "No notes about this account yet. Write one on the right and save it; tick "
                "“Include in the weekly update” to have it in the next draft."
            ),
            self,
        )
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)  # the muted colour of a hint
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_label.hide()
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty_label, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([280, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._set_enabled(False)

    def set_account(self, account_id: int) -> None:
        self.account_id = account_id
        self._set_enabled(True)
        self.reload()
        self.new_note()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.list, self.editor, self.flag_box, self.new_button, self.save_button):
            widget.setEnabled(enabled)
        self.delete_button.setEnabled(enabled and self.current_note() is not None)

    def reload(self, select_id: int | None = None) -> None:
        if self.account_id is None:
            return
        self.notes = notes_of(self.desk.engine, self.account_id)
        self.list.blockSignals(True)
        self.list.clear()
        for note in self.notes:
            first_line = note.body.splitlines()[0] if note.body else ""
            when = format_date(note.created_at.astimezone().date())
            label = f"{_FLAG + ' ' if note.flagged_for_update else ''}{when}  {first_line}"
            item = QListWidgetItem(label, self.list)
            item.setToolTip(plain_tooltip(note.body))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
        self.list.blockSignals(False)
        self.list.setVisible(bool(self.notes))
        self.empty_label.setVisible(not self.notes)
        row = next((i for i, note in enumerate(self.notes) if note.id == select_id), -1)
        self.list.setCurrentRow(row)
        if row < 0:
            self.note_chosen(-1)

    def current_note(self) -> Note | None:
        row = self.list.currentRow()
        return self.notes[row] if 0 <= row < len(self.notes) else None

    @Slot(int)
    def note_chosen(self, _row: int) -> None:
        note = self.current_note()
        self.flag_box.blockSignals(True)
        self.editor.setPlainText("" if note is None else note.body)
        self.flag_box.setChecked(False if note is None else note.flagged_for_update)
        self.flag_box.blockSignals(False)
        self.delete_button.setEnabled(note is not None)
        self.error_label.clear()

    @Slot()
    def new_note(self) -> None:
        self.list.setCurrentRow(-1)
        self.note_chosen(-1)
        self.editor.setFocus()

    @Slot()
    def save(self) -> None:
        if self.account_id is None:
            return
        note = self.current_note()
        now = self.desk.clock()
        try:
            if note is None:
                saved = add_note(
                    self.desk.engine, self.account_id, self.editor.toPlainText(), now, flagged=self.flag_box.isChecked()
                )
            else:
                saved = edit_note(self.desk.engine, note.id, self.editor.toPlainText(), now, case_id=note.case_id)
        except AdvisorError as error:
            self.error_label.setText(describe_error(error))
            return
        self.reload(select_id=saved.id)

    @Slot(bool)
    def flag_toggled(self, checked: bool) -> None:
        note = self.current_note()
        if note is None:
            return  # a new note takes the box's state when it is saved
        try:
            flag_note(self.desk.engine, note.id, checked, self.desk.clock())
        except AdvisorError as error:
            self.error_label.setText(describe_error(error))
            return
        self.reload(select_id=note.id)

    @Slot()
    def delete(self) -> None:
        note = self.current_note()
        if note is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete the note?"),
            self.tr("The note is deleted for good."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            delete_note(self.desk.engine, note.id)
        except AdvisorError as error:
            self.error_label.setText(describe_error(error))
            return
        self.reload()
