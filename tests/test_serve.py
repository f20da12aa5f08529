"""``kgbuild serve`` against a real Oxigraph server over a store built here: the SPARQL URLs
(through the front), the page's JSON API over the examples store, and stopping by signal."""
from __future__ import annotations

import csv
import http.client
import io
import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgbuild import servers
from kgbuild.cli import cli
from kgbuild.errors import ParameterError, ServeError
from kgbuild.namespace import prefixes
from kgbuild.query import list_saved, run_saved
from kgbuild.query.output import sparql_json
from kgbuild.serve import start_server
from kgbuild.store import GraphStore

from conftest import reaped
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
        yasgui_url = "http://h/yasgui/"

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
        # a chunked upload (what `kgbuild load` streams) passes the front whole
        conn = http.client.HTTPConnection("127.0.0.1", handle.port, timeout=10)
        conn.request("POST", "/store?graph=urn:h", body=iter([b"<urn:a> <urn:b> \"1\" .\n", b"<urn:a> <urn:b> \"2\" .\n"]),
                     headers={"Content-Type": "application/n-triples"}, encode_chunked=True)
        answer = conn.getresponse()
        assert answer.status in (200, 201, 204), answer.read()
        conn.close()
    with GraphStore.open_read_only(path) as store:
        assert any(g.value == "urn:g" for g in store.graphs())
        assert len(list(store.store.quads_for_pattern(None, None, None, ox.NamedNode("urn:h")))) == 2


# -- the page's API over the examples store ---------------------------------------------------
@pytest.fixture(scope="module")
def examples_server(built_store: Path):
    with start_server(built_store, host="127.0.0.1", port=free_port()) as handle:
        yield handle


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:  # noqa: S310 - localhost
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


def _run(server, **params: str) -> tuple[int, dict]:
    status, _, body = _post(server.url + "api/run", params, "application/json")
    return status, json.loads(body)


def test_the_page_and_the_saved_queries(examples_server) -> None:
    status, headers, body = _get(examples_server.url)
    assert status == 200 and headers["content-type"].startswith("text/html")
    assert b"/kgbuild/app.js" in body
    for name in ("app.js", "app.css"):
        assert _get(examples_server.url + "kgbuild/" + name)[0] == 200
    status, _, body = _get(examples_server.url + "api/queries")
    info = json.loads(body)
    assert info["prefixes"] == prefixes()
    assert [q["name"] for q in info["queries"]] == [q.name for q in list_saved()]
    chain = next(q for q in info["queries"] if q["name"] == "membership-chain")
    assert {"name": "actor", "type": "actor", "required": True}.items() <= chain["params"][0].items()


def test_a_saved_query_answers_as_on_the_store(examples_server, built_store: Path) -> None:
    status, answer = _run(examples_server, name="membership-chain", actor="Kataib Hezbollah", as_of="")
    assert status == 200, answer
    with GraphStore.open_read_only(built_store) as store:
        expected = sparql_json(run_saved(store, "membership-chain", params={"actor": "Kataib Hezbollah"}))
    assert answer["head"] == expected["head"] and answer["results"] == expected["results"]
    assert len(answer["results"]["bindings"]) >= 3


@pytest.mark.parametrize(("params", "message"), [
    ({"name": "membership-chain", "actor": "Nobody At All"}, "parameter actor: unknown actor 'Nobody At All'"),
    ({"name": "attacks-on-state-affiliated-forces", "as_of": "2019-13-01"}, "parameter as_of: '2019-13-01' is not a date"),
    ({"name": "membership-chain"}, "missing parameter actor"),
    ({"name": "membership-chian"}, "no saved query 'membership-chian'; did you mean membership-chain"),
])
def test_parameter_errors_are_400_with_one_line(examples_server, params: dict, message: str) -> None:
    status, answer = _run(examples_server, **params)
    assert status == 400, answer
    assert answer["error"].startswith(message) and "\n" not in answer["error"], answer


