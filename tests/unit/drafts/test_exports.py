"""Exports: the .eml parsed back, plain text, HTML."""

from __future__ import annotations

import email
from email.policy import default

from sqlalchemy import Engine

from advisor_app.drafts.exports import build_eml, markdown_to_text
from advisor_app.drafts.service import compose_draft, make_export
from advisor_app.drafts.templates import Templates
from tests.unit.drafts.history import NOW, WEEK, account_id


def test_eml_is_an_unsent_draft_to_the_authorized_contacts(engine: Engine) -> None:
    berlin = account_id(engine, "berlin")
    templates = Templates()
    markdown = compose_draft(engine, templates, berlin, WEEK, NOW, highlights="Größte Änderung: SSO").markdown
    data = make_export(engine, templates, berlin, WEEK, markdown, "en").eml(NOW)
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    message = email.message_from_bytes(data, policy=default)
    assert message["X-Unsent"] == "1"
    assert message["Subject"] == "Weekly update Acme GmbH, 2026-W47"
    recipients = sorted((a.display_name, a.addr_spec) for a in message["To"].addresses)
    assert recipients == [("Bea Smith, PhD", "bea@acme.example"), ("Jürgen Groß", "juergen@acme.example")]
    assert message.get_content_type() == "multipart/alternative"
    text_part, html_part = message.iter_parts()
    assert text_part.get_content_type() == "text/plain"
    assert html_part.get_content_type() == "text/html"
    text = text_part.get_content().replace("\r\n", "\n")
    html = html_part.get_content()
    assert "Größte Änderung: SSO" in text and "Größte Änderung: SSO" in html
    assert "Weekly update: Acme GmbH, 2026-W47\n=====" in text
    assert "<h1>Weekly update: Acme GmbH, 2026-W47</h1>" in html
    assert message["Date"].datetime == NOW


def test_eml_with_non_ascii_addresses_uses_utf8_headers() -> None:
    data = build_eml(
        subject="Wochenbericht Müller",
        recipients=[("Chloe Müller", "chloe.müller@lumen.example"), ("Ann", "ann@lumen.example")],
        text="Hallo",
        html="<p>Hallo</p>",
        now=NOW,
    )
    message = email.message_from_string(data.decode("utf-8"), policy=default)
    assert [a.addr_spec for a in message["To"].addresses] == ["chloe.müller@lumen.example", "ann@lumen.example"]
    assert message["Subject"] == "Wochenbericht Müller"
    assert message["X-Unsent"] == "1"


def _to_line(data: bytes) -> bytes:
    head = data.split(b"\r\n\r\n", 1)[0]
    return next(line for line in head.replace(b"\r\n ", b" ").split(b"\r\n") if line.startswith(b"To: "))


def test_eml_names_are_rfc2047_encoded_words_in_both_kinds_of_to_header() -> None:
    for people in (
        [("Jürgen Groß", "juergen@acme.example"), ("Ann", "ann@acme.example")],
        [("Jürgen Groß", "jürgen@acme.example"), ("Ann", "ann@acme.example")],
    ):
        data = build_eml(subject="Update", recipients=people, text="Hallo", html="<p>Hallo</p>", now=NOW)
        to = _to_line(data)
        assert "Jürgen Groß".encode() not in to, "the name is not raw UTF-8"
        assert b"=?utf-8?" in to and b"Ann <ann@acme.example>" in to
        message = email.message_from_string(data.decode("utf-8"), policy=default)
        assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == people


def test_plain_text_reads_like_a_letter() -> None:
    markdown = (
        "# Title\n\nSome *emphasis* and a [link](https://example.com).\n\n## Cases\n\n"
        "| Severity | Opened |\n|---|---:|\n| Severity 1 | 3 |\n| **Total** | **12** |\n\n"
        "- first\n- second\n  continued\n\n1. one\n2. two\n"
    )
    text = markdown_to_text(markdown)
    assert text.startswith("Title\n=====\n\nSome emphasis and a link <https://example.com>.\n\nCases\n-----\n")
    assert "Severity    Opened\n----------  ------\nSeverity 1       3\nTotal           12" in text
    assert "- first\n- second continued" in text
    assert "1. one\n2. two" in text
    assert "*" not in text and "|" not in text
