"""Authorized contacts: the count against the tier's limit, and cases from anyone else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, Integer, and_, exists, func, select

from advisor_app.domain import CaseStatus
from advisor_app.obligations.terms import terms_of
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


def contacts_summary(connection: Connection, account_id: int) -> ContactsSummary:
    c = schema.contacts.c
    total, authorized = connection.execute(
        select(func.count(), func.coalesce(func.sum(c.authorized.cast(Integer)), 0)).where(
            c.account_id == account_id, c.removed_at.is_(None)
        )
    ).one()
    return ContactsSummary(int(authorized), terms_of(connection, account_id).tier.authorized_contacts, int(total))


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
