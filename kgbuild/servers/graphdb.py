"""GraphDB (and any RDF4J server): repository URL ``http://host:7200/repositories/ID``;
queries POSTed to it, updates to ``/statements``, Graph Store ``/rdf-graphs/service?graph=``.
Union of graphs: the default graph already spans all graphs. Recognised by its RDF4J
repository URL. Untested: no GraphDB or RDF4J server runs in the tests.

>>> GraphDB().target("http://h:7200/repositories/kg/statements").update_url
'http://h:7200/repositories/kg/statements'
"""
from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlsplit

from .base import ServerKind, Urls, strip_suffix

__all__ = ["GraphDB"]


class GraphDB(ServerKind):
    name = "graphdb"
    title = "GraphDB / RDF4J"

    def urls(self, endpoint: str, *, authenticated: bool = False, update_endpoint: str | None = None) -> Urls:
        base = strip_suffix(endpoint, ("/statements", "/rdf-graphs/service", "/rdf-graphs"))
        return Urls(endpoint=base, query=base, update=f"{base}/statements", gsp=f"{base}/rdf-graphs/service")

    def recognises(self, headers: Mapping[str, str], url: str) -> bool:
        return "/repositories/" in urlsplit(url).path or "graphdb" in headers.get("server", "").lower()
