"""An allow-list HTML sanitizer for case text (nh3, the bindings of the Rust crate ammonia; no Qt).

Case bodies from Request Tracker and Zendesk can be HTML written by anyone who mails the
support address. What comes out of here keeps only harmless structure (paragraphs, lists,
emphasis, tables, code) and links to http, https and mailto; scripts, styles, frames,
objects, forms, event handlers, inline styles and every image go. Images are replaced by a
visible marker rather than loaded: a remote image is a read receipt for whoever sent it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from urllib.parse import urlsplit

import nh3

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
# Possessive quantifiers: no backtracking, so detection is linear (the earlier pattern,
# `(\s[^<>]*)?/?\s*>`, was quadratic on "<a" followed by many spaces).
_HTML_HINT = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*+(?:[\s/][^<>]*+)?>|<!--|&[a-zA-Z]++;|&#\d++;")
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


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    """nh3 asks about every attribute it would keep: links only to safe targets, spans as numbers."""
    if name == "href":
        return _CONTROL.sub("", value) if is_safe_link(value) else None
    if name in ("colspan", "rowspan"):
        return value if value.isdigit() else None
    return value


# ammonia (through nh3) parses like a browser (html5ever) in linear time; the allow-list is
# ours. `img` is allowed without attributes only so that its place can be marked below.
_CLEANER = nh3.Cleaner(
    tags=set(_ALLOWED) | {"img"},
    clean_content_tags=set(_DROP_WITH_CONTENT),
    # "*": none for every tag (ammonia would otherwise keep lang and title anywhere).
    attributes={"*": set(), **{tag: set(names) for tag, names in _ALLOWED.items() if names}},
    attribute_filter=_filter_attribute,
    strip_comments=True,
    link_rel=None,
    url_schemes=set(_SAFE_SCHEMES),
)
_IMAGE_MARKER = f"<span>{escape(IMAGE_REMOVED)}</span>"
# In the cleaner's output every "<" of text is escaped, so this splits tags from text exactly.
_TAG = re.compile(r"(<[^>]*>)")


def sanitize_html(markup: str) -> str:
    """Markup reduced to the allow-list: safe to hand to a rich-text widget. Linear in the input."""
    cleaned = _CLEANER.clean(markup)
    pieces: list[str] = []
    in_link = 0
    for index, piece in enumerate(_TAG.split(cleaned)):
        if index % 2:  # a tag
            if piece.startswith("<img"):
                piece = _IMAGE_MARKER
            elif piece.startswith("<a ") or piece == "<a>":
                in_link += 1
            elif piece == "</a>":
                in_link = max(0, in_link - 1)
            pieces.append(piece)
        elif piece:
            pieces.append(piece if in_link else _linkify(unescape(piece)))
    return "".join(pieces)


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


# A body longer than this is shown cut, with a way to show all of it: a 2 MB mail takes
# about a second to sanitize and far longer for Qt to lay out.
CASE_TEXT_LIMIT = 100_000


@dataclass(frozen=True, slots=True)
class RenderedText:
    html: str
    truncated: bool
    length: int  # characters of the whole body


def render_case_text_capped(text: str, limit: int | None = CASE_TEXT_LIMIT) -> RenderedText:
    """`render_case_text` of at most `limit` characters (all of them when None)."""
    if limit is not None and len(text) > limit:
        return RenderedText(render_case_text(text[:limit]), True, len(text))
    return RenderedText(render_case_text(text), False, len(text))
