"""What is owed per account, read from the store (`advisor-app obligations --json`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

from advisor_app.obligations.contacts import contacts_summaries, unauthorized_requester_cases
from advisor_app.obligations.ledger import balances
from advisor_app.obligations.terms import load_terms
from advisor_app.obligations.updates import week_entry, week_history
from advisor_app.obligations.weekly_updates import WeekStatus, iso_week


def _days(half_days: int | None) -> float | None:
    return None if half_days is None else half_days / 2


def obligations(
    connection: Connection, now: datetime, account_ids: Iterable[int] | None = None
) -> list[dict[str, Any]]:
    """Every active account's obligations; with `account_ids`, those accounts' (assigned or not)."""
    terms = load_terms(connection, account_ids)
    current = balances(connection, now, terms)
    contacts = contacts_summaries(connection, terms)
    flagged = Counter(case.account_id for case in unauthorized_requester_cases(connection, open_only=True))
    report = []
    for account_id, account in sorted(terms.items(), key=lambda item: item[1].account_name.casefold()):
        result = current[account_id]
        year = result.year
        week = iso_week(account.local_today(now))
        owed = account.weekly_updates
        history = week_history(connection, account_id, now) if owed else []
        entry = next((item for item in history if item.iso_week == week), None)
        if owed and entry is None:  # a contract that starts after this week
            entry = week_entry(connection, account_id, week, now)
        summary = contacts[account_id]
        report.append(
            {
                "id": account_id,
                "name": account.account_name,
                "tier": account.tier.id,
                "contract_overrides": sorted(account.overridden),
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
                    "due": entry.due_at.isoformat() if entry else None,
                    "state": entry.status.value if entry else None,
                    "overdue_weeks": [item.iso_week for item in reversed(history) if item.status is WeekStatus.OVERDUE],
                },
                "authorized_contacts": {
                    "count": summary.authorized,
                    "limit": summary.limit,
                    "over": summary.over_limit,
                    "open_cases_from_others": flagged.get(account_id, 0),
                },
            }
        )
    return report
