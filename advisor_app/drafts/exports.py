"""Exports of a draft's Markdown: HTML, plain text and an unsent e-mail (`.eml`).

HTML comes from markdown-it-py with raw HTML off, so anything in the Markdown that looks
like a tag is shown as text, never interpreted. PDF export needs Qt: `gui/pdf_export.py`.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from email.header import Header
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from markdown_it import MarkdownIt
from markdown_it.token import Token

from advisor_app.domain.model import require_aware
from advisor_app.drafts import DraftError
from advisor_app.drafts.templates import Templates

FORMATS = ("md", "html", "txt", "eml", "pdf")
TEXT_WIDTH = 78


def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable(["table", "strikethrough"])


# Table attributes rather than CSS alone: Qt's rich text (preview, PDF) and many mail
# clients honour them where they ignore style sheets.
_TABLE = '<table border="1" cellspacing="0" cellpadding="5">'


def markdown_to_html(markdown: str) -> str:
    """The body's HTML fragment (no <html> around it)."""
    return _parser().render(markdown).replace("<table>", _TABLE)


def html_document(markdown: str, title: str, language: str, templates: Templates) -> str:
    """A complete HTML document: the fragment inside the (autoescaped) page template."""
    return templates.render_page(title, markdown_to_html(markdown), language)


def markdown_to_text(markdown: str) -> str:
    """Plain text for people: headings underlined, lists with dashes, tables as columns."""
    return _TextWriter(_parser().parse(markdown)).text()


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    href: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak",):
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "link_open":
            href.append(str(child.attrGet("href") or ""))
        elif child.type == "link_close":
            target = href.pop() if href else ""
            if target and target != (parts[-1] if parts else ""):
                parts.append(f" <{target}>")
        elif child.type == "image":
            parts.append(child.content or "")
    return "".join(parts)


class _TextWriter:
    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = tokens
        self.blocks: list[str] = []

    def text(self) -> str:
        lists: list[list[int]] = []  # per open list: [next number] or [] for bullets
        tokens = self.tokens
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind == "heading_open":
                title = _inline_text(tokens[index + 1])
                underline = "=" if token.tag == "h1" else "-"
                self.blocks.append(f"{title}\n{underline * len(title)}")
                index += 3
                continue
            if kind == "bullet_list_open":
                lists.append([])
            elif kind == "ordered_list_open":
                lists.append([int(token.attrGet("start") or 1)])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
            elif kind == "list_item_open":
                marker_list = lists[-1]
                if marker_list:
                    marker = f"{marker_list[0]}."
                    marker_list[0] += 1
                else:
                    marker = "-"
                item_tokens, index = _until_close(tokens, index, "list_item_close")
                body = _TextWriter(item_tokens).text().strip("\n")
                indent = "  " * (len(lists) - 1)
                lines = body.split("\n")
                rendered = [f"{indent}{marker} {lines[0]}"] + [
                    f"{indent}{' ' * (len(marker) + 1)}{line}" for line in lines[1:]
                ]
                self._append_list_line("\n".join(rendered))
                continue
            elif kind == "paragraph_open":
                content = _inline_text(tokens[index + 1])
                self.blocks.append(content if token.hidden else _wrap(content))
                index += 3
                continue
            elif kind in ("fence", "code_block"):
                self.blocks.append(textwrap.indent(token.content.rstrip("\n"), "    "))
            elif kind == "hr":
                self.blocks.append("-" * 20)
            elif kind == "table_open":
                rows, index = _table(tokens, index)
                self.blocks.append(_format_table(rows))
                continue
            index += 1
        return "\n\n".join(block for block in self.blocks if block is not None).strip("\n") + "\n"

    def _append_list_line(self, line: str) -> None:
        if (self.blocks and self.blocks[-1].startswith(("-", " ")) and not self.blocks[-1].startswith("--")) or (
            self.blocks and _is_numbered(self.blocks[-1])
        ):
            self.blocks[-1] += "\n" + line
        else:
            self.blocks.append(line)


def _is_numbered(block: str) -> bool:
    head = block.split(" ", 1)[0]
    return head.endswith(".") and head[:-1].isdigit()


def _wrap(text: str) -> str:
    return "\n".join(textwrap.fill(part, TEXT_WIDTH) if part else "" for part in text.split("\n"))


