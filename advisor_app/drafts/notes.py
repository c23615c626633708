"""Notes an advisor keeps per account (optionally about one case); flagged ones go into the
weekly update. Local-owned: written through the ORM, one transaction per edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain.model import require_aware
from advisor_app.drafts import DraftError
from advisor_app.store import schema

MAX_NOTE_LENGTH = 20_000


class NoteError(DraftError):
    """A note that cannot be written as given; the message names the field."""


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    account_id: int
    case_id: int | None
    body: str
    flagged_for_update: bool
    created_at: datetime
    updated_at: datetime


def _note(row: schema.NoteRow) -> Note:
    return Note(row.id, row.account_id, row.case_id, row.body, row.flagged_for_update, row.created_at, row.updated_at)


def _clean_body(body: str) -> str:
    if not isinstance(body, str):
        raise NoteError(f"body: {body!r} is not text")
    text = body.strip()
    if not text:
        raise NoteError("body: a note needs some text")
    if len(text) > MAX_NOTE_LENGTH:
        raise NoteError(f"body: {len(text)} characters is more than {MAX_NOTE_LENGTH}")
    return text


def _check_case(session: Session, account_id: int, case_id: int | None) -> None:
    if case_id is None:
        return
    owner = session.execute(select(schema.CaseRow.account_id).where(schema.CaseRow.id == case_id)).scalar()
    if owner is None:
        raise NoteError(f"case: no case with id {case_id}")
    if owner != account_id:
        raise NoteError(f"case: case {case_id} belongs to another account")


def _row(session: Session, note_id: int) -> schema.NoteRow:
    row = session.get(schema.NoteRow, note_id)
    if row is None:
        raise NoteError(f"note: no note with id {note_id}")
    return row


def add_note(
    engine: Engine,
    account_id: int,
    body: str,
    now: datetime,
    *,
    case_id: int | None = None,
    flagged: bool = False,
) -> Note:
    require_aware(now, "now")
    text = _clean_body(body)
    with Session(engine) as session, session.begin():
        if session.get(schema.AccountRow, account_id) is None:
            raise NoteError(f"account: no account with id {account_id}")
        _check_case(session, account_id, case_id)
        row = schema.NoteRow(
            account_id=account_id,
            case_id=case_id,
            body=text,
            flagged_for_update=bool(flagged),
            created_at=now,
            updated_at=now,
        )
        session.add(row)
        session.flush()
        return _note(row)


def edit_note(engine: Engine, note_id: int, body: str, now: datetime, *, case_id: int | None = None) -> Note:
    require_aware(now, "now")
    text = _clean_body(body)
    with Session(engine) as session, session.begin():
        row = _row(session, note_id)
        _check_case(session, row.account_id, case_id)
        row.body, row.case_id, row.updated_at = text, case_id, now
        session.flush()
        return _note(row)


def flag_note(engine: Engine, note_id: int, flagged: bool, now: datetime) -> Note:
    require_aware(now, "now")
    with Session(engine) as session, session.begin():
        row = _row(session, note_id)
        row.flagged_for_update, row.updated_at = bool(flagged), now
        session.flush()
        return _note(row)


def delete_note(engine: Engine, note_id: int) -> None:
    with Session(engine) as session, session.begin():
        session.delete(_row(session, note_id))


def notes_of(engine: Engine, account_id: int) -> list[Note]:
    """The account's notes, newest first."""
    with Session(engine) as session:
        rows = session.scalars(
            select(schema.NoteRow)
            .where(schema.NoteRow.account_id == account_id)
            .order_by(schema.NoteRow.created_at.desc(), schema.NoteRow.id.desc())
        )
        return [_note(row) for row in rows]


def note_account(engine: Engine, note_id: int) -> int | None:
    """The account a note belongs to, or None when the note is gone."""
    with engine.connect() as connection:
        return connection.execute(
            select(schema.NoteRow.account_id).where(schema.NoteRow.id == note_id)
        ).scalar_one_or_none()
