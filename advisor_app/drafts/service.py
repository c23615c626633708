"""Drafting as the app and the command line use it: compose from data through a template,
export in each format, and draft every update due this week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select

from advisor_app.domain import WeeklyUpdateState
from advisor_app.domain.model import require_aware
from advisor_app.drafts import DraftError
from advisor_app.drafts.composer import WeekFacts, compose_week
from advisor_app.drafts.context import template_context
from advisor_app.drafts.exports import build_eml, html_document, markdown_to_text
from advisor_app.drafts.saved import SavedDraft, load_draft, save_draft
from advisor_app.drafts.templates import DEFAULT_TEMPLATE, Templates
from advisor_app.obligations.terms import load_terms
from advisor_app.obligations.weekly_updates import iso_week, parse_week
from advisor_app.store import schema
from advisor_app.workspace.desk import Desk
from advisor_app.workspace.folder import Workspace

SUBJECTS = {"en": "Weekly update {account}, {week}", "de": "Wochenbericht {account}, {week}"}


@dataclass(frozen=True, slots=True)
class Composed:
    facts: WeekFacts
    markdown: str


def workspace_templates(root: Path) -> Templates:
    """The shipped templates, overridden by the workspace's `templates/` folder."""
    return Templates(Workspace(root).templates_dir)


def compose_draft(
    engine: Engine,
    templates: Templates,
    account_id: int,
    week: str,
    now: datetime,
    *,
    highlights: str = "",
    template: str = DEFAULT_TEMPLATE,
    language: str = "en",
) -> Composed:
    parse_week(week)
    with engine.connect() as connection:
        facts = compose_week(connection, account_id, week, now, highlights=highlights)
    return Composed(facts, templates.render_markdown(template, language, template_context(facts, language)))


def find_account(engine: Engine, name_or_id: str) -> int:
    """An account by its local id, its source id, or its name (case-insensitive; a unique prefix will do)."""
    a = schema.accounts.c
    text = name_or_id.strip()
    with engine.connect() as connection:
        live = select(a.id, a.name).where(a.removed_at.is_(None))
        if text.isdigit():
            found = connection.execute(live.where(a.id == int(text))).first()
            if found is not None:
                return int(found.id)
        by_remote = connection.execute(live.where(a.remote_id == text)).all()
        if len(by_remote) == 1:
            return int(by_remote[0].id)
        exact = connection.execute(live.where(func.lower(a.name) == text.lower())).all()
        if len(exact) == 1:
            return int(exact[0].id)
        prefix = connection.execute(live.where(func.lower(a.name).startswith(text.lower(), autoescape=True))).all()
    if len(prefix) == 1:
        return int(prefix[0].id)
    if len(prefix) > 1:
        names = ", ".join(sorted(row.name for row in prefix)[:5])
        raise DraftError(f"account {name_or_id!r} matches several: {names}")
    kept = _kept_account(engine, text)
    if kept is not None:
        return kept
    raise DraftError(f"no account {name_or_id!r} (give its name or id; `advisor-app status` lists them)")


def _kept_account(engine: Engine, text: str) -> int | None:
    """An account no longer assigned (or of a former source), named exactly: its updates are kept."""
    a = schema.accounts.c
    kept = select(a.id).where(a.removed_at.is_not(None))
    named = (a.remote_id == text) | (func.lower(a.name) == text.lower())
    if text.isdigit():
        named = named | (a.id == int(text))
    with engine.connect() as connection:
        found = connection.execute(kept.where(named)).all()
    return int(found[0].id) if len(found) == 1 else None


def account_header(engine: Engine, account_id: int) -> tuple[str, str]:
    """The account's name and time zone."""
    a = schema.accounts.c
    with engine.connect() as connection:
        row = connection.execute(select(a.name, a.timezone).where(a.id == account_id)).one_or_none()
    if row is None:
        raise DraftError(f"no account with id {account_id}")
    return row.name, row.timezone


def current_week(engine: Engine, account_id: int, now: datetime) -> str:
    """This week in the account's zone."""
    _, zone = account_header(engine, account_id)
    return iso_week(now.astimezone(ZoneInfo(zone)).date())


