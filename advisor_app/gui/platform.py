"""What Qt the app runs on, told without starting a QApplication (for `advisor-app doctor`)."""

from __future__ import annotations

import os
import sys

import PySide6
from PySide6.QtCore import qVersion


def platform_plugin() -> str:
    """The platform plugin Qt will pick: QT_QPA_PLATFORM, else the platform's default."""
    chosen = os.environ.get("QT_QPA_PLATFORM")
    if chosen:
        return f"{chosen} (from QT_QPA_PLATFORM)"
    if sys.platform == "darwin":
        return "cocoa"
    if sys.platform == "win32":
        return "windows"
    if os.environ.get("WAYLAND_DISPLAY"):
        return "wayland"
    if os.environ.get("DISPLAY"):
        return f"xcb (DISPLAY={os.environ['DISPLAY']})"
    return "xcb, but no DISPLAY is set: the window cannot open here (QT_QPA_PLATFORM=offscreen works headless)"


def describe_platform() -> str:
    return f"PySide6 {PySide6.__version__}, Qt {qVersion()}, platform {platform_plugin()}"
