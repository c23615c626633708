"""Errors a user can act on: core errors worded and translated, unexpected ones logged with
their traceback and shown in a dialog with copyable details and the log's path."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QLocale, QThreadPool
from PySide6.QtWidgets import QApplication

from advisor_app.drafts.templates import TemplateProblem
from advisor_app.errors import OverAllotmentError, ServiceDayError, UsageImportError
from advisor_app.gui.crash_dialog import CrashDialog, ExceptionHooks, error_details
from advisor_app.gui.error_text import describe_error, describe_error_line
from advisor_app.gui.i18n import InstalledLanguage, install_language
from advisor_app.gui.tasks import BackgroundTask
from advisor_app.secrets import KeyringLockedError
from advisor_app.sync.engine import SyncCancelled
from advisor_app.sync.http import HttpAuthError, HttpConnectError
from advisor_app.workspace.logs import log_file, setup_logging

GUI = Path(__file__).resolve().parents[2] / "advisor_app" / "gui"


@pytest.fixture
def german() -> Iterator[InstalledLanguage]:
    previous = QLocale()
    installed = install_language("de", QLocale("en_US"))
    yield installed
    installed.uninstall()
    QLocale.setDefault(previous)


def test_core_errors_are_worded_by_type_and_keep_their_detail() -> None:
    offline = describe_error(HttpConnectError("rt.example.com: name does not resolve"))
    assert (
        offline
        == "The server cannot be reached. Check the address and the network.\nrt.example.com: name does not resolve"
    )
    assert describe_error(HttpAuthError("401 from https://rt")).startswith("The server did not accept the token.")
    assert describe_error(ServiceDayError("half_days: 0 is not 1 to 20")).startswith(
        "The service-day entry was not saved."
    )
    assert describe_error(KeyringLockedError("locked")).startswith("The keyring is locked.")
    assert describe_error(SyncCancelled("sync cancelled")).startswith("The sync was cancelled")
    assert describe_error(UsageImportError("line 3: bad day")).endswith("\nline 3: bad day")
    line = describe_error_line(UsageImportError("line 3: bad day"))
    assert "\n" not in line and line.startswith("The usage file was not imported.")


def test_errors_with_their_facts_are_worded_whole() -> None:
    over = OverAllotmentError("over", allotted_half_days=20, used_half_days=25)
    assert describe_error(over) == (
        "12.5 of 10 allotted days are already used; this booking would go beyond the contract year's allotment."
    )
    assert describe_error(TemplateProblem("weekly-update.en.md.j2", 7, "unexpected '}'")) == (
        "Template weekly-update.en.md.j2, line 7: unexpected '}'"
    )


def test_a_refused_status_map_is_worded() -> None:
    from advisor_app.errors import StatusMapError

    text = describe_error(StatusMapError("'parked=asleep': unknown meaning 'asleep'"))
    assert text == "The status meanings were not saved.\n'parked=asleep': unknown meaning 'asleep'"


def test_an_unexpected_error_points_to_the_log(tmp_path: Path) -> None:
    hooks = ExceptionHooks(tmp_path / "advisor.log")
    hooks.install()
    try:
        text = describe_error(KeyError("x"))
    finally:
        hooks.uninstall()
    assert text.startswith("Something unexpected went wrong (KeyError). The details are in the log: ")
    assert str(tmp_path / "advisor.log") in text


def test_errors_are_worded_in_german(german: InstalledLanguage) -> None:
    assert describe_error(HttpConnectError("x")).startswith("Der Server ist nicht erreichbar.")
    over = OverAllotmentError("over", allotted_half_days=20, used_half_days=25)
    assert describe_error(over).startswith("12,5 von 10 zugeteilten Tagen sind schon verbraucht;")


def test_no_gui_code_shows_a_raw_core_message() -> None:
    """Every place the GUI shows an error goes through describe_error (wording and translation)."""
    raw = re.compile(r"(setText|warning|critical|_report|show_error|information)\(.*str\((error|again|exc)\)")
    offenders = [
        f"{path.relative_to(GUI)}:{number}"
        for path in GUI.rglob("*.py")
        if path.name != "error_text.py"  # the one place that words them
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if (raw.search(line) or re.search(r"= str\((error|again)\)", line))
        and "else heading + " not in line  # the wizard's heading per failure kind, then the server's detail
    ]
    assert offenders == []


def test_an_unexpected_exception_is_logged_and_shown_with_copyable_details(qtbot: QtBot, tmp_path: Path) -> None:
    setup_logging(tmp_path)
    hooks = ExceptionHooks(log_file(tmp_path))
    hooks.install()
    try:
        try:
            raise ValueError("the frobnicator broke")
        except ValueError as error:
            assert error.__traceback__ is not None
            sys.excepthook(ValueError, error, error.__traceback__)
        qtbot.waitUntil(lambda: hooks.dialog is not None and hooks.dialog.isVisible())
        dialog = hooks.dialog
        assert isinstance(dialog, CrashDialog)
        details = dialog.details.toPlainText()
        assert "Traceback (most recent call last)" in details and "ValueError: the frobnicator broke" in details
        assert str(log_file(tmp_path)) in dialog.log_label.text()
        dialog.copy_button.click()
        copied = QApplication.clipboard().text()
        assert "ValueError: the frobnicator broke" in copied and str(log_file(tmp_path)) in copied

        # A failure on another thread reaches the same dialog through the event loop.
        thread = threading.Thread(target=_raise_in_thread, name="worker-7")
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: "RuntimeError: from a thread" in dialog.details.toPlainText())
        dialog.close()
    finally:
        hooks.uninstall()
    logged = log_file(tmp_path).read_text(encoding="utf-8")
    assert "CRITICAL advisor_app.gui.crash_dialog: unexpected error" in logged
    assert 'raise ValueError("the frobnicator broke")' in logged, "the traceback is in the log"
    assert "unexpected error in thread worker-7" in logged
    assert sys.excepthook is not hooks.handle_exception, "uninstall restores the hook"


def test_the_details_carry_no_token() -> None:
    try:
        raise RuntimeError("request failed: Authorization: token 1-23-secretvalue")
    except RuntimeError as error:
        details = error_details(RuntimeError, error, error.__traceback__)
    assert "secretvalue" not in details and "Authorization: [redacted]" in details


def _raise_in_thread() -> None:
    raise RuntimeError("from a thread")


def test_a_hard_crash_writes_the_python_stacks_into_the_log(tmp_path: Path) -> None:
    log_path = tmp_path / "advisor.log"
    script = (
        "import faulthandler, pathlib\n"
        "from advisor_app.gui.crash_dialog import enable_fault_log\n"
        f"enable_fault_log(pathlib.Path({str(log_path)!r}))\n"
        "faulthandler._sigsegv()\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    logged = log_path.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in logged
    assert "Current thread" in logged or "Thread 0x" in logged


def test_a_failing_background_task_logs_its_traceback(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    pool = QThreadPool()
    task = BackgroundTask(_failing_work, pool)
    with caplog.at_level(logging.INFO, logger="advisor_app.gui.tasks"):
        with qtbot.waitSignal(task.failed, timeout=10_000) as failure:
            task.start()
        pool.waitForDone()
    assert isinstance(failure.args[0], ZeroDivisionError)
    records = [r for r in caplog.records if r.name == "advisor_app.gui.tasks"]
    assert records and records[0].levelno == logging.ERROR
    assert records[0].exc_info is not None and records[0].exc_info[0] is ZeroDivisionError


def _failing_work(_report: object, _token: object) -> float:
    return 1 / 0
