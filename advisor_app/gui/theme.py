"""Fusion style with a light or dark palette: following the OS, or chosen by the advisor.

The setting `theme` is "system" (follow the OS colour scheme, also when it changes while
the app runs), "light" or "dark". `theme_follower(app).set_mode(...)` switches at run time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colors = {
        role.Window: "#2b2d30",
        role.WindowText: "#e6e6e6",
        role.Base: "#1f2023",
        role.AlternateBase: "#26282b",
        role.ToolTipBase: "#3a3d41",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8a8d91",
        role.Text: "#e6e6e6",
        role.Button: "#34363a",
        role.ButtonText: "#e6e6e6",
        role.BrightText: "#ff6b6b",
        role.Highlight: "#3d6fb4",
        role.HighlightedText: "#ffffff",
        role.Link: "#7fb0ff",
        role.LinkVisited: "#c09cff",
        role.Mid: "#45484d",
        role.Midlight: "#3c3f43",
        role.Dark: "#1a1b1e",
        role.Shadow: "#111214",
        role.Light: "#4a4d52",
    }
    for color_role, value in colors.items():
        palette.setColor(color_role, QColor(value))
    for color_role in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(group.Disabled, color_role, QColor("#7a7d82"))
    palette.setColor(group.Disabled, role.Highlight, QColor("#45484d"))
    return palette


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    if palette.color(QPalette.ColorRole.Base).lightness() < 128:  # a style that follows the OS's dark scheme
        palette = QPalette(QColor("#efefef"), QColor("#efefef"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    return palette


def os_prefers_dark(app: QGuiApplication) -> bool:
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


class ThemeFollower(QObject):
    """Applies Fusion and the palette of the chosen theme; follows the OS in "system"."""

    changed = Signal(bool)
    """emitted with `dark` after the palette changed"""

    def __init__(self, app: QApplication, mode: str = "system") -> None:
        super().__init__(app)
        self.setObjectName("themeFollower")
        self._app = app
        self._mode = mode if mode in THEMES else "system"
        app.setStyle("Fusion")
        self.apply()
        app.styleHints().colorSchemeChanged.connect(self.on_scheme_changed)

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def dark(self) -> bool:
        return self._mode == "dark" or (self._mode == "system" and os_prefers_dark(self._app))

    def set_mode(self, mode: str) -> None:
        if mode not in THEMES:
            raise ValueError(f"unknown theme {mode!r}; one of {', '.join(THEMES)}")
        self._mode = mode
        # Tell the platform too (Qt 6.8+), so native dialogs and title bars match where they can.
        hints = self._app.styleHints()
        if mode == "system":
            hints.unsetColorScheme()
        else:
            hints.setColorScheme(Qt.ColorScheme.Dark if mode == "dark" else Qt.ColorScheme.Light)
        self.apply()

    @Slot(Qt.ColorScheme)
    def on_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._mode == "system":
            self.apply()

    def apply(self) -> None:
        dark = self.dark
        self._app.setPalette(dark_palette() if dark else light_palette(self._app))
        self.changed.emit(dark)


def theme_follower(app: QApplication) -> ThemeFollower:
    """The application's one ThemeFollower (made on first use)."""
    existing = app.findChild(ThemeFollower, "themeFollower")
    return existing if isinstance(existing, ThemeFollower) else ThemeFollower(app)
