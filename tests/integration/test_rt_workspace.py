"""A workspace connected to the real Request Tracker as a user does it: connect, then sync."""

from __future__ import annotations

import io
import json
import uuid
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from advisor_app.cli.main import main
from advisor_app.connect.connection import ConnectionRequest, connect
from advisor_app.gui.credentials import app_credentials, use_credentials
from advisor_app.gui.sync_runner import SyncRunner, workspace_sync
from advisor_app.secrets import Credentials
from advisor_app.store import schema
from advisor_app.sync.engine import SyncReport
from advisor_app.sync.selection import AccountSelection
from advisor_app.workspace.desk import open_desk
from tests.integration.rt.server import RTServer
from tests.unit.test_secrets import SmallKeyring


def test_connect_and_sync_a_workspace_with_request_tracker(
    rt_server: RTServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    account = f"WS-{uuid.uuid4().hex[:8]}"
    rt_server.create_asset(
        account,
        {"Tier": "platinum", "Region": "de", "Timezone": "Europe/Berlin", "Contract Start": "2026-02-01",
         "Named Advisor": "Ada Advisor", "Contract Status": "active"},
    )  # fmt: skip
    subject = f"Workspace sync {account}"
    ticket = rt_server.create_ticket_as("alice", subject, "Our dashboards are down", severity=2, account=account)
    rt_server.correspond(ticket, "Looking into it.", user="agent")

    previous = keyring.get_keyring()
    keyring.set_keyring(SmallKeyring())
    try:
        root = tmp_path / "ws"
        monkeypatch.setattr("sys.stdin", io.StringIO(rt_server.token + "\n"))
        assert main(["--data-dir", str(root), "connect", "rt", rt_server.base_url, "--user", rt_server.api_user,
                     "--rt-timezone", rt_server.timezone, "--account", account]) == 0  # fmt: skip
        assert main(["--data-dir", str(root), "sync"]) == 0
        assert "synced:" in capsys.readouterr().err
        assert main(["--data-dir", str(root), "status", "--json"]) == 0
    finally:
        keyring.set_keyring(previous)
    report = json.loads(capsys.readouterr().out)
    (ours,) = [a for a in report["accounts"] if a["remote_id"] == account]
    assert ours["tier"] == "platinum" and ours["timezone"] == "Europe/Berlin"
    (case,) = [c for c in report["cases"] if c["subject"] == subject]
    assert case["remote_id"] == str(ticket)
    assert case["severity"] == 2 and case["status"] == "open"
    # Answered: the follow-up clock runs (Platinum, Severity 2: 72 business hours).
    assert [clock["kind"] for clock in case["clocks"]] == ["follow_up"]
    assert case["clocks"][0]["target_seconds"] == 72 * 3600
    assert rt_server.token not in "".join(p.read_text(errors="ignore") for p in root.rglob("*") if p.is_file())


def test_automation_connects_and_syncs_with_the_environment_token_and_no_keyring(
    rt_server: RTServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    account = f"AUTO-{uuid.uuid4().hex[:8]}"
    rt_server.create_asset(
        account,
        {"Tier": "gold", "Region": "de", "Timezone": "Europe/Berlin", "Contract Start": "2026-02-01",
         "Named Advisor": "Automation", "Contract Status": "active"},
    )  # fmt: skip
    ticket = rt_server.create_ticket_as("alice", f"Automated {account}", "Cron job.", severity=3, account=account)
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    monkeypatch.setenv("ADVISOR_APP_TOKEN", rt_server.token)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # nothing to read: the token comes from the environment
    root = tmp_path / "ws"
    try:
        assert main(["--data-dir", str(root), "connect", "rt", rt_server.base_url, "--user", rt_server.api_user,
                     "--rt-timezone", rt_server.timezone, "--advisor", "Automation"]) == 0  # fmt: skip
        assert "ADVISOR_APP_TOKEN is set: no token was stored" in capsys.readouterr().err
        assert main(["--data-dir", str(root), "sync"]) == 0
        capsys.readouterr()
        assert main(["--data-dir", str(root), "status", "--json"]) == 0
    finally:
        keyring.set_keyring(previous)
    report = json.loads(capsys.readouterr().out)
    assert str(ticket) in {c["remote_id"] for c in report["cases"]}
    assert rt_server.token not in "".join(p.read_text(errors="ignore") for p in root.rglob("*") if p.is_file())


def test_the_windows_sync_brings_a_session_only_sign_in_to_request_tracker(
    rt_server: RTServer, tmp_path: Path, qtbot: QtBot
) -> None:
    """The GUI's way: a token held for this session only (never in a keyring), then the sync
    the window and the wizard start (`workspace_sync`: a process of its own, the token
    handed over). Data of this test's own making: a Gold account, a stalled ticket."""
    account = f"GUI-{uuid.uuid4().hex[:8]}"
    rt_server.create_asset(
        account,
        {"Tier": "gold", "Region": "de", "Timezone": "Europe/Berlin", "Contract Start": "2026-03-01",
         "Named Advisor": "Ada Advisor", "Contract Status": "active"},
    )  # fmt: skip
    ticket = rt_server.create_ticket_as(
        "alice", f"Export stuck {account}", "The CSV export hangs", severity=3, account=account
    )
    rt_server.correspond(ticket, "Which file size?", user="agent")
    rt_server.set_status(ticket, "stalled")

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())  # nothing may reach a keyring
    use_credentials(Credentials())
    desk = open_desk(tmp_path / "ws")
    try:
        request = ConnectionRequest(
            kind="rt", url=rt_server.base_url, user=rt_server.api_user, token=rt_server.token,
            rt_timezone=rt_server.timezone, account_selection=AccountSelection(added=[account]),
        )  # fmt: skip
        connect(desk, request, app_credentials(), session_only=True)
        runner = SyncRunner()
        with qtbot.waitSignal(runner.synced, timeout=120_000) as done:
            assert runner.start(workspace_sync(desk))
        report = done.args[0]
        assert isinstance(report, SyncReport) and report.streams["cases"].written >= 1
        with desk.engine.connect() as connection:
            case = connection.execute(
                select(schema.cases.c.status, schema.cases.c.source_status).where(
                    schema.cases.c.source == "rt", schema.cases.c.remote_id == str(ticket)
                )
            ).one()
        assert tuple(case) == ("pending", "stalled"), "stalled waits on the customer"
    finally:
        desk.close()
        use_credentials(None)
        keyring.set_keyring(previous)
