"""Server kinds (kgbuild/servers/): one registry that load and query both use, one option set
(``--kind``), recognition from a server's answers, and Fuseki's union of graphs for queries
that name graphs (issue 17), against the real Fuseki the tests start.

Adding a kind: its file, one ``register`` line, a row in each table below, a section in
docs/stores.md (checked here), and a server test where the server can be started here."""
from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kgbuild import servers
from kgbuild.cli import cli
from kgbuild.errors import EndpointError
from kgbuild.query import list_saved, run_saved
from kgbuild.query.remote import Endpoint
from kgbuild.store import GraphStore

# -- each kind: URLs from the endpoint, union strategy, recognition ----------------------------
#: kind -> (endpoint given, authenticated) -> (query, update, graph store, quads POST)
URLS = {
    "oxigraph": [(("http://h:7878", False), ("http://h:7878/query", "http://h:7878/update",
                                             "http://h:7878/store", "http://h:7878/store")),
                 (("http://h:7878/query", False), ("http://h:7878/query", "http://h:7878/update",
                                                   "http://h:7878/store", "http://h:7878/store"))],
    "fuseki": [(("http://h:3030/ds", False), ("http://h:3030/ds/query", "http://h:3030/ds/update",
                                              "http://h:3030/ds/data", "http://h:3030/ds")),
               (("http://h:3030/ds/sparql", True), ("http://h:3030/ds/sparql", "http://h:3030/ds/update",
                                                    "http://h:3030/ds/data", "http://h:3030/ds"))],
    "graphdb": [(("http://h:7200/repositories/kg", False),
                 ("http://h:7200/repositories/kg", "http://h:7200/repositories/kg/statements",
                  "http://h:7200/repositories/kg/rdf-graphs/service", None))],
    "virtuoso": [(("http://h:8890/sparql", False), ("http://h:8890/sparql", "http://h:8890/sparql",
                                                    "http://h:8890/sparql-graph-crud", None)),
                 (("http://h:8890/sparql", True), ("http://h:8890/sparql-auth", "http://h:8890/sparql-auth",
                                                   "http://h:8890/sparql-graph-crud-auth", None))],
    "generic": [(("http://h/sparql", False), ("http://h/sparql", "http://h/sparql", None, None))],
}
#: kind -> headers of one of its answers, and its URL
ANSWERS = {
    "oxigraph": ({"server": "Oxigraph/0.5.13"}, "http://h:7878/query"),
    "fuseki": ({"fuseki-request-id": "12", "content-type": "application/sparql-results+json"},
               "http://h:3030/ds/query"),
    "graphdb": ({}, "http://h:7200/repositories/kg"),
    "virtuoso": ({"server": "Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu"}, "http://h:8890/sparql"),
}
PLAIN = "SELECT ?s WHERE { ?s ?p ?o }"
NAMED = "SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
#: kind -> (PLAIN, NAMED) as sent, and the request parameters added
UNION = {
    "oxigraph": ((PLAIN, NAMED), {"union-default-graph": "true"}),
    "fuseki": (("SELECT ?s FROM <urn:x-arq:UnionGraph> WHERE { ?s ?p ?o }",
                "SELECT ?g WHERE { GRAPH <urn:x-arq:UnionGraph> { GRAPH ?g { ?s ?p ?o } } }"), {}),
    "graphdb": ((PLAIN, NAMED), {}),
    "virtuoso": ((PLAIN, NAMED), {}),
    "generic": ((PLAIN, NAMED), {}),
}


def test_every_registered_kind_is_described_by_these_tables() -> None:
    assert set(servers.kinds()) == set(URLS) == set(UNION) == set(ANSWERS) | {"generic"}


@pytest.mark.parametrize("name", servers.kinds())
def test_urls_from_the_endpoint(name: str) -> None:
    kind = servers.get(name)
    assert kind.name == name and kind.title
    for (endpoint, authenticated), expected in URLS[name]:
        target = kind.target(endpoint, authenticated=authenticated)
        assert (target.query_url, target.update_url, target.gsp_url, target.dataset_url) == expected
        assert target.kind == name


@pytest.mark.parametrize("name", servers.kinds())
def test_union_strategy(name: str) -> None:
    (plain, named), params = UNION[name]
    kind = servers.get(name)
    assert kind.union_query(PLAIN) == (plain, params)
    assert kind.union_query(NAMED) == (named, params)


@pytest.mark.parametrize("name", sorted(ANSWERS))
def test_recognised_from_an_answer(name: str) -> None:
    headers, url = ANSWERS[name]
    assert servers.detect(headers, url).name == name
    others = [k for k in servers.kinds() if k != name]
    assert not any(servers.get(k).recognises(headers, url) for k in others)