def test_describe_an_actor_and_an_event(examples_server, built_store: Path) -> None:
    kh = KB + "kataib-hezbollah"
    status, _, body = _get(examples_server.url + "api/describe?" + urllib.parse.urlencode({"iri": kh}))
    actor = json.loads(body)
    assert status == 200 and actor["kind"] == "actor" and actor["label"] == "Kata'ib Hezbollah"
    with GraphStore.open_read_only(built_store) as store:
        chain = sparql_json(run_saved(store, "membership-chain", params={"actor": kh}))
        attack = run_saved(store, "attacks-on-state-affiliated-forces").rows[0]
    assert actor["chain"]["results"] == chain["results"]
    status, _, body = _get(examples_server.url + "api/describe?" + urllib.parse.urlencode({"iri": attack["event"]}))
    event = json.loads(body)
    assert status == 200 and event["kind"] == "event"
    sentences = {e["sentence"]: e for e in event["evidence"]}
    assert attack["evidence"] in sentences
    assert sentences[attack["evidence"]]["article"] == attack["article"]
    status, _, body = _get(examples_server.url + "api/describe?" + urllib.parse.urlencode({"iri": attack["article"]}))
    article = json.loads(body)
    assert status == 200 and article["kind"] == "article" and article["events"]
    assert article["label"] == sentences[attack["evidence"]]["title"]
    status, _, body = _get(examples_server.url + "api/describe?iri=not%20an%20iri")
    assert status == 400 and json.loads(body)["error"] == str(ParameterError("parameter iri: 'not an iri' is not an absolute IRI"))


def test_sparql_urls_and_yasgui_pass_to_oxigraph(examples_server) -> None:
    status, headers, body = _get(examples_server.url + "yasgui/")
    assert status == 200 and b"yasgui.min.js" in body
    # the answers name the server: clients recognise Oxigraph at this URL as before
    assert servers.detect(headers, examples_server.url).name == "oxigraph"
    assert servers.detect(_get(examples_server.url)[1], examples_server.url).name == "oxigraph"
    status, _, body = _post(examples_server.url + "sparql", {"query": "ASK { ?s a ?c }"}, "application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True
    result = CliRunner().invoke(cli, ["query", "membership-chain", "--param", "actor=Kataib Hezbollah",
                                      "--endpoint", examples_server.url, "--format", "csv"])
    assert result.exit_code == 0 and "Popular Mobilization Forces" in result.stdout, result.output


# -- stopping by signal ---------------------------------------------------------------------------
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_stops_the_child_and_removes_the_snapshot(tmp_path: Path, sig: signal.Signals) -> None:
    path = tmp_path / "kg"
    write_sample_store(path)
    port = free_port()
    with reaped(subprocess.Popen([sys.executable, "-m", "kgbuild", "serve", "--store", str(path), "--port", str(port)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)) as serve:
        deadline = time.monotonic() + 60
        while _get_or_none(f"http://127.0.0.1:{port}/api/queries") != 200:
            assert serve.poll() is None and time.monotonic() < deadline, serve.communicate()
            time.sleep(0.2)
        [child] = map(int, Path(f"/proc/{serve.pid}/task/{serve.pid}/children").read_text().split())
        assert b"oxigraph" in Path(f"/proc/{child}/cmdline").read_bytes()
        assert list(tmp_path.glob(".kgbuild-serve-*/snapshot"))
        serve.send_signal(sig)
        out, err = serve.communicate(timeout=30)
    assert serve.returncode == 0, err
    assert f"Stopped ({sig.name})." in err and "Traceback" not in err, err
    assert not Path(f"/proc/{child}").exists()
    assert not list(tmp_path.glob(".kgbuild-serve-*"))
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0


def _get_or_none(url: str) -> int | None:
    try:
        return _get(url)[0]
    except OSError:
        return None


def test_a_stop_while_the_server_starts_stops_it_once_it_exists(store_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop signal arriving while ``Popen`` is still starting the Oxigraph server is held until
    the server can be stopped: no server outlives the stop."""
    import kgbuild.serve as serve
    from conftest import stopped_inside_popen

    from kgbuild.signals import Stopped, stop_signals

    started = stopped_inside_popen(monkeypatch, serve)
    with pytest.raises(Stopped), stop_signals((signal.SIGTERM,)):
        start_server(store_path, host="127.0.0.1", port=free_port())
    assert started and started[0].returncode is not None  # stopped and reaped
