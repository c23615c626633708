"""Outputs never clobber (issue 14, item 4): `draft -o` and the export paths refuse the
workspace's own files always and existing files unless --force; folders and missing folders
give one-line errors; a write is a temporary file renamed, so a failure leaves the old file."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from advisor_app.cli.main import main
from advisor_app.workspace.folder import Workspace
from advisor_app.workspace.outputs import (
    OutputError,
    OutputExistsError,
    ProtectedOutputError,
    write_output,
    write_output_with,
)
from tests.conftest import fixed_clock


def draft(root: Path, *args: str) -> list[str]:
    return ["--data-dir", str(root), "--demo", "draft", "--account", "Lumen Retail", *args]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "name", ["advisor.db", "advisor.db-wal", "advisor.db-shm", "settings.json", "logs/advisor.log", "backups/x.db"]
)
def test_draft_refuses_the_workspace_files_even_with_force(
    demo_root: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = demo_root / name
    before = digest(target) if target.exists() else None
    assert main([*draft(demo_root, "--format", "md", "-o", str(target), "--force")], clock=fixed_clock) == 1
    error = capsys.readouterr().err
    assert "one of the workspace's own files" in error and error.count("\n") == 1
    assert (digest(target) if target.exists() else None) == before


def test_a_link_to_the_database_is_refused_too(demo_root: Path, tmp_path: Path) -> None:
    symlink = tmp_path / "innocent.md"
    symlink.symlink_to(demo_root / "advisor.db")
    hardlink = tmp_path / "hard.md"
    os.link(demo_root / "advisor.db", hardlink)
    workspace = Workspace(demo_root)
    for target in (symlink, hardlink):
        with pytest.raises(ProtectedOutputError):
            write_output(target, b"x", workspace=workspace, force=True)
    assert (demo_root / "advisor.db").read_bytes()[:16] == b"SQLite format 3\x00"


def test_an_existing_file_needs_force(demo_root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "update.md"
    target.write_text("mine, written by hand\n")
    assert main(draft(demo_root, "-o", str(target)), clock=fixed_clock) == 1
    assert capsys.readouterr().err == f"advisor-app: error: {target} exists; add --force to replace it\n"
    assert target.read_text() == "mine, written by hand\n"
    assert main(draft(demo_root, "-o", str(target), "--force"), clock=fixed_clock) == 0
    assert target.read_text().startswith("# Weekly update: Lumen Retail LLC")
    assert capsys.readouterr().err == f"wrote {target}\n"


@pytest.mark.parametrize("fmt", ["md", "pdf"])
def test_a_folder_and_a_missing_folder_give_one_line_errors(
    demo_root: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(draft(demo_root, "--format", fmt, "-o", str(tmp_path)), clock=fixed_clock) == 1
    error = capsys.readouterr().err
    assert error == f"advisor-app: error: {tmp_path} is a folder; name a file in it, like {tmp_path / 'update'}\n"
    assert "wrote" not in error
    missing = tmp_path / "no-such-folder" / "update.md"
    assert main(draft(demo_root, "--format", fmt, "-o", str(missing)), clock=fixed_clock) == 1
    assert capsys.readouterr().err == f"advisor-app: error: folder {missing.parent} does not exist\n"
    assert not missing.parent.exists()


def test_pdf_to_tmp_in_a_real_process_says_no_traceback(demo_root: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "advisor_app.cli.main", *draft(demo_root, "--format", "pdf", "-o", str(tmp_path))],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "is a folder" in result.stderr
    assert "wrote" not in result.stderr and "Traceback" not in result.stderr


def test_a_pdf_is_written_through_a_temporary_file(demo_root: Path, tmp_path: Path, qapp: object) -> None:
    # qapp: the test process's one QApplication (the CLI would otherwise make a QGuiApplication).
    out = tmp_path / "out"
    out.mkdir()
    target = out / "update.pdf"
    assert main(draft(demo_root, "--format", "pdf", "-o", str(target)), clock=fixed_clock) == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert [path.name for path in out.iterdir()] == ["update.pdf"]


def test_a_failing_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n")

    def produce(temporary: Path) -> None:
        temporary.write_text("half of the new")
        raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left on device"):
        write_output_with(target, produce, workspace=None, force=True)
    assert target.read_text() == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.csv"]


def test_an_interrupted_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    target.write_text("old\n")

    def produce(temporary: Path) -> None:
        temporary.write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_output_with(target, produce, workspace=None, force=True)
    assert target.read_text() == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.csv"]


def test_a_new_file_gets_the_users_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        written = write_output(tmp_path / "a.md", b"x", workspace=None, force=False)
    finally:
        os.umask(umask)
    assert written.stat().st_mode & 0o777 == 0o644
    with pytest.raises(OutputExistsError):
        write_output(tmp_path / "a.md", b"y", workspace=None, force=False)
    assert written.read_bytes() == b"x"
