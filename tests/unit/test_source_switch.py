"""Starting over with another source: synced data retired, local-owned data kept and valid."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import keyring
import pytest
from sqlalchemy import ColumnElement, Table, func, select
from sqlalchemy.orm import Session

from advisor_app.connect.connection import ConnectionRequest, ConnectionSettingsError, connect, sign_out
from advisor_app.connect.switch import plan_switch
from advisor_app.secrets import SERVICE, Credentials
from advisor_app.store import queries, schema
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.source_sync import sync_workspace
from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running
from tests.unit.test_secrets import SmallKeyring


@pytest.fixture
def backend() -> Iterator[SmallKeyring]:
    previous = keyring.get_keyring()
    small = SmallKeyring()
    keyring.set_keyring(small)
    yield small
    keyring.set_keyring(previous)


def _count(desk: Desk, table: Table, *where: ColumnElement[bool]) -> int:
    with desk.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def test_the_plan_counts_what_is_hidden_and_what_is_kept(demo_desk: Desk) -> None:
    plan = plan_switch(demo_desk.engine)
    assert plan.sources == ("demo",)
    assert (plan.accounts, plan.cases) == (25, 2000)
    assert plan.contacts > 0 and plan.case_events > 0
    assert plan.kept["service_day_entries"] == _count(demo_desk, schema.service_day_entries) > 0
    assert plan.kept["weekly_updates"] == _count(demo_desk, schema.weekly_updates) > 0  # the demo's past updates
    assert "calendar_edits" in plan.kept


def test_switching_from_the_demo_to_zendesk_keeps_local_data(demo_desk: Desk, backend: SmallKeyring) -> None:
    now = demo_desk.clock()
    with Session(demo_desk.engine) as session, session.begin():
        account_id = session.execute(select(schema.AccountRow.id).limit(1)).scalar_one()
        session.add(schema.WeeklyUpdateRow(account_id=account_id, iso_week="2020-W48", state="sent", updated_at=now))
    days_before = _count(demo_desk, schema.service_day_entries)
    updates_before = _count(demo_desk, schema.weekly_updates)
    fake = FakeZendesk()
    populate(fake)
    credentials = Credentials()
    with running(fake) as server:
        request = ConnectionRequest("zendesk", server.url, EMAIL, TOKEN, zendesk_org_tag="advisor-ada")
        with pytest.raises(ConnectionSettingsError, match="demo workspace"):
            connect(demo_desk, request, credentials)
        assert json.loads(demo_desk.workspace.settings_file.read_text())["source_kind"] == "demo"
        connect(demo_desk, request, credentials, start_over=True)
        report = sync_workspace(demo_desk, cancel=threading.Event(), credentials=credentials)
    assert report.streams["accounts"].written == 2
    with demo_desk.engine.connect() as connection:
        assert sorted(a.name for a in queries.account_summaries(connection)) == ["Acme Corp", "Globex GmbH"]
    # Local-owned rows are all there and still point at their (now hidden) accounts.
    assert _count(demo_desk, schema.service_day_entries) == days_before
    assert _count(demo_desk, schema.weekly_updates) == updates_before
    with demo_desk.engine.connect() as connection:
        sources = set(
            connection.execute(
                select(schema.accounts.c.source)
                .join(schema.service_day_entries, schema.service_day_entries.c.account_id == schema.accounts.c.id)
                .distinct()
            ).scalars()
        )
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    assert sources == {"retired1:demo"}
    assert (
        _count(demo_desk, schema.cases, schema.cases.c.source == "retired1:demo", schema.cases.c.removed_at.is_(None))
        == 0
    )
    assert plan_switch(demo_desk.engine).accounts == 2
    assert backend.entries == {(SERVICE, f"{EMAIL}@{server.url.split('://')[1]}"): TOKEN}


def test_a_second_switch_gets_its_own_label(demo_desk: Desk, backend: SmallKeyring) -> None:
    fake = FakeZendesk()
    populate(fake)
    credentials = Credentials()
    with running(fake) as server:
        request = ConnectionRequest("zendesk", server.url, EMAIL, TOKEN, zendesk_org_tag="advisor-ada")
        connect(demo_desk, request, credentials, start_over=True)
        sync_workspace(demo_desk, cancel=threading.Event(), credentials=credentials)
        connect(demo_desk, request, credentials, start_over=True)
        sync_workspace(demo_desk, cancel=threading.Event(), credentials=credentials)
    with demo_desk.engine.connect() as connection:
        labels = set(connection.execute(select(schema.accounts.c.source).distinct()).scalars())
    assert labels == {"retired1:demo", "retired2:zendesk", "zendesk"}


def test_a_failed_settings_write_takes_the_new_token_back(
    demo_desk: Desk, backend: SmallKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("advisor_app.connect.connection.save_settings", refuse)
    request = ConnectionRequest("zendesk", "https://acme.zendesk.com", EMAIL, TOKEN, zendesk_org_ids=(1,))
    with pytest.raises(OSError, match="disk full"):
        connect(demo_desk, request, Credentials(), start_over=True)
    assert backend.entries == {}
    assert demo_desk.settings.source_kind == "demo"


def test_sign_out_removes_the_token_and_the_session_copy(tmp_path: object, backend: SmallKeyring) -> None:
    from pathlib import Path

    from advisor_app.workspace.desk import open_desk

    desk = open_desk(Path(str(tmp_path)) / "ws", clock=lambda: datetime(2026, 11, 2, tzinfo=UTC))
    try:
        credentials = Credentials()
        request = ConnectionRequest("zendesk", "https://acme.zendesk.com", EMAIL, TOKEN, zendesk_org_ids=(1,))
        connect(desk, request, credentials)
        assert backend.entries
        sign_out(desk, credentials)
        assert backend.entries == {}
        assert credentials.load(EMAIL, "https://acme.zendesk.com") is None
        connect(desk, request, credentials, session_only=True)
        assert backend.entries == {}
        assert credentials.load(EMAIL, "https://acme.zendesk.com") == TOKEN
        sign_out(desk, credentials)
        assert credentials.load(EMAIL, "https://acme.zendesk.com") is None
    finally:
        desk.close()
