"""The Zendesk provider through `run_sync`, against the fake Zendesk on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from advisor_app.store import database, schema
from advisor_app.sync.engine import SyncReport, run_sync
from advisor_app.sync.http import HttpAuthError, HttpClient, Timeouts, basic_token_auth, bearer_auth
from advisor_app.sync.providers.zendesk import ZendeskConfig, ZendeskConfigError, ZendeskProvider
from tests.unit.sync.fault_server import Fault, LoopbackServer
from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
CONFIG = ZendeskConfig(organization_tag="advisor-ada", authorized_user_tag="authorized", page_size=2)


def clock() -> datetime:
    return NOW


class Sleeps:
    """An injected sleeper: records the waits, never sleeps."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float, cancel: Any) -> None:
        self.waits.append(seconds)


@pytest.fixture
def fake() -> FakeZendesk:
    return FakeZendesk()


@pytest.fixture
def ids(fake: FakeZendesk) -> dict[str, int]:
    return populate(fake)


@pytest.fixture
def server(fake: FakeZendesk, ids: dict[str, int]) -> Iterator[LoopbackServer]:
    with running(fake) as server:
        yield server


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = database.open_database(tmp_path / "z.db", tmp_path / "backups", NOW)
    yield engine
    engine.dispose()


def make_provider(
    server: LoopbackServer,
    config: ZendeskConfig = CONFIG,
    *,
    admin: bool | None = False,
    authorization: str | None = None,
    sleeps: Sleeps | None = None,
    on_wait: Any = None,
) -> ZendeskProvider:
    client = HttpClient(
        server.url,
        authorization or basic_token_auth(EMAIL, TOKEN),
        timeouts=Timeouts(connect=2, read=2),
        retries=2,
        sleeper=sleeps or Sleeps(),
        on_wait=on_wait,
    )
    return ZendeskProvider(client, config, admin=admin, now=clock)


def sync(engine: Engine, provider: ZendeskProvider) -> SyncReport:
    return run_sync(engine, provider, clock)


def table(engine: Engine, name: str) -> dict[str, dict[str, Any]]:
    t = schema.Base.metadata.tables[name]
    with engine.connect() as connection:
        return {row.remote_id: dict(row._mapping) for row in connection.execute(select(t))}


def events_of(engine: Engine, case_remote_id: str) -> list[tuple[str, str, str, str]]:
    e, c = schema.case_events.c, schema.cases.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(e.kind, e.author, e.value, e.old_value)
            .join(schema.cases, schema.cases.c.id == e.case_id)
            .where(c.remote_id == case_remote_id)
            .order_by(e.at, e.id)
        )
        return [tuple(row) for row in rows]


def quarantine(engine: Engine) -> dict[tuple[str, str], str]:
    q = schema.quarantine.c
    with engine.connect() as connection:
        return {(r.stream, r.remote_id): r.reason for r in connection.execute(select(q.stream, q.remote_id, q.reason))}


def test_a_first_sync_brings_the_advisors_organizations_people_and_tickets(
    engine: Engine, server: LoopbackServer, ids: dict[str, int]
) -> None:
    report = sync(engine, make_provider(server))
    accounts = table(engine, "accounts")
    assert set(accounts) == {str(ids["acme"]), str(ids["globex"])}
    acme, globex = accounts[str(ids["acme"])], accounts[str(ids["globex"])]
    assert (acme["name"], acme["tier"], acme["region"], acme["timezone"]) == (
        "Acme Corp",
        "gold",
        "us-eastern",
        "America/New_York",
    )
    assert acme["contract_year_start"] == date(2026, 3, 1)
    # Defaults where the organization has no value: calendar, and the creation date as contract start.
    assert (globex["tier"], globex["region"], globex["timezone"]) == ("platinum", "us-mountain", "Europe/Berlin")
    assert globex["contract_year_start"] == date(2025, 9, 28)

    contacts = table(engine, "contacts")
    assert {c["email"]: c["authorized"] for c in contacts.values()} == {
        "wile@acme.example": True,  # user field
        "road@acme.example": False,
        "hans@globex.example": True,  # tag
    }
    cases = table(engine, "cases")
    assert set(cases) == {str(ids["t1"]), str(ids["t2"]), str(ids["t3"])}
    t1, t2, t3 = (cases[str(ids[k])] for k in ("t1", "t2", "t3"))
    assert (t1["status"], t1["severity"], t1["requester"]) == ("open", 2, "wile@acme.example")
    assert (t2["status"], t2["severity"]) == ("pending", 3)
    assert (t3["status"], t3["severity"]) == ("new", 3)  # no priority: the default severity
    assert quarantine(engine) == {}
    assert report.streams["cases"].written == 3


