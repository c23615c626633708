"""Faults between the Zendesk provider and the store: the engine and the HTTP layer together.

Every scenario syncs a workspace once, records a local-owned service day, lets the source
change (a comment, a status change, a deletion, a burst of tickets sharing the stored
mark's second, a new ticket), then syncs through a fault. Where the fault could not be
overcome, the error must say what happened, and a later sync without the fault must
finish the job. In the end the synced tables equal those of a clean run, and the service
day is untouched.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from advisor_app.store import database, schema
from advisor_app.sync.engine import SyncError, run_sync
from advisor_app.sync.http import (
    HttpClient,
    HttpInvalidJson,
    HttpServerError,
    HttpTimeout,
    Timeouts,
    basic_token_auth,
)
from advisor_app.sync.providers.zendesk import ZendeskConfig, ZendeskProvider
from tests.unit.sync.fault_server import Fault, LoopbackServer
from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
CONFIG = ZendeskConfig(organization_tag="advisor-ada", authorized_user_tag="authorized", page_size=3)


def clock() -> datetime:
    return NOW


def build(admin: bool) -> tuple[FakeZendesk, dict[str, int]]:
    fake = FakeZendesk(me_role="admin" if admin else "agent")
    ids = populate(fake)
    fake.add_org("Empty Inc", tags=("advisor-ada",), support_tier="bronze")  # an empty listing of tickets
    fake.tick(3)
    for n in range(8):  # one second, three pages
        ids[f"burst{n}"] = fake.add_ticket(ids["acme"], ids["wile"], f"Burst {n}", priority="high")
    fake.tick(1)
    return fake, ids


def change(fake: FakeZendesk, ids: dict[str, int]) -> None:
    fake.tick(20)
    fake.comment(ids["t2"], ids["hans"], "Here is the log.")
    fake.change(ids["t2"], ids["hans"], "status", "open")
    fake.change(ids["t1"], ids["agent"], "status", "solved")
    fake.delete_ticket(ids["t3"], ids["agent"])
    fake.add_ticket(ids["globex"], ids["hans"], "New trouble", priority="urgent")
    # Tickets at the very second of the last burst: the stored mark.
    fake.now = datetime.fromisoformat(fake.tickets[ids["burst0"]]["updated_at"].replace("Z", "+00:00"))
    for n in range(4):
        fake.add_ticket(ids["globex"], ids["hans"], f"Same second {n}")
    fake.now = NOW


@dataclass
class Waits:
    sleeps: list[float] = field(default_factory=list)
    told: list[tuple[float, str]] = field(default_factory=list)

    def sleep(self, seconds: float, cancel: Any) -> None:
        self.sleeps.append(seconds)

    def on_wait(self, seconds: float, reason: str) -> None:
        self.told.append((seconds, reason))


def provider(server: LoopbackServer, waits: Waits, admin: bool) -> ZendeskProvider:
    client = HttpClient(
        server.url,
        basic_token_auth(EMAIL, TOKEN),
        timeouts=Timeouts(connect=1, read=0.25),
        retries=2,
        sleeper=waits.sleep,
        on_wait=waits.on_wait,
    )
    return ZendeskProvider(client, CONFIG, admin=admin, now=clock)


def snapshot(engine: Engine) -> dict[str, Any]:
    """The synced tables without surrogate keys (parents named by remote id)."""
    with engine.connect() as connection:
        accounts = {r.id: r.remote_id for r in connection.execute(select(schema.accounts))}
        cases = {r.id: r.remote_id for r in connection.execute(select(schema.cases))}
        result: dict[str, Any] = {}
        for name in ("accounts", "contacts", "cases", "case_events"):
            table = schema.Base.metadata.tables[name]
            rows = []
            for row in connection.execute(select(table)):
                data = dict(row._mapping)
                data.pop("id")
                if "account_id" in data:
                    data["account_id"] = accounts[data["account_id"]]
                if "case_id" in data:
                    data["case_id"] = cases[data["case_id"]]
                rows.append(data)
            result[name] = sorted(rows, key=lambda d: d["remote_id"])
        q = schema.quarantine.c
        result["quarantine"] = sorted(
            (r.stream, r.remote_id, r.reason) for r in connection.execute(select(q.stream, q.remote_id, q.reason))
        )
    return result


def service_days(engine: Engine) -> list[tuple[Any, ...]]:
    t = schema.service_day_entries.c
    with engine.connect() as connection:
        return [tuple(r) for r in connection.execute(select(t.account_id, t.day, t.half_days, t.kind, t.note))]


def open_store(path: Path) -> Engine:
    return database.open_database(path / "s.db", path / "backups", NOW)


def sync_history(tmp_path: Path, admin: bool, fault: Callable[[FakeZendesk, LoopbackServer], object] | None) -> Outcome:
    fake, ids = build(admin)
    engine = open_store(tmp_path)
    waits = Waits()
    outcome = Outcome(engine, waits)
    with running(fake) as server:
        run_sync(engine, provider(server, waits, admin), clock)
        with engine.begin() as connection:
            account_id = connection.execute(
                select(schema.accounts.c.id).where(schema.accounts.c.remote_id == str(ids["acme"]))
            ).scalar_one()
            connection.execute(
                schema.service_day_entries.insert().values(
                    account_id=account_id,
                    day=date(2026, 11, 20),
                    half_days=2,
                    kind="workshop",
                    note="Dashboard workshop",
                    created_at=NOW,
                    updated_at=NOW,
                )
            )
        outcome.service_days = service_days(engine)
        change(fake, ids)
        if fault is not None:
            fault(fake, server)
        try:
            outcome.report = run_sync(engine, provider(server, waits, admin), clock)
        except SyncError as error:
            outcome.error = error
        outcome.fired = [f.fired for f in server.faults]
        if outcome.error is not None:
            # The fault is over: the next sync finishes the job.
            server.clear_faults()
            fake.repeat_cursor = False
            run_sync(engine, provider(server, waits, admin), clock)
    return outcome


@dataclass
class Outcome:
    engine: Engine
    waits: Waits
    report: Any = None
    error: SyncError | None = None
    fired: list[int] = field(default_factory=list)
    service_days: list[tuple[Any, ...]] = field(default_factory=list)


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[bool, dict[str, Any]]]:
    results = {}
    for admin in (False, True):
        outcome = sync_history(tmp_path_factory.mktemp(f"clean-{admin}"), admin, None)
        results[admin] = snapshot(outcome.engine)
        outcome.engine.dispose()
    yield results


def check(outcome: Outcome, clean_snapshot: dict[str, Any]) -> None:
    assert snapshot(outcome.engine) == clean_snapshot
    assert service_days(outcome.engine) == outcome.service_days
    outcome.engine.dispose()


def test_the_clean_run_has_what_the_source_has(clean: dict[bool, dict[str, Any]]) -> None:
    cases = {c["subject"]: c for c in clean[False]["cases"]}
    assert len(cases) == 4 + 8 + 1 + 4 - 1  # populate's three of ours, the burst, the new, same second
    assert cases["Question about exports"]["removed_at"] == NOW
    assert cases["Import fails"]["status"] == "open"
    assert clean[False]["quarantine"] == []
    assert clean[True] == clean[False]


FAULTS: dict[str, tuple[Callable[[FakeZendesk, LoopbackServer], object], type[SyncError] | None, str]] = {
    "500 then fine": (lambda f, s: s.inject(Fault("status", path="/search/export", status=500, times=2)), None, ""),
    "500 that lasts": (
        lambda f, s: s.inject(Fault("status", path="/comments", status=502, times=99)),
        HttpServerError,
        "server error 502 after 3 attempts",
    ),
    "429": (lambda f, s: s.inject(Fault("status", path="/audits", status=429, retry_after="5", times=2)), None, ""),
    "timeout then fine": (lambda f, s: s.inject(Fault("delay", path="/search/export", delay=0.4)), None, ""),
    "timeout that lasts": (
        lambda f, s: s.inject(Fault("delay", path="/users", delay=0.4, times=99)),
        HttpTimeout,
        "did not answer within 0.25 s",
    ),
    "reset mid-body": (lambda f, s: s.inject(Fault("reset", path="/search/export", times=2)), None, ""),
    "truncated JSON": (lambda f, s: s.inject(Fault("truncate", path="/comments", times=2)), None, ""),
    "truncated JSON that lasts": (
        lambda f, s: s.inject(Fault("truncate", path="/audits", times=99)),
        HttpInvalidJson,
        "not valid JSON",
    ),
    "duplicate pages": (lambda f, s: setattr(f, "overlap_pages", 2), None, ""),
    "out-of-order pages": (lambda f, s: setattr(f, "reverse_order", True), None, ""),
    "repeated cursor": (lambda f, s: setattr(f, "repeat_cursor", True), SyncError, "repeated cursor"),
}


# The admin export pages by the API's own cursor: search-only misbehaviours do not apply to it.
CASES = [
    pytest.param(name, admin, id=f"{name}-{'admin' if admin else 'agent'}")
    for name in FAULTS
    for admin in (False, True)
    if not (admin and name in ("duplicate pages", "out-of-order pages"))
]


@pytest.mark.parametrize(("name", "admin"), CASES)
def test_after_a_fault_the_store_equals_a_clean_run(
    name: str, admin: bool, tmp_path: Path, clean: dict[bool, dict[str, Any]]
) -> None:
    inject, expected_error, message = FAULTS[name]
    outcome = sync_history(tmp_path, admin, inject)
    assert all(outcome.fired), "every injected fault happened"
    if expected_error is None:
        assert outcome.error is None, outcome.error
    else:
        assert isinstance(outcome.error, expected_error), outcome.error
        assert message in str(outcome.error)
    if name == "429":
        assert outcome.waits.sleeps.count(5) == 2
        assert all("rate limited" in reason for _, reason in outcome.waits.told if _ == 5)
    check(outcome, clean[admin])


def test_a_malformed_record_is_set_aside_then_healed_by_the_next_sync(
    tmp_path: Path, clean: dict[bool, dict[str, Any]]
) -> None:
    def corrupt(body: bytes) -> bytes:
        data = json.loads(body)
        for ticket in data.get("results", []):
            if ticket.get("subject") == "New trouble":
                ticket["priority"] = 7  # not a string
                ticket["created_at"] = "yesterday"
        return json.dumps(data).encode()

    def inject(fake: FakeZendesk, server: LoopbackServer) -> None:
        server.inject(Fault("transform", path="/search/export", transform=corrupt, times=99))

    fake, ids = build(False)
    engine = open_store(tmp_path)
    waits = Waits()
    with running(fake) as server:
        run_sync(engine, provider(server, waits, False), clock)
        change(fake, ids)
        inject(fake, server)
        report = run_sync(engine, provider(server, waits, False), clock)
        assert report.streams["cases"].quarantined == 1
        (reason,) = [r for s, _, r in snapshot(engine)["quarantine"] if s == "cases"]
        assert "got `int` - at `$.priority`" in reason
        subjects = {c["subject"] for c in snapshot(engine)["cases"]}
        assert "New trouble" not in subjects and "Same second 3" in subjects
        # The ticket did not change at the source, so no listing would bring it again: the
        # provider fetches what it set aside by id.
        server.clear_faults()
        run_sync(engine, provider(server, waits, False), clock)
    assert snapshot(engine) == clean[False]
    engine.dispose()


def test_an_empty_organization_listing_removes_nothing(tmp_path: Path, clean: dict[bool, dict[str, Any]]) -> None:
    def empty(body: bytes) -> bytes:
        return json.dumps({"results": [], "meta": {"has_more": False, "after_cursor": None}, "links": {}}).encode()

    outcome = sync_history(
        tmp_path,
        False,
        lambda f, s: s.inject(Fault("transform", path="/search/export", transform=empty, times=1)),
    )
    assert outcome.error is not None and "no organization matches the selection any more" in str(outcome.error)
    check(outcome, clean[False])


def test_a_failed_run_keeps_what_it_committed_and_says_what_failed(tmp_path: Path) -> None:
    fake, _ids = build(False)
    engine = open_store(tmp_path)
    waits = Waits()
    with running(fake) as server:
        server.inject(Fault("status", path="/audits", status=500, times=99))
        with pytest.raises(HttpServerError, match=r"/api/v2/tickets/\d+/audits.json: server error 500"):
            run_sync(engine, provider(server, waits, False), clock)
    snap = snapshot(engine)
    assert len(snap["cases"]) == 3 + 8  # the cases stream finished before the events failed
    assert snap["case_events"] == []
    assert [s for s in waits.sleeps if s > 0], "the 500s were retried with waits"
    engine.dispose()
