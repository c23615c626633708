"""Templates: a sandbox that gives a template only its data, errors with line numbers,
workspace templates over the shipped ones, autoescaped HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from advisor_app.drafts.exports import html_document, markdown_to_html
from advisor_app.drafts.service import compose_draft, workspace_templates
from advisor_app.drafts.templates import DEFAULT_TEMPLATE, TemplateProblem, Templates, md_escape
from tests.unit.drafts.history import NOW, WEEK, account_id

CONTEXT = {"account": {"name": "Acme"}, "items": ["a", "b"], "week": WEEK}


def user_templates(tmp_path: Path, text: str, name: str = "probe") -> Templates:
    folder = tmp_path / "templates"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.en.md.j2").write_text(text, encoding="utf-8")
    return Templates(folder)


@pytest.mark.parametrize(
    "expression",
    [
        "account.__class__",
        "account.items.__globals__",
        "items.__class__.__mro__",
        "''.__class__.__subclasses__()",
        "week.format.__globals__",
        "account.update({'name': 'x'})",
        "items.append('c')",
    ],
)
def test_a_template_cannot_reach_beyond_its_data(tmp_path: Path, expression: str) -> None:
    templates = user_templates(tmp_path, "# Update\n\n{{ " + expression + " }}\n")
    with pytest.raises(TemplateProblem) as caught:
        templates.render_markdown("probe", "en", CONTEXT)
    assert caught.value.line == 3
    assert "probe.en.md.j2, line 3" in str(caught.value)
    assert CONTEXT == {"account": {"name": "Acme"}, "items": ["a", "b"], "week": WEEK}


def test_the_context_holds_only_plain_data(engine: Engine) -> None:
    from advisor_app.drafts.composer import compose_week
    from advisor_app.drafts.context import template_context

    with engine.connect() as connection:
        facts = compose_week(connection, account_id(engine, "berlin"), WEEK, NOW)

    def plain(value: object) -> bool:
        if isinstance(value, dict):
            return all(isinstance(k, str) and plain(v) for k, v in value.items())
        if isinstance(value, list):
            return all(plain(v) for v in value)
        return value is None or isinstance(value, str | int | float | bool)

    assert plain(template_context(facts, "en"))


def test_a_syntax_error_names_its_line(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, "line one\nline two\n{% for x in items %}\n{{ x }}\n")
    with pytest.raises(TemplateProblem) as caught:
        templates.render_markdown("probe", "en", CONTEXT)
    assert caught.value.line == 4 or caught.value.line == 5
    assert "probe.en.md.j2, line" in str(caught.value)


def test_an_undefined_name_names_its_line(tmp_path: Path) -> None:
    templates = user_templates(tmp_path, "# {{ account.name }}\n\n{{ acount.name }}\n")
    with pytest.raises(TemplateProblem, match=r"line 3: 'acount' is undefined"):
        templates.render_markdown("probe", "en", CONTEXT)


def test_a_missing_template_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(TemplateProblem, match="no such template"):
        Templates(tmp_path / "nothing-here").render_markdown("missing", "en", CONTEXT)
    with pytest.raises(TemplateProblem, match="letters, digits"):
        Templates().render_markdown("../etc/passwd", "en", CONTEXT)


def test_workspace_templates_override_the_shipped_ones(engine: Engine, tmp_path: Path) -> None:
    templates = workspace_templates(tmp_path)
    berlin = account_id(engine, "berlin")
    shipped = compose_draft(engine, templates, berlin, WEEK, NOW).markdown
    assert shipped.startswith("# Weekly update: Acme GmbH, 2026-W47")
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / f"{DEFAULT_TEMPLATE}.en.md.j2").write_text(
        "Hello {{ account.name }}: {{ counts.opened }} opened\n", encoding="utf-8"
    )
    (tmp_path / "templates" / "short.de.md.j2").write_text("Kurz\n", encoding="utf-8")
    assert compose_draft(engine, templates, berlin, WEEK, NOW).markdown == "Hello Acme GmbH: 4 opened\n"
    assert templates.names() == [DEFAULT_TEMPLATE, "short"]


def test_html_output_is_autoescaped() -> None:
    markdown = "# Update <script>alert(1)</script>\n\nCase <img src=x onerror=alert(1)> & more\n"
    page = html_document(markdown, "Acme <b>&</b> Co", "en", Templates())
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<title>Acme &lt;b&gt;&amp;&lt;/b&gt; Co</title>" in page
    assert '<html lang="en">' in page


def test_subjects_are_literal_in_markdown() -> None:
    subject = "Dataflow *ledger_close* [urgent] <b>"
    html = markdown_to_html(f"- {md_escape(subject)}\n")
    assert "<em>" not in html and "<a" not in html
    assert "Dataflow *ledger_close* [urgent] &lt;b&gt;" in html


def test_a_template_is_compiled_once_and_again_after_an_edit_or_a_new_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = Templates(tmp_path)
    compiled: list[str] = []
    compile_template = templates.environment.compile

    def counting(source: str, *args: Any, **kwargs: Any) -> Any:
        compiled.append(source)
        return compile_template(source, *args, **kwargs)

    monkeypatch.setattr(templates.environment, "compile", counting)
    page = {"title": "t", "body_html": "<p>b</p>", "language": "en"}
    for _ in range(3):
        templates.render_page(**page)
    assert len(compiled) == 1, "rendering again reuses the compiled template"
    (tmp_path / "page.html.j2").write_text("mine: {{ title }}\n", encoding="utf-8")
    assert templates.render_page(**page) == "mine: t\n", "a new override counts at once"
    (tmp_path / "page.html.j2").write_text("edited: {{ title }}\n", encoding="utf-8")
    assert templates.render_page(**page) == "edited: t\n", "an edit counts at once"
    assert len(compiled) == 3