def _until_close(tokens: Sequence[Token], index: int, closing: str) -> tuple[list[Token], int]:
    """The tokens inside the block opened at `index`, and the index after its closing token."""
    depth, inner = 0, list[Token]()
    opening = tokens[index].type
    for position in range(index + 1, len(tokens)):
        token = tokens[position]
        if token.type == opening:
            depth += 1
        elif token.type == closing:
            if depth == 0:
                return inner, position + 1
            depth -= 1
        inner.append(token)
    return inner, len(tokens)


def _table(tokens: Sequence[Token], index: int) -> tuple[list[tuple[list[str], bool]], int]:
    rows: list[tuple[list[str], bool]] = []
    cells: list[str] = []
    header = False
    position = index + 1
    while position < len(tokens) and tokens[position].type != "table_close":
        token = tokens[position]
        if token.type == "thead_open":
            header = True
        elif token.type == "thead_close":
            header = False
        elif token.type == "tr_open":
            cells = []
        elif token.type == "inline":
            cells.append(_inline_text(token))
        elif token.type == "tr_close":
            rows.append((cells, header))
        position += 1
    return rows, position + 1


def _format_table(rows: list[tuple[list[str], bool]]) -> str:
    if not rows:
        return ""
    columns = max(len(cells) for cells, _ in rows)
    widths = [max(len(cells[i]) if i < len(cells) else 0 for cells, _ in rows) for i in range(columns)]
    lines = []
    for cells, header in rows:
        padded = [(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])) for i, cell in enumerate(cells)]
        lines.append("  ".join(padded).rstrip())
        if header:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def build_eml(
    *,
    subject: str,
    recipients: Iterable[tuple[str, str]],
    text: str,
    html: str,
    now: datetime,
    sender: tuple[str, str] | None = None,
) -> bytes:
    """An unsent e-mail (`X-Unsent: 1`: Outlook and Thunderbird open it as an editable draft),
    multipart/alternative with the plain text first and the HTML second, CRLF line ends."""
    require_aware(now, "now")
    people = [_checked(name, email) for name, email in recipients]
    # An address with a non-ASCII local part has no 7-bit form: its To line is written in UTF-8
    # (RFC 6532), which Thunderbird and Outlook read; names stay RFC 2047 encoded words either way.
    ascii_only = all(email.isascii() for _, email in people)
    policy = SMTP
    message = EmailMessage(policy=policy)
    # Header values come from the source (an account's or a contact's name): CR, LF and other
    # control characters would end the header or inject another; the header registry quotes
    # and encodes the rest.
    message["Subject"] = header_text(subject)
    if people and ascii_only:
        message["To"] = [_address(name, email) for name, email in people]
    if sender is not None:
        message["From"] = _address(*_checked(*sender))
    message["Date"] = format_datetime(now)
    message["Message-ID"] = make_msgid(domain="advisor-desk.invalid")
    message["X-Unsent"] = "1"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    data = message.as_bytes(policy=policy)
    return data if ascii_only else _utf8_to_line(people) + data


def _utf8_to_line(people: list[tuple[str, str]]) -> bytes:
    """The To header for addresses that need UTF-8: names encoded (RFC 2047), addresses raw."""
    shown = [_display(name, email) if name.isascii() else f"{Header(name, 'utf-8').encode()} <{email}>"
             for name, email in people]  # fmt: skip
    return ("To: " + ",\r\n ".join(shown) + "\r\n").encode("utf-8")


_ADDRESS_PART = r'[^@\s<>(),;:"\[\]\\\x00-\x1f\x7f]+'
_ADDRESS = re.compile(rf"^{_ADDRESS_PART}@{_ADDRESS_PART}\.{_ADDRESS_PART}$")


def header_text(value: str) -> str:
    """One line for a mail header: whitespace runs (CR and LF among them) become one space,
    other control characters go."""
    return "".join(ch for ch in " ".join(value.split()) if unicodedata.category(ch) != "Cc")


_NAME_SPECIALS = re.compile(r'[()<>@,;:\\".\[\]]')


def _display(name: str, email: str) -> str:
    if not name:
        return email
    if _NAME_SPECIALS.search(name):
        name = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return f"{name} <{email}>"


def _checked(name: str, email: str) -> tuple[str, str]:
    email = email.strip()
    if not _ADDRESS.match(email):
        raise DraftError(f"recipient {header_text(name)} <{header_text(email)}>: not an e-mail address")
    return header_text(name), email


def _address(name: str, email: str) -> Address:
    # username/domain rather than addr_spec: Python refuses to parse a non-ASCII local part,
    # which SMTPUTF8 writes as it is.
    username, _, domain = email.rpartition("@")
    return Address(display_name=name, username=username, domain=domain)
