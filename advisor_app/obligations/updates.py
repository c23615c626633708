"""Weekly updates per account: the history since updates are owed, skipping, and what is due.

Updates are owed from the week the workspace started tracking the account (its first sync,
or the week the advisor set: `ContractTerms.updates_owed_from`). A week without a
`weekly_updates` row is due (overdue after its due time); the drafts feature writes
drafted/sent rows, this module skips and unskips.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import WeeklyUpdateState
from advisor_app.errors import WeeklyUpdateError
from advisor_app.obligations.journal import Edit
from advisor_app.obligations.terms import ContractTerms, load_terms, terms_of
from advisor_app.obligations.weekly_updates import WeekStatus, due_at, iso_week, parse_week, week_monday, week_status
from advisor_app.store import schema

MAX_REASON_CHARS = 500


@dataclass(frozen=True, slots=True)
class WeekEntry:
    iso_week: str
    monday: date
    due_at: datetime
    """UTC; show it in the account's zone."""
    status: WeekStatus
    reason: str
    sent_at: datetime | None
    has_draft: bool


def account_due_at(terms: ContractTerms, week: str) -> datetime:
    return due_at(week, terms.timezone, terms.due_weekday, terms.due_time)


def _stored(
    connection: Connection, account_id: int, weeks: list[str]
) -> dict[str, tuple[str, str, str, datetime | None]]:
    w = schema.weekly_updates.c
    rows = connection.execute(
        select(w.iso_week, w.state, w.reason, w.body, w.sent_at).where(
            w.account_id == account_id, w.iso_week.in_(weeks)
        )
    )
    return {week: (state, reason, body, sent_at) for week, state, reason, body, sent_at in rows}


def _entry(
    terms: ContractTerms, week: str, stored: tuple[str, str, str, datetime | None] | None, now: datetime
) -> WeekEntry:
    due = account_due_at(terms, week)
    state = None if stored is None else WeeklyUpdateState(stored[0])
    return WeekEntry(
        iso_week=week,
        monday=week_monday(week),
        due_at=due,
        status=week_status(state, due, now, owed=terms.weekly_updates),
        reason="" if stored is None else stored[1],
        sent_at=None if stored is None else stored[3],
        has_draft=stored is not None and bool(stored[2]),
    )


def weeks_between(first: date, last: date) -> list[str]:
    """ISO weeks from the one containing `first` to the one containing `last`, oldest first."""
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(iso_week(monday))
        monday += timedelta(days=7)
    return weeks


def owed_weeks(terms: ContractTerms, now: datetime) -> list[str]:
    """Every week an update is owed for so far, oldest first (this week included)."""
    return weeks_between(terms.updates_owed_from(now), terms.local_today(now))


def week_history(connection: Connection, account_id: int, now: datetime) -> list[WeekEntry]:
    """Every week an update is owed for so far, newest first."""
    terms = terms_of(connection, account_id)
    weeks = owed_weeks(terms, now)
    stored = _stored(connection, account_id, weeks)
    return [_entry(terms, week, stored.get(week), now) for week in reversed(weeks)]


def week_entry(connection: Connection, account_id: int, week: str, now: datetime) -> WeekEntry:
    parse_week(week)
    terms = terms_of(connection, account_id)
    return _entry(terms, week, _stored(connection, account_id, [week]).get(week), now)


@dataclass(frozen=True, slots=True)
class UpdateAttention:
    account_id: int
    account_name: str
    timezone: str
    week: WeekEntry


def updates_needing_attention(connection: Connection, now: datetime) -> list[UpdateAttention]:
    """Across accounts that owe weekly updates: every overdue week since updates are owed (past
    weeks included), and this week's update when not yet sent or skipped; overdue first, oldest
    first, then by due time."""
    terms = {account_id: t for account_id, t in load_terms(connection).items() if t.weekly_updates}
    result = []
    for account_id, account in terms.items():
        weeks = owed_weeks(account, now)
        stored = _stored(connection, account_id, weeks)
        for week in weeks:
            entry = _entry(account, week, stored.get(week), now)
            if entry.status in (WeekStatus.OVERDUE, WeekStatus.DUE, WeekStatus.DRAFTED):
                result.append(UpdateAttention(account_id, account.account_name, account.timezone, entry))
    return sorted(
        result, key=lambda item: (item.week.status is not WeekStatus.OVERDUE, item.week.due_at, item.account_name)
    )


def skip_week(engine: Engine, account_id: int, week: str, reason: str, *, now: datetime) -> None:
    """Mark the week's update as not needed; a reason is required. A sent update cannot be skipped."""
    parse_week(week)
    reason = reason.strip()
    if not reason:
        raise WeeklyUpdateError(f"skip {week}: a reason is required")
    if len(reason) > MAX_REASON_CHARS:
        raise WeeklyUpdateError(f"skip {week}: the reason is longer than {MAX_REASON_CHARS} characters")
    with Session(engine) as session, session.begin():
        terms_of(session.connection(), account_id)
        row = session.execute(
            select(schema.WeeklyUpdateRow).where(
                schema.WeeklyUpdateRow.account_id == account_id, schema.WeeklyUpdateRow.iso_week == week
            )
        ).scalar_one_or_none()
        if row is not None and row.state == WeeklyUpdateState.SENT:
            raise WeeklyUpdateError(f"skip {week}: the update was already sent")
        edit = Edit(session, account_id, f"Skip the update of {week}", now)
        if row is None:
            row = schema.WeeklyUpdateRow(
                account_id=account_id, iso_week=week, state=WeeklyUpdateState.SKIPPED.value, body="", reason=reason
            )
            row.updated_at = now
            session.add(row)
            session.flush()
            edit.track(schema.weekly_updates, {"id": row.id}, new=True)
        else:
            edit.track(schema.weekly_updates, {"id": row.id})
            row.state, row.reason, row.updated_at = WeeklyUpdateState.SKIPPED.value, reason, now
        edit.finish()


def unskip_week(engine: Engine, account_id: int, week: str, *, now: datetime) -> None:
    """Take a skip back: the week is drafted again when it has a draft, else due."""
    parse_week(week)
    with Session(engine) as session, session.begin():
        row = session.execute(
            select(schema.WeeklyUpdateRow).where(
                schema.WeeklyUpdateRow.account_id == account_id, schema.WeeklyUpdateRow.iso_week == week
            )
        ).scalar_one_or_none()
        if row is None or row.state != WeeklyUpdateState.SKIPPED:
            raise WeeklyUpdateError(f"unskip {week}: the week is not skipped")
        edit = Edit(session, account_id, f"Unskip the update of {week}", now)
        edit.track(schema.weekly_updates, {"id": row.id})
        if row.body:
            row.state, row.reason, row.updated_at = WeeklyUpdateState.DRAFTED.value, "", now
        else:
            session.delete(row)
        edit.finish()
