"""RT requests go through the one HTTP client: retries and waits are reported and cancellable.

A small loopback proxy stands in front of the real RT and answers chosen requests with 429
or 503 and a Retry-After, as a rate-limiting gateway would; everything else is RT's answer.
"""

from __future__ import annotations

import io
import threading
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import msgspec
import pytest
import requests
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from advisor_app.cli.main import main
from advisor_app.secrets import Credentials
from advisor_app.store import schema
from advisor_app.sync.engine import SyncCancelled
from advisor_app.sync.providers.rt import ZoneMismatch
from advisor_app.workspace.desk import open_desk
from advisor_app.workspace.source_sync import sync_workspace
from advisor_app.workspace.sync_process import sync_in_process
from tests.integration.rt.server import RTServer
from tests.unit.sync.fault_server import Fault, LoopbackServer, Reply, Request, serving
from tests.unit.test_secrets import SmallKeyring

pytestmark = pytest.mark.integration

FIELDS = {"Tier": "gold", "Region": "de", "Timezone": "Europe/Berlin", "Contract Start": "2026-02-01",
          "Contract Status": "active", "Named Advisor": "Nobody In Particular"}  # fmt: skip


@pytest.fixture
def proxy(rt_server: RTServer) -> Iterator[LoopbackServer]:
    upstream = requests.Session()

    def forward(request: Request) -> Reply:
        params = [(name, value) for name, values in request.query.items() for value in values]
        headers = {k: v for k, v in request.headers.items() if k in ("authorization", "accept", "cookie")}
        answer = upstream.get(
            rt_server.base_url + request.path, params=params, headers=headers, allow_redirects=False, timeout=60
        )
        kept = {k: v for k, v in answer.headers.items() if k.lower() in ("date", "location", "content-type")}
        return Reply(answer.status_code, answer.content, kept)

    with serving(forward) as server:
        yield server
    upstream.close()


@pytest.fixture
def workspace(
    rt_server: RTServer, proxy: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, str, int, SmallKeyring]]:
    account = f"RETRY-{uuid.uuid4().hex[:8]}"
    rt_server.create_asset(account, FIELDS)
    ticket = rt_server.create_ticket_as("alice", f"Retried {account}", "Slow gateway.", severity=2, account=account)
    previous = keyring.get_keyring()
    backend = SmallKeyring()
    keyring.set_keyring(backend)
    root = tmp_path / "ws"
    monkeypatch.setattr("sys.stdin", io.StringIO(rt_server.token + "\n"))
    try:
        assert main(["--data-dir", str(root), "connect", "rt", proxy.url, "--user", rt_server.api_user,
                     "--rt-timezone", rt_server.timezone, "--advisor", f"nobody-{account}",
                     "--account", account]) == 0  # fmt: skip
        yield root, account, ticket, backend
    finally:
        keyring.set_keyring(previous)


def test_rt_rate_limits_and_server_errors_are_waited_out_and_reported(
    proxy: LoopbackServer, workspace: tuple[Path, str, int, SmallKeyring]
) -> None:
    root, _account, ticket, backend = workspace
    proxy.inject(Fault("status", path="/REST/2.0/assets", status=503, retry_after="1"))
    proxy.inject(Fault("status", path="/REST/2.0/tickets", status=429, retry_after="1"))
    waits: list[tuple[float, str]] = []
    desk = open_desk(root)
    try:
        report = sync_workspace(desk, on_wait=lambda s, why: waits.append((s, why)), credentials=Credentials(backend))
        with desk.engine.connect() as connection:
            cases = connection.execute(select(schema.cases.c.remote_id)).scalars().all()
    finally:
        desk.close()
    host = proxy.url.split("://", 1)[1]
    assert (1.0, "server error 503, retrying in 1 s") in waits
    assert (1.0, f"rate limited by {host}, retrying in 1 s") in waits
    assert report.streams["accounts"].written == 1
    assert str(ticket) in cases
    assert all(fault.fired == 1 for fault in proxy.faults)


