"""Accounts that come and go with the advisor's selection; their cases and contacts follow.

An account the selection no longer holds (reassigned to another advisor, removed by hand)
is a tombstone (`removed_at`), like everything else a source takes away: it leaves every
active view, and its local data (service days, weekly updates, notes) stays, reachable
through the account. Here its live cases and contacts get the same instant, so they leave
the lists and clocks with it; when the account is selected again, exactly those rows (the
ones with that instant) come back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, Engine, select, update

from advisor_app.store import schema


@dataclass(frozen=True, slots=True)
class AccountState:
    remote_id: str
    name: str
    removed_at: datetime | None


@dataclass(slots=True)
class AccountChanges:
    arrived: list[str] = field(default_factory=list)
    """Names of accounts newly selected (not reported on a source's first sync, where all are new)."""
    left: list[str] = field(default_factory=list)
    """Names of accounts no longer selected."""


def account_states(connection: Connection, source: str) -> dict[int, AccountState]:
    a = schema.accounts.c
    rows = connection.execute(select(a.id, a.remote_id, a.name, a.removed_at).where(a.source == source))
    return {row.id: AccountState(row.remote_id, row.name, row.removed_at) for row in rows}


def active_account_ids(engine: Engine, source: str) -> list[str]:
    """Remote ids of the source's accounts active here (a provider tombstones those it no longer selects)."""
    a = schema.accounts.c
    with engine.connect() as connection:
        statement = select(a.remote_id).where(a.source == source, a.removed_at.is_(None))
        return list(connection.execute(statement).scalars())


def follow_accounts(connection: Connection, source: str, before: dict[int, AccountState]) -> AccountChanges:
    """Compare the accounts with `before` (taken before a sync): the cases and contacts of
    accounts that left get their tombstone, those of accounts back again lose it."""
    after = account_states(connection, source)
    changes = AccountChanges()
    first = not any(state.removed_at is None for state in before.values())
    for account_id, now in sorted(after.items(), key=lambda item: item[1].name.casefold()):
        then = before.get(account_id)
        was_active = then is not None and then.removed_at is None
        if now.removed_at is not None and was_active:
            changes.left.append(now.name)
            _set_removed(connection, account_id, None, now.removed_at)
        elif now.removed_at is None and not was_active:
            if not first:
                changes.arrived.append(now.name)
            if then is not None and then.removed_at is not None:
                _set_removed(connection, account_id, then.removed_at, None)
    return changes


def _set_removed(connection: Connection, account_id: int, current: datetime | None, new: datetime | None) -> None:
    for table in (schema.cases, schema.contacts):
        condition = table.c.removed_at.is_(None) if current is None else table.c.removed_at == current
        connection.execute(update(table).where(table.c.account_id == account_id, condition).values(removed_at=new))


__all__ = ["AccountChanges", "AccountState", "account_states", "active_account_ids", "follow_accounts"]
