"""Reports for scripts (`advisor-app status --json`): plain data, JSON-ready."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from advisor_app.sla import Clock
from advisor_app.store import queries
from advisor_app.store.clocks import clocks_for_cases
from advisor_app.workspace.desk import Desk


def _seconds(value: timedelta | None) -> float | None:
    return None if value is None else value.total_seconds()


def _instant(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def clock_report(clock: Clock) -> dict[str, Any]:
    return {
        "kind": clock.kind.value,
        "state": clock.state.value,
        "severity": int(clock.severity),
        "started_at": _instant(clock.started_at),
        "target_seconds": _seconds(clock.target),
        "deadline": _instant(clock.deadline),
        "business_seconds_left": _seconds(clock.remaining),
        "seconds_to_deadline": _seconds(clock.time_to_deadline),
        "consumed": clock.consumed,
        "at_risk": clock.at_risk,
        "at_risk_at": _instant(clock.at_risk_at),
        "breach_at": _instant(clock.breach_at),
        "paused": clock.paused,
    }


def status_report(desk: Desk) -> dict[str, Any]:
    now = desk.clock()
    with desk.engine.connect() as connection:
        accounts = queries.account_summaries(connection)
        cases = queries.open_cases(connection)
        last_sync = queries.last_sync_time(connection)
        clocks = clocks_for_cases(connection, [c.id for c in cases], now)
    return {
        "workspace": str(desk.workspace.root),
        "now": now.isoformat(),
        "last_sync": None if last_sync is None else last_sync.isoformat(),
        "accounts": [
            {
                "id": a.id,
                "remote_id": a.remote_id,
                "name": a.name,
                "tier": a.tier,
                "region": a.region,
                "timezone": a.timezone,
                "contract_status": a.contract_status,
                "open_cases": a.open_cases,
            }
            for a in accounts
        ],
        "cases": [
            {
                "id": c.id,
                "remote_id": c.remote_id,
                "account_id": c.account_id,
                "subject": c.subject,
                "severity": c.severity,
                "status": c.status,
                "requester": c.requester,
                "created_at": c.created_at.isoformat(),
                "updated_at": c.updated_at.isoformat(),
                "next_deadline": _instant(c.clock_deadline) if c.clock_open else None,
                "clocks": [clock_report(clock) for clock in clocks[c.id].clocks if clock.ended_at is None],
            }
            for c in cases
        ],
    }
