"""A stateful fake of the Zendesk Support API v2, served on loopback by `fault_server`.

It follows the documented shapes of the endpoints the provider uses: cursor pagination
(`page[size]`, `page[after]`, `meta.has_more`, `meta.after_cursor`, `links.next`) for
listings and the search export, the incremental cursor export (`start_time` or `cursor`,
`after_cursor`, `after_url`, `end_of_stream`, deleted tickets with status "deleted"),
comments with the `users` sideload, audits with Change events, API token (basic
`email/token:TOKEN`) or Bearer authentication (401 otherwise), admin-only export (403).

Changes go through methods that move the ticket's `updated_at` to the fake's clock and
record an audit, as Zendesk does. Tests move the clock by hand.
"""

from __future__ import annotations

import base64
import json
import shlex
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from tests.unit.sync.fault_server import LoopbackServer, Reply, Request, serving

EMAIL = "ada@vendor.example"
TOKEN = "s3cret-Token-value"
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _encode_cursor(data: Any) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _decode_cursor(text: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))


def _json(status: int, data: Any, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(data).encode(), headers or {})


@dataclass
class FakeZendesk:
    """The state of one Zendesk instance, and the API over it (call it with a Request)."""

    email: str = EMAIL
    token: str = TOKEN
    now: datetime = START
    me_role: str = "agent"
    orgs: dict[int, dict[str, Any]] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    tickets: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    audits: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    deleted: dict[int, dict[str, Any]] = field(default_factory=dict)
    max_page_size: int = 1000
    # Misbehaviours the fault tests switch on:
    reverse_order: bool = False
    """Serve listings newest first (out of order)."""
    overlap_pages: int = 0
    """Each page after the first starts this many records early (records repeated across pages)."""
    repeat_cursor: bool = False
    """After the first page of a ticket listing, hand out the same cursor again and again."""
    between_pages: Callable[[FakeZendesk, str], None] | None = None
    """Called after each page of tickets is served (to change tickets between pages)."""
    served: list[str] = field(default_factory=list)
    _next_id: int = 1000

    # Building the state --------------------------------------------------------------

    def tick(self, minutes: float = 1) -> datetime:
        self.now += timedelta(minutes=minutes)
        return self.now

    def _id(self) -> int:
        self._next_id += 1
        return self._next_id

    def add_org(self, name: str, *, tags: tuple[str, ...] = (), **fields: Any) -> int:
        org_id = self._id()
        self.orgs[org_id] = {
            "id": org_id,
            "url": f"https://fake/api/v2/organizations/{org_id}.json",
            "name": name,
            "tags": list(tags),
            "organization_fields": dict(fields),
            "created_at": iso(START - timedelta(days=400)),
            "updated_at": iso(self.now),
            "domain_names": [],
            "details": "",
            "notes": "",
        }
        return org_id

    def add_user(
        self,
        name: str,
        email: str,
        *,
        role: str = "end-user",
        org: int | None = None,
        tags: tuple[str, ...] = (),
        **fields: Any,
    ) -> int:
        user_id = self._id()
        self.users[user_id] = {
            "id": user_id,
            "name": name,
            "email": email,
            "role": role,
            "organization_id": org,
            "tags": list(tags),
            "user_fields": dict(fields),
            "active": True,
            "created_at": iso(START - timedelta(days=300)),
            "updated_at": iso(self.now),
        }
        return user_id

    def add_ticket(
        self,
        org: int | None,
        requester: int,
        subject: str,
        *,
        priority: str | None = "normal",
        body: str = "It is broken.",
        custom_fields: list[dict[str, Any]] | None = None,
    ) -> int:
        ticket_id = self._id()
        self.tickets[ticket_id] = {
            "id": ticket_id,
            "url": f"https://fake/api/v2/tickets/{ticket_id}.json",
            "subject": subject,
            "raw_subject": subject,
            "description": body,
            "status": "new",
            "priority": priority,
            "type": None,
            "requester_id": requester,
            "submitter_id": requester,
            "assignee_id": None,
            "organization_id": org,
            "tags": [],
            "custom_fields": custom_fields or [],
            "created_at": iso(self.now),
            "updated_at": iso(self.now),
        }
        comment_id = self._id()
        self.comments[ticket_id] = [self._comment(comment_id, requester, body, True)]
        self.audits[ticket_id] = []
        self._audit(
            ticket_id,
            requester,
            [
                {"id": comment_id, "type": "Comment", "body": body, "public": True, "author_id": requester},
                {"id": self._id(), "type": "Create", "field_name": "status", "value": "new"},
                {"id": self._id(), "type": "Create", "field_name": "priority", "value": priority},
            ],
        )
        return ticket_id

    def _comment(self, comment_id: int, author: int, body: str, public: bool) -> dict[str, Any]:
        return {
            "id": comment_id,
            "type": "Comment",
            "author_id": author,
            "body": body,
            "html_body": f"<p>{body}</p>",
            "plain_body": body,
            "public": public,
            "attachments": [],
            "via": {"channel": "web"},
            "created_at": iso(self.now),
        }

    def _audit(self, ticket_id: int, author: int, events: list[dict[str, Any]]) -> None:
        self.audits[ticket_id].append(
            {
                "id": self._id(),
                "ticket_id": ticket_id,
                "created_at": iso(self.now),
                "author_id": author,
                "metadata": {},
                "events": events,
            }
        )
        self.tickets[ticket_id]["updated_at"] = iso(self.now)

    def comment(self, ticket_id: int, author: int, body: str, *, public: bool = True) -> int:
        comment_id = self._id()
        self.comments[ticket_id].append(self._comment(comment_id, author, body, public))
        self._audit(
            ticket_id,
            author,
            [{"id": comment_id, "type": "Comment", "body": body, "public": public, "author_id": author}],
        )
        return comment_id

    def change(self, ticket_id: int, author: int, field_name: str, value: Any) -> None:
        ticket = self.tickets[ticket_id]
        old = ticket[field_name]
        ticket[field_name] = value
        event = {"id": self._id(), "type": "Change", "field_name": field_name, "value": value, "previous_value": old}
        self._audit(ticket_id, author, [event])

    def touch(self, ticket_id: int) -> None:
        self.tickets[ticket_id]["updated_at"] = iso(self.now)

    def delete_ticket(self, ticket_id: int, actor: int) -> None:
        ticket = self.tickets[ticket_id]
        ticket["status"] = "deleted"
        ticket["updated_at"] = iso(self.now)
        self.deleted[ticket_id] = {
            "id": ticket_id,
            "subject": ticket["subject"],
            "actor": {"id": actor, "name": self.users[actor]["name"]},
            "previous_state": "open",
            "deleted_at": iso(self.now),
        }

    # The API ---------------------------------------------------------------------------

    def __call__(self, request: Request) -> Reply:
        if not self._authorized(request.headers.get("authorization", "")):
            return _json(401, {"error": "Couldn't authenticate you"})
        path = request.path.removesuffix(".json").rstrip("/")
        parts = path.split("/")[1:]  # api, v2, ...
        if parts[:2] != ["api", "v2"]:
            return _json(404, {"error": "InvalidEndpoint", "description": "Not found"})
        route = parts[2:]
        self.served.append(path)
        try:
            return self._route(route, request)
        except KeyError:
            return _json(404, {"error": "RecordNotFound", "description": "Not found"})

    def _authorized(self, header: str) -> bool:
        if header.startswith("Bearer "):
            return header[7:] == self.token
        if header.startswith("Basic "):
            try:
                decoded = base64.b64decode(header[6:]).decode()
            except ValueError:
                return False
            return decoded == f"{self.email}/token:{self.token}"
        return False

    def _me(self) -> dict[str, Any]:
        return {"id": 1, "name": "Ada Advisor", "email": self.email, "role": self.me_role, "organization_id": None}

    def _route(self, route: list[str], request: Request) -> Reply:
        match route:
            case ["users", "me"]:
                return _json(200, {"user": self._me()})
            case ["users", "show_many"]:
                ids = [int(i) for i in (request.arg("ids") or "").split(",") if i]
                return _json(200, {"users": [self.users[i] for i in ids if i in self.users]})
            case ["users", user_id]:
                return _json(200, {"user": self.users[int(user_id)]})
            case ["organizations"]:
                rows = sorted(self.orgs.values(), key=lambda o: o["id"])
                return self._cursor_listing(request, "organizations", rows)
            case ["organizations", "show_many"]:
                ids = [int(i) for i in (request.arg("ids") or "").split(",") if i]
                return _json(200, {"organizations": [self.orgs[i] for i in ids if i in self.orgs]})
            case ["organizations", org_id, "users"]:
                org = int(org_id)
                if org not in self.orgs:
                    raise KeyError(org)
                members = [u for u in self.users.values() if u["organization_id"] == org]
                return self._cursor_listing(request, "users", sorted(members, key=lambda u: u["id"]))
            case ["search", "export"]:
                return self._search_export(request)
            case ["incremental", "tickets", "cursor"]:
                return self._incremental(request)
            case ["tickets", "show_many"]:
                ids = [int(i) for i in (request.arg("ids") or "").split(",") if i]
                return _json(200, {"tickets": [self.tickets[i] for i in ids if i in self.tickets]})
            case ["tickets", ticket_id, "comments"]:
                ticket = int(ticket_id)
                if self.tickets[ticket]["status"] == "deleted":
                    raise KeyError(ticket)
                comments = self.comments[ticket]
                reply = self._cursor_listing(request, "comments", comments)
                if request.arg("include") == "users":
                    data = json.loads(reply.body)
                    authors = sorted({c["author_id"] for c in data["comments"]})
                    data["users"] = [self.users[a] for a in authors if a in self.users]
                    reply = _json(200, data)
                return reply
            case ["tickets", ticket_id, "audits"]:
                ticket = int(ticket_id)
                if self.tickets[ticket]["status"] == "deleted":
                    raise KeyError(ticket)
                return self._cursor_listing(request, "audits", self.audits[ticket])
            case ["deleted_tickets"]:
                rows = sorted(self.deleted.values(), key=lambda d: d["id"])
                return self._cursor_listing(request, "deleted_tickets", rows)
        return _json(404, {"error": "InvalidEndpoint", "description": "Not found"})

    def _page_size(self, request: Request, default: int = 100) -> int:
        return max(1, min(self.max_page_size, int(request.arg("page[size]") or default)))

    def _next_url(self, request: Request, cursor: str) -> str:
        query = {k: v[0] for k, v in request.query.items() if k != "page[after]"}
        query["page[after]"] = cursor
        return f"{request.base_url}{request.path}?{urlencode(query)}"

    def _cursor_listing(self, request: Request, key: str, rows: list[dict[str, Any]]) -> Reply:
        """Offset-backed cursor pagination for lists that only grow at the end."""
        size = self._page_size(request)
        after = request.arg("page[after]")
        start = _decode_cursor(after)["offset"] if after else 0
        chunk = rows[start : start + size]
        end = start + len(chunk)
        has_more = end < len(rows)
        after_cursor = _encode_cursor({"offset": end}) if chunk else None
        return _json(
            200,
            {
                key: chunk,
                "meta": {
                    "has_more": has_more,
                    "after_cursor": after_cursor,
                    "before_cursor": _encode_cursor({"offset": start}) if chunk else None,
                },
                "links": {"next": self._next_url(request, after_cursor) if has_more and after_cursor else None},
            },
        )

    def _search_export(self, request: Request) -> Reply:
        kind = request.arg("filter[type]")
        if kind not in ("ticket", "organization", "user", "group"):
            return _json(400, {"error": "InvalidParameter", "description": "filter[type] is required"})
        terms = shlex.split(request.arg("query") or "")
        if kind == "organization":
            rows = [o for o in self.orgs.values() if all(self._org_matches(o, t) for t in terms)]
            return self._cursor_listing(request, "results", sorted(rows, key=lambda o: o["id"]))
        rows = [
            t
            for t in self.tickets.values()
            if t["status"] != "deleted" and all(self._ticket_matches(t, term) for term in terms)
        ]
        reply = self._keyed_page(request, rows, "results", "page[size]", "page[after]")
        if self.between_pages is not None:
            self.between_pages(self, "search")
        return reply

    def _org_matches(self, org: dict[str, Any], term: str) -> bool:
        key, _, value = term.partition(":")
        if key == "tags":
            return value.lower() in (t.lower() for t in org["tags"])
        if key == "type":
            return value == "organization"
        return str(org["organization_fields"].get(key, "")).lower().startswith(value.lower())

    def _ticket_matches(self, ticket: dict[str, Any], term: str) -> bool:
        if term.startswith("updated>"):
            return _parse_time(ticket["updated_at"]) > _parse_time(term[len("updated>") :])
        key, _, value = term.partition(":")
        if key == "organization":
            return str(ticket["organization_id"]) == value
        if key == "type":
            return value == "ticket"
        if key == "status":
            return ticket["status"] == value
        return True

    @staticmethod
    def _key(ticket: dict[str, Any]) -> tuple[str, int]:
        return (ticket["updated_at"], ticket["id"])

    def _keyed_page(
        self, request: Request, rows: list[dict[str, Any]], key: str, size_arg: str, cursor_arg: str
    ) -> Reply:
        """Search-after pagination on (updated_at, id): a ticket changed between pages shows up again later."""
        size = max(1, min(self.max_page_size, int(request.arg(size_arg) or 100)))
        ordered = sorted(rows, key=self._key, reverse=self.reverse_order)
        after = request.arg(cursor_arg)
        if after:
            state = _decode_cursor(after)
            last = (state["k"][0], state["k"][1])
            if self.reverse_order:
                remaining = [r for r in ordered if self._key(r) < last]
            else:
                remaining = [r for r in ordered if self._key(r) > last]
            if self.overlap_pages:
                earlier = [r for r in ordered if r not in remaining][-self.overlap_pages :]
                remaining = earlier + remaining
            page_no = state["p"] + 1
        else:
            remaining, page_no = ordered, 0
        chunk = remaining[:size]
        has_more = len(remaining) > size
        after_cursor = _encode_cursor({"k": list(self._key(chunk[-1])), "p": page_no}) if chunk else after
        if self.repeat_cursor and after:
            after_cursor, has_more = after, True
        return _json(
            200,
            {
                key: chunk,
                "facets": None,
                "meta": {"has_more": has_more, "after_cursor": after_cursor, "before_cursor": None},
                "links": {"next": self._next_url(request, after_cursor) if has_more and after_cursor else None},
            },
        )

    def _incremental(self, request: Request) -> Reply:
        if self.me_role != "admin":
            return _json(403, {"error": "Forbidden", "description": "You do not have access to this page."})
        per_page = max(1, min(1000, int(request.arg("per_page") or 1000)))
        cursor = request.arg("cursor")
        rows = sorted(self.tickets.values(), key=self._key)
        if cursor:
            state = _decode_cursor(cursor)
            last = (state["k"][0], state["k"][1])
            remaining = [r for r in rows if self._key(r) > last]
        else:
            start = datetime.fromtimestamp(int(request.arg("start_time") or 0), UTC)
            remaining = [r for r in rows if _parse_time(r["updated_at"]) >= start]
            last = (iso(start), 0)
        if self.repeat_cursor and cursor:
            chunk, after_key, end = remaining[:per_page], last, False
        else:
            chunk = remaining[:per_page]
            after_key = self._key(chunk[-1]) if chunk else last
            end = len(remaining) <= per_page
        after_cursor = _encode_cursor({"k": list(after_key)})
        reply = _json(
            200,
            {
                "tickets": chunk,
                "after_url": f"{request.base_url}{request.path}?{urlencode({'cursor': after_cursor})}",
                "after_cursor": after_cursor,
                "before_url": None,
                "before_cursor": None,
                "end_of_stream": end,
            },
        )
        if self.between_pages is not None:
            self.between_pages(self, "incremental")
        return reply


