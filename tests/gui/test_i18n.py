"""Languages: every visible text has its German, the compiled catalogs are current, German shows."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QLocale, Qt

from advisor_app.gui import linguist
from advisor_app.gui.i18n import (
    LANGUAGES,
    InstalledLanguage,
    format_count,
    format_instant,
    install_language,
    locale_for,
    resolve_language,
)
from advisor_app.gui.labels import stream_count
from advisor_app.gui.models.cases import CasesTableModel
from advisor_app.gui.sync_controller import SyncController
from advisor_app.gui.sync_details import SyncDetailsDialog
from advisor_app.workspace.desk import Desk


def _updated_catalog(language: str, tmp_path: Path, tree: Path | None = None) -> Path:
    """The committed catalog brought up to date with the sources (as `make translations` would)."""
    ts = tmp_path / f"{language}.ts"
    shutil.copyfile(linguist.ts_path(language), ts)
    linguist.lupdate(ts, language, *(() if tree is None else (tree,)))
    return ts


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_visible_text_has_a_finished_translation(language: str, tmp_path: Path) -> None:
    missing = linguist.untranslated(_updated_catalog(language, tmp_path))
    assert not missing, (
        f"{len(missing)} texts have no finished {language} translation; run `make translations`, "
        "translate them in resources/i18n/*.ts (pyside6-linguist), then `make translations` again:\n"
        + "\n".join(str(item) for item in missing)
    )


def test_a_new_text_without_german_is_reported(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    gui = tree / "advisor_app" / "gui"
    gui.mkdir(parents=True)
    (tree / "ui").mkdir()
    shutil.copytree(linguist.source_files()[0].parent, gui, dirs_exist_ok=True)
    (gui / "new_view.py").write_text(
        "class NewView(QWidget):\n"
        "    def __init__(self):\n"
        '        self.tr("Obligations due this week")\n'
        '        self.tr("%n overdue update(s)", "", 3)\n'
    )
    missing = {(item.context, item.source) for item in linguist.untranslated(_updated_catalog("de", tmp_path, tree))}
    assert ("NewView", "Obligations due this week") in missing
    assert ("NewView", "%n overdue update(s)") in missing
    # The texts of the forms (not copied into this tree) vanish rather than count as missing.
    assert not any(context == "MainWindow" for context, _ in missing)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_current(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / f"{language}.qm"
    linguist.lrelease(linguist.ts_path(language), fresh)
    committed = linguist.qm_path(language)
    assert committed.exists(), f"{committed.name} missing: run `make translations`"
    assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale: run `make translations`"


def test_the_language_follows_the_os_unless_chosen() -> None:
    assert resolve_language("system", QLocale("de_AT")) == "de"
    assert resolve_language("system", QLocale("fr_FR")) == "en"
    assert resolve_language("en", QLocale("de_DE")) == "en"
    assert resolve_language("de", QLocale("en_GB")) == "de"
    # Dates keep the OS's own conventions when it speaks the language, else the language's main ones.
    assert locale_for("de", QLocale("de_AT")).name() == "de_AT"
    assert locale_for("en", QLocale("en_GB")).name() == "en_GB"
    assert locale_for("de", QLocale("fr_FR")).name() == "de_DE"
    assert locale_for("en", QLocale.c()).name() == "en_US"


def test_english_plurals_come_from_the_english_catalog() -> None:
    assert stream_count("cases", 1) == "1 case"
    assert stream_count("cases", 2) == "2 cases"
    assert stream_count("accounts", 0) == "0 accounts"


@pytest.fixture
def german(demo_desk: Desk) -> Iterator[InstalledLanguage]:
    previous = QLocale()
    demo_desk.settings.language = "de"
    installed = install_language(demo_desk.settings.language, QLocale("en_US"))
    yield installed
    installed.uninstall()
    QLocale.setDefault(previous)


def test_switching_to_german_shows_german_widgets_and_dates(
    qtbot: QtBot, german: InstalledLanguage, demo_desk: Desk
) -> None:
    assert german.language == "de" and german.locale.name() == "de_DE"
    sync = SyncController(demo_desk)
    dialog = SyncDetailsDialog(demo_desk.engine, sync)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Synchronisierungsdetails"
    summary = dialog.ui.summaryLabel.text()
    assert "In dieser Sitzung wurde noch nicht synchronisiert." in summary
    assert "0 Datensätze zurückgestellt." in summary
    assert dialog.model.headerData(0, Qt.Orientation.Horizontal) == "Gesehen"
    close = dialog.ui.buttonBox.buttons()[0]
    assert close.text() == "Schließen"  # Qt's own catalog (qtbase_de) is installed too

    cases = CasesTableModel(demo_desk.engine, demo_desk.clock)
    titles = [cases.headerData(i, Qt.Orientation.Horizontal) for i in range(cases.columnCount())]
    assert "Schweregrad" in titles and "Betreff" in titles and "Fällig in (Uhrzeit)" in titles

    # Dates, times and numbers in German conventions.
    instant = datetime(2026, 12, 1, 14, 4, tzinfo=UTC)
    berlin = format_instant(instant, "Europe/Berlin", weekday=True)
    assert berlin.startswith("Di.") and "01.12.26" in berlin and "15:04" in berlin
    assert format_count(2000) == "2.000"
    assert stream_count("cases", 1) == "1 Fall" and stream_count("cases", 3) == "3 Fälle"
