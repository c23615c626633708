"""Secrets kept out of text: log lines, tracebacks and error messages.

Redaction knows the secret VALUES: a token is registered when it is loaded or stored
(`secrets.Credentials`) and when a session puts it in a header (`sync.http.make_session`),
together with the forms a server may echo it in (URL-encoded, JSON-escaped, HTML-escaped,
base64 alone or as basic-auth `user:token` and Zendesk's `user/token:token`). Patterns for
`token=`, `password:` and `Authorization:` stay, for secrets this process never saw.
"""

from __future__ import annotations

import base64
import html
import json
import re
import threading
from urllib.parse import quote, quote_plus

REDACTED = "[redacted]"
_REDACTIONS = (
    (re.compile(r"(?i)(authorization\s*[:=]\s*)(\S+\s+)?\S+"), r"\1[redacted]"),
    (re.compile(r"(?i)((?:token|password|secret|api[_-]?key)\s*[:=]\s*)\S+"), r"\1[redacted]"),
)
# Shorter values are not registered: redacting "abc" everywhere would garble every message.
MIN_SECRET_LENGTH = 6
_AUTH_SCHEMES = re.compile(r"(?i)^(?:basic|bearer|token)\s+")

_lock = threading.Lock()
_secrets: frozenset[str] = frozenset()
_secret_pattern: re.Pattern[str] | None = None


def _forms(value: str, user: str | None) -> set[str]:
    forms = {value, quote(value, safe=""), quote_plus(value), json.dumps(value)[1:-1], html.escape(value)}
    raw = [value] + ([f"{user}:{value}", f"{user}/token:{value}"] if user else [])
    for text in raw:
        encoded = base64.b64encode(text.encode()).decode("ascii")
        forms.update({encoded, encoded.rstrip("="), base64.urlsafe_b64encode(text.encode()).decode("ascii")})
    return {form for form in forms if len(form) >= MIN_SECRET_LENGTH}


def register_secret(value: str | None, user: str | None = None) -> None:
    """Redact `value` (and its echoed forms) from every later message, log line and traceback."""
    global _secrets, _secret_pattern
    if not value or len(value) < MIN_SECRET_LENGTH:
        return
    value = _AUTH_SCHEMES.sub("", value) if _AUTH_SCHEMES.match(value) else value
    forms = _forms(value, user)
    with _lock:
        if forms <= _secrets:
            return
        _secrets = _secrets | forms
        # Longest first, so a base64 form is not cut by a shorter value inside it.
        ordered = sorted(_secrets, key=len, reverse=True)
        _secret_pattern = re.compile("|".join(re.escape(form) for form in ordered))


def forget_secrets() -> None:
    """For tests: drop every registered value."""
    global _secrets, _secret_pattern
    with _lock:
        _secrets, _secret_pattern = frozenset(), None


def redact_known(text: str) -> str:
    """`text` without the registered secret values (the patterns are not applied)."""
    pattern = _secret_pattern
    return text if pattern is None else pattern.sub(REDACTED, text)


def redact(text: str) -> str:
    text = redact_known(text)
    for rule, replacement in _REDACTIONS:
        text = rule.sub(replacement, text)
    return text
