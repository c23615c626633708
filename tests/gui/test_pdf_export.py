"""The PDF export: a title in the document's metadata, bullets set off from their text."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from advisor_app.gui.pdf_export import spaced_bullets, write_pdf

NBSP2 = "\u00a0\u00a0"


def pdf_title(data: bytes) -> str:
    """The document information's /Title, as Qt writes it (a UTF-16 literal string)."""
    start = data.index(b"/Title (") + len(b"/Title (")
    raw = data[start : data.index(b")\n", start)].replace(b"\\(", b"(").replace(b"\\)", b")")
    return raw.decode("utf-16") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def test_the_pdf_carries_its_title(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "update.pdf"
    write_pdf("<h1>Weekly update</h1><ul><li>one</li></ul>", path, "Weekly update Lumen Retail, 2026-W48")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert pdf_title(data) == "Weekly update Lumen Retail, 2026-W48"


def test_bulleted_items_start_with_a_gap_and_numbered_ones_do_not() -> None:
    html = "<ul>\n<li>a<ol><li>x</li></ol></li>\n<li>\n<p>b</p>\n</li>\n</ul><ol><li>c</li></ol>"
    assert spaced_bullets(html) == (
        f"<ul>\n<li>{NBSP2}a<ol><li>x</li></ol></li>\n<li>\n<p>{NBSP2}b</p>\n</li>\n</ul><ol><li>c</li></ol>"
    )
