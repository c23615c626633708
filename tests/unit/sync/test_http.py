"""The HTTP layer of providers: timeouts, retries, rate limits, TLS, typed errors, no token in messages."""

from __future__ import annotations

import json
import logging
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec
import pytest

from advisor_app.errors import AdvisorError
from advisor_app.sync.engine import SyncCancelled, SyncError
from advisor_app.sync.http import (
    HttpAuthError,
    HttpCancelled,
    HttpClient,
    HttpConfigError,
    HttpConnectError,
    HttpDropped,
    HttpError,
    HttpForbiddenError,
    HttpInvalidJson,
    HttpNotFoundError,
    HttpRateLimitError,
    HttpServerError,
    HttpTimeout,
    HttpTlsError,
    HttpUnexpectedShape,
    Timeouts,
    basic_token_auth,
    check_url,
    parse_retry_after,
)
from tests.unit.sync.fault_server import Fault, LoopbackServer, Reply, Request, serving

TOKEN = "very-secret-token-123"
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


class Item(msgspec.Struct):
    id: int
    name: str


class Listing(msgspec.Struct):
    tickets: list[Item]


def app(request: Request) -> Reply:
    if request.path == "/ok":
        return Reply(200, b'{"tickets": [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}]}')
    if request.path == "/bad-shape":
        return Reply(200, b'{"tickets": [{"id": 1, "name": "a"}, {"id": "two", "name": "b"}]}')
    if request.path.startswith("/status/"):
        status = int(request.path.rsplit("/", 1)[1])
        return Reply(status, json.dumps({"error": "Nope", "description": f"token={TOKEN}"}).encode())
    if request.path == "/offsite":
        return Reply(200, b'{"next": "https://elsewhere.example/api"}')
    return Reply(404, b"{}")


class Sleeps:
    def __init__(self, cancel_after: int | None = None, cancel: threading.Event | None = None) -> None:
        self.waits: list[float] = []
        self.cancel_after = cancel_after
        self.cancel = cancel

    def __call__(self, seconds: float, cancel: Any) -> None:
        self.waits.append(seconds)
        if self.cancel is not None and self.cancel_after is not None and len(self.waits) >= self.cancel_after:
            self.cancel.set()


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with serving(app) as server:
        yield server


def client(server: LoopbackServer, sleeps: Sleeps | None = None, **kwargs: Any) -> HttpClient:
    kwargs.setdefault("timeouts", Timeouts(connect=1, read=0.3))
    kwargs.setdefault("retries", 2)
    return HttpClient(server.url, f"Bearer {TOKEN}", sleeper=sleeps or Sleeps(), clock=lambda: NOW, **kwargs)


def test_plain_http_is_refused_except_to_this_machine() -> None:
    with pytest.raises(HttpConfigError, match="plain http to another machine"):
        check_url("http://support.example.com")
    for url in ("http://127.0.0.1:8080", "http://localhost", "http://[::1]:9000", "http://127.9.9.9"):
        assert check_url(url) == url
    assert check_url("https://x.zendesk.com/") == "https://x.zendesk.com"
    with pytest.raises(HttpConfigError, match="not an http"):
        check_url("ftp://x")


def test_a_missing_ca_bundle_is_a_clear_error_and_an_existing_one_is_used(tmp_path: Path) -> None:
    with pytest.raises(HttpConfigError, match=r"CA bundle .*nope.pem is not a file"):
        HttpClient("https://x.example", ca_bundle=tmp_path / "nope.pem")
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    assert HttpClient("https://x.example", ca_bundle=bundle).session.verify == str(bundle)
    assert HttpClient("https://x.example").session.verify is True