@contextmanager
def running(fake: FakeZendesk) -> Iterator[LoopbackServer]:
    with serving(fake) as server:
        yield server


def populate(fake: FakeZendesk) -> dict[str, int]:
    """A small instance: two of the advisor's organizations (tag "advisor-ada"), one other,
    agents, end users (authorized or not), and tickets with comments and changes."""
    ids: dict[str, int] = {}
    ids["acme"] = fake.add_org(
        "Acme Corp",
        tags=("advisor-ada", "vip"),
        support_tier="gold",
        support_calendar="us-eastern",
        time_zone="America/New_York",
        contract_year_start="2026-03-01",
    )
    ids["globex"] = fake.add_org(
        "Globex GmbH", tags=("advisor-ada",), support_tier="Platinum", time_zone="Europe/Berlin"
    )
    ids["other"] = fake.add_org("Initech", tags=("advisor-bob",), support_tier="silver")
    ids["agent"] = fake.add_user("Sam Okafor", "sam@vendor.example", role="agent")
    ids["admin"] = fake.add_user("Alex Morgan", "alex@vendor.example", role="admin")
    ids["wile"] = fake.add_user("Wile Coyote", "wile@acme.example", org=ids["acme"], authorized_contact=True)
    ids["road"] = fake.add_user("Road Runner", "road@acme.example", org=ids["acme"], authorized_contact=False)
    ids["hans"] = fake.add_user("Hans Gruber", "hans@globex.example", org=ids["globex"], tags=("authorized",))
    ids["peter"] = fake.add_user("Peter Gibbons", "peter@initech.example", org=ids["other"])
    fake.tick(10)
    ids["t1"] = fake.add_ticket(ids["acme"], ids["wile"], "Dashboards down", priority="urgent")
    fake.tick(15)
    fake.comment(ids["t1"], ids["agent"], "Looking into it now.")
    fake.change(ids["t1"], ids["agent"], "status", "open")
    fake.tick(5)
    fake.comment(ids["t1"], ids["agent"], "Escalated to engineering.", public=False)
    fake.change(ids["t1"], ids["agent"], "priority", "high")
    fake.tick(30)
    ids["t2"] = fake.add_ticket(ids["globex"], ids["hans"], "Import fails", priority="normal")
    fake.tick(20)
    fake.comment(ids["t2"], ids["agent"], "Could you send the log?")
    fake.change(ids["t2"], ids["agent"], "status", "pending")
    fake.tick(5)
    ids["t3"] = fake.add_ticket(ids["acme"], ids["road"], "Question about exports", priority=None)
    ids["t4"] = fake.add_ticket(ids["other"], ids["peter"], "Not ours", priority="low")
    fake.tick(60)
    return ids
