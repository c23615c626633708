"""Zendesk Support as a source, scoped to one advisor's organizations.

Streams and endpoints (Zendesk REST API v2):

- accounts: the advisor's organizations, chosen by the workspace's rule
  (`advisor_app.sync.selection`: those whose named-advisor field names the advisor or that
  carry the advisor's tag, found by `/search/export?filter[type]=organization` and checked
  again on our side since search matches loosely, plus ids added by hand through
  `/organizations/show_many`, minus those removed; every organization when asked), or by
  one of the older single ways: a list of ids, a tag, or a field value. Tier, calendar
  (region), time zone, contract year start and status come from configurable organization
  fields, with defaults.
- contacts: end users of those organizations (`/organizations/{id}/users`); `authorized`
  from a configurable user field or tag.
- cases: tickets of those organizations. An agent's token uses `/search/export` with
  `filter[type]=ticket` and `organization:{id} updated>{since - overlap}` per organization,
  cursor paginated; an admin's token uses the incremental cursor export
  (`/incremental/tickets/cursor.json`, `start_time` then `cursor`, until `end_of_stream`).
  Deleted tickets become tombstones (`status: deleted` in the export, `/deleted_tickets`
  for agents).
- case_events: for each changed ticket, its comments (`/tickets/{id}/comments?include=users`)
  and the status and priority (or severity field) changes of its audits (`/tickets/{id}/audits`).

Lists and pages that cannot be read fail the stream with a typed `HttpError`; a single
record that cannot be read or mapped goes to `Page.quarantined` with the reason and its JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from advisor_app.domain import (
    Account,
    Case,
    CaseEvent,
    CaseStatus,
    Contact,
    ContractStatus,
    EventKind,
    Severity,
    load_tiers,
)
from advisor_app.domain.status_map import effective_status_map
from advisor_app.errors import AdvisorError
from advisor_app.sync.engine import SyncError
from advisor_app.sync.http import (
    DEFAULT_TIMEOUTS,
    CancelToken,
    HttpClient,
    HttpForbiddenError,
    HttpNotFoundError,
    OnWait,
    Sleeper,
    Timeouts,
    basic_token_auth,
    bearer_auth,
    event_sleeper,
)
from advisor_app.sync.provider import Page, Quarantined, Record
from advisor_app.sync.providers import zendesk_payloads as z
from advisor_app.sync.selection import AccountRule, Candidate, Verdict, chosen_ids, evaluate

log = logging.getLogger(__name__)

SOURCE = "zendesk"

STATUSES: Mapping[str, CaseStatus] = effective_status_map("zendesk", {})
"""Zendesk's statuses by meaning (SLA.md); `ZendeskConfig.status_map` holds the workspace's."""
DELETED = "deleted"
PRIORITIES: Mapping[str, Severity] = {
    "urgent": Severity.CRITICAL,
    "high": Severity.MAJOR,
    "normal": Severity.MINOR,
    "low": Severity.MINOR,
}
AGENT_ROLES = frozenset({"agent", "admin"})
SYSTEM_USER_ID = -1  # Zendesk's author id of changes made by the system
RETRY_LIMIT = 500  # tickets set aside that the next run fetches again by id

S = TypeVar("S")


class ZendeskConfigError(AdvisorError):
    """The Zendesk settings are not usable; the message names the setting."""


@dataclass(frozen=True, slots=True)
class ZendeskConfig:
    """How the advisor's data is found in a Zendesk instance (exactly one way to choose organizations)."""

    organization_ids: tuple[int, ...] = ()
    organization_tag: str | None = None
    organization_field: tuple[str, str] | None = None
    """(field key, value) of an organization field, e.g. ("named_advisor", "ada@vendor.example")."""
    selection: AccountRule | None = None
    """The advisor's rule (named advisor, tag, added ids, removed); replaces the three ways above."""

    tier_field: str = "support_tier"
    tier_values: Mapping[str, str] = field(default_factory=dict)
    """Field value -> tier id, for drop-down fields whose values are tags ("tier_gold" -> "gold")."""
    default_tier: str = "standard"
    region_field: str = "support_calendar"
    default_region: str = "us-mountain"
    timezone_field: str = "time_zone"
    default_timezone: str = "America/Denver"
    contract_start_field: str = "contract_year_start"
    """A date field (YYYY-MM-DD); without a value the organization's creation date is used."""
    contract_status_field: str = "contract_status"
    named_advisor_field: str = "named_advisor"
    advisor_name: str | None = None
    """Named advisor of accounts whose tier has one and whose field is empty."""

    authorized_user_field: str | None = "authorized_contact"
    authorized_user_tag: str | None = None

    severity_field_id: int | None = None
    """A ticket field holding the severity; without one (or when it is empty) the priority is used."""
    severity_values: Mapping[str, int] = field(default_factory=dict)
    """Severity field value -> 1, 2 or 3."""
    default_severity: Severity = Severity.MINOR
    """The severity of a ticket without a priority."""

    status_map: Mapping[str, CaseStatus] = field(default_factory=lambda: dict(STATUSES))
    """Zendesk status -> its meaning; a ticket in a status not here is set aside."""

    page_size: int = 100
    overlap: timedelta = timedelta(minutes=5)
    """Search results lag behind changes by a few minutes: each query starts this long before the mark."""
    history_start: datetime | None = None
    """Tickets updated before this are not fetched on the first sync (None: all)."""

    def __post_init__(self) -> None:
        ways = sum(
            (
                bool(self.organization_ids),
                self.organization_tag is not None,
                self.organization_field is not None,
                self.selection is not None,
            )
        )
        if self.selection is not None and not self.selection.selects_anything():
            raise ZendeskConfigError(
                "the account selection selects nothing: name the advisor, a tag, or organizations to add"
            )
        if ways != 1:
            raise ZendeskConfigError(
                "choose the advisor's organizations in exactly one way: a list of ids, a tag, or an organization field"
            )
        if not 1 <= self.page_size <= 1000:
            raise ZendeskConfigError(f"page size {self.page_size} is not between 1 and 1000")
        for value, severity in self.severity_values.items():
            if severity not in (1, 2, 3):
                raise ZendeskConfigError(f"severity value {value!r} maps to {severity}, not 1, 2 or 3")
        if self.history_start is not None and self.history_start.tzinfo is None:
            raise ZendeskConfigError("history_start must be an aware datetime")


