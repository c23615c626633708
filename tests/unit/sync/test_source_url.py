"""The one form a source's address is kept in: RT's web root, Zendesk's origin, refusals worded."""

from __future__ import annotations

import pytest

from advisor_app.sync.http import HttpConfigError
from advisor_app.sync.source_url import rt_base_url, source_url, zendesk_origin


@pytest.mark.parametrize(
    "typed",
    [
        "https://rt.example.com",
        "https://rt.example.com/",
        "https://rt.example.com/REST/2.0",
        "https://rt.example.com/REST/2.0/",
        "https://rt.example.com/rest/2.0//",
        "HTTPS://RT.Example.COM:443/REST/2.0",
        "  https://rt.example.com/  ",
    ],
)
def test_an_rt_address_typed_any_way_is_the_web_root(typed: str) -> None:
    assert rt_base_url(typed) == "https://rt.example.com"


def test_an_rt_web_root_below_a_path_keeps_the_path_and_a_port_that_is_not_the_default() -> None:
    assert rt_base_url("https://RT.example.com:443/rt/REST/2.0/") == "https://rt.example.com/rt"
    assert rt_base_url("https://rt.example.com:8443/Support/RT/") == "https://rt.example.com:8443/Support/RT"
    assert rt_base_url("http://127.0.0.1:80/REST/2.0") == "http://127.0.0.1"
    assert rt_base_url("http://[::1]:9000/rt/") == "http://[::1]:9000/rt"
    # Only the API's own path is dropped, not a web root that merely ends alike.
    assert rt_base_url("https://rt.example.com/REST/2.00") == "https://rt.example.com/REST/2.00"


def test_the_zendesk_instance_is_its_origin() -> None:
    assert zendesk_origin("https://Acme.Zendesk.com/agent/dashboard?x=1#top") == "https://acme.zendesk.com"
    assert zendesk_origin("https://acme.zendesk.com/") == "https://acme.zendesk.com"
    assert zendesk_origin("http://localhost:8080/api/v2") == "http://localhost:8080"


def test_what_the_advisor_types_without_a_scheme_means_https() -> None:
    assert source_url("zendesk", "Acme.zendesk.com/agent") == "https://acme.zendesk.com"
    assert source_url("rt", " rt.example.com/REST/2.0/ ") == "https://rt.example.com"
    assert source_url("rt", "HTTP://127.0.0.1:8080/") == "http://127.0.0.1:8080"


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("http://rt.example.com", "uses plain http to another machine"),
        ("ftp://rt.example.com", "'ftp://rt.example.com' is not an http(s) address with a host"),
        ("https://", "is not an http(s) address with a host"),
        ("", "'' is not an http(s) address with a host"),
        ("   ", "is not an http(s) address with a host"),
    ],
)
@pytest.mark.parametrize("kind", ["rt", "zendesk"])
def test_an_unusable_address_is_refused_in_words(kind: str, typed: str, words: str) -> None:
    with pytest.raises(HttpConfigError) as caught:
        source_url(kind, typed)
    assert words in str(caught.value)


def test_plain_http_names_the_server_and_the_way_out() -> None:
    with pytest.raises(HttpConfigError) as caught:
        rt_base_url("http://RT.example.com/REST/2.0")
    assert str(caught.value) == (
        "http://rt.example.com uses plain http to another machine: the token would cross the network "
        "unencrypted; use https (plain http is allowed only to this machine)"
    )
