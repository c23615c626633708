"""What needs the advisor's attention across accounts, from the obligations rules themselves.

One set of typed answers for the Today page, built on the same functions the Account 360
shows: weekly updates due this week or overdue from earlier weeks (`updates`), service days
over the allotment, running out or lapsing (`ledger`, one lapse-warning rule), and
authorized contacts over the tier's limit (`contacts`). Dates are in each account's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection

from advisor_app.obligations.contacts import ContactsAttention, contacts_over_limit
from advisor_app.obligations.ledger import BalanceAttention, balances_needing_attention
from advisor_app.obligations.updates import UpdateAttention, updates_needing_attention


@dataclass(frozen=True, slots=True)
class ObligationsAttention:
    updates: list[UpdateAttention]
    """Overdue updates (past weeks included), oldest first, then this week's still due."""
    service_days: list[BalanceAttention]
    """Over the allotment, then running out, then lapsing; each by the year's end."""
    contacts: list[ContactsAttention]
    """Accounts with more authorized contacts than the tier allows."""


def obligations_needing_attention(connection: Connection, now: datetime) -> ObligationsAttention:
    return ObligationsAttention(
        updates=updates_needing_attention(connection, now),
        service_days=balances_needing_attention(connection, now),
        contacts=contacts_over_limit(connection),
    )