def test_retry_after_in_seconds_or_as_an_http_date() -> None:
    assert parse_retry_after("30", NOW) == 30
    assert parse_retry_after("Wed, 25 Nov 2026 12:00:45 GMT", NOW) == 45
    assert parse_retry_after("Wed, 25 Nov 2026 11:00:00 GMT", NOW) == 0
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_the_token_is_on_the_session_and_in_no_message(server: LoopbackServer, caplog: Any) -> None:
    caplog.set_level(logging.DEBUG)
    http = client(server)
    assert http.session.headers["Authorization"] == f"Bearer {TOKEN}"
    for status, error in ((401, HttpAuthError), (403, HttpForbiddenError), (404, HttpNotFoundError)):
        with pytest.raises(error) as caught:
            http.get_bytes(f"/status/{status}")
        assert TOKEN not in str(caught.value)
        assert f"{status}" in str(caught.value)
        assert isinstance(caught.value, SyncError) and isinstance(caught.value, AdvisorError)
    assert TOKEN not in caplog.text
    assert server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
    assert basic_token_auth("a@b.c", "t") == "Basic YUBiLmMvdG9rZW46dA=="


def test_messages_say_what_went_wrong(server: LoopbackServer) -> None:
    http = client(server)
    with pytest.raises(HttpAuthError, match="401, the token was not accepted"):
        http.get_bytes("/status/401")
    with pytest.raises(HttpForbiddenError, match="403, the token's user is not allowed"):
        http.get_bytes("/status/403")
    with pytest.raises(HttpNotFoundError, match="404, nothing at this address; check the base URL"):
        http.get_bytes("/status/404")


def test_a_rate_limit_is_waited_out_capped_and_reported(server: LoopbackServer) -> None:
    sleeps, told = Sleeps(), []
    server.inject(Fault("status", path="/ok", status=429, retry_after="Wed, 25 Nov 2026 12:10:00 GMT"))
    server.inject(Fault("status", path="/ok", status=429, retry_after="7"))
    http = client(server, sleeps, on_wait=lambda s, r: told.append((s, r)))
    assert http.get_json("/ok", Listing).tickets[1].name == "b"
    assert sleeps.waits == [120, 7]  # ten minutes asked, capped at two
    assert told == [
        (120, f"rate limited by {server.url[7:]}, retrying in 120 s"),
        (7, f"rate limited by {server.url[7:]}, retrying in 7 s"),
    ]
    assert len(server.requests) == 3


def test_a_rate_limit_that_does_not_end_is_an_error(server: LoopbackServer) -> None:
    server.inject(Fault("status", path="/ok", status=429, retry_after="1", times=10))
    with pytest.raises(HttpRateLimitError, match="still rate limited"):
        client(server, max_rate_limit_waits=3).get_bytes("/ok")
    assert len(server.requests) == 4


def test_server_errors_are_retried_with_growing_jittered_waits(server: LoopbackServer) -> None:
    sleeps = Sleeps()
    server.inject(Fault("status", path="/ok", status=503, times=2))
    http = client(server, sleeps, backoff=1.0, jitter=0.5)
    assert len(http.get_json("/ok", Listing).tickets) == 2
    assert len(sleeps.waits) == 2
    assert 1.0 <= sleeps.waits[0] <= 1.5 and 2.0 <= sleeps.waits[1] <= 2.5


def test_server_errors_after_the_retries_are_an_error(server: LoopbackServer) -> None:
    server.inject(Fault("status", path="/ok", status=500, times=5))
    with pytest.raises(HttpServerError, match="server error 500 after 3 attempts"):
        client(server).get_bytes("/ok")
    assert len(server.requests) == 3


def test_a_server_that_does_not_answer_in_time(server: LoopbackServer) -> None:
    server.inject(Fault("delay", path="/ok", delay=0.6, times=1))
    assert len(client(server).get_json("/ok", Listing).tickets) == 2  # retried
    server.inject(Fault("delay", path="/ok", delay=0.6, times=5))
    with pytest.raises(HttpTimeout, match=r"did not answer within 0.3 s"):
        client(server, retries=1).get_bytes("/ok")


