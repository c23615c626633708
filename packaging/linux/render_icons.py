"""Render the app icon (resources/icons/advisor-desk.svg) to PNGs in the freedesktop sizes.

Usage: python packaging/linux/render_icons.py OUT_DIR
Writes OUT_DIR/hicolor/NxN/apps/advisor-desk.png, OUT_DIR/hicolor/scalable/apps/advisor-desk.svg
and OUT_DIR/advisor-desk-512.png (the Windows and macOS recipes convert that one).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
SOURCE = Path(__file__).resolve().parents[2] / "resources" / "icons" / "advisor-desk.svg"


def render(renderer: QSvgRenderer, size: int, path: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")


def main(out: Path) -> None:
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        raise SystemExit(f"not a valid SVG: {SOURCE}")
    for size in SIZES:
        render(renderer, size, out / "hicolor" / f"{size}x{size}" / "apps" / "advisor-desk.png")
    scalable = out / "hicolor" / "scalable" / "apps" / "advisor-desk.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable)
    shutil.copyfile(out / "hicolor" / "512x512" / "apps" / "advisor-desk.png", out / "advisor-desk-512.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
