"""GraphDB (and any RDF4J server): repository URL ``http://host:7200/repositories/ID``;
queries POSTed to it, updates to ``/statements``, Graph Store
``/rdf-graphs/service?graph=``; counts read explicit statements only
(``FROM <http://www.ontotext.com/explicit>``; plain RDF4J ignores the unknown graph)."""
from __future__ import annotations

from .protocol import Target

__all__ = ["target"]


def target(endpoint: str, *, explicit_only: bool = True) -> Target:
    base = endpoint.rstrip("/")
    for suffix in ("/statements", "/rdf-graphs/service", "/rdf-graphs"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return Target(kind="graphdb", endpoint=base, query_url=base, update_url=f"{base}/statements",
                  gsp_url=f"{base}/rdf-graphs/service", triples_type="application/n-triples")
