"""What a load asks of a server beyond the shared protocol (:mod:`kgbuild.servers.protocol`):
per-graph triple counts, the list of our graphs, and filling a graph by ``INSERT DATA``."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pyoxigraph as ox

from ..http import Auth
from ..servers.base import Target
from ..servers.protocol import post_dataset, put_graph, select, update

__all__ = ["Target", "select", "update", "graph_counts", "graph_names", "put_graph", "post_dataset",
           "insert_data"]


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
