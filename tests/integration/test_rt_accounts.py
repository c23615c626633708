"""The advisor's accounts on the real Request Tracker: a rule, evaluated on every sync.

Each test names its own advisor (a unique "Named Advisor" value), so the assets other tests
leave in the shared catalog are other advisors' accounts here.
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import keyring
import pytest
from sqlalchemy import select

from advisor_app.cli.main import main
from advisor_app.drafts.notes import add_note
from advisor_app.obligations.ledger import book_service_day
from advisor_app.store import schema
from advisor_app.workspace.desk import open_desk
from tests.integration.rt.server import RTServer
from tests.unit.test_secrets import SmallKeyring

pytestmark = pytest.mark.integration

FIELDS = {"Tier": "gold", "Region": "de", "Timezone": "Europe/Berlin", "Contract Start": "2026-02-01",
          "Contract Status": "active"}  # fmt: skip


def unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def small_keyring() -> Iterator[SmallKeyring]:
    previous = keyring.get_keyring()
    backend = SmallKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def run(root: Path, *args: str) -> int:
    # No clock= here: against the real RT the command line runs on real time (RT stamps
    # tickets with its own clock), unlike the fixed clock of the rest of the suite.
    return main(["--data-dir", str(root), *args])


def connect(rt: RTServer, root: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(rt.token + "\n"))
    assert run(root, "connect", "rt", rt.base_url, "--user", rt.api_user, "--rt-timezone", rt.timezone, *args) == 0


def accounts_report(root: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    capsys.readouterr()
    assert run(root, "accounts", "--json") == 0
    return json.loads(capsys.readouterr().out)


def local_accounts(root: Path) -> dict[str, Any]:
    desk = open_desk(root)
    try:
        with desk.engine.connect() as connection:
            return {row.remote_id: row for row in connection.execute(select(schema.accounts))}
    finally:
        desk.close()


def case_rows(root: Path) -> dict[str, Any]:
    desk = open_desk(root)
    try:
        with desk.engine.connect() as connection:
            return {row.remote_id: row for row in connection.execute(select(schema.cases))}
    finally:
        desk.close()


def test_accounts_follow_the_named_advisor_on_every_sync(
    rt_server: RTServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    small_keyring: SmallKeyring,
) -> None:
    rt = rt_server
    me, someone = unique("Ada"), unique("Bob")
    mine, theirs, later = unique("MINE"), unique("THEIRS"), unique("LATER")
    broken = unique("BROKEN")
    rt.create_asset(mine, {**FIELDS, "Named Advisor": me})
    rt.create_asset(theirs, {**FIELDS, "Named Advisor": someone})
    later_id = rt.create_asset(later, {**FIELDS, "Named Advisor": someone})
    broken_id = rt.create_asset(broken, {**FIELDS, "Tier": "diamond", "Named Advisor": me})
    mine_ticket = rt.create_ticket_as("alice", unique("Mine"), "Ours.", severity=2, account=mine)
    theirs_ticket = rt.create_ticket_as("alice", unique("Theirs"), "Not ours.", severity=2, account=theirs)

    root = tmp_path / "ws"
    connect(rt, root, monkeypatch, "--advisor", me)
    assert run(root, "sync") == 0
    synced = local_accounts(root)
    assert mine in synced and theirs not in synced and later not in synced and broken not in synced
    assert str(mine_ticket) in case_rows(root) and str(theirs_ticket) not in case_rows(root)

    # The account with bad data is listed, in the selection, with its reason; and set aside.
    report = accounts_report(root, capsys)
    assert report["rule"]["advisors"] == [me]
    by_id = {a["remote_id"]: a for a in report["accounts"]}
    assert by_id[broken]["included"] and "'diamond' is not a known tier" in by_id[broken]["problem"]
    assert by_id[mine]["included"] and by_id[mine]["why"] == "names_you" and by_id[mine]["local"] == "active"
    assert not by_id[theirs]["included"] and by_id[theirs]["why"] == "names_another_advisor"
    desk = open_desk(root)
    try:
        with desk.engine.connect() as connection:
            q = schema.quarantine.c
            reasons = dict(connection.execute(select(q.remote_id, q.reason).where(q.stream == "accounts")).all())
    finally:
        desk.close()
    assert "'diamond' is not a known tier" in reasons[broken]

    # Local data on my account, before it is reassigned.
    desk = open_desk(root)
    try:
        account_id = local_accounts(root)[mine].id
        now = datetime.now(UTC)
        entry = book_service_day(desk.engine, account_id, date(2026, 3, 2), 2, "onsite", now=now)
        add_note(desk.engine, account_id, "Prefers calls in the morning.", now)
    finally:
        desk.close()

    # Assigned after connect: arrives with the next sync, and is announced.
    rt.update_asset(later_id, {"Named Advisor": me})
    later_ticket = rt.create_ticket_as("alice", unique("Later"), "New to you.", severity=3, account=later)
    # Reassigned to someone else: leaves the active views, its local data stays.
    [mine_asset] = [int(a["id"]) for a in rt.get_json("assets", query=f"Name = '{mine}'")["items"]]
    rt.update_asset(mine_asset, {"Named Advisor": someone})
    # Named me all along, its tier is fixed: back from being set aside, not "newly assigned".
    rt.update_asset(broken_id, {"Tier": "gold"})
    capsys.readouterr()
    assert run(root, "sync") == 0
    err = capsys.readouterr().err
    assert f"newly assigned to you: {later}\n" in err
    assert f"no longer set aside (its data is fixed): {broken}\n" in err
    assert f"no longer assigned to you: {mine}" in err

    synced = local_accounts(root)
    assert synced[later].removed_at is None
    assert synced[mine].removed_at is not None
    cases = case_rows(root)
    assert cases[str(later_ticket)].removed_at is None
    assert cases[str(mine_ticket)].removed_at is not None  # out of Today and All cases with its account
    capsys.readouterr()
    assert run(root, "status", "--json") == 0
    status = json.loads(capsys.readouterr().out)
    assert mine not in {a["remote_id"] for a in status["accounts"]}
    assert later in {a["remote_id"] for a in status["accounts"]}
    desk = open_desk(root)
    try:
        with desk.engine.connect() as connection:
            days = connection.execute(
                select(schema.service_day_entries.c.id).where(schema.service_day_entries.c.account_id == account_id)
            ).all()
            notes = connection.execute(select(schema.notes.c.body).where(schema.notes.c.account_id == account_id))
            assert [row.id for row in days] == [entry]
            assert [row.body for row in notes] == ["Prefers calls in the morning."]
    finally:
        desk.close()
    report = accounts_report(root, capsys)
    by_id = {a["remote_id"]: a for a in report["accounts"]}
    assert not by_id[mine]["included"] and by_id[mine]["local"] == "not assigned"

    # Added back by hand: the account and its cases return.
    capsys.readouterr()
    assert run(root, "accounts", "--add", mine) == 0
    assert f"in   {mine}" in capsys.readouterr().out
    assert run(root, "sync") == 0
    assert local_accounts(root)[mine].removed_at is None
    assert case_rows(root)[str(mine_ticket)].removed_at is None


def test_the_older_tickets_of_a_newly_assigned_account_come_with_it(
    rt_server: RTServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    small_keyring: SmallKeyring,
) -> None:
    rt = rt_server
    me = unique("Cleo")
    mine, later = unique("MINE"), unique("LATER")
    rt.create_asset(mine, {**FIELDS, "Named Advisor": me})
    later_id = rt.create_asset(later, {**FIELDS, "Named Advisor": unique("Dan")})
    old = rt.create_ticket_as("alice", unique("Old"), "Opened before it was yours.", severity=2, account=later)
    rt.correspond(old, "We are on it.", user="agent")

    root = tmp_path / "ws"
    connect(rt, root, monkeypatch, "--advisor", me)
    assert run(root, "sync") == 0
    assert str(old) not in case_rows(root)

    rt.update_asset(later_id, {"Named Advisor": me})
    assert run(root, "sync") == 0
    cases = case_rows(root)
    assert str(old) in cases and cases[str(old)].removed_at is None
    desk = open_desk(root)
    try:
        e = schema.case_events.c
        with desk.engine.connect() as connection:
            kinds = [k for (k,) in connection.execute(select(e.kind).where(e.case_id == cases[str(old)].id))]
    finally:
        desk.close()
    assert "agent_reply" in kinds


def test_accounts_add_and_remove_edit_the_rule(
    rt_server: RTServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    small_keyring: SmallKeyring,
) -> None:
    rt = rt_server
    me = unique("Eve")
    mine, extra = unique("MINE"), unique("EXTRA")
    rt.create_asset(mine, {**FIELDS, "Named Advisor": me})
    rt.create_asset(extra, {**FIELDS, "Named Advisor": unique("Fay")})
    root = tmp_path / "ws"
    connect(rt, root, monkeypatch, "--advisor", me, "--account", extra)
    by_id = {a["remote_id"]: a for a in accounts_report(root, capsys)["accounts"]}
    assert by_id[extra]["included"] and by_id[extra]["why"] == "added"

    assert run(root, "accounts", "--remove", mine, "--remove", extra, "--add", "NO-SUCH-ACCOUNT") == 0
    out = capsys.readouterr().out
    assert f"minus {mine}, {extra}" in out
    by_id = {a["remote_id"]: a for a in accounts_report(root, capsys)["accounts"]}
    assert not by_id[mine]["included"] and by_id[mine]["why"] == "removed"
    assert not by_id[extra]["included"] and by_id[extra]["why"] == "removed"
    assert by_id["NO-SUCH-ACCOUNT"]["why"] == "not_found"
    settings = json.loads((root / "settings.json").read_text())["account_selection"]
    assert settings["removed"] == [mine, extra] and settings["added"] == ["NO-SUCH-ACCOUNT"]
