"""Oxigraph server (``oxigraph serve``, what ``kgbuild serve`` runs): ``--endpoint
http://host:7878``; ``/query``, ``/update``, Graph Store ``/store?graph=``; quads POSTed to
``/store``; gzip request bodies accepted. Union of graphs: the ``union-default-graph`` request
parameter, whether or not the server was started with ``--union-default-graph``.

>>> Oxigraph().target("http://h:7878/query").gsp_url
'http://h:7878/store'
"""
from __future__ import annotations

from collections.abc import Mapping

from .base import ServerKind, Urls, strip_suffix

__all__ = ["Oxigraph"]


class Oxigraph(ServerKind):
    name = "oxigraph"
    title = "Oxigraph server"
    gzip = True
    lists_graphs = True

    def urls(self, endpoint: str, *, authenticated: bool = False, update_endpoint: str | None = None) -> Urls:
        base = strip_suffix(endpoint, ("/query", "/update", "/store", "/sparql"))
        return Urls(endpoint=base, query=f"{base}/query", update=f"{base}/update", gsp=f"{base}/store",
                    dataset=f"{base}/store")

    def union_query(self, sparql: str) -> tuple[str, dict[str, str]]:
        return sparql, {"union-default-graph": "true"}

    def recognises(self, headers: Mapping[str, str], url: str) -> bool:
        return headers.get("server", "").lower().startswith("oxigraph")