def test_nothing_listening_and_an_unknown_host() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps = Sleeps()
    with pytest.raises(HttpConnectError, match="refused"):
        HttpClient(f"http://127.0.0.1:{port}", retries=1, sleeper=sleeps).get_bytes("/x")
    assert sleeps.waits, "a refused connection is retried"
    with pytest.raises(HttpConnectError, match=r"cannot resolve host no-such-host\.invalid"):
        HttpClient("https://no-such-host.invalid", retries=0, sleeper=Sleeps()).get_bytes("/x")


def test_a_body_cut_off_is_fetched_again_then_reported(server: LoopbackServer) -> None:
    server.inject(Fault("reset", path="/ok"))
    assert len(client(server).get_json("/ok", Listing).tickets) == 2
    server.inject(Fault("reset", path="/ok", times=5))
    with pytest.raises(HttpDropped, match="lost while reading"):
        client(server).get_bytes("/ok")


def test_truncated_json_is_fetched_again_then_reported(server: LoopbackServer) -> None:
    server.inject(Fault("truncate", path="/ok"))
    assert len(client(server).get_json("/ok", Listing).tickets) == 2
    server.inject(Fault("truncate", path="/ok", times=5))
    with pytest.raises(HttpInvalidJson, match="not valid JSON"):
        client(server).get_json("/ok", Listing)


def test_an_unexpected_shape_names_the_field_path(server: LoopbackServer) -> None:
    with pytest.raises(HttpUnexpectedShape, match=r"\$\.tickets\[1\]\.id"):
        client(server).get_json("/bad-shape", Listing)


def test_links_to_another_server_are_not_followed(server: LoopbackServer) -> None:
    with pytest.raises(HttpError, match="pointed to another server"):
        client(server).get_bytes("https://elsewhere.example/api/v2/tickets")
    assert server.requests == []


def test_cancelling_during_a_wait_stops_with_a_cancel_error(server: LoopbackServer) -> None:
    cancel = threading.Event()
    sleeps = Sleeps(cancel_after=1, cancel=cancel)
    server.inject(Fault("status", path="/ok", status=429, retry_after="30", times=3))
    with pytest.raises(HttpCancelled) as caught:
        client(server, sleeps, cancel=cancel).get_bytes("/ok")
    assert isinstance(caught.value, SyncCancelled)
    assert len(server.requests) == 1


def test_the_real_sleeper_wakes_up_when_cancelled(server: LoopbackServer) -> None:
    cancel = threading.Event()
    server.inject(Fault("status", path="/ok", status=429, retry_after="60"))
    http = HttpClient(server.url, cancel=cancel, on_wait=lambda s, r: cancel.set())
    with pytest.raises(HttpCancelled):
        http.get_bytes("/ok")  # would sleep a minute without the cancel


@pytest.fixture
def certificate(tmp_path: Path) -> tuple[str, str]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return str(cert), str(key)


def test_tls_is_verified_and_a_custom_ca_bundle_is_trusted(certificate: tuple[str, str]) -> None:
    with serving(app, tls=certificate) as server:
        assert server.url.startswith("https://127.0.0.1:")
        with pytest.raises(HttpTlsError, match=r"TLS verification failed for 127\.0\.0\.1"):
            HttpClient(server.url, retries=0, sleeper=Sleeps()).get_bytes("/ok")
        trusted = HttpClient(server.url, ca_bundle=certificate[0], retries=0, sleeper=Sleeps())
        assert len(trusted.get_json("/ok", Listing).tickets) == 2


def test_expected_statuses_come_back_and_a_redirect_can_mean_a_refused_token(server: LoopbackServer) -> None:
    assert client(server).fetch("/status/404", expect=(403, 404)).status_code == 404
    with pytest.raises(HttpNotFoundError):
        client(server).fetch("/status/404", expect=(403,))
    server.app = lambda request: Reply(302, b"", {"Location": f"{server.url}/login"})
    with pytest.raises(HttpAuthError, match=r"a login page.*token was not accepted") as refused:
        client(server, follow_redirects=False).get_json("/anything", dict)
    assert refused.value.status == 302
    assert len(server.requests) == 3, "the login page was not fetched"
