"""PDF export through Qt: an HTML document laid out by QTextDocument and printed by QPdfWriter.

The only place drafts touch Qt for export; the command line imports it lazily for `--format pdf`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from advisor_app.errors import AdvisorError


class OfflineDocument(QTextDocument):
    """A text document that loads no resources: images or style sheets named in a draft
    (remote or local files) are never fetched."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return None


# A list tag; an item's opening paragraph (a loose list's <li><p>) is taken with it.
_LIST_TAG = re.compile(r"<(/?)(ul|ol|li)\b[^>]*>(\s*<p\b[^>]*>)?", re.IGNORECASE)
_BULLET_GAP = "\u00a0\u00a0"  # no-break spaces: QTextDocument keeps them at the start of a block


def spaced_bullets(html: str) -> str:
    """Items of bulleted lists start with an en space.

    QTextDocument sets the bullet off the text by a space measured at screen resolution,
    which at the PDF's 300 dpi is a sliver: the bullets touched the words.
    """
    lists: list[str] = []

    def visit(match: re.Match[str]) -> str:
        closing, tag = match.group(1), match.group(2).lower()
        if tag in ("ul", "ol"):
            if closing:
                if lists:
                    lists.pop()
            else:
                lists.append(tag)
            return match.group(0)
        if not closing and lists and lists[-1] == "ul":
            return match.group(0) + _BULLET_GAP
        return match.group(0)

    return _LIST_TAG.sub(visit, html)


def write_pdf(html: str, path: Path, title: str = "") -> None:
    """Lay out `html` on A4 pages with 2 cm margins and write it to `path` (needs a Q(Gui)Application)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Advisor Desk")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = OfflineDocument()
    document.setHtml(spaced_bullets(html))
    # Without a page size of its own the document is laid out on the writer's pages, in points,
    # inside margins of 2 cm that QTextDocument adds itself (so the writer adds none).
    document.print_(writer)
    del writer  # flushes and closes the file
    if not path.exists() or path.stat().st_size == 0:
        raise AdvisorError(f"{path}: the PDF could not be written")


def write_pdf_headless(html: str, path: Path, title: str = "") -> None:
    """For the command line: a QGuiApplication on the offscreen platform when none exists."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["advisor-app"])
    write_pdf(html, path, title)
