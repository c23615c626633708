"""Exports escape what they embed (issue 14, item 7): names and subjects from the source stay
text in Markdown, HTML and .eml; CR/LF in a name neither crashes nor injects a header; CSV
cells that a spreadsheet would run as formulas are neutralized (OWASP)."""

from __future__ import annotations

import csv
import email
import io
from datetime import timedelta
from email.policy import default

import pytest
from sqlalchemy import select, update

from advisor_app.drafts.exports import build_eml
from advisor_app.drafts.service import compose_draft, current_week, find_account, make_export, workspace_templates
from advisor_app.obligations.ledger import book_service_day, contract_years_booked, ledger_csv
from advisor_app.store import schema
from advisor_app.text.spreadsheet import neutralize_cell
from advisor_app.workspace.desk import Desk

HOSTILE_NAME = "Evil ![x](https://tracker.example/p.png) [call now](https://evil.example) `rm -rf` *big* <b>x</b> | a"
HOSTILE_SUBJECT = "# Heading? ![pixel](https://tracker.example/s.png) [click](javascript:alert(1)) ~~gone~~"
HOSTILE_CONTACT = "Ann\r\nBcc: victim@evil.example\r\nX-Injected: 1"


@pytest.fixture
def hostile_account(demo_desk: Desk) -> int:
    account = find_account(demo_desk.engine, "Lumen Retail")
    now = demo_desk.clock()
    with demo_desk.engine.begin() as connection:
        connection.execute(update(schema.accounts).where(schema.accounts.c.id == account).values(name=HOSTILE_NAME))
        contact = connection.execute(
            select(schema.contacts.c.id).where(
                schema.contacts.c.account_id == account, schema.contacts.c.authorized, schema.contacts.c.email != ""
            )
        ).first()
        assert contact is not None
        connection.execute(
            update(schema.contacts).where(schema.contacts.c.id == contact.id).values(name=HOSTILE_CONTACT)
        )
        # Every case opened this week of the account gets the hostile subject.
        connection.execute(
            update(schema.cases)
            .where(schema.cases.c.account_id == account, schema.cases.c.created_at >= now - timedelta(days=7))
            .values(subject=HOSTILE_SUBJECT)
        )
    return account


def test_markdown_html_and_eml_show_names_as_text(demo_desk: Desk, hostile_account: int) -> None:
    engine, now = demo_desk.engine, demo_desk.clock()
    templates = workspace_templates(demo_desk.workspace.root)
    week = current_week(engine, hostile_account, now)
    markdown = compose_draft(engine, templates, hostile_account, week, now).markdown
    export = make_export(engine, templates, hostile_account, week, markdown, "en")
    message = email.message_from_bytes(export.eml(now), policy=default)
    html_part = message.get_body(("html",))
    assert html_part is not None
    for html in (export.html, html_part.get_content()):
        assert "<img" not in html and "evil.example" not in html.replace("[call now](https://evil.example)", "")
        assert '<a href="https://evil.example"' not in html
        assert "<code>rm -rf</code>" not in html and "<em>big</em>" not in html and "<del>gone</del>" not in html
        assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
        assert "javascript:" not in html.replace("[click](javascript:alert(1))", "")
        assert "<h1>Weekly update: Evil ![x](https://tracker.example/p.png)" in html  # shown, literally
    # The heading is one line, and the subject did not become a heading or a list.
    assert markdown.splitlines()[0].startswith("# Weekly update: Evil !\\[x\\]")
    assert "\n# Heading?" not in markdown
    assert "*big*" in export.text and "`rm -rf`" in export.text  # the text export shows the name as written


def test_cr_lf_in_names_neither_crashes_nor_injects_headers(demo_desk: Desk, hostile_account: int) -> None:
    engine, now = demo_desk.engine, demo_desk.clock()
    templates = workspace_templates(demo_desk.workspace.root)
    week = current_week(engine, hostile_account, now)
    export = make_export(engine, templates, hostile_account, week, "# x\n", "en")
    data = export.eml(now)
    message = email.message_from_bytes(data, policy=default)
    assert message["Bcc"] is None and message["X-Injected"] is None
    names = [address.display_name for address in message["To"].addresses]
    assert "Ann Bcc: victim@evil.example X-Injected: 1" in names
    assert all(line.startswith((b" ", b"\t")) or b":" in line for line in data.split(b"\r\n\r\n")[0].split(b"\r\n"))


def test_a_subject_with_line_breaks_and_controls_is_one_header_line(demo_desk: Desk) -> None:
    data = build_eml(
        subject="Update\r\nBcc: x@evil.example\x00\x1b[31m",
        recipients=[('Jürgen \n Groß, "Dr" <x@y>', "juergen@acme.example"), ("Chloe", "chloe.müller@lumen.example")],
        text="t",
        html="<p>t</p>",
        now=demo_desk.clock(),
    )
    message = email.message_from_string(data.decode("utf-8"), policy=default)
    assert message["Subject"] == "Update Bcc: x@evil.example[31m"
    assert message["Bcc"] is None
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ('Jürgen Groß, "Dr" <x@y>', "juergen@acme.example"),
        ("Chloe", "chloe.müller@lumen.example"),
    ]


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ('=HYPERLINK("https://evil.example","click")', '\'=HYPERLINK("https://evil.example","click")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-0.5", "-0.5"),
        ("plain = text", "plain = text"),
    ],
)
def test_csv_cells_are_neutralized(cell: str, written: str) -> None:
    assert neutralize_cell(cell) == written


def test_the_ledger_csv_neutralizes_notes_and_case_ids(demo_desk: Desk) -> None:
    engine, now = demo_desk.engine, demo_desk.clock()
    account = find_account(engine, "Lumen Retail")
    with engine.begin() as connection:
        case = connection.execute(select(schema.cases.c.id).where(schema.cases.c.account_id == account)).first()
        assert case is not None
        connection.execute(update(schema.cases).where(schema.cases.c.id == case.id).values(remote_id="@SUM(A1:A9)"))
    notes = ['=HYPERLINK("https://evil.example","x")', "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1", "\t=1"]
    for offset, note in enumerate(notes):
        book_service_day(
            engine,
            account,
            (now - timedelta(days=offset + 1)).date(),
            1,
            "onsite",
            note,
            [case.id],
            now=now,
            confirm_over_allotment=True,
        )
    with engine.connect() as connection:
        year = contract_years_booked(connection, account, now)[0]
        rows = list(csv.reader(io.StringIO(ledger_csv(connection, account, year))))
    written = {row[3]: row[4] for row in rows[1:]}
    for note in notes:
        assert written["'" + note] == "'@SUM(A1:A9)"
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for row in rows for cell in row)
    assert all(not cell.startswith("-") or cell.lstrip("-").replace(".", "").isdigit() for row in rows for cell in row)
