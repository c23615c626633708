"""A template that would hang does not freeze the composer: it renders on the drafts pool, is
stopped at the time limit, and the composer shows the worded error."""

from __future__ import annotations

import gc
import time

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from advisor_app.drafts.service import current_week, find_account
from advisor_app.drafts.template_limits import MAX_SECONDS
from advisor_app.gui.drafts.composer import DraftComposer
from advisor_app.workspace.desk import Desk

HANG = (
    "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)


@pytest.mark.timeout(120)
def test_a_hanging_template_is_stopped_and_the_window_stays_live(qtbot: QtBot, demo_desk: Desk) -> None:
    folder = demo_desk.workspace.templates_dir
    folder.mkdir(exist_ok=True)
    (folder / "weekly-update.en.md.j2").write_text(HANG, encoding="utf-8")
    account = find_account(demo_desk.engine, "Lumen Retail")
    # What earlier tests left behind (widgets waiting for deletion, garbage) is cleared first:
    # the gaps measured below are this window's, not a long test run's clean-up.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    started = time.monotonic()
    composer = DraftComposer(demo_desk, account, current_week(demo_desk.engine, account, demo_desk.clock()))
    qtbot.addWidget(composer)
    composer.show()
    qtbot.waitUntil(lambda: composer.error_label.isVisible(), timeout=int(MAX_SECONDS * 1000) + 30000)
    timer.stop()
    assert f"time limit of {MAX_SECONDS:g} s" in composer.error_label.text()
    assert "weekly-update.en.md.j2" in composer.error_label.text()
    # The event loop kept turning while the template ran: no gap between ticks near the limit.
    gaps = [later - earlier for earlier, later in zip([started, *ticks], ticks, strict=False)]
    assert len(ticks) > 10 and max(gaps) < MAX_SECONDS / 2
