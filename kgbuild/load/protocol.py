"""What every server kind shares: the SPARQL 1.1 Protocol (query, update) and the Graph
Store Protocol, described per kind by a :class:`Target`."""
from __future__ import annotations

import json
from urllib.parse import urlencode
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import EndpointError
from ..http import Auth, gzip_chunks, request

__all__ = ["Target", "GraphLocation", "select", "update", "graph_counts", "graph_names", "put_graph",
           "post_dataset", "insert_data"]


@dataclass(frozen=True, slots=True)
class GraphLocation:
    url: str
    params: dict[str, str]


@dataclass(frozen=True, slots=True)
class Target:
    """One remote dataset, as a server kind exposes it.

    ``gsp_url``: Graph Store Protocol base (None: SPARQL Update only), ``graph_param`` its
    graph parameter; ``dataset_url``: where quads (N-Quads) can be POSTed in one request
    (None: the server takes no quads); ``gzip``: the server inflates ``Content-Encoding: gzip``
    request bodies; ``count_from``: a FROM clause for counting (GraphDB's explicit graph);
    ``lists_graphs``: ``GRAPH ?g {}`` lists the named graphs without reading their triples;
    ``stage_by_post``: temporary graphs go up in one quads POST rather than one PUT each
    (Fuseki/TDB2 commits each request with a sync to disk: ~0.2 s per graph).
    """

    kind: str
    endpoint: str
    query_url: str
    update_url: str
    gsp_url: str | None = None
    graph_param: str = "graph"
    dataset_url: str | None = None
    triples_type: str = "application/n-triples"
    gzip: bool = False
    count_from: str = ""
    system_graphs: tuple[str, ...] = field(default_factory=tuple)
    move_by_insert: bool = False
    chunked: bool = True  # Virtuoso 7.2 stores nothing from chunked PUT bodies
    lists_graphs: bool = False
    stage_by_post: bool = False

    def move(self, tmp: str, graph: str) -> str:
        """SPARQL Update replacing ``graph`` by ``tmp`` (and dropping ``tmp``)."""
        if self.move_by_insert:  # Jena 5.6 TDB2 MOVE/ADD loses blank-node triples; Virtuoso 7.2 MOVE moves nothing
            return (f"DROP SILENT GRAPH <{graph}> ;\nINSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                    f"WHERE {{ GRAPH <{tmp}> {{ ?s ?p ?o }} }} ;\nDROP SILENT GRAPH <{tmp}>")
        return f"MOVE SILENT <{tmp}> TO <{graph}>"

    def graph_location(self, graph: str) -> GraphLocation:
        assert self.gsp_url is not None
        return GraphLocation(self.gsp_url, {self.graph_param: graph})


def select(target: Target, query: str, *, auth: Auth | None, what: str) -> list[dict[str, str]]:
    """Run a SELECT by POST; rows of plain values."""
    response = request("POST", target.query_url, body=urlencode({"query": query}).encode(), auth=auth,
                       what=what, headers={"Content-Type": "application/x-www-form-urlencoded",
                                           "Accept": "application/sparql-results+json"})
    try:
        data = json.loads(response.body)
        return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
    except (ValueError, KeyError, TypeError):
        raise EndpointError(f"{what}: {target.query_url}: answer is not SPARQL JSON results") from None


def update(target: Target, sparql: str, *, auth: Auth | None, what: str) -> None:
    request("POST", target.update_url, body=urlencode({"update": sparql}).encode(), auth=auth,
            what=what, headers={"Content-Type": "application/x-www-form-urlencoded"})


def graph_counts(target: Target, *, auth: Auth | None, prefix: str | None = None) -> dict[str, int]:
    """Triples per named graph on the server (only graphs starting with ``prefix``; the
    filter is on the groups, so it is evaluated once per graph, not once per triple)."""
    having = f'HAVING (STRSTARTS(STR(?g), "{_escape(prefix)}"))' if prefix else ""
    query = (f"SELECT ?g (COUNT(*) AS ?n) {target.count_from} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} "
             f"GROUP BY ?g {having}")
    rows = select(target, query, auth=auth, what="counting graphs")
    return {row["g"]: int(row["n"]) for row in rows if "g" in row}


def graph_names(target: Target, *, auth: Auth | None, prefix: str) -> set[str]:
    """Named graphs on the server starting with ``prefix`` (without counting their triples
    where the server can list graphs)."""
    if not target.lists_graphs:
        return set(graph_counts(target, auth=auth, prefix=prefix))
    query = (f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{_escape(prefix)}")) }}')
    return {row["g"] for row in select(target, query, auth=auth, what="listing graphs") if "g" in row}


Chunks = Callable[[], Iterator[bytes]]


def _body(target: Target, chunks: Chunks) -> tuple[Callable[[], Iterable[bytes]], dict[str, str]]:
    if target.gzip:
        return (lambda: gzip_chunks(chunks())), {"Content-Encoding": "gzip"}
    return chunks, {}


def put_graph(target: Target, graph: str, triples: bytes | Chunks, *, auth: Auth | None) -> None:
    """Replace ``graph`` on the server with N-Triples (GSP PUT): ``bytes`` (sent with a
    Content-Length) or a replayable stream of chunks (sent chunked)."""
    location = target.graph_location(graph)
    headers = {"Content-Type": target.triples_type}
    if isinstance(triples, bytes) or not target.chunked:  # Virtuoso: one graph in memory
        data = triples if isinstance(triples, bytes) else b"".join(triples())
        if target.gzip:
            data = b"".join(gzip_chunks([data]))
            headers["Content-Encoding"] = "gzip"
        request("PUT", location.url, params=location.params, body=data, auth=auth,
                what=f"uploading {graph}", headers=headers)
        return
    body, extra = _body(target, triples)
    request("PUT", location.url, params=location.params, body=body, auth=auth, what=f"uploading {graph}",
            headers={**headers, **extra})


def post_dataset(target: Target, chunks: Chunks, *, auth: Auth | None) -> None:
    """Add quads (N-Quads) to the dataset in one streamed request."""
    assert target.dataset_url is not None
    body, headers = _body(target, chunks)
    request("POST", target.dataset_url, body=body, auth=auth, what="uploading all graphs",
            headers={"Content-Type": "application/n-quads", **headers})


def insert_data(target: Target, graph: str, quads: Callable[[], Iterable[ox.Quad]], *,
                auth: Auth | None, chunk_size: int, blank_nodes: bool) -> None:
    """Fill ``graph`` with SPARQL ``INSERT DATA`` requests of ``chunk_size`` triples (one
    request when the graph has blank nodes: their labels are scoped to one request)."""
    size = 1 << 62 if blank_nodes else chunk_size
    batch: list[str] = []
    for quad in quads():
        batch.append(f"{_relabel(quad.subject, 'k')} {quad.predicate} {_relabel(quad.object, 'k')} .")
        if len(batch) >= size:
            update(target, f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(batch) + "\n} }",
                   auth=auth, what=f"uploading {graph}")
            batch = []
    if batch:
        update(target, f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(batch) + "\n} }",
               auth=auth, what=f"uploading {graph}")


def _relabel(term: Any, prefix: str) -> Any:
    return ox.BlankNode(f"{prefix}{term.value}") if isinstance(term, ox.BlankNode) else term


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
