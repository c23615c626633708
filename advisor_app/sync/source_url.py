"""The address a workspace keeps for its source: one checked, canonical form per kind.

An advisor types an address many ways (upper case, a trailing slash, RT's `/REST/2.0`, a
Zendesk page such as `/agent/dashboard`, no scheme at all); the settings keep one form, the
one the provider names itself by (its `identity`), so reconnecting with the address typed
another way finds the same source. Connecting, the wizard's test and the RT provider all go
through here. The check itself (an http(s) address with a host; plain http only to this
machine) is the HTTP layer's `check_url`, which every client's base URL passes too; a
refused address is its HttpConfigError, worded there.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from advisor_app.sync.http import check_url, origin

RT_API_PATH = "/REST/2.0"
"""Where RT's REST2 API sits below the web root."""

_DEFAULT_PORTS = {"http": 80, "https": 443}


def rt_base_url(url: str) -> str:
    """RT's web root: checked; scheme and host in lower case; the default port, a trailing
    slash and `/REST/2.0` dropped (`HTTPS://RT.example.com:443/rt/REST/2.0/` is
    `https://rt.example.com/rt`)."""
    split = urlsplit(check_url(url))
    scheme = split.scheme.lower()
    host = (split.hostname or "").lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if split.port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{split.port}"
    path = split.path.rstrip("/")
    if path.lower().endswith(RT_API_PATH.lower()):
        path = path[: -len(RT_API_PATH)].rstrip("/")
    return urlunsplit((scheme, netloc, path, "", ""))


def zendesk_origin(url: str) -> str:
    """The Zendesk instance: checked, `scheme://host[:port]` in lower case (a path such as
    `/agent/dashboard` is a view of it)."""
    return origin(check_url(url))


def source_url(kind: str, typed: str) -> str:
    """The URL the settings keep for a source of `kind` ("rt" or "zendesk") from what the
    advisor typed; an address without a scheme means https. HttpConfigError when unusable."""
    text = typed.strip()
    url = text if "://" in text or not text else f"https://{text}"
    return zendesk_origin(url) if kind == "zendesk" else rt_base_url(url)


__all__ = ["RT_API_PATH", "rt_base_url", "source_url", "zendesk_origin"]
