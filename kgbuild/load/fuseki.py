"""Apache Jena Fuseki: dataset URL ``http://host:3030/ds``; ``/ds/query``, ``/ds/update``,
Graph Store ``/ds/data?graph=``; POST quads to ``/ds``; inflates gzip request bodies."""
from __future__ import annotations

from .protocol import Target

__all__ = ["target"]


def target(endpoint: str) -> Target:
    base = endpoint.rstrip("/")
    for suffix in ("/query", "/sparql", "/update", "/data", "/get"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return Target(kind="fuseki", endpoint=base, query_url=f"{base}/query", update_url=f"{base}/update",
                  gsp_url=f"{base}/data", dataset_url=base, gzip=True,
                  move_by_insert=True, lists_graphs=True,
                  stage_by_post=True)
