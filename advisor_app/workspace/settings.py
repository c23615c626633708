"""Workspace settings, declared once with types and defaults, stored as JSON.

Secrets never live here: `advisor_app.secrets` keeps them in the OS keyring.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Literal, TypeGuard, get_args, get_origin, get_type_hints

import msgspec

from advisor_app.errors import WorkspaceError
from advisor_app.sync.selection import AccountRule, AccountSelection

SETTINGS_VERSION = 1


DemoScale = Literal["standard", "medium", "large", "tiny"]
Language = Literal["system", "en", "de"]
Theme = Literal["system", "light", "dark"]


def is_language(value: str) -> TypeGuard[Language]:
    return value in get_args(Language)


def is_theme(value: str) -> TypeGuard[Theme]:
    return value in get_args(Theme)


class Settings(msgspec.Struct, forbid_unknown_fields=False, kw_only=True):
    version: int = SETTINGS_VERSION
    source_kind: str | None = None
    """"demo", "rt" or "zendesk"; None until a source is chosen."""
    source_url: str = ""
    source_user: str = ""
    ca_bundle: str = ""
    """A CA bundle for TLS behind a corporate proxy; empty: the system's."""
    rt_timezone: str = "UTC"
    """Request Tracker reads TicketSQL dates in the API user's zone (REST2 does not say which)."""
    rt_queue: str = ""
    rt_severity_field: str = "Severity"
    rt_account_field: str = "Account"
    rt_accounts: list[str] = msgspec.field(default_factory=list)
    """Before `account_selection`: the RT accounts chosen when connecting; empty: every account."""
    status_map: dict[str, str] = msgspec.field(default_factory=dict)
    """Source status -> meaning (open, new, waiting, hold, solved, closed), over the source's
    defaults (`domain/status_map.py`); for custom lifecycles."""
    zendesk_org_ids: list[int] = msgspec.field(default_factory=list)
    """The advisor's Zendesk organizations by id; or, instead, those tagged `zendesk_org_tag`."""
    zendesk_org_tag: str = ""
    zendesk_severity_field_id: int | None = None
    account_selection: AccountSelection | None = None
    """Which accounts are the advisor's; None (a workspace connected before the rule): the
    `rt_accounts` / `zendesk_org_ids` / `zendesk_org_tag` chosen then."""
    demo_seed: int = 7
    demo_scale: DemoScale = "standard"
    """How much the demo workspace holds (the demo source's SCALES)."""
    sync_interval_minutes: int = 15
    quiet_hours_start: str = ""
    """Local time of day (like 22:00) from which notifications stay in the window: no desktop
    popups, only the in-app banner. Empty: no quiet hours."""
    quiet_hours_end: str = ""
    language: Language = "system"
    """The GUI's language (and date and number formats); "system" follows the OS. Read at start."""
    theme: Theme = "system"
    """Light or dark palette; "system" follows the OS colour scheme as it changes."""
    draft_template: str = "weekly-update"
    """The weekly update template new drafts are made from (resources/templates, or the workspace's)."""
    draft_language: str = "en"
    """"en" or "de": the language new weekly update drafts are written in."""


def load_settings(path: Path) -> Settings:
    if not path.exists():
        return Settings()
    try:
        settings = msgspec.json.decode(path.read_bytes(), type=Settings)
    except msgspec.ValidationError as error:
        raise WorkspaceError(f"{path}: {_worded(error)}") from error
    except msgspec.DecodeError as error:
        raise WorkspaceError(f"{path} is not valid JSON: {error}") from error
    if settings.version > SETTINGS_VERSION:
        raise WorkspaceError(f"{path} was written by a newer Advisor Desk (settings version {settings.version})")
    return settings


def _worded(error: msgspec.ValidationError) -> str:
    """msgspec's message, naming the allowed values when a field takes one of a few."""
    match = re.search(r"at `\$\.(\w+)`", str(error))
    if match is None:
        return str(error)
    field = match.group(1)
    hint = get_type_hints(Settings).get(field)
    if hint is None or get_origin(hint) is not Literal:
        return f"{field}: {str(error).split(' - at ')[0]}"
    allowed = ", ".join(f'"{value}"' for value in get_args(hint))
    return f"{field} must be one of {allowed} ({str(error).split(' - at ')[0]})"


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically: a crash leaves the old file or the new one, never half of one."""
    data = msgspec.json.format(msgspec.json.encode(settings), indent=2)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def rule_of(settings: Settings) -> AccountRule:
    """The workspace's rule. Workspaces connected before the rule existed keep what they chose
    then: RT's chosen accounts (none chosen: every account), Zendesk's ids or tag."""
    chosen = settings.account_selection
    if chosen is not None:
        return AccountRule(
            advisors=tuple(chosen.advisors),
            tag=chosen.tag,
            added=tuple(chosen.added),
            removed=tuple(chosen.removed),
            all_accounts=chosen.all_accounts,
        )
    if settings.source_kind == "zendesk":
        return AccountRule(tag=settings.zendesk_org_tag, added=tuple(str(i) for i in settings.zendesk_org_ids))
    if settings.rt_accounts:
        return AccountRule(added=tuple(settings.rt_accounts))
    return AccountRule(all_accounts=True)
