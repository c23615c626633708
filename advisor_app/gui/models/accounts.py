"""The accounts list: "All accounts" first, then each account with its tier and open cases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from advisor_app.domain import ContractStatus
from advisor_app.gui.labels import contract_status_label, tier_label
from advisor_app.gui.plain_text import plain_tooltip
from advisor_app.store import queries
from advisor_app.store.queries import AccountSummary

Index = QModelIndex | QPersistentModelIndex

ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIER_ROLE = Qt.ItemDataRole.UserRole + 2
OPEN_CASES_ROLE = Qt.ItemDataRole.UserRole + 3
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4


class AccountsListModel(QAbstractListModel):
    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._accounts: list[AccountSummary] = []
        self.unassigned_of: str | None = None
        """A source whose accounts no longer assigned to the advisor are listed too (None: hidden)."""

    def reload(self) -> None:
        with self._engine.connect() as connection:
            accounts = queries.account_summaries(connection, unassigned_of=self.unassigned_of)
        self.beginResetModel()
        self._accounts = accounts
        self.endResetModel()

    @property
    def assigned(self) -> list[AccountSummary]:
        return [account for account in self._accounts if not account.unassigned]

    @property
    def total_open(self) -> int:
        return sum(account.open_cases for account in self._accounts)

    def account_at(self, row: int) -> AccountSummary | None:
        return None if row == 0 else self._accounts[row - 1]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._accounts) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() <= len(self._accounts):
            return None
        account = self.account_at(index.row())
        if account is None:
            return self._all_accounts(role)
        if role == Qt.ItemDataRole.DisplayRole:
            return account.name
        if role == ACCOUNT_ID_ROLE:
            return account.id
        if role == TIER_ROLE:
            return account.tier
        if role == OPEN_CASES_ROLE:
            return account.open_cases
        if role == DETAIL_ROLE:
            return self._detail(account)
        if role == Qt.ItemDataRole.ToolTipRole and account.unassigned:
            return self.tr(
                "{name}\nNot assigned to you any more: its service days, updates and notes are kept."
            ).format(name=account.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(
                self.tr("{name}\n{tier} · {zone}\n{count} open").format(
                    name=account.name, tier=tier_label(account.tier), zone=account.timezone, count=account.open_cases
                )
            )
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{name}, {tier}, {count} open cases").format(
                name=account.name, tier=tier_label(account.tier), count=account.open_cases
            )
        return None

    def _detail(self, account: AccountSummary) -> str:
        if account.unassigned:
            return self.tr("Not assigned to you")
        place = account.timezone.rsplit("/", 1)[-1].replace("_", " ")
        if account.contract_status != ContractStatus.ACTIVE:
            return f"{place} · {contract_status_label(account.contract_status)}"
        return place

    def _all_accounts(self, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("All accounts")
        if role == OPEN_CASES_ROLE:
            return self.total_open
        if role == DETAIL_ROLE:
            return self.tr("Accounts: {count}").format(count=len(self.assigned))
        return None
