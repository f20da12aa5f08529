"""Queries on the embedded pyoxigraph store: union default graph, ``substitutions`` binding.

pyoxigraph only substitutes variables that the query projects, so saved queries project
their parameters (the runner drops those columns again). A final ``ORDER BY`` of projected
variables is done here, after the query: Oxigraph compares IRIs and strings by reading their
text from the store on every comparison, which made sorting 826 claims cost 20 ms, while a
Python sort of the answer costs well under one (:func:`order_key`).

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
from .sparql import OrderKey, add_values, parse_shape, split_order_by

__all__ = ["EmbeddedBackend", "to_oxigraph", "from_oxigraph", "order_key"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_NUMERIC = frozenset(_XSD + t for t in (
    "integer decimal float double int long short byte nonNegativeInteger positiveInteger "
    "negativeInteger nonPositiveInteger unsignedInt unsignedLong unsignedShort unsignedByte").split())
_TEMPORAL = frozenset({_XSD + "date", _XSD + "dateTime"})
_TEXTUAL = frozenset({_XSD_STRING, "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"})


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
        order: tuple[OrderKey, ...] = ()
        try:
            split = split_order_by(sparql)
        except QueryError:  # rdflib's grammar lags Oxigraph's (LATERAL ...): Oxigraph sorts
            split = None
        if split is not None:
            sparql, order = split
        if bindings:  # pyoxigraph substitutes projected variables only; the rest go in VALUES
            shape = parse_shape(sparql)
            inline = {k: v for k, v in bindings.items()
                      if not (shape.select_all or k in shape.projection)}
            bindings = {k: v for k, v in bindings.items() if k not in inline}
            sparql = add_values(sparql, inline)
        subs = {ox.Variable(k): to_oxigraph(v) for k, v in bindings.items()}
        try:  # the answer never becomes a local of this frame (see _converted)
            return _converted(self.store.query(sparql, substitutions=subs or None, union=True), order,
                              self._terms())
        except (RuntimeError, OSError, ValueError) as exc:
            raise QueryError(f"query failed: {' '.join(str(exc).split())}") from exc

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


def _converted(answer: ox.QueryBoolean | ox.QueryTriples | ox.QuerySolutions, order: tuple[OrderKey, ...],
               seen: dict[object, Node]) -> RawResult:
    """``answer`` as a :class:`RawResult`, each distinct term converted once (``seen``).

    Answers repeat terms (the same IRIs, dates, states on many rows, and again in the next
    query): rdflib's Literal constructor costs ~15 us, a dict hit on a pyoxigraph term ~0.1 us.
    pyoxigraph's answer may only be dropped in the thread that made it; it lives in this frame
    alone, which no traceback keeps (a frame of :meth:`EmbeddedBackend.run` may outlive the call
    in a reference cycle of a parse error caught there, and the garbage collector may free it
    in another thread)."""
    if isinstance(answer, ox.QueryBoolean):
        return RawResult(form="ASK", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples = [(from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object))
                   for t in answer]
        return RawResult(form="CONSTRUCT", triples=triples)
    columns = [v.value for v in answer.variables]
    rows = []
    solutions = answer
    if order:  # only a sorted answer is held whole before its rows are made
        solutions = list(answer)
        _sort(solutions, columns, order)
    for solution in solutions:
        row = {}
        for name, value in zip(columns, solution):
            if value is not None:
                term = seen.get(value)
                if term is None:
                    term = seen[value] = from_oxigraph(value)
                row[name] = term
        rows.append(row)
    return RawResult(form="SELECT", columns=columns, rows=rows)


def _sort(solutions: list, columns: list[str], order: tuple[OrderKey, ...]) -> None:
    """Sort ``solutions`` in place by ``order``: one sort per run of keys in the same
    direction, the last run first (Python's sort is stable)."""
    runs: list[tuple[bool, list[int | None]]] = []
    for key in order:
        at = columns.index(key.variable) if key.variable in columns else None
        if runs and runs[-1][0] == key.descending:
            runs[-1][1].append(at)
        else:
            runs.append((key.descending, [at]))
    for descending, places in reversed(runs):
        solutions.sort(key=lambda s: tuple(order_key(None if at is None else s[at]) for at in places),
                       reverse=descending)


def order_key(term: object) -> tuple:
    """Where ``term`` goes in an ``ORDER BY``, as SPARQL orders terms: unbound first, then
    blank nodes, IRIs and literals; IRIs by their text; numbers by value; dates and times,
    strings (by text, then language) each among themselves. Literals SPARQL cannot compare
    with each other (a number and a string) go numbers, then dates, then strings, then the
    rest by datatype.

    >>> xsd = "http://www.w3.org/2001/XMLSchema#integer"
    >>> terms = [ox.Literal("10", datatype=ox.NamedNode(xsd)), None, ox.Literal("9", datatype=ox.NamedNode(xsd)),
    ...          ox.NamedNode("urn:a")]
    >>> [t if t is None else t.value for t in sorted(terms, key=order_key)]
    [None, 'urn:a', '9', '10']
    """
    if term is None:
        return (0, 0, 0.0, "", "")
    if isinstance(term, ox.BlankNode):
        return (1, 0, 0.0, term.value, "")
    if isinstance(term, ox.NamedNode):
        return (2, 0, 0.0, term.value, "")
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _NUMERIC:
            try:
                number = float(term.value)
            except ValueError:
                number = None
            if number is not None and number == number:  # NaN compares with nothing
                return (3, 0, number, "", "")
        if datatype in _TEMPORAL:
            return (3, 1, 0.0, term.value, "")
        if datatype in _TEXTUAL:
            return (3, 2, 0.0, term.value, term.language or "")
        return (3, 3, 0.0, datatype, term.value)
    return (4, 0, 0.0, str(term), "")


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
