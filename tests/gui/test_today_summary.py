"""Today's summary line counts what changed without a plural that is wrong for one ("1 status changes")."""

from __future__ import annotations

import re

from advisor_app.gui.main_window import MainWindow


def test_the_counts_read_right_for_any_number(main_window: MainWindow) -> None:
    text = main_window.today.summary.text()
    match = re.search(r": new cases: (\d+), breaches: (\d+), status changes: (\d+)\. Last sync: ", text)
    assert match, text
    assert not re.search(r"\b1 (new cases|breaches|status changes)\b", text)
