from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtWidgets import QApplication

from advisor_app.gui.i18n import InstalledLanguage, install_translators
from advisor_app.gui.main_window import MainWindow
from advisor_app.workspace.desk import Desk


@pytest.fixture(scope="session", autouse=True)
def english_catalog(qapp: QApplication) -> Iterator[InstalledLanguage]:
    """The app installs its English catalog (the plural forms) at start; tests see the same texts."""
    installed = install_translators("en")
    yield installed
    installed.uninstall()


@pytest.fixture(autouse=True)
def empty_clipboard(qapp: QApplication) -> Iterator[None]:
    """Rich text left on the offscreen platform's clipboard crashes PySide6 6.12 while the
    interpreter shuts down (a segfault after the last test, exit code 139); under xcb it
    does not. Tests that copy leave the clipboard empty."""
    yield
    qapp.clipboard().clear()


@pytest.fixture
def main_window(qtbot: QtBot, demo_desk: Desk) -> Iterator[MainWindow]:
    window = MainWindow(demo_desk)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
