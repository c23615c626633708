"""Account 360: the account's header (tier, contract year and status, advisor, contacts,
service days, this week's update) over tabs for its cases and obligations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QGridLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from advisor_app.attention.account import AccountOverview, account_overview
from advisor_app.gui.account.common import date_text, local_time_text
from advisor_app.gui.cases_panel import CasesPanel, ColumnChoices
from advisor_app.gui.i18n import format_number
from advisor_app.gui.labels import contract_status_label, tier_label
from advisor_app.gui.plain_text import make_plain
from advisor_app.obligations.weekly_updates import WeekStatus
from advisor_app.store.queries import CaseFilter
from advisor_app.workspace.desk import Desk

if TYPE_CHECKING:
    from advisor_app.gui.account import ContactsTab, ServiceDaysTab, UsageTab, WeeklyUpdatesTab
    from advisor_app.gui.drafts.notes_tab import NotesTab


class AccountView(QWidget):
    # Built with the first account shown (`_build_tabs`).
    service_days_tab: ServiceDaysTab
    weekly_updates_tab: WeeklyUpdatesTab
    contacts_tab: ContactsTab
    usage_tab: UsageTab
    notes_tab: NotesTab

    def __init__(self, desk: Desk, choices: ColumnChoices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.account_id: int | None = None
        self.overview: AccountOverview | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.name_label = QLabel(self)
        self.name_label.setTextFormat(Qt.TextFormat.PlainText)  # the source's account name, as written
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.name_label.setFont(font)
        make_plain(self.name_label)
        layout.addWidget(self.name_label)
        facts = QGridLayout()
        facts.setHorizontalSpacing(24)
        self.fact_labels: dict[str, QLabel] = {}
        titles = [
            ("tier", self.tr("Tier")),
            ("contract", self.tr("Contract year")),
            ("status", self.tr("Contract status")),
            ("advisor", self.tr("Named advisor")),
            ("contacts", self.tr("Authorized contacts")),
            ("service_days", self.tr("Service days")),
            ("update", self.tr("This week's update")),
        ]
        per_row = 4
        for position, (key, title) in enumerate(titles):
            row, column = 2 * (position // per_row), position % per_row
            caption = QLabel(title, self)
            caption.setEnabled(False)
            value = QLabel(self)
            make_plain(value)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(title)
            facts.addWidget(caption, row, column)
            facts.addWidget(value, row + 1, column)
            self.fact_labels[key] = value
        facts.setColumnStretch(per_row, 1)
        layout.addLayout(facts)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Account sections"))
        self.cases = CasesPanel(desk, choices, self.tabs)
        self.tabs.addTab(self.cases, self.tr("&Cases"))
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.cases)
        self._tabs_built = False

    def _build_tabs(self) -> None:
        """The obligation tabs, built when the first account is shown: their modules (charts,
        drafts) are not needed for the window's first paint."""
        if self._tabs_built:
            return
        self._tabs_built = True
        from advisor_app.gui.account import ContactsTab, ServiceDaysTab, UsageTab, WeeklyUpdatesTab
        from advisor_app.gui.drafts.notes_tab import NotesTab

        desk = self.desk
        self.service_days_tab = ServiceDaysTab(desk, self)
        self.weekly_updates_tab = WeeklyUpdatesTab(desk, self)
        self.contacts_tab = ContactsTab(desk, self)
        self.usage_tab = UsageTab(desk, self)
        self.notes_tab = NotesTab(desk, self)
        # An edit in one tab changes the header (balance, this week's update state).
        self.service_days_tab.changed.connect(self.refresh_header)
        self.weekly_updates_tab.changed.connect(self.refresh_header)
        self.tabs.addTab(self.service_days_tab, self.tr("Service &days"))
        self.tabs.addTab(self.weekly_updates_tab, self.tr("&Weekly updates"))
        self.tabs.addTab(self.contacts_tab, self.tr("C&ontacts"))
        self.tabs.addTab(self.usage_tab, self.tr("&Usage"))
        self.tabs.addTab(self.notes_tab, self.tr("&Notes"))

    def obligation_tabs(self) -> list[ServiceDaysTab | WeeklyUpdatesTab | ContactsTab | UsageTab | NotesTab]:
        self._build_tabs()
        return [self.service_days_tab, self.weekly_updates_tab, self.contacts_tab, self.usage_tab, self.notes_tab]

    def set_account(self, account_id: int) -> None:
        self.account_id = account_id
        self.cases.set_fixed(CaseFilter(account_id=account_id))
        for tab in self.obligation_tabs():
            tab.set_account(account_id)
        self.refresh_header()

    @Slot()
    def refresh_obligations(self) -> None:
        """After a draft was written or sent elsewhere: the weekly tab and the header."""
        if self._tabs_built:
            self.weekly_updates_tab.reload()
        self.refresh_header()

    @Slot()
    def refresh_header(self) -> None:
        if self.account_id is None:
            return
        with self.desk.engine.connect() as connection:
            overview = account_overview(connection, self.account_id, self.desk.clock())
        self.overview = overview
        self.name_label.setText(overview.name)
        first, last = overview.contract_year
        labels = self.fact_labels
        labels["tier"].setText(tier_label(overview.tier))
        labels["contract"].setText(self.tr("{first} to {last}").format(first=date_text(first), last=date_text(last)))
        labels["status"].setText(contract_status_label(overview.contract_status))
        labels["advisor"].setText(overview.named_advisor or self.tr("none"))
        if overview.authorized_limit is None:
            contacts = self.tr("{count} (no limit)").format(count=overview.authorized_contacts)
        else:
            contacts = self.tr("{count} of {limit}").format(
                count=overview.authorized_contacts, limit=overview.authorized_limit
            )
            if overview.contacts_over_limit:
                contacts = self.tr("{contacts} · over the limit").format(contacts=contacts)
        labels["contacts"].setText(contacts)
        if overview.service_days_allotted is None:
            days = self.tr("{used} used (no allotment)").format(used=format_number(overview.service_days_used))
        else:
            days = self.tr("{used} of {allotted} used").format(
                used=format_number(overview.service_days_used),
                allotted=format_number(overview.service_days_allotted),
            )
        labels["service_days"].setText(days)
        labels["update"].setText(self._update_text(overview))

    def _update_text(self, overview: AccountOverview) -> str:
        state = overview.update_state
        if state is None:
            return self.tr("not owed")
        words = {
            WeekStatus.DUE: self.tr("Due"),
            WeekStatus.OVERDUE: self.tr("Overdue"),
            WeekStatus.DRAFTED: self.tr("Drafted"),
            WeekStatus.SENT: self.tr("Sent"),
            WeekStatus.SKIPPED: self.tr("Skipped"),
        }
        # In the account's zone, as the Weekly updates tab below says it.
        due = "" if overview.update_due is None else local_time_text(overview.update_due, overview.timezone)
        text = self.tr("{week}: {state} (due {due})").format(
            week=overview.update_week, state=words[WeekStatus(state)], due=due
        )
        earlier = [week for week in overview.overdue_weeks if week != overview.update_week]
        if earlier:
            text = self.tr("{text} · %Ln earlier week(s) overdue", "", len(earlier)).format(text=text)
        return text
