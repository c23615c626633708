"""The composer: one account's weekly update, Markdown beside its preview, saved as you type.

Composition (queries and clocks for the week) runs on the drafts pool; saving a draft is
one small transaction on the GUI thread, debounced while the advisor types and flushed
when the window closes, so a crash loses at most the last moment of typing.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFontDatabase, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.drafts import DraftError
from advisor_app.drafts.context import LANGUAGES
from advisor_app.drafts.exports import markdown_to_html
from advisor_app.drafts.saved import SavedDraft, diff_lines, last_sent_before, load_draft, mark_sent, save_draft
from advisor_app.drafts.service import Composed, account_header, compose_draft, make_export, workspace_templates
from advisor_app.drafts.templates import DEFAULT_TEMPLATE
from advisor_app.errors import AdvisorError
from advisor_app.gui.drafts.diff_dialog import DiffDialog
from advisor_app.gui.drafts.preview import OfflineBrowser
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.i18n import format_instant
from advisor_app.gui.tasks import BackgroundTask, CancelToken, Report, drafts_pool
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.outputs import write_output, write_output_with

log = logging.getLogger(__name__)

AUTOSAVE_MS = 400
PREVIEW_MS = 250


class DraftComposer(QWidget):
    """A window for the update of `account_id` in `week` (an ISO week like 2026-W48)."""

    week_changed = Signal()
    """The week's state changed (drafted or sent): lists of weeks reload."""

    def __init__(self, desk: Desk, account_id: int, week: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.desk, self.account_id, self.week = desk, account_id, week
        self.templates = workspace_templates(desk.workspace.root)
        self.account_name, self.timezone = account_header(desk.engine, account_id)
        self.saved: SavedDraft | None = load_draft(desk.engine, account_id, week)
        self.generated_body = "" if self.saved is None else self.saved.generated_body
        self.task: BackgroundTask | None = None
        self._loading = False
        self._dirty = False
        self.setWindowTitle(self.tr("Weekly update: {account}, {week}").format(account=self.account_name, week=week))
        self.resize(1280, 820)
        self._build()
        self._fill_choices()

        self.autosave_timer = QTimer(self)
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.save_now)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_MS)
        self.preview_timer.timeout.connect(self.refresh_preview)
        self.editor.textChanged.connect(self.body_changed)
        self.highlights.textChanged.connect(self.highlights_changed)
        self.template_box.activated.connect(self.choice_changed)
        self.language_box.activated.connect(self.choice_changed)

        if self.saved is not None:
            self._show_saved(self.saved)
        else:
            self.regenerate_now()

    # Layout -----------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setText(f"{self.account_name} · {self.week}")
        self.state_label = QLabel(self)
        self.template_box = QComboBox(self)
        self.template_box.setAccessibleName(self.tr("Template"))
        self.language_box = QComboBox(self)
        self.language_box.setAccessibleName(self.tr("Language"))
        self.regenerate_button = QPushButton(self.tr("Regenerate from data"), self)
        self.regenerate_button.clicked.connect(self.regenerate)
        self.diff_button = QPushButton(self.tr("Compare with last sent"), self)
        self.diff_button.clicked.connect(self.show_diff)
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.export_actions = {
            "md": self.export_menu.addAction(self.tr("Markdown…")),
            "html": self.export_menu.addAction(self.tr("HTML…")),
            "txt": self.export_menu.addAction(self.tr("Plain text…")),
            "pdf": self.export_menu.addAction(self.tr("PDF…")),
            "eml": self.export_menu.addAction(self.tr("E-mail draft (.eml)…")),
        }
        self.export_menu.addSeparator()
        self.copy_action = self.export_menu.addAction(self.tr("Copy to clipboard"))
        self.copy_action.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.copy_action.triggered.connect(self.copy_to_clipboard)
        for fmt, action in self.export_actions.items():
            action.setData(fmt)
        self.export_menu.triggered.connect(self.export_chosen)
        self.export_button.setMenu(self.export_menu)
        self.sent_button = QPushButton(self.tr("Mark as sent"), self)
        self.sent_button.clicked.connect(self.mark_as_sent)

        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addWidget(self.state_label)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Template:"), self))
        top.addWidget(self.template_box)
        top.addWidget(self.language_box)
        top.addWidget(self.regenerate_button)
        top.addWidget(self.diff_button)
        top.addWidget(self.export_button)
        top.addWidget(self.sent_button)

        self.highlights = QPlainTextEdit(self)
        self.highlights.setPlaceholderText(self.tr("What mattered this week, in your words (Markdown)"))
        self.highlights.setAccessibleName(self.tr("Highlights"))
        self.highlights.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Draft (Markdown)"))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.preview = OfflineBrowser(self)
        self.preview.setAccessibleName(self.tr("Preview"))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Highlights"), left))
        left_layout.addWidget(self.highlights)
        self.highlights_hint = QLabel(left)
        self.highlights_hint.setWordWrap(True)
        self.highlights_hint.hide()
        left_layout.addWidget(self.highlights_hint)
        left_layout.addWidget(QLabel(self.tr("Draft (Markdown)"), left))
        left_layout.addWidget(self.editor, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Preview"), right))
        right_layout.addWidget(self.preview, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setSizes([620, 660])

        self.status_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        bottom = QHBoxLayout()
        bottom.addWidget(self.error_label, 1)
        bottom.addWidget(self.status_label)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bottom)

    def _fill_choices(self) -> None:
        names = self.templates.names() or [DEFAULT_TEMPLATE]
        for name in names:
            self.template_box.addItem(name, name)
        language_names = {"en": self.tr("English"), "de": self.tr("Deutsch")}
        for language in LANGUAGES:
            self.language_box.addItem(language_names[language], language)
        settings = self.desk.settings
        template = self.saved.template if self.saved and self.saved.template else settings.draft_template
        language = self.saved.language if self.saved and self.saved.language else settings.draft_language
        self._select(self.template_box, template)
        self._select(self.language_box, language)

    @staticmethod
    def _select(box: QComboBox, value: str) -> None:
        index = box.findData(value)
        if index < 0 and value:
            box.addItem(value, value)
            index = box.count() - 1
        box.setCurrentIndex(max(index, 0))

    # State ------------------------------------------------------------------------------

    @property
    def template(self) -> str:
        return str(self.template_box.currentData() or DEFAULT_TEMPLATE)

    @property
    def language(self) -> str:
        return str(self.language_box.currentData() or "en")

    @property
    def is_sent(self) -> bool:
        return self.saved is not None and self.saved.sent

    @property
    def edited(self) -> bool:
        return self.editor.toPlainText() != self.generated_body

    def _show_saved(self, saved: SavedDraft) -> None:
        self._loading = True
        try:
            self.highlights.setPlainText(saved.highlights)
            self.editor.setPlainText(saved.body)
        finally:
            self._loading = False
        self.refresh_preview()
        self._update_state()

    def _update_state(self) -> None:
        sent = self.is_sent
        if sent and self.saved is not None and self.saved.sent_at is not None:
            when = self._local(self.saved.sent_at)
            self.state_label.setText(self.tr("Sent {when}").format(when=when))
        elif self.saved is not None:
            self.state_label.setText(self.tr("Drafted"))
        else:
            self.state_label.setText(self.tr("Not drafted yet"))
        for widget in (self.editor, self.highlights):
            widget.setReadOnly(sent)
        for control in (self.regenerate_button, self.template_box, self.language_box, self.sent_button):
            control.setEnabled(not sent and self.task is None)

    def _local(self, instant: datetime) -> str:
        return format_instant(instant, self.timezone)

    # Editing and autosave ---------------------------------------------------------------

    @Slot()
    def body_changed(self) -> None:
        self.preview_timer.start()
        if self._loading or self.is_sent:
            return
        self._dirty = True
        self.status_label.setText(self.tr("Editing…"))
        self.autosave_timer.start()

    @Slot()
    def highlights_changed(self) -> None:
        if self._loading or self.is_sent:
            return
        self._dirty = True
        self.autosave_timer.start()
        if self.edited:
            self.highlights_hint.setText(
                self.tr("The draft has your edits: Regenerate from data to put the highlights into it.")
            )
            self.highlights_hint.show()
        else:
            self.highlights_hint.hide()
            self.regenerate_now()

    @Slot()
    def save_now(self) -> bool:
        """Write the draft if it changed since the last save; True when it is saved."""
        self.autosave_timer.stop()
        if not self._dirty or self.is_sent:
            return True
        try:
            self.saved = save_draft(
                self.desk.engine,
                self.account_id,
                self.week,
                body=self.editor.toPlainText(),
                highlights=self.highlights.toPlainText(),
                template=self.template,
                language=self.language,
                now=self.desk.clock(),
                generated_body=self.generated_body,
            )
        except AdvisorError as error:
            self.show_error(describe_error(error))
            return False
        self._dirty = False
        self.status_label.setText(self.tr("Saved {time}").format(time=format_instant(self.saved.updated_at)))
        self._update_state()
        return True

    @Slot()
    def refresh_preview(self) -> None:
        scroll = self.preview.verticalScrollBar().value()
        self.preview.setHtml(markdown_to_html(self.editor.toPlainText()))
        self.preview.verticalScrollBar().setValue(scroll)

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    # Regenerating -----------------------------------------------------------------------

    @Slot()
    def regenerate(self) -> None:
        if self.edited and self.editor.toPlainText().strip():
            answer = QMessageBox.question(
                self,
                self.tr("Replace your edits?"),
                self.tr("Regenerating writes the draft again from this week's data and replaces your edits."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.regenerate_now()

    @Slot(int)
    def choice_changed(self, _index: int) -> None:
        self.regenerate()

    def regenerate_now(self) -> None:
        """Compose the draft from the data on the drafts pool; the result replaces the body."""
        if self.is_sent:
            return
        if self.task is not None and self.task.running:
            self.task.cancel()
        engine, templates, account_id, week = self.desk.engine, self.templates, self.account_id, self.week
        now, highlights = self.desk.clock(), self.highlights.toPlainText()
        template, language = self.template, self.language

        def work(_report: Report, token: CancelToken) -> Composed | None:
            composed = compose_draft(
                engine, templates, account_id, week, now, highlights=highlights, template=template, language=language
            )
            return None if token.is_cancelled() else composed

        task = BackgroundTask(work, drafts_pool(), self)
        task.succeeded.connect(self.composed)
        task.failed.connect(self.compose_failed)
        self.task = task
        self.status_label.setText(self.tr("Composing from this week's data…"))
        self.regenerate_button.setEnabled(False)
        task.start()

    @Slot(object)
    def composed(self, result: object) -> None:
        if self.sender() is not self.task:
            return
        self.task = None
        if not isinstance(result, Composed):
            self._update_state()
            return
        self.show_error("")
        self.highlights_hint.hide()
        self.generated_body = result.markdown
        self._loading = True
        try:
            self.editor.setPlainText(result.markdown)
        finally:
            self._loading = False
        self.refresh_preview()
        self._dirty = True
        self.save_now()

    @Slot(object)
    def compose_failed(self, error: object) -> None:
        if self.sender() is not self.task:
            return
        self.task = None
        # A TemplateProblem names the template and line; an unexpected error was logged by the task.
        self.show_error(describe_error(error))
        self.status_label.setText("")
        self._update_state()

    # Diff, export, sent -----------------------------------------------------------------

    @Slot()
    def show_diff(self) -> None:
        previous = last_sent_before(self.desk.engine, self.account_id, self.week)
        if previous is None:
            QMessageBox.information(
                self, self.tr("Compare with last sent"), self.tr("No update was sent for a week before this one.")
            )
            return
        lines = diff_lines(previous.body, self.editor.toPlainText(), previous.week, self.week)
        title = self.tr("{week} against {previous} (sent)").format(week=self.week, previous=previous.week)
        dialog = DiffDialog(title, lines, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.diff_dialog = dialog

    def _export(self) -> Any:
        return make_export(
            self.desk.engine, self.templates, self.account_id, self.week, self.editor.toPlainText(), self.language
        )

    @Slot(object)
    def export_chosen(self, action: object) -> None:
        fmt = action.data() if hasattr(action, "data") else None
        if fmt not in self.export_actions:
            return
        filters = {
            "md": self.tr("Markdown (*.md)"),
            "html": self.tr("HTML (*.html)"),
            "txt": self.tr("Plain text (*.txt)"),
            "pdf": self.tr("PDF (*.pdf)"),
            "eml": self.tr("E-mail draft (*.eml)"),
        }
        safe_name = "".join(ch if ch.isalnum() else "-" for ch in self.account_name).strip("-")
        suggested = str(Path.home() / f"{safe_name}-{self.week}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the update"), suggested, filters[fmt])
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> bool:
        try:
            export = self._export()
            # The file dialog has asked before replacing a file (force); the workspace's own files stay refused.
            if fmt == "pdf":
                from advisor_app.gui.pdf_export import write_pdf

                write_output_with(
                    path,
                    lambda temporary: write_pdf(export.html, temporary, export.subject),
                    workspace=self.desk.workspace,
                    force=True,
                )
            elif fmt == "eml":
                write_output(path, export.eml(self.desk.clock()), workspace=self.desk.workspace, force=True)
            else:
                text = {"md": export.markdown, "html": export.html, "txt": export.text}[fmt]
                write_output(path, text.encode("utf-8"), workspace=self.desk.workspace, force=True)
        except (AdvisorError, OSError) as error:
            QMessageBox.warning(self, self.tr("Export failed"), describe_error(error))
            return False
        self.status_label.setText(self.tr("Exported to {path}").format(path=str(path)))
        return True

    @Slot()
    def copy_to_clipboard(self) -> None:
        try:
            export = self._export()
        except AdvisorError as error:
            self.show_error(describe_error(error))
            return
        data = QMimeData()
        data.setHtml(export.html)
        data.setText(export.text)
        QGuiApplication.clipboard().setMimeData(data)
        self.status_label.setText(self.tr("Copied as rich text, with a plain-text alternative"))

    @Slot()
    def mark_as_sent(self) -> None:
        if not self.save_now():
            return
        if self.saved is None:
            self._dirty = True
            if not self.save_now():
                return
        try:
            self.saved = mark_sent(self.desk.engine, self.account_id, self.week, self.desk.clock())
        except DraftError as error:
            self.show_error(describe_error(error))
            return
        self.status_label.setText(self.tr("Marked as sent"))
        self._update_state()
        self.week_changed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_now()
        self.week_changed.emit()
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)
