"""The REST2 JSON of Request Tracker 5 that the RT provider reads, as msgspec structs.

Shapes as measured against RT 5.0.3 (tests/integration/rt/NOTES.md):

- The top-level `id` of a single record is an int; ids in refs and collection items are
  strings; user refs carry the user *name* as `id`.
- Dates are UTC with a literal `Z`, one-second precision; unset dates are 1970-01-01.
- Collections carry `count page per_page total pages items`; `total`, `pages` and
  `next_page` are null or absent unless the user "can see all" (always for /tickets,
  only a SuperUser's for history and assets). `pages` is 0.0 (a float) when nothing matched.
- Fields nobody reads here are ignored; a field that is read and has another type fails
  the decode with the path of the field (`$.items[3].LastUpdated`).
"""

from __future__ import annotations

from datetime import datetime

import msgspec


class Ref(msgspec.Struct, frozen=True):
    """A reference to another record: {"type": "user", "id": "alice", "_url": ...}."""

    id: str
    type: str = ""


class CustomFieldValues(msgspec.Struct, frozen=True):
    """One entry of `CustomFields`: found by name or id, never by position (the order is not stable).

    A value set to the empty string comes back as null."""

    id: str
    name: str
    values: list[str | None] = []

    def first(self) -> str:
        """The first value, stripped; "" when there is none."""
        return (self.values[0] or "").strip() if self.values else ""


class Collection(msgspec.Struct, frozen=True):
    """The paging part every collection shares."""

    count: int
    page: int
    per_page: int
    total: int | None = None
    pages: float | None = None
    next_page: str | None = None

    def is_last(self) -> bool:
        """True when no page follows: `pages` when the server tells, else a short page."""
        if self.count < self.per_page:
            return True
        if self.pages is not None:
            return self.page >= self.pages
        return False


class TicketItem(msgspec.Struct, frozen=True):
    """A ticket in a search result asked for with `fields=`."""

    id: str
    LastUpdated: datetime
    Subject: str = ""
    Status: str = ""
    Created: datetime | None = None
    Requestor: list[Ref] = []
    CustomFields: list[CustomFieldValues] = []

    def custom_field(self, name: str) -> CustomFieldValues | None:
        return next((entry for entry in self.CustomFields if entry.name == name), None)


class TicketPage(Collection, frozen=True):
    items: list[TicketItem] = []


class Ticket(msgspec.Struct, frozen=True):
    """GET /ticket/{id}: only what the deletion re-check reads."""

    id: int
    Status: str
    LastUpdated: datetime
    EffectiveId: Ref | None = None


class Transaction(msgspec.Struct, frozen=True):
    """A history entry asked for with `fields=Type,Creator,Created,Field,OldValue,NewValue`.

    For a CustomField transaction `Field` is the custom field's id and the values are the
    field's values; for a Status transaction `Field` is "Status" and the values are statuses.
    """

    id: str
    Type: str
    Creator: Ref
    Created: datetime
    Field: str | None = None
    OldValue: str | None = None
    NewValue: str | None = None


class TransactionPage(Collection, frozen=True):
    items: list[Transaction] = []


class Attachment(msgspec.Struct, frozen=True):
    ContentType: str = ""
    Content: str | None = None


class AttachmentPage(Collection, frozen=True):
    items: list[Attachment] = []


class User(msgspec.Struct, frozen=True):
    """GET /user/{name} as a user without AdminUsers: these four fields (and hyperlinks) only."""

    Name: str
    Privileged: int = 0
    RealName: str | None = None
    EmailAddress: str | None = None


class AssetItem(msgspec.Struct, frozen=True):
    """An asset of the accounts catalog, asked for with `fields=`."""

    id: str
    Name: str
    LastUpdated: datetime
    Status: str = ""
    Description: str | None = None
    CustomFields: list[CustomFieldValues] = []

    def custom_field(self, name: str) -> CustomFieldValues | None:
        return next((entry for entry in self.CustomFields if entry.name == name), None)


class AssetPage(Collection, frozen=True):
    items: list[AssetItem] = []


class Catalog(msgspec.Struct, frozen=True):
    id: int
    Name: str


class GroupItem(msgspec.Struct, frozen=True):
    id: str
    Name: str = ""
    Domain: str = ""


class GroupPage(Collection, frozen=True):
    items: list[GroupItem] = []


class Group(msgspec.Struct, frozen=True):
    """GET /group/{id}: `Members` are the direct members, users (by name) and groups (by id)."""

    id: int
    Name: str
    Members: list[Ref] = []
