"""The way from a case to its ticket in the source's web interface."""

from __future__ import annotations

import pytest

from advisor_app.sync.source_links import ticket_url, web_base


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://rt.example.com", "https://rt.example.com/Ticket/Display.html?id=4711"),
        ("https://rt.example.com/", "https://rt.example.com/Ticket/Display.html?id=4711"),
        ("https://rt.example.com/REST/2.0/", "https://rt.example.com/Ticket/Display.html?id=4711"),
        ("https://example.com/rt/REST/2.0", "https://example.com/rt/Ticket/Display.html?id=4711"),
        ("HTTPS://rt.example.com:8443/rt", "https://rt.example.com:8443/rt/Ticket/Display.html?id=4711"),
    ],
)
def test_rt_tickets_open_on_their_display_page(base: str, expected: str) -> None:
    assert ticket_url("rt", base, "4711") == expected


@pytest.mark.parametrize(
    ("base", "expected"),
    [
        ("https://acme.zendesk.com", "https://acme.zendesk.com/agent/tickets/35436"),
        ("https://acme.zendesk.com/api/v2/", "https://acme.zendesk.com/agent/tickets/35436"),
    ],
)
def test_zendesk_tickets_open_in_the_agent_interface(base: str, expected: str) -> None:
    assert ticket_url("zendesk", base, "35436") == expected


@pytest.mark.parametrize(
    ("kind", "base", "remote_id"),
    [
        ("demo", "", "17"),  # the demo has no web interface
        (None, "https://rt.example.com", "17"),
        ("rt", "https://rt.example.com", "17?x=<script>"),  # not a ticket number: no URL built from it
        ("rt", "https://rt.example.com", ""),
        ("rt", "javascript:alert(1)", "17"),
        ("zendesk", "file:///etc/passwd", "17"),
        ("rt", "not a url", "17"),
    ],
)
def test_no_url_without_a_web_interface_or_a_ticket_number(kind: str | None, base: str, remote_id: str) -> None:
    assert ticket_url(kind, base, remote_id) is None


def test_the_web_base_drops_only_the_api_path_of_its_own_kind() -> None:
    assert web_base("zendesk", "https://x.example.com/REST/2.0") == "https://x.example.com/REST/2.0"
    assert web_base("rt", "https://x.example.com/api/v2") == "https://x.example.com/api/v2"
