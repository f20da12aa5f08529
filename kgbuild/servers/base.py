"""What a server kind is: a small class saying where a server's endpoints are, how it is made
to read the union of all graphs, what of the Graph Store Protocol it supports, how it
authenticates and how to recognise it from its answers. One subclass per file in this package,
registered in :mod:`kgbuild.servers`.

A :class:`Target` is one concrete dataset of one kind: the URLs derived from the endpoint the
user gave, plus the kind's abilities, which is everything ``load`` and ``query`` need.

>>> class Demo(ServerKind):
...     name = "demo"
...     title = "A demo server"
...     def urls(self, endpoint, *, authenticated=False, update_endpoint=None):
...         return Urls(endpoint=endpoint, query=endpoint + "/q", update=endpoint + "/u")
>>> target = Demo().target("http://h/ds")
>>> target.kind, target.query_url, target.gsp_url
('demo', 'http://h/ds/q', None)
>>> Demo().union_query("SELECT * { ?s ?p ?o }")
('SELECT * { ?s ?p ?o }', {})
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

__all__ = ["ServerKind", "Target", "Urls", "strip_suffix"]


@dataclass(frozen=True, slots=True)
class Urls:
    """Where one dataset answers: ``query`` and ``update`` (SPARQL 1.1 Protocol), ``gsp`` (the
    Graph Store Protocol base, None: none), ``dataset`` (where N-Quads can be POSTed in one
    request, None: nowhere); ``endpoint`` is the normalised URL the others derive from."""

    endpoint: str
    query: str
    update: str
    gsp: str | None = None
    dataset: str | None = None


class ServerKind:
    """One kind of SPARQL server. Subclasses set the class attributes and :meth:`urls`, and
    override :meth:`union_query` and :meth:`recognises` where the kind needs them."""

    #: the name on the command line (``--kind NAME``)
    name: ClassVar[str] = ""
    #: the product, for help texts and docs
    title: ClassVar[str] = ""

    # -- Graph Store Protocol and upload abilities -----------------------------------------
    #: the GSP graph parameter (``?graph=G``)
    graph_param: ClassVar[str] = "graph"
    #: what a graph is PUT as
    triples_type: ClassVar[str] = "application/n-triples"
    #: the server inflates ``Content-Encoding: gzip`` request bodies
    gzip: ClassVar[bool] = False
    #: the server stores chunked (``Transfer-Encoding: chunked``) request bodies
    chunked: ClassVar[bool] = True
    #: replacing a graph by a temporary one needs ``DROP; INSERT ... WHERE; DROP`` (its MOVE is broken)
    move_by_insert: ClassVar[bool] = False
    #: ``GRAPH ?g {}`` lists the named graphs without reading their triples
    lists_graphs: ClassVar[bool] = False
    #: temporary graphs go up in one N-Quads POST rather than one PUT each
    stage_by_post: ClassVar[bool] = False
    #: a FROM clause for counting triples (GraphDB's explicit statements)
    count_from: ClassVar[str] = ""
    #: graphs of the server's own, never ours
    system_graphs: ClassVar[tuple[str, ...]] = ()

    # -- authentication ----------------------------------------------------------------------
    #: ``basic``: Basic credentials sent up front; ``digest``: asked for by the server first
    #: (:mod:`kgbuild.http` answers a Digest challenge in either case)
    auth_scheme: ClassVar[str] = "basic"

    def urls(self, endpoint: str, *, authenticated: bool = False, update_endpoint: str | None = None) -> Urls:
        """The dataset's URLs from the URL the user gave (a dataset, query or server URL)."""
        raise NotImplementedError

    def union_query(self, sparql: str) -> tuple[str, dict[str, str]]:
        """The query text and extra request parameters that make the default graph the union
        of all named graphs, for a query that may also name graphs (``GRAPH ?g {...}``).
        Default: nothing to do (the server's default graph already is the union)."""
        return sparql, {}

    def recognises(self, headers: Mapping[str, str], url: str) -> bool:
        """Whether an answer (its lower-case ``headers``) from ``url`` comes from this kind."""
        return False

    def target(self, endpoint: str, *, authenticated: bool = False,
               update_endpoint: str | None = None) -> Target:
        """The :class:`Target` for ``endpoint``."""
        urls = self.urls(endpoint, authenticated=authenticated, update_endpoint=update_endpoint)
        return Target(kind=self.name, endpoint=urls.endpoint, query_url=urls.query, update_url=urls.update,
                      gsp_url=urls.gsp, dataset_url=urls.dataset, graph_param=self.graph_param,
                      triples_type=self.triples_type, gzip=self.gzip, count_from=self.count_from,
                      system_graphs=self.system_graphs, move_by_insert=self.move_by_insert,
                      chunked=self.chunked, lists_graphs=self.lists_graphs, stage_by_post=self.stage_by_post,
                      auth_scheme=self.auth_scheme, server=self)

    def __repr__(self) -> str:
        return f"<server kind {self.name}>"


@dataclass(frozen=True, slots=True)
class GraphLocation:
    url: str
    params: dict[str, str]


@dataclass(frozen=True, slots=True)
class Target:
    """One remote dataset, as its server kind exposes it (see :class:`ServerKind` for the
    meaning of each ability)."""

    kind: str
    endpoint: str
    query_url: str
    update_url: str
    gsp_url: str | None = None
    graph_param: str = "graph"
    dataset_url: str | None = None
    triples_type: str = "application/n-triples"
    gzip: bool = False
    count_from: str = ""
    system_graphs: tuple[str, ...] = field(default_factory=tuple)
    move_by_insert: bool = False
    chunked: bool = True
    lists_graphs: bool = False
    stage_by_post: bool = False
    auth_scheme: str = "basic"
    server: ServerKind | None = field(default=None, compare=False, repr=False)

    def move(self, tmp: str, graph: str) -> str:
        """SPARQL Update replacing ``graph`` by ``tmp`` (and dropping ``tmp``)."""
        if self.move_by_insert:  # Jena 5.6 TDB2 MOVE/ADD loses blank-node triples; Virtuoso 7.2 MOVE moves nothing
            return (f"DROP SILENT GRAPH <{graph}> ;\nINSERT {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} "
                    f"WHERE {{ GRAPH <{tmp}> {{ ?s ?p ?o }} }} ;\nDROP SILENT GRAPH <{tmp}>")
        return f"MOVE SILENT <{tmp}> TO <{graph}>"

    def graph_location(self, graph: str) -> GraphLocation:
        assert self.gsp_url is not None
        return GraphLocation(self.gsp_url, {self.graph_param: graph})

    def union_query(self, sparql: str) -> tuple[str, dict[str, str]]:
        """See :meth:`ServerKind.union_query`."""
        return self.server.union_query(sparql) if self.server is not None else (sparql, {})


def strip_suffix(url: str, suffixes: tuple[str, ...]) -> str:
    """``url`` without a trailing slash and without one of ``suffixes``.

    >>> strip_suffix("http://h:3030/ds/query/", ("/query", "/update"))
    'http://h:3030/ds'
    """
    base = url.rstrip("/")
    for suffix in suffixes:
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return base
