"""Request Tracker 5 (REST2) as a source.

Streams and endpoints (facts measured against RT 5.0.3: tests/integration/rt/NOTES.md):

- accounts: the assets of one asset catalog (default "Accounts"), one asset per account:
  asset Name = the account id that tickets carry in their Account custom field, asset
  custom fields Tier, Region, Timezone, Contract Start (YYYY-MM-DD), Named Advisor and
  Contract Status (names configurable). The catalog is small and read whole every sync
  (`/assets?query=Catalog = '...'`), so a fixed asset leaves the quarantine by itself.
- contacts: the requestors of tickets changed since the stream's cursor (`/user/{name}`),
  one contact per (account, user); `authorized` from membership in an RT group.
- cases: TicketSQL `LastUpdated >= '<mark - overlap>'` written as wall-clock time in RT's
  (the API user's) time zone, optionally restricted to one queue, ordered by LastUpdated
  then id. Searches never return deleted tickets, so the tickets the store still holds as
  active (`known_active_ids`) that the search did not return are re-read by id, a bounded
  number per sync in rotation, and become tombstones when deleted, merged away or gone.
- case_events: the history of each changed ticket (`/ticket/{id}/history?fields=...`).
- usage_metrics: RT has none.

Paging and the cursor: results are read a page at a time in (LastUpdated, id) order.
After each page the next query restarts from the last LastUpdated seen (keyset), so a
ticket that changes while we page moves to the end instead of shifting an unread one onto
a page already read; only when a whole page shares one LastUpdated second does the page
number advance within that second. The cursor stored with each page is JSON: the newest
LastUpdated read and the (id, LastUpdated) of every ticket handled within `overlap` of it,
so the overlap never hands a ticket over twice and many tickets sharing one second cannot
make a sync loop or stall. LastUpdated has whole seconds, so a ticket read within the
second it last changed could change again unseen under the same LastUpdated: such a
ticket (its LastUpdated not before the second of the search's HTTP Date header) is not
counted as handled and is handed over once more by the next sync.

Message bodies (case description, messages and notes) are read from the transactions'
attachments (`/transaction/{id}/attachments`, first text/plain part) unless
`RtSettings.fetch_bodies` is off; they cost one request per message.

Errors: a 401 (or RT's redirect to its login page) raises `RtAuthError` saying the token
was refused; other failures of a list raise `RtHttpError`; a payload of an unexpected shape
raises `RtPayloadError` naming the field path. A single record that cannot be mapped (no
severity, an unknown tier, ...) goes to `Page.quarantined` with the reason; the rest lands.
No message ever contains the token.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
import requests

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
from advisor_app.logs import redact
from advisor_app.sync.engine import SyncError
from advisor_app.sync.provider import Page, Quarantined, Record
from advisor_app.sync.providers import rt_payloads as p

log = logging.getLogger(__name__)

SOURCE = "rt"
API_PATH = "/REST/2.0"
MAX_PAGE_SIZE = 100  # REST2 caps per_page at 100

STATUSES: Mapping[str, CaseStatus] = {
    "new": CaseStatus.NEW,
    "open": CaseStatus.OPEN,
    "stalled": CaseStatus.ON_HOLD,
    "resolved": CaseStatus.SOLVED,
    "rejected": CaseStatus.CLOSED,
}
DELETED = "deleted"
SEVERITIES: Mapping[str, Severity] = {str(int(severity)): severity for severity in Severity}
TICKET_FIELDS = "Subject,Status,Created,LastUpdated,Requestor,CustomFields"
HISTORY_FIELDS = "Type,Creator,Created,Field,OldValue,NewValue"
ASSET_FIELDS = "Name,Description,Status,LastUpdated,CustomFields"
GROUP_DEPTH = 5  # nested groups of authorized contacts followed this deep

T = TypeVar("T")


# Errors ----------------------------------------------------------------------------------


class RtError(SyncError):
    """Request Tracker could not be read; the message says what and where (never the token)."""


class RtConfigError(RtError):
    """The RT settings cannot be used; the message names the setting."""


class RtAuthError(RtError):
    """RT refused the API token."""


class RtHttpError(RtError):
    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class RtPayloadError(RtError):
    """A response had an unexpected shape; the message names the field path."""


class _Invalid(Exception):
    """A record that cannot be mapped; the message is the quarantine reason."""


# Settings --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RtSettings:
    """Where the advisor's data lives in one RT instance and how it is laid out."""

    base_url: str
    """The RT web root, e.g. https://rt.example.com or https://example.com/rt (REST2 is below it)."""
    rt_timezone: str
    """IANA zone in which RT reads TicketSQL dates: the API user's Timezone preference, else RT's $Timezone."""
    queue: str | None = None
    """Only tickets of this queue (None: every queue the API user can see)."""
    severity_field: str = "Severity"
    account_field: str = "Account"
    accounts: frozenset[str] = frozenset()
    """The advisor's accounts (asset Names); only these and their tickets are read. Empty: every account."""
    accounts_catalog: str = "Accounts"
    tier_field: str = "Tier"
    region_field: str = "Region"
    timezone_field: str = "Timezone"
    contract_start_field: str = "Contract Start"
    named_advisor_field: str = "Named Advisor"
    contract_status_field: str = "Contract Status"
    authorized_group: str | None = "Authorized Contacts"
    """Members (direct or through nested groups) are authorized contacts; None: nobody is marked authorized."""
    overlap: timedelta = timedelta(minutes=5)
    """Each search starts this long before the cursor: catches changes committed late."""
    page_size: int = 100
    history_start: datetime | None = None
    """Tickets last updated before this are not read on the first sync (None: all of them)."""
    recheck_limit: int = 200
    """Locally active tickets missing from the search re-read by id per sync (in rotation)."""
    fetch_bodies: bool = True
    """Read message bodies from attachments (one request per message); off: bodies stay empty."""

    def __post_init__(self) -> None:
        split = urlsplit(self.base_url)
        if split.scheme not in ("http", "https") or not split.hostname:
            raise RtConfigError(f"base_url {self.base_url!r} is not an http(s) URL")
        try:
            ZoneInfo(self.rt_timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise RtConfigError(f"rt_timezone {self.rt_timezone!r} is not an IANA time zone") from None
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise RtConfigError(f"page_size {self.page_size} is not between 1 and {MAX_PAGE_SIZE}")
        if self.overlap < timedelta(0):
            raise RtConfigError("overlap must not be negative")
        if self.recheck_limit < 0:
            raise RtConfigError("recheck_limit must not be negative")
        if self.history_start is not None and self.history_start.tzinfo is None:
            raise RtConfigError("history_start must be an aware datetime")


def normalized_base_url(url: str) -> str:
    """Scheme and host in lower case, default ports and a trailing slash or /REST/2.0 dropped."""
    split = urlsplit(url.strip())
    scheme = split.scheme.lower()
    host = (split.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    default_port = {"http": 80, "https": 443}.get(scheme)
    netloc = host if split.port in (None, default_port) else f"{host}:{split.port}"
    path = split.path.rstrip("/")
    if path.lower().endswith(API_PATH.lower()):
        path = path[: -len(API_PATH)]
    return urlunsplit((scheme, netloc, path.rstrip("/"), "", ""))


# The cursor --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Mark:
    """Where a ticket stream resumes: the newest LastUpdated handled, the tickets handled
    within the overlap of it, and (cases only) where the deletion re-check rotation stands."""

    since: datetime | None = None
    seen: dict[str, datetime] = field(default_factory=dict)
    recheck_after: int = 0
    unsettled: dict[str, datetime] = field(default_factory=dict)
    """Read in the second they last changed: handed over again by the next sync, so not
    `seen`; stored only so that each page's cursor names what it wrote."""

    def encode(self) -> str:
        document: dict[str, Any] = {"v": 1, "since": _iso(self.since) if self.since else None}
        document["seen"] = {ticket: _iso(at) for ticket, at in sorted(self.seen.items(), key=lambda kv: int(kv[0]))}
        if self.recheck_after:
            document["recheck_after"] = self.recheck_after
        if self.unsettled:
            document["unsettled"] = {ticket: _iso(at) for ticket, at in sorted(self.unsettled.items())}
        return json.dumps(document, separators=(",", ":"))

    @classmethod
    def decode(cls, cursor: str | None) -> _Mark:
        if not cursor:
            return cls()
        try:
            document = json.loads(cursor)
            since = document.get("since")
            return cls(
                since=_parse_iso(since) if since else None,
                seen={str(k): _parse_iso(v) for k, v in document.get("seen", {}).items()},
                recheck_after=int(document.get("recheck_after", 0)),
            )
        except (ValueError, TypeError, AttributeError) as error:
            raise RtError(f"the stored RT cursor cannot be read ({error}); reset the sync state") from None

    def handled(self, item: p.TicketItem) -> bool:
        done = self.seen.get(item.id)
        return done is not None and done >= item.LastUpdated

    def prune(self, overlap: timedelta) -> None:
        if self.since is not None:
            floor = self.since - overlap
            self.seen = {ticket: at for ticket, at in self.seen.items() if at >= floor}

    def copy(self) -> _Mark:
        return _Mark(self.since, dict(self.seen), self.recheck_after, dict(self.unsettled))


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _parse_iso(value: str) -> datetime:
    return datetime.strptime(value, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def ticketsql_date(moment: datetime, zone: ZoneInfo) -> str:
    """A TicketSQL date: wall-clock time in RT's zone, no offset (RT would shift an offset twice).

    A wall-clock time that occurs twice (the hour a DST change repeats) may be read as its
    later occurrence; it is then written early enough that either reading starts the
    query no later than `moment`.
    """
    local = moment.astimezone(zone)
    later = local.replace(fold=1 - local.fold).astimezone(UTC) - moment.astimezone(UTC)
    if later > timedelta(0):
        local = (moment - later).astimezone(zone)
    return local.strftime("%Y-%m-%d %H:%M:%S")


def _quote(value: str) -> str:
    """A TicketSQL/AssetSQL string literal."""
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


@dataclass(slots=True)
class _Batch:
    """New tickets of one search page and the mark to store once they are written."""

    items: list[p.TicketItem]
    """Tickets not handled before (by id and LastUpdated)."""
    mark: _Mark
    returned: list[str]
    """Ids of every ticket the page returned, handled before or not."""


# The provider ---------------------------------------------------------------------------------


class RtProvider:
    """A provider (see `advisor_app.sync.provider.Provider`) reading one RT 5 instance through REST2."""

    def __init__(
        self,
        session: requests.Session,
        settings: RtSettings,
        *,
        timeout: float | tuple[float, float] = 30.0,
        known_active_ids: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        """`session` carries the auth header (and retries); `timeout` goes with every request;
        `known_active_ids` lists the remote ids of the cases the store holds as active."""
        self._session = session
        self.settings = settings
        self._timeout = timeout
        self._known_active_ids = known_active_ids
        self._base = normalized_base_url(settings.base_url)
        self._api = self._base + API_PATH
        self._host = urlsplit(self._base).netloc
        self._zone = ZoneInfo(settings.rt_timezone)
        self._tiers = {tier.id.lower(): tier.id for tier in load_tiers()}
        self._tiers.update({tier.name.lower(): tier.id for tier in load_tiers()})
        self._users: dict[str, p.User | None] = {}
        self._bodies: dict[str, str] = {}
        self._descriptions: dict[str, str] = {}
        self._authorized: frozenset[str] | None = None
        self._severity_field_id: str | None = None
        self._cases_until: datetime | None = None
        self._cases_ran = False

    @property
    def source(self) -> str:
        return SOURCE

    @property
    def identity(self) -> str:
        return self._base

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        if stream == "accounts":
            yield from self._account_pages()
        elif stream == "contacts":
            yield from self._contact_pages(cursor)
        elif stream == "cases":
            yield from self._case_pages(cursor)
        elif stream == "case_events":
            yield from self._event_pages(cursor)
        elif stream == "usage_metrics":
            return
        else:
            raise ValueError(f"unknown stream {stream!r}")

    # HTTP -------------------------------------------------------------------------------------

    def _get(self, path: str, kind: type[T], params: Mapping[str, Any] | None = None) -> T:
        return self._get_dated(path, kind, params)[0]

    def _get_dated(
        self, path: str, kind: type[T], params: Mapping[str, Any] | None = None
    ) -> tuple[T, datetime | None]:
        """The decoded answer and the server's clock when it answered (its Date header), if known."""
        response = self._request(path, params)
        if response.status_code != 200:
            raise self._http_error(response, path)
        return self._decode(response, kind, path), _server_time(response)

    def _get_optional(self, path: str, kind: type[T], params: Mapping[str, Any] | None = None) -> T | None:
        """None for 403 and 404 (a record the API user may not see, or one that does not exist)."""
        response = self._request(path, params)
        if response.status_code in (403, 404):
            return None
        if response.status_code != 200:
            raise self._http_error(response, path)
        return self._decode(response, kind, path)

    def _request(self, path: str, params: Mapping[str, Any] | None) -> requests.Response:
        url = f"{self._api}/{path}"
        try:
            # No redirects: RT answers a refused token with a redirect to its login page when
            # the request carries a cookie; following it would hide the refusal.
            return self._session.get(
                url,
                params=params,
                headers={"Accept": "application/json"},
                timeout=self._timeout,
                allow_redirects=False,
            )
        except requests.RequestException as error:
            raise RtError(f"RT at {self._host}: GET {API_PATH}/{path} failed: {type(error).__name__}") from error

    def _http_error(self, response: requests.Response, path: str) -> RtError:
        status = response.status_code
        where = f"RT at {self._host}: GET {API_PATH}/{path}"
        if status == 401 or 300 <= status < 400:
            return RtAuthError(
                f"{where}: the API token was refused (HTTP {status}); check that the token is right and not revoked"
            )
        if status == 403:
            return RtHttpError(f"{where}: forbidden (HTTP 403); the API user lacks a right to read this", status)
        if status == 404:
            return RtHttpError(f"{where}: not found (HTTP 404)", status)
        text = redact(response.text)[:200].strip().replace("\n", " ")  # redacted before it is cut
        return RtHttpError(f"{where}: HTTP {status}: {text}", status)

    def _decode(self, response: requests.Response, kind: type[T], path: str) -> T:
        try:
            return msgspec.json.decode(response.content, type=kind)
        except msgspec.ValidationError as error:
            raise RtPayloadError(f"RT at {self._host}: GET {API_PATH}/{path}: unexpected JSON: {error}") from None
        except msgspec.DecodeError as error:
            raise RtPayloadError(f"RT at {self._host}: GET {API_PATH}/{path}: not JSON: {error}") from None

    def _user(self, name: str) -> p.User | None:
        """A user by name, cached for the provider's life; None when the API user may not see them."""
        if name not in self._users:
            self._users[name] = self._get_optional(f"user/{quote(name, safe='')}", p.User)
        return self._users[name]

    # Accounts ---------------------------------------------------------------------------------

    def _account_pages(self) -> Iterator[Page]:
        s = self.settings
        catalog = self._get_optional(f"catalog/{quote(s.accounts_catalog, safe='')}", p.Catalog)
        if catalog is None:
            raise RtConfigError(
                f"RT at {self._host}: asset catalog {s.accounts_catalog!r} does not exist or the API user "
                "may not see it (ShowCatalog, ShowAsset and SeeCustomField on its fields)"
            )
        names: dict[str, str] = {}
        newest: datetime | None = None
        number = 0
        while True:
            number += 1
            result = self._get(
                "assets",
                p.AssetPage,
                {
                    "query": f"Catalog = {catalog.id}",
                    "fields": ASSET_FIELDS,
                    "orderby": "id",
                    "per_page": s.page_size,
                    "page": number,
                },
            )
            records: list[Record] = []
            quarantined: list[Quarantined] = []
            for asset in result.items:
                if s.accounts and asset.Name.strip() not in s.accounts:
                    continue
                newest = asset.LastUpdated if newest is None else max(newest, asset.LastUpdated)
                try:
                    if asset.Name in names:
                        raise _Invalid(f"asset Name {asset.Name!r} is already used by asset {names[asset.Name]}")
                    names[asset.Name] = asset.id
                    records.append(self._account(asset))
                except _Invalid as error:
                    quarantined.append(
                        Quarantined(asset.Name or f"asset {asset.id}", f"asset {asset.id}: {error}", _json(asset))
                    )
            last = result.is_last() or not result.items
            cursor = f"catalog:{catalog.id}:{len(names)}:{_iso(newest) if newest else '-'}"
            yield Page("accounts", records, cursor if last else f"{cursor}:page{number}", quarantined=quarantined)
            if last:
                return

    def _account(self, asset: p.AssetItem) -> Account:
        s = self.settings
        if not asset.Name.strip():
            raise _Invalid("the asset has no Name (the account id)")

        def value(name: str, required: bool = True) -> str | None:
            entry = asset.custom_field(name)
            text = entry.first() if entry else ""
            if not text and required:
                raise _Invalid(f"custom field {name!r} is empty" if entry else f"custom field {name!r} is missing")
            return text or None

        tier_text = value(s.tier_field) or ""
        tier = self._tiers.get(tier_text.lower())
        if tier is None:
            raise _Invalid(f"custom field {s.tier_field!r}: {tier_text!r} is not a known tier")
        zone = value(s.timezone_field) or ""
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise _Invalid(f"custom field {s.timezone_field!r}: {zone!r} is not an IANA time zone") from None
        start_text = value(s.contract_start_field) or ""
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", start_text):
            raise _Invalid(f"custom field {s.contract_start_field!r}: {start_text!r} is not a YYYY-MM-DD date")
        try:
            start = date.fromisoformat(start_text)
        except ValueError:
            raise _Invalid(f"custom field {s.contract_start_field!r}: {start_text!r} is not a valid date") from None
        status_text = value(s.contract_status_field) or ""
        try:
            status = ContractStatus(status_text.lower())
        except ValueError:
            known = ", ".join(status.value for status in ContractStatus)
            raise _Invalid(
                f"custom field {s.contract_status_field!r}: {status_text!r} is not a contract status ({known})"
            ) from None
        return Account(
            source=SOURCE,
            remote_id=asset.Name.strip(),
            name=(asset.Description or "").strip() or asset.Name.strip(),
            tier=tier,
            region=value(s.region_field) or "",
            timezone=zone,
            contract_year_start=start,
            named_advisor=value(s.named_advisor_field, required=False),
            contract_status=status,
            updated_at=asset.LastUpdated,
        )

    # Ticket search ----------------------------------------------------------------------------

    def _base_query(self) -> str:
        if self.settings.queue:
            return f"Queue = {_quote(self.settings.queue)}"
        return "id > 0"

    def _scan(self, mark: _Mark, fields: str, until: datetime | None = None) -> Iterator[_Batch]:
        """Tickets changed since `mark`, one batch per search page, each with the mark after it.

        Tickets last updated after `until` are left for a later sync (the mark stays before them).
        """
        s = self.settings
        mark = mark.copy()
        start = s.history_start.astimezone(UTC).replace(microsecond=0) if s.history_start else None
        key = mark.since - s.overlap if mark.since is not None else None
        if start is not None:
            key = start if key is None else max(key, start)  # the overlap never reaches before the start
        number = 1
        this_run: dict[str, datetime] = {}
        while True:
            query = self._base_query()
            if key is not None:
                query += f" AND LastUpdated >= {_quote(ticketsql_date(key, self._zone))}"
            params = {
                "query": query,
                "fields": fields,
                "orderby": ["LastUpdated", "id"],
                "order": ["ASC", "ASC"],
                "per_page": s.page_size,
                "page": number,
            }
            result, answered = self._get_dated("tickets", p.TicketPage, params)
            fresh: list[p.TicketItem] = []
            returned: list[str] = []
            capped = False
            for item in result.items:
                self._learn_fields(item)
                if until is not None and item.LastUpdated > until:
                    capped = True
                    break
                returned.append(item.id)
                done = this_run.get(item.id)
                if not mark.handled(item) and (done is None or done < item.LastUpdated):
                    fresh.append(item)
                    this_run[item.id] = item.LastUpdated
                    # LastUpdated has whole seconds: a ticket read within the second it last
                    # changed may change again with the same LastUpdated. Only a ticket whose
                    # second had passed when RT answered counts as handled for later syncs.
                    if answered is not None and item.LastUpdated + timedelta(seconds=1) <= answered:
                        mark.seen[item.id] = item.LastUpdated
                    else:
                        mark.unsettled[item.id] = item.LastUpdated
                mark.since = item.LastUpdated if mark.since is None else max(mark.since, item.LastUpdated)
            mark.prune(s.overlap)
            yield _Batch([item for item in fresh if self._chosen(item)], mark.copy(), returned)
            if capped or result.is_last() or not result.items:
                return
            last = result.items[-1].LastUpdated
            if key is not None and last <= key:
                number += 1  # the whole page shares the key's second: page on within it
            elif result.items[0].LastUpdated == last:
                key, number = last, 2  # this page is page 1 of the query from its second
            else:
                key, number = last, 1

    def _chosen(self, item: p.TicketItem) -> bool:
        """Whether the ticket belongs to one of the advisor's accounts (a ticket without an
        account is kept, so the cases stream sets it aside with the reason)."""
        if not self.settings.accounts:
            return True
        entry = item.custom_field(self.settings.account_field)
        account = entry.first().strip() if entry else ""
        return not account or account in self.settings.accounts

    def _learn_fields(self, item: p.TicketItem) -> None:
        if self._severity_field_id is None:
            entry = item.custom_field(self.settings.severity_field)
            if entry is not None:
                self._severity_field_id = entry.id

    def _case_problem(self, item: p.TicketItem) -> str | None:
        """Why this ticket cannot be a case (None: it can)."""
        s = self.settings
        severity = item.custom_field(s.severity_field)
        if severity is None:
            return f"custom field {s.severity_field!r} is not applied to the ticket or not visible to the API user"
        if not severity.first():
            return f"custom field {s.severity_field!r} is empty"
        if severity.first() not in SEVERITIES:
            return f"custom field {s.severity_field!r}: {severity.first()!r} is not 1, 2 or 3"
        account = item.custom_field(s.account_field)
        if account is None or not account.first():
            return f"custom field {s.account_field!r} is empty"
        if item.Status not in STATUSES and item.Status != DELETED:
            return f"status {item.Status!r} has no matching case status"
        return None

    # Contacts ---------------------------------------------------------------------------------

    def _contact_pages(self, cursor: str | None) -> Iterator[Page]:
        start = _Mark.decode(cursor)
        for batch in self._scan(start, "LastUpdated,Requestor,CustomFields"):
            contacts: dict[str, Contact] = {}
            quarantined: list[Quarantined] = []
            for item in batch.items:
                entry = item.custom_field(self.settings.account_field)
                account = entry.first() if entry else ""
                if not account:
                    continue  # no account, no contact: the case is quarantined with the reason
                for requestor in item.Requestor:
                    user = self._user(requestor.id)
                    remote_id = f"{account}/{requestor.id}"
                    if user is None:
                        quarantined.append(
                            Quarantined(remote_id, f"user {requestor.id!r} cannot be read by the API user")
                        )
                        continue
                    contact = Contact(
                        source=SOURCE,
                        remote_id=remote_id,
                        account_remote_id=account,
                        name=(user.RealName or "").strip() or user.Name,
                        email=(user.EmailAddress or "").strip(),
                        authorized=user.Name in self._authorized_names(),
                        updated_at=item.LastUpdated,
                    )
                    known = contacts.get(remote_id)
                    if known is None or known.updated_at < contact.updated_at:
                        contacts[remote_id] = contact
            if batch.items or batch.mark.encode() != cursor:
                yield Page("contacts", list(contacts.values()), batch.mark.encode(), quarantined=quarantined)

    def _authorized_names(self) -> frozenset[str]:
        if self._authorized is None:
            self._authorized = self._read_authorized()
        return self._authorized

    def _read_authorized(self) -> frozenset[str]:
        name = self.settings.authorized_group
        if name is None:
            return frozenset()
        found = self._get(
            "groups",
            p.GroupPage,
            {"query": json.dumps([{"field": "Name", "value": name}]), "fields": "Name,Domain", "per_page": 100},
        )
        groups = [g for g in found.items if g.Domain == "UserDefined" and g.Name.lower() == name.lower()]
        if not groups:
            raise RtConfigError(
                f"RT at {self._host}: group {name!r} of authorized contacts does not exist "
                "or the API user may not see it (SeeGroup)"
            )
        users: set[str] = set()
        pending, visited = [(groups[0].id, 0)], set()
        while pending:
            group_id, depth = pending.pop()
            if group_id in visited:
                continue
            visited.add(group_id)
            group = self._get(f"group/{group_id}", p.Group)
            for member in group.Members:
                if member.type == "user":
                    users.add(member.id)
                elif member.type == "group" and depth < GROUP_DEPTH:
                    pending.append((member.id, depth + 1))
        return frozenset(users)

    # Cases ------------------------------------------------------------------------------------

    def _case_pages(self, cursor: str | None) -> Iterator[Page]:
        start = _Mark.decode(cursor)
        seen_ids: set[str] = set()
        held: Page | None = None
        mark = start
        for batch in self._scan(start, TICKET_FIELDS):
            mark = batch.mark
            seen_ids.update(batch.returned)
            if not batch.items:
                if held is not None:
                    held = Page("cases", held.records, mark.encode(), held.removed, held.quarantined)
                continue
            records: list[Record] = []
            removed: list[str] = []
            quarantined: list[Quarantined] = []
            for item in batch.items:
                problem = self._case_problem(item)
                if problem is not None:
                    quarantined.append(Quarantined(item.id, f"ticket {item.id}: {problem}", _json(item)))
                elif item.Status == DELETED:
                    removed.append(item.id)
                else:
                    records.append(self._case(item))
            if held is not None:
                yield held
            held = Page("cases", records, mark.encode(), removed=removed, quarantined=quarantined)
        self._cases_until = mark.since
        self._cases_ran = True
        gone, mark = self._recheck(mark, seen_ids)
        if held is not None:
            yield Page("cases", held.records, mark.encode(), [*held.removed, *gone], held.quarantined)
        elif gone or mark.encode() != (cursor or _Mark().encode()):
            yield Page("cases", [], mark.encode(), removed=gone)

    def _case(self, item: p.TicketItem) -> Case:
        s = self.settings
        severity = item.custom_field(s.severity_field)
        account = item.custom_field(s.account_field)
        assert severity is not None and account is not None  # checked by _case_problem
        requester = ""
        for requestor in item.Requestor:
            user = self._user(requestor.id)
            if user is not None and user.EmailAddress:
                requester = user.EmailAddress.strip()
                break
        return Case(
            source=SOURCE,
            remote_id=item.id,
            account_remote_id=account.first(),
            subject=item.Subject,
            description=self._description(item.id),
            requester=requester,
            severity=SEVERITIES[severity.first()],
            status=STATUSES[item.Status],
            created_at=item.Created if item.Created is not None else item.LastUpdated,
            updated_at=item.LastUpdated,
        )

    def _description(self, ticket_id: str) -> str:
        """The body of the ticket's Create transaction (its first history entry)."""
        if not self.settings.fetch_bodies:
            return ""
        if ticket_id not in self._descriptions:
            first = self._get(
                f"ticket/{ticket_id}/history", p.TransactionPage, {"fields": HISTORY_FIELDS, "per_page": 1}
            )
            create = next((txn for txn in first.items if txn.Type == "Create"), None)
            self._descriptions[ticket_id] = self._body(create.id) if create else ""
        return self._descriptions[ticket_id]

    def _recheck(self, mark: _Mark, searched: set[str]) -> tuple[list[str], _Mark]:
        """Re-read by id the locally active tickets the search did not return; the deleted,
        merged-away and vanished ones become tombstones. At most `recheck_limit` per sync,
        in rotation by id, so every one is checked within a few syncs."""
        mark = mark.copy()
        if self._known_active_ids is None or self.settings.recheck_limit == 0:
            return [], mark
        candidates = sorted(
            {int(i) for i in self._known_active_ids() if str(i).isdigit()} - {int(i) for i in searched if i.isdigit()}
        )
        if not candidates:
            mark.recheck_after = 0
            return [], mark
        limit = self.settings.recheck_limit
        after = [i for i in candidates if i > mark.recheck_after]
        chosen = (after + [i for i in candidates if i <= mark.recheck_after])[:limit]
        gone: list[str] = []
        for ticket_id in chosen:
            response = self._request(f"ticket/{ticket_id}", None)
            if response.status_code == 404:
                gone.append(str(ticket_id))
                continue
            if response.status_code == 403:
                continue  # moved where the API user cannot see it: not a deletion
            if response.status_code != 200:
                raise self._http_error(response, f"ticket/{ticket_id}")
            ticket = self._decode(response, p.Ticket, f"ticket/{ticket_id}")
            merged = ticket.id != ticket_id or (
                ticket.EffectiveId is not None and ticket.EffectiveId.id != str(ticket_id)
            )
            if ticket.Status == DELETED or merged:
                gone.append(str(ticket_id))
        mark.recheck_after = 0 if len(chosen) == len(candidates) else chosen[-1]
        return gone, mark

    # Case events ------------------------------------------------------------------------------

    def _event_pages(self, cursor: str | None) -> Iterator[Page]:
        start = _Mark.decode(cursor)
        # Only tickets the cases stream of this run has read: events of a later change wait
        # for the next sync, when their case has been written first.
        until = (self._cases_until or datetime.min.replace(tzinfo=UTC)) if self._cases_ran else None
        for batch in self._scan(start, TICKET_FIELDS, until=until):
            records: list[Record] = []
            quarantined: list[Quarantined] = []
            for item in batch.items:
                if self._case_problem(item) is not None:
                    continue  # the case itself is quarantined; its events follow once it is fixed
                for txn in self._history(item.id):
                    try:
                        event = self._event(item, txn)
                    except _Invalid as error:
                        quarantined.append(Quarantined(txn.id, f"transaction {txn.id}: {error}", _json(txn)))
                        continue
                    if event is not None:
                        records.append(event)
            if batch.items or batch.mark.encode() != cursor:
                yield Page("case_events", records, batch.mark.encode(), quarantined=quarantined)

    def _history(self, ticket_id: str) -> Iterator[p.Transaction]:
        per_page = MAX_PAGE_SIZE
        number = 1
        while True:
            result = self._get(
                f"ticket/{ticket_id}/history",
                p.TransactionPage,
                {"fields": HISTORY_FIELDS, "per_page": per_page, "page": number},
            )
            yield from result.items
            # Totals are null for a non-SuperUser here: page until a short page.
            if result.is_last() or not result.items:
                return
            number += 1

    def _event(self, ticket: p.TicketItem, txn: p.Transaction) -> CaseEvent | None:
        kind: EventKind
        value = old = ""
        if txn.Type == "Create":
            kind = EventKind.CUSTOMER_MESSAGE
            value = self._body(txn.id)
        elif txn.Type == "Correspond":
            user = self._user(txn.Creator.id)
            if user is None:
                raise _Invalid(f"author {txn.Creator.id!r} cannot be read by the API user")
            kind = EventKind.AGENT_REPLY if user.Privileged else EventKind.CUSTOMER_MESSAGE
            value = self._body(txn.id)
        elif txn.Type == "Comment":
            kind = EventKind.INTERNAL_NOTE
            value = self._body(txn.id)
        elif txn.Type == "Status":
            new_status, old_status = txn.NewValue or "", txn.OldValue or ""
            if new_status == DELETED:
                return None  # a deletion is a tombstone of the case, not a status
            if new_status not in STATUSES or (old_status and old_status not in STATUSES and old_status != DELETED):
                raise _Invalid(f"status change {old_status!r} -> {new_status!r} has no matching case status")
            kind = EventKind.STATUS_CHANGE
            value = STATUSES[new_status].value
            old = STATUSES[old_status].value if old_status in STATUSES else ""
        elif txn.Type == "CustomField" and txn.Field is not None and txn.Field == self._severity_field_id:
            new_severity, old_severity = (txn.NewValue or "").strip(), (txn.OldValue or "").strip()
            if not new_severity:
                return None  # severity cleared: the case is quarantined until it has one again
            if new_severity not in SEVERITIES or (old_severity and old_severity not in SEVERITIES):
                raise _Invalid(f"severity change {old_severity!r} -> {new_severity!r} is not between 1, 2 and 3")
            kind = EventKind.SEVERITY_CHANGE
            value, old = new_severity, old_severity
        else:
            return None
        return CaseEvent(
            source=SOURCE,
            remote_id=txn.id,
            case_remote_id=ticket.id,
            kind=kind,
            at=txn.Created,
            author=self._author(txn.Creator.id),
            value=value,
            old_value=old,
        )

    def _author(self, name: str) -> str:
        user = self._user(name)
        if user is None:
            return name
        return (user.EmailAddress or "").strip() or name

    def _body(self, transaction_id: str) -> str:
        """The first text/plain part of a transaction (empty when bodies are not fetched)."""
        if not self.settings.fetch_bodies:
            return ""
        if transaction_id not in self._bodies:
            parts = self._get(
                f"transaction/{transaction_id}/attachments",
                p.AttachmentPage,
                {"fields": "ContentType,Content", "per_page": MAX_PAGE_SIZE},
            )
            text = next((a.Content for a in parts.items if a.ContentType.startswith("text/plain") and a.Content), "")
            self._bodies[transaction_id] = text or ""
        return self._bodies[transaction_id]


def _server_time(response: requests.Response) -> datetime | None:
    try:
        moment = parsedate_to_datetime(response.headers.get("Date", ""))
    except (TypeError, ValueError, IndexError):
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


def _json(value: msgspec.Struct) -> str:
    return msgspec.json.encode(value).decode("utf-8")


__all__ = [
    "SOURCE",
    "RtAuthError",
    "RtConfigError",
    "RtError",
    "RtHttpError",
    "RtPayloadError",
    "RtProvider",
    "RtSettings",
    "normalized_base_url",
    "ticketsql_date",
]
