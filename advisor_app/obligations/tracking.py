"""Since when the workspace tracks each account: its first sync, and the week from which the
advisor owes weekly updates (`ContractTerms.updates_owed_from` reads both)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from advisor_app.errors import WeeklyUpdateError
from advisor_app.obligations.journal import Edit
from advisor_app.obligations.terms import terms_of
from advisor_app.obligations.weekly_updates import iso_week, parse_week, week_monday
from advisor_app.store import schema


def record_first_sync(engine: Engine, now: datetime) -> int:
    """Note `now` as the first sync of every account that has no tracking row yet; returns how
    many. Runs after each sync (a cancelled one included: its accounts are stored)."""
    a, t = schema.accounts.c, schema.account_tracking.c
    untracked = select(a.id).where(a.id.not_in(select(t.account_id)))
    with engine.begin() as connection:
        ids = [row[0] for row in connection.execute(untracked)]
        if ids:
            connection.execute(
                insert(schema.account_tracking),
                [{"account_id": i, "first_synced_at": now, "updates_from_week": None, "updated_at": now} for i in ids],
            )
    return len(ids)


def set_updates_start(engine: Engine, account_id: int, week: str | None, *, now: datetime) -> None:
    """Owe weekly updates from `week` (None: from the week of the first sync again). One
    undoable edit. A week after the current one is refused."""
    if week is not None:
        parse_week(week)
        week = week.strip()
    with Session(engine) as session, session.begin():
        terms = terms_of(session.connection(), account_id)
        this_week = iso_week(terms.local_today(now))
        if week is not None and week_monday(week) > week_monday(this_week):
            raise WeeklyUpdateError(f"start week {week}: it is after this week ({this_week})")
        edit = Edit(session, account_id, "Change the week weekly updates start", now)
        edit.track(schema.account_tracking, {"account_id": account_id})
        row = session.get(schema.AccountTrackingRow, account_id)
        if row is None:
            session.add(
                schema.AccountTrackingRow(
                    account_id=account_id, first_synced_at=now, updates_from_week=week, updated_at=now
                )
            )
        else:
            row.updates_from_week, row.updated_at = week, now
        edit.finish()
