"""The built-in demo source: a seeded, deterministic generator of realistic support data.

Everything is drawn from `random.Random` instances seeded from (seed, index), so each
account and each case can be generated on its own, in any order, and the same seed and
anchor always give the same records. The anchor is the "now" the histories lead up to.
Records reach the store through the sync engine like any real source's.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any

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
    load_tiers,
)
from advisor_app.resources import resource_path
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

    def __init__(self, seed: int, scale: DemoScale, anchor: datetime) -> None:
        if anchor.tzinfo is None:
            raise ValueError("the demo anchor must be an aware datetime")
        self.seed = seed
        self.scale = scale
        self.anchor = anchor.astimezone(UTC).replace(second=0, microsecond=0)
        self._p = _parameters()
        self._contacts: dict[int, list[Contact]] = {}
        self._events_of_page: dict[int, list[CaseEvent]] = {}

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
        """The case with this index and its whole history up to the anchor."""
        p = self._p
        rng = self._rng(3, case_index)
        account_index = case_index % self.scale.accounts
        account = self.accounts[account_index]
        contacts = self.contacts_of(account_index)
        authorized = [c for c in contacts if c.authorized]
        requester = rng.choice(contacts if rng.random() < 0.06 else authorized)
        agents = ("Alex Morgan", "Sam Okafor", "Jamie Lindqvist")
        severity = Severity(_weighted(rng, {1: 0.07, 2: 0.3, 3: 0.63}))
        # Cases arrive evenly over the history; the young ones are the active ones.
        age_hours = HISTORY_DAYS * 24 * rng.random()
        created = self.anchor - timedelta(minutes=int(age_hours * 60) + 1)
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
            if at >= self.anchor:
                break
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
                if solve_at < self.anchor:
                    set_status(CaseStatus.SOLVED, solve_at, agent)
                    if solve_at + timedelta(days=4) < self.anchor:
                        set_status(CaseStatus.CLOSED, solve_at + timedelta(days=4), "system")
                break
            reply_at = at + timedelta(minutes=int(rng.uniform(0.5, 60) * 60))
            if reply_at >= self.anchor:
                break
            add(EventKind.CUSTOMER_MESSAGE, reply_at, requester.email, rng.choice(p["customer_lines"]))
            set_status(CaseStatus.OPEN, reply_at, requester.email)
            follow_up = {1: (0.5, 30.0), 2: (2.0, 80.0), 3: (2.0, 90.0)}[current_severity.value]
            at = reply_at + timedelta(minutes=int(rng.uniform(*follow_up) * 60))
        else:
            # The story ran out of cycles unsolved: the agent's next reply, when its time has
            # come, asks the customer for details, and the case waits on them.
            if status is CaseStatus.OPEN and at < self.anchor:
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
        return _CaseStory(case, events)

    # Usage and service days -------------------------------------------------------------

    def usage_of(self, account_index: int) -> list[UsageMetric]:
        account = self.accounts[account_index]
        rng = self._rng(4, account_index)
        metrics = []
        first_day = self.anchor.date() - timedelta(days=HISTORY_DAYS)
        for metric, (low, high) in self._p["metrics"].items():
            level = rng.uniform(low, high)
            trend = rng.uniform(-0.004, 0.008)
            for offset in range(HISTORY_DAYS):
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

    # Provider ------------------------------------------------------------------------

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        done = self.anchor.isoformat()
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
        total = self.scale.cases
        for start in range(0, total, self.page_size):
            stop = min(start + self.page_size, total)
            records: list[Case] | list[CaseEvent]
            kept = self._events_of_page.pop(start, None) if stream == "case_events" else None
            if kept is not None:
                records = kept
            else:
                stories = [self.story(index) for index in range(start, stop)]
                if stream == "cases":
                    records = [story.case for story in stories]
                    if total <= KEEP_EVENTS_UP_TO:
                        self._events_of_page[start] = [event for story in stories for event in story.events]
                else:
                    records = [event for story in stories for event in story.events]
            yield Page(stream, records, done if stop == total else f"{done}#{stop}")


def demo_source(seed: int, scale: str, anchor: datetime) -> DemoSource:
    try:
        return DemoSource(seed, SCALES[scale], anchor)
    except KeyError:
        raise ValueError(f"unknown demo scale {scale!r} (known: {', '.join(SCALES)})") from None
