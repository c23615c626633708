"""Connecting a workspace: checked settings, the token in the keyring and nowhere else."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as FailKeyring

from advisor_app.cli.main import main
from advisor_app.secrets import SERVICE
from tests.conftest import MovableClock, fixed_clock
from tests.unit.test_secrets import SmallKeyring

TOKEN = "1-42-0123456789abcdef0123456789abcdef"


@pytest.fixture
def backend() -> Iterator[SmallKeyring]:
    previous = keyring.get_keyring()
    small = SmallKeyring()
    keyring.set_keyring(small)
    yield small
    keyring.set_keyring(previous)


def connect(monkeypatch: pytest.MonkeyPatch, root: Path, *args: str, token: str = TOKEN) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(token + "\n"))
    return main(["--data-dir", str(root), "connect", *args], clock=fixed_clock)


def every_file_text(root: Path) -> str:
    return "\n".join(path.read_bytes().decode("latin-1") for path in root.rglob("*") if path.is_file())


def test_connect_keeps_the_token_in_the_keyring_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring
) -> None:
    root = tmp_path / "ws"
    code = connect(monkeypatch, root, "rt", "https://RT.example.com/", "--user", "advisor-api",
                   "--rt-timezone", "Asia/Kolkata")  # fmt: skip
    assert code == 0
    settings = json.loads((root / "settings.json").read_text())
    assert settings["source_kind"] == "rt"
    assert settings["source_url"] == "https://rt.example.com"
    assert settings["source_user"] == "advisor-api"
    assert settings["rt_timezone"] == "Asia/Kolkata"
    assert backend.entries == {(SERVICE, "advisor-api@rt.example.com"): TOKEN}
    assert TOKEN not in every_file_text(root)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rt", "http://rt.example.com", "--user", "a"), "plain http to another machine"),
        (("rt", "ftp://rt.example.com", "--user", "a"), "not an http(s) address"),
        (("rt", "https://rt.example.com", "--user", "a", "--rt-timezone", "Mars/Olympus"), "unknown time zone"),
        (("rt", "https://rt.example.com", "--user", "a", "--ca-bundle", "/nope.pem"), "CA bundle /nope.pem"),
    ],
)
def test_bad_settings_are_refused_and_nothing_is_saved(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    backend: SmallKeyring,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
) -> None:
    root = tmp_path / "ws"
    assert connect(monkeypatch, root, *args) == 1
    assert message in capsys.readouterr().err
    assert not (root / "settings.json").exists()
    assert backend.entries == {}


def test_an_empty_token_is_refused(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    assert connect(monkeypatch, tmp_path / "ws", "rt", "https://rt.example.com", "--user", "a", token="") == 1
    assert "the token is empty" in capsys.readouterr().err


def test_without_a_keyring_nothing_is_saved_and_the_way_out_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    try:
        root = tmp_path / "ws"
        code = connect(
            monkeypatch,
            root,
            "zendesk",
            "https://acme.zendesk.com",
            "--user",
            "a@acme.example",
            "--zendesk-org-tag",
            "t",
        )
        assert code == 1
    finally:
        keyring.set_keyring(previous)
    err = capsys.readouterr().err
    assert "no keyring is available" in err
    assert TOKEN not in err
    assert not (root / "settings.json").exists()


def test_the_demo_workspace_stays_the_demo(
    monkeypatch: pytest.MonkeyPatch, demo_root: Path, backend: SmallKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    before = (demo_root / "settings.json").read_text()
    assert connect(monkeypatch, demo_root, "rt", "https://rt.example.com", "--user", "a") == 1
    assert "demo workspace" in capsys.readouterr().err
    assert (demo_root / "settings.json").read_text() == before
    assert backend.entries == {}


def test_another_source_is_not_mixed_in(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ws"
    assert connect(monkeypatch, root, "rt", "https://rt.example.com", "--user", "a") == 0
    code = connect(
        monkeypatch, root, "zendesk", "https://acme.zendesk.com", "--user", "a@acme.example", "--zendesk-org-tag", "t"
    )
    assert code == 1
    assert "holds data from rt" in capsys.readouterr().err
    assert json.loads((root / "settings.json").read_text())["source_kind"] == "rt"


def test_sync_on_the_demo_workspace_reports_progress(
    demo_root: Path, clock: MovableClock, capsys: pytest.CaptureFixture[str]
) -> None:
    clock.advance(timedelta(hours=1))  # an hour after the demo was made: its history moved on
    assert main(["--data-dir", str(demo_root), "--demo", "sync"], clock=clock) == 0
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert {line.split(":")[0] for line in lines[:-1]} == {
        "accounts",
        "contacts",
        "cases",
        "case_events",
        "usage_metrics",
    }
    # The anchored demo returns its stored history unchanged: nothing of it is written again.
    assert lines[-1].startswith("synced: accounts 0, contacts 0, cases ")


def test_sync_without_a_source_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "ws"), "sync"], clock=fixed_clock) == 1
    assert capsys.readouterr().err == "advisor-app: error: this workspace is not connected to a ticketing system yet\n"


def test_the_account_selection_is_a_rule_naming_the_user_by_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring
) -> None:
    root = tmp_path / "ws"
    assert connect(monkeypatch, root, "zendesk", "https://acme.zendesk.com", "--user", "a@x.example") == 0
    rule = json.loads((root / "settings.json").read_text())["account_selection"]
    assert rule == {"advisors": ["a@x.example"], "tag": "", "added": [], "removed": [], "all_accounts": False}

    other = tmp_path / "ws2"
    code = connect(monkeypatch, other, "rt", "https://rt.example.com", "--user", "api", "--advisor", "Ada Lovelace",
                   "--account", "ACME-1", "--account", "Globex", "--all-accounts")  # fmt: skip
    assert code == 0
    rule = json.loads((other / "settings.json").read_text())["account_selection"]
    assert rule["advisors"] == ["Ada Lovelace"] and rule["added"] == ["ACME-1", "Globex"] and rule["all_accounts"]


def test_with_the_automation_token_connect_stores_no_token_and_needs_no_keyring(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.sync.zendesk_fake import EMAIL, FakeZendesk, populate, running
    from tests.unit.sync.zendesk_fake import TOKEN as ZENDESK_TOKEN

    previous = keyring.get_keyring()
    keyring.set_keyring(FailKeyring())
    monkeypatch.setenv("ADVISOR_APP_TOKEN", ZENDESK_TOKEN)
    fake = FakeZendesk()
    populate(fake)
    root = tmp_path / "ws"
    try:
        with running(fake) as server:
            # Standard input is not read: the token comes from the environment.
            code = connect(monkeypatch, root, "zendesk", server.url, "--user", EMAIL, "--zendesk-org-tag",
                           "advisor-ada", token="not-this-one")  # fmt: skip
            assert code == 0
            err = capsys.readouterr().err
            assert "ADVISOR_APP_TOKEN is set: no token was stored" in err
            assert json.loads((root / "settings.json").read_text())["source_user"] == EMAIL
            assert main(["--data-dir", str(root), "sync"], clock=fixed_clock) == 0
            assert "synced: accounts 2" in capsys.readouterr().err
    finally:
        keyring.set_keyring(previous)
    assert ZENDESK_TOKEN not in every_file_text(root)


def test_with_the_automation_token_an_existing_keyring_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring
) -> None:
    monkeypatch.setenv("ADVISOR_APP_TOKEN", TOKEN)
    assert connect(monkeypatch, tmp_path / "ws", "rt", "https://rt.example.com", "--user", "a") == 0
    assert backend.entries == {}


def test_connect_then_sync_a_zendesk_instance(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running

    fake = FakeZendesk()
    populate(fake)
    root = tmp_path / "ws"
    with running(fake) as server:
        url = server.url + "/agent/dashboard"
        assert connect(monkeypatch, root, "zendesk", url, "--user", EMAIL, "--zendesk-org-tag", "advisor-ada",
                       token=TOKEN) == 0  # fmt: skip
        assert json.loads((root / "settings.json").read_text())["source_url"] == server.url
        assert main(["--data-dir", str(root), "sync"], clock=fixed_clock) == 0
        err = capsys.readouterr().err
        assert "synced: accounts 2" in err
        assert main(["--data-dir", str(root), "status", "--json"], clock=fixed_clock) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(a["name"] for a in report["accounts"]) == ["Acme Corp", "Globex GmbH"]
    assert {c["subject"] for c in report["cases"]} >= {"Dashboards down", "Import fails"}
    assert TOKEN not in every_file_text(root)


def test_an_rt_url_is_kept_as_the_provider_names_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring
) -> None:
    root = tmp_path / "ws"
    assert connect(monkeypatch, root, "rt", "HTTPS://RT.Example.com:443/rt/REST/2.0/", "--user", "a") == 0
    assert json.loads((root / "settings.json").read_text())["source_url"] == "https://rt.example.com/rt"


def test_accounts_lists_and_edits_the_zendesk_selection(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, backend: SmallKeyring, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running

    fake = FakeZendesk()
    ids = populate(fake)
    fake.orgs[ids["other"]]["organization_fields"]["named_advisor"] = "bob@vendor.example"
    root = tmp_path / "ws"
    with running(fake) as server:
        assert connect(monkeypatch, root, "zendesk", server.url, "--user", EMAIL, "--zendesk-org-tag", "advisor-ada",
                       token=TOKEN) == 0  # fmt: skip
        assert main(["--data-dir", str(root), "sync"], clock=fixed_clock) == 0
        capsys.readouterr()
        assert main(["--data-dir", str(root), "accounts", "--json"], clock=fixed_clock) == 0
        report = json.loads(capsys.readouterr().out)
        verdicts = {a["name"]: (a["included"], a["why"], a["local"]) for a in report["accounts"]}
        assert verdicts == {
            "Acme Corp": (True, "tagged", "active"),
            "Globex GmbH": (True, "tagged", "active"),
            "Initech": (False, "names_another_advisor", "none"),
        }
        assert main(["--data-dir", str(root), "accounts", "--remove", "Acme Corp"], clock=fixed_clock) == 0
        out = capsys.readouterr().out
        assert "out  " + str(ids["acme"]) in out and "removed by you" in out
        assert main(["--data-dir", str(root), "sync"], clock=fixed_clock) == 0
        assert "no longer assigned to you: Acme Corp (local data kept)" in capsys.readouterr().err
        assert main(["--data-dir", str(root), "status", "--json"], clock=fixed_clock) == 0
    status = json.loads(capsys.readouterr().out)
    assert [a["name"] for a in status["accounts"]] == ["Globex GmbH"]
    globex = status["accounts"][0]["id"]
    assert status["cases"] and all(c["account_id"] == globex for c in status["cases"])


def test_accounts_needs_a_connected_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "ws"), "accounts", "--add", "X"], clock=fixed_clock) == 1
    assert "not connected to Request Tracker or Zendesk" in capsys.readouterr().err
