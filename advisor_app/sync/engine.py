"""The sync engine: each page's upserts and its stream's cursor commit in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.dialects.sqlite import insert

from advisor_app.errors import AdvisorError
from advisor_app.store import schema, upserts
from advisor_app.sync.provider import STREAMS, Page, Provider

log = logging.getLogger(__name__)

CasesChanged = Callable[[Connection, set[int]], None]
Progress = Callable[[str, int], None]


class SyncError(AdvisorError):
    """A stream could not be synced; the store keeps everything committed before it."""


class SyncCancelled(SyncError):
    """The user stopped the sync; the pages before were committed."""


class SourceChangedError(SyncError):
    """The workspace holds data of another source; mixing them is refused."""


@dataclass(slots=True)
class StreamReport:
    written: int = 0
    removed: int = 0
    quarantined: int = 0
    rejected: list[upserts.Rejection] = field(default_factory=list)


@dataclass(slots=True)
class SyncReport:
    streams: dict[str, StreamReport] = field(default_factory=dict)
    case_ids: set[int] = field(default_factory=set)
    accounts_arrived: list[str] = field(default_factory=list)
    """Names of accounts newly assigned to the advisor (filled by `workspace.source_sync`)."""
    accounts_back: list[str] = field(default_factory=list)
    """Names of the advisor's accounts set aside before for their data, synced now that it is fixed."""
    accounts_left: list[str] = field(default_factory=list)
    """Names of accounts no longer assigned; their local data is kept."""
    warnings: list[object] = field(default_factory=list)
    """What the provider says the advisor should know (e.g. RT's time-zone check); each one's
    str() is its English text, the GUI words the kinds it knows (`ZoneMismatch`)."""


_WRITERS: dict[str, Callable[[Connection, Sequence[Any]], upserts.UpsertResult]] = {
    "accounts": upserts.upsert_accounts,
    "contacts": upserts.upsert_contacts,
    "cases": upserts.upsert_cases,
    "case_events": upserts.upsert_case_events,
    "usage_metrics": upserts.upsert_usage_metrics,
}

_TOMBSTONE_TABLES = {"accounts": schema.accounts, "contacts": schema.contacts, "cases": schema.cases}


def stored_identity(engine: Engine, source: str) -> str | None:
    with engine.connect() as connection:
        return connection.execute(
            select(schema.sync_state.c.source_identity).where(schema.sync_state.c.source == source).limit(1)
        ).scalar()


def _cursor(connection: Connection, source: str, stream: str) -> str | None:
    return connection.execute(
        select(schema.sync_state.c.cursor).where(
            schema.sync_state.c.source == source, schema.sync_state.c.stream == stream
        )
    ).scalar()


def _save_cursor(connection: Connection, provider: Provider, stream: str, cursor: str | None, now: datetime) -> None:
    statement = insert(schema.sync_state).values(
        source=provider.source, stream=stream, cursor=cursor, source_identity=provider.identity, updated_at=now
    )
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["source", "stream"],
            set_={"cursor": cursor, "source_identity": provider.identity, "updated_at": now},
        )
    )


