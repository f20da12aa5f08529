"""A read-only rdflib ``Store`` over a kgbuild store: the graphs as an rdflib ``Dataset`` or
``Graph``, read in place (no export, no re-parse, nothing copied into memory).

Triples are read from pyoxigraph's indexes on demand and turned into rdflib terms as they are
iterated; ``Graph.query`` runs on Oxigraph (the union of all graphs when the dataset's default
graph is the union), so SPARQL over a million triples stays fast. As everywhere on Oxigraph,
a pattern over the union matches a triple once per graph holding it: use ``DISTINCT`` (the
triple-level API, ``ds.triples``, ``len(ds)``, gives each triple once). Registered as the rdflib
store plugin ``kgbuild-oxigraph`` (``Dataset(store="kgbuild-oxigraph")`` then ``.open(path)``).
Writing through the view raises :class:`~kgbuild.errors.StoreError`: a store is written by
``kgbuild build`` / ``remove`` / ``reason`` only.

>>> from rdflib import URIRef
>>> from kgbuild.store import GraphStore
>>> store = GraphStore.in_memory()
>>> store.store.load(b'<urn:a> <urn:p> <urn:b> <urn:g1> .\\n<urn:a> <urn:p> <urn:b> <urn:g2> .\\n',
...                  format=ox.RdfFormat.N_QUADS)
>>> ds = dataset(store)
>>> len(ds), len(ds.graph(URIRef("urn:g1")))   # the union holds the triple once
(1, 1)
>>> sorted(str(g) for _s, _p, _o, g in ds.quads((URIRef("urn:a"), None, None, None)))
['urn:g1', 'urn:g2']
>>> [row.o for row in ds.query("SELECT DISTINCT ?o WHERE { <urn:a> ?p ?o }")]   # run by Oxigraph
[rdflib.term.URIRef('urn:b')]
"""
from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.query import Result
from rdflib.store import VALID_STORE, Store
from rdflib.term import Node

from .errors import StoreError
from .namespace import DEFAULT_BASE, prefixes
from .terms import to_rdflib

__all__ = ["OxigraphStore", "dataset", "PLUGIN_NAME"]

PLUGIN_NAME = "kgbuild-oxigraph"
_UNION = "__UNION__"
_READ_ONLY = "read-only view of a kgbuild store: write with kgbuild build, remove or reason"


