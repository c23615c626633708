"""Connecting a workspace to a ticketing system: checked settings, and the token in the keyring.

Nothing is written unless everything is: a refused URL, a keyring that cannot store the
token, or a workspace that already holds another source's data leave the workspace as it
was.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from advisor_app.connect.switch import retire_synced_data
from advisor_app.errors import AdvisorError
from advisor_app.secrets import CredentialError, Credentials
from advisor_app.sync.engine import stored_identity
from advisor_app.sync.http import check_url, origin
from advisor_app.sync.providers.rt import normalized_base_url
from advisor_app.sync.providers.zendesk import ZendeskConfig
from advisor_app.sync.selection import AccountSelection
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.settings import rule_of, save_settings

KINDS = ("rt", "zendesk")


class ConnectionSettingsError(AdvisorError):
    """A connection setting is not usable; the message names it."""


@dataclass(frozen=True, slots=True)
class ConnectionRequest:
    kind: str
    url: str
    user: str
    token: str
    ca_bundle: str = ""
    rt_timezone: str = "UTC"
    rt_queue: str = ""
    zendesk_org_ids: tuple[int, ...] = ()
    zendesk_org_tag: str = ""
    account_selection: AccountSelection | None = None
    """The rule choosing the advisor's accounts; None: those naming the user as their advisor,
    plus `zendesk_org_ids`, plus the organizations tagged `zendesk_org_tag`."""

    def __repr__(self) -> str:  # the token never reaches a log or a traceback through repr
        return f"ConnectionRequest(kind={self.kind!r}, url={self.url!r}, user={self.user!r}, token=<hidden>)"


def normalize_url(url: str) -> str:
    """The URL as checked by the HTTP layer (https, or plain http only to this machine),
    with its host in lower case and no trailing slash."""
    checked = urlsplit(check_url(url))
    return urlunsplit((checked.scheme.lower(), checked.netloc.lower(), checked.path.rstrip("/"), "", ""))


def source_url(kind: str, url: str) -> str:
    """The URL the settings keep for a source, checked: Zendesk's origin (paths like /agent
    are views of it), RT's web root (without /REST/2.0 or default ports), as the provider
    names itself, so reconnecting with the URL typed another way finds the same source."""
    checked = normalize_url(url)
    return origin(checked) if kind == "zendesk" else normalized_base_url(checked)


def connect(
    desk: Desk,
    request: ConnectionRequest,
    credentials: Credentials,
    *,
    session_only: bool = False,
    start_over: bool = False,
    store_token: bool = True,
) -> None:
    """Check everything, store the token, then save the settings.

    The order is chosen so that a failure at any point leaves no half-configured
    workspace: the token goes first (a keyring that refuses it stops everything before a
    file or a row changes); with `start_over`, the previous source's synced data is then
    retired in one database transaction (`connect/switch.py`); the settings are saved last,
    atomically, and only then is the previous connection's token removed. When a later
    step fails, the token just stored is removed again. With `session_only`, the token is
    held in memory for this session instead of the keyring (the user chose so after the
    keyring failed). Without `store_token` no token is kept anywhere: automation that
    sets ADVISOR_APP_TOKEN for every run needs no keyring.
    """
    if request.kind not in KINDS:
        raise ConnectionSettingsError(f"unknown kind {request.kind!r} (known: {', '.join(KINDS)})")
    if desk.settings.source_kind == "demo" and not start_over:
        raise ConnectionSettingsError("this is the demo workspace; connect a workspace of its own (--data-dir)")
    url = source_url(request.kind, request.url)
    if not request.user.strip():
        raise ConnectionSettingsError("a user name is needed")
    if not request.token.strip():
        raise ConnectionSettingsError("the token is empty")
    if request.ca_bundle and not Path(request.ca_bundle).is_file():
        raise ConnectionSettingsError(f"CA bundle {request.ca_bundle} is not a file")
    try:
        ZoneInfo(request.rt_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConnectionSettingsError(f"unknown time zone {request.rt_timezone!r}") from None
    current = desk.settings
    if not start_over and (
        current.source_kind not in (None, request.kind)
        or (current.source_kind == request.kind and stored_identity(desk.engine, request.kind) not in (None, url))
    ):
        raise ConnectionSettingsError(
            f"this workspace holds data from {current.source_kind} at {current.source_url}; "
            "start over with the new source (Settings > Switch source) or use a workspace of its own (--data-dir)"
        )
    user = request.user.strip()
    selection = request.account_selection or AccountSelection(
        advisors=[user], tag=request.zendesk_org_tag, added=[str(i) for i in request.zendesk_org_ids]
    )
    if request.kind == "zendesk":
        ZendeskConfig(selection=rule_of(msgspec.structs.replace(current, account_selection=selection)))
    previous = (current.source_user, current.source_url) if current.source_url and current.source_user else None
    if store_token and session_only:
        credentials.hold_for_session(user, url, request.token.strip())
    elif store_token:
        credentials.store(user, url, request.token.strip())
    updated = msgspec.structs.replace(
        current,
        source_kind=request.kind,
        source_url=url,
        source_user=user,
        ca_bundle=request.ca_bundle,
        rt_timezone=request.rt_timezone,
        rt_queue=request.rt_queue,
        rt_accounts=[],
        zendesk_org_ids=[],
        zendesk_org_tag="",
        account_selection=selection,
    )
    try:
        if start_over:
            with desk.engine.begin() as connection:
                retire_synced_data(connection, desk.clock())
        save_settings(desk.workspace.settings_file, updated)
    except BaseException:
        if store_token and previous != (user, url):
            with contextlib.suppress(CredentialError):
                credentials.remove(user, url)
        raise
    desk.settings = updated
    if previous is not None and previous != (user, url):
        # The old connection is no longer used: its token must not linger in the keyring.
        with contextlib.suppress(CredentialError, ValueError):
            credentials.remove(*previous)


def sign_out(desk: Desk, credentials: Credentials) -> None:
    """Remove the workspace's token from the keyring and from this session's memory.

    The settings keep the URL and user, so connecting again only asks for a new token;
    syncing says it is not connected until then.
    """
    settings = desk.settings
    if settings.source_kind in (None, "demo") or not settings.source_url or not settings.source_user:
        return
    credentials.remove(settings.source_user, settings.source_url)


def connect_demo(desk: Desk) -> None:
    """Make an unconnected workspace the demo workspace (the first sync fills it)."""
    if desk.settings.source_kind not in (None, "demo"):
        raise ConnectionSettingsError(
            f"this workspace holds data from {desk.settings.source_kind}; the demo needs a workspace of its own"
        )
    updated = msgspec.structs.replace(desk.settings, source_kind="demo")
    save_settings(desk.workspace.settings_file, updated)
    desk.settings = updated
