"""Remote endpoint faults for ``query`` and ``load``: a local server we control on 127.0.0.1
answers slowly, with 500s, resets the connection, refuses credentials or truncates bodies.
Retries where safe, otherwise one clear line; after a failed load the server holds the old
version of every graph, never a mix."""
from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.client import HTTPConnection
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.servers import BASE, Unavailable, oxigraph_server, write_sample_store

from .conftest import run_cli, show

PASSWORD = "s3cret-Pa55"
Fault = Callable[[str, str, int], str | None]  # (method, path, request number) -> behaviour


def _read_body(handler: BaseHTTPRequestHandler) -> bytes:
    if handler.headers.get("Transfer-Encoding", "").lower() == "chunked":
        out = b""
        while True:
            size = int(handler.rfile.readline().strip() or b"0", 16)
            if size == 0:
                handler.rfile.readline()
                return out
            out += handler.rfile.read(size)
            handler.rfile.readline()
    return handler.rfile.read(int(handler.headers.get("Content-Length") or 0))


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _FaultServer

    def log_message(self, *args: object) -> None:
        pass

    def _handle(self) -> None:
        body = _read_body(self)
        server = self.server
        with server.lock:
            server.count += 1
            number = server.count
        server.log.append((self.command, self.path, body, dict(self.headers)))
        behaviour = server.fault(self.command, self.path, number)
        if behaviour == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
            self.close_connection = True
            return
        if behaviour == "slow":
            time.sleep(3)
        if behaviour and behaviour[:3].isdigit():
            self._reply(int(behaviour[:3]), b"failure injected by the test", extra={
                "WWW-Authenticate": 'Basic realm="x"'} if behaviour.startswith("401") else {})
            return
        if server.upstream is None:
            answer = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [
                {"x": {"type": "literal", "value": "ok"}}]}}).encode()
            if behaviour == "truncate":
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer[: len(answer) // 2])
                self.wfile.flush()
                self.connection.close()
                self.close_connection = True
                return
            self._reply(200, answer, content_type="application/sparql-results+json")
            return
        conn = HTTPConnection(*server.upstream, timeout=30)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in ("transfer-encoding", "host")}
        headers["Content-Length"] = str(len(body))
        conn.request(self.command, self.path, body=body, headers=headers)
        upstream = conn.getresponse()
        data = upstream.read()
        self._reply(upstream.status, data, content_type=upstream.getheader("Content-Type", "text/plain"))
        conn.close()

    def _reply(self, status: int, body: bytes, *, content_type: str = "text/plain",
               extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


class _FaultServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fault: Fault, upstream: tuple[str, int] | None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fault, self.upstream = fault, upstream
        self.count, self.lock, self.log = 0, threading.Lock(), []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that time out and hang up are what these tests do on purpose


def _serve(fault: Fault, upstream: tuple[str, int] | None = None) -> Iterator[_FaultServer]:
    server = _FaultServer(fault, upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


# -- query ------------------------------------------------------------------------------------
@pytest.fixture()
def rq_file(tmp_path: Path) -> Path:
    path = tmp_path / "q.rq"
    path.write_text("SELECT ?x WHERE { ?x ?p ?o } LIMIT 1\n")
    return path


def _query(url: str, rq: Path, *extra: str) -> object:
    return run_cli(["query", str(rq), "--endpoint", f"{url}/query", "--format", "csv", "--user", "alice",
                    "--password", PASSWORD, "--timeout", "1", *extra])


@pytest.mark.parametrize(("behaviour", "needle"), [
    ("500", "HTTP 500"),
    ("401", "authentication failed"),
    ("403", "HTTP 403"),
    ("slow", "no answer within 1s"),
    ("reset", "unreachable"),
    ("truncate", "incomplete answer"),
])
def test_query_endpoint_faults_are_one_line(rq_file: Path, behaviour: str, needle: str) -> None:
    for server in _serve(lambda m, p, n: behaviour):
        result = _query(server.url, rq_file)
        assert result.exit_code == 1, show(result)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and needle in lines[0], show(result)
        assert PASSWORD not in result.output, show(result)


def test_query_retries_a_transient_failure(rq_file: Path) -> None:
    for server in _serve(lambda m, p, n: "503" if n == 1 else "reset" if n == 2 else None):
        result = _query(server.url, rq_file)
        assert result.exit_code == 0, show(result)
        assert "ok" in result.stdout and server.count == 3


def test_query_credentials_from_environment_not_echoed(rq_file: Path) -> None:
    for server in _serve(lambda m, p, n: "401"):
        result = run_cli(["query", str(rq_file), "--endpoint", f"{server.url}/query", "--format", "csv"],
                         env={"KGBUILD_USER": "alice", "KGBUILD_PASSWORD": PASSWORD})
        assert result.exit_code == 1, show(result)
        assert PASSWORD not in result.output
        assert server.log and server.log[0][3].get("Authorization", "").startswith("Basic ")


# -- load ---------------------------------------------------------------------------------------
def _stores(tmp_path: Path) -> tuple[Path, Path]:
    v1, v2 = tmp_path / "v1", tmp_path / "v2"
    write_sample_store(v1, articles=2)
    write_sample_store(v2, articles=2)
    store = ox.Store(str(v2))
    marker = ox.NamedNode("https://example.org/version")
    store.extend([ox.Quad(marker, marker, ox.Literal("2"), g) for g in list(store.named_graphs())])
    store.flush()
    del store
    return v1, v2


def _server_counts(query_url: str) -> dict[str, int]:
    import urllib.parse
    import urllib.request

    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    request = urllib.request.Request(query_url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310 - local test server
        rows = json.load(answer)["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows if r["g"]["value"].startswith(BASE)}


def _local_counts(path: Path) -> dict[str, int]:
    store = ox.Store.read_only(str(path))
    return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g)) for g in store.named_graphs()}


@pytest.fixture()
def oxigraph() -> Iterator[object]:
    try:
        with oxigraph_server() as server:
            yield server
    except Unavailable as exc:
        pytest.skip(str(exc))


def _load(url: str, store: Path) -> object:
    return run_cli(["load", "--endpoint", url, "--kind", "oxigraph", "--store", str(store), "--user", "alice",
                    "--password", PASSWORD])


def test_failed_load_leaves_every_graph_old(tmp_path: Path, oxigraph) -> None:  # noqa: ANN001
    v1, v2 = _stores(tmp_path)
    host, port = oxigraph.url.removeprefix("http://").split(":")
    assert _load(oxigraph.url, v1).exit_code == 0
    old = _server_counts(oxigraph.query_url)
    assert old == _local_counts(v1)
    puts = []

    def fault(method: str, path: str, n: int) -> str | None:
        if method == "PUT":
            puts.append(n)
            if len(puts) >= 3:  # the third graph upload fails for good, the server "goes away"
                return "400"
        return "reset" if len(puts) >= 3 and method == "POST" and "update" in path else None

    for proxy in _serve(fault, upstream=(host, int(port))):
        result = _load(proxy.url, v2)
        assert result.exit_code == 1, show(result)
        assert PASSWORD not in result.output
        assert any("HTTP 400" in line for line in result.output.splitlines()), show(result)
        sequence = [(m, p.split("?")[0]) for m, p, _, _ in proxy.log]
        assert ("PUT", "/store") in sequence
    assert _server_counts(oxigraph.query_url) == old  # every graph old: no mix


def test_load_retries_transient_failures_then_replaces_all(tmp_path: Path, oxigraph) -> None:  # noqa: ANN001
    v1, v2 = _stores(tmp_path)
    host, port = oxigraph.url.removeprefix("http://").split(":")
    assert _load(oxigraph.url, v1).exit_code == 0
    failed: list[int] = []

    def fault(method: str, path: str, n: int) -> str | None:
        if method == "PUT" and not failed:
            failed.append(n)
            return "503"
        return None

    for proxy in _serve(fault, upstream=(host, int(port))):
        result = _load(proxy.url, v2)
        assert result.exit_code == 0, show(result)
        protocol = [(m, p.split("?")[0], b"MOVE" in body) for m, p, body, _ in proxy.log]
        puts = [i for i, (m, _, _) in enumerate(protocol) if m == "PUT"]
        moves = [i for i, (_, _, move) in enumerate(protocol) if move]
        assert puts and moves and max(puts) < min(moves), protocol  # temporary graphs, then MOVE
    assert _server_counts(oxigraph.query_url) == _local_counts(v2)