class OxigraphStore(Store):
    """rdflib's store interface, read-only, over a pyoxigraph store (a kgbuild ``GraphStore``).

    ``OxigraphStore(graph_store)`` wraps an open store (the caller closes it);
    ``OxigraphStore()`` then :meth:`open` with a store folder opens one read-only and closes it
    with :meth:`close`.
    """

    context_aware = True
    graph_aware = True
    formula_aware = False
    transaction_aware = False

    def __init__(self, configuration: Any = None, identifier: Any = None, *, base: str = DEFAULT_BASE) -> None:
        from .store import GraphStore

        super().__init__()
        self.identifier = identifier
        self._owned: GraphStore | None = None
        self._store: ox.Store | None = None
        self._prefix: dict[str, str] = {}     # namespace -> prefix
        self._namespace: dict[str, str] = {}  # prefix -> namespace
        self._graphs: dict[object, Graph] = {}
        base = getattr(configuration, "base", base)
        for prefix, namespace in prefixes(base).items():
            self.bind(prefix, URIRef(namespace))
        if isinstance(configuration, GraphStore):
            self._store = configuration.store
        elif isinstance(configuration, ox.Store):
            self._store = configuration
        elif configuration is not None:
            self.open(configuration)

    # -- opening and closing -------------------------------------------------------------------
    def open(self, configuration: Any, create: bool = False) -> int:
        """Open the store folder ``configuration`` read-only (waits while a build writes it).

        :raises StoreError: no store there, or ``create`` asked for (the view cannot create one).
        """
        from .store import GraphStore

        if create:
            raise StoreError(f"{configuration}: {_READ_ONLY}")
        self.close()
        self._owned = GraphStore.open_read_only(Path(str(configuration)))
        self._store = self._owned.store
        return VALID_STORE

    def close(self, commit_pending_transaction: bool = False) -> None:
        """Release the store if :meth:`open` opened it."""
        if self._owned is not None:
            self._owned.close()
            self._owned = None
            self._store = None

    @property
    def oxigraph(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the rdflib view is closed (open it with a store folder)")
        return self._store

    # -- reading ----------------------------------------------------------------------------------
    def triples(self, triple_pattern: tuple[Any, Any, Any], context: Graph | None = None
                ) -> Iterator[tuple[tuple[Node, Node, Node], Iterator[Graph]]]:
        """Triples matching the pattern, each with the graphs holding it.

        With ``context`` None (the union), a triple in several graphs comes once.
        """
        s, p, o = _pattern(triple_pattern)
        if _NO_MATCH in (s, p, o):
            return
        store = self.oxigraph
        if context is not None:
            graph = _graph_name(context)
            for quad in store.quads_for_pattern(s, p, o, graph):
                yield (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)), iter((context,))
            return
        for quad in store.quads_for_pattern(s, p, o, None):
            names = [q.graph_name for q in store.quads_for_pattern(quad.subject, quad.predicate, quad.object, None)]
            if names[0] != quad.graph_name:  # yielded where it first occurs
                continue
            yield ((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)),
                   iter([self._graph(name) for name in names]))

    def __len__(self, context: Graph | None = None) -> int:
        """Triples in ``context``, or distinct triples over all graphs."""
        if context is None:
            query = ("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE "
                     "{ { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } }")
            answer = self.oxigraph.query(query)
        else:
            graph = _graph_name(context)
            answer = self.oxigraph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                         default_graph=graph)
        return int(next(iter(answer))["n"].value)

    def contexts(self, triple: tuple[Node, Node, Node] | None = None) -> Generator[Graph, None, None]:
        """Every named graph (and the default graph when it holds triples), or those holding ``triple``."""
        store = self.oxigraph
        if triple is None:
            if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None:
                yield self._graph(ox.DefaultGraph())
            for name in sorted(store.named_graphs(), key=str):
                yield self._graph(name)
            return
        s, p, o = _pattern(triple)
        if _NO_MATCH in (s, p, o):
            return
        for name in dict.fromkeys(q.graph_name for q in store.quads_for_pattern(s, p, o, None)):
            yield self._graph(name)

    def _graph(self, name: object) -> Graph:
        graph = self._graphs.get(name)
        if graph is None:
            identifier = DATASET_DEFAULT_GRAPH_ID if isinstance(name, ox.DefaultGraph) else to_rdflib(name)
            graph = self._graphs[name] = Graph(store=self, identifier=identifier)
        return graph

    # -- SPARQL on Oxigraph ------------------------------------------------------------------------
    def query(self, query: Any, initNs: Mapping[str, Any], initBindings: Mapping[str, Node],  # noqa: N803
              queryGraph: Any, **kwargs: Any) -> Result:
        """Evaluate SPARQL text with Oxigraph (rdflib's own engine takes prepared queries and
        anything Oxigraph's parser refuses)."""
        from .query.embedded import to_oxigraph
        from .query.sparql import add_values, parse_shape

        if not isinstance(query, str):
            raise NotImplementedError  # a prepared rdflib Query: rdflib evaluates it
        options: dict[str, Any] = {"prefixes": {str(k): str(v) for k, v in (initNs or {}).items()}}
        if kwargs.get("base"):
            options["base_iri"] = str(kwargs["base"])
        if queryGraph == _UNION:
            options["use_default_graph_as_union"] = True
        elif queryGraph is not None and queryGraph != DATASET_DEFAULT_GRAPH_ID:
            options["default_graph"] = _graph_name(queryGraph)
        bindings = {str(k): v for k, v in (initBindings or {}).items()}
        if bindings:  # pyoxigraph substitutes projected variables only; the rest go in a VALUES block
            try:
                shape = parse_shape(query)
            except Exception as exc:  # noqa: BLE001 - let rdflib report its own syntax error
                raise NotImplementedError from exc
            inline = {k: v for k, v in bindings.items() if not (shape.select_all or k in shape.projection)}
            query = add_values(query, inline)
            options["substitutions"] = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()
                                        if k not in inline}
        try:
            answer = self.oxigraph.query(query, **options)
        except SyntaxError as exc:
            raise NotImplementedError from exc
        return _result(answer)

    def update(self, *args: Any, **kwargs: Any) -> None:
        raise StoreError(_READ_ONLY)

    # -- writing is refused --------------------------------------------------------------------------
    def add(self, triple: Any, context: Any = None, quoted: bool = False) -> None:
        raise StoreError(_READ_ONLY)

    def addN(self, quads: Iterable[Any]) -> None:  # noqa: N802
        raise StoreError(_READ_ONLY)

    def remove(self, triple: Any, context: Any = None) -> None:
        raise StoreError(_READ_ONLY)

    def add_graph(self, graph: Graph) -> None:
        """Asking a Dataset for a graph (``ds.graph(iri)``) is reading: nothing to do."""

    def remove_graph(self, graph: Graph) -> None:
        raise StoreError(_READ_ONLY)

    # -- prefixes (held in memory, like rdflib's Memory store) ---------------------------------------
    def bind(self, prefix: str, namespace: URIRef, override: bool = True) -> None:
        namespace = str(namespace)
        if not override and (namespace in self._prefix or prefix in self._namespace):
            return
        old_prefix = self._prefix.pop(namespace, None)
        if old_prefix is not None:
            self._namespace.pop(old_prefix, None)
        old_namespace = self._namespace.pop(prefix, None)
        if old_namespace is not None:
            self._prefix.pop(old_namespace, None)
        self._prefix[namespace] = prefix
        self._namespace[prefix] = namespace

    def prefix(self, namespace: URIRef) -> str | None:
        return self._prefix.get(str(namespace))

    def namespace(self, prefix: str) -> URIRef | None:
        namespace = self._namespace.get(prefix)
        return None if namespace is None else URIRef(namespace)

    def namespaces(self) -> Iterator[tuple[str, URIRef]]:
        for prefix, namespace in list(self._namespace.items()):
            yield prefix, URIRef(namespace)