class _Invalid(Exception):
    """A record that cannot be mapped; the message is the quarantine reason."""


@dataclass(slots=True)
class _Batch:
    """Tickets of one API page, ready for the cases or case_events stream."""

    tickets: list[z.Ticket]
    quarantined: list[Quarantined]
    removed: list[str]
    run: _TicketRun
    number: int | None
    """The page's number in an unfinished run; None for the last page of a complete one."""

    def cursor(self, set_aside: set[int]) -> str:
        """The cursor to store with this page, once the stream knows which tickets it set aside."""
        self.run.retry |= set_aside
        return self.run.cursor(self.number)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _raw_text(raw: msgspec.Raw) -> str:
    return bytes(raw).decode("utf-8", errors="replace")


def _raw_id(raw: msgspec.Raw) -> str:
    try:
        found = msgspec.json.decode(raw, type=z.AnyId).id
    except (msgspec.ValidationError, msgspec.DecodeError):
        return "?"
    return "?" if found is None else str(found)


def _decode_record(raw: msgspec.Raw, kind: type[S], what: str) -> S:
    try:
        return msgspec.json.decode(raw, type=kind)
    except msgspec.ValidationError as error:
        raise _Invalid(f"{what}: {error}") from None
    except msgspec.DecodeError as error:  # pragma: no cover - the page itself decoded
        raise _Invalid(f"{what}: not JSON: {error}") from None


def _truthy(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "y", "on", "x")
    return bool(value)


