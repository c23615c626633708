"""The Today page's lists, read from the store: new Severity 1 cases, weekly updates overdue
or due, service days and authorized contacts that need a look (from `obligations.attention`,
the rules the Account 360 shows), and what changed since the advisor was last here. Each
list is bounded; the open cases (breached first, then by deadline) come from the cases query
(`CaseFilter(clock=ClockFilter.COUNTING)` sorted by urgency)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, func, select

from advisor_app.domain import EventKind
from advisor_app.obligations.attention import obligations_needing_attention
from advisor_app.obligations.weekly_updates import WeekStatus
from advisor_app.store import schema
from advisor_app.store.queries import ACTIVE_STATUSES, last_sync_time

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
    CONTACTS = "contacts"
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
    """(weekly updates overdue from any week or due this week, service days and contacts that
    need a look), from the obligations rules the Account 360 shows (`obligations.attention`)."""
    attention = obligations_needing_attention(connection, now)
    weekly = [
        TodayItem(
            ItemKind.WEEKLY_UPDATE,
            Level.CRITICAL if item.week.status is WeekStatus.OVERDUE else Level.WARNING,
            item.account_id,
            item.account_name,
            None,
            None,
            item.week.iso_week,
            item.week.due_at,
            {"state": item.week.status.value, "week": item.week.iso_week, "timezone": item.timezone},
        )
        for item in attention.updates
    ]
    contract: list[TodayItem] = []
    for balance in attention.service_days:
        current, projection = balance.balance, balance.balance.projection
        facts: dict[str, Any] = {
            "reason": balance.reason,
            "used": current.used / 2,
            "allotted": None if current.allotted is None else current.allotted / 2,
            "lapse_on": current.year.last_day,
        }
        if balance.reason == "over_allotment":
            facts["over"] = (current.used - (current.allotted or 0)) / 2
        elif balance.reason == "runs_out" and projection is not None:
            facts["runs_out_on"] = projection.runs_out_on
        elif projection is not None:
            facts["lapsing"] = projection.lapsing_half_days / 2
        level = Level.CRITICAL if balance.reason == "over_allotment" else Level.WARNING
        contract.append(
            TodayItem(
                ItemKind.SERVICE_DAYS, level, balance.account_id, balance.account_name, None, None, "", None, facts
            )
        )
    for contacts in attention.contacts:
        summary = contacts.summary
        contract.append(
            TodayItem(
                ItemKind.CONTACTS, Level.WARNING, contacts.account_id, contacts.account_name, None, None, "", None,
                {"authorized": summary.authorized, "limit": summary.limit},
            )
        )  # fmt: skip
    return weekly[:LIST_LIMIT], contract[:LIST_LIMIT]


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