def dataset(store: Any, *, union: bool = True) -> Dataset:
    """An rdflib :class:`~rdflib.Dataset` view of ``store`` (a ``GraphStore``, or a store folder,
    opened read-only until ``.close()``).

    :param union: the default graph is the union of all graphs (what the saved queries read);
        False: the store's own default graph, which kgbuild leaves empty.
    :raises StoreError: no store at that path.
    """
    view = OxigraphStore(store if not isinstance(store, (str, Path)) else None)
    if isinstance(store, (str, Path)):
        view.open(store)
    return Dataset(store=view, default_union=union)


# -- helpers --------------------------------------------------------------------------------
_NO_MATCH = object()  # a pattern term no stored triple can have (a literal subject, ...)


def _pattern(pattern: Any) -> tuple[Any, Any, Any]:
    """A triple pattern in pyoxigraph terms; a term that cannot stand in its place (a literal
    subject, a blank-node predicate) becomes ``_NO_MATCH``."""
    s, p, o = (_to_oxigraph(t) for t in pattern)
    if isinstance(s, ox.Literal):
        s = _NO_MATCH
    if p is not None and not isinstance(p, ox.NamedNode):
        p = _NO_MATCH
    return s, p, o


def _to_oxigraph(term: Any) -> Any:
    if term is None or isinstance(term, Variable):
        return None
    if isinstance(term, URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError:
            return _NO_MATCH
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return _NO_MATCH


def _graph_name(context: Any) -> Any:
    identifier = context.identifier if isinstance(context, Graph) else context
    if identifier is None or identifier == DATASET_DEFAULT_GRAPH_ID:
        return ox.DefaultGraph()
    if isinstance(identifier, BNode):
        return ox.BlankNode(str(identifier))
    return ox.NamedNode(str(identifier))


def _result(answer: Any) -> Result:
    if isinstance(answer, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(answer)
        return result
    if isinstance(answer, ox.QueryTriples):
        result = Result("CONSTRUCT")
        graph = Graph()
        for prefix, namespace in prefixes().items():
            graph.bind(prefix, namespace)
        for triple in answer:
            graph.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        result.graph = graph
        return result
    result = Result("SELECT")
    names = [v.value for v in answer.variables]
    result.vars = [Variable(n) for n in names]
    result.bindings = [{Variable(n): to_rdflib(value) for n, value in zip(names, solution) if value is not None}
                       for solution in answer]
    return result
