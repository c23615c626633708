"""Account 360: contacts with the authorized flag, the count against the tier's limit, and
cases filed by someone who is not an authorized contact."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from advisor_app.gui.account.common import warning_color
from advisor_app.gui.account.models import ContactsModel, FlaggedCasesModel
from advisor_app.gui.labels import tier_label
from advisor_app.gui.plain_text import make_plain
from advisor_app.obligations.contacts import contacts_of, contacts_summary, unauthorized_requester_cases
from advisor_app.obligations.terms import terms_of
from advisor_app.workspace.desk import Desk


def _table(model: ContactsModel | FlaggedCasesModel, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


class ContactsTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._account_id: int | None = None
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.cases_label = QLabel()
        self.cases_label.setWordWrap(True)
        make_plain(self.summary_label, self.cases_label)
        self.contacts_model = ContactsModel(self)
        self.cases_model = FlaggedCasesModel(self)
        self.contacts_table = _table(self.contacts_model, ContactsModel.EMAIL)
        self.cases_table = _table(self.cases_model, FlaggedCasesModel.SUBJECT)
        self.contacts_table.setAccessibleName(self.tr("Contacts"))
        self.cases_table.setAccessibleName(self.tr("Cases from requesters who are not authorized"))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.cases_label)
        lower_layout.addWidget(self.cases_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.contacts_table)
        splitter.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)

    def set_account(self, account_id: int) -> None:
        self._account_id = account_id
        self.reload()

    def reload(self) -> None:
        if self._account_id is None:
            return
        with self._desk.engine.connect() as connection:
            tier = terms_of(connection, self._account_id).tier
            summary = contacts_summary(connection, self._account_id)
            contacts = contacts_of(connection, self._account_id)
            flagged = unauthorized_requester_cases(connection, self._account_id)
        self.contacts_model.set_rows(contacts)
        self.cases_model.set_rows(flagged)
        self.cases_table.resizeColumnsToContents()
        self.contacts_table.resizeColumnsToContents()
        palette = self.summary_label.palette()
        palette.setColor(palette.ColorRole.WindowText, self.palette().color(palette.ColorRole.WindowText))
        if summary.limit is None:
            text = self.tr("{count} authorized contacts (the {tier} tier publishes no limit)").format(
                count=summary.authorized, tier=tier_label(tier.id)
            )
        elif summary.over_limit:
            text = self.tr("⚠ {count} authorized contacts: over the {tier} limit of {limit}").format(
                count=summary.authorized, tier=tier_label(tier.id), limit=summary.limit
            )
            palette.setColor(palette.ColorRole.WindowText, warning_color())
        else:
            text = self.tr("{count} of {limit} authorized contacts ({tier})").format(
                count=summary.authorized, limit=summary.limit, tier=tier_label(tier.id)
            )
        self.summary_label.setPalette(palette)
        self.summary_label.setText(text)
        self.cases_label.setText(
            self.tr("%Ln case(s) filed by someone who is not an authorized contact", "", len(flagged))
            if flagged
            else self.tr("Every case was filed by an authorized contact.")
        )
