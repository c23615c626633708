"""Connecting a workspace to a ticketing system: checked settings, and the token in the keyring.

Nothing is written unless everything is: a refused URL, a keyring that cannot store the
token, or a workspace that already holds another source's data leave the workspace as it
was. `checked_access` is the one check of where, who and the token; the wizard's test
(`connect/probe.py`) runs it too, before it asks the server anything.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from advisor_app.connect.switch import retire_synced_data
from advisor_app.errors import AdvisorError
from advisor_app.secrets import CredentialError, Credentials
from advisor_app.sync.engine import stored_identity
from advisor_app.sync.http import check_ca_bundle
from advisor_app.sync.providers.zendesk import ZendeskConfig
from advisor_app.sync.selection import AccountSelection
from advisor_app.sync.source_url import source_url
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.settings import Settings, rule_of, save_settings

KINDS = ("rt", "zendesk")


class ConnectionSettingsError(AdvisorError):
    """A connection setting is not usable; the message names it."""


@dataclass(frozen=True, slots=True)
class SourceAccess:
    """Where, who, and the token (held in memory only): what the wizard's test and connecting both check."""

    kind: str
    url: str
    user: str
    token: str
    ca_bundle: str = ""

    def __repr__(self) -> str:  # the token never reaches a log or a traceback through repr
        return f"{type(self).__name__}(kind={self.kind!r}, url={self.url!r}, user={self.user!r}, token=<hidden>)"


@dataclass(frozen=True, slots=True, repr=False)
class ConnectionRequest(SourceAccess):
    """The access, and the settings saved with it."""

    rt_timezone: str = "UTC"
    rt_queue: str = ""
    zendesk_org_ids: tuple[int, ...] = ()
    zendesk_org_tag: str = ""
    account_selection: AccountSelection | None = None
    """The rule choosing the advisor's accounts; None: those naming the user as their advisor,
    plus `zendesk_org_ids`, plus the organizations tagged `zendesk_org_tag`."""


def checked_access(access: SourceAccess) -> SourceAccess:
    """`access` as the settings would keep it: a known kind, the URL in its one form
    (`sync/source_url.py`), user and token trimmed and not empty, the CA bundle a file.
    Raises ConnectionSettingsError or HttpConfigError naming what is wrong; contacts nothing."""
    if access.kind not in KINDS:
        raise ConnectionSettingsError(f"unknown kind {access.kind!r} (known: {', '.join(KINDS)})")
    url = source_url(access.kind, access.url)
    user, token = access.user.strip(), access.token.strip()
    if not user:
        raise ConnectionSettingsError("a user name is needed")
    if not token:
        raise ConnectionSettingsError("the token is empty")
    if access.ca_bundle:
        check_ca_bundle(access.ca_bundle)
    return SourceAccess(access.kind, url, user, token, access.ca_bundle)


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
    access = _checked_request(desk, request, start_over=start_over)
    updated = _connected_settings(desk.settings, request, access)
    previous = _login_of(desk.settings)
    login = (access.user, access.url)
    if store_token:
        _keep_token(credentials, access, session_only=session_only)
    try:
        _save(desk, updated, start_over=start_over)
    except BaseException:
        if store_token and previous != login:
            with contextlib.suppress(CredentialError):
                credentials.remove(*login)
        raise
    desk.settings = updated
    if previous is not None and previous != login:
        # The old connection is no longer used: its token must not linger in the keyring.
        with contextlib.suppress(CredentialError, ValueError):
            credentials.remove(*previous)


def _checked_request(desk: Desk, request: ConnectionRequest, *, start_over: bool) -> SourceAccess:
    if desk.settings.source_kind == "demo" and not start_over:
        raise ConnectionSettingsError("this is the demo workspace; connect a workspace of its own (--data-dir)")
    access = checked_access(request)
    try:
        ZoneInfo(request.rt_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConnectionSettingsError(f"unknown time zone {request.rt_timezone!r}") from None
    if not start_over:
        _check_same_source(desk, access)
    return access


def _check_same_source(desk: Desk, access: SourceAccess) -> None:
    """A workspace holds one source's data: another kind, or another instance of the same
    kind (the identity its syncs stored), is refused unless the advisor starts over."""
    current = desk.settings
    other_kind = current.source_kind not in (None, access.kind)
    other_instance = current.source_kind == access.kind and stored_identity(desk.engine, access.kind) not in (
        None,
        access.url,
    )
    if other_kind or other_instance:
        raise ConnectionSettingsError(
            f"this workspace holds data from {current.source_kind} at {current.source_url}; "
            "start over with the new source (Settings > Switch source) or use a workspace of its own (--data-dir)"
        )


def _connected_settings(current: Settings, request: ConnectionRequest, access: SourceAccess) -> Settings:
    """The settings once connected; a Zendesk account rule that cannot be used is refused here."""
    selection = request.account_selection or AccountSelection(
        advisors=[access.user], tag=request.zendesk_org_tag, added=[str(i) for i in request.zendesk_org_ids]
    )
    updated = msgspec.structs.replace(
        current,
        source_kind=access.kind,
        source_url=access.url,
        source_user=access.user,
        ca_bundle=access.ca_bundle,
        rt_timezone=request.rt_timezone,
        rt_queue=request.rt_queue,
        rt_accounts=[],
        zendesk_org_ids=[],
        zendesk_org_tag="",
        account_selection=selection,
    )
    if access.kind == "zendesk":
        ZendeskConfig(selection=rule_of(updated))
    return updated


def _login_of(settings: Settings) -> tuple[str, str] | None:
    """The (user, URL) the workspace's token is kept under now, if it has one."""
    return (settings.source_user, settings.source_url) if settings.source_url and settings.source_user else None


def _keep_token(credentials: Credentials, access: SourceAccess, *, session_only: bool) -> None:
    if session_only:
        credentials.hold_for_session(access.user, access.url, access.token)
    else:
        credentials.store(access.user, access.url, access.token)


def _save(desk: Desk, updated: Settings, *, start_over: bool) -> None:
    if start_over:
        with desk.engine.begin() as connection:
            retire_synced_data(connection, desk.clock())
    save_settings(desk.workspace.settings_file, updated)


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
