"""Search over accounts, cases and notes through the FTS5 index of migration 0006.

User input never reaches FTS5's query syntax: it is cut into words, each word quoted
(so `NEAR`, `OR`, `*`, `-`, `"` and `:` are plain text) and matched as a prefix, so the
results follow the typing ("acm" finds "Acme"). Results are ranked by bm25, a match in
the title weighing most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from html import escape

from sqlalchemy import Connection, text

from advisor_app.store.schema import SEARCH_INDEX


class HitKind(StrEnum):
    ACCOUNT = "account"
    CASE = "case"
    NOTE = "note"


# The rowid of an index row is `kind * 2**40 + id` (see migration 0006).
_KIND_SPAN = 1 << 40
_KIND_CODES = {HitKind.ACCOUNT: 1, HitKind.CASE: 2, HitKind.NOTE: 3}
_KIND_BY_CODE = {code: kind for kind, code in _KIND_CODES.items()}
_MARK_START, _MARK_END = "\x02", "\x03"
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_WORDS = 8
DEFAULT_LIMIT = 30
# Ranking every match of a short prefix ("e", "ex") over 200,000 cases takes seconds, so
# per kind only the newest `CANDIDATES` matches (a rowid range read backwards, which the
# index does without ranking) are ranked. Typing another letter narrows the matches.
CANDIDATES = 1_500

# Column weights of bm25: title, detail (case id, requester), body.
_RANKED = text(
    f"SELECT rowid, score FROM ("
    f"SELECT rowid, bm25({SEARCH_INDEX}, 10.0, 4.0, 1.0) AS score FROM {SEARCH_INDEX} "
    f"WHERE {SEARCH_INDEX} MATCH :query AND rowid BETWEEN :low AND :high "
    f"ORDER BY rowid DESC LIMIT :candidates) ORDER BY score LIMIT :limit"
)
_CASE_PLACE = text(
    "SELECT accounts.name, cases.status FROM cases JOIN accounts ON accounts.id = cases.account_id WHERE cases.id = :id"
)
_SNIPPETS = text(
    f"SELECT title, detail, snippet({SEARCH_INDEX}, -1, :mark_start, :mark_end, '…', 12), "
    f"snippet({SEARCH_INDEX}, 2, :mark_start, :mark_end, '…', 12) "
    f"FROM {SEARCH_INDEX} WHERE {SEARCH_INDEX} MATCH :query AND rowid = :rowid"
)


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: HitKind
    item_id: int
    title: str
    snippet: str  # plain text around the best match
    snippet_html: str  # the same, escaped, with the matched words in <b>
    account: str = ""  # a case's account name
    status: str = ""  # a case's status code (the GUI words it)


def match_expression(user_text: str) -> str | None:
    """The FTS5 query for what the user typed: every word as a quoted prefix, all required.

    None when there is nothing to search for.
    """
    words = _WORD.findall(user_text)[:_MAX_WORDS]
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"*' for word in words)


def _plain(snippet: str) -> str:
    return snippet.replace(_MARK_START, "").replace(_MARK_END, "")


def _snippet_html(snippet: str) -> str:
    escaped = escape(snippet, quote=False)
    return escaped.replace(_MARK_START, "<b>").replace(_MARK_END, "</b>")


def _title(kind: HitKind, title: str, detail: str, snippet: str) -> str:
    if kind is HitKind.CASE:
        remote_id = detail.split(" ", 1)[0]
        return f"#{remote_id} {title}"
    if kind is HitKind.NOTE:
        return _plain(snippet)[:80]
    return title


def search(connection: Connection, user_text: str, limit: int = DEFAULT_LIMIT) -> list[SearchHit]:
    """The best `limit` matches for what the user typed, best first."""
    query = match_expression(user_text)
    if query is None or limit <= 0:
        return []
    scored: list[tuple[float, int]] = []
    for code in _KIND_BY_CODE:
        low = code * _KIND_SPAN
        rows = connection.execute(
            _RANKED,
            {"query": query, "low": low, "high": low + _KIND_SPAN - 1, "candidates": CANDIDATES, "limit": limit},
        )
        scored.extend((score, rowid) for rowid, score in rows)
    scored.sort()
    hits = []
    for _, rowid in scored[:limit]:
        title, detail, best, body = connection.execute(
            _SNIPPETS, {"query": query, "rowid": rowid, "mark_start": _MARK_START, "mark_end": _MARK_END}
        ).one()
        kind = _KIND_BY_CODE[rowid // _KIND_SPAN]
        item_id = rowid % _KIND_SPAN
        account = status = ""
        snippet = best
        if kind is HitKind.CASE:
            # The title has the id and subject: the second line is the description rather
            # than the title again or the id line (id and requester).
            shown = _plain(best)
            if (shown == title or shown.startswith(detail.split(" ", 1)[0])) and body:
                snippet = body
            place = connection.execute(_CASE_PLACE, {"id": item_id}).one_or_none()
            if place is not None:
                account, status = place
        elif kind is HitKind.ACCOUNT:
            snippet = ""  # the name is the title already
        hits.append(
            SearchHit(
                kind,
                item_id,
                _title(kind, title, detail, best),
                _plain(snippet),
                _snippet_html(snippet),
                account,
                status,
            )
        )
    return hits
