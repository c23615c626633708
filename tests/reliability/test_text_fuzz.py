"""Fuzzing (issue 14, item 5): the sanitizer with generated HTML, and the payload decoders of
both providers with generated JSON. Bounded example counts keep `make test` fast."""

from __future__ import annotations

import inspect
import re
from types import ModuleType

import msgspec
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor_app.sync.http import HttpInvalidJson, HttpUnexpectedShape, decode
from advisor_app.sync.providers import rt_payloads, zendesk_payloads
from advisor_app.text import is_safe_link, looks_like_html, render_case_text, sanitize_html
from advisor_app.text.sanitize import _ALLOWED

FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = [*_ALLOWED, "script", "style", "img", "iframe", "svg", "math", "object", "form", "font", "a", "template"]
ATTRIBUTES = ["href", "src", "onclick", "onerror", "style", "title", "colspan", "srcset", "xlink:href", "formaction"]
VALUES = [
    "javascript:alert(1)",
    "https://ok.example/x",
    "data:text/html,<script>x</script>",
    " jav&#x09;ascript:x",
    "vbscript:x",
    "mailto:a@b.example",
    '"><script>alert(1)</script>',
    "2",
    "x",
]
TEXT = st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Z", "Cc"]), max_size=20)


@st.composite
def fragments(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["open", "close", "text", "comment", "raw", "entity"]))
        tag = draw(st.sampled_from(TAGS))
        if kind == "open":
            attrs = draw(st.lists(st.tuples(st.sampled_from(ATTRIBUTES), st.sampled_from(VALUES)), max_size=3))
            quote = draw(st.sampled_from(['"', "'", ""]))
            rendered = "".join(f" {name}={quote}{value}{quote}" for name, value in attrs)
            pieces.append(
                f"<{draw(st.sampled_from([tag, tag.upper()]))}{rendered}{draw(st.sampled_from(['>', '/>', '']))}"
            )
        elif kind == "close":
            pieces.append(f"</{tag}>")
        elif kind == "comment":
            pieces.append(f"<!--{draw(TEXT)}-->")
        elif kind == "entity":
            pieces.append(draw(st.sampled_from(["&lt;", "&#60;", "&#x3C;script&#x3E;", "&amp;", "&", "&#0;"])))
        elif kind == "raw":
            pieces.append(draw(st.sampled_from(["<", ">", "<!", "<?", "]]>", "https://a.example/x", "www.b.example"])))
        else:
            pieces.append(draw(TEXT))
    return "".join(pieces)


_TAG_IN_OUTPUT = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>")


def _assert_inert(out: str) -> None:
    for name, attributes in _TAG_IN_OUTPUT.findall(out):
        name = name.lower()
        assert name in _ALLOWED or name == "span", out
        for attribute, value in re.findall(r'\s([a-zA-Z:-]+)="([^"]*)"', attributes):
            assert attribute in _ALLOWED.get(name, frozenset()), out
            if attribute == "href":
                assert is_safe_link(value.replace("&amp;", "&")), out
    lowered = out.lower()
    assert "<script" not in lowered and "<img" not in lowered and "<iframe" not in lowered


@FUZZ
@given(fragments())
def test_the_sanitizer_leaves_nothing_active(markup: str) -> None:
    _assert_inert(sanitize_html(markup))
    _assert_inert(render_case_text(markup))


@FUZZ
@given(st.text(max_size=300))
def test_any_text_renders_and_detection_never_fails(text: str) -> None:
    looks_like_html(text)
    _assert_inert(render_case_text(text))


def _payload_types(module: ModuleType) -> list[type]:
    return [
        value
        for _, value in inspect.getmembers(module, inspect.isclass)
        if issubclass(value, msgspec.Struct) and value.__module__ == module.__name__
    ]


PAYLOAD_TYPES = _payload_types(rt_payloads) + _payload_types(zendesk_payloads)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@st.composite
def shaped(draw: st.DrawFn) -> tuple[type, bytes]:
    """A payload type and a JSON object that uses its field names with values of any kind."""
    kind = draw(st.sampled_from(PAYLOAD_TYPES))
    names = [field.encode_name for field in msgspec.structs.fields(kind)]
    body = draw(st.dictionaries(st.sampled_from(names) if names else st.text(max_size=5), JSON, max_size=len(names)))
    return kind, msgspec.json.encode(body)


def test_there_are_payload_types_to_fuzz() -> None:
    assert len(PAYLOAD_TYPES) > 25


@FUZZ
@given(shaped())
def test_http_decode_gives_a_typed_error_or_a_payload(case: tuple[type, bytes]) -> None:
    kind, body = case
    try:
        result: object = decode(body, kind, "https://x.example/api")
    except (HttpUnexpectedShape, HttpInvalidJson) as error:
        assert str(error).startswith("x.example/api: ")
    else:
        assert isinstance(result, kind)


@FUZZ
@given(st.sampled_from(PAYLOAD_TYPES), st.one_of(st.binary(max_size=200), JSON.map(msgspec.json.encode)))
def test_garbage_gives_a_typed_error(kind: type, body: bytes) -> None:
    try:
        result: object = decode(body, kind, "https://x.example/api")
    except (HttpUnexpectedShape, HttpInvalidJson) as error:
        assert "x.example/api" in str(error)
    else:
        assert isinstance(result, kind)