def test_an_unknown_server_is_no_kind() -> None:
    assert servers.detect({"server": "BaseHTTP/0.6 Python/3.11"}, "http://h/sparql") is None
    with pytest.raises(EndpointError, match="unknown server kind 'no-such-kind'"):
        servers.get("no-such-kind")


def test_one_option_set_for_load_and_query() -> None:
    runner = CliRunner()
    helps = {name: runner.invoke(cli, [name, "--help"], terminal_width=200).output for name in ("load", "query")}
    for name, text in helps.items():
        assert "--kind [" + "|".join(servers.kinds()) + "]" in text, (name, text)
        for option in ("--endpoint", "--user", "--password", "--netrc"):
            assert option in text, (name, option)
        assert "--endpoint-kind" not in text and "--digest" not in text, (name, text)  # hidden, deprecated


def test_docs_describe_every_kind() -> None:
    stores = (ROOT / "docs" / "stores.md").read_text(encoding="utf-8")
    headings = [line for line in stores.splitlines() if line.startswith("### ")]
    for name in servers.kinds():
        assert any(f"`--kind {name}`" in h for h in headings), f"docs/stores.md: no section for --kind {name}"


# -- recognition, and the warning when there is none -------------------------------------------
class _Empty(BaseHTTPRequestHandler):
    """A SPARQL endpoint of no known kind whose default graph is empty."""

    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:  # noqa: N802
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = json.dumps({"head": {"vars": ["n"]}, "results": {"bindings": []}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture()
def unknown_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Empty)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql"
    finally:
        server.shutdown()
        server.server_close()


def test_an_empty_answer_from_an_unknown_server_warns(unknown_server: str, tmp_path: Path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("SELECT ?n WHERE { ?n ?p ?o }\n")
    result = CliRunner().invoke(cli, ["query", str(query), "--endpoint", unknown_server, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "--kind" in result.stderr, result.output
    result = CliRunner().invoke(cli, ["query", str(query), "--endpoint", unknown_server, "--kind", "generic",
                                      "--format", "csv"])
    assert result.exit_code == 0 and "warning" not in result.stderr, result.output


# -- a real Fuseki: queries that name graphs, and no kind given --------------------------------
def _fuseki(tdb2: bool) -> Iterator[object]:
    from servers import Unavailable, fuseki_server

    try:
        with fuseki_server(tdb2=tdb2) as server:
            yield server
    except Unavailable as exc:
        pytest.skip(f"fuseki: {exc}")


@pytest.fixture(scope="module", params=[False, True], ids=["in-memory", "tdb2"])
def fuseki(request: pytest.FixtureRequest, built_store: Path) -> Iterator[object]:
    from kgbuild.load import load_store

    for server in _fuseki(request.param):
        with GraphStore.open_read_only(built_store) as store:
            load_store(store, endpoint=server.url, kind="fuseki")
        yield server


#: saved queries with parameters resolved against the server (actor names: `GRAPH ?g` queries)
WITH_ACTORS = {"membership-chain": {"actor": "Kataib Hezbollah"}, "who-leads": {"org": "PMU"},
               "event-timeline": {"actor": "Iraq"}, "claims-by-source": {"source": "USA"},
               "attacks-on-state-affiliated-forces": {}}


@pytest.mark.server
@pytest.mark.parametrize("kind", ["fuseki", None], ids=["kind-fuseki", "no-kind"])
def test_fuseki_answers_as_the_store(fuseki, built_store: Path, kind: str | None) -> None:
    endpoint = Endpoint(fuseki.query_url, kind=kind, timeout=60)
    with GraphStore.open_read_only(built_store) as store:
        for name, params in WITH_ACTORS.items():
            local = sorted(map(repr, run_saved(store, name, params=params).rows))
            remote = sorted(map(repr, run_saved(endpoint, name, params=params).rows))
            assert local and remote == local, name
    assert endpoint.server_kind == "fuseki"
    graphs = endpoint.run("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a ?c } }").rows
    assert len(graphs) > 5  # `FROM <urn:x-arq:UnionGraph>` gave none here


#: a value for every required parameter of a saved query (a new query with one fails below until added)
EVERY_QUERY = {**WITH_ACTORS, "events-by-actor": {"actor": "USA"}}


@pytest.fixture(scope="module")
def on_the_store(built_store: Path) -> dict[tuple[str, bool], list[str]]:
    """Each saved query's rows (both variants) on the embedded store, once for both Fusekis."""
    rows: dict[tuple[str, bool], list[str]] = {}
    with GraphStore.open_read_only(built_store) as store:
        for saved in list_saved():
            missing = [p.name for p in saved.params if p.required and p.name not in EVERY_QUERY.get(saved.name, {})]
            assert not missing, f"EVERY_QUERY needs a value for {saved.name}'s {missing}"
            for inferred in (False, True) if saved.inferred_text else (False,):
                result = run_saved(store, saved.name, params=EVERY_QUERY.get(saved.name, {}), use_inferred=inferred)
                rows[saved.name, inferred] = sorted(map(repr, result.rows))
    return rows


@pytest.mark.server
def test_every_saved_query_answers_on_fuseki_in_seconds(fuseki, on_the_store) -> None:
    # Jena's ARQ evaluates a query as written: property paths from an unbound end, or OPTIONALs
    # before the selective patterns, took minutes here (docs/performance.md, Fuseki). 10 s is a
    # guard against that coming back, not a benchmark: the queries answer in about a second.
    endpoint = Endpoint(fuseki.query_url, kind="fuseki", timeout=10)
    for (name, inferred), expected in on_the_store.items():
        try:
            result = run_saved(endpoint, name, params=EVERY_QUERY.get(name, {}), use_inferred=inferred)
        except EndpointError as exc:
            pytest.fail(f"{name} (inferred={inferred}) on Fuseki: {exc}")
        assert sorted(map(repr, result.rows)) == expected, (name, inferred)


@pytest.mark.server
def test_cli_query_on_fuseki_without_a_kind(fuseki) -> None:
    result = CliRunner().invoke(cli, ["query", "membership-chain", "--param", "actor=Kataib Hezbollah",
                                      "--endpoint", fuseki.query_url, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "Popular Mobilization Forces" in result.stdout and "warning" not in result.stderr, result.output


@pytest.mark.server
def test_cli_load_recognises_the_server(fuseki, built_store: Path) -> None:
    result = CliRunner().invoke(cli, ["load", "--endpoint", fuseki.url, "--store", str(built_store),
                                      "--graphs", "kb"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("load into fuseki"), result.output


# -- a real Virtuoso: a large graph through Digest auth, and queries without a kind -------------
@pytest.fixture(scope="module")
def virtuoso() -> Iterator[object]:
    from servers import Unavailable, virtuoso_server

    try:
        with virtuoso_server() as server:
            yield server
    except Unavailable as exc:
        pytest.skip(f"virtuoso: {exc}")


@pytest.mark.server
def test_virtuoso_takes_the_whole_kb_and_answers_without_a_kind(virtuoso, built_store: Path) -> None:
    from kgbuild.http import Auth
    from kgbuild.load import load_store

    auth = Auth(user=virtuoso.extra["user"], password=virtuoso.extra["password"])
    with GraphStore.open_read_only(built_store) as store:
        # the kb graph is megabytes of Turtle: sent with Basic credentials up front, Virtuoso
        # refused it before reading it and reset the connection on every attempt
        report = load_store(store, endpoint=virtuoso.url, kind="virtuoso", auth=auth)
        assert report.ok and report.triples == sum(store.count(g) for g in store.graphs())
        endpoint = Endpoint(virtuoso.query_url, timeout=60)
        assert endpoint.inferred_is_current()  # Virtuoso answers ASK as a one-cell table
        assert endpoint.server_kind == "virtuoso"
        name = "attacks-on-state-affiliated-forces"
        assert sorted(map(repr, run_saved(endpoint, name).rows)) == sorted(map(repr, run_saved(store, name).rows))


@pytest.mark.server
def test_the_url_load_takes_also_serves_query(built_store: Path) -> None:
    """`--endpoint http://host:7878` (the server URL `load` takes) works for `query` too: the
    kind, recognised from the first answer, knows its query URL."""
    from servers import Unavailable, oxigraph_server

    from kgbuild.load import load_store

    try:
        with oxigraph_server() as server, GraphStore.open_read_only(built_store) as store:
            report = load_store(store, endpoint=server.url, graphs=["kb"])
            assert report.kind == "oxigraph" and report.ok  # recognised by a HEAD request
            endpoint = Endpoint(server.url)  # POST / is no query endpoint: sent again to /query
            chain = run_saved(endpoint, "membership-chain", params={"actor": "Kataib Hezbollah"}).rows
            assert endpoint.server_kind == "oxigraph"
            assert any(r["chain"].startswith("Kata'ib Hezbollah -> Popular Mobilization Forces") for r in chain), chain
    except Unavailable as exc:
        pytest.skip(str(exc))
