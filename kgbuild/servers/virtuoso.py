"""OpenLink Virtuoso: ``--endpoint http://host:8890/sparql``. With credentials, queries and
updates go to ``/sparql-auth`` and graphs to ``/sparql-graph-crud-auth?graph-uri=`` (HTTP
Digest); without, to ``/sparql`` and ``/sparql-graph-crud`` (needs SPARQL_UPDATE granted to the
``SPARQL`` user). The graph endpoint takes Turtle, not TriG or N-Quads, so every graph is its own
request, sent with a Content-Length (Virtuoso 7.2 stores nothing from chunked bodies); its
``MOVE`` moves nothing, so graphs are moved by INSERT. Union of graphs: the default graph of a
query without ``FROM`` already spans all graphs.

>>> Virtuoso().target("http://h:8890/sparql", authenticated=True).gsp_url
'http://h:8890/sparql-graph-crud-auth'
"""
from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from .base import ServerKind, Urls

__all__ = ["Virtuoso", "SYSTEM_GRAPHS"]

SYSTEM_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                 "http://localuriqaserver/sparql", "http://www.w3.org/2002/07/owl#")


class Virtuoso(ServerKind):
    name = "virtuoso"
    title = "OpenLink Virtuoso"
    graph_param = "graph-uri"
    triples_type = "text/turtle"
    system_graphs = SYSTEM_GRAPHS
    move_by_insert = True
    chunked = False
    auth_scheme = "digest"

    def urls(self, endpoint: str, *, authenticated: bool = False, update_endpoint: str | None = None) -> Urls:
        parts = urlsplit(endpoint)
        base = f"{parts.scheme}://{parts.netloc}"
        sparql = f"{base}/sparql-auth" if authenticated else f"{base}/sparql"
        crud = f"{base}/sparql-graph-crud-auth" if authenticated else f"{base}/sparql-graph-crud"
        return Urls(endpoint=endpoint, query=sparql, update=sparql, gsp=crud)

    def recognises(self, headers: Mapping[str, str], url: str) -> bool:
        return headers.get("server", "").lower().startswith("virtuoso")
