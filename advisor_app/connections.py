"""Connecting a workspace to a ticketing system: checked settings, and the token in the keyring.

Nothing is written unless everything is: a refused URL, a keyring that cannot store the
token, or a workspace that already holds another source's data leave the workspace as it
was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from advisor_app.desk import Desk
from advisor_app.errors import AdvisorError
from advisor_app.secrets import Credentials
from advisor_app.settings import save_settings
from advisor_app.sync.engine import stored_identity
from advisor_app.sync.http import check_url, origin
from advisor_app.sync.providers.zendesk import ZendeskConfig

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


def normalize_url(url: str) -> str:
    """The URL as checked by the HTTP layer (https, or plain http only to this machine),
    with its host in lower case and no trailing slash."""
    checked = urlsplit(check_url(url))
    return urlunsplit((checked.scheme.lower(), checked.netloc.lower(), checked.path.rstrip("/"), "", ""))


def connect(desk: Desk, request: ConnectionRequest, credentials: Credentials) -> None:
    """Check everything, store the token in the keyring, then save the settings."""
    if request.kind not in KINDS:
        raise ConnectionSettingsError(f"unknown kind {request.kind!r} (known: {', '.join(KINDS)})")
    if desk.settings.source_kind == "demo":
        raise ConnectionSettingsError("this is the demo workspace; connect a workspace of its own (--data-dir)")
    url = normalize_url(request.url)
    if request.kind == "zendesk":
        url = origin(url)  # a Zendesk instance is its host; paths like /agent are views of it
        ZendeskConfig(organization_ids=request.zendesk_org_ids, organization_tag=request.zendesk_org_tag or None)
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
    if current.source_kind not in (None, request.kind) or (
        current.source_kind == request.kind and stored_identity(desk.engine, request.kind) not in (None, url)
    ):
        raise ConnectionSettingsError(
            f"this workspace holds data from {current.source_kind} at {current.source_url}; "
            "connect another source in a workspace of its own (--data-dir)"
        )
    credentials.store(request.user.strip(), url, request.token.strip())
    current.source_kind = request.kind
    current.source_url = url
    current.source_user = request.user.strip()
    current.ca_bundle = request.ca_bundle
    current.rt_timezone = request.rt_timezone
    current.rt_queue = request.rt_queue
    current.zendesk_org_ids = list(request.zendesk_org_ids)
    current.zendesk_org_tag = request.zendesk_org_tag
    save_settings(desk.workspace.settings_file, current)
