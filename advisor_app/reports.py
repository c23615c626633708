"""Reports for scripts (`advisor-app status --json`): plain data, JSON-ready."""

from __future__ import annotations

from typing import Any

from advisor_app.desk import Desk
from advisor_app.store import queries


def status_report(desk: Desk) -> dict[str, Any]:
    with desk.engine.connect() as connection:
        accounts = queries.account_summaries(connection)
        cases = queries.open_cases(connection)
        last_sync = queries.last_sync_time(connection)
    return {
        "workspace": str(desk.workspace.root),
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
            }
            for c in cases
        ],
    }
