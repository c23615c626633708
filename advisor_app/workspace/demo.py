"""The demo workspace's data: the built-in demo source synced, and its local-owned obligations.

`sync_demo` is the one way a demo workspace is filled and kept: opening `--demo` for the
first time (`desk.open_desk`), the wizard's "Start demo" and every later sync
(`source_sync.sync_workspace`) run it, so each ends with the same accounts, cases and
obligations. The obligations (service days, when tracking began, past weekly updates) are
what an advisor would have entered; they are added once per account, when the account first
arrives, with its tracking row: a later sync never adds them again, a stopped first sync adds
those of the accounts it brought, and a demo workspace from before tracking began (0008)
keeps the entries it has (its accounts get tracking rows from `record_first_sync`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import WeeklyUpdateState
from advisor_app.store import schema
from advisor_app.store.clocks import recompute_on_change
from advisor_app.sync.engine import Progress, SyncReport, run_sync
from advisor_app.sync.providers.demo import DemoSource


def sync_demo(
    engine: Engine,
    source: DemoSource,
    clock: Callable[[], datetime],
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> SyncReport:
    """Sync the demo source, then add the obligations of the demo accounts new to the
    workspace (also when the sync stopped early: the accounts it stored get theirs)."""
    with engine.connect() as connection:
        known = set(
            connection.execute(select(schema.AccountRow.id).where(schema.AccountRow.source == "demo")).scalars()
        )
    try:
        return run_sync(
            engine, source, clock, on_cases_changed=recompute_on_change(clock), progress=progress, cancelled=cancelled
        )
    finally:
        _seed_obligations(engine, source, clock(), known)


def _seed_obligations(engine: Engine, source: DemoSource, now: datetime, known: set[int]) -> None:
    """The demo's local-owned data for the demo accounts this sync brought (not in `known`)
    that have no tracking row yet: when tracking began, its service days and its past
    weekly updates."""
    a, t = schema.AccountRow, schema.AccountTrackingRow
    with Session(engine) as session, session.begin():
        untracked = select(a.remote_id, a.id).where(a.source == "demo", a.id.not_in(select(t.account_id)))
        ids = {remote_id: account_id for remote_id, account_id in session.execute(untracked) if account_id not in known}
        session.add_all(t(account_id=i, first_synced_at=source.tracked_since, updated_at=now) for i in ids.values())
        session.add_all(_service_days(source, ids, now))
        session.add_all(_weekly_updates(source, ids, now))


def _service_days(source: DemoSource, ids: dict[str, int], now: datetime) -> list[schema.ServiceDayEntryRow]:
    return [
        schema.ServiceDayEntryRow(
            account_id=ids[entry.account_remote_id],
            day=entry.day,
            half_days=entry.half_days,
            kind=entry.kind.value,
            note=entry.note,
            created_at=now,
            updated_at=now,
        )
        for entry in source.service_days()
        if entry.account_remote_id in ids
    ]


def _weekly_updates(source: DemoSource, ids: dict[str, int], now: datetime) -> list[schema.WeeklyUpdateRow]:
    return [
        schema.WeeklyUpdateRow(
            account_id=ids[update.account_remote_id],
            iso_week=update.week,
            state=update.state.value,
            body=f"Weekly update {update.week} (sent from the demo workspace)."
            if update.state is WeeklyUpdateState.SENT
            else "",
            reason=update.reason,
            sent_at=update.sent_at,
            updated_at=update.sent_at or now,
        )
        for update in source.weekly_updates()
        if update.account_remote_id in ids
    ]


__all__ = ["sync_demo"]
