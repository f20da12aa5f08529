"""``kgbuild serve`` against a real Oxigraph server over a store built here."""
from __future__ import annotations

import csv
import io
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import cli
from kgbuild.errors import ServeError
from kgbuild.serve import start_server
from kgbuild.store import GraphStore

from servers import BASE, KB, KG, free_port, write_sample_store

pytestmark = pytest.mark.server

TARGET_QUERY = f"SELECT ?event ?target WHERE {{ ?event a <{KG}Attack> ; <{KG}target> ?target }} ORDER BY ?event"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "kg"
    write_sample_store(path)
    return path


@pytest.fixture(scope="module")
def server(store_path: Path):
    with start_server(store_path, host="127.0.0.1", port=free_port()) as handle:
        yield handle


def _post(url: str, data: dict[str, str], accept: str) -> tuple[int, str, str]:
    req = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers={"Accept": accept})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 - localhost
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode()


def test_urls(server) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    assert server.query_url == server.url + "query"
    assert server.store_url == server.url + "store"


@pytest.mark.parametrize(("accept", "check"), [
    ("application/sparql-results+json",
     lambda body: {b["target"]["value"] for b in json.loads(body)["results"]["bindings"]}),
    ("application/sparql-results+xml", lambda body: {KB + "kataib-hezbollah"} if
     f"<uri>{KB}kataib-hezbollah</uri>" in body else set()),
    ("text/csv", lambda body: {r["target"] for r in csv.DictReader(io.StringIO(body))}),
    ("text/tab-separated-values",
     lambda body: {line.split("\t")[1].strip("<>") for line in body.splitlines()[1:]}),
])
def test_query_formats(server, accept: str, check) -> None:
    status, ctype, body = _post(server.query_url, {"query": TARGET_QUERY}, accept)
    assert status == 200, body
    assert ctype.startswith(accept)
    assert check(body) == {KB + "kataib-hezbollah"}


def test_union_default_graph(server) -> None:
    # facts from the kb graph and a doc graph join without GRAPH: the default graph is the union
    query = (f"SELECT ?event ?parent WHERE {{ ?event <{KG}target> ?t . ?t <{KG}subOrganizationOf> ?parent }}")
    _, _, body = _post(server.query_url, {"query": query}, "text/csv")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert len(rows) == 2 and {r["parent"] for r in rows} == {KB + "popular-mobilization-forces"}
    _, _, body = _post(server.query_url, {"query": "SELECT ?g WHERE { GRAPH ?g {} } ORDER BY ?g"}, "text/csv")
    assert f"{BASE}graph/claims/a1" in body


def test_read_only_refuses_writes(server, store_path: Path) -> None:
    status, _, _ = _post(server.update_url, {"update": "INSERT DATA { <urn:x> <urn:y> <urn:z> }"}, "*/*")
    assert status >= 400
    req = urllib.request.Request(server.store_url + "?default", method="POST", data=b"<urn:x> <urn:y> <urn:z> .",
                                 headers={"Content-Type": "application/n-triples"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req, timeout=10)  # noqa: S310
    assert info.value.code >= 400


def test_store_stays_usable_while_served(server, store_path: Path) -> None:
    # the server reads a snapshot: the store itself can still be opened for writing
    with GraphStore.open(store_path) as store:
        assert store.count() > 0


def test_port_in_use_is_a_clean_error(store_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(ServeError, match="already in use"):
            start_server(store_path, host="127.0.0.1", port=port)
        result = CliRunner().invoke(cli, ["serve", "--store", str(store_path), "--port", str(port)])
    assert result.exit_code != 0, result.output
    assert "already in use" in result.output, result.output
    assert "Traceback" not in result.output


def test_missing_store_is_a_clean_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "nope"), "--port", str(free_port())])
    assert result.exit_code != 0, result.output
    assert "no kgbuild store" in result.output, result.output


def test_cli_warns_for_writable_and_public_host(monkeypatch: pytest.MonkeyPatch, store_path: Path) -> None:
    import kgbuild.serve.cli as serve_cli

    class Fake:
        url, query_url, update_url, store_url = "http://h/", "http://h/query", "http://h/update", "http://h/store"

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return None

        def wait(self):
            raise KeyboardInterrupt

    monkeypatch.setattr(serve_cli, "start_server", lambda *a, **k: Fake())
    result = CliRunner().invoke(cli, ["serve", "--store", str(store_path), "--writable", "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    assert "warning: --writable" in result.output and "warning: binding to 0.0.0.0" in result.output
    assert "http://h/query" in result.output and "http://h/store" in result.output


def test_writable_server_accepts_updates(tmp_path: Path) -> None:
    path = tmp_path / "kg"
    write_sample_store(path)
    with start_server(path, port=free_port(), writable=True) as handle:
        status, _, body = _post(handle.update_url, {"update": "INSERT DATA { GRAPH <urn:g> { <urn:x> <urn:y> 1 } }"}, "*/*")
        assert status in (200, 204), body
    with GraphStore.open_read_only(path) as store:
        assert any(g.value == "urn:g" for g in store.graphs())
