"""A loopback HTTP server for tests: serves an app (a function of the request) and injects faults.

Faults match a path fragment and fire a number of times: an error status (with an
optional Retry-After), a delay past the client's read timeout, a connection reset half way
through the body, a truncated body (consistent Content-Length, broken JSON), or any change
of the body (malformed records).
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    base_url: str

    def arg(self, name: str, default: str | None = None) -> str | None:
        values = self.query.get(name)
        return values[0] if values else default


@dataclass(slots=True)
class Reply:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


App = Callable[[Request], Reply]


@dataclass(slots=True)
class Fault:
    """One kind of failure for requests whose path contains `path` (all when empty)."""

    kind: str  # "status", "delay", "reset", "truncate", "transform"
    path: str = ""
    times: int = 1
    status: int = 500
    retry_after: str | None = None
    delay: float = 0.0
    transform: Callable[[bytes], bytes] | None = None
    fired: int = 0


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        owner = self.server.owner
        parts = urlsplit(self.path)
        request = Request(
            "GET",
            parts.path,
            parse_qs(parts.query, keep_blank_values=True),
            {k.lower(): v for k, v in self.headers.items()},
            owner.url,
        )
        owner.requests.append(request)
        fault = owner.take_fault(request.path)
        if fault is not None and fault.kind == "status":
            headers = {"Content-Type": "application/json"}
            if fault.retry_after is not None:
                headers["Retry-After"] = fault.retry_after
            self._send(Reply(fault.status, b'{"error": "injected"}', headers))
            return
        if fault is not None and fault.kind == "delay":
            time.sleep(fault.delay)
        reply = owner.app(request)
        if fault is not None and fault.kind == "transform" and fault.transform is not None:
            reply = Reply(reply.status, fault.transform(reply.body), reply.headers)
        if fault is not None and fault.kind == "truncate":
            reply = Reply(reply.status, reply.body[: max(1, len(reply.body) // 2)], reply.headers)
        if fault is not None and fault.kind == "reset":
            self._reset_mid_body(reply)
            return
        self._send(reply)

    def _send(self, reply: Reply) -> None:
        try:
            self.send_response(reply.status)
            headers = {"Content-Type": "application/json; charset=utf-8", **reply.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test)

    def _reset_mid_body(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body[: len(reply.body) // 2])
        self.wfile.flush()
        # SO_LINGER with a zero timeout: close() sends a RST instead of a FIN.
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: LoopbackServer


class LoopbackServer:
    """Serves `app` on 127.0.0.1 (a free port) in a thread; `faults` are consumed in order."""

    def __init__(self, app: App, tls: tuple[str, str] | None = None) -> None:
        self.app = app
        self.scheme = "https" if tls else "http"
        self.faults: list[Fault] = []
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.owner = self
        if tls is not None:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="loopback-server", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def inject(self, fault: Fault) -> Fault:
        with self._lock:
            self.faults.append(fault)
        return fault

    def take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.fired < fault.times and fault.path in path:
                    fault.fired += 1
                    return fault
        return None

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def serving(app: App, tls: tuple[str, str] | None = None) -> Iterator[LoopbackServer]:
    server = LoopbackServer(app, tls)
    server.start()
    try:
        yield server
    finally:
        server.stop()
