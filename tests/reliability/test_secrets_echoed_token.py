"""Secrets (issue 14, item 8): a server that echoes the token back, in its body and headers,
plain, URL-encoded, JSON-escaped, base64 as basic auth, must not get it into any message,
log line, traceback or CLI output. Redaction knows the value, not only `token=` patterns."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import msgspec
import pytest

from advisor_app.cli.main import main
from advisor_app.secrets import TOKEN_ENVIRONMENT, Credentials
from advisor_app.sync.http import HttpClient, HttpError, basic_token_auth
from advisor_app.text.redaction import forget_secrets, redact, register_secret
from advisor_app.workspace.desk import open_desk
from advisor_app.workspace.logs import setup_logging
from advisor_app.workspace.settings import save_settings
from tests.conftest import fixed_clock
from tests.unit.sync.fault_server import LoopbackServer, Reply, Request, serving

TOKEN = "Zq9-unguessable/token+value=="
USER = "advisor-api@vendor.example"


def echoed_forms(token: str = TOKEN, user: str = USER) -> list[str]:
    """Every form in which the echo server sends the token back, and a test looks for it."""
    return [
        token,
        quote(token, safe=""),
        json.dumps(token)[1:-1],
        base64.b64encode(f"{user}:{token}".encode()).decode(),
        base64.b64encode(f"{user}/token:{token}".encode()).decode(),
        base64.b64encode(token.encode()).decode(),
    ]


def leaks(text: str) -> list[str]:
    """The echoed forms found in `text`, and any 8 characters of the token (a cut-off echo)."""
    pieces = [TOKEN[start : start + 8] for start in range(len(TOKEN) - 7)]
    return [form for form in echoed_forms() if form in text] + [piece for piece in pieces if piece in text]


def echo_app(status: int) -> Callable[[Request], Reply]:
    def app(request: Request) -> Reply:
        authorization = request.headers.get("authorization", "")
        token = TOKEN
        body = json.dumps(
            {
                "error": f"{status} invalid token {token}",
                "description": f"got {authorization!r}; encoded {quote(token, safe='')}; "
                f"basic {base64.b64encode(f'{USER}:{token}'.encode()).decode()}",
            }
        )
        if status == 500:  # a server error page in plain text, as RT's Apache sends them
            body = f"500 invalid token {token} (Authorization: {authorization})\n{body}"
        headers = {"X-Echo": f"token {token}", "WWW-Authenticate": f'Basic realm="{token}"'}
        return Reply(status, body.encode(), headers)

    return app


@pytest.fixture(autouse=True)
def fresh_registry() -> Iterator[None]:
    forget_secrets()
    yield
    forget_secrets()


@pytest.fixture(params=[400, 401, 500])
def echo_server(request: pytest.FixtureRequest) -> Iterator[LoopbackServer]:
    with serving(echo_app(int(request.param))) as server:
        yield server


def test_the_registered_value_is_redacted_in_every_form() -> None:
    register_secret(TOKEN, USER)
    for form in echoed_forms():
        text = f"400 invalid token {form} (again: {form})"
        assert redact(text) == "400 invalid token [redacted] (again: [redacted])"
    # Without registration only the patterns work, and "invalid token VALUE" is not one of them.
    forget_secrets()
    assert TOKEN in redact(f"400 invalid token {TOKEN}")


def test_loading_a_token_registers_it() -> None:
    credentials = Credentials(environ={TOKEN_ENVIRONMENT: TOKEN})
    assert credentials.load(USER, "https://rt.example.com") == TOKEN
    assert redact(f"x {TOKEN} y") == "x [redacted] y"


def test_the_http_client_never_repeats_the_echo(echo_server: LoopbackServer) -> None:
    client = HttpClient(
        echo_server.url, basic_token_auth(USER, TOKEN), retries=0, sleeper=lambda _seconds, _cancel: None
    )
    with pytest.raises(HttpError) as raised:
        client.get_json("/api/v2/users/me.json", msgspec.Raw)
    client.close()
    assert raised.value.status in (400, 401, 500)
    assert not leaks(str(raised.value)) and not leaks(repr(raised.value))


def _connected_workspace(root: Path, kind: str, url: str) -> None:
    desk = open_desk(root)
    try:
        settings = desk.settings
        settings.source_kind, settings.source_url, settings.source_user = kind, url, USER
        if kind == "zendesk":
            settings.zendesk_org_ids = [1]
        save_settings(desk.workspace.settings_file, settings)
    finally:
        desk.close()


@pytest.mark.parametrize("kind", ["rt", "zendesk"])
def test_cli_sync_output_logs_and_tracebacks_hold_no_token(
    kind: str,
    echo_server: LoopbackServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "workspace"
    _connected_workspace(root, kind, echo_server.url)
    monkeypatch.setenv(TOKEN_ENVIRONMENT, TOKEN)
    assert main(["--data-dir", str(root), "sync"], clock=fixed_clock) == 1
    out, err = capsys.readouterr()
    assert echo_server.requests, "the sync reached the echo server"
    assert "error" in err and not leaks(out + err)

    # The window logs a failed sync, and an unexpected error with its traceback.
    setup_logging(root / "logs")
    log = logging.getLogger("advisor_app.reliability")
    from advisor_app.workspace.source_sync import sync_workspace

    desk = open_desk(root)
    try:
        with pytest.raises(Exception) as raised:
            sync_workspace(desk)
    finally:
        desk.close()
    assert not leaks(str(raised.value))
    log.warning("sync failed: %s", raised.value)
    try:
        raise ValueError(f"the server said: invalid token {TOKEN}") from raised.value
    except ValueError:
        log.exception("unexpected")
    for handler in logging.getLogger("advisor_app").handlers:
        handler.flush()
    logged = (root / "logs" / "advisor.log").read_text()
    assert "sync failed" in logged and "Traceback" in logged and "invalid token [redacted]" in logged
    assert not leaks(logged)