def test_a_sync_in_its_own_process_brings_back_waits_warnings_and_account_changes(
    rt_server: RTServer, proxy: LoopbackServer, workspace: tuple[Path, str, int, SmallKeyring]
) -> None:
    """What the window's sync (in a child process) must show crosses the pipe: each wait with
    its seconds and reason, RT's time-zone warning, and the accounts that arrived or left."""
    root, account, ticket, backend = workspace
    other = f"RETRY-{uuid.uuid4().hex[:8]}"
    rt_server.create_asset(other, FIELDS)
    proxy.inject(Fault("status", path="/REST/2.0/tickets", status=429, retry_after="1"))
    desk = open_desk(root)
    try:
        token = Credentials(backend, environ={}).load(desk.settings.source_user, desk.settings.source_url)
        assert desk.settings.account_selection is not None
        both = msgspec.structs.replace(desk.settings.account_selection, added=[account, other])
        settings = msgspec.structs.replace(desk.settings, account_selection=both)
        wrong_zone = msgspec.structs.replace(settings, rt_timezone="UTC")  # RT reads dates in UTC+05:30
        waits: list[tuple[float, str]] = []
        first = sync_in_process(root, wrong_zone, desk.clock(), token, on_wait=lambda s, why: waits.append((s, why)))
        host = proxy.url.split("://", 1)[1]
        assert waits == [(1.0, f"rate limited by {host}, retrying in 1 s")]
        [warning] = first.warnings
        assert isinstance(warning, ZoneMismatch), "the typed warning crosses the pipe whole (the GUI words it)"
        assert warning.setting == "UTC" and warning.actual == timedelta(hours=5, minutes=30)
        assert "rt_timezone UTC is UTC+00:00" in str(warning)
        assert (first.accounts_arrived, first.accounts_left) == ([], [])  # a first sync: nothing "arrived"

        one = msgspec.structs.replace(both, added=[other], removed=[account])
        left = sync_in_process(root, msgspec.structs.replace(settings, account_selection=one), desk.clock(), token)
        assert left.accounts_left == [account]
        assert left.warnings == [], "the right zone: no warning"
        back = sync_in_process(root, settings, desk.clock(), token)
        assert (back.accounts_arrived, back.accounts_left) == ([account], [])
        with desk.engine.connect() as connection:
            removed = connection.execute(
                select(schema.cases.c.removed_at).where(schema.cases.c.remote_id == str(ticket))
            ).scalar_one()
        assert removed is None, "the account's case came back with it"
    finally:
        desk.close()


def test_cancel_ends_an_rt_wait_and_keeps_what_was_synced(
    proxy: LoopbackServer, workspace: tuple[Path, str, int, SmallKeyring]
) -> None:
    root, account, _ticket, backend = workspace
    proxy.inject(Fault("status", path="/REST/2.0/tickets", status=429, retry_after="600", times=5))
    cancel = threading.Event()
    told: list[str] = []

    def on_wait(_seconds: float, why: str) -> None:
        told.append(why)
        cancel.set()  # the user presses Cancel while the status bar says why it waits

    desk = open_desk(root)
    try:
        with pytest.raises(SyncCancelled):
            sync_workspace(desk, cancel=cancel, on_wait=on_wait, credentials=Credentials(backend))
        with desk.engine.connect() as connection:
            accounts = connection.execute(select(schema.accounts.c.remote_id)).scalars().all()
    finally:
        desk.close()
    assert told and "retrying in 120 s" in told[0]  # Retry-After is capped
    assert accounts == [account]  # the accounts page before the wait was committed
    assert proxy.faults[0].fired == 1  # no second request after the cancel


def test_the_window_shows_an_rt_wait_and_cancel_ends_it(
    qtbot: QtBot, proxy: LoopbackServer, workspace: tuple[Path, str, int, SmallKeyring]
) -> None:
    from advisor_app.gui.credentials import use_credentials
    from advisor_app.gui.main_window import MainWindow

    root, _account, _ticket, backend = workspace
    proxy.inject(Fault("status", path="/REST/2.0/tickets", status=503, retry_after="25", times=10))
    use_credentials(Credentials(backend, environ={}))
    desk = open_desk(root)
    try:
        window = MainWindow(desk)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.sync.sync_now()
        qtbot.waitUntil(lambda: "server error 503, retrying in 25 s" in window.sync_label.text(), timeout=30_000)
        assert window.ui.cancelSyncAction.isEnabled()
        with qtbot.waitSignal(window.sync.failed, timeout=10_000) as failure:
            window.ui.cancelSyncAction.trigger()
        assert "cancelled" in failure.args[0]
        assert window.sync.failing_since is None, "a cancel is not being offline"
        assert proxy.faults[0].fired == 1
        window.close()
    finally:
        use_credentials(None)
        desk.close()
