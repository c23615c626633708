"""The rendered preview of a draft: a text browser that loads nothing from anywhere."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser, QWidget

PREVIEW_STYLE = """
h1 { font-size: 17pt; margin-bottom: 6px; }
h2 { font-size: 13pt; margin-top: 14px; margin-bottom: 4px; }
table { border-collapse: collapse; margin-top: 4px; margin-bottom: 8px; }
th, td { border: 1px solid #9aa4ae; padding: 3px 8px; }
th { font-weight: 600; }
"""


class OfflineBrowser(QTextBrowser):
    """Images, style sheets or links named in a draft are never fetched or followed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(PREVIEW_STYLE)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None
