"""One account at a glance (the Account 360 header): contract, advisor and obligations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, select

from advisor_app.obligations.report import obligations
from advisor_app.store import schema


@dataclass(frozen=True, slots=True)
class AccountOverview:
    id: int
    name: str
    tier: str
    contract_status: str
    named_advisor: str | None
    timezone: str
    contract_year: tuple[date, date]
    authorized_contacts: int
    authorized_limit: int | None
    service_days_used: float
    service_days_allotted: float | None
    update_week: str
    update_state: str | None
    """due, overdue, drafted, sent, skipped; None when the tier owes no weekly update."""
    update_due: datetime | None
    overdue_weeks: tuple[str, ...]
    """Every week whose update is overdue (this one included when it is), oldest first."""
    contacts_over_limit: bool


def account_overview(connection: Connection, account_id: int, now: datetime) -> AccountOverview:
    a = schema.accounts.c
    status, zone = connection.execute(select(a.contract_status, a.timezone).where(a.id == account_id)).one()
    # By id: an account no longer assigned to the advisor still opens, with its local data.
    report = next(row for row in obligations(connection, now, [account_id]) if row["id"] == account_id)
    days, update, contacts = report["service_days"], report["weekly_update"], report["authorized_contacts"]
    first, last = days["contract_year"]
    with_advisor = connection.execute(select(a.named_advisor).where(a.id == account_id)).scalar()
    return AccountOverview(
        id=account_id,
        name=report["name"],
        tier=report["tier"],
        contract_status=status,
        named_advisor=with_advisor,
        timezone=zone,
        contract_year=(date.fromisoformat(first), date.fromisoformat(last)),
        authorized_contacts=contacts["count"],
        authorized_limit=contacts["limit"],
        service_days_used=days["used"],
        service_days_allotted=days["allotted"],
        update_week=update["week"],
        update_state=update["state"],
        update_due=None if update["due"] is None else datetime.fromisoformat(update["due"]),
        overdue_weeks=tuple(update["overdue_weeks"]),
        contacts_over_limit=contacts["over"],
    )
