"""``kgbuild load`` into real servers started here: Oxigraph, Fuseki (TDB2, union default
graph; in-memory with Basic auth), Virtuoso. Skipped with a reason when one cannot be had."""
from __future__ import annotations

import csv
import io
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import cli
from kgbuild.errors import LoadError
from kgbuild.http import Auth, request
from kgbuild.load import load_store
from kgbuild.store import GraphStore

from servers import (BASE, KG, Unavailable, fuseki_server, oxigraph_server, virtuoso_server,
                     write_sample_store)

pytestmark = pytest.mark.server


def _server(factory, **kwargs):
    try:
        with factory(**kwargs) as server:
            yield server
    except Unavailable as exc:
        pytest.skip(f"{factory.__name__}: {exc}")


@pytest.fixture(scope="session")
def oxigraph():
    yield from _server(oxigraph_server)


@pytest.fixture(scope="session")
def fuseki():
    yield from _server(fuseki_server)


@pytest.fixture(scope="session")
def fuseki_auth():
    yield from _server(fuseki_server, user="kg", password="s3cret-pw", tdb2=False)


@pytest.fixture(scope="session")
def virtuoso():
    yield from _server(virtuoso_server)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("load") / "kg"
    write_sample_store(path, articles=3)
    return path


@pytest.fixture()
def store(store_path: Path):
    with GraphStore.open_read_only(store_path) as opened:
        yield opened


def query_csv(url: str, query: str, *, auth: Auth | None = None) -> list[dict[str, str]]:
    response = request("POST", url, body=urllib.parse.urlencode({"query": query}).encode(), auth=auth,
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "text/csv"})
    return list(csv.DictReader(io.StringIO(response.text())))


CLAIM_GRAPHS = f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?c a <{KG}Claim> }} }} ORDER BY ?g'


def _check_loaded(report, store: GraphStore) -> None:
    assert report.ok
    assert {g.graph for g in report.graphs} == {g.value for g in store.graphs()}
    assert all(g.remote == g.local for g in report.graphs)
    assert report.triples == store.count() and report.triples_per_second > 0


