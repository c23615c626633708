"""Saved drafts, sent updates, the diff against last week, notes and the batch."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from advisor_app.domain import WeeklyUpdateState
from advisor_app.drafts import DraftError
from advisor_app.drafts.notes import NoteError, add_note, delete_note, edit_note, flag_note, notes_of
from advisor_app.drafts.saved import SavedDraft, diff_lines, last_sent_before, load_draft, mark_sent, save_draft
from advisor_app.drafts.service import accounts_owing_updates, draft_all_due, find_account, workspace_templates
from advisor_app.errors import AdvisorError
from advisor_app.obligations.terms import load_terms, set_contract_override
from advisor_app.store import schema
from advisor_app.workspace.desk import Desk
from tests.unit.drafts.history import NOW, WEEK, account_id


def save(engine: Engine, account: int, week: str, body: str, **extra: Any) -> SavedDraft:
    arguments: dict[str, Any] = {"highlights": "", "template": "weekly-update", "language": "en", "now": NOW}
    arguments.update(extra)
    return save_draft(engine, account, week, body=body, **arguments)


def test_a_draft_is_saved_then_marked_sent(engine: Engine) -> None:
    berlin = account_id(engine, "berlin")
    assert load_draft(engine, berlin, WEEK) is None
    saved = save(engine, berlin, WEEK, "# Generated\n", generated_body="# Generated\n", highlights="Go-live")
    assert saved.state is WeeklyUpdateState.DRAFTED and not saved.edited
    edited = save(engine, berlin, WEEK, "# Generated\n\nMy words\n", highlights="Go-live")
    assert edited.edited and edited.highlights == "Go-live"
    later = NOW + timedelta(hours=2)
    sent = mark_sent(engine, berlin, WEEK, later)
    assert sent.state is WeeklyUpdateState.SENT and sent.sent_at == later
    assert sent.body == "# Generated\n\nMy words\n"
    with pytest.raises(DraftError, match="can no longer change"):
        save(engine, berlin, WEEK, "changed")
    with pytest.raises(DraftError, match="only a drafted update"):
        mark_sent(engine, berlin, WEEK, later)


def test_a_skipped_week_is_not_drafted_over(engine: Engine) -> None:
    berlin = account_id(engine, "berlin")
    with Session(engine) as session, session.begin():
        session.add(
            schema.WeeklyUpdateRow(account_id=berlin, iso_week=WEEK, state="skipped", reason="holiday", updated_at=NOW)
        )
    with pytest.raises(DraftError, match="skipped"):
        save(engine, berlin, WEEK, "body")
    with pytest.raises(DraftError, match="only a drafted update"):
        mark_sent(engine, berlin, WEEK, NOW)


def test_bad_input_is_refused_with_the_field(engine: Engine) -> None:
    berlin = account_id(engine, "berlin")
    with pytest.raises(DraftError, match="language"):
        save(engine, berlin, WEEK, "x", language="fr")
    with pytest.raises(DraftError, match="no account"):
        save(engine, 999, WEEK, "x")
    with pytest.raises(AdvisorError, match="not an ISO week"):
        save(engine, berlin, "2026-48", "x")
    with pytest.raises(DraftError, match="not drafted"):
        mark_sent(engine, berlin, WEEK, NOW)


def test_diff_against_the_last_sent_update(engine: Engine) -> None:
    berlin = account_id(engine, "berlin")
    save(engine, berlin, "2026-W45", "# W45\nsame\nold line\n")
    mark_sent(engine, berlin, "2026-W45", NOW)
    save(engine, berlin, "2026-W46", "# W46 never sent\n")
    previous = last_sent_before(engine, berlin, WEEK)
    assert previous is not None and previous.week == "2026-W45"
    lines = diff_lines(previous.body, "# W47\nsame\nnew line\n", previous.week, WEEK)
    assert lines[:2] == ["--- 2026-W45", "+++ 2026-W47"]
    assert "-old line" in lines and "+new line" in lines and " same" in lines
    assert last_sent_before(engine, berlin, "2026-W45") is None


def test_notes_are_validated_and_flagged(engine: Engine) -> None:
    berlin, denver = account_id(engine, "berlin"), account_id(engine, "denver")
    with pytest.raises(NoteError, match="body: a note needs some text"):
        add_note(engine, berlin, "   ", NOW)
    with pytest.raises(NoteError, match="account: no account"):
        add_note(engine, 999, "text", NOW)
    with Session(engine) as session:
        denver_case = session.execute(select(schema.CaseRow.id).where(schema.CaseRow.account_id == denver)).scalar_one()
    with pytest.raises(NoteError, match="belongs to another account"):
        add_note(engine, berlin, "text", NOW, case_id=denver_case)
    note = add_note(engine, berlin, "  First  ", NOW)
    assert note.body == "First" and not note.flagged_for_update
    later = NOW + timedelta(minutes=5)
    assert flag_note(engine, note.id, True, later).flagged_for_update
    edited = edit_note(engine, note.id, "First, edited", later)
    assert edited.body == "First, edited" and edited.flagged_for_update and edited.updated_at == later
    assert [n.id for n in notes_of(engine, berlin)] == [note.id]
    delete_note(engine, note.id)
    assert notes_of(engine, berlin) == []
    with pytest.raises(NoteError, match="no note"):
        delete_note(engine, note.id)


def test_find_account(engine: Engine) -> None:
    berlin = account_id(engine, "berlin")
    assert find_account(engine, "acme gmbh") == berlin
    assert find_account(engine, str(berlin)) == berlin
    assert find_account(engine, "Quiet") == account_id(engine, "quiet")
    with pytest.raises(DraftError, match="matches several"):
        find_account(engine, "Acme")
    with pytest.raises(DraftError, match="no account 'Nobody'"):
        find_account(engine, "Nobody")


def test_an_account_no_longer_assigned_is_found_by_its_exact_name_or_id(engine: Engine) -> None:
    # Reassigned to another advisor: out of the active views, but its updates are kept and can be exported.
    quiet = account_id(engine, "quiet")
    with engine.begin() as connection:
        connection.execute(schema.accounts.update().where(schema.accounts.c.id == quiet).values(removed_at=NOW))
    assert find_account(engine, "quiet ag") == quiet
    assert find_account(engine, "quiet") == quiet  # its source id
    assert find_account(engine, str(quiet)) == quiet
    with pytest.raises(DraftError, match="no account 'Quie'"):
        find_account(engine, "Quie")  # a prefix picks among the active accounts only
    assert find_account(engine, "Acme GmbH") == account_id(engine, "berlin")


def test_draft_all_due_this_week(demo_desk: Desk) -> None:
    engine, now = demo_desk.engine, demo_desk.clock()
    templates = workspace_templates(demo_desk.workspace.root)
    owing = accounts_owing_updates(engine, now)
    assert owing, "the demo has Gold and Platinum accounts that owe updates"
    first, skipped = owing[0], owing[1]
    with Session(engine) as session, session.begin():
        session.add(
            schema.WeeklyUpdateRow(
                account_id=skipped[0], iso_week=skipped[2], state="skipped", reason="away", updated_at=now
            )
        )
    save(engine, first[0], first[2], "# Mine\n", now=now)
    items = draft_all_due(engine, templates, now)
    assert [item.account_id for item in items] == [a for a, _, _ in owing if a != skipped[0]]
    by_id = {item.account_id: item for item in items}
    assert not by_id[first[0]].created and by_id[first[0]].draft.body == "# Mine\n"
    created = [item for item in items if item.created]
    assert len(created) == len(owing) - 2
    assert all(
        item.draft.state is WeeklyUpdateState.DRAFTED and item.draft.body.startswith("# Weekly update")
        for item in created
    )
    again = draft_all_due(engine, templates, now)
    assert not any(item.created for item in again)


def test_accounts_owing_updates_follow_the_contract_terms(demo_desk: Desk) -> None:
    engine, now = demo_desk.engine, demo_desk.clock()
    owing = accounts_owing_updates(engine, now)
    excused = owing[0][0]
    set_contract_override(engine, excused, now=now, weekly_updates=False)
    assert excused not in {account for account, _, _ in accounts_owing_updates(engine, now)}
    with engine.connect() as connection:
        silver = next(t.account_id for t in load_terms(connection).values() if t.tier.id == "silver")
    set_contract_override(engine, silver, now=now, weekly_updates=True)
    assert silver in {account for account, _, _ in accounts_owing_updates(engine, now)}
