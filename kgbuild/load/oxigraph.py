"""Oxigraph server: ``/query``, ``/update``, Graph Store ``/store?graph=``; POST quads to
``/store``; inflates gzip request bodies. ``--endpoint http://host:7878``."""
from __future__ import annotations

from .protocol import Target

__all__ = ["target"]


def target(endpoint: str) -> Target:
    base = endpoint.rstrip("/")
    for suffix in ("/query", "/update", "/store", "/sparql"):
        if base.endswith(suffix):
            base = base[: -len(suffix)]
    return Target(kind="oxigraph", endpoint=base, query_url=f"{base}/query", update_url=f"{base}/update",
                  gsp_url=f"{base}/store", dataset_url=f"{base}/store", gzip=True, lists_graphs=True)
