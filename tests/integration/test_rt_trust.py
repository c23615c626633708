"""Trust on a real Request Tracker (issue 12): a stalled case waits on the customer, no change
is lost whatever zone RT reads dates in, set-aside tickets come back by themselves, a sync
with nothing new writes no row, and a severity downgrade is never a backdated breach.

Uses the session's RT ($Timezone Asia/Kolkata, UTC+05:30) and the helpers of
test_rt_provider (each test its own accounts, tickets and workspace)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, text

from advisor_app.store import schema
from tests.integration.rt.server import RTServer, rt_instance
from tests.integration.test_rt_provider import Workspace, new_account, unique, wait_next_second

pytestmark = pytest.mark.integration

SYNCED_TABLES = ("accounts", "contacts", "cases", "case_events")


@pytest.fixture
def ws(rt_server: RTServer, tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace(rt_server, tmp_path)
    yield workspace
    workspace.engine.dispose()


def write_counter(engine: Engine) -> Callable[[], dict[str, int]]:
    """Rows inserted, updated or deleted per synced table from now on (SQLite triggers)."""
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE IF NOT EXISTS test_writes (tbl TEXT PRIMARY KEY, n INTEGER)"))
        for table in SYNCED_TABLES:
            connection.execute(text("INSERT OR REPLACE INTO test_writes VALUES (:t, 0)"), {"t": table})
            for action in ("INSERT", "UPDATE", "DELETE"):
                connection.execute(
                    text(
                        f"CREATE TRIGGER IF NOT EXISTS test_count_{table}_{action.lower()} AFTER {action} ON {table} "
                        f"BEGIN UPDATE test_writes SET n = n + 1 WHERE tbl = '{table}'; END"
                    )
                )

    def counts() -> dict[str, int]:
        with engine.connect() as connection:
            return {str(t): int(n) for t, n in connection.execute(text("SELECT tbl, n FROM test_writes"))}

    return counts


def set_rt_times(rt: RTServer, ticket_id: int, created: datetime) -> None:
    """Move a ticket's creation (and its Create transaction) back in time in RT's database."""
    stamp = created.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    connection = sqlite3.connect(rt.workdir / "var" / "rt.sqlite", timeout=30)
    try:
        with connection:
            connection.execute("UPDATE Tickets SET Created = ? WHERE id = ?", (stamp, ticket_id))
            connection.execute(
                "UPDATE Transactions SET Created = ? "
                "WHERE ObjectType = 'RT::Ticket' AND ObjectId = ? AND Type = 'Create'",
                (stamp, ticket_id),
            )
    finally:
        connection.close()


# Status meanings -------------------------------------------------------------------------


def test_a_stalled_case_pauses_its_follow_up_for_exactly_the_stalled_time(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)  # Gold: Severity 1 follows up within 32 hours, around the clock
    ticket = rt.create_ticket_as("alice", unique("Waiting on logs"), "Crashes.", severity=1, account=account)
    rt.correspond(ticket, "Please send the logs.")
    rt.set_status(ticket, "stalled")
    wait_next_second()
    ws.sync()
    case = ws.one(schema.cases, source="rt", remote_id=str(ticket))
    assert (case.status, case.source_status) == ("pending", "stalled")
    assert case.clock_kind == "follow_up" and case.clock_paused and case.clock_deadline is None

    time_stalled = 3
    for _ in range(time_stalled):
        wait_next_second()
    rt.set_status(ticket, "open")
    wait_next_second()
    ws.sync()

    case = ws.one(schema.cases, source="rt", remote_id=str(ticket))
    [reply] = [e.at for e in ws.events(ticket) if e.kind == "agent_reply"]
    changes = [(e.old_value, e.value, e.source_value, e.at) for e in ws.events(ticket) if e.kind == "status_change"]
    [stalled_at] = [at for old, new, source, at in changes if new == "pending" and source == "stalled"]
    [reopened_at] = [at for old, new, _, at in changes if old == "pending" and new == "open"]
    paused = reopened_at - stalled_at
    assert paused >= timedelta(seconds=time_stalled)
    assert not case.clock_paused and case.clock_state == "running"
    assert case.clock_deadline == reply + timedelta(hours=32) + paused


# Zones -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "offset"),
    [("UTC", "UTC+00:00"), ("America/Denver", "UTC-07:00"), ("Pacific/Kiritimati", "UTC+14:00")],
)
def test_a_wrong_rt_timezone_is_warned_and_loses_no_change(ws: Workspace, setting: str, offset: str) -> None:
    """RT reads dates in Asia/Kolkata (UTC+05:30): the setting is west of it (UTC, Denver)
    or east of it (Kiritimati, the case that used to lose changes for good)."""
    rt = ws.rt
    account = new_account(rt)
    ticket = rt.create_ticket_as("alice", unique("Zones"), "First.", severity=2, account=account)
    wait_next_second()
    first = ws.sync(ws.provider(rt_timezone=setting))
    [zone_warning] = first.warnings
    warning = str(zone_warning)
    assert "UTC+05:30" in warning and f"rt_timezone {setting} is {offset}" in warning
    assert "no change is lost meanwhile" in warning

    wait_next_second()  # one second after the sync
    rt.correspond(ticket, "More detail.", user="alice")
    later = rt.create_ticket_as("alice", unique("Filed after"), "Second.", severity=1, account=account)
    wait_next_second()
    ws.sync(ws.provider(rt_timezone=setting))

    assert "More detail." in [e.value for e in ws.events(ticket)]
    assert ws.one(schema.cases, source="rt", remote_id=str(later)).severity == 1


@pytest.fixture(scope="module")
def denver_rt(rt_server: RTServer) -> Iterator[RTServer]:
    """A second RT whose $Timezone is America/Denver (UTC-07:00 in winter, -06:00 in summer):
    the API user west of UTC, as the issue found it (the setting's default, UTC, east of it)."""
    with rt_instance(timezone="America/Denver") as server:
        yield server


def test_an_rt_west_of_the_default_setting_loses_no_change(denver_rt: RTServer, tmp_path: Path) -> None:
    ws = Workspace(denver_rt, tmp_path)
    try:
        rt = ws.rt
        account = new_account(rt)
        ticket = rt.create_ticket_as("alice", unique("West"), "First.", severity=3, account=account)
        wait_next_second()
        [zone_warning] = ws.sync(ws.provider(rt_timezone="UTC")).warnings
        warning = str(zone_warning)
        denver = datetime.now(UTC).astimezone(ZoneInfo("America/Denver")).utcoffset()
        assert denver is not None
        hours = -int(denver / timedelta(hours=1))
        assert f"reads dates in searches at UTC-{hours:02d}:00" in warning and "rt_timezone UTC is UTC+00:00" in warning

        wait_next_second()  # one second after the sync
        rt.set_custom_fields(ticket, {"Severity": "1"})
        wait_next_second()
        # Without the zone slack this sync would start seven hours late and miss the change.
        ws.sync(ws.provider(rt_timezone="UTC"))
        assert ws.one(schema.cases, source="rt", remote_id=str(ticket)).severity == 1
        assert ws.sync(ws.provider(rt_timezone="America/Denver")).warnings == []
    finally:
        ws.engine.dispose()


def test_the_right_rt_timezone_gives_no_warning(ws: Workspace) -> None:
    rt = ws.rt
    rt.create_ticket_as("alice", unique("Calm"), "x", severity=3, account=new_account(rt))
    assert ws.sync(ws.provider(rt_timezone="Asia/Kolkata")).warnings == []


# Set-aside records -----------------------------------------------------------------------


def test_a_set_aside_ticket_arrives_once_its_account_is_fixed(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt, Tier="unobtainium")
    ticket = rt.create_ticket_as("alice", unique("Orphan"), "Help.", severity=2, account=account)
    rt.correspond(ticket, "On it.")
    bare = rt.create_ticket_as("alice", unique("No severity"), "x", account=new_account(rt))
    wait_next_second()
    ws.sync()
    assert ws.rows(schema.cases, source="rt", remote_id=str(ticket)) == []
    assert "is not synced here" in ws.quarantined("cases")[str(ticket)]
    assert "empty" in ws.quarantined("cases")[str(bare)]

    # The asset is fixed; the ticket itself does not change.
    [asset_id] = [a["id"] for a in rt.get_json("assets", query=f"Name = '{account}'")["items"]]
    rt.update_asset(int(asset_id), {"Tier": "gold"})
    rt.delete_ticket(bare)  # its reason goes stale: it is no longer there to be set aside
    for _ in range(2):  # well past the first sync: not found by the incremental search
        wait_next_second()
    report = ws.sync()

    case = ws.one(schema.cases, source="rt", remote_id=str(ticket))
    assert case.status == "open" and case.requester == "alice@customer.test"
    assert [e.kind for e in ws.events(ticket)] == ["customer_message", "agent_reply", "status_change"]
    assert ws.rows(schema.contacts, source="rt", remote_id=f"{account}/alice") != []
    # Only this test's tickets: others' set-aside tickets share this RT, in whatever order the tests ran.
    set_aside = ws.quarantined("cases")
    assert str(ticket) not in set_aside and str(bare) not in set_aside, "both reasons cleared"
    assert account not in ws.quarantined("accounts")
    assert not any("is not synced here" in reason for reason in ws.quarantined("case_events").values())
    assert report.streams["cases"].written == 1


# Nothing new, nothing written ------------------------------------------------------------


def test_a_sync_with_nothing_new_writes_no_row(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)
    for n in range(3):
        ticket = rt.create_ticket_as("alice", unique(f"Quiet {n}"), "x", severity=2, account=account)
        rt.correspond(ticket, "Answered.")
    rt.create_ticket_as("alice", unique("Set aside"), "no severity", account=account)
    wait_next_second()
    ws.sync()
    counts = write_counter(ws.engine)

    wait_next_second()
    report = ws.sync()

    assert counts() == dict.fromkeys(SYNCED_TABLES, 0)
    assert all(stream.written == 0 for stream in report.streams.values())


# Severity ----------------------------------------------------------------------------------


def test_a_downgrade_after_the_old_target_is_not_a_backdated_breach(ws: Workspace) -> None:
    rt = ws.rt
    account = new_account(rt)  # Gold: first response Severity 1 in 4 h around the clock, Severity 3 in 12 business h
    ticket = rt.create_ticket_as("alice", unique("Was urgent"), "x", severity=1, account=account)
    created = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=5)
    set_rt_times(rt, ticket, created)  # filed 5 h ago: Severity 1's 4 h are over
    rt.set_custom_fields(ticket, {"Severity": "3"})
    wait_next_second()
    ws.sync()

    case = ws.one(schema.cases, source="rt", remote_id=str(ticket))
    assert case.created_at == created and case.severity == 3
    [change] = [e for e in ws.events(ticket) if e.kind == "severity_change"]
    assert (change.old_value, change.value) == ("1", "3")
    # 5 h used of Severity 3's 12 business hours: running, never breached at created + 4 h.
    assert case.clock_breach_at is None and case.clock_breaches == 0
    assert case.clock_state == "running"
    assert case.clock_deadline is not None and case.clock_deadline > change.at
