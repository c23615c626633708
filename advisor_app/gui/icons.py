"""The app's icons: SVG files in `resources/icons`, drawn at whatever size and pixel ratio is asked.

Monochrome icons draw with `currentColor`; they are painted in the palette's text colour
at the moment they are shown (so they follow a switch to dark), disabled ones in the
disabled text colour. State icons (breached, at risk, paused, met) carry fixed signal
colours that read on light and dark alike.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap, QPixmapCache
from PySide6.QtSvg import QSvgRenderer

from advisor_app.domain.resources import resource_path

ICON_NAMES = (
    "sync",
    "cancel",
    "today",
    "accounts",
    "cases",
    "search",
    "settings",
    "sign-out",
    "notification",
    "snooze",
    "service-day",
    "weekly-update",
    "export",
    "warning",
    "breached",
    "at-risk",
    "paused",
    "met",
)


@cache
def _svg(name: str) -> str:
    return resource_path("icons", f"{name}.svg").read_text(encoding="utf-8")


@cache
def _parsed(name: str, color: str) -> QSvgRenderer:
    """Each icon is parsed once per colour (palette), not on every paint."""
    renderer = QSvgRenderer(QByteArray(_svg(name).replace("currentColor", color).encode("utf-8")))
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    return renderer


def _color(mode: QIcon.Mode) -> QColor:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText)
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText)
    return palette.color(QPalette.ColorRole.WindowText)


class SvgIconEngine(QIconEngine):
    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        return _parsed(self._name, _color(mode).name())

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._name)

    def key(self) -> str:
        return "advisor-svg"

    def iconName(self) -> str:
        return self._name

    def isNull(self) -> bool:
        return False

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        # Item views paint icons through here on every repaint: draw the pixmap rendered once
        # per size, pixel ratio and palette colour (kept in QPixmapCache).
        device = painter.device()
        scale = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        width, height = round(size.width() * scale), round(size.height() * scale)
        key = f"advisor-icon:{self._name}:{_color(mode).rgba()}:{width}x{height}:{scale}"
        cached = QPixmap()
        if QPixmapCache.find(key, cached):
            return cached
        pixmap = QPixmap(max(width, 1), max(height, 1))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._renderer(mode).render(painter, QRectF(QRect(QPoint(0, 0), pixmap.size())))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        QPixmapCache.insert(key, pixmap)
        return pixmap


def icon(name: str) -> QIcon:
    """The icon `resources/icons/<name>.svg`; raises FileNotFoundError for an unknown name."""
    _svg(name)  # fail here, where the name is written, rather than paint nothing later
    return QIcon(SvgIconEngine(name))