def run_sync(
    engine: Engine,
    provider: Provider,
    now: Callable[[], datetime],
    on_cases_changed: CasesChanged | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """Sync every stream of `provider` into the store.

    Raises SourceChangedError, before writing anything, when the store already holds
    another instance of the same kind of source, and SyncCancelled, between two pages,
    once `cancelled()` says so: every page before it is committed with its cursor.
    """
    known = stored_identity(engine, provider.source)
    if known is not None and known != provider.identity:
        raise SourceChangedError(
            f"this workspace holds data from {known}, not {provider.identity}; start over to switch sources"
        )
    run = _Run(engine, provider, now, on_cases_changed, progress, cancelled or (lambda: False))
    try:
        for stream in STREAMS:
            run.report.streams[stream] = run.stream(stream)
            if stream == "case_events":
                run.recompute_deferred()
    finally:
        run.recompute_deferred()  # also after a cancel or a failure: what was committed is consistent
    run.report.warnings.extend(getattr(provider, "warnings", ()))
    return run.report


@dataclass(slots=True)
class _Run:
    engine: Engine
    provider: Provider
    now: Callable[[], datetime]
    on_cases_changed: CasesChanged | None
    progress: Progress | None
    cancelled: Callable[[], bool]
    report: SyncReport = field(default_factory=SyncReport)
    deferred: set[int] = field(default_factory=set)
    """Cases whose clocks wait for their events (the next stream): computed once, not twice."""

    def recompute_deferred(self) -> None:
        if self.deferred and self.on_cases_changed is not None:
            with self.engine.begin() as connection:
                self.on_cases_changed(connection, self.deferred)
        self.deferred = set()

    def stream(self, stream: str) -> StreamReport:
        provider = self.provider
        stream_report = StreamReport()
        with self.engine.connect() as connection:
            cursor = _cursor(connection, provider.source, stream)
        # A cursor may equal the stored one (nothing new since the last run), but two pages of
        # one run with the same cursor mean the source is serving the same page again.
        seen_cursors: set[str] = set()
        set_aside: set[str] = set()
        for page in provider.pages(stream, cursor):
            if self.cancelled():
                raise SyncCancelled(f"sync cancelled during {stream}; everything before was saved")
            if page.stream != stream:
                raise SyncError(f"{provider.source}: asked for {stream}, got a page of {page.stream}")
            if page.cursor is not None and page.cursor in seen_cursors and (page.records or page.removed):
                raise SyncError(f"{provider.source} {stream}: cursor {page.cursor!r} repeated; stopped to avoid a loop")
            page_set_aside, held = self.write(page, stream_report)
            set_aside |= page_set_aside
            if page.cursor is not None:
                seen_cursors.add(page.cursor)
            if self.progress is not None:
                self.progress(stream, stream_report.written)
            if held:
                log.info("%s %s: records whose parent is not stored yet; read again next sync", provider.source, stream)
                break
        else:
            if stream in getattr(provider, "rereads_set_aside", ()):
                # The provider read every record set aside before again: those it did not set
                # aside again are stored now or gone, and their reasons are out of date.
                with self.engine.begin() as connection:
                    upserts.clear_quarantine_except(connection, provider.source, stream, set_aside)
        for rejection in stream_report.rejected:
            log.warning("%s %s %s rejected: %s", provider.source, stream, rejection.remote_id, rejection.reason)
        return stream_report

    def write(self, page: Page, stream_report: StreamReport) -> tuple[set[str], bool]:
        """Write one page in one transaction; the remote ids it set aside, and whether its
        cursor was held back.

        A record whose parent is not stored (an event of a ticket created after this run read
        the cases) is set aside, and the first time that happens the stream's cursor stays
        where it was and the stream stops: the next run reads the page again, after its cases
        stream has brought the parent. A record set aside before does not hold the cursor
        again, so a record whose parent never comes cannot stall the stream."""
        provider, now = self.provider, self.now()
        with self.engine.begin() as connection:
            result = _WRITERS[page.stream](connection, page.records) if page.records else upserts.UpsertResult()
            removed = 0
            if page.removed:
                table = _TOMBSTONE_TABLES.get(page.stream)
                if table is None:
                    raise SyncError(f"{provider.source}: tombstones are not supported for {page.stream}")
                removed = upserts.mark_removed(connection, table, provider.source, page.removed, now)
            rejected = result.rejected or []
            held = bool(rejected) and not upserts.all_quarantined(
                connection, provider.source, page.stream, [r.remote_id for r in rejected]
            )
            set_aside = [(r.remote_id, r.reason, "") for r in rejected]
            set_aside += [(q.remote_id, q.reason, q.payload) for q in page.quarantined]
            upserts.quarantine(connection, provider.source, page.stream, set_aside, now)
            stored = {getattr(r, "remote_id", None) for r in page.records} - {r.remote_id for r in rejected} - {None}
            upserts.release_quarantine(connection, provider.source, page.stream, [str(i) for i in stored])
            if not held:
                _save_cursor(connection, provider, page.stream, page.cursor, now)
            if result.case_ids and self.on_cases_changed is not None:
                if page.stream == "cases":
                    # Marked not computed in this transaction: should the run stop before they are
                    # recomputed, opening the workspace recomputes them (`recompute_missing_clocks`).
                    upserts.mark_clocks_stale(connection, result.case_ids)
                    self.deferred |= result.case_ids
                else:
                    self.on_cases_changed(connection, result.case_ids)
                    self.deferred -= result.case_ids
        stream_report.written += result.written
        stream_report.removed += removed
        stream_report.quarantined += len(set_aside)
        stream_report.rejected.extend(rejected)
        self.report.case_ids |= result.case_ids or set()
        return {remote_id for remote_id, _, _ in set_aside}, held
