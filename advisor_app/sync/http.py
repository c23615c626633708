"""HTTP for providers: one `requests.Session` per provider, with timeouts, retries, rate limits and typed errors.

- Every request has a connect and a read timeout (`TimeoutAdapter` sets them even when a
  caller forgets).
- Connection errors, read timeouts and 500/502/503/504 answers to a GET are retried by
  urllib3's `Retry` with exponential backoff and jitter; a body cut off while read is fetched
  again by `HttpClient.fetch`. Every wait goes through our sleeper, so it is reported,
  injectable and cancellable.
- 429 is handled here, not by `Retry`: the wait (from `Retry-After`, seconds or an HTTP
  date, capped) is reported through `on_wait(seconds, reason)` before sleeping.
- TLS verification is always on; a custom CA bundle may be given (it must exist). Plain
  http is refused except to this machine (loopback).
- The Authorization header lives on the session only. Messages name the host and path of
  a request, never a header, and pass through `advisor_app.text.redaction.redact`.
- JSON bodies decode into msgspec types; a wrong shape names the field path (`$.a[3].b`).
"""

from __future__ import annotations

import base64
import ipaddress
import logging
import random
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar
from urllib.parse import urljoin, urlsplit

import msgspec
import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError, ReadTimeoutError
from urllib3.util.retry import Retry

from advisor_app.sync.engine import SyncCancelled, SyncError
from advisor_app.text.redaction import redact, register_secret

log = logging.getLogger(__name__)

T = TypeVar("T")

OnWait = Callable[[float, str], None]
"""Told before every wait: seconds, and why ("rate limited by example.zendesk.com")."""


class CancelToken(Protocol):
    """What `threading.Event` offers: set when the user stops the sync."""

    def is_set(self) -> bool: ...

    def wait(self, timeout: float | None = None) -> bool: ...


Sleeper = Callable[[float, CancelToken], None]
"""Sleeps `seconds` unless the token is set first; tests inject one that does not sleep."""


def event_sleeper(seconds: float, cancel: CancelToken) -> None:
    """The real sleeper: returns early when the token is set."""
    cancel.wait(seconds)


# Errors ------------------------------------------------------------------------------------


class HttpError(SyncError):
    """A request to the source failed; the message says what, where, and what to check."""

    def __init__(self, message: str, *, url: str = "", status: int | None = None) -> None:
        super().__init__(redact(message))
        self.url = url
        self.status = status


class HttpConfigError(HttpError):
    """The connection settings cannot be used (plain http to another machine, a missing CA bundle)."""


class HttpConnectError(HttpError):
    """The host name does not resolve, or nothing answers at that address."""


class HttpTlsError(HttpError):
    """TLS verification failed: the certificate is not trusted for this host."""


class HttpTimeout(HttpError):
    """The server did not connect or answer within the timeout."""


class HttpDropped(HttpError):
    """The connection was lost while the body was being read."""


class HttpAuthError(HttpError):
    """401: the token (or the user it belongs to) was not accepted."""


class HttpForbiddenError(HttpError):
    """403: the token is valid but its user may not do this."""


class HttpNotFoundError(HttpError):
    """404: nothing at this address (often a wrong base URL)."""


class HttpClientError(HttpError):
    """Another 4xx: the source refused the request."""


class HttpServerError(HttpError):
    """5xx, still after the retries."""


class HttpRateLimitError(HttpError):
    """429, still after waiting as often as allowed."""


class HttpInvalidJson(HttpError):
    """The body is not JSON (often truncated), still after the retries."""


class HttpUnexpectedShape(HttpError):
    """The JSON does not have the expected shape; the message names the field path."""


class HttpCancelled(SyncCancelled):
    """The user stopped the sync while a request or a wait was under way."""


# Helpers --------------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def origin(url: str) -> str:
    """`scheme://host[:port]`, lower case, for comparing and naming servers."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def check_url(url: str) -> str:
    """Return `url` without a trailing slash, or raise HttpConfigError when it is not usable."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HttpConfigError(f"{url!r} is not an http(s) address with a host")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise HttpConfigError(
            f"{origin(url)} uses plain http to another machine: the token would cross the network "
            "unencrypted; use https (plain http is allowed only to this machine)"
        )
    return url.strip().rstrip("/")


