"""Settings > Status meanings: the connected source's statuses and what each means, edited and applied."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QComboBox

from advisor_app.gui.settings_dialog import SettingsDialog
from advisor_app.workspace.desk import Desk, open_desk
from advisor_app.workspace.settings import save_settings
from tests.conftest import MovableClock
from tests.gui.cells import cell


@pytest.fixture
def rt_desk(tmp_path: Path, clock: MovableClock) -> Iterator[Desk]:
    desk = open_desk(tmp_path / "ws", clock=clock)
    settings = msgspec.structs.replace(
        desk.settings, source_kind="rt", source_url="https://rt.example.com", source_user="advisor-api"
    )
    save_settings(desk.workspace.settings_file, settings)
    desk.settings = settings
    yield desk
    desk.close()


def shown(dialog: SettingsDialog) -> dict[str, str]:
    return dialog.status_map.entries()


def test_the_rt_defaults_are_shown_edited_and_applied(qtbot: QtBot, rt_desk: Desk, tmp_path: Path) -> None:
    dialog = SettingsDialog(rt_desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert shown(dialog) == {
        "new": "new",
        "open": "open",
        "stalled": "waiting",
        "resolved": "solved",
        "rejected": "closed",
    }
    table = dialog.status_map.table
    stalled = next(row for row in range(table.rowCount()) if cell(table, row, 0).text() == "stalled")
    table.selectRow(stalled)
    assert not dialog.status_map.remove_button.isEnabled()  # a default status stays listed
    combo = table.cellWidget(stalled, 1)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData("hold"))
    dialog.status_map.add_status()
    cell(table, table.rowCount() - 1, 0).setText("Escalated")
    dialog.grab().save(str(tmp_path / "settings.png"))

    with qtbot.waitSignal(dialog.connection_changed):
        dialog.status_map.apply()
    saved = json.loads(rt_desk.workspace.settings_file.read_text())["status_map"]
    assert saved == {"stalled": "hold", "escalated": "open"}  # only what differs from the defaults
    assert "0 cases re-measured" in dialog.status_map.note.text()

    dialog.status_map.reset()
    assert shown(dialog)["stalled"] == "waiting" and "escalated" not in shown(dialog)


def test_the_demo_has_no_status_map_to_edit(qtbot: QtBot, demo_desk: Desk) -> None:
    dialog = SettingsDialog(demo_desk)
    qtbot.addWidget(dialog)
    assert dialog.status_map.isHidden()


def test_a_hand_edited_bad_map_shows_the_defaults_and_why(qtbot: QtBot, rt_desk: Desk) -> None:
    rt_desk.settings = msgspec.structs.replace(rt_desk.settings, status_map={"stalled": "asleep"})
    dialog = SettingsDialog(rt_desk)
    qtbot.addWidget(dialog)
    assert shown(dialog)["stalled"] == "waiting"
    assert "'asleep' is not a status meaning" in dialog.status_map.note.text()


def test_the_meanings_show_whole_in_german_at_the_dialogs_opening_size(qtbot: QtBot, rt_desk: Desk) -> None:
    from PySide6.QtCore import QLocale

    from advisor_app.gui.i18n import install_language

    previous = QLocale()
    installed = install_language("de", QLocale("en_US"))
    try:
        dialog = SettingsDialog(rt_desk)
        qtbot.addWidget(dialog)
        dialog.show()  # at its size hint, as exec() opens it
        qtbot.waitExposed(dialog)
        table = dialog.status_map.table
        combos = [combo for row in range(table.rowCount()) if isinstance(combo := table.cellWidget(row, 1), QComboBox)]
        assert len(combos) == table.rowCount()
        assert "Neu (offen, noch nicht bearbeitet)" in [combo.currentText() for combo in combos]
        for combo in combos:
            assert isinstance(combo, QComboBox)
            widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
            assert combo.width() >= combo.sizeHint().width() >= widest, combo.currentText()
    finally:
        installed.uninstall()
        QLocale.setDefault(previous)
