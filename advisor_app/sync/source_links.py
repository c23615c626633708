"""Where a case lives in its source's web interface, so the advisor can answer it there.

The app is read-only towards the ticketing system; this is the way from a case to the same
ticket in Request Tracker or Zendesk. `ticket_url` is pure; the GUI opens what it returns.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from sqlalchemy import Connection, select

from advisor_app.store.schema import CaseRow

_API_SUFFIXES = {"rt": "/REST/2.0", "zendesk": "/api/v2"}


def web_base(kind: str, base_url: str) -> str | None:
    """The web interface's root for a connection URL: no trailing slash, no API path. None
    when the URL is not http(s) with a host."""
    split = urlsplit(base_url.strip())
    if split.scheme.lower() not in ("http", "https") or not split.hostname:
        return None
    path = split.path.rstrip("/")
    suffix = _API_SUFFIXES.get(kind, "")
    if suffix and path.lower().endswith(suffix.lower()):
        path = path[: -len(suffix)].rstrip("/")
    return f"{split.scheme.lower()}://{split.netloc}{path}"


def ticket_url(kind: str | None, base_url: str, remote_id: str) -> str | None:
    """The ticket's page in the source's web interface; None when the source has none (the
    demo, no source) or the id is not a ticket number."""
    if kind not in ("rt", "zendesk") or not remote_id.isdigit():
        return None
    base = web_base(kind, base_url)
    if base is None:
        return None
    number = quote(str(int(remote_id)), safe="")
    if kind == "rt":
        return f"{base}/Ticket/Display.html?id={number}"
    return f"{base}/agent/tickets/{number}"


def case_ticket_url(connection: Connection, case_id: int, kind: str | None, base_url: str) -> str | None:
    """`ticket_url` of a stored case, when it came from the workspace's source (`kind`)."""
    row = connection.execute(select(CaseRow.source, CaseRow.remote_id).where(CaseRow.id == case_id)).one_or_none()
    if row is None or row.source != kind:
        return None
    return ticket_url(kind, base_url, row.remote_id)
