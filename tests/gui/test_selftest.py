"""The Qt half of the self-test on this installation, and what makes it fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor_app.gui import selftest as gui_selftest
from advisor_app.workspace.desk import Desk


def test_qt_checks_pass_here_and_paint_the_window(qapp: object, demo_desk: Desk, tmp_path: Path) -> None:
    checks = gui_selftest.qt_checks(demo_desk, tmp_path)
    assert [check.name for check in checks] == ["qt-platforms", "translations", "svg", "window", "pdf"]
    assert all(check.ok for check in checks), checks
    assert (tmp_path / "window.png").stat().st_size > 10_000
    assert (tmp_path / "update.pdf").read_bytes().startswith(b"%PDF-")


def test_missing_platform_plugins_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "platforms").mkdir()
    (tmp_path / "platforms" / "libqoffscreen.so").touch()

    class Plugins:
        class LibraryPath:
            PluginsPath = 0

        @staticmethod
        def path(_which: int) -> str:
            return str(tmp_path)

    monkeypatch.setattr(gui_selftest, "QLibraryInfo", Plugins)
    check = gui_selftest.platforms_check("linux")
    assert not check.ok
    assert check.detail.startswith("missing xcb, wayland")
