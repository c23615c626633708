"""What each status of a ticketing system means to the SLA clocks.

A source status means one of: open (`new` is open, not yet worked), waiting on the customer,
on hold, solved or closed. The SLA policy (resources/policies/sla-policy.json) then says
which meaning pauses or stops which clock. Each source kind has defaults (SLA.md); a
workspace may override single entries (custom lifecycles) in its settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from advisor_app.domain.model import CaseStatus
from advisor_app.errors import StatusMapError

MEANINGS: Mapping[str, CaseStatus] = {
    "new": CaseStatus.NEW,
    "open": CaseStatus.OPEN,
    "waiting": CaseStatus.PENDING,
    "hold": CaseStatus.ON_HOLD,
    "solved": CaseStatus.SOLVED,
    "closed": CaseStatus.CLOSED,
}
"""The meaning names people write (settings, `--status-map`), each with the stored status."""

_ALIASES = {"pending": "waiting", "on_hold": "hold", "on-hold": "hold", "onhold": "hold"}

DEFAULT_STATUS_MAPS: Mapping[str, Mapping[str, str]] = {
    "rt": {"new": "new", "open": "open", "stalled": "waiting", "resolved": "solved", "rejected": "closed"},
    "zendesk": {
        "new": "new",
        "open": "open",
        "pending": "waiting",
        "hold": "hold",
        "solved": "solved",
        "closed": "closed",
    },
}

_STATUS = re.compile(r"[^\s=,]+(?: [^\s=,]+)*")


def canonical_meaning(text: str) -> str:
    """The meaning name for `text` (case and aliases forgiven); StatusMapError names the known ones."""
    word = text.strip().lower()
    word = _ALIASES.get(word, word)
    if word not in MEANINGS:
        raise StatusMapError(f"{text!r} is not a status meaning (one of: {', '.join(MEANINGS)})")
    return word


def parse_status_map(entries: Iterable[str]) -> dict[str, str]:
    """`STATUS=MEANING` entries, each possibly a comma list, as {source status: meaning name}.

    Source statuses are kept in lower case (RT and Zendesk report them so); a status given
    two different meanings is an error.
    """
    result: dict[str, str] = {}
    for entry in entries:
        for part in entry.split(","):
            if not part.strip():
                continue
            status, equals, meaning = part.partition("=")
            status = status.strip().lower()
            if not equals or not status or not meaning.strip():
                raise StatusMapError(f"{part.strip()!r} is not STATUS=MEANING (like stalled=waiting)")
            if not _STATUS.fullmatch(status):
                raise StatusMapError(f"{status!r} is not a status name")
            name = canonical_meaning(meaning)
            if result.get(status, name) != name:
                raise StatusMapError(f"status {status!r} is given two meanings: {result[status]} and {name}")
            result[status] = name
    return result


def effective_status_map(source_kind: str | None, overrides: Mapping[str, str]) -> dict[str, CaseStatus]:
    """The source's defaults with the workspace's entries over them, as stored statuses."""
    names = {**DEFAULT_STATUS_MAPS.get(source_kind or "", {}), **{k.lower(): v for k, v in overrides.items()}}
    return {status: MEANINGS[canonical_meaning(meaning)] for status, meaning in names.items()}


__all__ = [
    "DEFAULT_STATUS_MAPS",
    "MEANINGS",
    "canonical_meaning",
    "effective_status_map",
    "parse_status_map",
]
