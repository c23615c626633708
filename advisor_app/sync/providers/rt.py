"""Request Tracker 5 (REST2) as a source.

Streams and endpoints (facts measured against RT 5.0.3: tests/integration/rt/NOTES.md):

- accounts: the assets of one asset catalog (default "Accounts"), one asset per account:
  asset Name = the account id that tickets carry in their Account custom field, asset
  custom fields Tier, Region, Timezone, Contract Start (YYYY-MM-DD), Named Advisor and
  Contract Status (names configurable). The catalog is small and read whole every sync
  (`/assets?query=Catalog = '...'`), so a fixed asset leaves the quarantine by itself.
- contacts: the requestors of tickets changed since the stream's cursor (`/user/{name}`),
  one contact per (account, user); `authorized` from membership in an RT group.
- cases: TicketSQL `LastUpdated >= '<mark - overlap - zone slack>'` written as wall-clock
  time in `rt_timezone`, optionally restricted to one queue, ordered by LastUpdated then
  id. RT reads that date in the API user's zone, which REST2 does not report: the 26-hour
  zone slack covers any mismatch, and each run measures the zone and warns when it differs
  (`_check_zone`). Searches never return deleted tickets, so the tickets the store still
  holds as active (`known_active_ids`) that the search did not return are re-read by id, a
  bounded number per sync in rotation, and become tombstones when deleted, merged away or
  gone. Tickets set aside before (`set_aside_ids`) are read again by id every run, with
  their requestors and history, so one whose account was fixed lands unchanged.
- statuses: each RT status has a meaning by `RtSettings.status_map` (stalled = waiting on
  the customer by default); the RT status is stored beside it.
- case_events: the history of each changed ticket (`/ticket/{id}/history?fields=...`).
- usage_metrics: RT has none.

Paging and the cursor: results are read a page at a time in (LastUpdated, id) order.
After each page the next query restarts from the last LastUpdated seen (keyset), so a
ticket that changes while we page moves to the end instead of shifting an unread one onto
a page already read; only when a whole page shares one LastUpdated second does the page
number advance within that second. The cursor stored with each page is JSON: the newest
LastUpdated read and the (id, LastUpdated) of every ticket handled within `overlap` and the
zone slack of it,
so the overlap never hands a ticket over twice and many tickets sharing one second cannot
make a sync loop or stall. LastUpdated has whole seconds, so a ticket read within the
second it last changed could change again unseen under the same LastUpdated: such a
ticket (its LastUpdated not before the second of the search's HTTP Date header) is not
counted as handled and is handed over once more by the next sync.

Message bodies (case description, messages and notes) are read from the transactions'
attachments (`/transaction/{id}/attachments`, first text/plain part) unless
`RtSettings.fetch_bodies` is off; they cost one request per message.

HTTP: every request goes through `advisor_app.sync.http.HttpClient`, the client Zendesk
uses too: one retry loop (connection errors and 5xx with backoff, 429 and 503 after their
Retry-After), waits reported through `on_wait` and ended by the cancel token, and one
error family (`HttpError`): a 401, or RT's redirect to its login page, is `HttpAuthError`;
a payload of an unexpected shape is `HttpUnexpectedShape` naming the field path. A single
record that cannot be mapped (no severity, an unknown tier, ...) goes to `Page.quarantined`
with the reason; the rest lands. No message ever contains the token.

Accounts are chosen by the workspace's rule (`advisor_app.sync.selection`), evaluated
against the whole catalog on every sync: an account newly assigned arrives, an account the
store holds (`known_accounts`) that the rule no longer selects becomes a tombstone, and an
assigned account with bad data is set aside with the reason.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import quote, urlsplit
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
from advisor_app.sync.engine import SyncError
from advisor_app.sync.http import HttpClient, decode
from advisor_app.sync.provider import Page, Quarantined, Record
from advisor_app.sync.providers import rt_payloads as p
from advisor_app.sync.selection import EVERY_ACCOUNT, AccountRule, Candidate, Verdict, chosen_ids, evaluate
from advisor_app.sync.source_url import RT_API_PATH, rt_base_url

log = logging.getLogger(__name__)

SOURCE = "rt"
MAX_PAGE_SIZE = 100  # REST2 caps per_page at 100

STATUSES: Mapping[str, CaseStatus] = effective_status_map("rt", {})
"""RT's default lifecycle by meaning (SLA.md); `RtSettings.status_map` holds the workspace's."""
DELETED = "deleted"
SEVERITIES: Mapping[str, Severity] = {str(int(severity)): severity for severity in Severity}
TICKET_FIELDS = "Subject,Status,Created,LastUpdated,Requestor,CustomFields"
HISTORY_FIELDS = "Type,Creator,Created,Field,OldValue,NewValue"
ASSET_FIELDS = "Name,Description,Status,LastUpdated,CustomFields"
GROUP_DEPTH = 5  # nested groups of authorized contacts followed this deep
ZONE_SLACK = timedelta(hours=26)
"""UTC offsets in use run from -12:00 to +14:00, so a date written in one zone and read in
another is off by at most 26 hours. Starting every search this much before the cursor means
no change is skipped whatever zone RT reads the date in; the tickets re-read are dropped by
(id, LastUpdated) before anything else is fetched, so it costs a search page or two."""
SET_ASIDE_CHUNK = 50  # set-aside tickets re-read per search (`id = 1 OR id = 2 ...`)
ZONE_STEP = timedelta(minutes=15)  # every zone's offset is a multiple of a quarter hour

T = TypeVar("T")


# Errors ----------------------------------------------------------------------------------


class RtError(SyncError):
    """Request Tracker could not be read; the message says what and where (never the token)."""


class RtConfigError(RtError):
    """The RT settings cannot be used; the message names the setting."""


@dataclass(frozen=True)
class ZoneMismatch:
    """RT reads search dates at another UTC offset than the workspace's `rt_timezone` gives.

    A warning of the sync report: `str()` is the English text (command line, log); the GUI
    words it from the facts."""

    host: str
    actual: timedelta
    """The offset RT's searches use (the API user's zone), as measured."""
    setting: str
    """The workspace's `rt_timezone`."""
    configured: timedelta
    """That zone's offset at the measured instant."""
    slack_hours: float
    """How early every search starts."""
    covered: bool
    """Whether that slack covers the difference, so no change is missed meanwhile."""

    @property
    def actual_text(self) -> str:
        return _utc_offset(self.actual)

    @property
    def configured_text(self) -> str:
        return _utc_offset(self.configured)

    def __str__(self) -> str:
        safety = (
            f"no change is lost meanwhile (every search starts {self.slack_hours:g} hours early)"
            if self.covered
            else "changes may be missed until it is"
        )
        return (
            f"RT at {self.host} reads dates in searches at {self.actual_text} (the API user's time zone), "
            f"but the setting rt_timezone {self.setting} is {self.configured_text} then: "
            f"set it to the API user's zone; {safety}"
        )


