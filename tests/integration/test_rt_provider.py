"""The Request Tracker provider against a real RT 5 (tests/integration/rt/NOTES.md), through the sync engine.

Tests share one RT: each makes its own account assets and tickets (unique names) and reads
only its own rows back. Each test syncs into its own workspace database and starts reading
tickets at its own start (`history_start`), so tickets of other tests stay out of its store.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from advisor_app.store import database, schema
from advisor_app.store.clocks import recompute_on_change
from advisor_app.store.queries import ACTIVE_STATUSES, set_aside_ids
from advisor_app.sync.engine import SyncReport, run_sync
from advisor_app.sync.http import HttpAuthError, HttpClient, Timeouts
from advisor_app.sync.providers.rt import RtProvider, RtSettings
from advisor_app.sync.selection import AccountRule
from tests.integration.rt.server import RTServer

pytestmark = pytest.mark.integration

TIMEOUT = 30.0


def clock() -> datetime:
    # Real time on purpose, unlike the rest of the suite's fixed clock: RT stamps tickets with
    # its own clock, so the provider's "since" windows must be read against the same present.
    return datetime.now(UTC)


def unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:8]}"


# Helpers --------------------------------------------------------------------------------------


class Workspace:
    """A temp store plus a provider factory bound to one test's start time."""

    def __init__(self, rt: RTServer, tmp_path: Path) -> None:
        self.rt = rt
        self.engine = database.open_database(tmp_path / "workspace.db", tmp_path / "backups", clock())
        # RT's dates have whole seconds: start a little early so this test's first tickets count.
        self.started = clock().replace(microsecond=0) - timedelta(seconds=2)
        self.requests: list[str] = []

    def client(self, token: str | None = None) -> HttpClient:
        client = HttpClient(
            self.rt.base_url,
            f"token {token or self.rt.token}",
            timeouts=Timeouts(connect=10.0, read=TIMEOUT),
            follow_redirects=False,
        )
        client.session.hooks["response"].append(lambda response, *args, **kwargs: self.requests.append(response.url))
        return client

    def settings(self, **overrides: Any) -> RtSettings:
        base = RtSettings(
            base_url=self.rt.base_url + "/",
            rt_timezone=self.rt.timezone,
            queue=self.rt.queue,
            history_start=self.started,
        )
        return replace(base, **overrides)

    def provider(self, token: str | None = None, **overrides: Any) -> RtProvider:
        return RtProvider(
            self.client(token),
            self.settings(**overrides),
            known_active_ids=self.active_case_ids,
            set_aside_ids=lambda stream: set_aside_ids(self.engine, "rt", stream),
        )

    def active_case_ids(self) -> list[str]:
        c = schema.cases.c
        with self.engine.connect() as connection:
            statement = select(c.remote_id).where(
                c.source == "rt", c.removed_at.is_(None), c.status.in_(ACTIVE_STATUSES)
            )
            return list(connection.execute(statement).scalars())

    def sync(self, provider: RtProvider | None = None) -> SyncReport:
        return run_sync(self.engine, provider or self.provider(), clock, on_cases_changed=recompute_on_change(clock))

    def rows(self, table: Any, **where: Any) -> list[Any]:
        with self.engine.connect() as connection:
            statement = select(table)
            for name, value in where.items():
                statement = statement.where(table.c[name] == value)
            return list(connection.execute(statement.order_by(*table.primary_key.columns)))

    def one(self, table: Any, **where: Any) -> Any:
        [row] = self.rows(table, **where)
        return row

    def count(self, table: Any) -> int:
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(table)).scalar_one())

    def events(self, ticket_id: int) -> list[Any]:
        case = self.one(schema.cases, source="rt", remote_id=str(ticket_id))
        e = schema.case_events.c
        with self.engine.connect() as connection:
            return list(connection.execute(select(schema.case_events).where(e.case_id == case.id).order_by(e.at, e.id)))

    def quarantined(self, stream: str) -> dict[str, str]:
        return {row.remote_id: row.reason for row in self.rows(schema.quarantine, source="rt", stream=stream)}

    def cursor(self, stream: str) -> dict[str, Any]:
        row = self.one(schema.sync_state, source="rt", stream=stream)
        return dict(json.loads(row.cursor))


