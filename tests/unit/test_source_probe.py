"""Test connection and the account list: what the server said, or exactly why not."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from advisor_app.connect.connection import ConnectionRequest, ConnectionSettingsError, checked_access
from advisor_app.connect.probe import (
    ServerIdentity,
    SourceAccess,
    failure_kind,
    list_source_accounts,
    probe,
)
from advisor_app.sync.http import (
    HttpAuthError,
    HttpConfigError,
    HttpConnectError,
    HttpForbiddenError,
    HttpTimeout,
    HttpTlsError,
    Timeouts,
)
from tests.unit.sync.fault_server import Fault, LoopbackServer, serving
from tests.unit.sync.test_http import certificate  # noqa: F401  (a fixture)
from tests.unit.sync.zendesk_fake import EMAIL, TOKEN, FakeZendesk, populate, running


@pytest.fixture
def fake() -> FakeZendesk:
    fake = FakeZendesk()
    ids = populate(fake)
    fake.orgs[ids["acme"]]["organization_fields"]["named_advisor"] = EMAIL
    fake.orgs[ids["other"]]["organization_fields"]["named_advisor"] = "bob@vendor.example"
    return fake


@pytest.fixture
def server(fake: FakeZendesk) -> Iterator[LoopbackServer]:
    with running(fake) as server:
        yield server


def access(url: str, token: str = TOKEN, **kw: str) -> SourceAccess:
    return SourceAccess("zendesk", url, kw.pop("user", EMAIL), token, **kw)


def test_zendesk_says_who_the_token_belongs_to(server: LoopbackServer) -> None:
    identity = probe(access(server.url + "/agent/dashboard"))
    assert identity == ServerIdentity("zendesk", server.url, EMAIL, "Ada Advisor", "agent", "")


def test_the_access_is_checked_as_connecting_checks_it(tmp_path: Path) -> None:
    checked = checked_access(SourceAccess("zendesk", " Acme.zendesk.com/agent ", f" {EMAIL} ", f" {TOKEN}\n"))
    assert checked == SourceAccess("zendesk", "https://acme.zendesk.com", EMAIL, TOKEN)
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not read here")
    assert checked_access(access("https://acme.zendesk.com", ca_bundle=str(bundle))).ca_bundle == str(bundle)


def test_neither_the_access_nor_the_request_shows_its_token() -> None:
    secret = "s3cret-token-value"
    request = ConnectionRequest("rt", "https://rt.example.com", "a", secret, rt_timezone="Asia/Kolkata")
    assert repr(request) == "ConnectionRequest(kind='rt', url='https://rt.example.com', user='a', token=<hidden>)"
    assert secret not in repr(access("https://x.example", secret)) and secret not in repr([request])


@pytest.mark.parametrize(
    ("given", "error", "words"),
    [
        (SourceAccess("jira", "https://x.example", "a", "t"), ConnectionSettingsError, "unknown kind 'jira'"),
        (SourceAccess("rt", "https://x.example", "  ", "t"), ConnectionSettingsError, "a user name is needed"),
        (SourceAccess("rt", "https://x.example", "a", " "), ConnectionSettingsError, "the token is empty"),
        (SourceAccess("rt", "http://x.example", "a", "t"), HttpConfigError, "plain http to another machine"),
        (SourceAccess("rt", "https://x.example", "a", "t", "/nope.pem"), HttpConfigError, "CA bundle /nope.pem"),
    ],
)
def test_a_bad_access_is_refused_before_any_request_in_the_words_connect_uses(
    given: SourceAccess, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=re.escape(words)) as caught:
        probe(given)
    assert failure_kind(caught.value) == "bad_url"
    with pytest.raises(error, match=re.escape(words)):
        checked_access(ConnectionRequest(given.kind, given.url, given.user, given.token, given.ca_bundle))


def test_a_refused_token_is_a_401_without_the_token_in_the_message(server: LoopbackServer) -> None:
    wrong = "wrong-token-value-123"
    with pytest.raises(HttpAuthError) as caught:
        probe(access(server.url, wrong))
    assert failure_kind(caught.value) == "unauthorized"
    assert "401" in str(caught.value)
    assert wrong not in str(caught.value) and wrong not in repr(access(server.url, wrong))


def test_a_forbidden_user_is_a_403(server: LoopbackServer) -> None:
    server.inject(Fault("status", path="/users/me", status=403))
    with pytest.raises(HttpForbiddenError) as caught:
        probe(access(server.url))
    assert failure_kind(caught.value) == "forbidden"


@pytest.mark.parametrize(
    ("url", "needle"),
    [("ftp://acme.example", r"not an http\(s\) address"), ("http://acme.example", "plain http"), ("https://", "host")],
)
def test_a_malformed_url_is_named_before_any_request(url: str, needle: str) -> None:
    with pytest.raises(HttpConfigError, match=needle) as caught:
        probe(access(url))
    assert failure_kind(caught.value) == "bad_url"


def test_nothing_listening_is_a_refused_connection() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(HttpConnectError, match="refused") as caught:
        probe(access(f"http://127.0.0.1:{port}"))
    assert failure_kind(caught.value) == "connect"


def test_an_unknown_host_is_a_dns_failure() -> None:
    with pytest.raises(HttpConnectError, match="cannot resolve host") as caught:
        probe(access("https://no-such-host.invalid"))
    assert failure_kind(caught.value) == "connect"


def test_a_silent_server_is_a_timeout(server: LoopbackServer) -> None:
    server.inject(Fault("delay", path="/users/me", delay=1.0, times=5))
    with pytest.raises(HttpTimeout) as caught:
        probe(access(server.url), timeouts=Timeouts(connect=1, read=0.2))
    assert failure_kind(caught.value) == "timeout"


def test_an_untrusted_certificate_is_a_tls_error_until_its_bundle_is_given(
    certificate: tuple[str, str],  # noqa: F811
    fake: FakeZendesk,
) -> None:
    with serving(fake, tls=certificate) as server:
        with pytest.raises(HttpTlsError) as caught:
            probe(access(server.url))
        assert failure_kind(caught.value) == "tls"
        assert probe(access(server.url, ca_bundle=certificate[0])).display_name == "Ada Advisor"


def test_zendesk_accounts_are_listed_and_the_users_own_preselected(server: LoopbackServer) -> None:
    identity = probe(access(server.url))
    accounts = list_source_accounts(access(server.url), identity)
    assert [(a.name, a.preselected) for a in accounts] == [
        ("Acme Corp", True),
        ("Globex GmbH", False),
        ("Initech", False),
    ]
    assert accounts[2].named_advisor == "bob@vendor.example"


def test_the_display_name_also_counts_as_the_user(server: LoopbackServer, fake: FakeZendesk) -> None:
    globex = next(o for o in fake.orgs.values() if o["name"] == "Globex GmbH")
    globex["organization_fields"]["named_advisor"] = "ada advisor"
    identity = probe(access(server.url))
    chosen = {a.name for a in list_source_accounts(access(server.url), identity) if a.preselected}
    assert chosen == {"Acme Corp", "Globex GmbH"}


def test_the_listing_follows_cursor_pages(server: LoopbackServer, fake: FakeZendesk, tmp_path: Path) -> None:
    for n in range(150):
        fake.add_org(f"Org {n:03}")
    identity = probe(access(server.url))
    assert len(list_source_accounts(access(server.url), identity)) == 153