def check_ca_bundle(path: str | Path) -> str:
    """The CA bundle's path, or HttpConfigError when it is not a file."""
    bundle = Path(path)
    if not bundle.is_file():
        raise HttpConfigError(f"CA bundle {bundle} is not a file; choose the PEM file your IT department provides")
    return str(bundle)


def basic_token_auth(email: str, token: str) -> str:
    """Zendesk-style API token authorization: `Basic base64("email/token:TOKEN")`."""
    register_secret(token, email)
    raw = f"{email}/token:{token}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


def bearer_auth(token: str) -> str:
    return f"Bearer {token}"


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a `Retry-After` header (delta seconds or an HTTP date); None when absent or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def _where(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path}"


# Session -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Timeouts:
    connect: float = 10.0
    read: float = 60.0


DEFAULT_TIMEOUTS = Timeouts()


class TimeoutAdapter(HTTPAdapter):
    """An adapter that gives every request the session's timeouts unless one was passed."""

    def __init__(self, timeouts: Timeouts, **kwargs: Any) -> None:
        self.timeouts = timeouts
        super().__init__(**kwargs)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = (self.timeouts.connect, self.timeouts.read)
        return super().send(request, **kwargs)


class _Waits:
    """Reports, sleeps and checks the cancel token: the one place any wait happens."""

    def __init__(self, sleeper: Sleeper, cancel: CancelToken, on_wait: OnWait | None) -> None:
        self.sleeper = sleeper
        self.cancel = cancel
        self.on_wait = on_wait

    def check(self) -> None:
        if self.cancel.is_set():
            raise HttpCancelled("sync cancelled while talking to the source; everything before was saved")

    def wait(self, seconds: float, reason: str) -> None:
        self.check()
        log.info("waiting %.1f s: %s", seconds, reason)
        if self.on_wait is not None:
            self.on_wait(seconds, reason)
        self.sleeper(seconds, self.cancel)
        self.check()


class ReportingRetry(Retry):
    """urllib3 `Retry` whose waits (exponential backoff with jitter, or a 5xx's capped
    Retry-After) go through `_Waits`: reported, injectable, cancellable."""

    # Set by make_session on the first instance; `new` hands them to each copy urllib3 makes.
    waits: _Waits
    clock: Callable[[], datetime]
    jitter_rng: random.Random = random.Random()

    def new(self, **kw: Any) -> ReportingRetry:
        retry = super().new(**kw)
        retry.waits = self.waits
        retry.jitter_rng = self.jitter_rng
        retry.clock = self.clock
        return retry

    def backoff_seconds(self) -> float:
        attempts = len(self.history)
        if attempts == 0:
            return 0.0
        value = self.backoff_factor * (2 ** (attempts - 1)) + self.jitter_rng.random() * self.backoff_jitter
        return float(min(self.backoff_max, value))

    def sleep(self, response: Any = None) -> None:
        seconds = self.backoff_seconds()
        reason = "connection failed"
        if response is not None:
            reason = f"server error {response.status}"
            after = parse_retry_after(response.headers.get("Retry-After"), self.clock())
            if after is not None:
                seconds = min(after, self.backoff_max)
        if seconds <= 0:
            return
        self.waits.wait(seconds, f"{reason}, retrying in {seconds:.0f} s")


def make_session(
    authorization: str | None,
    *,
    ca_bundle: str | Path | None = None,
    timeouts: Timeouts = Timeouts(),
    retries: int = 3,
    backoff: float = 0.5,
    backoff_max: float = 30.0,
    jitter: float = 0.5,
    waits: _Waits,
    clock: Callable[[], datetime],
    user_agent: str = "AdvisorDesk",
) -> requests.Session:
    """A session with TLS verification (optionally against `ca_bundle`), the Authorization
    header, timeouts on every request and retries of connection errors and 500/502/503/504
    (not 429: `HttpClient.fetch` waits those out itself), every retry's wait through `waits`."""
    session = requests.Session()
    session.verify = check_ca_bundle(ca_bundle) if ca_bundle else True
    retry = ReportingRetry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        other=0,
        redirect=3,
        backoff_factor=backoff,
        backoff_max=backoff_max,
        backoff_jitter=jitter,
        status_forcelist=(500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "HEAD"}),
        raise_on_status=False,
        # False, or urllib3 would retry a 429 itself; `sleep` still honours a retried 5xx's Retry-After.
        respect_retry_after_header=False,
    )
    retry.waits = waits
    retry.clock = clock
    adapter = TimeoutAdapter(timeouts, max_retries=retry)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers["User-Agent"] = user_agent
    session.headers["Accept"] = "application/json"
    if authorization:
        register_secret(authorization)  # the credential after the scheme, in every echoed form
        session.headers["Authorization"] = authorization
    return session


