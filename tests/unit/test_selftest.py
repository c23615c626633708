"""The self-test's verdicts: what fails it, what only warns, and how it reports."""

from __future__ import annotations

import io
import sys
from importlib import metadata
from pathlib import Path

import pytest

from advisor_app.cli import selftest
from advisor_app.cli.selftest import report
from advisor_app.workspace.checks import Check, guarded
from advisor_app.workspace.desk import Desk


def test_a_failed_check_fails_the_report_and_is_named() -> None:
    out = io.StringIO()
    code = report([Check("workspace", True, "fine"), Check("keyring", False, "no backends")], out)
    assert code == 1
    lines = out.getvalue().splitlines()
    assert lines[2].split()[:2] == ["FAIL", "keyring"]
    assert lines[-1] == "self-test FAILED: keyring"


def test_a_warning_alone_passes() -> None:
    out = io.StringIO()
    assert report([Check("keyring", True, "none running", warning=True)], out) == 0
    assert out.getvalue().splitlines()[-1] == "self-test passed (1 warning(s))"


def test_an_exception_in_a_check_becomes_its_failure() -> None:
    def broken() -> Check:
        raise FileNotFoundError("resource missing: tiers.json")

    assert guarded("resources", broken) == Check("resources", False, "FileNotFoundError: resource missing: tiers.json")


def test_keyring_without_its_entry_points_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a frozen app without keyring's metadata sees.
    monkeypatch.setattr(metadata, "entry_points", lambda **_: metadata.EntryPoints(()))
    check = selftest.keyring_check("linux")
    assert not check.ok
    assert "entry points" in check.detail


def test_keyring_whose_backend_lacks_a_module_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(selftest._PLATFORM_KEYRING, "linux", ("SecretService", ("advisor_no_such_module",)))
    check = guarded("keyring", lambda: selftest.keyring_check("linux"))
    assert not check.ok
    assert "advisor_no_such_module" in check.detail


def test_keyring_reports_installed_backends_and_which_is_used() -> None:
    check = selftest.keyring_check(sys.platform)
    assert check.ok
    assert "installed: " in check.detail and "SecretService" in check.detail


def test_a_bundle_inside_the_data_folder_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "advisor-desk" / "default" / "advisor-app"))
    assert not selftest.data_folder_check().ok
    monkeypatch.setattr(sys, "executable", str(tmp_path.parent / "opt" / "advisor-app"))
    assert selftest.data_folder_check() == Check("data-folder", True, str(tmp_path / "advisor-desk" / "default"))


def test_workspace_and_eml_checks_on_a_workspace_of_our_own(demo_desk: Desk, tmp_path: Path) -> None:
    workspace = selftest.workspace_check(demo_desk)
    assert workspace.ok and "25 accounts" in workspace.detail
    eml = selftest.eml_check(demo_desk, tmp_path)
    assert eml.ok, eml.detail
    assert b"X-Unsent: 1" in (tmp_path / "update.eml").read_bytes()
    assert selftest.calendars_check(demo_desk).ok
    synced = selftest.sync_process_check(demo_desk)
    assert synced.ok and "in a child process" in synced.detail


def test_a_workspace_behind_the_schema_fails(demo_desk: Desk) -> None:
    from sqlalchemy import text

    with demo_desk.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    check = selftest.workspace_check(demo_desk)
    assert not check.ok and "schema at 0001" in check.detail
