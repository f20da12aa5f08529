"""Apache Jena Fuseki: ``--endpoint http://host:3030/ds`` (or its ``/query`` or ``/sparql``
URL); ``/ds/query``, ``/ds/update``, Graph Store ``/ds/data?graph=``; quads POSTed to ``/ds``;
gzip request bodies accepted. TDB2 syncs every request to disk, so temporary graphs go up in one
POST; Jena 5.6 TDB2 ``MOVE`` loses blank-node triples, so graphs are moved by INSERT.

Union of graphs, per query: a query that names no graph gets ``FROM <urn:x-arq:UnionGraph>``;
a query that does (``GRAPH ?g {...}``, for which that ``FROM`` would hide every named graph) has
its WHERE clause wrapped in ``GRAPH <urn:x-arq:UnionGraph> {...}`` instead, which keeps the
named graphs. Both work on in-memory and TDB2 datasets, with or without ``unionDefaultGraph``.
Fuseki answers carry a ``Fuseki-Request-Id`` header.

>>> Fuseki().union_query("SELECT ?s WHERE { ?s ?p ?o }")[0]
'SELECT ?s FROM <urn:x-arq:UnionGraph> WHERE { ?s ?p ?o }'
>>> Fuseki().union_query("SELECT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")[0]
'SELECT ?g WHERE { GRAPH <urn:x-arq:UnionGraph> { GRAPH ?g { ?s ?p ?o } } }'
"""
from __future__ import annotations

from collections.abc import Mapping

from .base import ServerKind, Urls, strip_suffix

__all__ = ["Fuseki", "UNION_GRAPH"]

UNION_GRAPH = "urn:x-arq:UnionGraph"


class Fuseki(ServerKind):
    name = "fuseki"
    title = "Apache Jena Fuseki"
    gzip = True
    move_by_insert = True
    lists_graphs = True
    stage_by_post = True

    def urls(self, endpoint: str, *, authenticated: bool = False, update_endpoint: str | None = None) -> Urls:
        base = strip_suffix(endpoint, ("/query", "/sparql", "/update", "/data", "/get"))
        query = endpoint.rstrip("/") if endpoint.rstrip("/").endswith(("/query", "/sparql")) else f"{base}/query"
        return Urls(endpoint=base, query=query, update=f"{base}/update", gsp=f"{base}/data", dataset=base)

    def union_query(self, sparql: str) -> tuple[str, dict[str, str]]:
        from ..query.sparql import add_from, names_graphs, wrap_where

        if names_graphs(sparql):
            return wrap_where(sparql, UNION_GRAPH), {}
        return add_from(sparql, [UNION_GRAPH]), {}

    def recognises(self, headers: Mapping[str, str], url: str) -> bool:
        return "fuseki-request-id" in headers or "fuseki" in headers.get("server", "").lower()
