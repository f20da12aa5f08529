"""The HTTP front of ``kgbuild serve``: the page that knows kgbuild, its JSON API, and a proxy
to the Oxigraph child for everything else (``/query``, ``/update``, ``/store``, ``/sparql``),
so SPARQL clients keep the URLs they had.

Routes (GET unless said):

- ``/``: the page (``static/index.html``); ``/kgbuild/FILE``: its script and style sheet.
- ``/api/queries``: the project's prefixes and the saved queries with their parameters.
- ``/api/run?name=NAME&PARAM=VALUE...`` (GET or form POST): a saved query's answer as SPARQL
  1.1 Query Results JSON; a bad parameter is ``400`` with ``{"error": "one line"}``.
- ``/api/describe?iri=IRI``: what the store says about an IRI (:func:`kgbuild.serve.api.describe`).
- ``/yasgui/``: Oxigraph's own YASGUI page (its paths below ``/yasgui/`` go to the child).
- anything else: passed to the Oxigraph child as it is (request and answer streamed).

Answers carry the child's ``Server`` header (``Oxigraph/…``, then ``kgbuild-serve``), so
``kgbuild query`` and ``load`` recognise the server kind at this URL as before.

>>> Front.route("/api/run")
'run'
>>> Front.route("/yasgui/yasgui.min.js"), Front.route("/query")
('proxy', 'proxy')
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from ..errors import EndpointError, KgbuildError, ParameterError, QueryError, ServeError
from ..namespace import prefixes
from . import api

__all__ = ["Front", "STATIC_FILES"]

#: the page's files (package data ``kgbuild/serve/static/``) and their content types
STATIC_FILES = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
                "app.css": "text/css; charset=utf-8"}
_HOP = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
                  "transfer-encoding", "upgrade", "host"})
_CHUNK = 1 << 16
PROXY_TIMEOUT = 3600.0  # a long query through the proxy is the child's business, not ours


def _static_dir() -> Path:
    return Path(str(files("kgbuild.serve") / "static"))


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], *, family: int) -> None:
        self.address_family = family
        super().__init__(address, handler)


class Front:
    """The front server, bound at construction (so a taken port fails early), serving from
    :meth:`start` until :meth:`stop`. ``target`` answers the API's queries (an
    :class:`~kgbuild.query.Endpoint` on the child); ``child`` is the child's ``host:port``."""

    def __init__(self, *, host: str, port: int, base: str, store_name: str) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        try:
            self._server = _Server((host, port), self._handler_class(), family=family)
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        self.base, self.store_name = base, store_name
        self.target: Any = None
        self.child: tuple[str, int] | None = None
        self.server_header = "kgbuild-serve"
        self._thread: threading.Thread | None = None

    @staticmethod
    def route(path: str) -> str:
        """The name of the route serving ``path`` (``proxy``: the Oxigraph child)."""
        if path == "/" or path == "/index.html":
            return "page"
        if path.startswith("/kgbuild/") and path.removeprefix("/kgbuild/") in STATIC_FILES:
            return "static"
        if path in ("/api/queries", "/api/run", "/api/describe"):
            return path.removeprefix("/api/")
        if path == "/yasgui":
            return "yasgui"
        return "proxy"

    def start(self, *, target: Any, child: tuple[str, int], server_header: str) -> None:
        self.target, self.child = target, child
        self.server_header = f"{server_header} kgbuild-serve".strip()
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="kgbuild-serve", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop answering and close the port. Idempotent."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout=10)
            self._thread = None
        self._server.server_close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        front = self

        class Handler(_Handler):
            pass

        Handler.front = front
        return Handler


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    front: Front

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        """Quiet: no access log on the terminal."""

    def version_string(self) -> str:
        return self.front.server_header

    # -- methods -----------------------------------------------------------------------------
    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def do_PUT(self) -> None:
        self._dispatch()

    def do_DELETE(self) -> None:
        self._dispatch()

    def do_OPTIONS(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        route = Front.route(parts.path)
        try:
            if route == "proxy":
                self._proxy(self.path)
            elif route == "yasgui":
                self._send(301, b"", "text/plain", extra={"Location": "/yasgui/"})
            elif route == "page" and self.command in ("GET", "HEAD"):
                self._static("index.html")
            elif route == "static" and self.command in ("GET", "HEAD"):
                self._static(parts.path.removeprefix("/kgbuild/"))
            elif route in ("queries", "describe", "run") and self.command in ("GET", "HEAD", "POST"):
                self._api(route, self._params(parts.query))
            else:
                self._json(405, {"error": f"{self.command} is not allowed on {parts.path}"})
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    # -- the page and the API ------------------------------------------------------------------
    def _static(self, name: str) -> None:
        body = (_static_dir() / name).read_bytes()
        self._send(200, body, STATIC_FILES[name], extra={"Cache-Control": "no-cache"})

    def _params(self, query: str) -> dict[str, str]:
        params = dict(parse_qsl(query, keep_blank_values=True))
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
            if self.headers.get("Content-Type", "").startswith("application/json"):
                data = json.loads(body or "{}")
                params.update({str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {})
            else:
                params.update(parse_qsl(body, keep_blank_values=True))
        return params

    def _api(self, route: str, params: dict[str, str]) -> None:
        front = self.front
        calls: dict[str, Callable[[], Any]] = {
            "queries": lambda: {"store": front.store_name, "base": front.base, "prefixes": prefixes(front.base),
                                "queries": api.saved_queries()},
            "run": lambda: api.run_query(front.target, params.pop("name", ""), params=params),
            "describe": lambda: api.describe(front.target, params.get("iri", ""), base=front.base),
        }
        try:
            self._json(200, calls[route]())
        except (ParameterError, QueryError) as exc:
            self._json(400, {"error": _one_line(exc)})
        except (EndpointError, KgbuildError) as exc:
            self._json(502, {"error": _one_line(exc)})
        except ValueError as exc:  # a malformed JSON body
            self._json(400, {"error": f"bad request: {_one_line(exc)}"})

    def _json(self, status: int, data: Any) -> None:
        self._send(status, json.dumps(data, ensure_ascii=False).encode(), "application/json; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str, *, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    # -- the proxy -------------------------------------------------------------------------------
    def _proxy(self, path: str) -> None:
        if path.startswith("/yasgui/"):
            path = path.removeprefix("/yasgui")
        assert self.front.child is not None
        host, port = self.front.child
        conn = http.client.HTTPConnection(host, port, timeout=PROXY_TIMEOUT)
        try:
            try:
                conn.putrequest(self.command, path, skip_host=True, skip_accept_encoding=True)
                conn.putheader("Host", f"{host}:{port}")
                chunked = "chunked" in self.headers.get("Transfer-Encoding", "").lower()
                for key, value in self.headers.items():
                    if key.lower() not in _HOP:
                        conn.putheader(key, value)
                if chunked:
                    conn.putheader("Transfer-Encoding", "chunked")
                conn.endheaders()
                if chunked:  # passed on in chunks of at least 64 KiB (a client may send many small ones)
                    pending = bytearray()
                    for chunk in self._request_chunks():
                        pending += chunk
                        if len(pending) >= _CHUNK:
                            conn.send(b"%X\r\n%s\r\n" % (len(pending), pending))
                            pending.clear()
                    if pending:
                        conn.send(b"%X\r\n%s\r\n" % (len(pending), pending))
                    conn.send(b"0\r\n\r\n")
                else:
                    left = int(self.headers.get("Content-Length") or 0)
                    while left > 0:
                        chunk = self.rfile.read(min(left, _CHUNK))
                        if not chunk:
                            break
                        conn.send(chunk)
                        left -= len(chunk)
                answer = conn.getresponse()
            except OSError as exc:
                self.close_connection = True
                self._json(502, {"error": f"the SPARQL server did not answer: {exc.strerror or exc}"})
                return
            self._relay(answer)
        finally:
            conn.close()

    def _request_chunks(self) -> Iterator[bytes]:
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                return
            data = self.rfile.read(size)
            self.rfile.readline()
            yield data

    def _relay(self, answer: http.client.HTTPResponse) -> None:
        self.send_response_only(answer.status, answer.reason)
        length = answer.getheader("Content-Length")
        for key, value in answer.getheaders():
            if key.lower() not in _HOP:
                self.send_header(key, value)
        bodyless = self.command == "HEAD" or answer.status in (204, 304) or 100 <= answer.status < 200
        if length is None and not bodyless:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if bodyless:
            return
        while True:
            chunk = answer.read1(_CHUNK) if length is None else answer.read(_CHUNK)
            if not chunk:
                break
            self.wfile.write(f"{len(chunk):X}\r\n".encode() + chunk + b"\r\n" if length is None else chunk)
        if length is None:
            self.wfile.write(b"0\r\n\r\n")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
