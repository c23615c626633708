"""`advisor-app draft`: each format, the stored draft preferred, one-line errors."""

from __future__ import annotations

import email
import os
import subprocess
import sys
from datetime import timedelta
from email.policy import default
from pathlib import Path

import pytest

from advisor_app.cli.main import main
from advisor_app.obligations.weekly_updates import iso_week
from tests.conftest import NOW, fixed_clock

# The demo's history spans the eight weeks before the session's present.
LAST_WEEK = iso_week((NOW - timedelta(days=7)).date())
BEFORE_HISTORY = iso_week((NOW - timedelta(days=120)).date())


def run(*args: str, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "-m", "advisor_app.cli.main", *args], capture_output=True, timeout=180, env=environment
    )


def draft(demo_root: Path, *args: str) -> list[str]:
    return ["--data-dir", str(demo_root), "--demo", "draft", "--account", "Lumen Retail", *args]


def test_markdown_text_and_html_to_standard_output(demo_root: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(draft(demo_root, "--week", BEFORE_HISTORY), clock=fixed_clock) == 0
    markdown = capsysbinary.readouterr().out.decode("utf-8")
    assert markdown.startswith(f"# Weekly update: Lumen Retail LLC, {BEFORE_HISTORY}")
    assert "No cases, service days, usage figures or notes were recorded for this week." in markdown
    assert main(draft(demo_root, "--format", "txt", "--language", "de"), clock=fixed_clock) == 0
    text = capsysbinary.readouterr().out.decode("utf-8")
    assert text.startswith("Wochenbericht: Lumen Retail LLC, 20") and "\n=====" in text
    assert main(draft(demo_root, "--format", "html"), clock=fixed_clock) == 0
    html = capsysbinary.readouterr().out.decode("utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<h2>Cases</h2>" in html and '<table border="1"' in html


def test_eml_to_a_file(demo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "update.eml"
    assert main(draft(demo_root, "--week", LAST_WEEK, "--format", "eml", "-o", str(target)), clock=fixed_clock) == 0
    message = email.message_from_string(target.read_bytes().decode("utf-8"), policy=default)
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == f"Weekly update Lumen Retail LLC, {LAST_WEEK}"
    assert len(message["To"].addresses) >= 1
    assert [part.get_content_type() for part in message.iter_parts()] == ["text/plain", "text/html"]


def test_the_stored_draft_is_exported(demo_root: Path, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from advisor_app.drafts.saved import save_draft
    from advisor_app.drafts.service import find_account
    from advisor_app.workspace.desk import open_desk

    desk = open_desk(demo_root, demo=True)
    try:
        account = find_account(desk.engine, "Lumen Retail")
        save_draft(
            desk.engine,
            account,
            "2026-W45",
            body="# Mine\n\nEdited by hand.\n",
            highlights="",
            template="weekly-update",
            language="en",
            now=desk.clock(),
        )
    finally:
        desk.close()
    assert main(draft(demo_root, "--week", "2026-W45"), clock=fixed_clock) == 0
    assert capsysbinary.readouterr().out == b"# Mine\n\nEdited by hand.\n"


def test_pdf_under_offscreen(demo_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "update.pdf"
    target.parent.mkdir()  # a missing folder is refused (tests/reliability/test_outputs_never_clobber.py)
    result = run(
        *draft(demo_root, "--week", LAST_WEEK, "--format", "pdf", "-o", str(target)), QT_QPA_PLATFORM="offscreen"
    )
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(data) > 5000
    title = ("Weekly update Lumen Retail LLC, " + LAST_WEEK).encode("utf-16-be")
    assert b"/Title (\xfe\xff" + title + b")" in data, "the PDF names its update in its metadata"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--account", "Nobody Ltd", "--week", "2026-W47"], "no account 'Nobody Ltd'"),
        (["--account", "Lumen Retail", "--week", "2026-W54"], "2026 has weeks 1 to 53"),
        (["--account", "Lumen Retail", "--week", "48"], "is not an ISO week like 2026-W48"),
        (["--account", "Lumen Retail", "--format", "pdf"], "a PDF needs a file"),
    ],
)
def test_errors_are_one_line(demo_root: Path, args: list[str], message: str) -> None:
    result = run("--data-dir", str(demo_root), "--demo", "draft", *args)
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8")
    assert stderr.count("\n") == 1 and message in stderr and stderr.startswith("advisor-app: error:")
    assert result.stdout == b""