@pytest.fixture
def ws(rt_server: RTServer, tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace(rt_server, tmp_path)
    yield workspace
    workspace.engine.dispose()


GOOD_ASSET = {
    "Tier": "gold",
    "Region": "us-mountain",
    "Timezone": "America/Denver",
    "Contract Start": "2026-01-15",
    "Named Advisor": "Ada Advisor",
    "Contract Status": "active",
}


def new_account(rt: RTServer, **fields: str) -> str:
    name = unique("ACC")
    rt.create_asset(name, {**GOOD_ASSET, **fields})
    return name


def history_ids(rt: RTServer, ticket_id: int, kind: str) -> list[str]:
    items = rt.history(ticket_id, fields="Type", per_page=100)["items"]
    return [item["id"] for item in items if item["Type"] == kind]


def force_last_updated(rt: RTServer, ticket_ids: list[int], moment: datetime) -> None:
    """Give tickets one LastUpdated second (RT stores UTC); REST2 has no way to do this."""
    stamp = moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    connection = sqlite3.connect(rt.workdir / "var" / "rt.sqlite", timeout=30)
    try:
        with connection:
            connection.executemany("UPDATE Tickets SET LastUpdated = ? WHERE id = ?", [(stamp, i) for i in ticket_ids])
    finally:
        connection.close()


def wait_next_second() -> None:
    time.sleep(1.05 - (time.time() % 1.0))


# Tests ----------------------------------------------------------------------------------------


def test_first_sync_lands_accounts_contacts_cases_and_events(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    burning = rt.create_ticket_as(
        "alice", unique("Printer on fire"), "It burns.\nPlease help.", severity=2, account=account
    )
    rt.correspond(burning, "We are on it.")
    rt.comment(burning, "Internal: toner recall.")
    # A requestor RT creates on the fly from an address, not in "Authorized Contacts". (Not bob:
    # once bob requests any ticket, RT's role rights let him see the Severity field by name,
    # which test_rt_server's test of the silently dropped field relies on him not doing.)
    carol = f"{unique('carol')}@customer.test"
    quiet = rt.create_ticket(
        unique("Slow dashboard"), "Slow since Monday.", requestor=carol, severity=1, account=account
    )

    report = ws.sync()

    row = ws.one(schema.accounts, source="rt", remote_id=account)
    assert (row.tier, row.region, row.timezone, row.named_advisor, row.contract_status) == (
        "gold",
        "us-mountain",
        "America/Denver",
        "Ada Advisor",
        "active",
    )
    assert row.contract_year_start.isoformat() == "2026-01-15"

    contacts = {r.remote_id: r for r in ws.rows(schema.contacts, source="rt", account_id=row.id)}
    assert set(contacts) == {f"{account}/alice", f"{account}/{carol}"}
    assert contacts[f"{account}/alice"].email == "alice@customer.test"
    assert contacts[f"{account}/alice"].authorized is True  # member of "Authorized Contacts"
    assert contacts[f"{account}/{carol}"].authorized is False

    first = ws.one(schema.cases, source="rt", remote_id=str(burning))
    assert (first.severity, first.status, first.requester) == (2, "open", "alice@customer.test")  # the reply opened it
    assert first.description == "It burns.\nPlease help."
    assert first.created_at.tzinfo is not None and first.account_id == row.id
    second = ws.one(schema.cases, source="rt", remote_id=str(quiet))
    assert (second.severity, second.status, second.requester) == (1, "new", carol)
    for case in (first, second):
        assert case.clock_computed_at is not None and case.clock_state is not None
    # Gold, severity 1, no reply yet: the first-response clock runs around the clock, 4 hours.
    assert second.clock_open is True
    assert second.clock_deadline == second.created_at + timedelta(hours=4)
    assert first.clock_deadline != second.clock_deadline

    events = [(e.kind, e.author, e.value, e.old_value) for e in ws.events(burning)]
    assert events == [
        ("customer_message", "alice@customer.test", "It burns.\nPlease help.", ""),
        ("agent_reply", "agent@advisor.test", "We are on it.", ""),
        ("status_change", "RT_System", "open", "new"),
        ("internal_note", "agent@advisor.test", "Internal: toner recall.", ""),
    ]
    assert {e.remote_id for e in ws.events(burning) if e.kind == "agent_reply"} == set(
        history_ids(rt, burning, "Correspond")
    )
    assert [e.kind for e in ws.events(quiet)] == ["customer_message"]
    assert report.streams["usage_metrics"].written == 0
    assert ws.one(schema.sync_state, source="rt", stream="cases").source_identity == rt.base_url


def test_incremental_sync_picks_up_exactly_the_changes(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    ticket = rt.create_ticket_as("alice", unique("Export fails"), "CSV export fails.", severity=3, account=account)
    rt.correspond(ticket, "Which browser?")
    ws.sync()
    before = ws.events(ticket)
    totals = (ws.count(schema.cases), ws.count(schema.case_events), ws.count(schema.contacts))

    rt.correspond(ticket, "Firefox 140.", user="alice")
    rt.set_status(ticket, "resolved")
    wait_next_second()  # read in the second it changed, a ticket would be handed over once more
    report = ws.sync()

    after = ws.events(ticket)
    assert [e.remote_id for e in after[: len(before)]] == [e.remote_id for e in before]
    assert [(e.kind, e.author, e.value, e.old_value) for e in after[len(before) :]] == [
        ("customer_message", "alice@customer.test", "Firefox 140.", ""),
        ("status_change", "agent@advisor.test", "solved", "open"),
    ]
    assert (ws.count(schema.cases), ws.count(schema.case_events), ws.count(schema.contacts)) == (
        totals[0],
        totals[1] + 2,
        totals[2],
    )
    case = ws.one(schema.cases, source="rt", remote_id=str(ticket))
    assert case.status == "solved" and case.clock_open is False
    assert report.streams["cases"].written == 1

    # Nothing changed since: the overlap re-reads the ticket, the cursor knows it was handled.
    quiet = ws.sync()
    assert quiet.streams["cases"].written == 0 and quiet.streams["case_events"].written == 0
    assert ws.count(schema.case_events) == totals[1] + 2


def test_many_tickets_updated_in_one_second_across_page_boundaries(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    tag = unique("burst")
    # Tickets of other tests (how many depends on which ran before) are read first, and the
    # searches below start at their watermark with no zone slack or overlap (the zone is
    # right): then every search page counted is about paging within the burst's one second.
    exact: dict[str, Any] = {"zone_slack": timedelta(0), "overlap": timedelta(0)}
    ws.sync(ws.provider(page_size=100, **exact))
    wait_next_second()
    ids = [rt.create_ticket(f"{tag} #{n}", "x", severity=2, account=account) for n in range(7)]
    second = clock().replace(microsecond=0)
    force_last_updated(rt, ids, second)
    wait_next_second()  # read after their second has passed: nothing can change within it any more

    ws.requests.clear()
    report = ws.sync(ws.provider(page_size=3, **exact))

    stored = {r.remote_id for r in ws.rows(schema.cases, source="rt") if r.subject.startswith(tag)}
    assert stored == {str(i) for i in ids}
    assert report.streams["cases"].written >= 7
    searches = [url for url in ws.requests if "/REST/2.0/tickets?" in url]
    # three pages per ticket stream (contacts, cases, events), a few restarts, and the
    # time-zone check's three (the newest ticket, its LastUpdated at the setting's offset and 15 min on)
    assert len(searches) <= 3 * 4 + 3
    cursor = ws.cursor("cases")
    assert cursor["since"] == second.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert {str(i) for i in ids} <= set(cursor["seen"])

    # The next sync re-reads that second (and the overlap) but hands nothing over again ...
    again = ws.sync(ws.provider(page_size=3))
    assert again.streams["cases"].written == 0
    # ... and one more change in that crowd is picked up alone.
    rt.correspond(ids[4], "Looking into it.")
    changed = ws.sync(ws.provider(page_size=3))
    assert changed.streams["cases"].written == 1
    assert ws.one(schema.cases, source="rt", remote_id=str(ids[4])).status == "open"


def test_ticket_created_by_requestor_after_the_watermark_is_not_skipped(ws: Workspace) -> None:
    rt = ws.rt
    assert rt.timezone == "Asia/Kolkata"  # UTC+05:30: TicketSQL reads wall-clock times there
    account = new_account(rt)
    old = rt.create_ticket_as("alice", unique("older"), "x", severity=3, account=account)
    wait_next_second()
    newest = rt.create_ticket_as("alice", unique("newest"), "x", severity=3, account=account)
    wait_next_second()
    # Without any margin (overlap or zone slack), so the date written must be exactly right.
    provider = ws.provider(overlap=timedelta(0), zone_slack=timedelta(0))
    ws.sync(provider)
    watermark = ws.cursor("cases")["since"]
    assert watermark == rt.ticket(newest)["LastUpdated"]
    assert str(old) not in ws.cursor("cases")["seen"]  # older than the watermark: no longer listed

    late = rt.create_ticket_as("alice", unique("filed later"), "Filed after the sync.", severity=2, account=account)
    report = ws.sync(ws.provider(overlap=timedelta(0), zone_slack=timedelta(0)))

    assert ws.one(schema.cases, source="rt", remote_id=str(late)).requester == "alice@customer.test"
    # Exactly the new ticket: a query starting before the watermark (UTC read as Kolkata time,
    # or an offset RT applies twice) would have handed over the older ticket again.
    assert report.streams["cases"].written == 1


def test_a_change_within_the_second_of_the_last_read_is_not_lost(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    ticket = rt.create_ticket(unique("same second"), "x", severity=3, account=account)
    # Read while the ticket's LastUpdated second has not passed yet, then changed within that
    # same second: LastUpdated stays the same, so (id, LastUpdated) alone would skip the change.
    second = clock().replace(microsecond=0) + timedelta(seconds=30)
    try:
        force_last_updated(rt, [ticket], second)
        ws.sync()
        assert ws.one(schema.cases, source="rt", remote_id=str(ticket)).severity == 3
        assert str(ticket) not in ws.cursor("cases")["seen"]
        rt.set_custom_fields(ticket, {"Severity": "2"})
        force_last_updated(rt, [ticket], second)
        ws.sync()
        assert ws.one(schema.cases, source="rt", remote_id=str(ticket)).severity == 2
    finally:  # other tests share this RT: leave no ticket changed in the future
        force_last_updated(rt, [ticket], ws.started - timedelta(hours=1))


def test_severity_change_becomes_an_event_and_updates_the_case(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    ticket = rt.create_ticket_as("alice", unique("Login loop"), "Cannot log in.", severity=3, account=account)
    ws.sync()
    deadline_before = ws.one(schema.cases, source="rt", remote_id=str(ticket)).clock_deadline

    assert rt.set_custom_fields(ticket, {"Severity": "1"}) == ["Severity 3 changed to 1"]
    ws.sync()

    case = ws.one(schema.cases, source="rt", remote_id=str(ticket))
    assert case.severity == 1
    changes = [e for e in ws.events(ticket) if e.kind == "severity_change"]
    assert [(e.value, e.old_value, e.author) for e in changes] == [("1", "3", "agent@advisor.test")]
    assert [e.remote_id for e in changes] == history_ids(rt, ticket, "CustomField")
    assert case.clock_deadline != deadline_before  # severity 1 runs 24x7 with a 4-hour target


def test_deleted_tickets_become_removed_through_the_bounded_recheck(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    doomed = [rt.create_ticket(unique("doomed"), "x", severity=2, account=account) for _ in range(2)]
    kept = rt.create_ticket(unique("kept"), "x", severity=2, account=account)
    ws.sync(ws.provider(recheck_limit=1))
    for ticket in doomed:
        rt.delete_ticket(ticket)

    ws.requests.clear()
    first = ws.sync(ws.provider(recheck_limit=1))
    rechecks = [url for url in ws.requests if re.search(r"/REST/2\.0/ticket/\d+$", url)]
    assert len(rechecks) == 1  # one re-read by id per sync: bounded
    assert first.streams["cases"].removed == 1
    second = ws.sync(ws.provider(recheck_limit=1))  # the rotation reaches the other one
    assert second.streams["cases"].removed == 1

    for ticket in doomed:
        assert ws.one(schema.cases, source="rt", remote_id=str(ticket)).removed_at is not None
    assert ws.one(schema.cases, source="rt", remote_id=str(kept)).removed_at is None


def test_ticket_without_severity_is_quarantined_and_the_rest_lands(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    bare = rt.create_ticket_as("alice", unique("No severity"), "Which one?", account=account)
    fine = rt.create_ticket_as("alice", unique("Has severity"), "x", severity=2, account=account)
    ws.sync()

    assert ws.rows(schema.cases, source="rt", remote_id=str(bare)) == []
    assert ws.one(schema.cases, source="rt", remote_id=str(fine)).severity == 2
    reason = ws.quarantined("cases")[str(bare)]
    assert "'Severity'" in reason and "empty" in reason
    assert not any(str(bare) in key for key in ws.quarantined("case_events"))

    # Once the field is set, the ticket changes, lands with its history, and leaves the quarantine.
    rt.set_custom_fields(bare, {"Severity": "2"})
    ws.sync()
    assert ws.one(schema.cases, source="rt", remote_id=str(bare)).severity == 2
    assert str(bare) not in ws.quarantined("cases")
    assert [e.kind for e in ws.events(bare)] == ["customer_message", "severity_change"]


def test_assets_with_bad_fields_are_quarantined_and_the_rest_land(ws: Workspace) -> None:
    rt = ws.rt
    good = new_account(rt, Tier="Platinum")  # tier names match without regard to case
    unknown = new_account(rt, Tier="unobtainium")
    missing = new_account(rt, Tier="")
    bad_zone = new_account(rt, Timezone="Mars/Olympus")
    bad_date = new_account(rt, **{"Contract Start": "15.01.2026"})
    ws.sync()

    assert ws.one(schema.accounts, source="rt", remote_id=good).tier == "platinum"
    quarantined = ws.quarantined("accounts")
    assert "'Tier'" in quarantined[unknown] and "'unobtainium' is not a known tier" in quarantined[unknown]
    assert "'Tier' is empty" in quarantined[missing]
    assert "'Timezone'" in quarantined[bad_zone]
    assert "'Contract Start'" in quarantined[bad_date]
    for name in (unknown, missing, bad_zone, bad_date):
        assert ws.rows(schema.accounts, source="rt", remote_id=name) == []

    # A fixed asset leaves the quarantine on the next sync (the catalog is read whole).
    [asset_id] = [a["id"] for a in rt.get_json("assets", query=f"Name = '{unknown}'")["items"]]
    rt.update_asset(int(asset_id), {"Tier": "silver"})
    ws.sync()
    assert ws.one(schema.accounts, source="rt", remote_id=unknown).tier == "silver"
    assert unknown not in ws.quarantined("accounts")


def test_a_refused_token_gives_a_clear_error_without_the_token(ws: Workspace) -> None:
    wrong = "1-32-" + "0" * 32
    with pytest.raises(HttpAuthError, match="token was not accepted") as refused:
        ws.sync(ws.provider(token=wrong))
    assert wrong not in str(refused.value) and "401" in str(refused.value)

    # With a cookie RT answers a browser-like redirect to its login page instead of a 401.
    provider = ws.provider(token=wrong)
    provider._client.session.cookies.set("RT_SID_test", "x")
    with pytest.raises(HttpAuthError, match="token was not accepted"):
        ws.sync(provider)
    assert ws.count(schema.accounts) == 0


def test_only_the_chosen_accounts_and_their_tickets_are_read(ws: Workspace) -> None:
    rt = ws.rt
    mine, other = new_account(rt), new_account(rt)
    kept = rt.create_ticket_as("alice", unique("Mine"), "Ours.", severity=3, account=mine)
    left = rt.create_ticket_as("alice", unique("Not mine"), "Theirs.", severity=3, account=other)

    ws.sync(ws.provider(accounts=AccountRule(added=(mine,))))

    assert [r.remote_id for r in ws.rows(schema.accounts, source="rt") if r.remote_id in (mine, other)] == [mine]
    synced = {r.remote_id for r in ws.rows(schema.cases, source="rt")}
    assert str(kept) in synced
    assert str(left) not in synced
    assert str(left) not in ws.quarantined("cases")
