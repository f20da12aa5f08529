"""Any SPARQL 1.1 endpoint: one URL answers queries (``query=``) and updates (``update=``, or
``--update-endpoint``); graphs are filled with ``INSERT DATA`` in chunks, no Graph Store
Protocol assumed. Union of graphs: nothing is added, the endpoint's default graph must be the
union. Never recognised: it is what an unknown server is taken for.

>>> Generic().target("http://h/sparql", update_endpoint="http://h/update").update_url
'http://h/update'
"""
from __future__ import annotations

from .base import ServerKind, Urls

__all__ = ["Generic"]


class Generic(ServerKind):
    name = "generic"
    title = "any SPARQL 1.1 endpoint"

    def urls(self, endpoint: str, *, authenticated: bool = False, update_endpoint: str | None = None) -> Urls:
        return Urls(endpoint=endpoint, query=endpoint, update=update_endpoint or endpoint)
