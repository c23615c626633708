"""Credentials: the OS keyring holds them, and this is the only module that touches them."""

from __future__ import annotations

import keyring
from keyring.backends.fail import Keyring as FailKeyring

SERVICE = "advisor-desk"


def backend_description() -> str:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if isinstance(backend, FailKeyring):
        return f"none available ({name}): tokens can only be held for one session"
    return name
