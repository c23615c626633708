"""Before anything is saved: ask a ticketing system who the token belongs to, and list its accounts.

`probe` ("Test connection") calls the server through `advisor_app.sync.http` and returns
what it said: the user the token belongs to and, where the API gives it, the server's
version (RT REST2 `/REST/2.0/rt` and `/REST/2.0/user/{name}`; Zendesk
`/api/v2/users/me.json`). A failure is one of the typed errors of the HTTP layer
(`HttpConfigError` for a malformed URL, `HttpConnectError`, `HttpTlsError`,
`HttpAuthError` for 401, `HttpForbiddenError` for 403, `HttpTimeout`, ...);
`failure_kind` names which, for a heading. Before any request, the kind, URL, user, token
and CA bundle pass `connection.checked_access`, the check connecting runs too.

`list_source_accounts` reads the accounts a source offers for the "which accounts are
yours" step, judged by the same rule every sync applies (`advisor_app.sync.selection`):
pre-selected when the source's named-advisor field names the user, and with the reason
when an account's data cannot be synced (it is listed, never left out). Nothing here
writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import msgspec

from advisor_app.connect.connection import ConnectionSettingsError, SourceAccess, checked_access
from advisor_app.sync.http import (
    CancelToken,
    HttpAuthError,
    HttpClient,
    HttpConfigError,
    HttpConnectError,
    HttpForbiddenError,
    HttpNotFoundError,
    HttpTimeout,
    HttpTlsError,
    Timeouts,
    basic_token_auth,
)
from advisor_app.sync.providers.rt import RtProvider, RtSettings
from advisor_app.sync.providers.zendesk import ZendeskConfig, ZendeskProvider
from advisor_app.sync.selection import AccountRule
from advisor_app.sync.source_url import RT_API_PATH

PROBE_TIMEOUTS = Timeouts(connect=10.0, read=20.0)
"""A test is a question a person waits for: a shorter read timeout than a sync's."""


@dataclass(frozen=True, slots=True)
class ServerIdentity:
    """What the server said about itself and about the token's user."""

    kind: str
    url: str
    """The normalized URL that answered (what the settings will keep)."""
    user_name: str
    """The login (RT) or email (Zendesk) the token belongs to."""
    display_name: str = ""
    role: str = ""
    server_version: str = ""
    """Empty when the API does not say (Zendesk)."""


@dataclass(frozen=True, slots=True)
class SourceAccount:
    remote_id: str
    name: str
    named_advisor: str
    preselected: bool
    problem: str = ""
    """Why the account's data cannot be synced as it is (it is set aside until fixed); empty when it can."""


FAILURE_KINDS = {
    HttpConfigError: "bad_url",
    HttpTlsError: "tls",
    HttpConnectError: "connect",
    HttpTimeout: "timeout",
    HttpAuthError: "unauthorized",
    HttpForbiddenError: "forbidden",
    HttpNotFoundError: "not_found",
    ConnectionSettingsError: "bad_url",
}


def failure_kind(error: BaseException) -> str:
    """ "bad_url", "tls", "connect", "timeout", "unauthorized", "forbidden", "not_found" or "other"."""
    for kind, name in FAILURE_KINDS.items():
        if isinstance(error, kind):
            return name
    return "other"


def _client(access: SourceAccess, cancel: CancelToken | None, timeouts: Timeouts) -> HttpClient:
    """A client for a checked `access` (`checked_access`)."""
    auth = basic_token_auth(access.user, access.token) if access.kind == "zendesk" else f"token {access.token}"
    # One retry only: a person is waiting, and a refused connection will not heal in seconds.
    return HttpClient(
        access.url,
        auth,
        ca_bundle=access.ca_bundle or None,
        timeouts=timeouts,
        retries=1,
        cancel=cancel,
        follow_redirects=access.kind != "rt",
    )


class _ZendeskUser(msgspec.Struct):
    id: int | None = None
    name: str = ""
    email: str | None = None
    role: str = ""


class _ZendeskMe(msgspec.Struct):
    user: _ZendeskUser


class _RtVersion(msgspec.Struct):
    Version: str = ""


class _RtUser(msgspec.Struct):
    Name: str = ""
    RealName: str | None = None
    EmailAddress: str | None = None
    Privileged: int = 0


def probe(
    access: SourceAccess, cancel: CancelToken | None = None, timeouts: Timeouts = PROBE_TIMEOUTS
) -> ServerIdentity:
    """Ask the server who the token belongs to; raise a typed HttpError (or ConnectionSettingsError) otherwise."""
    access = checked_access(access)
    client = _client(access, cancel, timeouts)
    try:
        if access.kind == "zendesk":
            me = client.get_json("/api/v2/users/me.json", _ZendeskMe).user
            if me.id is None:
                # Zendesk answers an anonymous caller with a placeholder user instead of a 401.
                raise HttpAuthError(f"{access.url}: the token was not accepted (Zendesk answered as an anonymous user)")
            return ServerIdentity(
                kind="zendesk", url=access.url, user_name=me.email or access.user, display_name=me.name, role=me.role
            )
        version = client.get_json(f"{RT_API_PATH}/rt", _RtVersion)
        user = client.get_json(f"{RT_API_PATH}/user/{quote(access.user, safe='')}", _RtUser)
        return ServerIdentity(
            kind="rt",
            url=access.url,
            user_name=user.Name or access.user,
            display_name=user.RealName or "",
            role="privileged" if user.Privileged else "unprivileged",
            server_version=version.Version,
        )
    finally:
        client.close()


# Accounts ------------------------------------------------------------------------------------


def advisor_names(identity: ServerIdentity) -> list[str]:
    """What the source's named-advisor field holds when it names this user: login or email, and full name."""
    names = [identity.user_name.strip(), identity.display_name.strip()]
    return [name for i, name in enumerate(names) if name and name.casefold() not in {n.casefold() for n in names[:i]}]


def list_source_accounts(
    access: SourceAccess,
    identity: ServerIdentity,
    *,
    rt_timezone: str = "UTC",
    cancel: CancelToken | None = None,
    timeouts: Timeouts = PROBE_TIMEOUTS,
) -> list[SourceAccount]:
    """The accounts the source offers, sorted by name, pre-selected where the named advisor is the user."""
    access = checked_access(access)
    client = _client(access, cancel, timeouts)
    rule = AccountRule(advisors=tuple(advisor_names(identity)))
    try:
        if access.kind == "zendesk":
            verdicts = ZendeskProvider(client, ZendeskConfig(selection=rule), admin=False).account_selection()
        else:
            provider = RtProvider(client, RtSettings(base_url=access.url, rt_timezone=rt_timezone, accounts=rule))
            verdicts = provider.account_selection()
    finally:
        client.close()
    found = [SourceAccount(v.remote_id, v.name, v.named_advisor, v.included, v.problem) for v in verdicts]
    return sorted(found, key=lambda a: (a.name.casefold(), a.remote_id))
