"""The JSON shapes of the Zendesk Support API that the provider reads (msgspec structs).

Only the fields the provider uses are declared; unknown fields are ignored. Listing pages
keep their records as `msgspec.Raw` so each record is decoded on its own: one malformed
record is set aside (quarantined) and the rest of the page still lands.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import msgspec


class CursorMeta(msgspec.Struct):
    """`meta` of cursor pagination (`page[size]`, `page[after]`)."""

    has_more: bool = False
    after_cursor: str | None = None
    before_cursor: str | None = None


class Links(msgspec.Struct):
    next: str | None = None
    prev: str | None = None


# Records --------------------------------------------------------------------------------------


class Organization(msgspec.Struct):
    id: int
    name: str
    created_at: datetime
    updated_at: datetime
    tags: list[str] = []
    organization_fields: dict[str, Any] = {}


class User(msgspec.Struct):
    id: int
    name: str = ""
    email: str | None = None
    role: str = "end-user"
    """"end-user", "agent" or "admin"."""
    organization_id: int | None = None
    tags: list[str] = []
    user_fields: dict[str, Any] = {}
    created_at: datetime | None = None
    updated_at: datetime | None = None
    active: bool = True


class CustomFieldValue(msgspec.Struct):
    id: int
    value: Any = None


class Ticket(msgspec.Struct):
    id: int
    status: str
    created_at: datetime
    updated_at: datetime
    subject: str | None = None
    description: str | None = None
    priority: str | None = None
    requester_id: int | None = None
    organization_id: int | None = None
    custom_fields: list[CustomFieldValue] = []


class Comment(msgspec.Struct):
    id: int
    author_id: int
    public: bool
    created_at: datetime
    body: str = ""
    plain_body: str | None = None


class AuditEvent(msgspec.Struct):
    id: int
    type: str
    field_name: str | None = None
    value: Any = None
    previous_value: Any = None


class Audit(msgspec.Struct):
    id: int
    created_at: datetime
    author_id: int
    ticket_id: int | None = None
    events: list[AuditEvent] = []


class DeletedTicket(msgspec.Struct):
    id: int
    deleted_at: datetime | None = None


class AnyId(msgspec.Struct):
    """Just the id of a record that failed to decode (to name it in the quarantine)."""

    id: Any = None


# Envelopes ------------------------------------------------------------------------------------


class UserEnvelope(msgspec.Struct):
    user: User


class UsersPage(msgspec.Struct):
    users: list[msgspec.Raw]
    meta: CursorMeta | None = None
    links: Links | None = None


class OrganizationsPage(msgspec.Struct):
    organizations: list[msgspec.Raw]
    meta: CursorMeta | None = None
    links: Links | None = None


class SearchExportPage(msgspec.Struct):
    """`/api/v2/search/export`: results of one `filter[type]`, cursor paginated."""

    results: list[msgspec.Raw]
    meta: CursorMeta
    links: Links | None = None


class IncrementalTicketsPage(msgspec.Struct):
    """`/api/v2/incremental/tickets/cursor.json`."""

    tickets: list[msgspec.Raw]
    end_of_stream: bool
    after_cursor: str | None = None
    after_url: str | None = None


class CommentsPage(msgspec.Struct):
    comments: list[msgspec.Raw]
    users: list[User] = []
    meta: CursorMeta | None = None
    links: Links | None = None


class AuditsPage(msgspec.Struct):
    audits: list[msgspec.Raw]
    users: list[User] = []
    meta: CursorMeta | None = None
    links: Links | None = None


class TicketsPage(msgspec.Struct):
    """`/api/v2/tickets/show_many`."""

    tickets: list[msgspec.Raw]


class DeletedTicketsPage(msgspec.Struct):
    deleted_tickets: list[DeletedTicket]
    meta: CursorMeta | None = None
    links: Links | None = None


class TicketCursor(msgspec.Struct, omit_defaults=True, forbid_unknown_fields=False):
    """What the provider stores as the engine cursor of the cases and case_events streams.

    `orgs` maps each covered organization id to its own high-water mark (`since`) and the
    (ticket id, updated_at) pairs already seen within the overlap window before it, so
    tickets sharing one `updated_at` across a page or run boundary are neither lost nor
    repeated; a newly selected organization has no entry and is fetched from the start.
    `incremental` is the API's own cursor of the admin export. `n` numbers the pages of an
    unfinished run (each page's cursor must differ); it is absent once the run completed.
    """

    v: int = 1
    orgs: dict[str, OrgMark] = {}
    incremental: str | None = None
    deleted_since: datetime | None = None
    retry: list[int] = []
    """Tickets set aside in the last run: fetched again by id, since a ticket that does not
    change is not listed again (a transient bad payload would otherwise stay aside)."""
    n: int | None = None


class OrgMark(msgspec.Struct, omit_defaults=True):
    since: datetime | None = None
    seen: list[tuple[int, datetime]] = []


class IdSetCursor(msgspec.Struct, omit_defaults=True, forbid_unknown_fields=False):
    """Cursor of the accounts and contacts streams: the ids the last complete listing held
    (`ids`), so ids missing from the next listing become tombstones. An unfinished run keeps
    the previous set in `previous` and numbers its pages in `n`."""

    ids: list[int] | None = None
    previous: list[int] | None = None
    n: int | None = None
