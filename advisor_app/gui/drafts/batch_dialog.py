"""Draft all updates due this week: one click drafts every account that owes one, then lists them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.drafts.service import BatchItem, draft_all_due, workspace_templates
from advisor_app.gui.drafts.composer import DraftComposer
from advisor_app.gui.error_text import describe_error
from advisor_app.gui.tasks import BackgroundTask, CancelToken, Report, drafts_pool
from advisor_app.workspace.desk import Desk


class BatchDraftDialog(QDialog):
    """Starts drafting when created; double-click (or Enter on) a row to open its composer."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.items: list[BatchItem] = []
        self.composers: list[DraftComposer] = []
        self.setWindowTitle(self.tr("Draft all updates due this week"))
        self.resize(720, 520)
        self.summary = QLabel(self.tr("Drafting the updates due this week…"), self)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Week"), self.tr("Draft")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemActivated.connect(self.open_item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

        engine, templates, now = desk.engine, workspace_templates(desk.workspace.root), desk.clock()
        template, language = desk.settings.draft_template, desk.settings.draft_language

        def work(_report: Report, _token: CancelToken) -> list[BatchItem]:
            return draft_all_due(engine, templates, now, template=template, language=language)

        self.task = BackgroundTask(work, drafts_pool(), self)
        self.task.succeeded.connect(self.drafted)
        self.task.failed.connect(self.draft_failed)
        self.task.start()

    @Slot(object)
    def drafted(self, result: object) -> None:
        self.items = list(result) if isinstance(result, list) else []
        created = sum(1 for item in self.items if item.created)
        if not self.items:
            self.summary.setText(self.tr("No account owes an update this week (sent and skipped ones are done)."))
        else:
            self.summary.setText(
                self.tr("{created} drafted now, {kept} already drafted. Double-click one to open it.").format(
                    created=created, kept=len(self.items) - created
                )
            )
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            name = QTableWidgetItem(item.account_name)
            name.setData(Qt.ItemDataRole.UserRole, row)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(item.week))
            state = self.tr("Drafted now") if item.created else self.tr("Already drafted")
            self.table.setItem(row, 2, QTableWidgetItem(state))

    @Slot(object)
    def draft_failed(self, error: object) -> None:
        self.summary.setText(self.tr("Drafting stopped: {error}").format(error=describe_error(error)))

    @Slot(QTableWidgetItem)
    def open_item(self, cell: QTableWidgetItem) -> None:
        item = self.items[cell.row()]
        composer = DraftComposer(self.desk, item.account_id, item.week)
        composer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        composer.show()
        self.composers.append(composer)
