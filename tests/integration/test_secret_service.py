"""Credentials against the real Secret Service (gnome-keyring), on a private bus."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backends.SecretService import Keyring as SecretServiceKeyring

from advisor_app.secrets import SERVICE, Credentials
from tests.integration.secret_service import missing_programs, secret_service

URL = "https://helpdesk.example.com"

pytestmark = pytest.mark.skipif(
    bool(missing_programs()),
    reason=f"the real Secret Service needs {', '.join(missing_programs())} (make test installs them as root)",
)


@pytest.fixture(scope="module")
def service_env(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    with secret_service(tmp_path_factory.mktemp("secret-service")) as env:
        yield env


@pytest.fixture
def credentials(service_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Credentials:
    for key, value in service_env.items():
        monkeypatch.setenv(key, value)
    return Credentials(SecretServiceKeyring(), environ={})


def test_store_load_and_sign_out(credentials: Credentials, service_env: dict[str, str]) -> None:
    credentials.store("alex", URL, "rt-token-1")
    assert credentials.load("alex", URL) == "rt-token-1"
    # Another process on the same bus reads it back: it is in the keyring, not in our memory.
    code = (
        "from keyring.backends.SecretService import Keyring;"
        f"print(Keyring().get_password({SERVICE!r}, 'alex@helpdesk.example.com'))"
    )
    env = {**os.environ, **service_env}
    seen = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert seen.stdout.strip() == "rt-token-1", seen.stderr
    credentials.remove("alex", URL)
    assert credentials.load("alex", URL) is None


def test_a_long_oauth_token_round_trips(credentials: Credentials) -> None:
    token = "eyJ" + "abcdefghij" * 700
    credentials.store("sam", URL, token)
    assert Credentials(SecretServiceKeyring(), environ={}).load("sam", URL) == token
    credentials.remove("sam", URL)
    assert credentials.load("sam", URL) is None


def test_keyring_files_live_in_the_temporary_data_home(credentials: Credentials, service_env: dict[str, str]) -> None:
    credentials.store("kim", URL, "kim-token")
    keyrings = Path(service_env["XDG_DATA_HOME"]) / "keyrings"
    assert any(keyrings.iterdir())
    # The token is encrypted at rest: its text is in no file of the keyring folder.
    assert all(b"kim-token" not in path.read_bytes() for path in keyrings.rglob("*") if path.is_file())
