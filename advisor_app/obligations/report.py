"""What is owed per account, read from the store (`advisor-app obligations --json`)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, func, select

from advisor_app.domain import WeeklyUpdateState, load_tiers
from advisor_app.obligations.contract_years import contract_year
from advisor_app.obligations.service_days import allotment_half_days, balance
from advisor_app.obligations.weekly_updates import due_at, iso_week, week_status
from advisor_app.store import schema


def _days(half_days: int | None) -> float | None:
    return None if half_days is None else half_days / 2


def obligations(connection: Connection, now: datetime) -> list[dict[str, Any]]:
    a, c = schema.accounts.c, schema.contacts.c
    s, w = schema.service_day_entries.c, schema.weekly_updates.c
    entries: dict[int, list[tuple[date, int]]] = defaultdict(list)
    for account_id, day, half_days in connection.execute(select(s.account_id, s.day, s.half_days)):
        entries[account_id].append((day, half_days))
    authorized: dict[int, int] = dict(
        connection.execute(
            select(c.account_id, func.count()).where(c.authorized, c.removed_at.is_(None)).group_by(c.account_id)
        ).all()
    )
    tiers = load_tiers()
    report = []
    accounts = connection.execute(
        select(a.id, a.name, a.tier, a.timezone, a.contract_year_start, a.named_advisor)
        .where(a.removed_at.is_(None))
        .order_by(func.lower(a.name))
    )
    for account_id, name, tier_id, zone, start, advisor in accounts:
        tier = tiers.get(tier_id)
        today = now.astimezone(ZoneInfo(zone)).date()
        year = contract_year(start, today)
        result = balance(entries[account_id], allotment_half_days(tier), year, today)
        week = iso_week(today)
        owed = advisor is not None and tier.weekly_updates
        stored = connection.execute(select(w.state).where(w.account_id == account_id, w.iso_week == week)).scalar()
        due = due_at(week, zone)
        limit = tier.authorized_contacts
        count = int(authorized.get(account_id, 0))
        report.append(
            {
                "id": account_id,
                "name": name,
                "tier": tier_id,
                "service_days": {
                    "contract_year": [year.first_day.isoformat(), year.last_day.isoformat()],
                    "allotted": _days(result.allotted),
                    "used": _days(result.used),
                    "remaining": _days(result.remaining),
                    "over_allotment": result.over_allotment,
                    "lapse_on": year.last_day.isoformat(),
                    "runs_out_on": None
                    if result.projection is None or result.projection.runs_out_on is None
                    else result.projection.runs_out_on.isoformat(),
                    "lapsing_at_this_pace": None
                    if result.projection is None
                    else _days(result.projection.lapsing_half_days),
                },
                "weekly_update": {
                    "week": week,
                    "owed": owed,
                    "due": due.isoformat() if owed else None,
                    "state": week_status(None if stored is None else WeeklyUpdateState(stored), due, now).value
                    if owed
                    else None,
                },
                "authorized_contacts": {"count": count, "limit": limit, "over": limit is not None and count > limit},
            }
        )
    return report
