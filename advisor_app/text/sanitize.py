"""An allow-list HTML sanitizer for case text (stdlib `html.parser`, no Qt).

Case bodies from Request Tracker and Zendesk can be HTML written by anyone who mails the
support address. What comes out of here keeps only harmless structure (paragraphs, lists,
emphasis, tables, code) and links to http, https and mailto; scripts, styles, frames,
objects, forms, event handlers, inline styles and every image go. Images are replaced by a
visible marker rather than loaded: a remote image is a read receipt for whoever sent it.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from urllib.parse import urlsplit

IMAGE_REMOVED = "[image removed]"

# Tags kept, with the attributes each may keep.
_ALLOWED: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "abbr": frozenset({"title"}),
    "b": frozenset(),
    "blockquote": frozenset(),
    "br": frozenset(),
    "code": frozenset(),
    "dd": frozenset(),
    "del": frozenset(),
    "div": frozenset(),
    "dl": frozenset(),
    "dt": frozenset(),
    "em": frozenset(),
    "h1": frozenset(),
    "h2": frozenset(),
    "h3": frozenset(),
    "h4": frozenset(),
    "h5": frozenset(),
    "h6": frozenset(),
    "hr": frozenset(),
    "i": frozenset(),
    "kbd": frozenset(),
    "li": frozenset(),
    "ol": frozenset(),
    "p": frozenset(),
    "pre": frozenset(),
    "s": frozenset(),
    "small": frozenset(),
    "span": frozenset(),
    "strong": frozenset(),
    "sub": frozenset(),
    "sup": frozenset(),
    "table": frozenset(),
    "tbody": frozenset(),
    "td": frozenset({"colspan", "rowspan"}),
    "tfoot": frozenset(),
    "th": frozenset({"colspan", "rowspan"}),
    "thead": frozenset(),
    "tr": frozenset(),
    "u": frozenset(),
    "ul": frozenset(),
}
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "wbr"})
# Tags dropped together with everything inside them.
_DROP_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "iframe",
        "object",
        "embed",
        "form",
        "noscript",
        "template",
        "svg",
        "math",
        "head",
        "title",
        "frameset",
        "frame",
        "applet",
        "audio",
        "video",
        "canvas",
        "select",
        "textarea",
        "button",
    }
)
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_HTML_HINT = re.compile(r"<(/)?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?\s*>|<!--|&[a-zA-Z]+;|&#\d+;")
_URL = re.compile(r"\b(?:https?://|mailto:|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?)]}'\""


def is_safe_link(url: str) -> bool:
    """True for absolute http, https and mailto URLs (after removing what browsers ignore)."""
    cleaned = _CONTROL.sub("", url)
    try:
        parts = urlsplit(cleaned)
    except ValueError:
        return False
    if parts.scheme.lower() not in _SAFE_SCHEMES:
        return False
    if parts.scheme.lower() == "mailto":
        return bool(parts.path)
    return bool(parts.netloc)


def looks_like_html(text: str) -> bool:
    return _HTML_HINT.search(text) is not None


class _Sanitizer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.open: list[str] = []  # allowed tags opened and not yet closed
        self.dropping: list[str] = []  # dropped-with-content tags we are inside

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.dropping:
            if tag in _DROP_WITH_CONTENT and tag not in _VOID:
                self.dropping.append(tag)
            return
        if tag in _DROP_WITH_CONTENT:
            if tag not in _VOID:
                self.dropping.append(tag)
            return
        if tag == "img":
            self.out.append(f"<span>{escape(IMAGE_REMOVED)}</span>")
            return
        if tag not in _ALLOWED:
            return
        kept = []
        for name, value in attrs:
            name = name.lower()
            if name not in _ALLOWED[tag] or value is None:
                continue
            if name == "href":
                if not is_safe_link(value):
                    continue
                value = _CONTROL.sub("", value)
            if name in ("colspan", "rowspan") and not value.isdigit():
                continue
            kept.append(f' {name}="{escape(value, quote=True)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID or tag in _DROP_WITH_CONTENT:
            self.handle_starttag(tag, attrs)
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.dropping:
            if tag == self.dropping[-1]:
                self.dropping.pop()
            elif tag in self.dropping:
                del self.dropping[self.dropping.index(tag) :]
            return
        if tag not in self.open:
            return
        # Close whatever was left open inside it, so the output is always well nested.
        while self.open:
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.dropping:
            return
        if "a" in self.open:
            self.out.append(escape(data, quote=False))
        else:
            self.out.append(_linkify(data))

    def close_all(self) -> str:
        self.close()
        while self.open:
            self.out.append(f"</{self.open.pop()}>")
        return "".join(self.out)


def sanitize_html(markup: str) -> str:
    """Markup reduced to the allow-list: safe to hand to a rich-text widget."""
    parser = _Sanitizer()
    parser.feed(markup)
    return parser.close_all()


def _linkify(text: str) -> str:
    """Escape `text`, turning the http(s)/mailto/www URLs in it into links."""
    pieces: list[str] = []
    position = 0
    for match in _URL.finditer(text):
        url = match.group(0)
        trimmed = url.rstrip(_TRAILING_PUNCTUATION)
        end = match.start() + len(trimmed)
        href = trimmed if not trimmed.lower().startswith("www.") else f"https://{trimmed}"
        pieces.append(escape(text[position : match.start()], quote=False))
        if is_safe_link(href):
            pieces.append(f'<a href="{escape(href, quote=True)}">{escape(trimmed, quote=False)}</a>')
        else:
            pieces.append(escape(trimmed, quote=False))
        position = end
    pieces.append(escape(text[position:], quote=False))
    return "".join(pieces)


def plain_text_to_html(text: str) -> str:
    """Plain text escaped, URLs linked, line breaks kept."""
    return "<br>".join(_linkify(line) for line in text.replace("\r\n", "\n").split("\n"))


def render_case_text(text: str) -> str:
    """A case body (HTML or plain text) as safe HTML."""
    return sanitize_html(text) if looks_like_html(text) else plain_text_to_html(text)