def authorized_recipients(engine: Engine, account_id: int) -> list[tuple[str, str]]:
    c = schema.contacts.c
    with engine.connect() as connection:
        rows = connection.execute(
            select(c.name, c.email)
            .where(c.account_id == account_id, c.authorized, c.removed_at.is_(None), c.email != "")
            .order_by(func.lower(c.name))
        )
        return [(name, email) for name, email in rows]


def subject_line(account_name: str, week: str, language: str) -> str:
    return SUBJECTS.get(language, SUBJECTS["en"]).format(account=account_name, week=week)


@dataclass(frozen=True, slots=True)
class Export:
    """A draft in every format that needs no Qt (PDF is made from `html` in `gui/pdf_export.py`)."""

    subject: str
    markdown: str
    html: str
    text: str
    recipients: tuple[tuple[str, str], ...]

    def eml(self, now: datetime) -> bytes:
        return build_eml(subject=self.subject, recipients=self.recipients, text=self.text, html=self.html, now=now)


def make_export(
    engine: Engine, templates: Templates, account_id: int, week: str, markdown: str, language: str
) -> Export:
    name, _ = account_header(engine, account_id)
    subject = subject_line(name, week, language)
    html = html_document(markdown, subject, language, templates)
    return Export(subject, markdown, html, markdown_to_text(markdown), tuple(authorized_recipients(engine, account_id)))


def draft_or_compose(
    engine: Engine, templates: Templates, account_id: int, week: str, now: datetime, language: str | None = None
) -> tuple[str, str]:
    """The stored draft's Markdown and language when the week has one, else a fresh composition."""
    saved = load_draft(engine, account_id, week)
    if saved is not None and saved.body.strip() and (language is None or language == saved.language):
        return saved.body, saved.language or "en"
    language = language or "en"
    return compose_draft(engine, templates, account_id, week, now, language=language).markdown, language


def first_account_export(desk: Desk) -> Export:
    """This week's update of the first account, composed from the data (the self-test's drafts)."""
    with desk.engine.connect() as connection:
        account_id = connection.scalar(select(schema.AccountRow.id).order_by(schema.AccountRow.id).limit(1))
    if account_id is None:
        raise LookupError("the workspace has no account to draft an update for")
    now = desk.clock()
    week = current_week(desk.engine, account_id, now)
    templates = workspace_templates(desk.workspace.root)
    markdown, language = draft_or_compose(desk.engine, templates, account_id, week, now, "en")
    return make_export(desk.engine, templates, account_id, week, markdown, language)


@dataclass(frozen=True, slots=True)
class BatchItem:
    account_id: int
    account_name: str
    week: str
    created: bool  # False: the week already had a draft
    draft: SavedDraft


def accounts_owing_updates(engine: Engine, now: datetime) -> list[tuple[int, str, str]]:
    """(id, name, week) of every account that owes this week's update (by its contract terms,
    the rule the obligations use) and has neither sent nor skipped it; the week is this week
    in each account's zone."""
    require_aware(now, "now")
    w = schema.weekly_updates.c
    owing = []
    with engine.connect() as connection:
        terms = load_terms(connection)
        states = {
            (account_id, week): state
            for account_id, week, state in connection.execute(select(w.account_id, w.iso_week, w.state))
        }
    for account_id, account in sorted(terms.items(), key=lambda item: item[1].account_name.lower()):
        if not account.weekly_updates:
            continue
        week = iso_week(account.local_today(now))
        if states.get((account_id, week)) in (WeeklyUpdateState.SENT.value, WeeklyUpdateState.SKIPPED.value):
            continue
        owing.append((account_id, account.account_name, week))
    return owing


def draft_all_due(
    engine: Engine, templates: Templates, now: datetime, *, template: str = DEFAULT_TEMPLATE, language: str = "en"
) -> list[BatchItem]:
    """Draft this week's update for every account owing one; weeks already drafted are kept as
    they are (the advisor's edits stay) and listed too."""
    items = []
    for account_id, name, week in accounts_owing_updates(engine, now):
        saved = load_draft(engine, account_id, week)
        if saved is not None:
            items.append(BatchItem(account_id, name, week, False, saved))
            continue
        composed = compose_draft(engine, templates, account_id, week, now, template=template, language=language)
        saved = save_draft(
            engine,
            account_id,
            week,
            body=composed.markdown,
            highlights="",
            template=template,
            language=language,
            now=now,
            generated_body=composed.markdown,
        )
        items.append(BatchItem(account_id, name, week, True, saved))
    return items