def test_comments_and_audits_become_events_of_the_right_kind(
    engine: Engine, server: LoopbackServer, ids: dict[str, int]
) -> None:
    sync(engine, make_provider(server))
    assert events_of(engine, str(ids["t1"])) == [
        ("customer_message", "wile@acme.example", "It is broken.", ""),
        ("agent_reply", "Sam Okafor", "Looking into it now.", ""),
        ("status_change", "Sam Okafor", "open", "new"),
        ("internal_note", "Sam Okafor", "Escalated to engineering.", ""),
        ("severity_change", "Sam Okafor", "2", "1"),
    ]
    assert [kind for kind, *_ in events_of(engine, str(ids["t2"]))] == [
        "customer_message",
        "agent_reply",
        "status_change",
    ]


def test_an_incremental_sync_fetches_only_what_changed(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    sync(engine, make_provider(server))
    fake.tick(30)
    fake.comment(ids["t2"], ids["hans"], "Here is the log.")
    fake.change(ids["t2"], ids["hans"], "status", "open")
    t5 = fake.add_ticket(ids["globex"], ids["hans"], "Second problem", priority="high")
    fake.served.clear()
    report = sync(engine, make_provider(server))

    cases = table(engine, "cases")
    assert cases[str(ids["t2"])]["status"] == "open"
    assert cases[str(t5)]["severity"] == 2
    assert events_of(engine, str(ids["t2"]))[-2:] == [
        ("customer_message", "hans@globex.example", "Here is the log.", ""),
        ("status_change", "hans@globex.example", "open", "pending"),
    ]
    fetched = {p for p in fake.served if p.endswith("/comments")}
    assert fetched == {f"/api/v2/tickets/{ids['t2']}/comments", f"/api/v2/tickets/{t5}/comments"}
    assert report.streams["cases"].written == 2
    searches = [p for p in fake.served if p.endswith("/search/export")]
    assert searches, "tickets are found through the search export"


def test_many_tickets_with_one_updated_at_across_pages_and_runs_are_neither_lost_nor_repeated(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    fake.tick(5)
    same = [fake.add_ticket(ids["acme"], ids["wile"], f"Burst {n}") for n in range(7)]
    sync(engine, make_provider(server))  # page size 2: the burst spans four pages
    assert {str(t) for t in same} <= set(table(engine, "cases"))
    # More tickets at the very same second as the stored mark arrive after the run.
    more = [fake.add_ticket(ids["acme"], ids["wile"], f"Late {n}") for n in range(3)]
    fake.served.clear()
    report = sync(engine, make_provider(server))
    cases = table(engine, "cases")
    assert {str(t) for t in more} <= set(cases)
    assert len(cases) == 3 + 7 + 3
    assert report.streams["cases"].written == 3  # the burst is not sent again
    comment_fetches = [p for p in fake.served if p.endswith("/comments")]
    assert sorted(comment_fetches) == sorted(f"/api/v2/tickets/{t}/comments" for t in more)
    with engine.connect() as connection:
        kinds = connection.execute(select(schema.case_events.c.remote_id)).scalars().all()
    assert len(kinds) == len(set(kinds))


def test_deleted_tickets_become_tombstones(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    sync(engine, make_provider(server))
    fake.tick(10)
    fake.delete_ticket(ids["t3"], ids["agent"])
    report = sync(engine, make_provider(server))
    cases = table(engine, "cases")
    assert cases[str(ids["t3"])]["removed_at"] == NOW
    assert cases[str(ids["t1"])]["removed_at"] is None
    assert report.streams["cases"].removed == 1


def test_an_admin_token_uses_the_incremental_export_with_the_same_result(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int], tmp_path: Path
) -> None:
    fake.me_role = "admin"
    fake.served.clear()
    sync(engine, make_provider(server, admin=None))  # detected through /users/me
    assert "/api/v2/users/me" in fake.served
    assert "/api/v2/incremental/tickets/cursor" in fake.served
    assert not [p for p in fake.served if p.endswith("/search/export") and "ticket" in p]
    agent_store = database.open_database(tmp_path / "agent.db", tmp_path / "b2", NOW)
    fake.me_role = "agent"
    sync(agent_store, make_provider(server, admin=False))
    strip = ("id", "account_id", "case_id")
    for name in ("accounts", "contacts", "cases"):
        admin_rows = {k: {c: v for c, v in r.items() if c not in strip} for k, r in table(engine, name).items()}
        agent_rows = {k: {c: v for c, v in r.items() if c not in strip} for k, r in table(agent_store, name).items()}
        assert admin_rows == agent_rows, name
    assert events_of(engine, str(ids["t1"])) == events_of(agent_store, str(ids["t1"]))
    agent_store.dispose()

    # Later: a change, a deletion (status "deleted" in the export) and a newly tagged organization.
    fake.me_role = "admin"
    fake.tick(10)
    fake.change(ids["t1"], ids["agent"], "status", "solved")
    fake.delete_ticket(ids["t2"], ids["agent"])
    fake.orgs[ids["other"]]["tags"].append("advisor-ada")
    fake.served.clear()
    sync(engine, make_provider(server, admin=True))
    cases = table(engine, "cases")
    assert cases[str(ids["t1"])]["status"] == "solved"
    assert cases[str(ids["t2"])]["removed_at"] == NOW
    # The new organization's older ticket predates the export cursor: fetched by search.
    assert str(ids["t4"]) in cases
    assert any(p.endswith("/search/export") for p in fake.served)


def test_a_rate_limit_mid_sync_is_waited_out_and_reported(
    engine: Engine, server: LoopbackServer, ids: dict[str, int]
) -> None:
    sleeps = Sleeps()
    told: list[tuple[float, str]] = []
    server.inject(Fault("status", path="/comments", status=429, retry_after="30"))
    server.inject(Fault("status", path="/audits", status=429, retry_after="600"))
    sync(engine, make_provider(server, sleeps=sleeps, on_wait=lambda s, r: told.append((s, r))))
    assert sleeps.waits == [30, 120]  # Retry-After honoured, and capped
    assert told[0][0] == 30 and "rate limited by 127.0.0.1" in told[0][1] and "30 s" in told[0][1]
    assert len(table(engine, "cases")) == 3
    assert len(events_of(engine, str(ids["t1"]))) == 5


def test_a_malformed_ticket_is_quarantined_and_the_rest_lands(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    fake.tickets[ids["t2"]]["priority"] = "critical"
    bad = fake.add_ticket(ids["acme"], ids["wile"], "Broken record")
    fake.tickets[bad]["created_at"] = None
    sync(engine, make_provider(server))
    assert set(table(engine, "cases")) == {str(ids["t1"]), str(ids["t3"])}
    reasons = quarantine(engine)
    assert "priority 'critical' is not one of urgent, high, normal, low" in reasons[("cases", str(ids["t2"]))]
    assert "$.created_at" in reasons[("cases", str(bad))]
    # Fixed at the source: the next sync stores it and releases it from the quarantine.
    fake.tick(5)
    fake.change(ids["t2"], ids["agent"], "priority", "high")
    sync(engine, make_provider(server))
    assert table(engine, "cases")[str(ids["t2"])]["severity"] == 2
    assert ("cases", str(ids["t2"])) not in quarantine(engine)


def test_a_wrong_token_is_a_clear_401_error_without_the_token(engine: Engine, server: LoopbackServer) -> None:
    with pytest.raises(HttpAuthError, match="401, the token was not accepted") as caught:
        sync(engine, make_provider(server, authorization=basic_token_auth(EMAIL, "wrong-token")))
    assert "wrong-token" not in str(caught.value)
    assert table(engine, "accounts") == {}


def test_a_bearer_token_is_accepted(engine: Engine, server: LoopbackServer) -> None:
    sync(engine, make_provider(server, authorization=bearer_auth(TOKEN)))
    assert len(table(engine, "accounts")) == 2


def test_organizations_by_id_or_field_and_bad_fields_set_aside(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    fake.orgs[ids["globex"]]["organization_fields"]["support_tier"] = "diamond"
    config = ZendeskConfig(organization_ids=(ids["acme"], ids["globex"], 999_999), page_size=2)
    sync(engine, make_provider(server, config))
    assert set(table(engine, "accounts")) == {str(ids["acme"])}
    reasons = quarantine(engine)
    assert "support_tier: 'diamond' is not a support tier" in reasons[("accounts", str(ids["globex"]))]
    assert "does not exist or this token cannot see it" in reasons[("accounts", "999999")]
    # Tickets of an organization set aside are not fetched (nor quarantined one by one).
    assert str(ids["t2"]) not in table(engine, "cases")
    assert ("cases", str(ids["t2"])) not in reasons

    fake.orgs[ids["acme"]]["organization_fields"]["named_advisor"] = "Ada"
    by_field = ZendeskConfig(organization_field=("named_advisor", "ada"), page_size=2)
    other = make_provider(server, by_field)
    assert set(other.organizations()) == {ids["acme"]}


def test_an_organization_no_longer_selected_becomes_a_tombstone(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    sync(engine, make_provider(server))
    fake.orgs[ids["globex"]]["tags"].remove("advisor-ada")
    fake.users[ids["road"]]["organization_id"] = None
    sync(engine, make_provider(server))
    accounts, contacts = table(engine, "accounts"), table(engine, "contacts")
    assert accounts[str(ids["globex"])]["removed_at"] == NOW
    assert accounts[str(ids["acme"])]["removed_at"] is None
    assert contacts[str(ids["road"])]["removed_at"] == NOW
    assert contacts[str(ids["hans"])]["removed_at"] == NOW


def test_severity_from_a_custom_field_with_a_value_mapping(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    fake.tickets[ids["t2"]]["custom_fields"] = [{"id": 77, "value": "sev_1"}]
    fake.tickets[ids["t3"]]["custom_fields"] = [{"id": 77, "value": "sev_9"}]
    config = replace(CONFIG, severity_field_id=77, severity_values={"sev_1": 1, "sev_2": 2, "sev_3": 3})
    sync(engine, make_provider(server, config))
    cases = table(engine, "cases")
    assert cases[str(ids["t2"])]["severity"] == 1
    assert cases[str(ids["t1"])]["severity"] == 2  # empty field: the priority decides
    assert "'sev_9' is not a known severity value" in quarantine(engine)[("cases", str(ids["t3"]))]


def test_the_identity_is_the_normalized_origin(server: LoopbackServer) -> None:
    provider = make_provider(server)
    assert provider.identity == server.url
    assert provider.source == "zendesk"
    client = HttpClient("HTTPS://Example.Zendesk.com/", "Bearer x")
    assert ZendeskProvider(client, CONFIG).identity == "https://example.zendesk.com"


def test_the_organizations_must_be_chosen_in_exactly_one_way() -> None:
    with pytest.raises(ZendeskConfigError, match="exactly one way"):
        ZendeskConfig()
    with pytest.raises(ZendeskConfigError, match="exactly one way"):
        ZendeskConfig(organization_ids=(1,), organization_tag="x")


def test_a_ticket_deleted_while_the_sync_runs_does_not_stop_it(
    engine: Engine, server: LoopbackServer, fake: FakeZendesk, ids: dict[str, int]
) -> None:
    def delete_t2(zendesk: FakeZendesk, _listing: str) -> None:
        events_stream = any(p.endswith("/comments") for p in zendesk.served)
        if events_stream and zendesk.tickets[ids["t2"]]["status"] != "deleted":
            zendesk.delete_ticket(ids["t2"], ids["agent"])

    # Stored by the cases stream, then listed by the events stream and gone before its comments are read.
    fake.between_pages = delete_t2
    report = sync(engine, make_provider(server))
    assert report.streams["cases"].written == 3
    assert events_of(engine, str(ids["t2"])) == []
    assert len(events_of(engine, str(ids["t1"]))) == 5
    sync(engine, make_provider(server))
    assert table(engine, "cases")[str(ids["t2"])]["removed_at"] == NOW
