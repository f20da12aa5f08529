"""OpenLink Virtuoso: ``http://host:8890/sparql``. With credentials, queries and updates go to
``/sparql-auth`` and graphs to ``/sparql-graph-crud-auth?graph-uri=`` (HTTP Digest, which
:mod:`kgbuild.http` answers); without, to ``/sparql`` and ``/sparql-graph-crud`` (needs
SPARQL_UPDATE granted to the ``SPARQL`` user). The graph endpoint takes Turtle, not TriG or
N-Quads, so every graph is its own request."""
from __future__ import annotations

from urllib.parse import urlsplit

from .protocol import Target

__all__ = ["target", "SYSTEM_GRAPHS"]

SYSTEM_GRAPHS = ("http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                 "http://localuriqaserver/sparql", "http://www.w3.org/2002/07/owl#")


def target(endpoint: str, *, authenticated: bool) -> Target:
    parts = urlsplit(endpoint)
    base = f"{parts.scheme}://{parts.netloc}"
    sparql = f"{base}/sparql-auth" if authenticated else f"{base}/sparql"
    crud = f"{base}/sparql-graph-crud-auth" if authenticated else f"{base}/sparql-graph-crud"
    return Target(kind="virtuoso", endpoint=endpoint, query_url=sparql, update_url=sparql,
                  gsp_url=crud, graph_param="graph-uri", triples_type="text/turtle",
                  system_graphs=SYSTEM_GRAPHS, move_by_insert=True, chunked=False)
