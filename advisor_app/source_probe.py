"""Before anything is saved: ask a ticketing system who the token belongs to, and list its accounts.

`probe` ("Test connection") calls the server through `advisor_app.sync.http` and returns
what it said: the user the token belongs to and, where the API gives it, the server's
version (RT REST2 `/REST/2.0/rt` and `/REST/2.0/user/{name}`; Zendesk
`/api/v2/users/me.json`). A failure is one of the typed errors of the HTTP layer
(`HttpConfigError` for a malformed URL, `HttpConnectError`, `HttpTlsError`,
`HttpAuthError` for 401, `HttpForbiddenError` for 403, `HttpTimeout`, ...);
`failure_kind` names which, for a heading.

`list_source_accounts` reads the accounts a source offers for the "which accounts are
yours" step, each pre-selected when the source's named-advisor field names the user.
Nothing here writes anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import msgspec

from advisor_app.connections import ConnectionSettingsError, normalize_url
from advisor_app.domain import Account
from advisor_app.sync.engine import SyncError
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
    origin,
)
from advisor_app.sync.providers import zendesk_payloads as z
from advisor_app.sync.providers.rt import API_PATH, RtAuthError, RtProvider, RtSettings, normalized_base_url

PROBE_TIMEOUTS = Timeouts(connect=10.0, read=20.0)
"""A test is a question a person waits for: a shorter read timeout than a sync's."""


@dataclass(frozen=True, slots=True)
class SourceAccess:
    """What the wizard has gathered so far: where, who, and the token (held in memory only)."""

    kind: str
    url: str
    user: str
    token: str
    ca_bundle: str = ""

    def __repr__(self) -> str:  # never print the token, not even in a traceback's locals
        return f"SourceAccess(kind={self.kind!r}, url={self.url!r}, user={self.user!r}, token=<hidden>)"


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


FAILURE_KINDS = {
    HttpConfigError: "bad_url",
    HttpTlsError: "tls",
    HttpConnectError: "connect",
    HttpTimeout: "timeout",
    HttpAuthError: "unauthorized",
    RtAuthError: "unauthorized",
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


def checked_url(access: SourceAccess) -> str:
    """The URL the settings would keep; HttpConfigError when it is malformed or plain http to another host."""
    if access.kind not in ("rt", "zendesk"):
        raise ConnectionSettingsError(f"unknown kind {access.kind!r}")
    if not access.user.strip():
        raise ConnectionSettingsError("a user name is needed")
    if not access.token.strip():
        raise ConnectionSettingsError("the token is empty")
    typed = access.url.strip()
    url = normalize_url(typed if "://" in typed or not typed else f"https://{typed}")
    return origin(url) if access.kind == "zendesk" else normalized_base_url(url)


def _client(access: SourceAccess, url: str, cancel: CancelToken | None, timeouts: Timeouts) -> HttpClient:
    token = access.token.strip()
    authorization = basic_token_auth(access.user.strip(), token) if access.kind == "zendesk" else f"token {token}"
    # One retry only: a person is waiting, and a refused connection will not heal in seconds.
    return HttpClient(
        url, authorization, ca_bundle=access.ca_bundle or None, timeouts=timeouts, retries=1, cancel=cancel
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
    url = checked_url(access)
    client = _client(access, url, cancel, timeouts)
    try:
        if access.kind == "zendesk":
            me = client.get_json("/api/v2/users/me.json", _ZendeskMe).user
            if me.id is None:
                # Zendesk answers an anonymous caller with a placeholder user instead of a 401.
                raise HttpAuthError(
                    f"{origin(url)}: the token was not accepted (Zendesk answered as an anonymous user)"
                )
            return ServerIdentity(
                kind="zendesk", url=url, user_name=me.email or access.user, display_name=me.name, role=me.role
            )
        version = client.get_json(f"{API_PATH}/rt", _RtVersion)
        user = client.get_json(f"{API_PATH}/user/{quote(access.user.strip(), safe='')}", _RtUser)
        return ServerIdentity(
            kind="rt",
            url=url,
            user_name=user.Name or access.user.strip(),
            display_name=user.RealName or "",
            role="privileged" if user.Privileged else "unprivileged",
            server_version=version.Version,
        )
    finally:
        client.close()


# Accounts ------------------------------------------------------------------------------------


def _names_the_user(value: Any, identity: ServerIdentity) -> bool:
    text = str(value or "").strip().casefold()
    mine = {identity.user_name.casefold(), identity.display_name.strip().casefold()} - {""}
    return bool(text) and text in mine


def list_source_accounts(
    access: SourceAccess,
    identity: ServerIdentity,
    *,
    rt_timezone: str = "UTC",
    cancel: CancelToken | None = None,
    timeouts: Timeouts = PROBE_TIMEOUTS,
) -> list[SourceAccount]:
    """The accounts the source offers, sorted by name, pre-selected where the named advisor is the user."""
    url = checked_url(access)
    client = _client(access, url, cancel, timeouts)
    try:
        if access.kind == "zendesk":
            found = [
                SourceAccount(
                    str(org.id),
                    org.name,
                    str(org.organization_fields.get("named_advisor") or ""),
                    _names_the_user(org.organization_fields.get("named_advisor"), identity),
                )
                for org in _zendesk_organizations(client)
            ]
        else:
            provider = RtProvider(client.session, RtSettings(base_url=url, rt_timezone=rt_timezone))
            found = []
            for page in provider.pages("accounts", None):
                for account in page.records:
                    if isinstance(account, Account):
                        advisor = account.named_advisor or ""
                        found.append(
                            SourceAccount(account.remote_id, account.name, advisor, _names_the_user(advisor, identity))
                        )
    finally:
        client.close()
    return sorted(found, key=lambda a: (a.name.casefold(), a.remote_id))


def _zendesk_organizations(client: HttpClient) -> Iterator[z.Organization]:
    url: str | None = "/api/v2/organizations.json"
    params: dict[str, Any] | None = {"page[size]": 100}
    seen: set[str] = set()
    while url is not None:
        page = client.get_json(url, z.OrganizationsPage, params)
        for raw in page.organizations:
            try:
                yield msgspec.json.decode(raw, type=z.Organization)
            except (msgspec.ValidationError, msgspec.DecodeError):
                continue  # an unreadable organization cannot be chosen; the sync will set it aside
        after = page.meta.after_cursor if page.meta is not None and page.meta.has_more else None
        if not after:
            return
        if after in seen:
            raise SyncError(f"{client.origin}: organizations listing repeated cursor {after!r}")
        seen.add(after)
        if page.links is not None and page.links.next:
            url, params = page.links.next, None
        else:
            url, params = "/api/v2/organizations.json", {"page[size]": 100, "page[after]": after}