class _ZoneProbeMoved(Exception):
    """The probe ticket changed while the time-zone check ran."""


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
    accounts: AccountRule = EVERY_ACCOUNT
    """Which accounts are the advisor's; only these and their tickets are read."""
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
    zone_slack: timedelta = ZONE_SLACK
    """And this much earlier again, so that a `rt_timezone` other than the one RT reads dates
    in (the API user's) cannot make a search start after the cursor: see ZONE_SLACK."""
    page_size: int = 100
    history_start: datetime | None = None
    """Tickets last updated before this are not read on the first sync (None: all of them)."""
    recheck_limit: int = 200
    """Locally active tickets missing from the search re-read by id per sync (in rotation)."""
    fetch_bodies: bool = True
    """Read message bodies from attachments (one request per message); off: bodies stay empty."""
    status_map: Mapping[str, CaseStatus] = field(default_factory=lambda: dict(STATUSES))
    """RT status (lower case) -> its meaning; a ticket in a status not here is set aside."""

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
        if self.overlap < timedelta(0) or self.zone_slack < timedelta(0):
            raise RtConfigError("overlap and zone_slack must not be negative")
        if self.recheck_limit < 0:
            raise RtConfigError("recheck_limit must not be negative")
        if self.history_start is not None and self.history_start.tzinfo is None:
            raise RtConfigError("history_start must be an aware datetime")


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


