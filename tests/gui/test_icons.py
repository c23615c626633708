"""Icons: every name used exists and draws at any size and pixel ratio, in the palette's colour."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from advisor_app.domain.resources import resource_path
from advisor_app.gui.icons import ICON_NAMES, icon
from advisor_app.gui.theme import dark_palette, light_palette

GUI = Path(__file__).resolve().parents[2] / "advisor_app" / "gui"


def _painted(image: QImage) -> list[tuple[int, int, int]]:
    return [
        (c.red(), c.green(), c.blue())
        for y in range(image.height())
        for x in range(image.width())
        if (c := image.pixelColor(x, y)).alpha() > 200
    ]


def test_every_icon_named_in_the_code_exists() -> None:
    used = {name for path in GUI.rglob("*.py") for name in re.findall(r'\bicon\("([a-z-]+)"\)', path.read_text())}
    for name in used | set(ICON_NAMES):
        assert resource_path("icons", f"{name}.svg").is_file(), name
    with pytest.raises(FileNotFoundError, match="nonexistent"):
        icon("nonexistent")


@pytest.mark.parametrize("name", ICON_NAMES)
def test_icons_draw_sharp_at_every_size(qapp: QApplication, name: str) -> None:
    for size in (16, 32, 64):
        for ratio in (1.0, 2.0):
            pixmap = icon(name).pixmap(QSize(size, size), ratio)
            assert pixmap.devicePixelRatio() == ratio
            assert pixmap.width() == pixmap.height() == round(size * ratio)  # drawn at device pixels
            painted = _painted(pixmap.toImage())
            assert len(painted) > (size * ratio) ** 2 * 0.04, f"{name} at {size}px x{ratio} is nearly empty"


def test_monochrome_icons_take_the_palette_text_colour(qapp: QApplication) -> None:
    saved = QPalette(qapp.palette())
    try:
        qapp.setPalette(dark_palette())
        on_dark = _painted(icon("sync").pixmap(QSize(32, 32)).toImage())
        qapp.setPalette(light_palette(qapp))
        on_light = _painted(icon("sync").pixmap(QSize(32, 32)).toImage())
        disabled = _painted(icon("sync").pixmap(QSize(32, 32), QIcon.Mode.Disabled).toImage())
    finally:
        qapp.setPalette(saved)
    assert min(sum(rgb) for rgb in on_dark) > 600  # light strokes on a dark window
    assert max(sum(rgb) for rgb in on_light) < 150  # dark strokes on a light window
    assert disabled and disabled != on_light


def test_painting_an_icon_again_neither_parses_nor_renders_it_again(qapp: QApplication) -> None:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtGui import QPainter

    from advisor_app.gui import icons

    def paint() -> QImage:
        image = QImage(16, 16, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        icon("breached").paint(painter, QRect(0, 0, 16, 16))
        painter.end()
        return image

    first = paint()
    parsed = icons._parsed.cache_info()
    for _ in range(5):
        again = paint()
    after = icons._parsed.cache_info()
    assert (after.hits, after.misses) == (parsed.hits, parsed.misses)  # the pixmap cache answered
    assert again == first
    assert len(_painted(again)) > 16 * 16 * 0.04
