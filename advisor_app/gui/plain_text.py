"""Text from the source (subjects, names, requesters, server messages) is shown as text.

A QLabel in its default auto mode, a tooltip and a tray popup render anything that looks
like HTML as rich text: a case subject `<img src=...>` would load an image, `<a href>` would
be a link and `<font size=7 color=red>` a large red warning. Every label that can show
remote text is made plain here, and tooltips and tray texts are converted.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

# Look-alikes for the characters a notification server may read as markup.
_TRAY_SAFE = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})


def make_plain(*labels: QLabel) -> None:
    """The labels show their text literally, whatever it looks like."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tooltip(text: str | None) -> str:
    """A tooltip that shows `text` literally (Qt renders a tooltip that looks like HTML as HTML)."""
    if not text:
        return ""
    # Escaped inside <p>: Qt sees rich text and shows the characters; spaces stay spaces (wrapping).
    return "<p>" + escape(text, quote=False).replace("\n", "<br>") + "</p>"


def tray_text(text: str) -> str:
    """Text for a desktop notification: no character a notification server could read as markup."""
    return text.translate(_TRAY_SAFE)