# Client --------------------------------------------------------------------------------------


class HttpClient:
    """GETs JSON from one server: rate limits waited out and reported, errors typed.

    `base_url` is checked (https, or http to loopback); absolute URLs the server hands out
    (`links.next`) are followed only on the same origin, so the token never goes elsewhere.
    A source whose API never redirects (RT) turns `follow_redirects` off: a redirect then
    means the token was refused and a login page offered (RT does so when a cookie is sent),
    and raises HttpAuthError instead of reading the login page.
    """

    def __init__(
        self,
        base_url: str,
        authorization: str | None = None,
        *,
        ca_bundle: str | Path | None = None,
        timeouts: Timeouts = Timeouts(),
        retries: int = 3,
        backoff: float = 0.5,
        backoff_max: float = 30.0,
        jitter: float = 0.5,
        max_retry_after: float = 120.0,
        max_rate_limit_waits: int = 10,
        on_wait: OnWait | None = None,
        sleeper: Sleeper = event_sleeper,
        cancel: CancelToken | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        follow_redirects: bool = True,
    ) -> None:
        self.base_url = check_url(base_url)
        self.follow_redirects = follow_redirects
        self.origin = origin(self.base_url)
        self.timeouts = timeouts
        self.retries = retries
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.max_rate_limit_waits = max_rate_limit_waits
        self.clock = clock
        self.cancel: CancelToken = cancel if cancel is not None else threading.Event()
        self.waits = _Waits(sleeper, self.cancel, on_wait)
        self.session = make_session(
            authorization,
            ca_bundle=ca_bundle,
            timeouts=timeouts,
            retries=retries,
            backoff=backoff,
            backoff_max=backoff_max,
            jitter=jitter,
            waits=self.waits,
            clock=clock,
        )

    def close(self) -> None:
        self.session.close()

    def url(self, path_or_url: str) -> str:
        if "://" in path_or_url:
            if origin(path_or_url) != self.origin:
                raise HttpError(
                    f"{self.origin} pointed to another server ({origin(path_or_url)}); not followed, "
                    "so the token stays with the server it belongs to",
                    url=path_or_url,
                )
            return path_or_url
        return urljoin(self.base_url + "/", path_or_url.lstrip("/"))

    def fetch(
        self,
        path_or_url: str,
        params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
        *,
        expect: Iterable[int] = (),
    ) -> requests.Response:
        """A successful GET's response, or one whose status is in `expect` (e.g. 404 for a
        record that may be gone); raises a typed HttpError otherwise. Rate limits are waited
        out (reported, cancellable); connection errors and 5xx are retried by the session."""
        url = self.url(path_or_url)
        expected = frozenset(expect)
        rate_limited = 0
        dropped = 0
        while True:
            self.waits.check()
            response = self._send(url, params, dropped)
            if response is None:  # the body was cut off: retried like a connection error
                dropped += 1
                self.waits.wait(self._backoff(dropped), f"connection to {self.origin} dropped, retrying")
                continue
            status = response.status_code
            if status in expected:
                return response
            if status == 429:
                rate_limited += 1
                if rate_limited > self.max_rate_limit_waits:
                    raise HttpRateLimitError(
                        f"{_where(url)}: still rate limited (429) after {self.max_rate_limit_waits} waits; "
                        "try again later",
                        url=url,
                        status=status,
                    )
                seconds = parse_retry_after(response.headers.get("Retry-After"), self.clock())
                if seconds is None:
                    seconds = self._backoff(rate_limited)
                seconds = min(seconds, self.max_retry_after)
                self.waits.wait(seconds, f"rate limited by {urlsplit(url).netloc}, retrying in {seconds:.0f} s")
                continue
            if 300 <= status < 400 and not self.follow_redirects:
                raise HttpAuthError(
                    f"{_where(url)}: {status}, sent to {response.headers.get('Location', 'another page')} instead "
                    "of an answer (a login page): the token was not accepted; enter a new one in the connection "
                    "settings",
                    url=url,
                    status=status,
                )
            if status >= 400:
                raise self._status_error(url, response)
            return response

    def get_bytes(self, path_or_url: str, params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None) -> bytes:
        """The body of a successful GET; raises a typed HttpError otherwise."""
        return self.fetch(path_or_url, params).content

    def get_json(
        self,
        path_or_url: str,
        type: type[T],
        params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
    ) -> T:
        """GET and decode into `type`; a body that is not JSON is fetched again (up to the retries)."""
        return self.get_json_dated(path_or_url, type, params)[0]

    def get_json_dated(
        self,
        path_or_url: str,
        type: type[T],
        params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None = None,
    ) -> tuple[T, datetime | None]:
        """`get_json`, and the server's clock when it answered (its Date header), if it sent one."""
        url = self.url(path_or_url)
        attempt = 0
        while True:
            response = self.fetch(url, params)
            try:
                return decode(response.content, type, url), server_time(response)
            except HttpInvalidJson:
                attempt += 1
                if attempt > self.retries:
                    raise
                self.waits.wait(self._backoff(attempt), f"{_where(url)} sent a broken body, retrying")

    # internals

    def _backoff(self, attempt: int) -> float:
        return float(min(self.max_retry_after, self.backoff * 2 ** (attempt - 1) + random.random() * self.backoff))

    def _send(
        self, url: str, params: Mapping[str, Any] | Iterable[tuple[str, Any]] | None, dropped: int
    ) -> requests.Response | None:
        try:
            # `verify` passed on each call: requests would otherwise let REQUESTS_CA_BUNDLE or
            # CURL_CA_BUNDLE from the environment replace the session's custom bundle.
            return self.session.get(
                url,
                params=params,
                timeout=(self.timeouts.connect, self.timeouts.read),
                verify=self.session.verify,
                allow_redirects=self.follow_redirects,
            )
        except HttpCancelled:
            raise
        except requests.exceptions.SSLError as error:
            raise HttpTlsError(
                f"TLS verification failed for {urlsplit(url).netloc}: the certificate is not trusted "
                "(behind a company proxy, set its CA bundle in the connection settings)",
                url=url,
            ) from error
        except requests.exceptions.ConnectTimeout as error:
            raise HttpTimeout(
                f"could not connect to {urlsplit(url).netloc} within {self.timeouts.connect:g} s "
                f"(tried {self.retries + 1} times)",
                url=url,
            ) from error
        except requests.exceptions.ReadTimeout as error:
            raise HttpTimeout(
                f"{_where(url)} did not answer within {self.timeouts.read:g} s (tried {self.retries + 1} times)",
                url=url,
            ) from error
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as error:
            if dropped < self.retries:
                return None
            raise HttpDropped(
                f"the connection to {urlsplit(url).netloc} was lost while reading {_where(url)} "
                f"(tried {self.retries + 1} times)",
                url=url,
            ) from error
        except requests.exceptions.ConnectionError as error:
            raise self._connection_error(url, error) from error
        except requests.exceptions.RequestException as error:
            raise HttpError(f"{_where(url)}: request failed ({type(error).__name__})", url=url) from error

    def _connection_error(self, url: str, error: BaseException) -> HttpError:
        host = urlsplit(url).hostname or url
        chain: list[BaseException] = []
        seen: BaseException | None = error
        while seen is not None and len(chain) < 10:
            chain.append(seen)
            nested = getattr(seen, "reason", None)
            if not isinstance(nested, BaseException) and seen.args and isinstance(seen.args[0], BaseException):
                nested = seen.args[0]
            seen = nested if isinstance(nested, BaseException) else (seen.__cause__ or seen.__context__)
        # Order matters: urllib3's NewConnectionError (and NameResolutionError) subclass ConnectTimeoutError.
        if any(isinstance(e, NameResolutionError) for e in chain):
            return HttpConnectError(f"cannot resolve host {host}: check the URL and the network", url=url)
        if any(isinstance(e, ConnectionRefusedError) for e in chain) or any(
            isinstance(e, NewConnectionError) and "refused" in str(e).lower() for e in chain
        ):
            return HttpConnectError(f"connection to {urlsplit(url).netloc} refused: nothing answers there", url=url)
        if any(isinstance(e, ReadTimeoutError) for e in chain):
            return HttpTimeout(
                f"{_where(url)} did not answer within {self.timeouts.read:g} s (tried {self.retries + 1} times)",
                url=url,
            )
        if any(isinstance(e, ConnectTimeoutError) and not isinstance(e, NewConnectionError) for e in chain):
            return HttpTimeout(
                f"could not connect to {urlsplit(url).netloc} within {self.timeouts.connect:g} s "
                f"(tried {self.retries + 1} times)",
                url=url,
            )
        if any(isinstance(e, ConnectionResetError) for e in chain):
            return HttpDropped(
                f"the connection to {urlsplit(url).netloc} was reset (tried {self.retries + 1} times)", url=url
            )
        return HttpConnectError(
            f"cannot connect to {urlsplit(url).netloc} (tried {self.retries + 1} times): {type(chain[-1]).__name__}",
            url=url,
        )

    def _status_error(self, url: str, response: requests.Response) -> HttpError:
        status = response.status_code
        where = _where(url)
        detail = _error_detail(response)
        if status == 401:
            return HttpAuthError(
                f"{where}: 401, the token was not accepted (wrong, revoked, or for another user); "
                "enter a new one in the connection settings",
                url=url,
                status=status,
            )
        if status == 403:
            return HttpForbiddenError(
                f"{where}: 403, the token's user is not allowed to read this{detail}", url=url, status=status
            )
        if status == 404:
            return HttpNotFoundError(
                f"{where}: 404, nothing at this address; check the base URL ({self.base_url})",
                url=url,
                status=status,
            )
        if status >= 500:
            return HttpServerError(
                f"{where}: server error {status} after {self.retries + 1} attempts{detail}", url=url, status=status
            )
        return HttpClientError(f"{where}: refused with {status}{detail}", url=url, status=status)


