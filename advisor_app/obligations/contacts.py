"""Authorized contacts: the count against the tier's limit, and cases from anyone else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Integer, and_, exists, func, select

from advisor_app.domain import CaseStatus
from advisor_app.obligations.terms import load_terms, terms_of
from advisor_app.store import schema


@dataclass(frozen=True, slots=True)
class ContactItem:
    id: int
    name: str
    email: str
    authorized: bool


@dataclass(frozen=True, slots=True)
class ContactsSummary:
    authorized: int
    limit: int | None
    total: int

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.authorized > self.limit


def contacts_of(connection: Connection, account_id: int) -> list[ContactItem]:
    """The account's contacts, authorized ones first."""
    c = schema.contacts.c
    rows = connection.execute(
        select(c.id, c.name, c.email, c.authorized)
        .where(c.account_id == account_id, c.removed_at.is_(None))
        .order_by(c.authorized.desc(), func.lower(c.name))
    )
    return [ContactItem(row.id, row.name, row.email, bool(row.authorized)) for row in rows]


def contacts_summaries(connection: Connection, account_ids: Iterable[int] | None = None) -> dict[int, ContactsSummary]:
    """Authorized and total contacts against the tier's limit, per account (all accounts not
    removed when None)."""
    c = schema.contacts.c
    terms = load_terms(connection, account_ids)
    counts = {
        account_id: (int(total), int(authorized))
        for account_id, total, authorized in connection.execute(
            select(c.account_id, func.count(), func.coalesce(func.sum(c.authorized.cast(Integer)), 0))
            .where(c.account_id.in_(list(terms)), c.removed_at.is_(None))
            .group_by(c.account_id)
        )
    }
    return {
        account_id: ContactsSummary(
            counts.get(account_id, (0, 0))[1], t.tier.authorized_contacts, counts.get(account_id, (0, 0))[0]
        )
        for account_id, t in terms.items()
    }


def contacts_summary(connection: Connection, account_id: int) -> ContactsSummary:
    terms_of(connection, account_id)  # an unknown account is an error, not an empty summary
    return contacts_summaries(connection, [account_id])[account_id]


@dataclass(frozen=True, slots=True)
class ContactsAttention:
    account_id: int
    account_name: str
    summary: ContactsSummary


def contacts_over_limit(connection: Connection) -> list[ContactsAttention]:
    """Accounts with more authorized contacts than their tier allows, by name."""
    terms = load_terms(connection)
    over = [
        ContactsAttention(account_id, terms[account_id].account_name, summary)
        for account_id, summary in contacts_summaries(connection).items()
        if summary.over_limit
    ]
    return sorted(over, key=lambda item: item.account_name.casefold())


@dataclass(frozen=True, slots=True)
class FlaggedCase:
    case_id: int
    remote_id: str
    account_id: int
    subject: str
    requester: str
    status: str
    created_at: datetime


def unauthorized_requester_cases(
    connection: Connection, account_id: int | None = None, *, open_only: bool = False
) -> list[FlaggedCase]:
    """Cases whose requester is not an authorized contact of the case's account (emails compared
    without case), newest first."""
    k, c = schema.cases.c, schema.contacts.c
    authorized = exists().where(
        and_(
            c.account_id == k.account_id,
            c.authorized,
            c.removed_at.is_(None),
            func.lower(c.email) == func.lower(k.requester),
        )
    )
    query = select(k.id, k.remote_id, k.account_id, k.subject, k.requester, k.status, k.created_at).where(
        k.removed_at.is_(None), ~authorized
    )
    if account_id is not None:
        query = query.where(k.account_id == account_id)
    if open_only:
        query = query.where(k.status.not_in([CaseStatus.SOLVED.value, CaseStatus.CLOSED.value]))
    return [FlaggedCase(*row) for row in connection.execute(query.order_by(k.created_at.desc(), k.id.desc()))]
