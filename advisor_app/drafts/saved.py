"""A week's draft in the store: the Markdown in `weekly_updates.body` (state `drafted`, then
`sent` with `sent_at`), and what it was made from in `update_drafts`.

The obligations code owns skipping and the due/overdue judgement; this module writes only
`drafted` and `sent`. Local-owned: through the ORM, one transaction per edit.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import WeeklyUpdateState
from advisor_app.domain.model import require_aware
from advisor_app.drafts import DraftError
from advisor_app.drafts.context import check_language
from advisor_app.obligations.weekly_updates import parse_week
from advisor_app.store import schema

MAX_BODY_LENGTH = 500_000


@dataclass(frozen=True, slots=True)
class SavedDraft:
    account_id: int
    week: str
    state: WeeklyUpdateState
    body: str
    highlights: str
    template: str
    language: str
    generated_body: str
    sent_at: datetime | None
    updated_at: datetime

    @property
    def edited(self) -> bool:
        """The advisor changed the Markdown since it was last generated."""
        return self.body != self.generated_body

    @property
    def sent(self) -> bool:
        return self.state is WeeklyUpdateState.SENT


def _rows(
    session: Session, account_id: int, week: str
) -> tuple[schema.WeeklyUpdateRow | None, schema.UpdateDraftRow | None]:
    update = session.scalars(
        select(schema.WeeklyUpdateRow).where(
            schema.WeeklyUpdateRow.account_id == account_id, schema.WeeklyUpdateRow.iso_week == week
        )
    ).one_or_none()
    inputs = session.scalars(
        select(schema.UpdateDraftRow).where(
            schema.UpdateDraftRow.account_id == account_id, schema.UpdateDraftRow.iso_week == week
        )
    ).one_or_none()
    return update, inputs


def load_draft(engine: Engine, account_id: int, week: str) -> SavedDraft | None:
    """The week's draft, or None when nothing was drafted (a skipped week without a body is None too)."""
    parse_week(week)
    with Session(engine) as session:
        update, inputs = _rows(session, account_id, week)
        if update is None or (update.state == WeeklyUpdateState.SKIPPED and not update.body):
            return None
        return SavedDraft(
            account_id,
            week,
            WeeklyUpdateState(update.state),
            update.body,
            "" if inputs is None else inputs.highlights,
            "" if inputs is None else inputs.template,
            "" if inputs is None else inputs.language,
            update.body if inputs is None else inputs.generated_body,
            update.sent_at,
            update.updated_at,
        )


def save_draft(
    engine: Engine,
    account_id: int,
    week: str,
    *,
    body: str,
    highlights: str,
    template: str,
    language: str,
    now: datetime,
    generated_body: str | None = None,
) -> SavedDraft:
    """Write the draft (state `drafted`). `generated_body` is given when the body was just
    generated from data; otherwise the one stored before is kept. A sent or skipped week
    is refused: its update is final."""
    require_aware(now, "now")
    parse_week(week)
    check_language(language)
    if len(body) > MAX_BODY_LENGTH:
        raise DraftError(f"body: {len(body)} characters is more than {MAX_BODY_LENGTH}")
    if not template.strip():
        raise DraftError("template: a draft names the template it was made from")
    with Session(engine) as session, session.begin():
        if session.get(schema.AccountRow, account_id) is None:
            raise DraftError(f"account: no account with id {account_id}")
        update, inputs = _rows(session, account_id, week)
        if update is not None and update.state == WeeklyUpdateState.SENT:
            raise DraftError(f"{week}: the update was sent on {update.sent_at:%Y-%m-%d}; it can no longer change")
        if update is not None and update.state == WeeklyUpdateState.SKIPPED:
            raise DraftError(f"{week}: the update is skipped; take the skip back before drafting")
        if update is None:
            update = schema.WeeklyUpdateRow(account_id=account_id, iso_week=week, reason="")
            session.add(update)
        update.state, update.body, update.updated_at = WeeklyUpdateState.DRAFTED.value, body, now
        if inputs is None:
            inputs = schema.UpdateDraftRow(account_id=account_id, iso_week=week, generated_body=body)
            session.add(inputs)
        inputs.highlights, inputs.template, inputs.language, inputs.updated_at = highlights, template, language, now
        if generated_body is not None:
            inputs.generated_body = generated_body
    saved = load_draft(engine, account_id, week)
    assert saved is not None
    return saved


def mark_sent(engine: Engine, account_id: int, week: str, now: datetime) -> SavedDraft:
    """The week's update was sent now: state `sent`, `sent_at` now. Needs a drafted body."""
    require_aware(now, "now")
    parse_week(week)
    with Session(engine) as session, session.begin():
        update, _ = _rows(session, account_id, week)
        if update is None or update.state != WeeklyUpdateState.DRAFTED:
            state = "not drafted" if update is None else update.state
            raise DraftError(f"{week}: only a drafted update can be marked as sent (it is {state})")
        if not update.body.strip():
            raise DraftError(f"{week}: the draft is empty")
        update.state, update.sent_at, update.updated_at = WeeklyUpdateState.SENT.value, now, now
    saved = load_draft(engine, account_id, week)
    assert saved is not None
    return saved


def last_sent_before(engine: Engine, account_id: int, week: str) -> SavedDraft | None:
    """The most recent update sent for a week before `week` (ISO week strings sort in time order)."""
    parse_week(week)
    w = schema.weekly_updates.c
    with engine.connect() as connection:
        previous = connection.execute(
            select(w.iso_week)
            .where(w.account_id == account_id, w.iso_week < week, w.state == WeeklyUpdateState.SENT.value)
            .order_by(w.iso_week.desc())
            .limit(1)
        ).scalar()
    return None if previous is None else load_draft(engine, account_id, previous)


def diff_lines(old: str, new: str, old_label: str, new_label: str) -> list[str]:
    """A unified diff, line by line (without line ends)."""
    return list(
        difflib.unified_diff(old.splitlines(), new.splitlines(), fromfile=old_label, tofile=new_label, lineterm="")
    )
