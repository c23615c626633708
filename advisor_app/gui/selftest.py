"""The Qt half of `advisor-app --self-test` (see `advisor_app/cli/selftest.py`): what a frozen
bundle most easily lacks, checked on the offscreen platform so it runs without a display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, qVersion
from PySide6.QtGui import QColor, QIcon, QImage, QImageReader
from PySide6.QtWidgets import QApplication

from advisor_app.domain.resources import resource_path
from advisor_app.drafts.service import first_account_export
from advisor_app.workspace.checks import Check, guarded
from advisor_app.workspace.desk import Desk

# Platform plugins each OS needs: Linux opens on X11 or Wayland, headless runs use offscreen.
_PLATFORMS = {
    "linux": ("xcb", "wayland", "offscreen"),
    "darwin": ("cocoa", "offscreen"),
    "win32": ("windows", "offscreen"),
}


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from advisor_app.gui.app import create_application

    return create_application(["advisor-app"])


def platforms_check(platform_name: str = sys.platform) -> Check:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    # libqxcb.so, qwindows.dll, libqcocoa.dylib -> xcb, windows, cocoa
    present = sorted(path.name.removeprefix("lib").removeprefix("q").split(".")[0] for path in folder.glob("*q*"))
    missing = [name for name in _PLATFORMS.get(platform_name, ()) if not any(name in file for file in present)]
    detail = f"Qt {qVersion()}: {', '.join(present) or 'none'} in {folder}"
    if missing:
        return Check("qt-platforms", False, f"missing {', '.join(missing)} ({detail})")
    return Check("qt-platforms", True, detail)


def translations_check() -> Check:
    """German loads both catalogs: the app's and Qt's own (standard buttons)."""
    from advisor_app.gui.i18n import install_translators

    installed = install_translators("de")
    try:
        found = len(installed.translators)
        if found != 2:
            return Check("translations", False, f"German: {found} of 2 catalogs (app, qtbase) loaded")
        # Qt's own text, asked through variables so lupdate does not take it into the app's catalog.
        context, text = "QPlatformTheme", "Cancel"
        cancel = QCoreApplication.translate(context, text)
        if cancel == text:
            return Check("translations", False, "Qt's German catalog loaded but does not translate 'Cancel'")
        return Check("translations", True, f"German: app and Qt catalogs ('Cancel' -> {cancel!r})")
    finally:
        installed.uninstall()


def svg_check() -> Check:
    formats = {bytes(name.data()).decode() for name in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        return Check("svg", False, f"no SVG image format plugin (formats: {', '.join(sorted(formats))})")
    image = QIcon(str(resource_path("icons", "advisor-desk.svg"))).pixmap(64, 64).toImage()
    if image.isNull() or _colours(image) < 2:
        return Check("svg", False, "the app icon (SVG) renders empty")
    return Check("svg", True, f"the app icon renders; image formats: {', '.join(sorted(formats))}")


def window_check(desk: Desk, folder: Path) -> Check:
    from advisor_app.gui.main_window import MainWindow

    window = MainWindow(desk)
    try:
        window.resize(1200, 760)
        window.show()
        QApplication.processEvents()
        image = window.grab().toImage()
        path = folder / "window.png"
        image.save(str(path))
        colours = _colours(image)
        listed = window.cases_model.rowCount()
    finally:
        window.close()
        window.deleteLater()
        QApplication.processEvents()
    if image.isNull() or colours < 8:
        return Check("window", False, f"the main window painted blank ({colours} colours)")
    if listed == 0:
        return Check("window", False, "the main window lists no cases of the demo workspace")
    size = f"{image.width()}x{image.height()}"
    return Check("window", True, f"painted {size} offscreen, {colours} colours, {listed} cases")


def pdf_check(desk: Desk, folder: Path) -> Check:
    from advisor_app.gui.pdf_export import write_pdf

    path = folder / "update.pdf"
    write_pdf(first_account_export(desk).html, path)
    if not path.read_bytes().startswith(b"%PDF-"):
        return Check("pdf", False, f"{path.name} is not a PDF")
    return Check("pdf", True, f"{path.name}, {path.stat().st_size:,} bytes")


def _colours(image: QImage, step: int = 7) -> int:
    """Distinct colours on a sparse grid: a blank or unpainted image has one or two."""
    seen: set[int] = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(QColor(image.pixel(x, y)).rgba())
    return len(seen)


def qt_checks(desk: Desk, folder: Path) -> list[Check]:
    try:
        _application()
    except Exception as error:
        return [Check("qt", False, f"no QApplication: {type(error).__name__}: {error}")]
    return [
        guarded("qt-platforms", platforms_check),
        guarded("translations", translations_check),
        guarded("svg", svg_check),
        guarded("window", lambda: window_check(desk, folder)),
        guarded("pdf", lambda: pdf_check(desk, folder)),
    ]
