"""The Today page's lists, read from the store: new Severity 1 cases, weekly updates owed
this week, service-day balances that need a look, and what changed since the advisor was
last here. Each list is bounded; the open cases by time to breach come from the cases
query (`CaseFilter(clock=ClockFilter.COUNTING)` sorted by due)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, func, select

from advisor_app.domain import EventKind
from advisor_app.obligations.report import obligations
from advisor_app.store import schema
from advisor_app.store.queries import ACTIVE_STATUSES, last_sync_time

LAPSE_WARNING = timedelta(days=60)
"""Unused service days lapsing within this many days need the advisor's attention."""
LIST_LIMIT = 50


class Level(StrEnum):
    """How pressing an item is; shown as an icon and a word, never by colour alone."""

    CRITICAL = "critical"
    WARNING = "warning"
    INFO = "info"


class ItemKind(StrEnum):
    NEW_SEV1 = "new_sev1"
    WEEKLY_UPDATE = "weekly_update"
    SERVICE_DAYS = "service_days"
    NEW_CASE = "new_case"
    BREACH = "breach"
    STATUS_CHANGE = "status_change"


@dataclass(frozen=True, slots=True)
class TodayItem:
    kind: ItemKind
    level: Level
    account_id: int
    account_name: str
    case_id: int | None
    """The case the item opens; None: it opens the account."""
    case_number: str | None
    text: str
    """The case subject, or None-free facts for account items (formatted by the GUI)."""
    at: datetime | None
    facts: dict[str, Any]
    """Numbers and dates for the GUI to word (days, due instant, state, old/new status)."""


def since_instant(last_here: datetime | None, now: datetime) -> datetime:
    """Changes are counted since the advisor was last here, or the last 24 hours the first time."""
    return now - timedelta(hours=24) if last_here is None else min(last_here, now)


def new_sev1_cases(connection: Connection, since: datetime, now: datetime) -> list[TodayItem]:
    """Open Severity 1 cases created since `since` (or within the last 24 hours), newest first."""
    c, a = schema.cases.c, schema.accounts.c
    start = min(since, now - timedelta(hours=24))
    rows = connection.execute(
        select(c.id, c.remote_id, c.subject, c.created_at, a.id, a.name)
        .select_from(schema.cases.join(schema.accounts, a.id == c.account_id))
        .where(
            c.severity == 1,
            c.removed_at.is_(None),
            c.status.in_(ACTIVE_STATUSES),
            c.created_at > start,
            c.created_at <= now,
        )
        .order_by(c.created_at.desc())
        .limit(LIST_LIMIT)
    )
    return [
        TodayItem(ItemKind.NEW_SEV1, Level.CRITICAL, account_id, name, case_id, number, subject, created, {})
        for case_id, number, subject, created, account_id, name in rows
    ]


def obligation_items(connection: Connection, now: datetime) -> tuple[list[TodayItem], list[TodayItem]]:
    """(weekly updates due or overdue this week, service-day balances needing attention)."""
    weekly: list[TodayItem] = []
    service: list[TodayItem] = []
    for account in obligations(connection, now):
        update = account["weekly_update"]
        if update["owed"] and update["state"] in ("due", "overdue", "drafted"):
            level = Level.CRITICAL if update["state"] == "overdue" else Level.WARNING
            due = datetime.fromisoformat(update["due"])
            weekly.append(
                TodayItem(
                    ItemKind.WEEKLY_UPDATE,
                    level,
                    account["id"],
                    account["name"],
                    None,
                    None,
                    update["week"],
                    due,
                    {"state": update["state"], "week": update["week"]},
                )
            )
        days = account["service_days"]
        lapse_on = date.fromisoformat(days["lapse_on"])
        today = now.date()
        if days["over_allotment"]:
            over = days["used"] - days["allotted"]
            service.append(
                TodayItem(
                    ItemKind.SERVICE_DAYS, Level.CRITICAL, account["id"], account["name"], None, None, "", None,
                    {"over": over, "used": days["used"], "allotted": days["allotted"]},
                )
            )  # fmt: skip
        elif days["remaining"] and lapse_on - today <= LAPSE_WARNING:
            service.append(
                TodayItem(
                    ItemKind.SERVICE_DAYS, Level.WARNING, account["id"], account["name"], None, None, "", None,
                    {"lapsing": days["remaining"], "lapse_on": lapse_on},
                )
            )  # fmt: skip
    weekly.sort(key=lambda item: (item.level != Level.CRITICAL, item.at, item.account_name.lower()))
    service.sort(key=lambda item: (item.level != Level.CRITICAL, item.account_name.lower()))
    return weekly, service


@dataclass(frozen=True, slots=True)
class Changes:
    since: datetime
    new_cases: int
    breaches: int
    status_changes: int
    last_sync: datetime | None
    items: list[TodayItem]
    """The newest of those changes (at most LIST_LIMIT), newest first."""


def changes_since(connection: Connection, since: datetime, now: datetime) -> Changes:
    c, a, e = schema.cases.c, schema.accounts.c, schema.case_events.c
    joined = schema.cases.join(schema.accounts, a.id == c.account_id)
    live = c.removed_at.is_(None)
    new_where = (live, c.created_at > since, c.created_at <= now)
    breach_where = (live, c.clock_deadline > since, c.clock_deadline <= now, c.clock_state.in_(("running", "breached")))
    status_where = (e.kind == EventKind.STATUS_CHANGE.value, e.at > since, e.at <= now)
    new_count = connection.execute(select(func.count()).select_from(schema.cases).where(*new_where)).scalar_one()
    breach_count = connection.execute(select(func.count()).select_from(schema.cases).where(*breach_where)).scalar_one()
    status_count = connection.execute(
        select(func.count()).select_from(schema.case_events).where(*status_where)
    ).scalar_one()
    items: list[TodayItem] = []
    for case_id, number, subject, at, account_id, name in connection.execute(
        select(c.id, c.remote_id, c.subject, c.clock_deadline, a.id, a.name)
        .select_from(joined)
        .where(*breach_where)
        .order_by(c.clock_deadline.desc())
        .limit(LIST_LIMIT)
    ):
        items.append(TodayItem(ItemKind.BREACH, Level.CRITICAL, account_id, name, case_id, number, subject, at, {}))
    for case_id, number, subject, at, account_id, name in connection.execute(
        select(c.id, c.remote_id, c.subject, c.created_at, a.id, a.name)
        .select_from(joined)
        .where(*new_where)
        .order_by(c.created_at.desc())
        .limit(LIST_LIMIT)
    ):
        items.append(TodayItem(ItemKind.NEW_CASE, Level.INFO, account_id, name, case_id, number, subject, at, {}))
    for case_id, number, subject, at, account_id, name, old, new in connection.execute(
        select(c.id, c.remote_id, c.subject, e.at, a.id, a.name, e.old_value, e.value)
        .select_from(
            schema.case_events.join(schema.cases, c.id == e.case_id).join(schema.accounts, a.id == c.account_id)
        )
        .where(*status_where, live)
        .order_by(e.at.desc())
        .limit(LIST_LIMIT)
    ):
        items.append(
            TodayItem(
                ItemKind.STATUS_CHANGE, Level.INFO, account_id, name, case_id, number, subject, at,
                {"old": old, "new": new},
            )
        )  # fmt: skip
    items.sort(key=lambda item: item.at or since, reverse=True)
    return Changes(since, new_count, breach_count, status_count, last_sync_time(connection), items[:LIST_LIMIT])