def _split_accounts(cursor: str | None) -> tuple[str | None, frozenset[str] | None]:
    """A ticket stream's cursor without its `"accounts"` entry, and that entry (None: absent)."""
    if not cursor:
        return cursor, None
    try:
        document = json.loads(cursor)
    except ValueError:
        return cursor, None
    if not isinstance(document, dict) or "accounts" not in document:
        return cursor, None
    accounts = frozenset(str(a) for a in document.pop("accounts"))
    document.pop("arrivals", None)
    return json.dumps(document, separators=(",", ":")), accounts


def _join_accounts(cursor: str | None, accounts: frozenset[str] | set[str], arrivals: int | None = None) -> str:
    document = json.loads(cursor) if cursor else {}
    document["accounts"] = sorted(accounts)
    if arrivals is not None:
        document["arrivals"] = arrivals  # each page of an arrival gets a cursor of its own
    return json.dumps(document, separators=(",", ":"))


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
        client: HttpClient,
        settings: RtSettings,
        *,
        known_active_ids: Callable[[], Iterable[str]] | None = None,
        known_accounts: Callable[[], Iterable[str]] | None = None,
        set_aside_ids: Callable[[str], Iterable[str]] | None = None,
    ) -> None:
        """`client` carries the auth header, retries, waits and cancel (make it with
        `follow_redirects=False`); `known_active_ids` lists the remote ids of the cases the
        store holds as active, `known_accounts` those of its active accounts, `set_aside_ids(stream)`
        the remote ids the store holds set aside (quarantined)."""
        self._client = client
        self.settings = settings
        self._known_active_ids = known_active_ids
        self._known_accounts = known_accounts
        self.selection: list[Verdict] | None = None
        """The rule's verdict on every account of the catalog, once the accounts were read."""
        self._chosen_accounts: frozenset[str] | None = None
        self._only_accounts: list[str] | None = None
        """While reading the older tickets of newly selected accounts: those accounts."""
        self._arrivals_until: datetime | None = None
        self._set_aside_ids = set_aside_ids
        self._retried_items: list[p.TicketItem] | None = None
        self._zone_checked = False
        self.warnings: list[ZoneMismatch] = []
        """What the advisor should know of this run (the time-zone check); the engine reports them."""
        self._base = rt_base_url(settings.base_url)
        self._api = self._base + RT_API_PATH
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

    @property
    def rereads_set_aside(self) -> frozenset[str]:
        """Streams whose set-aside records every run reads again (the catalog whole, the
        tickets by id): what they do not set aside again is no longer set aside."""
        return frozenset({"accounts", "cases"} if self._set_aside_ids is not None else {"accounts"})

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        if stream == "accounts":
            yield from self._account_pages()
        elif stream in ("contacts", "cases", "case_events"):
            yield from self._ticket_stream(stream, cursor)
        elif stream == "usage_metrics":
            return
        else:
            raise ValueError(f"unknown stream {stream!r}")

    def _ticket_stream(self, stream: str, cursor: str | None) -> Iterator[Page]:
        """A ticket stream, then the older tickets of accounts newly selected (passed over
        while they were someone else's). The cursor names the accounts the stream covers
        (`"accounts"`, beside the mark), so an arrival interrupted by a failure is read again."""
        inner = {"contacts": self._contact_pages, "cases": self._case_pages, "case_events": self._event_pages}[stream]
        chosen = self._chosen_set()
        if chosen is None:  # every account: nothing arrives
            yield from inner(cursor)
            return
        mark_cursor, covered = _split_accounts(cursor)
        # First sync (or a cursor from before): the scan itself reads every chosen account.
        kept = chosen if covered is None else covered & chosen
        arriving = sorted(chosen - kept)
        last, stored = mark_cursor, cursor
        for page in inner(mark_cursor):
            last = page.cursor
            stored = _join_accounts(last, kept)
            yield Page(stream, page.records, stored, page.removed, page.quarantined)
        if arriving:
            log.info("rt %s: reading the older tickets of %d newly selected account(s)", stream, len(arriving))
            for number, page in enumerate(self._arrivals(stream, inner, arriving), start=1):
                yield Page(stream, page.records, _join_accounts(last, kept, number), page.removed, page.quarantined)
            kept = kept | set(arriving)
        final = _join_accounts(last, kept)
        if final != stored:
            yield Page(stream, [], final)

    def _arrivals(
        self, stream: str, inner: Callable[[str | None], Iterator[Page]], accounts: list[str]
    ) -> Iterator[Page]:
        """`inner` from the start, its search narrowed to `accounts`; the stream's own state
        (the case events' cap, the deletion re-check) is left as the main scan set it."""
        saved = (self._known_active_ids, self._cases_until, self._cases_ran)
        self._only_accounts = accounts
        self._known_active_ids = None  # the main scan re-checked deletions already
        if stream == "case_events":
            self._cases_until, self._cases_ran = self._arrivals_until, self._arrivals_until is not None
        try:
            yield from inner(None)
            if stream == "cases":
                self._arrivals_until = self._cases_until
        finally:
            self._only_accounts = None
            self._known_active_ids, self._cases_until, self._cases_ran = saved

    # HTTP -------------------------------------------------------------------------------------

    def _get(self, path: str, kind: type[T], params: Mapping[str, Any] | None = None) -> T:
        return self._client.get_json(f"{self._api}/{path}", kind, params)

    def _get_dated(
        self, path: str, kind: type[T], params: Mapping[str, Any] | None = None
    ) -> tuple[T, datetime | None]:
        """The decoded answer and the server's clock when it answered (its Date header), if known."""
        return self._client.get_json_dated(f"{self._api}/{path}", kind, params)

    def _get_optional(self, path: str, kind: type[T], params: Mapping[str, Any] | None = None) -> T | None:
        """None for 403 and 404 (a record the API user may not see, or one that does not exist)."""
        url = f"{self._api}/{path}"
        response = self._client.fetch(url, params, expect=(403, 404))
        if response.status_code in (403, 404):
            return None
        return decode(response.content, kind, url)

    def _user(self, name: str) -> p.User | None:
        """A user by name, cached for the provider's life; None when the API user may not see them."""
        if name not in self._users:
            self._users[name] = self._get_optional(f"user/{quote(name, safe='')}", p.User)
        return self._users[name]

    # Accounts ---------------------------------------------------------------------------------

    def account_selection(self) -> list[Verdict]:
        """The rule's verdict on every account of the catalog (read once per provider)."""
        if self.selection is None:
            self._read_accounts()
        assert self.selection is not None
        return self.selection

    def _catalog_assets(self) -> Iterator[p.AssetItem]:
        s = self.settings
        catalog = self._get_optional(f"catalog/{quote(s.accounts_catalog, safe='')}", p.Catalog)
        if catalog is None:
            raise RtConfigError(
                f"RT at {self._host}: asset catalog {s.accounts_catalog!r} does not exist or the API user "
                "may not see it (ShowCatalog, ShowAsset and SeeCustomField on its fields)"
            )
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
            yield from result.items
            if result.is_last() or not result.items:
                return

    def _read_accounts(self) -> tuple[list[Account], list[Quarantined]]:
        """The selected accounts that can be stored, and the selected ones set aside with the reason."""
        s = self.settings
        names: dict[str, str] = {}
        candidates: list[Candidate] = []
        valid: dict[str, Account] = {}
        problems: dict[str, Quarantined] = {}
        for asset in self._catalog_assets():
            name = asset.Name.strip()
            entry = asset.custom_field(s.named_advisor_field)
            advisor = entry.first().strip() if entry else ""
            try:
                if name in names:
                    raise _Invalid(f"asset Name {asset.Name!r} is already used by asset {names[name]}")
                account = self._account(asset)
                names[name] = asset.id
                valid[name] = account
                candidates.append(Candidate(name, account.name, advisor))
            except _Invalid as error:
                remote_id = name or f"asset {asset.id}"
                problems.setdefault(remote_id, Quarantined(remote_id, f"asset {asset.id}: {error}", _json(asset)))
                label = (asset.Description or "").strip() or remote_id
                if remote_id not in valid:
                    candidates.append(Candidate(remote_id, label, advisor, problem=str(error)))
        self.selection = evaluate(s.accounts, candidates)
        chosen = chosen_ids(self.selection)
        self._chosen_accounts = chosen
        records = [valid[i] for i in sorted(chosen) if i in valid]
        quarantined = [problems[i] for i in sorted(chosen) if i in problems]
        return records, quarantined

    def _account_pages(self) -> Iterator[Page]:
        records, quarantined = self._read_accounts()
        chosen = self._chosen_accounts or frozenset()
        known = set(self._known_accounts()) if self._known_accounts is not None else set()
        if known and not chosen:
            raise SyncError(
                f"RT at {self._host}: no account of the catalog is selected any more; nothing was removed "
                "(check the account selection: advisor-app accounts)"
            )
        newest = max((r.updated_at for r in records), default=None)
        cursor = f"catalog:{self.settings.accounts_catalog}:{len(chosen)}:{_iso(newest) if newest else '-'}"
        # An account no longer selected (reassigned, removed by hand) becomes a tombstone:
        # its local data stays, and it comes back if it is selected again.
        yield Page("accounts", records, cursor, removed=sorted(known - chosen), quarantined=quarantined)

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
        query = f"Queue = {_quote(self.settings.queue)}" if self.settings.queue else "id > 0"
        if self._only_accounts:
            field = _quote(f"CF.{{{self.settings.account_field}}}")
            query += " AND (" + " OR ".join(f"{field} = {_quote(a)}" for a in self._only_accounts) + ")"
        return query

    def _scan(self, mark: _Mark, fields: str, until: datetime | None = None) -> Iterator[_Batch]:
        """Tickets changed since `mark`, one batch per search page, each with the mark after it.

        Tickets last updated after `until` are left for a later sync (the mark stays before them).
        """
        s = self.settings
        mark = mark.copy()
        start = s.history_start.astimezone(UTC).replace(microsecond=0) if s.history_start else None
        key = mark.since - s.overlap - s.zone_slack if mark.since is not None else None
        if start is not None:
            # The start is written in the zone RT may not read it in, like the cursor: ask from
            # zone_slack before it and leave out what is older (the overlap never reaches before it).
            key = start - s.zone_slack if key is None else max(key, start - s.zone_slack)
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
                if start is not None and item.LastUpdated < start:
                    continue
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
            mark.prune(s.overlap + s.zone_slack)
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

    def _chosen_set(self) -> frozenset[str] | None:
        """The advisor's accounts (asset Names); None when every account is read."""
        rule = self.settings.accounts
        if rule.all_accounts and not rule.removed:
            return None
        if self._chosen_accounts is None:
            self._read_accounts()
        return self._chosen_accounts or frozenset()

    def _check_zone(self) -> None:
        """Once per run: warn when RT reads TicketSQL dates at another UTC offset than
        `rt_timezone` has (REST2 does not tell the API user's zone, so it is measured).

        The probe takes the newest ticket's LastUpdated T (every answer gives UTC) and asks
        `id = N AND LastUpdated >= 'W'` with W the wall-clock time T + d: RT reads W in its
        zone, at offset z, so the ticket matches exactly when d <= z. Two searches tell
        whether z is the configured offset; when not, a binary search over quarter hours
        from -12:00 to +14:00 finds it. A ticket that changes meanwhile makes the probe
        inconclusive (logged, no warning)."""
        if self._zone_checked:
            return
        self._zone_checked = True
        newest = self._get(
            "tickets",
            p.TicketPage,
            {"query": self._base_query(), "fields": "LastUpdated", "orderby": "LastUpdated", "order": "DESC",
             "per_page": 1},
        )  # fmt: skip
        if not newest.items:
            return
        ticket, at = newest.items[0].id, newest.items[0].LastUpdated
        if not ticket.isdigit():
            return

        def matches(offset: timedelta) -> bool:
            wall = (at + offset).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            result = self._get(
                "tickets",
                p.TicketPage,
                {"query": f"id = {ticket} AND LastUpdated >= '{wall}'", "fields": "LastUpdated", "per_page": 1},
            )
            if any(item.LastUpdated != at for item in result.items):
                raise _ZoneProbeMoved
            return bool(result.items)

        configured = at.astimezone(self._zone).utcoffset() or timedelta(0)
        try:
            if matches(configured) and not matches(configured + ZONE_STEP):
                return
            low, high = -48, 56  # quarter hours: UTC-12:00 .. UTC+14:00
            if not matches(low * ZONE_STEP):
                return  # not even the westmost offset: no answer to trust
            while low < high:  # invariant: matches(low), and every offset above high does not
                middle = (low + high + 1) // 2
                if matches(middle * ZONE_STEP):
                    low = middle
                else:
                    high = middle - 1
        except _ZoneProbeMoved:
            log.info(
                "RT at %s: ticket %s changed during the time-zone check; checked again next sync", self._host, ticket
            )
            return
        actual = low * ZONE_STEP
        slack = self.settings.zone_slack
        warning = ZoneMismatch(
            host=self._host,
            actual=actual,
            setting=self.settings.rt_timezone,
            configured=configured,
            slack_hours=slack / timedelta(hours=1),
            covered=slack >= abs(actual - configured),
        )
        log.warning("%s", warning)
        self.warnings.append(warning)

    def _chosen(self, item: p.TicketItem) -> bool:
        """Whether the ticket belongs to one of the advisor's accounts (a ticket without an
        account is kept, so the cases stream sets it aside with the reason)."""
        chosen = self._chosen_set()
        if chosen is None:
            return True
        entry = item.custom_field(self.settings.account_field)
        account = entry.first().strip() if entry else ""
        return not account or account in chosen

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
        if self._meaning(item.Status) is None and item.Status != DELETED:
            return f"status {item.Status!r} is not in the status map (add it in Settings or with --status-map)"
        return None

    # Contacts ---------------------------------------------------------------------------------

    def _contact_pages(self, cursor: str | None) -> Iterator[Page]:
        start = _Mark.decode(cursor)
        held: Page | None = None
        handed: set[str] = set()
        for batch in self._scan(start, "LastUpdated,Requestor,CustomFields"):
            handed.update(item.id for item in batch.items)
            if held is not None:
                yield held
                held = None
            if batch.items or batch.mark.encode() != cursor:
                contacts, quarantined = self._contacts(batch.items)
                held = Page("contacts", contacts, batch.mark.encode(), quarantined=quarantined)
        # The requestors of set-aside tickets come back with them (their account may be fixed now).
        retried = [item for item in self._retry_items() if item.id not in handed]
        if retried:
            contacts, quarantined = self._contacts(retried)
            cursor_now = held.cursor if held is not None else cursor
            held = Page(
                "contacts",
                [*(held.records if held else []), *contacts],
                cursor_now,
                quarantined=[*(held.quarantined if held else []), *quarantined],
            )
        if held is not None:
            yield held

    def _contacts(self, items: Iterable[p.TicketItem]) -> tuple[list[Record], list[Quarantined]]:
        contacts: dict[str, Contact] = {}
        quarantined: list[Quarantined] = []
        for item in items:
            entry = item.custom_field(self.settings.account_field)
            account = entry.first() if entry else ""
            if not account:
                continue  # no account, no contact: the case is quarantined with the reason
            for requestor in item.Requestor:
                user = self._user(requestor.id)
                remote_id = f"{account}/{requestor.id}"
                if user is None:
                    quarantined.append(Quarantined(remote_id, f"user {requestor.id!r} cannot be read by the API user"))
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
        return list(contacts.values()), quarantined

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
        self._check_zone()
        start = _Mark.decode(cursor)
        seen_ids: set[str] = set()
        handed: set[str] = set()
        held: Page | None = None
        mark = start
        for batch in self._scan(start, TICKET_FIELDS):
            mark = batch.mark
            seen_ids.update(batch.returned)
            handed.update(item.id for item in batch.items)
            if not batch.items:
                if held is not None:
                    held = Page("cases", held.records, mark.encode(), held.removed, held.quarantined)
                continue
            if held is not None:
                yield held
            held = self._case_page(batch.items, mark.encode())
        self._cases_until = mark.since
        self._cases_ran = True
        # Set-aside tickets are read again by id: the reason may be gone (their account fixed,
        # the status mapped) although the ticket itself did not change.
        retried = [item for item in self._retry_items() if item.id not in handed]
        seen_ids.update(item.id for item in retried)
        gone, mark = self._recheck(mark, seen_ids)
        if retried:
            page = self._case_page(retried, mark.encode())
            if held is not None:
                page = Page(
                    "cases",
                    [*held.records, *page.records],
                    page.cursor,
                    [*held.removed, *page.removed],
                    [*held.quarantined, *page.quarantined],
                )
            held = page
        if held is not None:
            yield Page("cases", held.records, mark.encode(), [*held.removed, *gone], held.quarantined)
        elif gone or mark.encode() != (cursor or _Mark().encode()):
            yield Page("cases", [], mark.encode(), removed=gone)

    def _case_page(self, items: Iterable[p.TicketItem], cursor: str) -> Page:
        """A page of these tickets: cases, tombstones of deleted ones, and those set aside."""
        records: list[Record] = []
        removed: list[str] = []
        quarantined: list[Quarantined] = []
        for item in items:
            problem = self._case_problem(item)
            if problem is not None:
                quarantined.append(Quarantined(item.id, f"ticket {item.id}: {problem}", _json(item)))
            elif item.Status == DELETED:
                removed.append(item.id)
            else:
                records.append(self._case(item))
        return Page("cases", records, cursor, removed=removed, quarantined=quarantined)

    def _retry_items(self) -> list[p.TicketItem]:
        """The tickets set aside by earlier syncs, read again by id once per run (the ticket
        streams share them); those no longer found or no longer the advisor's drop out."""
        if self._retried_items is None:
            ids = sorted(
                {int(i) for i in (self._set_aside_ids("cases") if self._set_aside_ids else ()) if str(i).isdigit()}
            )
            items: list[p.TicketItem] = []
            for start in range(0, len(ids), SET_ASIDE_CHUNK):
                chosen = " OR ".join(f"id = {i}" for i in ids[start : start + SET_ASIDE_CHUNK])
                query = f"{self._base_query()} AND ({chosen})"
                number = 1
                while True:
                    params = {"query": query, "fields": TICKET_FIELDS, "per_page": MAX_PAGE_SIZE, "page": number}
                    result = self._get("tickets", p.TicketPage, params)
                    for item in result.items:
                        self._learn_fields(item)
                    items.extend(item for item in result.items if self._chosen(item))
                    if result.is_last() or not result.items:
                        break
                    number += 1
            self._retried_items = items
        return self._retried_items

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
            status=self._meaning(item.Status) or CaseStatus.OPEN,  # checked by _case_problem
            created_at=item.Created if item.Created is not None else item.LastUpdated,
            updated_at=item.LastUpdated,
            source_status=item.Status.lower(),
        )

    def _meaning(self, status: str) -> CaseStatus | None:
        return self.settings.status_map.get(status.lower())

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
            url = f"{self._api}/ticket/{ticket_id}"
            response = self._client.fetch(url, expect=(403, 404))
            if response.status_code == 404:
                gone.append(str(ticket_id))
                continue
            if response.status_code == 403:
                continue  # moved where the API user cannot see it: not a deletion
            ticket = decode(response.content, p.Ticket, url)
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
        held: Page | None = None
        handed: set[str] = set()
        for batch in self._scan(start, TICKET_FIELDS, until=until):
            handed.update(item.id for item in batch.items)
            if held is not None:
                yield held
                held = None
            if batch.items or batch.mark.encode() != cursor:
                records, quarantined = self._events(batch.items)
                held = Page("case_events", records, batch.mark.encode(), quarantined=quarantined)
        # The histories of set-aside tickets come with them (their case may land this run).
        retried = [item for item in self._retry_items() if item.id not in handed]
        if retried:
            records, quarantined = self._events(retried)
            held = Page(
                "case_events",
                [*(held.records if held else []), *records],
                held.cursor if held is not None else cursor,
                quarantined=[*(held.quarantined if held else []), *quarantined],
            )
        if held is not None:
            yield held

    def _events(self, items: Iterable[p.TicketItem]) -> tuple[list[Record], list[Quarantined]]:
        records: list[Record] = []
        quarantined: list[Quarantined] = []
        for item in items:
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
        return records, quarantined

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
        value = old = source_value = source_old = ""
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
            new_meaning, old_meaning = self._meaning(new_status), self._meaning(old_status)
            if new_meaning is None or (old_status and old_meaning is None and old_status != DELETED):
                raise _Invalid(f"status change {old_status!r} -> {new_status!r}: a status is not in the status map")
            kind = EventKind.STATUS_CHANGE
            value = new_meaning.value
            old = old_meaning.value if old_meaning is not None else ""
            source_value, source_old = new_status.lower(), old_status.lower() if old_meaning is not None else ""
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
            source_value=source_value,
            source_old_value=source_old,
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


def _utc_offset(offset: timedelta) -> str:
    minutes = int(offset / timedelta(minutes=1))
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _json(value: msgspec.Struct) -> str:
    return msgspec.json.encode(value).decode("utf-8")


__all__ = [
    "SOURCE",
    "RtConfigError",
    "RtError",
    "RtProvider",
    "RtSettings",
    "ZoneMismatch",
    "ticketsql_date",
]
