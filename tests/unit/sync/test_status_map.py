"""Status maps: each source status means open, waiting, on hold, solved or closed; the map is
set with `connect --status-map` or in Settings, and an edit re-derives the stored meanings
(and the clocks) from the source statuses kept beside them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from advisor_app.cli.main import main
from advisor_app.domain import CaseStatus
from advisor_app.domain.status_map import effective_status_map, parse_status_map
from advisor_app.errors import StatusMapError
from advisor_app.store import schema
from advisor_app.workspace.desk import open_desk
from advisor_app.workspace.source_sync import set_status_map
from tests.conftest import fixed_clock
from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running
from tests.unit.test_connect import backend, connect  # noqa: F401  (the keyring fixture)
from tests.unit.test_secrets import SmallKeyring


def test_entries_repeat_or_come_as_a_comma_list_and_meanings_have_aliases() -> None:
    parsed = parse_status_map(["stalled=waiting,Escalated = open", "parked=on_hold", "resolved=SOLVED"])
    assert parsed == {"stalled": "waiting", "escalated": "open", "parked": "hold", "resolved": "solved"}
    assert parse_status_map([]) == {}


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("stalled", "'stalled' is not STATUS=MEANING"),
        ("=waiting", "'=waiting' is not STATUS=MEANING"),
        ("stalled=", "'stalled=' is not STATUS=MEANING"),
        ("stalled=asleep", "'asleep' is not a status meaning (one of: new, open, waiting, hold, solved, closed)"),
        ("stalled=waiting,stalled=hold", "status 'stalled' is given two meanings: waiting and hold"),
    ],
)
def test_a_malformed_entry_or_an_unknown_meaning_is_a_clear_error(entry: str, message: str) -> None:
    with pytest.raises(StatusMapError, match="^" + re.escape(message)):
        parse_status_map([entry])


def test_the_defaults_follow_sla_md_and_entries_go_over_them() -> None:
    rt = effective_status_map("rt", {})
    assert rt == {
        "new": CaseStatus.NEW,
        "open": CaseStatus.OPEN,
        "stalled": CaseStatus.PENDING,  # waiting on the customer: pauses the follow-up clock
        "resolved": CaseStatus.SOLVED,
        "rejected": CaseStatus.CLOSED,
    }
    zendesk = effective_status_map("zendesk", {"Hold": "waiting"})
    assert zendesk["pending"] is CaseStatus.PENDING and zendesk["hold"] is CaseStatus.PENDING
    with pytest.raises(StatusMapError, match="'later' is not a status meaning"):
        effective_status_map("rt", {"stalled": "later"})


@pytest.mark.parametrize("entry", ["stalled", "stalled=asleep"])
def test_connect_refuses_a_bad_status_map_before_anything_is_saved(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    backend: SmallKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    entry: str,
) -> None:
    root = tmp_path / "ws"
    code = connect(monkeypatch, root, "rt", "https://rt.example.com", "--user", "a", "--status-map", entry)
    assert code == 1
    assert "advisor-app: error:" in capsys.readouterr().err
    assert not (root / "settings.json").exists()
    assert backend.entries == {}


@pytest.fixture
def zendesk() -> Iterator[tuple[FakeZendesk, dict[str, int]]]:
    fake = FakeZendesk()
    ids = populate(fake)  # t2 (Globex) is pending after an agent's reply
    yield fake, ids


def _case(root: Path, remote_id: int) -> dict[str, object]:
    desk = open_desk(root)
    try:
        with desk.engine.connect() as connection:
            c = schema.cases.c
            row = connection.execute(select(schema.cases).where(c.remote_id == str(remote_id))).one()
            e = schema.case_events.c
            statuses = connection.execute(
                select(e.value, e.old_value, e.source_value)
                .where(e.case_id == row.id, e.kind == "status_change")
                .order_by(e.at, e.id)
            ).all()
        return {"status": row.status, "source": row.source_status, "paused": row.clock_paused, "events": statuses}
    finally:
        desk.close()


def test_a_zendesk_status_map_from_connect_then_edited_moves_the_stored_meanings_and_clocks(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    backend: SmallKeyring,  # noqa: F811
    zendesk: tuple[FakeZendesk, dict[str, int]],
) -> None:
    fake, ids = zendesk
    root = tmp_path / "ws"
    with running(fake) as server:
        assert connect(monkeypatch, root, "zendesk", server.url, "--user", EMAIL, "--zendesk-org-tag", "advisor-ada",
                       "--status-map", "pending=hold", token=TOKEN) == 0  # fmt: skip
        assert json.loads((root / "settings.json").read_text())["status_map"] == {"pending": "hold"}
        assert main(["--data-dir", str(root), "sync"], clock=fixed_clock) == 0

    # Pending read as on hold: the follow-up clock runs (the policy pauses only waiting).
    held = _case(root, ids["t2"])
    assert (held["status"], held["source"], held["paused"]) == ("on_hold", "pending", False)
    assert held["events"] == [("on_hold", "new", "pending")]

    # Back to the defaults, offline: pending means waiting again, and the clock pauses at once.
    desk = open_desk(root)
    try:
        assert set_status_map(desk, {}) == 1
    finally:
        desk.close()
    waiting = _case(root, ids["t2"])
    assert (waiting["status"], waiting["paused"]) == ("pending", True)
    assert waiting["events"] == [("pending", "new", "pending")]
    untouched = _case(root, ids["t1"])
    assert untouched["status"] == "open" and untouched["events"] == [("open", "new", "open")]

    # The same map again changes nothing.
    desk = open_desk(root)
    try:
        assert set_status_map(desk, {}) == 0
        with pytest.raises(StatusMapError):
            set_status_map(desk, {"pending": "sleeping"})
        assert json.loads((root / "settings.json").read_text())["status_map"] == {}
    finally:
        desk.close()