def _error_detail(response: requests.Response) -> str:
    """A short reason from the body (`{"error": ..., "description": ...}`), or nothing."""
    try:
        data = msgspec.json.decode(response.content[:4000])
    except msgspec.DecodeError:
        return ""
    if not isinstance(data, dict):
        return ""
    parts = [data.get("error"), data.get("description")]
    text = "; ".join(str(p) if not isinstance(p, dict) else str(p.get("message", "")) for p in parts if p)
    return f" ({redact(text)[:200]})" if text else ""


def server_time(response: requests.Response) -> datetime | None:
    """The server's clock when it answered (its Date header), or None."""
    try:
        moment = parsedate_to_datetime(response.headers.get("Date", ""))
    except (TypeError, ValueError, IndexError):
        return None
    return moment.astimezone(UTC) if moment.tzinfo is not None else None


def decode(body: bytes, type: type[T], url: str = "") -> T:
    """Decode JSON into `type`; HttpInvalidJson when it is not JSON, HttpUnexpectedShape (naming the path) otherwise."""
    try:
        return msgspec.json.decode(body, type=type)
    except msgspec.ValidationError as error:
        raise HttpUnexpectedShape(f"{_where(url)}: unexpected response: {error}", url=url) from error
    except msgspec.DecodeError as error:
        raise HttpInvalidJson(
            f"{_where(url)}: the response is not valid JSON (truncated? {len(body)} bytes): {error}", url=url
        ) from error


__all__ = [
    "DEFAULT_TIMEOUTS",
    "CancelToken",
    "HttpAuthError",
    "HttpCancelled",
    "HttpClient",
    "HttpClientError",
    "HttpConfigError",
    "HttpConnectError",
    "HttpDropped",
    "HttpError",
    "HttpForbiddenError",
    "HttpInvalidJson",
    "HttpNotFoundError",
    "HttpRateLimitError",
    "HttpServerError",
    "HttpTimeout",
    "HttpTlsError",
    "HttpUnexpectedShape",
    "OnWait",
    "Sleeper",
    "Timeouts",
    "basic_token_auth",
    "bearer_auth",
    "check_ca_bundle",
    "check_url",
    "decode",
    "event_sleeper",
    "is_loopback",
    "make_session",
    "origin",
    "parse_retry_after",
    "server_time",
]
