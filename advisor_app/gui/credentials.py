"""The window's one `Credentials`: a token the user chose to hold for this session only
lives in it, so the wizard and every later sync of the window see the same tokens."""

from __future__ import annotations

from advisor_app.secrets import Credentials

_current: Credentials | None = None


def app_credentials() -> Credentials:
    global _current
    if _current is None:
        _current = Credentials()
    return _current


def use_credentials(credentials: Credentials | None) -> None:
    """Replace the app's credentials (tests: a test keyring); None: a fresh one on next use."""
    global _current
    _current = credentials
