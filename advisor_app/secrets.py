"""Credentials: the OS keyring holds them, and this is the only module that touches them.

One service name for the app, one entry per connection ("user@host"). A token longer
than one entry may hold is split across numbered entries and joined on reading, because
Windows Credential Manager caps a secret near 2,500 bytes and OAuth tokens can be longer.
When no keyring can be used, the caller may hold a token for this session only, in
memory; nothing here ever falls back to a file.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from typing import Protocol, TypeVar
from urllib.parse import urlsplit

import keyring
import keyring.errors
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as FailKeyring

from advisor_app.errors import AdvisorError
from advisor_app.text.redaction import register_secret

_T = TypeVar("_T")

SERVICE = "advisor-desk"
TOKEN_ENVIRONMENT = "ADVISOR_APP_TOKEN"
# Characters per keyring entry: Credential Manager stores UTF-16, 2,560 bytes at most.
CHUNK_CHARS = 1_000
_CHUNKED = "advisor-desk-chunks:"


class CredentialError(AdvisorError):
    """The keyring could not store, read or remove a credential."""


class KeyringUnavailableError(CredentialError):
    """No keyring backend is available on this system."""


class KeyringLockedError(CredentialError):
    """The keyring is locked and was not unlocked."""


def entry_name(user: str, url: str) -> str:
    """The keyring entry of a connection: `user@host[:port]`."""
    parts = urlsplit(url if "://" in url else f"https://{url}")
    if not parts.hostname:
        raise ValueError(f"no host in URL {url!r}")
    host = parts.hostname if parts.port is None else f"{parts.hostname}:{parts.port}"
    return f"{user}@{host}"


def backend_description(backend: KeyringBackend | None = None) -> str:
    backend = backend or keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, FailKeyring):
        return f"none available ({name}): tokens can only be held for one session"
    return name


class TokenSource(Protocol):
    """Where a sync finds the token for a source: the keyring (`Credentials`) or a token handed over."""

    def load(self, user: str, url: str) -> str | None: ...


class Credentials:
    """Tokens per connection: the keyring, plus tokens held for this session only."""

    def __init__(self, backend: KeyringBackend | None = None, environ: Mapping[str, str] | None = None) -> None:
        self._backend = backend if backend is not None else keyring.get_keyring()
        self._environ = os.environ if environ is None else environ
        self._session: dict[str, str] = {}

    def environment_token(self) -> str | None:
        """ADVISOR_APP_TOKEN when set (automation): it replaces the keyring for every connection."""
        token = self._environ.get(TOKEN_ENVIRONMENT) or None
        register_secret(token)
        return token

    @property
    def available(self) -> bool:
        return not isinstance(self._backend, FailKeyring)

    def describe_backend(self) -> str:
        return backend_description(self._backend)

    def store(self, user: str, url: str, token: str) -> None:
        """Save `token` in the keyring (replacing any earlier one), or raise CredentialError."""
        if not token:
            raise ValueError("an empty token cannot be stored")
        register_secret(token, user)
        name = entry_name(user, url)
        if not self.available:
            raise KeyringUnavailableError(
                f"no keyring is available on this system ({self.describe_backend()}); "
                "the token can be used for this session only"
            )
        old_parts = self._part_count(name)
        if len(token) <= CHUNK_CHARS and not token.startswith(_CHUNKED):
            self._call("store", self._backend.set_password, SERVICE, name, token)
            self._delete_parts(name, first=1, last=old_parts)
            return
        parts = [token[i : i + CHUNK_CHARS] for i in range(0, len(token), CHUNK_CHARS)]
        for number, part in enumerate(parts, start=1):
            self._call("store", self._backend.set_password, SERVICE, f"{name}#{number}", part)
        # The marker goes last, so an interrupted write never points at parts that do not exist.
        self._call("store", self._backend.set_password, SERVICE, name, f"{_CHUNKED}{len(parts)}")
        self._delete_parts(name, first=len(parts) + 1, last=old_parts)

    def hold_for_session(self, user: str, url: str, token: str) -> None:
        """Keep `token` in memory until the app quits; nothing is written anywhere."""
        register_secret(token, user)
        self._session[entry_name(user, url)] = token

    def held_for_session(self, user: str, url: str) -> bool:
        return entry_name(user, url) in self._session

    def load(self, user: str, url: str) -> str | None:
        """The token of a connection: ADVISOR_APP_TOKEN when set, else this session's, else the keyring's.
        Whatever is found is registered for redaction before it is handed out."""
        token = self._load(user, url)
        register_secret(token, user)
        return token

    def _load(self, user: str, url: str) -> str | None:
        override = self.environment_token()
        if override:
            return override
        name = entry_name(user, url)
        if name in self._session:
            return self._session[name]
        if not self.available:
            return None
        value = self._call("read", self._backend.get_password, SERVICE, name)
        if value is None or not value.startswith(_CHUNKED):
            return value
        count = int(value.removeprefix(_CHUNKED))
        parts = [self._call("read", self._backend.get_password, SERVICE, f"{name}#{n}") for n in range(1, count + 1)]
        if any(part is None for part in parts):
            raise CredentialError(f"the keyring entry for {name} is incomplete; sign in again")
        return "".join(part or "" for part in parts)

    def remove(self, user: str, url: str) -> None:
        """Sign out: forget the session token and delete every keyring entry of the connection."""
        name = entry_name(user, url)
        self._session.pop(name, None)
        if not self.available:
            return
        parts = self._part_count(name)
        try:
            self._backend.delete_password(SERVICE, name)
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as error:
            raise self._translate("remove", error) from None
        self._delete_parts(name, first=1, last=parts)

    def _part_count(self, name: str) -> int:
        if not self.available:
            return 0
        value = self._call("read", self._backend.get_password, SERVICE, name)
        if value is None or not value.startswith(_CHUNKED):
            return 0
        return int(value.removeprefix(_CHUNKED))

    def _delete_parts(self, name: str, first: int, last: int) -> None:
        for number in range(first, last + 1):
            with contextlib.suppress(keyring.errors.PasswordDeleteError):
                self._backend.delete_password(SERVICE, f"{name}#{number}")

    def _call(self, action: str, method: Callable[..., _T], *args: str) -> _T:
        try:
            return method(*args)
        except keyring.errors.KeyringError as error:
            raise self._translate(action, error) from None

    def _translate(self, action: str, error: keyring.errors.KeyringError) -> CredentialError:
        # The backend's own text never contains the secret, but is kept short and typed here.
        if isinstance(error, keyring.errors.NoKeyringError):
            return KeyringUnavailableError(f"no keyring is available on this system; cannot {action} the token")
        if isinstance(error, keyring.errors.KeyringLocked):
            return KeyringLockedError(f"the keyring is locked; unlock it to {action} the token")
        kind = type(error).__name__
        return CredentialError(f"the keyring ({self.describe_backend()}) could not {action} the token: {kind}: {error}")
