"""Credentials in the keyring: chunking for small backends, typed failures, session-only tokens."""

from __future__ import annotations

import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from advisor_app.secrets import (
    CHUNK_CHARS,
    SERVICE,
    CredentialError,
    Credentials,
    KeyringLockedError,
    KeyringUnavailableError,
    entry_name,
)

URL = "https://rt.example.com"


class SmallKeyring(KeyringBackend):
    """In memory, and refusing secrets over 2,560 bytes of UTF-16, as Windows Credential Manager does."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.locked = False

    def get_password(self, service: str, username: str) -> str | None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.locked:
            raise keyring.errors.KeyringLocked("locked")
        if len(password.encode("utf-16-le")) > 2560:
            raise keyring.errors.PasswordSetError("The stub received a blob that is too large")
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


def test_entry_names_are_user_at_host() -> None:
    assert entry_name("alex", "https://rt.example.com/REST/2.0") == "alex@rt.example.com"
    assert entry_name("alex", "http://127.0.0.1:8080") == "alex@127.0.0.1:8080"
    with pytest.raises(ValueError, match="no host"):
        entry_name("alex", "https://")


def test_a_short_token_is_one_entry() -> None:
    backend = SmallKeyring()
    credentials = Credentials(backend, environ={})
    credentials.store("alex", URL, "t0ken")
    assert backend.entries == {(SERVICE, "alex@rt.example.com"): "t0ken"}
    assert credentials.load("alex", URL) == "t0ken"


@pytest.mark.parametrize("length", [CHUNK_CHARS + 1, 2 * CHUNK_CHARS, 4_321])
def test_a_long_token_is_split_and_joined(length: int) -> None:
    backend = SmallKeyring()
    credentials = Credentials(backend, environ={})
    token = "".join(chr(ord("a") + i % 26) for i in range(length))
    credentials.store("alex", URL, token)
    assert len(backend.entries) == 1 + -(-length // CHUNK_CHARS)
    assert Credentials(backend, environ={}).load("alex", URL) == token


def test_replacing_a_long_token_with_a_short_one_leaves_no_parts() -> None:
    backend = SmallKeyring()
    credentials = Credentials(backend, environ={})
    credentials.store("alex", URL, "x" * 3_500)
    credentials.store("alex", URL, "short")
    assert backend.entries == {(SERVICE, "alex@rt.example.com"): "short"}


def test_a_token_that_looks_like_the_marker_survives() -> None:
    credentials = Credentials(SmallKeyring(), environ={})
    credentials.store("alex", URL, "advisor-desk-chunks:7")
    assert credentials.load("alex", URL) == "advisor-desk-chunks:7"


def test_sign_out_removes_every_entry() -> None:
    backend = SmallKeyring()
    credentials = Credentials(backend, environ={})
    credentials.store("alex", URL, "y" * 2_500)
    credentials.store("sam", URL, "other")
    credentials.remove("alex", URL)
    assert backend.entries == {(SERVICE, "sam@rt.example.com"): "other"}
    assert credentials.load("alex", URL) is None
    credentials.remove("alex", URL)  # removing twice is fine


def test_no_keyring_is_a_clear_error_and_the_session_path_works() -> None:
    credentials = Credentials(FailKeyring(), environ={})
    assert not credentials.available
    with pytest.raises(KeyringUnavailableError, match=r"no keyring is available .*for this session only"):
        credentials.store("alex", URL, "secret-value")
    assert credentials.load("alex", URL) is None
    credentials.hold_for_session("alex", URL, "secret-value")
    assert credentials.load("alex", URL) == "secret-value"
    assert Credentials(FailKeyring(), environ={}).load("alex", URL) is None


def test_a_locked_keyring_is_named_and_the_token_is_not_in_the_message() -> None:
    backend = SmallKeyring()
    backend.locked = True
    credentials = Credentials(backend, environ={})
    with pytest.raises(KeyringLockedError, match="keyring is locked") as raised:
        credentials.store("alex", URL, "secret-value")
    assert "secret-value" not in str(raised.value)


def test_other_backend_failures_are_credential_errors() -> None:
    class Broken(SmallKeyring):
        def set_password(self, service: str, username: str, password: str) -> None:
            raise keyring.errors.PasswordSetError("backend exploded")

    with pytest.raises(CredentialError, match="could not store the token: PasswordSetError"):
        Credentials(Broken(), environ={}).store("alex", URL, "secret-value")


def test_the_environment_variable_wins_for_automation() -> None:
    backend = SmallKeyring()
    credentials = Credentials(backend, environ={"ADVISOR_APP_TOKEN": "from-env"})
    credentials.store("alex", URL, "from-keyring")
    assert credentials.load("alex", URL) == "from-env"
