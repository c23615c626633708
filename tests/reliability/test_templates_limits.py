"""Templates with limits (issue 14, item 6): a template that would hang or exhaust memory is
stopped with a TemplateProblem naming the limit, and the shipped template still renders.

Each attack runs under a generous pytest-timeout: without the limits several of them run
for minutes or take the machine's memory; the assertion is on the worded error."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from advisor_app.drafts.service import compose_draft, current_week, find_account
from advisor_app.drafts.template_limits import RenderLimits
from advisor_app.drafts.templates import TemplateProblem, Templates
from advisor_app.workspace.desk import Desk

NESTED_LOOPS = (
    "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)
LOOPS_OVER_DATA = (
    "{% set xs = range(10000) | list %}{% for a in xs %}{% for b in xs %}{% for c in xs %}"
    "{% endfor %}{% endfor %}{% endfor %}"
)

# (template, words the error must contain)
ATTACKS = [
    ("{{ 'a' * 10**9 }}", "size limit"),
    ("{{ 10**9 * 'a' }}", "size limit"),
    ("{{ [1] * 10**9 }}", "size limit"),
    ("{{ 10**(10**10) }}", "limit of 4,096 bits"),  # Jinja's ** is left-associative: 10**10**10 is 1e100
    ("{{ 2**100000 }}", "limit of 4,096 bits"),
    ("{{ lipsum(10**6) }}", "lipsum size 1000000 is over the limit"),
    ("{{ lipsum(5, min=10**8, max=10**8) }}", "lipsum size"),
    ("{{ range(10**9) | list }}", "range of 1,000,000,000 items is over the limit of 10,000"),
    (NESTED_LOOPS, "time limit of 1 s"),
    (LOOPS_OVER_DATA, "time limit of 1 s"),
    ("{% for i in range(10000) %}{{ 'x' * 1000 }}{% endfor %}", "output is larger than the size limit"),
    (
        "{% set ns = namespace(s='ab') %}{% for i in range(64) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s }}",
        "size limit",
    ),
    (
        "{% set a = 'x' * 500000 %}{% set b = a ~ a %}{% set c = b ~ b %}{% set d = c ~ c %}{{ d | length }}",
        "size limit",
    ),
    ("{% macro f(s) %}{{ f(s ~ s) }}{% endmacro %}{{ f('ab') }}", "size limit"),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", "nested too deep"),
    ("{{ 'ab' | center(10**9) }}", "center argument 1000000000 is over the limit"),
    ("{{ ('a' * 100000) | replace('a', 'a' * 100000) }}", "replace would be larger"),
    ("{{ ('a' * 100000) | replace('', 'bbbbbbbbbbbbbbb') }}", "replace would be larger"),
    ("{{ ('a\\n' * 400000) | indent(1000) }}", "indent would be larger"),
    ("{{ ([('a' * 900000)] * 5000) | join('') }}", "join would be larger"),
    ("{{ '%0999999999d' % 1 }}", "field width"),
    ("{{ '{:>999999999}'.format(1) }}", "field width"),
    ("{{ 'a'.ljust(10**9) }}", "a number argument 1000000000 is over the limit"),
    ("{{ '%s' | format('a' * 10**9) }}", "size limit"),
    ("{{ [1, 2] | batch(10**9, 0) | list }}", "batch argument"),
]


def write(folder: Path, body: str) -> Templates:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "attack.en.md.j2").write_text(body, encoding="utf-8")
    return Templates(folder, RenderLimits(seconds=1.0))


@pytest.mark.timeout(60)
@pytest.mark.parametrize(("body", "words"), ATTACKS, ids=[f"attack{i}" for i in range(len(ATTACKS))])
def test_an_attack_is_stopped_with_the_limit_named(tmp_path: Path, body: str, words: str) -> None:
    templates = write(tmp_path / "templates", body)
    with pytest.raises(TemplateProblem) as caught:
        templates.render_markdown("attack", "en", {})
    message = str(caught.value)
    assert message.startswith("template attack.en.md.j2") and words in message, message


@pytest.mark.timeout(60)
def test_a_stopped_render_leaves_no_tracer_and_the_next_render_works(tmp_path: Path) -> None:
    import sys

    before = sys.gettrace()
    templates = write(tmp_path / "templates", NESTED_LOOPS)
    with pytest.raises(TemplateProblem, match="time limit"):
        templates.render_markdown("attack", "en", {})
    assert sys.gettrace() is before
    (tmp_path / "templates" / "fine.en.md.j2").write_text("{% for i in range(3) %}{{ i }}{% endfor %}\n")
    assert templates.render_markdown("fine", "en", {}) == "012"


@pytest.mark.timeout(60)
def test_limits_hold_on_worker_threads_at_once(tmp_path: Path) -> None:
    templates = write(tmp_path / "templates", NESTED_LOOPS)
    errors: list[str] = []

    def render() -> None:
        try:
            templates.render_markdown("attack", "en", {})
        except TemplateProblem as error:
            errors.append(str(error))

    threads = [threading.Thread(target=render) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(errors) == 3 and all("time limit of 1 s" in error for error in errors)


def test_the_shipped_templates_render_within_the_limits(demo_desk: Desk) -> None:
    engine, now = demo_desk.engine, demo_desk.clock()
    templates = Templates()
    for name in ("Lumen Retail", "1"):
        account = find_account(engine, name)
        week = current_week(engine, account, now)
        for language in ("en", "de"):
            markdown = compose_draft(
                engine, templates, account, week, now, highlights="SSO", language=language
            ).markdown
            assert markdown.startswith(("# Weekly update: ", "# Wochenbericht: ")) and "SSO" in markdown


def test_ordinary_arithmetic_and_filters_still_work(tmp_path: Path) -> None:
    templates = write(
        tmp_path / "templates",
        "{{ 2 ** 10 }} {{ 'ab' * 3 }} {{ '%05.1f' % 3.14159 }} {{ 'x' | center(5) }}| {{ [1, 2] | join('-') }} "
        "{{ 'a b' | replace(' ', '_') }} {{ '{:>4}'.format(7) }} {{ lipsum(1, html=False) | length > 0 }}"
        "{% set ns = namespace(n=0) %}{% for i in range(5) %}{% set ns.n = ns.n + i %}{% endfor %} {{ ns.n }}",
    )
    # Values are escaped for Markdown (whitespace runs become one space, _ gets a backslash).
    assert templates.render_markdown("attack", "en", {}) == "1024 ababab 003.1 x| 1-2 a\\_b 7 True 10"
