"""The draft against the last update that was sent, as a colored unified diff."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from advisor_app.gui.drafts.preview import OfflineBrowser


def diff_html(lines: list[str]) -> str:
    rows = []
    for line in lines:
        color = ""
        if line.startswith("+++") or line.startswith("---"):
            color = "color:#57606a;"
        elif line.startswith("+"):
            color = "background:#dafbe1;color:#116329;"
        elif line.startswith("-"):
            color = "background:#ffebe9;color:#82071e;"
        elif line.startswith("@@"):
            color = "color:#0550ae;"
        rows.append(f'<div style="{color}white-space:pre-wrap;">{escape(line) or "&nbsp;"}</div>')
    return f'<div style="font-family:monospace;">{"".join(rows)}</div>'


class DiffDialog(QDialog):
    def __init__(self, title: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 640)
        self.browser = OfflineBrowser(self)
        if lines:
            self.browser.setHtml(diff_html(lines))
        else:
            self.browser.setPlainText(self.tr("No differences."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
