"""Queries on the embedded pyoxigraph store: union default graph, ``substitutions`` binding.

pyoxigraph only substitutes variables that the query projects, so saved queries project
their parameters (the runner drops those columns again).

>>> from kgbuild.store import GraphStore
>>> backend = EmbeddedBackend(GraphStore.in_memory())
>>> backend.run("ASK { ?s ?p ?o }").boolean
False
"""
from __future__ import annotations

import os
from collections.abc import Mapping

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..errors import QueryError
from ..store import GraphStore
from .result import RawResult
from .sparql import add_values, parse_shape

__all__ = ["EmbeddedBackend", "to_oxigraph", "from_oxigraph"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class EmbeddedBackend:
    """Run queries on a :class:`~kgbuild.store.GraphStore`."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.base = store.base

    def describe(self) -> str:
        return str(self.store.path) if self.store.path else "in-memory store"

    def inferred_is_current(self) -> bool:
        return self.store.inferred_is_current()

    def data_token(self) -> tuple[object, ...] | None:
        """A value that changes whenever the store's data may have changed (None: unknown).

        An on-disk store is a RocksDB folder whose files are immutable except two kinds that
        grow: every write appends to a write-ahead log (``*.log``) and every new version of the
        file set to a ``MANIFEST-*``; flushes, compactions and bulk loads add and remove table
        files. So the folder's file names plus the size and mtime of its logs and manifests
        change with every commit (compactions and info logs change them too, which only costs a
        cache miss). Reading them is a directory listing and two or three ``stat`` calls.
        In-memory stores have none.
        """
        path = self.store.path
        if path is None:
            return None
        try:
            names, growing = [], []
            with os.scandir(path) as entries:
                for entry in entries:
                    names.append(entry.name)
                    if entry.name.endswith(".log") or entry.name.startswith("MANIFEST-"):
                        info = entry.stat()
                        growing.append((entry.name, info.st_size, info.st_mtime_ns))
        except OSError:
            return None
        return (str(path), tuple(sorted(names)), tuple(sorted(growing)))

    def run(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
            dataset: bool = True) -> RawResult:
        bindings = dict(bindings or {})
        if bindings:  # pyoxigraph substitutes projected variables only; the rest go in VALUES
            shape = parse_shape(sparql)
            inline = {k: v for k, v in bindings.items()
                      if not (shape.select_all or k in shape.projection)}
            bindings = {k: v for k, v in bindings.items() if k not in inline}
            sparql = add_values(sparql, inline)
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        try:
            answer = self.store.query(sparql, substitutions=subs or None, union=True)
        except (RuntimeError, OSError, ValueError) as exc:
            raise QueryError(f"query failed: {' '.join(str(exc).split())}") from exc
        if isinstance(answer, ox.QueryBoolean):
            return RawResult(form="ASK", boolean=bool(answer))
        if isinstance(answer, ox.QueryTriples):
            triples = [(from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
                       for t in answer]
            return RawResult(form="CONSTRUCT", triples=triples)
        columns = [v.value for v in answer.variables]
        # answers repeat terms (the same IRIs, dates, states on many rows, and again in the next
        # query): convert each once, rdflib's Literal constructor costs ~15 us, a dict hit on a
        # pyoxigraph term ~0.1 us; remembered while the store's files are unchanged
        seen = self._terms()
        rows = []
        for solution in answer:
            row = {}
            for name, value in zip(columns, solution):
                if value is not None:
                    term = seen.get(value)
                    if term is None:
                        term = seen[value] = from_oxigraph(value)
                    row[name] = term
            rows.append(row)
        return RawResult(form="SELECT", columns=columns, rows=rows)

    def _terms(self) -> dict[object, Node]:
        """pyoxigraph term -> rdflib term, kept across queries (at most :data:`TERM_CACHE`
        terms). The conversion depends on the term alone (both kinds of term are immutable), so
        the cache needs no check that the store is unchanged: a query pays no directory listing
        for it."""
        if len(_TERMS) > TERM_CACHE:
            _TERMS.clear()
        return _TERMS


#: the most converted terms remembered
TERM_CACHE = 500_000
_TERMS: dict[object, Node] = {}


def to_oxigraph(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        try:
            return ox.NamedNode(str(term))
        except ValueError as exc:
            raise QueryError(f"not a valid IRI: {str(term)[:60]!r}") from exc
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise QueryError(f"cannot bind {type(term).__name__}")


def from_oxigraph(term: object) -> Node:
    """A pyoxigraph term as an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise QueryError(f"unsupported term in answer: {term!r}")
