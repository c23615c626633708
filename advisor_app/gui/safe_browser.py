"""A text browser for untrusted case text: it never loads a resource and opens only
http/https links, and only when the user clicks one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

OPENABLE_SCHEMES = frozenset({"http", "https"})


def open_in_system_browser(url: QUrl) -> bool:
    return QDesktopServices.openUrl(url)


class SafeTextBrowser(QTextBrowser):
    """Shows HTML (already sanitized by `advisor_app.text`) with nothing fetched.

    `loadResource` refuses every URL: images, style sheets and anything a document could
    name, local files included. Links do not navigate the browser; a click on an http or
    https link hands it to the system browser, anything else is refused and reported.
    """

    link_refused = Signal(QUrl)
    link_opened = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None, opener: Callable[[QUrl], bool] = open_in_system_browser) -> None:
        super().__init__(parent)
        self._opener = opener
        self.refused_resources: list[QUrl] = []
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setSearchPaths([])
        self.anchorClicked.connect(self._on_anchor_clicked)

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self.refused_resources.append(QUrl(name))
        return None

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.isValid() and url.scheme().lower() in OPENABLE_SCHEMES and url.host():
            self._opener(url)
            self.link_opened.emit(url)
        else:
            self.link_refused.emit(url)
