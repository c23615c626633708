"""`advisor-app accounts`: the workspace's account selection, shown and edited.

The rule lives in the settings (`Settings.account_selection`); the verdicts come from the
source itself, judged exactly as the next sync will judge them (`sync.selection`).
"""

from __future__ import annotations

from typing import Any

import msgspec
from sqlalchemy import select

from advisor_app.errors import AdvisorError
from advisor_app.secrets import Credentials
from advisor_app.store import schema
from advisor_app.sync.selection import AccountSelection, ListsAccounts, add, remove
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.settings import rule_of, save_settings
from advisor_app.workspace.source_sync import NotConnectedError, provider_for


class AccountRuleError(AdvisorError):
    """The account selection cannot be shown or changed as asked."""


def current_selection(desk: Desk) -> AccountSelection:
    """The stored rule (a workspace connected before the rule existed: what it chose then)."""
    rule = rule_of(desk.settings)
    return AccountSelection(
        advisors=list(rule.advisors),
        tag=rule.tag,
        added=list(rule.added),
        removed=list(rule.removed),
        all_accounts=rule.all_accounts,
    )


def edit_selection(desk: Desk, added: list[str], removed: list[str]) -> AccountSelection:
    """Add and remove accounts by id or name; saved at once (the next sync follows)."""
    if desk.settings.source_kind not in ("rt", "zendesk"):
        raise AccountRuleError("this workspace is not connected to Request Tracker or Zendesk")
    selection = current_selection(desk)
    for name in added:
        if not name.strip():
            raise AccountRuleError("an account to add needs a name or id")
        selection = add(selection, name)
    for name in removed:
        if not name.strip():
            raise AccountRuleError("an account to remove needs a name or id")
        selection = remove(selection, name)
    updated = msgspec.structs.replace(desk.settings, account_selection=selection)
    save_settings(desk.workspace.settings_file, updated)
    desk.settings = updated
    return selection


def selection_report(desk: Desk, credentials: Credentials | None = None) -> dict[str, Any]:
    """The rule, and every account the source lists with whether it is in and why (JSON-ready)."""
    settings = desk.settings
    if settings.source_kind not in ("rt", "zendesk"):
        raise NotConnectedError("this workspace is not connected to Request Tracker or Zendesk")
    rule = rule_of(settings)
    provider = provider_for(desk, credentials)
    if not isinstance(provider, ListsAccounts):
        raise NotConnectedError(f"{settings.source_kind} cannot list its accounts")
    verdicts = provider.account_selection()
    a = schema.accounts.c
    with desk.engine.connect() as connection:
        local = {
            row.remote_id: row.removed_at
            for row in connection.execute(select(a.remote_id, a.removed_at).where(a.source == settings.source_kind))
        }
    accounts = []
    for verdict in verdicts:
        here = verdict.remote_id in local
        removed_at = local.get(verdict.remote_id)
        accounts.append(
            {
                "remote_id": verdict.remote_id,
                "name": verdict.name,
                "named_advisor": verdict.named_advisor,
                "included": verdict.included,
                "why": verdict.why.value,
                "reason": verdict.reason,
                "problem": verdict.problem,
                "local": "none" if not here else ("active" if removed_at is None else "not assigned"),
            }
        )
    return {
        "source": settings.source_kind,
        "rule": {
            "text": rule.describe(),
            "advisors": list(rule.advisors),
            "tag": rule.tag,
            "added": list(rule.added),
            "removed": list(rule.removed),
            "all_accounts": rule.all_accounts,
        },
        "accounts": accounts,
    }


def print_selection(report: dict[str, Any]) -> None:
    print(f"rule: {report['rule']['text']}")
    for account in report["accounts"]:
        line = f"{'in ' if account['included'] else 'out'}  {account['remote_id']:<20} {account['name']:<32} "
        line += account["reason"]
        if account["included"] and account["problem"]:
            line += f"; set aside until fixed: {account['problem']}"
        if not account["included"] and account["local"] == "not assigned":
            line += "; its local data is kept"
        print(line)
    included = sum(1 for a in report["accounts"] if a["included"])
    print(f"{included} in, {len(report['accounts']) - included} out")
