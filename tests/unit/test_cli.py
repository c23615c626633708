"""The command line: status for scripts, doctor, and one-line errors that touch nothing."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from advisor_app.cli.main import main
from tests.conftest import fixed_clock


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "advisor_app.cli.main", *args], capture_output=True, text=True, timeout=120
    )


def digest_tree(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in root.rglob("*") if p.is_file()
    }


def test_status_json_lists_accounts_and_open_cases(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(demo_root), "--demo", "status", "--json"], clock=fixed_clock) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["accounts"]) == 25
    account = report["accounts"][0]
    assert {"id", "name", "tier", "timezone", "open_cases"} <= set(account)
    assert sum(a["open_cases"] for a in report["accounts"]) == len(report["cases"]) > 0
    case = report["cases"][0]
    assert {"id", "account_id", "subject", "severity", "status"} <= set(case)
    assert {c["status"] for c in report["cases"]} <= {"new", "open", "pending", "on_hold"}
    # Each open case carries its open clocks: running ones with a deadline, waiting ones paused.
    clocks = [clock for c in report["cases"] for clock in c["clocks"]]
    assert {clock["kind"] for clock in clocks} == {"first_response", "follow_up"}
    running = [clock for clock in clocks if clock["state"] == "running"]
    assert running and all(clock["deadline"] and clock["target_seconds"] > 0 for clock in running)
    assert all(clock["deadline"] is None for clock in clocks if clock["state"] == "paused")
    pending = [c for c in report["cases"] if c["status"] == "pending"]
    # Waiting on the customer pauses the follow-up; one already breached stays breached.
    assert pending and all(k["paused"] or k["state"] == "breached" for c in pending for k in c["clocks"])
    assert any(k["paused"] for c in pending for k in c["clocks"])
    assert {c["account_id"] for c in report["cases"]} <= {a["id"] for a in report["accounts"]}


def test_demo_workspace_is_created_on_first_use(tmp_path: Path) -> None:
    result = run("--demo", "--data-dir", str(tmp_path / "fresh"), "status", "--json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["accounts"]) == 25
    assert (tmp_path / "fresh" / "advisor.db").is_file()


def test_unknown_arguments_give_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path / "ws"), "status", "--colour")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "unrecognized arguments: --colour" in result.stderr
    assert not (tmp_path / "ws").exists()


def test_a_data_dir_that_is_a_file_is_refused(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("keep me")
    result = run("--data-dir", str(not_a_folder), "status")
    assert result.returncode == 1
    assert result.stderr == f"advisor-app: error: data dir {not_a_folder} is not a folder\n"
    assert not_a_folder.read_text() == "keep me"


def test_a_database_from_a_newer_version_is_refused_untouched(demo_root: Path) -> None:
    connection = sqlite3.connect(demo_root / "advisor.db")
    connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = digest_tree(demo_root)
    result = run("--data-dir", str(demo_root), "status", "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "newer Advisor Desk" in result.stderr
    assert digest_tree(demo_root) == before


def test_demo_flag_refuses_a_workspace_connected_elsewhere(tmp_path: Path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    (root / "settings.json").write_text('{"version": 1, "source_kind": "rt"}')
    result = run("--demo", "--data-dir", str(root), "status")
    assert result.returncode == 1
    assert "connected to rt" in result.stderr
    assert sorted(p.name for p in root.iterdir()) == ["settings.json"]


def test_doctor_tells_where_and_on_what(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(demo_root), "doctor"], clock=fixed_clock) == 0
    out = capsys.readouterr().out
    assert f"data dir:  {demo_root}" in out
    assert "schema:" in out and "none (new workspace)" not in out
    assert "PySide6" in out and "platform offscreen" in out
    assert "keyring:" in out


def test_doctor_on_a_data_dir_that_is_a_file_fails_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine", encoding="utf-8")
    assert main(["--data-dir", str(not_a_folder), "doctor"], clock=fixed_clock) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"advisor-app: error: data dir {not_a_folder} is not a folder\n"
    assert not_a_folder.read_text(encoding="utf-8") == "mine"


def test_calendar_holidays_are_shown_and_edited(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(demo_root), "calendar", "us-mountain", "--year", "2026"], clock=fixed_clock) == 0
    shown = capsys.readouterr().out
    assert "America/Denver" in shown and "mon: 07:00-18:00" in shown
    assert "2026-11-26" in shown and "2026-12-25" in shown  # Thanksgiving, Christmas
    assert "2026-12-24" not in shown
    assert main(["--data-dir", str(demo_root), "calendar", "us-mountain", "--year", "2026",
                 "--add-holiday", "2026-12-24", "--remove-holiday", "2026-11-26"], clock=fixed_clock) == 0  # fmt: skip
    captured = capsys.readouterr()
    assert "open cases recomputed" in captured.err
    assert "2026-12-24" in captured.out and "2026-11-26" not in captured.out
    # The edit is the workspace's: a fresh process sees it.
    again = run("--data-dir", str(demo_root), "calendar", "us-mountain", "--year", "2026")
    assert "2026-12-24" in again.stdout and "2026-11-26" not in again.stdout


def test_commands_run_on_the_clock_they_are_given(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Without --year the calendar shows the holidays of the present's year: the clock's, not the machine's.
    assert (
        main(["--data-dir", str(demo_root), "calendar", "de"], clock=lambda: datetime(2031, 3, 3, 9, tzinfo=UTC)) == 0
    )
    assert "holidays 2031:" in capsys.readouterr().out


def test_calendar_errors_are_one_line(demo_root: Path) -> None:
    unknown = run("--data-dir", str(demo_root), "calendar", "mars")
    assert unknown.returncode == 1 and unknown.stderr.startswith("advisor-app: error: unknown calendar 'mars'")
    bad_date = run("--data-dir", str(demo_root), "calendar", "de", "--add-holiday", "2026-02-30")
    assert bad_date.returncode == 2 and "not a date" in bad_date.stderr and bad_date.stderr.count("\n") == 1


def test_obligations_json_per_account(demo_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(demo_root), "obligations", "--json"], clock=fixed_clock) == 0
    accounts = json.loads(capsys.readouterr().out)["accounts"]
    assert len(accounts) == 25
    by_tier = {a["tier"]: a for a in accounts}
    gold, silver = by_tier["gold"], by_tier["silver"]
    assert gold["service_days"]["allotted"] == 3.0
    assert gold["service_days"]["used"] + gold["service_days"]["remaining"] == 3.0
    assert gold["weekly_update"]["owed"] and gold["weekly_update"]["state"] in ("due", "overdue")
    assert isinstance(gold["weekly_update"]["overdue_weeks"], list)
    assert silver["service_days"]["allotted"] == 0.0 and not silver["weekly_update"]["owed"]
    assert all(a["authorized_contacts"]["limit"] in (2, 3, 10) for a in accounts)
    over = [a for a in accounts if a["authorized_contacts"]["over"]]
    assert all(a["authorized_contacts"]["count"] > a["authorized_contacts"]["limit"] for a in over)


def test_obligations_json_counts_cases_from_unauthorized_requesters(
    demo_root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(demo_root), "obligations", "--json"], clock=fixed_clock) == 0
    accounts = json.loads(capsys.readouterr().out)["accounts"]
    assert all(a["contract_overrides"] == [] for a in accounts)
    assert sum(a["authorized_contacts"]["open_cases_from_others"] for a in accounts) > 0


def test_usage_import_reports_bad_lines_and_imports_nothing_unless_asked(
    demo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(demo_root), "obligations", "--json"], clock=fixed_clock) == 0
    first = json.loads(capsys.readouterr().out)["accounts"][0]
    path = tmp_path / "usage.csv"
    path.write_text(f"account,metric,day,value\n{first['name']},seats,2026-01-05,4\n{first['id']},seats,oops,4\n")
    assert main(["--data-dir", str(demo_root), "usage-import", str(path)], clock=fixed_clock) == 1
    err = capsys.readouterr().err
    assert "usage.csv:3: day 'oops' is not a date" in err and "nothing was imported" in err
    assert main(["--data-dir", str(demo_root), "usage-import", str(path), "--import-good-rows"], clock=fixed_clock) == 0
    assert capsys.readouterr().out.strip() == "imported 1 row"
