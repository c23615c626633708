"""Accounts that arrive and leave with the selection rule, as the window shows them (Zendesk fake)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from advisor_app.connect.connection import ConnectionRequest, connect
from advisor_app.gui.credentials import use_credentials
from advisor_app.gui.main_window import MainWindow
from advisor_app.gui.models.accounts import DETAIL_ROLE
from advisor_app.gui.sync_details import SyncDetailsDialog
from advisor_app.obligations.ledger import book_service_day
from advisor_app.secrets import Credentials
from advisor_app.store import schema
from advisor_app.sync.selection import AccountSelection
from advisor_app.workspace.desk import Desk, open_desk
from tests.conftest import MovableClock
from tests.unit.sync.fault_server import LoopbackServer
from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running
from tests.unit.test_secrets import SmallKeyring


@pytest.fixture
def connected(tmp_path: Path, clock: MovableClock) -> Iterator[tuple[Desk, FakeZendesk, dict[str, int]]]:
    fake = FakeZendesk()
    ids = populate(fake)
    for org in ("acme", "globex"):
        fake.orgs[ids[org]]["organization_fields"]["named_advisor"] = EMAIL
    fake.orgs[ids["other"]]["organization_fields"]["named_advisor"] = "bob@vendor.example"
    credentials = Credentials(SmallKeyring(), environ={})
    use_credentials(credentials)
    desk = open_desk(tmp_path / "ws", clock=clock)
    server: LoopbackServer
    with running(fake) as server:
        request = ConnectionRequest(
            "zendesk", server.url, EMAIL, TOKEN, account_selection=AccountSelection(advisors=[EMAIL])
        )
        connect(desk, request, credentials)
        yield desk, fake, ids
    desk.close()
    use_credentials(None)


def names(window: MainWindow) -> dict[str, str]:
    model = window.accounts_model
    return {str(model.index(row).data()): str(model.index(row).data(DETAIL_ROLE)) for row in range(1, model.rowCount())}


def test_arrivals_and_departures_are_announced_and_the_departed_stay_reachable(
    qtbot: QtBot, connected: tuple[Desk, FakeZendesk, dict[str, int]], clock: MovableClock
) -> None:
    desk, fake, ids = connected
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.sync.synced, timeout=60_000):
        window.sync.sync_now()
    assert set(names(window)) == {"Acme Corp", "Globex GmbH"}
    with desk.engine.connect() as connection:
        globex = connection.execute(
            select(schema.accounts.c.id).where(schema.accounts.c.name == "Globex GmbH")
        ).scalar_one()
    book_service_day(desk.engine, globex, clock().date(), 1, "remote", now=clock())

    # Initech is assigned to the advisor, Globex to someone else.
    fake.tick(10)
    fake.orgs[ids["other"]]["organization_fields"]["named_advisor"] = EMAIL
    fake.orgs[ids["globex"]]["organization_fields"]["named_advisor"] = "bob@vendor.example"
    with qtbot.waitSignal(window.sync.synced, timeout=60_000) as synced:
        window.sync.sync_now()
    report = synced.args[0]
    assert report.accounts_arrived == ["Initech"] and report.accounts_left == ["Globex GmbH"]
    message = window.ui.statusBar.currentMessage()
    assert "Newly assigned to you: Initech" in message
    assert "No longer assigned to you: Globex GmbH" in message
    assert set(names(window)) == {"Acme Corp", "Initech"}
    details = SyncDetailsDialog(desk.engine, window.sync, window)
    qtbot.addWidget(details)
    summary = details.ui.summaryLabel.text()
    assert "Newly assigned to you: Initech." in summary
    assert "No longer assigned to you: Globex GmbH (their service days" in summary

    window.unassigned_action.trigger()
    shown = names(window)
    assert shown["Globex GmbH"] == "Not assigned to you"
    row = next(
        r for r in range(1, window.accounts_model.rowCount()) if window.accounts_model.index(r).data() == "Globex GmbH"
    )
    window.ui.accountsView.setCurrentIndex(window.accounts_model.index(row))
    assert window.ui.pages.currentWidget() is window.account_view
    assert "not assigned to you any more" in window.ui.statusBar.currentMessage()
    with desk.engine.connect() as connection:
        kept = connection.execute(
            select(schema.service_day_entries.c.id).where(schema.service_day_entries.c.account_id == globex)
        ).all()
    assert len(kept) == 1

    window.unassigned_action.trigger()
    assert "Globex GmbH" not in names(window)
