"""A small fixed history for draft tests: accounts in Berlin and Denver, cases whose SLA
outcome in ISO week 2026-W47 (Monday 16 to Sunday 22 November) is known by hand."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import Account, Case, CaseEvent, CaseStatus, Contact, ContractStatus, EventKind, Severity
from advisor_app.domain.model import UsageMetric
from advisor_app.store import database, schema
from advisor_app.store.clocks import recompute_on_change
from advisor_app.sync.engine import run_sync
from advisor_app.sync.provider import Page

BERLIN = ZoneInfo("Europe/Berlin")
DENVER = ZoneInfo("America/Denver")
WEEK = "2026-W47"
# Friday of W47, 12:30 in Berlin: the week is still running.
NOW = datetime(2026, 11, 20, 12, 30, tzinfo=BERLIN).astimezone(UTC)


def berlin(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN).astimezone(UTC)


class Provider:
    source = "test"
    identity = "test://drafts"

    def __init__(self, streams: dict[str, list[Page]]) -> None:
        self.streams = streams

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        yield from self.streams.get(stream, [])


def account(remote_id: str, name: str, zone: str, region: str, tier: str = "gold") -> Account:
    return Account(
        "test", remote_id, name, tier, region, zone, date(2026, 3, 1), "Ada Advisor", ContractStatus.ACTIVE, NOW
    )


def case(remote_id: str, account_id: str, severity: Severity, created: datetime, status: CaseStatus) -> Case:
    return Case(
        "test", remote_id, account_id, f"Case {remote_id}", "", "c@acme.example", severity, status, created, NOW
    )


def event(case_id: str, n: int, kind: EventKind, at: datetime, value: str = "", old: str = "") -> CaseEvent:
    author = "agent@vendor.example" if kind is EventKind.AGENT_REPLY else "c@acme.example"
    return CaseEvent("test", f"{case_id}-{n}", case_id, kind, at, author, value, old)


def fill(engine: Engine, now: datetime = NOW) -> None:
    accounts = [
        account("berlin", "Acme GmbH", "Europe/Berlin", "de"),
        account("denver", "Acme Inc.", "America/Denver", "us-mountain"),
        account("quiet", "Quiet AG", "Europe/Berlin", "de"),
    ]
    cases = [
        # A: Sev 2 Monday 09:00, answered 10:00 (first response met), solved Wednesday.
        case("A", "berlin", Severity.MAJOR, berlin(16, 9), CaseStatus.SOLVED),
        # B: opened the week before, answered, then waiting on the customer since then.
        case("B", "berlin", Severity.MINOR, berlin(12, 10), CaseStatus.PENDING),
        # C: Sev 3 Tuesday 10:00, never answered: 12 business hours (09-18) run out Wednesday 13:00.
        case("C", "berlin", Severity.MINOR, berlin(17, 10), CaseStatus.NEW),
        # D: Sev 2 Thursday 15:00, 8 business hours: 6 used by Friday 12:00 (at risk), due 14:00.
        case("D", "berlin", Severity.MAJOR, berlin(19, 15), CaseStatus.NEW),
        # E: Monday 00:30 in Berlin is still Sunday evening in Denver.
        case("E", "berlin", Severity.MINOR, berlin(16, 0, 30), CaseStatus.OPEN),
        case("F", "denver", Severity.MINOR, berlin(16, 0, 30), CaseStatus.OPEN),
        # G: Saturday 2 January 2027 belongs to ISO week 2026-W53; Sev 1 answered in 30 minutes.
        case("G", "berlin", Severity.CRITICAL, berlin(2, 10, 0, 1, 2027), CaseStatus.OPEN),
    ]
    events = [
        event("A", 1, EventKind.AGENT_REPLY, berlin(16, 10)),
        event("A", 2, EventKind.STATUS_CHANGE, berlin(16, 10), "open", "new"),
        event("A", 3, EventKind.STATUS_CHANGE, berlin(18, 11), "solved", "open"),
        event("B", 1, EventKind.AGENT_REPLY, berlin(12, 11)),
        event("B", 2, EventKind.STATUS_CHANGE, berlin(12, 11), "pending", "new"),
        event("E", 1, EventKind.AGENT_REPLY, berlin(16, 9, 30)),
        event("E", 2, EventKind.STATUS_CHANGE, berlin(16, 9, 30), "open", "new"),
        event("F", 1, EventKind.AGENT_REPLY, berlin(16, 9, 30)),
        event("F", 2, EventKind.STATUS_CHANGE, berlin(16, 9, 30), "open", "new"),
        event("G", 1, EventKind.AGENT_REPLY, berlin(2, 10, 30, 1, 2027)),
        event("G", 2, EventKind.STATUS_CHANGE, berlin(2, 10, 30, 1, 2027), "open", "new"),
    ]
    contacts = [
        Contact("test", "k1", "berlin", "Jürgen Groß", "juergen@acme.example", True, NOW),
        Contact("test", "k2", "berlin", "Bea Smith, PhD", "bea@acme.example", True, NOW),
        Contact("test", "k3", "berlin", "Not Authorized", "other@acme.example", False, NOW),
    ]
    usage = [UsageMetric("test", "berlin", "active_users", date(2026, 11, day), 100.0) for day in range(9, 16)]
    usage += [UsageMetric("test", "berlin", "active_users", date(2026, 11, day), 110.0) for day in range(16, 21)]
    streams = {
        "accounts": [Page("accounts", accounts, "1")],
        "contacts": [Page("contacts", contacts, "1")],
        "cases": [Page("cases", cases, "1")],
        "case_events": [Page("case_events", events, "1")],
        "usage_metrics": [Page("usage_metrics", usage, "1")],
    }
    run_sync(engine, Provider(streams), lambda: now, on_cases_changed=recompute_on_change(lambda: now))


def make_engine(tmp_path: Path) -> Engine:
    engine = database.open_database(tmp_path / "d.db", tmp_path / "b", NOW)
    fill(engine)
    return engine


def account_id(engine: Engine, remote_id: str) -> int:
    with Session(engine) as session:
        return session.execute(
            select(schema.AccountRow.id).where(schema.AccountRow.remote_id == remote_id)
        ).scalar_one()