class ZendeskProvider:
    """A provider (see `advisor_app.sync.provider.Provider`) reading one Zendesk instance.

    `admin`: True when the token is an admin's (the incremental export is used), False
    when it is an agent's (search export), None to ask `/api/v2/users/me` once.
    """

    def __init__(
        self,
        client: HttpClient,
        config: ZendeskConfig,
        *,
        admin: bool | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client = client
        self.config = config
        self.now = now
        self._admin = admin
        self._organizations: dict[int, z.Organization] | None = None
        self._org_problems: list[Quarantined] = []
        self._accounts: dict[int, Account] = {}
        self.selection: list[Verdict] | None = None
        """The rule's verdict on each organization the rule's searches found (rule only)."""
        self._users: dict[int, z.User] = {}

    @property
    def source(self) -> str:
        return SOURCE

    @property
    def identity(self) -> str:
        return self.client.origin

    @property
    def is_admin(self) -> bool:
        if self._admin is None:
            me = self.client.get_json("/api/v2/users/me.json", z.UserEnvelope)
            self._admin = me.user.role == "admin"
            log.info("zendesk token belongs to a user with role %s", me.user.role)
        return self._admin

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        if stream == "accounts":
            yield from self._account_pages(cursor)
        elif stream == "contacts":
            yield from self._contact_pages(cursor)
        elif stream == "cases":
            for batch in self._ticket_batches(cursor):
                yield self._case_page(batch)
        elif stream == "case_events":
            for batch in self._ticket_batches(cursor):
                yield self._event_page(batch)
        elif stream == "usage_metrics":
            return  # Zendesk has no product usage figures
        else:
            raise ValueError(f"unknown stream {stream!r}")

    # Listing helpers ----------------------------------------------------------------------

    def _cursor_pages(self, path: str, kind: type[S], params: dict[str, Any], what: str) -> Iterator[S]:
        """Every page of a cursor-paginated listing (`page[size]`, `meta.has_more`, `links.next`)."""
        url: str = path
        query: dict[str, Any] | None = {**params, "page[size]": self.config.page_size}
        seen: set[str] = set()
        while True:
            page = self.client.get_json(url, kind, query)
            yield page
            meta: z.CursorMeta | None = getattr(page, "meta", None)
            if meta is None or not meta.has_more:
                return
            after = meta.after_cursor
            if not after:
                raise SyncError(f"zendesk {what}: the server said there is more but gave no cursor")
            if after in seen:
                raise SyncError(f"zendesk {what}: the server repeated cursor {after!r}; stopped to avoid a loop")
            seen.add(after)
            links: z.Links | None = getattr(page, "links", None)
            if links is not None and links.next:
                url, query = links.next, None
            else:
                url, query = path, {**params, "page[size]": self.config.page_size, "page[after]": after}

    def _load_users(self, ids: set[int]) -> None:
        wanted = sorted(i for i in ids if i not in self._users and i != SYSTEM_USER_ID)
        for start in range(0, len(wanted), 100):
            chunk = wanted[start : start + 100]
            page = self.client.get_json(
                "/api/v2/users/show_many.json", z.UsersPage, {"ids": ",".join(str(i) for i in chunk)}
            )
            for raw in page.users:
                try:
                    user = _decode_record(raw, z.User, "user")
                except _Invalid as error:
                    log.warning("zendesk user %s unreadable: %s", _raw_id(raw), error)
                    continue
                self._users[user.id] = user

    def _who(self, user_id: int | None) -> str:
        if user_id is None:
            return ""
        if user_id == SYSTEM_USER_ID:
            return "system"
        user = self._users.get(user_id)
        if user is None:
            return f"zendesk-user-{user_id}"
        if user.role in AGENT_ROLES:
            return user.name or user.email or f"zendesk-user-{user_id}"
        return user.email or user.name or f"zendesk-user-{user_id}"

    # Accounts -------------------------------------------------------------------------------

    def organizations(self) -> dict[int, z.Organization]:
        """The advisor's organizations (fetched once per provider), by id."""
        if self._organizations is not None:
            return self._organizations
        config = self.config
        found: dict[int, z.Organization] = {}
        problems: list[Quarantined] = []

        def take(raw: msgspec.Raw) -> None:
            try:
                org = _decode_record(raw, z.Organization, "organization")
            except _Invalid as error:
                problems.append(Quarantined(_raw_id(raw), str(error), _raw_text(raw)))
                return
            if self._selected(org):
                found[org.id] = org

        if config.selection is not None:
            found, problems = self._organizations_by_rule(config.selection)
        elif config.organization_ids:
            ids = sorted(set(config.organization_ids))
            for start in range(0, len(ids), 100):
                chunk = ids[start : start + 100]
                page = self.client.get_json(
                    "/api/v2/organizations/show_many.json",
                    z.OrganizationsPage,
                    {"ids": ",".join(str(i) for i in chunk)},
                )
                for raw in page.organizations:
                    take(raw)
            decoded = {int(q.remote_id) for q in problems if q.remote_id.isdigit()}
            for missing in sorted(set(ids) - set(found) - decoded):
                problems.append(
                    Quarantined(str(missing), f"organization {missing} does not exist or this token cannot see it")
                )
        else:
            if config.organization_tag is not None:
                query = f'tags:"{config.organization_tag}"'
            else:
                assert config.organization_field is not None
                key, value = config.organization_field
                query = f'{key}:"{value}"'
            params = {"query": query, "filter[type]": "organization"}
            pages = self._cursor_pages("/api/v2/search/export.json", z.SearchExportPage, params, "organizations")
            for search_page in pages:
                for raw in search_page.results:
                    take(raw)
        self._organizations = found
        self._org_problems = problems
        return found

    def _organizations_by_rule(
        self, rule: AccountRule, *, every_organization: bool = False
    ) -> tuple[dict[int, z.Organization], list[Quarantined]]:
        """The organizations the rule selects, and those that cannot be read; sets `selection`."""
        fetched: dict[int, z.Organization] = {}
        problems: list[Quarantined] = []

        def take(raws: Sequence[msgspec.Raw]) -> None:
            for raw in raws:
                try:
                    org = _decode_record(raw, z.Organization, "organization")
                except _Invalid as error:
                    problems.append(Quarantined(_raw_id(raw), str(error), _raw_text(raw)))
                    continue
                fetched[org.id] = org

        ids = sorted({int(a) for a in rule.added if a.strip().isdigit()})
        if every_organization or rule.all_accounts or len(ids) < len(rule.added):
            for page in self._cursor_pages("/api/v2/organizations.json", z.OrganizationsPage, {}, "organizations"):
                take(page.organizations)
        else:
            searches = [f'{self.config.named_advisor_field}:"{name}"' for name in rule.advisors]
            searches += [f'tags:"{rule.tag}"'] if rule.tag else []
            for query in searches:
                params = {"query": query, "filter[type]": "organization"}
                for found in self._cursor_pages("/api/v2/search/export.json", z.SearchExportPage, params, query):
                    take(found.results)
            for start in range(0, len(ids), 100):
                chunk = ",".join(str(i) for i in ids[start : start + 100])
                take(
                    self.client.get_json(
                        "/api/v2/organizations/show_many.json", z.OrganizationsPage, {"ids": chunk}
                    ).organizations
                )
        candidates = []
        for org in fetched.values():
            try:
                self._account(org)
                problem = ""
            except _Invalid as error:
                problem = str(error)
            advisor = org.organization_fields.get(self.config.named_advisor_field)
            candidates.append(Candidate(str(org.id), org.name, str(advisor or "").strip(), tuple(org.tags), problem))
        self.selection = evaluate(rule, candidates)
        chosen = chosen_ids(self.selection)
        return {i: org for i, org in fetched.items() if str(i) in chosen}, problems

    def account_selection(self) -> list[Verdict]:
        """The rule's verdict on every organization the token can see (for `advisor-app accounts`)."""
        rule = self.config.selection
        if rule is None:
            raise ZendeskConfigError("this workspace chooses its organizations by a fixed list, not by a rule")
        self._organizations_by_rule(rule, every_organization=True)
        assert self.selection is not None
        return self.selection

    def _selected(self, org: z.Organization) -> bool:
        config = self.config
        if config.organization_ids:
            return org.id in config.organization_ids
        if config.organization_tag is not None:
            return config.organization_tag.lower() in (tag.lower() for tag in org.tags)
        assert config.organization_field is not None
        key, value = config.organization_field
        actual = org.organization_fields.get(key)
        return actual is not None and str(actual).strip().lower() == value.strip().lower()

    def _account(self, org: z.Organization) -> Account:
        config = self.config
        fields = org.organization_fields
        raw_tier = fields.get(config.tier_field)
        tier_text = str(raw_tier).strip().lower() if raw_tier not in (None, "") else config.default_tier
        tier_id = config.tier_values.get(tier_text, tier_text)
        try:
            tier = load_tiers().get(tier_id)
        except KeyError:
            known = ", ".join(t.id for t in load_tiers())
            raise _Invalid(
                f"organization field {config.tier_field}: {raw_tier!r} is not a support tier (known: {known})"
            ) from None
        region = str(fields.get(config.region_field) or config.default_region).strip()
        timezone = str(fields.get(config.timezone_field) or config.default_timezone).strip()
        try:
            ZoneInfo(timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise _Invalid(f"organization field {config.timezone_field}: unknown time zone {timezone!r}") from None
        raw_start = fields.get(config.contract_start_field)
        if raw_start in (None, ""):
            start = org.created_at.astimezone(UTC).date()
        else:
            try:
                start = date.fromisoformat(str(raw_start)[:10])
            except ValueError:
                raise _Invalid(
                    f"organization field {config.contract_start_field}: {raw_start!r} is not a date (YYYY-MM-DD)"
                ) from None
        raw_status = fields.get(config.contract_status_field)
        try:
            status = ContractStatus(str(raw_status).strip().lower()) if raw_status else ContractStatus.ACTIVE
        except ValueError:
            known = ", ".join(s.value for s in ContractStatus)
            raise _Invalid(
                f"organization field {config.contract_status_field}: {raw_status!r} is not a contract status "
                f"(known: {known})"
            ) from None
        advisor = fields.get(config.named_advisor_field)
        named = str(advisor).strip() if advisor else (config.advisor_name if tier.named_advisor else None)
        return Account(
            source=SOURCE,
            remote_id=str(org.id),
            name=org.name,
            tier=tier.id,
            region=region,
            timezone=timezone,
            contract_year_start=start,
            named_advisor=named or None,
            contract_status=status,
            updated_at=org.updated_at,
        )

    def accounts(self) -> tuple[dict[int, Account], list[Quarantined]]:
        """Valid accounts by organization id, and the organizations set aside."""
        orgs = self.organizations()
        problems = list(self._org_problems)
        accounts: dict[int, Account] = {}
        for org_id, org in orgs.items():
            try:
                accounts[org_id] = self._account(org)
            except _Invalid as error:
                problems.append(Quarantined(str(org_id), str(error), msgspec.json.encode(org).decode()))
        self._accounts = accounts
        return accounts, problems

    def _account_pages(self, cursor: str | None) -> Iterator[Page]:
        previous = _previous_ids(cursor)
        accounts, problems = self.accounts()
        # An organization that is still selected but set aside is not a tombstone.
        current = set(self.organizations()) | {int(q.remote_id) for q in problems if q.remote_id.isdigit()}
        if previous and not current:
            raise SyncError(
                "zendesk: no organization matches the selection any more; nothing was removed "
                "(check the organization ids, tag or field in the settings)"
            )
        removed = sorted(previous - current) if previous is not None else []
        yield Page(
            "accounts",
            [accounts[i] for i in sorted(accounts)],
            _id_set_cursor(current),
            removed=[str(i) for i in removed],
            quarantined=problems,
        )

    # Contacts -------------------------------------------------------------------------------

    def _contact(self, user: z.User, account_id: int) -> Contact:
        config = self.config
        if user.updated_at is None:
            raise _Invalid("user has no updated_at")
        authorized = False
        if config.authorized_user_field is not None:
            authorized = _truthy(user.user_fields.get(config.authorized_user_field))
        if config.authorized_user_tag is not None and config.authorized_user_tag.lower() in (
            t.lower() for t in user.tags
        ):
            authorized = True
        return Contact(
            source=SOURCE,
            remote_id=str(user.id),
            account_remote_id=str(account_id),
            name=user.name,
            email=user.email or "",
            authorized=authorized,
            updated_at=user.updated_at,
        )

    def _contact_pages(self, cursor: str | None) -> Iterator[Page]:
        previous = _previous_ids(cursor)
        if not self._accounts:
            self.accounts()
        account_ids = sorted(self._accounts)
        current: set[int] = set()
        number = 0
        for org_id in account_ids:
            path = f"/api/v2/organizations/{org_id}/users.json"
            for page in self._cursor_pages(path, z.UsersPage, {}, f"users of organization {org_id}"):
                records: list[Contact] = []
                problems: list[Quarantined] = []
                for raw in page.users:
                    try:
                        user = _decode_record(raw, z.User, "user")
                    except _Invalid as error:
                        problems.append(Quarantined(_raw_id(raw), str(error), _raw_text(raw)))
                        continue
                    self._users[user.id] = user
                    if user.role in AGENT_ROLES or user.id in current:
                        continue
                    current.add(user.id)
                    home = user.organization_id if user.organization_id in self._accounts else org_id
                    try:
                        records.append(self._contact(user, home))
                    except _Invalid as error:
                        problems.append(Quarantined(str(user.id), str(error), _raw_text(raw)))
                number += 1
                yield Page(
                    "contacts",
                    records,
                    msgspec.json.encode(
                        z.IdSetCursor(previous=sorted(previous) if previous is not None else None, n=number)
                    ).decode(),
                    quarantined=problems,
                )
        removed = sorted(previous - current) if previous is not None else []
        yield Page("contacts", [], _id_set_cursor(current), removed=[str(i) for i in removed])

    # Tickets --------------------------------------------------------------------------------

    def _ticket_batches(self, cursor: str | None) -> Iterator[_Batch]:
        """Tickets of the advisor's organizations changed since `cursor`, one batch per API page.

        Each batch carries the cursor to store once it is written: within a run it keeps
        the marks of the organizations not finished yet, so a failure resumes without loss.
        """
        state = _parse_ticket_cursor(cursor)
        if not self._accounts:
            self.accounts()
        # Marks of organizations no longer selected are dropped: selected again, they are read whole.
        current = {key: mark for key, mark in state.orgs.items() if key.isdigit() and int(key) in self._accounts}
        state = msgspec.structs.replace(state, orgs=current)
        run = _TicketRun(self, state)
        yield from run.retry_earlier()
        if self.is_admin and state.incremental is not None:
            # Organizations selected since the export started are fetched whole by search first.
            for org_id in sorted(self._accounts):
                if str(org_id) not in state.orgs:
                    yield from run.search_org(org_id)
            yield from run.incremental()
        elif self.is_admin:
            yield from run.incremental()
        else:
            for org_id in sorted(self._accounts):
                yield from run.search_org(org_id)
            yield from run.deleted_tickets()
        yield run.final_batch()

    def _case(self, ticket: z.Ticket) -> Case:
        status = self.config.status_map.get(ticket.status.lower())
        if status is None:
            raise _Invalid(f"status {ticket.status!r} is not in the status map ({', '.join(self.config.status_map)})")
        if ticket.organization_id not in self._accounts:
            raise _Invalid(f"organization {ticket.organization_id} is not one of the advisor's organizations")
        return Case(
            source=SOURCE,
            remote_id=str(ticket.id),
            account_remote_id=str(ticket.organization_id),
            subject=ticket.subject or "",
            description=ticket.description or "",
            requester=self._who(ticket.requester_id),
            severity=self._severity(ticket),
            status=status,
            created_at=ticket.created_at,
            updated_at=ticket.updated_at,
            source_status=ticket.status.lower(),
        )

    def _severity(self, ticket: z.Ticket) -> Severity:
        field_id = self.config.severity_field_id
        if field_id is not None:
            value = next((f.value for f in ticket.custom_fields if f.id == field_id), None)
            if value not in (None, ""):
                return self._severity_value(value, f"ticket field {field_id}")
        return self._priority(ticket.priority)

    def _severity_value(self, value: Any, what: str) -> Severity:
        mapped = self.config.severity_values.get(str(value))
        if mapped is None:
            known = ", ".join(self.config.severity_values) or "none configured"
            raise _Invalid(f"{what}: {value!r} is not a known severity value (known: {known})")
        return Severity(mapped)

    def _changed_severity(self, value: Any) -> Severity:
        field_id = self.config.severity_field_id
        if field_id is None:
            return self._priority(value)
        if value in (None, ""):
            return self.config.default_severity
        return self._severity_value(value, f"ticket field {field_id}")

    def _priority(self, priority: Any) -> Severity:
        if priority in (None, ""):
            return self.config.default_severity
        severity = PRIORITIES.get(str(priority).lower())
        if severity is None:
            raise _Invalid(f"priority {priority!r} is not one of {', '.join(PRIORITIES)}")
        return severity

    def _case_page(self, batch: _Batch) -> Page:
        self._load_users({t.requester_id for t in batch.tickets if t.requester_id is not None})
        records: list[Record] = []
        problems = list(batch.quarantined)
        set_aside: set[int] = set()
        for ticket in batch.tickets:
            try:
                records.append(self._case(ticket))
            except _Invalid as error:
                set_aside.add(ticket.id)
                problems.append(Quarantined(str(ticket.id), str(error), msgspec.json.encode(ticket).decode()))
        return Page("cases", records, batch.cursor(set_aside), removed=batch.removed, quarantined=problems)

    # Events ---------------------------------------------------------------------------------

    def _event_page(self, batch: _Batch) -> Page:
        records: list[Record] = []
        # Tickets that could not be read are reported by the cases stream (and fetched again
        # by both streams next time); here only the events' own problems are set aside.
        problems: list[Quarantined] = []
        set_aside: set[int] = set()
        for ticket in batch.tickets:
            try:
                self._case(ticket)
            except _Invalid:
                set_aside.add(ticket.id)
                continue  # set aside by the cases stream; its events wait until it is fixed
            try:
                events, bad = self.events_of(ticket)
            except HttpNotFoundError:
                # Deleted since it was listed: the cases stream turns it into a tombstone.
                log.info("zendesk ticket %s vanished before its comments were read", ticket.id)
                continue
            records.extend(events)
            problems.extend(bad)
            if bad:
                set_aside.add(ticket.id)
        return Page("case_events", records, batch.cursor(set_aside), quarantined=problems)

    def events_of(self, ticket: z.Ticket) -> tuple[list[CaseEvent], list[Quarantined]]:
        """The comments and the status and severity changes of one ticket, oldest first."""
        events: list[CaseEvent] = []
        problems: list[Quarantined] = []
        case_id = str(ticket.id)
        comments: list[z.Comment] = []
        path = f"/api/v2/tickets/{ticket.id}/comments.json"
        for page in self._cursor_pages(path, z.CommentsPage, {"include": "users"}, f"comments of ticket {ticket.id}"):
            for user in page.users:
                self._users[user.id] = user
            for raw in page.comments:
                try:
                    comments.append(_decode_record(raw, z.Comment, f"comment of ticket {ticket.id}"))
                except _Invalid as error:
                    problems.append(Quarantined(f"{case_id}-c{_raw_id(raw)}", str(error), _raw_text(raw)))
        self._load_users({c.author_id for c in comments})
        for comment in comments:
            author = self._users.get(comment.author_id)
            if not comment.public:
                kind = EventKind.INTERNAL_NOTE
            elif author is not None:
                kind = EventKind.AGENT_REPLY if author.role in AGENT_ROLES else EventKind.CUSTOMER_MESSAGE
            else:
                kind = EventKind.CUSTOMER_MESSAGE if comment.author_id == ticket.requester_id else EventKind.AGENT_REPLY
            events.append(
                CaseEvent(
                    SOURCE,
                    f"{case_id}-c{comment.id}",
                    case_id,
                    kind,
                    comment.created_at,
                    self._who(comment.author_id),
                    comment.body if comment.body else (comment.plain_body or ""),
                )
            )
        severity_field = str(self.config.severity_field_id) if self.config.severity_field_id is not None else "priority"
        path = f"/api/v2/tickets/{ticket.id}/audits.json"
        audits: list[z.Audit] = []
        for audits_page in self._cursor_pages(path, z.AuditsPage, {}, f"audits of ticket {ticket.id}"):
            for user in audits_page.users:
                self._users[user.id] = user
            for raw in audits_page.audits:
                try:
                    audits.append(_decode_record(raw, z.Audit, f"audit of ticket {ticket.id}"))
                except _Invalid as error:
                    problems.append(Quarantined(f"{case_id}-a{_raw_id(raw)}", str(error), _raw_text(raw)))
        self._load_users({a.author_id for a in audits})
        for audit in audits:
            for change in audit.events:
                if change.type != "Change" or change.field_name not in ("status", severity_field):
                    continue
                remote_id = f"{case_id}-a{audit.id}-{change.id}"
                mapped: tuple[str, ...] | None
                try:
                    if change.field_name == "status":
                        mapped = self._status_change(change)
                        kind = EventKind.STATUS_CHANGE
                    else:
                        mapped = self._severity_change(change)
                        kind = EventKind.SEVERITY_CHANGE
                except _Invalid as error:
                    problems.append(Quarantined(remote_id, str(error), msgspec.json.encode(change).decode()))
                    continue
                if mapped is not None:
                    events.append(
                        CaseEvent(
                            SOURCE, remote_id, case_id, kind, audit.created_at, self._who(audit.author_id), *mapped
                        )
                    )
        events.sort(key=lambda e: e.at)  # stable: at one instant, the comment before the changes
        return events, problems

    def _status_change(self, change: z.AuditEvent) -> tuple[str, str, str, str] | None:
        """(meaning, old meaning, status, old status); kept when only the status differs, so
        a later status map that tells the two apart still has the change."""
        if change.previous_value in (None, "") or change.value == DELETED or change.previous_value == DELETED:
            return None
        raw_new, raw_old = str(change.value).lower(), str(change.previous_value).lower()
        new, old = self.config.status_map.get(raw_new), self.config.status_map.get(raw_old)
        if new is None or old is None:
            raise _Invalid(f"status change {change.previous_value!r} -> {change.value!r}: not in the status map")
        return (new.value, old.value, raw_new, raw_old) if raw_new != raw_old else None

    def _severity_change(self, change: z.AuditEvent) -> tuple[str, str] | None:
        new, old = self._changed_severity(change.value), self._changed_severity(change.previous_value)
        return (str(new.value), str(old.value)) if new != old else None


class _TicketRun:
    """One walk over changed tickets: marks per organization, de-duplication by (id, updated_at)."""

    def __init__(self, provider: ZendeskProvider, state: z.TicketCursor) -> None:
        self.provider = provider
        self.client = provider.client
        self.config = provider.config
        self.start = state
        # The marks written so far; organizations not finished keep their old mark.
        self.orgs: dict[str, z.OrgMark] = dict(state.orgs)
        self.incremental_cursor = state.incremental
        self.deleted_since = state.deleted_since
        self.seen: set[tuple[int, datetime]] = set()
        self.retry: set[int] = set()
        self.number = 0

    def batch(self, tickets: list[z.Ticket], problems: list[Quarantined], removed: list[str]) -> _Batch:
        self.number += 1
        return _Batch(tickets, problems, removed, self, self.number)

    def cursor(self, number: int | None) -> str:
        state = z.TicketCursor(
            orgs=dict(sorted(self.orgs.items())),
            incremental=self.incremental_cursor,
            deleted_since=self.deleted_since,
            retry=sorted(self.retry)[:RETRY_LIMIT],
            n=number,
        )
        return msgspec.json.encode(state).decode()

    def _decode(self, raws: Sequence[msgspec.Raw]) -> tuple[list[z.Ticket], list[Quarantined]]:
        tickets, problems = [], []
        for raw in raws:
            try:
                tickets.append(_decode_record(raw, z.Ticket, "ticket"))
            except _Invalid as error:
                remote_id = _raw_id(raw)
                if remote_id.isdigit():
                    self.retry.add(int(remote_id))
                problems.append(Quarantined(remote_id, str(error), _raw_text(raw)))
        return tickets, problems

    def retry_earlier(self) -> Iterator[_Batch]:
        """Tickets set aside by the last run, fetched again by id."""
        wanted = self.start.retry[:RETRY_LIMIT]
        for start in range(0, len(wanted), 100):
            chunk = wanted[start : start + 100]
            page = self.client.get_json(
                "/api/v2/tickets/show_many.json", z.TicketsPage, {"ids": ",".join(str(i) for i in chunk)}
            )
            tickets, problems = self._decode(page.tickets)
            ours = [t for t in tickets if t.status != DELETED]
            removed = [str(t.id) for t in tickets if t.status == DELETED]
            for ticket in ours:
                self.seen.add((ticket.id, ticket.updated_at.astimezone(UTC)))
            yield self.batch(ours, problems, removed)

    def _fresh(self, ticket: z.Ticket, skip: set[tuple[int, datetime]]) -> bool:
        key = (ticket.id, ticket.updated_at.astimezone(UTC))
        if key in self.seen or key in skip:
            return False
        self.seen.add(key)
        return True

    def search_org(self, org_id: int) -> Iterator[_Batch]:
        key = str(org_id)
        mark = self.start.orgs.get(key, z.OrgMark())
        since = mark.since or self.config.history_start
        skip = {(i, at.astimezone(UTC)) for i, at in mark.seen}
        query = f"organization:{org_id}"
        if since is not None:
            query += f" updated>{_iso(since - self.config.overlap)}"
        params = {"query": query, "filter[type]": "ticket"}
        high = mark.since
        window: set[tuple[int, datetime]] = set(skip)
        pages = self.provider._cursor_pages(
            "/api/v2/search/export.json", z.SearchExportPage, params, f"tickets of organization {org_id}"
        )
        for page in pages:
            tickets, problems = self._decode(page.results)
            fresh = []
            for ticket in tickets:
                window.add((ticket.id, ticket.updated_at.astimezone(UTC)))
                high = ticket.updated_at if high is None else max(high, ticket.updated_at)
                if self._fresh(ticket, skip):
                    fresh.append(ticket)
            yield self.batch(fresh, problems, [])
        if high is not None:
            edge = high - self.config.overlap
            kept = sorted(pair for pair in window if pair[1] >= edge)
            self.orgs[key] = z.OrgMark(since=high, seen=kept)
        else:
            self.orgs[key] = z.OrgMark()

    def incremental(self) -> Iterator[_Batch]:
        accounts = self.provider._accounts
        per_page = {"per_page": self.config.page_size}
        if self.incremental_cursor is not None:
            params: dict[str, Any] = {"cursor": self.incremental_cursor, **per_page}
        else:
            start = self.config.history_start
            params = {"start_time": int(start.timestamp()) if start is not None else 0, **per_page}
        seen_cursors: set[str] = set()
        url = "/api/v2/incremental/tickets/cursor.json"
        while True:
            page = self.client.get_json(url, z.IncrementalTicketsPage, params)
            tickets, problems = self._decode(page.tickets)
            ours, removed = [], []
            for ticket in tickets:
                if ticket.status == DELETED:
                    removed.append(str(ticket.id))
                    continue
                if ticket.organization_id not in accounts:
                    continue  # another advisor's ticket
                key = str(ticket.organization_id)
                mark = self.orgs.get(key, z.OrgMark())
                if mark.since is None or ticket.updated_at > mark.since:
                    self.orgs[key] = z.OrgMark(since=ticket.updated_at)
                if self._fresh(ticket, set()):
                    ours.append(ticket)
            for org_id in accounts:
                self.orgs.setdefault(str(org_id), z.OrgMark())
            if page.after_cursor:
                self.incremental_cursor = page.after_cursor
            yield self.batch(ours, problems, removed)
            if page.end_of_stream:
                return
            after = page.after_cursor
            if not after:
                raise SyncError("zendesk ticket export: not at the end of the stream but no cursor to go on")
            if after in seen_cursors:
                raise SyncError(f"zendesk ticket export: the server repeated cursor {after!r}; stopped to avoid a loop")
            seen_cursors.add(after)
            params = {"cursor": after, **per_page}

    def deleted_tickets(self) -> Iterator[_Batch]:
        """Tombstones for tickets deleted since the last run (agents without the permission get none)."""
        since = self.start.deleted_since
        edge = since - self.config.overlap if since is not None else None
        removed: list[str] = []
        newest = since
        try:
            for page in self.provider._cursor_pages(
                "/api/v2/deleted_tickets.json", z.DeletedTicketsPage, {}, "deleted tickets"
            ):
                for deleted in page.deleted_tickets:
                    if deleted.deleted_at is not None:
                        newest = deleted.deleted_at if newest is None else max(newest, deleted.deleted_at)
                    if edge is None or deleted.deleted_at is None or deleted.deleted_at >= edge:
                        removed.append(str(deleted.id))
        except HttpForbiddenError:
            log.warning("zendesk: this token may not list deleted tickets; deleted tickets stay until re-checked")
            return
        self.deleted_since = newest
        if removed:
            yield self.batch([], [], sorted(set(removed), key=int))

    def final_batch(self) -> _Batch:
        return _Batch([], [], [], self, None)


def _parse_ticket_cursor(cursor: str | None) -> z.TicketCursor:
    if not cursor:
        return z.TicketCursor()
    try:
        return msgspec.json.decode(cursor, type=z.TicketCursor)
    except (msgspec.ValidationError, msgspec.DecodeError):
        log.warning("zendesk: stored ticket cursor unreadable; starting from the beginning")
        return z.TicketCursor()


def _previous_ids(cursor: str | None) -> set[int] | None:
    if not cursor:
        return None
    try:
        state = msgspec.json.decode(cursor, type=z.IdSetCursor)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None
    ids = state.ids if state.ids is not None else state.previous
    return set(ids) if ids is not None else None


def _id_set_cursor(ids: set[int]) -> str:
    return msgspec.json.encode(z.IdSetCursor(ids=sorted(ids))).decode()


def zendesk_provider(
    url: str,
    token: str,
    config: ZendeskConfig,
    *,
    email: str | None = None,
    ca_bundle: str | Path | None = None,
    admin: bool | None = None,
    timeouts: Timeouts = DEFAULT_TIMEOUTS,
    on_wait: OnWait | None = None,
    cancel: CancelToken | None = None,
    sleeper: Sleeper = event_sleeper,
) -> ZendeskProvider:
    """A provider for the instance at `url`: with `email`, `token` is an API token
    (`email/token:TOKEN`, basic auth); without, an OAuth access token (Bearer)."""
    authorization = basic_token_auth(email, token) if email else bearer_auth(token)
    client = HttpClient(
        url,
        authorization,
        ca_bundle=ca_bundle,
        timeouts=timeouts,
        on_wait=on_wait,
        cancel=cancel,
        sleeper=sleeper,
    )
    return ZendeskProvider(client, config, admin=admin)


__all__ = ["SOURCE", "ZendeskConfig", "ZendeskConfigError", "ZendeskProvider", "zendesk_provider"]