def test_oxigraph_first_load_then_idempotent_reload(oxigraph, store: GraphStore) -> None:
    first = load_store(store, endpoint=oxigraph.url, kind="oxigraph")
    _check_loaded(first, store)
    assert first.method == "one N-Quads upload"
    again = load_store(store, endpoint=oxigraph.url, kind="oxigraph")
    _check_loaded(again, store)
    assert "MOVE" in again.method
    rows = query_csv(oxigraph.query_url, CLAIM_GRAPHS)
    assert [r["g"] for r in rows] == [f"{BASE}graph/claims/a{i}" for i in (1, 2, 3)]
    # union default graph: a kb fact joins a doc fact, and the ontology's blank node is not doubled
    rows = query_csv(oxigraph.query_url, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?e <{KG}target> ?t . "
                                         f"?t <{KG}subOrganizationOf> ?p }}")
    assert rows == [{"n": "3"}]
    rows = query_csv(oxigraph.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?r <http://www.w3.org/2002/07/owl#onProperty> ?p }")
    assert rows == [{"n": "1"}]


def test_oxigraph_replace_drops_only_our_stale_graphs(oxigraph, store: GraphStore) -> None:
    stale, other = f"{BASE}graph/doc/gone", "urn:someone-else"
    request("POST", oxigraph.url + "/update", body=urllib.parse.urlencode({"update": (
        f"INSERT DATA {{ GRAPH <{stale}> {{ <urn:a> <urn:b> 1 }} GRAPH <{other}> {{ <urn:a> <urn:b> 2 }} }}")}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    load_store(store, endpoint=oxigraph.url, kind="oxigraph", graphs=["kb"])
    graphs = {r["g"] for r in query_csv(oxigraph.query_url, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")}
    assert stale in graphs and other in graphs  # without --replace nothing else is touched
    report = load_store(store, endpoint=oxigraph.url, kind="oxigraph", graphs=["a1"], replace=True)
    assert [g.graph for g in report.graphs if g.status == "dropped"] == [stale]
    graphs = {r["g"] for r in query_csv(oxigraph.query_url, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }")}
    assert stale not in graphs and other in graphs


def test_graphs_larger_than_a_chunk_stream_in_chunks(store: GraphStore) -> None:
    # chunk_size 2: the kb and ontology graphs are streamed 2 triples at a time (the ontology's
    # blank nodes relabelled on the way), article graphs are sent whole
    fresh = _server(oxigraph_server)
    server = next(fresh)
    try:
        methods = [load_store(store, endpoint=server.url, kind="oxigraph", chunk_size=2) for _ in range(2)]
        rows = query_csv(server.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?r <http://www.w3.org/2002/07/owl#onProperty> ?p }")
    finally:
        fresh.close()
    for report in methods:
        _check_loaded(report, store)
    assert [r.method for r in methods] == ["one N-Quads upload", "per-graph PUT + MOVE"]
    assert rows == [{"n": "1"}]


def test_staging_by_one_post_replaces_all_or_nothing(oxigraph, store: GraphStore, monkeypatch) -> None:
    # Fuseki's way (temporary graphs in one POST, then MOVE), tried on Oxigraph
    import dataclasses

    import kgbuild.load as load_module

    load_store(store, endpoint=oxigraph.url, kind="oxigraph")
    before = query_csv(oxigraph.query_url, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    real = load_module.make_target

    def staging(dataset: str):  # noqa: ANN202
        return lambda *a, **k: dataclasses.replace(real(*a, **k), stage_by_post=True, dataset_url=dataset)

    monkeypatch.setattr(load_module, "make_target", staging(oxigraph.url + "/no-such-endpoint"))
    with pytest.raises(LoadError, match="server unchanged"):
        load_store(store, endpoint=oxigraph.url, kind="oxigraph")
    after = query_csv(oxigraph.query_url, "SELECT ?g (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    assert after == before  # no temporary graph left, no graph touched
    monkeypatch.setattr(load_module, "make_target", staging(oxigraph.url + "/store"))
    report = load_store(store, endpoint=oxigraph.url, kind="oxigraph")
    _check_loaded(report, store)
    assert report.method == "one N-Quads upload into temporary graphs + MOVE"


def test_generic_kind_uses_sparql_update(oxigraph, store: GraphStore) -> None:
    report = load_store(store, endpoint=oxigraph.url + "/query", kind="generic", chunk_size=2,
                        update_endpoint=oxigraph.url + "/update")
    _check_loaded(report, store)
    assert "INSERT DATA" in report.method
    rows = query_csv(oxigraph.query_url, "SELECT (COUNT(*) AS ?n) WHERE { ?r <http://www.w3.org/2002/07/owl#onProperty> ?p }")
    assert rows == [{"n": "1"}]


def test_fuseki_tdb2_load_and_union(fuseki, store: GraphStore) -> None:
    report = load_store(store, endpoint=fuseki.url, kind="fuseki")
    _check_loaded(report, store)
    assert report.method == "one N-Quads upload"
    again = load_store(store, endpoint=fuseki.url, kind="fuseki")  # one POST into temporary graphs
    _check_loaded(again, store)
    assert again.method == "one N-Quads upload into temporary graphs + MOVE"
    onto = "SELECT (COUNT(*) AS ?n) WHERE { ?r <http://www.w3.org/2002/07/owl#onProperty> ?p }"
    assert query_csv(fuseki.query_url, onto) == [{"n": "1"}]  # the ontology's blank node once
    rows = query_csv(fuseki.query_url, CLAIM_GRAPHS)
    assert [r["g"] for r in rows] == [f"{BASE}graph/claims/a{i}" for i in (1, 2, 3)]
    join = f"SELECT (COUNT(*) AS ?n) {{ ?e <{KG}target> ?t . ?t <{KG}subOrganizationOf> ?p }}"
    assert query_csv(fuseki.query_url, join) == [{"n": "3"}]  # tdb2:unionDefaultGraph
    union = f"SELECT (COUNT(*) AS ?n) FROM <urn:x-arq:UnionGraph> WHERE {{ ?e <{KG}target> ?t . ?t <{KG}subOrganizationOf> ?p }}"
    assert query_csv(fuseki.query_url, union) == [{"n": "3"}]


def test_fuseki_basic_auth(fuseki_auth, store: GraphStore) -> None:
    report = load_store(store, endpoint=fuseki_auth.url, kind="fuseki", auth=Auth(user="kg", password="s3cret-pw"))
    _check_loaded(report, store)
    with pytest.raises(LoadError) as info:
        load_store(store, endpoint=fuseki_auth.url, kind="fuseki", auth=Auth(user="kg", password="wrong-pw"))
    message = str(info.value)
    assert "authentication refused" in message and "wrong-pw" not in message
    assert len(message.splitlines()) == 1 + len(store.graphs())
    assert not info.value.report.ok  # type: ignore[attr-defined]


def test_cli_load_with_wrong_password_env(fuseki_auth, store_path: Path) -> None:
    result = CliRunner().invoke(cli, ["load", "--endpoint", fuseki_auth.url, "--kind", "fuseki",
                                      "--store", str(store_path)],
                                env={"KGBUILD_USER": "kg", "KGBUILD_PASSWORD": "wrong-pw"})
    assert result.exit_code != 0, result.output
    assert "authentication refused" in result.output and "wrong-pw" not in result.output, result.output
    assert "failed" in result.output and "Traceback" not in result.output, result.output


def test_cli_load_ok(fuseki_auth, store_path: Path) -> None:
    result = CliRunner().invoke(cli, ["load", "--endpoint", fuseki_auth.url, "--kind", "fuseki",
                                      "--store", str(store_path), "--user", "kg", "--password", "s3cret-pw",
                                      "--graphs", "docs"])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "s3cret" not in result.output, result.output


def test_unreachable_server(store: GraphStore) -> None:
    from servers import free_port

    with pytest.raises(LoadError) as info:
        load_store(store, endpoint=f"http://127.0.0.1:{free_port()}", kind="oxigraph")
    assert "connection refused" in str(info.value)
    assert all(g.status == "failed" for g in info.value.report.graphs)  # type: ignore[attr-defined]


def test_unknown_article_is_an_error(store: GraphStore) -> None:
    with pytest.raises(LoadError, match="no graphs for 'nope'"):
        load_store(store, endpoint="http://127.0.0.1:1", kind="oxigraph", graphs=["nope"])


def test_virtuoso_load(virtuoso, store: GraphStore) -> None:
    auth = Auth(user=virtuoso.extra["user"], password=virtuoso.extra["password"])
    report = load_store(store, endpoint=virtuoso.url, kind="virtuoso", auth=auth)
    _check_loaded(report, store)
    _check_loaded(load_store(store, endpoint=virtuoso.url, kind="virtuoso", auth=auth), store)
    rows = query_csv(virtuoso.query_url, CLAIM_GRAPHS)
    assert [r["g"] for r in rows] == [f"{BASE}graph/claims/a{i}" for i in (1, 2, 3)]
    join = f"SELECT (COUNT(*) AS ?n) {{ ?e <{KG}target> ?t . ?t <{KG}subOrganizationOf> ?p }}"
    assert query_csv(virtuoso.query_url, join) == [{"n": "3"}]  # default graph spans all graphs


def test_graph_selectors_name_each_kind_of_graph() -> None:
    from kgbuild.layout import Layout
    from kgbuild.load import select_graph_names

    layout = Layout("https://x.org/")
    local = [layout.graph(k).value for k in ("ontology", "kb", "actors", "inferred")]
    local += [layout.doc_graph("a").value, layout.claims_graph("a").value, layout.doc_graph("b").value]
    assert select_graph_names(["actors"], layout=layout, local=local) == ["https://x.org/graph/actors"]
    assert select_graph_names(["kb", "inferred"], layout=layout, local=local) == [
        "https://x.org/graph/inferred", "https://x.org/graph/kb"]
    assert select_graph_names(["a"], layout=layout, local=local) == [
        "https://x.org/graph/claims/a", "https://x.org/graph/doc/a"]
    assert len(select_graph_names(["docs"], layout=layout, local=local)) == 3
    assert select_graph_names(["all"], layout=layout, local=local) == sorted(local)
