"""Hostile case HTML comes out inert: no scripts, frames, remote resources or unsafe links."""

from __future__ import annotations

import re

import pytest

from advisor_app.text import IMAGE_REMOVED, is_safe_link, looks_like_html, render_case_text, sanitize_html


def _tags(markup: str) -> set[str]:
    return {name.lower() for name in re.findall(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)", markup)}


def _hrefs(markup: str) -> list[str]:
    return re.findall(r'href="([^"]*)"', markup)


@pytest.mark.parametrize(
    "hostile",
    [
        "<p>hi</p><script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<p>unclosed <script>alert(document.cookie)",
        '<iframe src="https://evil.example/"></iframe>',
        '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/y">',
        '<form action="https://evil.example/"><input name=a><button>Go</button></form>',
        '<style>body { background: url("https://evil.example/track.png") }</style>',
        "<svg><script>alert(1)</script></svg>",
    ],
)
def test_active_content_is_dropped_with_what_is_inside(hostile: str) -> None:
    out = sanitize_html(hostile)
    assert _tags(out) <= {"p", "span"}
    assert "alert" not in out
    assert "evil.example" not in out


def test_event_handlers_and_inline_styles_are_dropped() -> None:
    out = sanitize_html(
        '<p onclick="alert(1)" style="background:url(https://evil.example/t.png)" ONMOUSEOVER=x>text</p>'
    )
    assert out == "<p>text</p>"


@pytest.mark.parametrize(
    "image",
    [
        '<img src="https://evil.example/pixel.gif" width=1 height=1>',
        "<img src='data:image/png;base64,iVBORw0KGgo='/>",
        '<IMG SRC="cid:logo@mail">',
        '<img srcset="https://evil.example/a.png 2x">',
    ],
)
def test_every_image_becomes_a_visible_marker(image: str) -> None:
    out = sanitize_html(f"<p>before {image} after</p>")
    assert "img" not in _tags(out)
    assert "src" not in out
    assert IMAGE_REMOVED in out
    assert "before" in out and "after" in out


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "//evil.example/relative",
        "/relative/path",
    ],
)
def test_links_other_than_http_https_mailto_lose_their_target(href: str) -> None:
    out = sanitize_html(f'<a href="{href}">click</a>')
    assert _hrefs(out) == []
    assert "click" in out


def test_http_https_and_mailto_links_stay() -> None:
    out = sanitize_html(
        '<a href="https://docs.example/a?b=1&amp;c=2" onclick="x()">docs</a> '
        '<a href="http://example.org">o</a> <a href="mailto:help@example.org">mail</a>'
    )
    assert _hrefs(out) == ["https://docs.example/a?b=1&amp;c=2", "http://example.org", "mailto:help@example.org"]
    assert "onclick" not in out


def test_unclosed_and_misnested_tags_come_out_well_nested() -> None:
    out = sanitize_html("<ul><li><b>one<li>two</ul><p>three <em>four")
    opened = re.findall(r"<([a-z0-9]+)[ >]", out)
    closed = re.findall(r"</([a-z0-9]+)>", out)
    assert sorted(opened) == sorted(closed)
    # Parsed as a browser does (html5ever): the unclosed <b> goes on into the paragraph.
    assert out.endswith("</em></b></p>")


def test_unknown_tags_are_unwrapped_and_their_text_kept() -> None:
    assert sanitize_html("<font color=red><center>Hello</center></font>") == "Hello"


def test_entities_are_decoded_once_and_escaped_again() -> None:
    out = sanitize_html("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; caf&eacute; &#x3C;b&#x3E;</p>")
    assert "<script" not in out and "<b>" not in out
    assert "&lt;script&gt;" in out
    assert "café" in out


def test_comments_and_conditional_comments_are_dropped() -> None:
    out = sanitize_html("<p>a<!-- <script>x</script> -->b<!--[if IE]><img src=https://e.example/x><![endif]--></p>")
    assert out == "<p>ab</p>"


def test_attribute_values_cannot_break_out() -> None:
    out = sanitize_html('<a href="https://ok.example/&quot;onmouseover=&quot;alert(1)">x</a>')
    assert 'onmouseover="' not in out
    assert _hrefs(out) == ["https://ok.example/&quot;onmouseover=&quot;alert(1)"]


def test_plain_text_is_escaped_linkified_and_keeps_lines() -> None:
    out = render_case_text("See https://status.example/incident/42.\nThen 3 < 4 & mail help@x.example")
    assert out == (
        'See <a href="https://status.example/incident/42">https://status.example/incident/42</a>.'
        "<br>Then 3 &lt; 4 &amp; mail help@x.example"
    )


def test_plain_text_with_a_javascript_url_gets_no_link() -> None:
    out = render_case_text("try javascript:alert(1) now")
    assert _hrefs(out) == []


def test_html_bodies_are_recognised_and_plain_text_is_not() -> None:
    assert looks_like_html("<p>Hello</p>")
    assert looks_like_html("Hi&nbsp;there")
    assert not looks_like_html("if a < b and c > d then")
    assert not looks_like_html("The export from Payroll failed again on Monday.")


def test_urls_inside_html_text_are_linkified_but_not_inside_links() -> None:
    out = sanitize_html('<p>see https://a.example and <a href="https://b.example">https://b.example</a></p>')
    assert _hrefs(out) == ["https://a.example", "https://b.example"]


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://a.example/x", True),
        ("http://a.example", True),
        ("mailto:a@b.example", True),
        ("mailto:", False),
        ("https://", False),
        ("javascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,x", False),
        ("ftp://a.example", False),
        ("http://[::1", False),
    ],
)
def test_is_safe_link(url: str, safe: bool) -> None:
    assert is_safe_link(url) is safe
