"""What a ticketing-system provider gives the sync engine."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from advisor_app.domain import Account, Case, CaseEvent, Contact, UsageMetric

STREAMS = ("accounts", "contacts", "cases", "case_events", "usage_metrics")

Record = Account | Contact | Case | CaseEvent | UsageMetric


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A record the provider could not decode: kept aside with the reason and the raw payload."""

    remote_id: str
    reason: str
    payload: str = ""


@dataclass(frozen=True, slots=True)
class Page:
    """One page of one stream. `cursor` is where the next sync of the stream resumes;
    `removed` holds remote ids the source says are deleted (tombstones); `quarantined` the
    records of this page that failed validation (the rest of the page still lands)."""

    stream: str
    records: Sequence[Record]
    cursor: str | None
    removed: Sequence[str] = field(default_factory=tuple)
    quarantined: Sequence[Quarantined] = field(default_factory=tuple)


class Provider(Protocol):
    @property
    def source(self) -> str:
        """Short name stored with every record ("demo", "rt", "zendesk")."""

    @property
    def identity(self) -> str:
        """What tells this source apart from another of the same kind (its URL, its seed)."""

    def pages(self, stream: str, cursor: str | None) -> Iterator[Page]:
        """Pages of `stream` changed since `cursor` (None: from the beginning)."""
