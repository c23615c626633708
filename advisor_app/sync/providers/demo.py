"""The built-in demo source: a seeded, deterministic generator of realistic support data.

Everything is drawn from `random.Random` instances seeded from (seed, index), so each
account and each case can be generated on its own, in any order, and the same seed and
anchor always give the same records. The anchor is the instant the first sync's histories
lead up to; it is kept in the sync cursor, so later syncs keep it: a case's whole story is
drawn without regard to the present and shown up to `now`, so every record a sync has
stored comes back the same, later events are added as their time comes, and new cases
keep arriving after the anchor at the history's pace. Records reach the store through the
sync engine like any real source's.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo

from advisor_app.domain import (
    Account,
    Case,
    CaseEvent,
    CaseStatus,
    Contact,
    ContractStatus,
    EventKind,
    ServiceDayKind,
    Severity,
    UsageMetric,
    WeeklyUpdateState,
    load_tiers,
)
from advisor_app.domain.resources import resource_path
from advisor_app.obligations.weekly_updates import due_at, iso_week
from advisor_app.sync.provider import Page

SOURCE = "demo"
HISTORY_DAYS = 56
# Up to this many cases, the events made for the cases stream are kept for the events stream
# that follows (each history is generated once per sync); beyond it, memory matters more.
KEEP_EVENTS_UP_TO = 50_000


@dataclass(frozen=True, slots=True)
class DemoScale:
    accounts: int
    cases: int


SCALES = {
    "standard": DemoScale(accounts=25, cases=2_000),
    "medium": DemoScale(accounts=25, cases=20_000),
    "large": DemoScale(accounts=200, cases=200_000),
    "tiny": DemoScale(accounts=3, cases=60),
}


@dataclass(frozen=True, slots=True)
class DemoServiceDay:
    account_remote_id: str
    day: date
    half_days: int
    kind: ServiceDayKind
    note: str


@dataclass(frozen=True, slots=True)
class DemoWeeklyUpdate:
    """A past week's update of the demo's story: sent (on time or late) or skipped."""

    account_remote_id: str
    week: str
    state: WeeklyUpdateState
    sent_at: datetime | None
    reason: str


SKIP_REASONS = (
    "Customer on holiday",
    "Quiet week: agreed with the customer to skip",
    "Covered in the quarterly review",
)


def _parameters() -> dict[str, Any]:
    with resource_path("demo", "parameters.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def _weighted(rng: random.Random, weights: dict[Any, float]) -> Any:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(frozen=True, slots=True)
class _CaseStory:
    case: Case
    events: list[CaseEvent]


class DemoSource:
    """A provider (see `advisor_app.sync.provider.Provider`) of generated data."""

    page_size = 2_000

    def __init__(self, seed: int, scale: DemoScale, now: datetime) -> None:
        if now.tzinfo is None:
            raise ValueError("the demo's present must be an aware datetime")
        self.seed = seed
        self.scale = scale
        self.now = now.astimezone(UTC).replace(second=0, microsecond=0)
        self.anchor = self.now
        """Where the histories lead up to: `now` on the first sync, then the stored cursor's."""
        self._p = _parameters()
        self._contacts: dict[int, list[Contact]] = {}
        self._events_of_page: dict[int, list[CaseEvent]] = {}
        self._anchor_fixed = False

    def _adopt_anchor(self, cursor: str | None) -> None:
        """Take the anchor of an earlier sync from its cursor (`ANCHOR|NOW[#page]`, or an older
        workspace's plain `ANCHOR[#page]`), once per run, before anything is generated."""
        if self._anchor_fixed or cursor is None:
            return
        self._anchor_fixed = True
        try:
            anchor = datetime.fromisoformat(cursor.split("|")[0].split("#")[0])
        except ValueError:
            return
        if anchor.tzinfo is not None and anchor <= self.now and anchor != self.anchor:
            self.anchor = anchor.astimezone(UTC)
            self.__dict__.pop("accounts", None)
            self._contacts.clear()
            self._events_of_page.clear()

    @property
    def case_count(self) -> int:
        """The scale's cases, and those that have arrived since the anchor at the same pace."""
        return self.scale.cases + int((self.now - self.anchor) / self._arrival_interval)

    @property
    def _arrival_interval(self) -> timedelta:
        return timedelta(days=HISTORY_DAYS) / self.scale.cases

    @property
    def source(self) -> str:
        return SOURCE

    @property
    def identity(self) -> str:
        return f"demo:seed={self.seed}:accounts={self.scale.accounts}:cases={self.scale.cases}"

    def _rng(self, *key: int) -> random.Random:
        value = self.seed
        for part in key:
            value = value * 1_000_003 + part
        return random.Random(value)

    # Accounts and contacts ---------------------------------------------------------

    @cached_property
    def accounts(self) -> list[Account]:
        p = self._p
        rng = self._rng(1)
        names: set[str] = set()
        accounts = []
        regions = p["regions"]
        for index in range(self.scale.accounts):
            region = rng.choices(regions, weights=[r["weight"] for r in regions])[0]
            while True:
                base = f"{rng.choice(p['company_first'])} {rng.choice(p['company_second'])}"
                name = f"{base} {rng.choice(region['suffixes'])}"
                if name not in names or len(names) > 400:
                    break
            if name in names:
                name = f"{name} {index}"
            names.add(name)
            tier = _weighted(rng, p["tiers"])
            named = load_tiers().get(tier).named_advisor
            start = self.anchor.date() - timedelta(days=rng.randrange(20, 360))
            if index == 0:
                start = date(2024, 2, 29)  # a contract that starts on a leap day
            status = ContractStatus.ONBOARDING if rng.random() < 0.12 else ContractStatus.ACTIVE
            accounts.append(
                Account(
                    source=SOURCE,
                    remote_id=f"acct-{index + 1:03d}",
                    name=name,
                    tier=tier,
                    region=region["calendar"],
                    timezone=region["timezone"],
                    contract_year_start=start,
                    named_advisor=p["advisor"] if named else None,
                    contract_status=status,
                    updated_at=self.anchor - timedelta(days=rng.randrange(1, 30)),
                )
            )
        return accounts

    def contacts_of(self, account_index: int) -> list[Contact]:
        cached = self._contacts.get(account_index)
        if cached is None:
            cached = self._contacts[account_index] = self._make_contacts(account_index)
        return cached

    def _make_contacts(self, account_index: int) -> list[Contact]:
        p = self._p
        account = self.accounts[account_index]
        rng = self._rng(2, account_index)
        limit = load_tiers().get(account.tier).authorized_contacts or 2
        authorized = limit + (1 if rng.random() < 0.15 else 0)  # some accounts are over their limit
        total = authorized + rng.randrange(1, 5)
        domain = account.name.split()[0].lower() + ".example"
        contacts = []
        for index in range(total):
            first, last = rng.choice(p["first_names"]), rng.choice(p["last_names"])
            contacts.append(
                Contact(
                    source=SOURCE,
                    remote_id=f"{account.remote_id}-c{index + 1:02d}",
                    account_remote_id=account.remote_id,
                    name=f"{first} {last}",
                    email=f"{first}.{last}{index}@{domain}".lower(),
                    authorized=index < authorized,
                    updated_at=account.updated_at,
                )
            )
        return contacts

    # Cases ---------------------------------------------------------------------------

    def _subject(self, rng: random.Random) -> str:
        p = self._p
        return rng.choice(p["subjects"]).format(
            team=rng.choice(p["teams"]),
            flow=rng.choice(p["flows"]),
            system=rng.choice(p["systems"]),
            feature=rng.choice(p["features"]),
            weekday=rng.choice(p["weekdays"]),
        )

    def story(self, case_index: int) -> _CaseStory:
        """The case with this index and its history up to `now` (none when it has not arrived)."""
        case, events = self._whole_story(case_index)
        shown = [event for event in events if event.at <= self.now]
        status, severity = CaseStatus.NEW, case.severity
        severities = [event for event in events if event.kind is EventKind.SEVERITY_CHANGE]
        if severities:
            severity = Severity(int(severities[0].old_value))
        for event in shown:
            if event.kind is EventKind.STATUS_CHANGE:
                status = CaseStatus(event.value)
            elif event.kind is EventKind.SEVERITY_CHANGE:
                severity = Severity(int(event.value))
        updated = shown[-1].at if shown else case.created_at
        return _CaseStory(replace(case, status=status, severity=severity, updated_at=updated), shown)

    def _whole_story(self, case_index: int) -> tuple[Case, list[CaseEvent]]:
        """The case's whole story, drawn without regard to the present (so the part of it a
        sync has shown never changes); `story` cuts it at `now`."""
        p = self._p
        rng = self._rng(3, case_index)
        account_index = case_index % self.scale.accounts
        account = self.accounts[account_index]
        contacts = self.contacts_of(account_index)
        authorized = [c for c in contacts if c.authorized]
        requester = rng.choice(contacts if rng.random() < 0.06 else authorized)
        agents = ("Alex Morgan", "Sam Okafor", "Jamie Lindqvist")
        severity = Severity(_weighted(rng, {1: 0.07, 2: 0.3, 3: 0.63}))
        share = rng.random()
        if case_index < self.scale.cases:
            # Cases arrive evenly over the history; the young ones are the active ones.
            age_hours = HISTORY_DAYS * 24 * share
            created = self.anchor - timedelta(minutes=int(age_hours * 60) + 1)
        else:
            # Arrivals after the anchor, one per interval, at the same pace.
            age_hours = 0.0
            created = self.anchor + self._arrival_interval * (case_index - self.scale.cases + share)
            created = created.replace(second=0, microsecond=0)
        remote_id = str(10_000 + case_index)
        events: list[CaseEvent] = []
        status = CaseStatus.NEW

        def add(kind: EventKind, at: datetime, author: str, value: str = "", old: str = "") -> None:
            events.append(CaseEvent(SOURCE, f"{remote_id}-{len(events) + 1}", remote_id, kind, at, author, value, old))

        def set_status(new: CaseStatus, at: datetime, author: str) -> None:
            nonlocal status
            if new != status:
                add(EventKind.STATUS_CHANGE, at, author, new.value, status.value)
                status = new

        description = " ".join(rng.sample(p["customer_lines"], 2))
        add(EventKind.CUSTOMER_MESSAGE, created, requester.email, description)
        current_severity = severity
        first_reply_hours = {1: (0.2, 5.0), 2: (0.5, 16.0), 3: (1.0, 30.0)}[severity.value]
        at = created + timedelta(minutes=int(rng.uniform(*first_reply_hours) * 60))
        if rng.random() < 0.12:
            at += timedelta(minutes=int(rng.uniform(4, 40) * 60))  # a late first reply: a breach
        cycles = rng.randrange(1, 6)
        solved_after = rng.random() < (0.97 if age_hours > 240 else 0.55)
        for cycle in range(cycles):
            agent = rng.choice(agents)
            if rng.random() < 0.25:
                note_at = max(events[-1].at, at - timedelta(minutes=rng.randrange(5, 90)))
                add(EventKind.INTERNAL_NOTE, note_at, agent, rng.choice(p["notes"]))
            add(EventKind.AGENT_REPLY, at, agent, rng.choice(p["agent_lines"]))
            if cycle == 0 and rng.random() < 0.06:
                new = Severity(min(3, current_severity + 1) if current_severity < 3 else 2)
                add(
                    EventKind.SEVERITY_CHANGE,
                    at + timedelta(minutes=2),
                    agent,
                    str(new.value),
                    str(current_severity.value),
                )
                current_severity = new
            waiting = rng.random() < 0.45
            set_status(CaseStatus.PENDING if waiting else CaseStatus.OPEN, at, agent)
            if cycle == cycles - 1 and solved_after:
                solve_at = at + timedelta(minutes=int(rng.uniform(1, 72) * 60))
                set_status(CaseStatus.SOLVED, solve_at, agent)
                set_status(CaseStatus.CLOSED, solve_at + timedelta(days=4), "system")
                break
            reply_at = at + timedelta(minutes=int(rng.uniform(0.5, 60) * 60))
            add(EventKind.CUSTOMER_MESSAGE, reply_at, requester.email, rng.choice(p["customer_lines"]))
            set_status(CaseStatus.OPEN, reply_at, requester.email)
            follow_up = {1: (0.5, 30.0), 2: (2.0, 80.0), 3: (2.0, 90.0)}[current_severity.value]
            at = reply_at + timedelta(minutes=int(rng.uniform(*follow_up) * 60))
        else:
            # The story ran out of cycles unsolved: the agent's next reply asks the customer
            # for details, and the case waits on them.
            if status is CaseStatus.OPEN:
                agent = rng.choice(agents)
                add(EventKind.AGENT_REPLY, at, agent, "Could you send us the details we need to reproduce this?")
                set_status(CaseStatus.PENDING, at, agent)
        events.sort(key=lambda event: event.at)
        case = Case(
            source=SOURCE,
            remote_id=remote_id,
            account_remote_id=account.remote_id,
            subject=self._subject(rng),
            description=description,
            requester=requester.email,
            severity=current_severity,
            status=status,
            created_at=created,
            updated_at=events[-1].at,
        )
        return case, events

    # Usage and service days -------------------------------------------------------------

    def usage_of(self, account_index: int) -> list[UsageMetric]:
        account = self.accounts[account_index]
        metrics = []
        first_day = self.anchor.date() - timedelta(days=HISTORY_DAYS)
        # Up to yesterday: the history before the anchor, and each day since as it ends.
        days = HISTORY_DAYS + (self.now.date() - self.anchor.date()).days
        for metric_index, (metric, (low, high)) in enumerate(self._p["metrics"].items()):
            rng = self._rng(4, account_index, metric_index)  # one per metric: a later day draws nothing earlier
            level = rng.uniform(low, high)
            trend = rng.uniform(-0.004, 0.008)
            for offset in range(days):
                day = first_day + timedelta(days=offset)
                weekend = 0.35 if day.weekday() >= 5 else 1.0
                level *= 1 + trend + rng.uniform(-0.03, 0.03)
                value = level if metric == "storage_gb" else level * weekend
                metrics.append(UsageMetric(SOURCE, account.remote_id, metric, day, round(value, 1)))
        return metrics

    def service_days(self) -> list[DemoServiceDay]:
        """Local-owned ledger entries the demo workspace starts with (not synced)."""
        entries = []
        kinds = list(ServiceDayKind)
        for index, account in enumerate(self.accounts):
            allotment = load_tiers().get(account.tier).service_days_per_year or 0
            if not allotment:
                continue
            rng = self._rng(5, index)
            for _ in range(rng.randrange(0, allotment + 1)):
                entries.append(
                    DemoServiceDay(
                        account.remote_id,
                        self.anchor.date() - timedelta(days=rng.randrange(1, HISTORY_DAYS)),
                        rng.choice((1, 2, 2)),
                        rng.choice(kinds),
                        rng.choice(("Quarterly review", "Dashboard workshop", "Onboarding session", "Admin training")),
                    )
                )
        return entries

    @property
    def tracked_since(self) -> datetime:
        """When the demo workspace "started tracking" its accounts: the history's first day."""
        return self.anchor - timedelta(days=HISTORY_DAYS)

    def weekly_updates(self) -> list[DemoWeeklyUpdate]:
        """The story of the past weeks' updates (local-owned, not synced): mostly sent before
        Friday's due time, a few late or skipped, and some accounts' last week not sent yet."""
        updates = []
        for index, account in enumerate(self.accounts):
            if account.named_advisor is None or not load_tiers().get(account.tier).weekly_updates:
                continue
            rng = self._rng(6, index)
            zone = ZoneInfo(account.timezone)
            tracked = self.tracked_since.astimezone(zone).date()
            first = max(tracked, account.contract_year_start)
            monday = first - timedelta(days=first.weekday())
            today = self.anchor.astimezone(zone).date()
            this_monday = today - timedelta(days=today.weekday())
            while monday < this_monday:
                week = iso_week(monday)
                due = due_at(week, account.timezone)
                roll = rng.random()
                last = monday + timedelta(days=7) == this_monday
                monday += timedelta(days=7)
                if (last and roll < 0.3) or roll < 0.03:
                    continue  # not sent: overdue
                if roll < 0.1:
                    updates.append(
                        DemoWeeklyUpdate(
                            account.remote_id, week, WeeklyUpdateState.SKIPPED, None, rng.choice(SKIP_REASONS)
                        )
                    )
                    continue
                if roll < 0.22:
                    sent = due + timedelta(minutes=int(rng.uniform(1, 60) * 60))  # late
                else:
                    sent = due - timedelta(minutes=int(rng.uniform(0.5, 30) * 60))
                updates.append(DemoWeeklyUpdate(account.remote_id, week, WeeklyUpdateState.SENT, sent, ""))
        return updates

    # Provider ------------------------------------------------------------------------

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        self._adopt_anchor(cursor)
        done = f"{self.anchor.isoformat()}|{self.now.isoformat()}"
        if cursor == done:
            return
        if stream == "accounts":
            yield Page(stream, self.accounts, done)
        elif stream == "contacts":
            contacts = [c for index in range(len(self.accounts)) for c in self.contacts_of(index)]
            yield Page(stream, contacts, done)
        elif stream == "usage_metrics":
            for index in range(len(self.accounts)):
                last = index == len(self.accounts) - 1
                yield Page(stream, self.usage_of(index), done if last else f"{done}#{index}")
        elif stream in ("cases", "case_events"):
            yield from self._case_pages(stream, done)
        else:
            raise ValueError(f"unknown stream {stream!r}")

    def _case_pages(self, stream: str, done: str) -> Iterator[Page]:
        total = self.case_count
        for start in range(0, total, self.page_size):
            stop = min(start + self.page_size, total)
            records: list[Case] | list[CaseEvent]
            kept = self._events_of_page.pop(start, None) if stream == "case_events" else None
            if kept is not None:
                records = kept
            else:
                stories = [self.story(index) for index in range(start, stop)]
                if stream == "cases":
                    records = [story.case for story in stories if story.case.created_at <= self.now]
                    if total <= KEEP_EVENTS_UP_TO:
                        self._events_of_page[start] = [event for story in stories for event in story.events]
                else:
                    records = [event for story in stories for event in story.events]
            yield Page(stream, records, done if stop == total else f"{done}#{stop}")


def demo_source(seed: int, scale: str, now: datetime) -> DemoSource:
    """The demo as of `now`; its anchor is `now` on a first sync, else the stored cursor's."""
    try:
        return DemoSource(seed, SCALES[scale], now)
    except KeyError:
        raise ValueError(f"unknown demo scale {scale!r} (known: {', '.join(SCALES)})") from None
