"""Membership chains assembled in Python (property paths do not bind their steps).

Edges are read level by level with ``GRAPH ?g`` patterns only, so this works on every store
and endpoint kind whatever its default graph. The chain follows the same language as the
ontology's state affiliation: ``(memberOf|leaderOf)? (partOf|subOrganizationOf)* ofState?``.
Edges from the inferred graph are never steps; with ``as_of``, a link qualified by
``kg:Membership`` nodes counts only if ``as_of`` lies within one of their ``[start, end]``.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import URIRef

from ..errors import QueryError
from ..layout import DEFAULT_LAYOUT, Layout
from ..namespace import KG
from .result import Backend, QueryResult
from .sparql import _term

if TYPE_CHECKING:
    from ..store import GraphStore

__all__ = ["Edge", "ChainGraph", "load_chain_graph", "apply_chains", "graph_source",
           "MEMBERSHIP_PREDICATES"]

_PART = (str(KG.partOf), str(KG.subOrganizationOf))
_MEMBER = (str(KG.memberOf), str(KG.leaderOf))
_OFSTATE = str(KG.ofState)
MEMBERSHIP_PREDICATES = (*_PART, *_MEMBER, _OFSTATE)
#: which of two parallel edges (same ends) a chain takes: the asserted, more specific relation
_PREFERENCE = (str(KG.subOrganizationOf), str(KG.partOf), str(KG.leaderOf), str(KG.memberOf), _OFSTATE)
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDF_TYPE, _RDF_SUBJECT = ox.NamedNode(_RDF + "type"), ox.NamedNode(_RDF + "subject")
_RDF_PREDICATE, _RDF_OBJECT = ox.NamedNode(_RDF + "predicate"), ox.NamedNode(_RDF + "object")
_ANCHOR = ox.NamedNode("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
_EVIDENCE, _MEMBERSHIP = ox.NamedNode(str(KG.Evidence)), ox.NamedNode(str(KG.Membership))
_MEMBER_OF_M, _RELATION = ox.NamedNode(str(KG.member)), ox.NamedNode(str(KG.relation))
_ORGANIZATION = ox.NamedNode(str(KG.organization))
_START, _END = ox.NamedNode(str(KG.startDate)), ox.NamedNode(str(KG.endDate))

_EDGES = """
PREFIX kg: <https://w3id.org/kgbuild/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?s ?p ?o ?g ?sentence WHERE {
  VALUES ?s { %s }
  GRAPH ?g { ?s ?p ?o }
  VALUES ?p { kg:partOf kg:subOrganizationOf kg:ofState kg:memberOf kg:leaderOf }
  # evidence sits in the same doc graph as its fact (docs/graph-layout.md); joining it across all
  # graphs made rows = (graphs stating the edge) x (its evidence nodes): quadratic in the corpus
  OPTIONAL { GRAPH ?g { ?ev a kg:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
                               nif:anchorOf ?sentence } }
}"""
_MEMBERSHIPS = """
PREFIX kg: <https://w3id.org/kgbuild/ontology#>
SELECT ?s ?rel ?o ?start ?end WHERE {
  VALUES ?s { %s }
  GRAPH ?g { ?m a kg:Membership ; kg:member ?s ; kg:relation ?rel ; kg:organization ?o .
             OPTIONAL { ?m kg:startDate ?start } OPTIONAL { ?m kg:endDate ?end } }
}"""
_LABELS = """
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?n ?label WHERE { VALUES ?n { %s } GRAPH ?g { ?n skos:prefLabel ?label } }"""


_SOURCES = {"doc": "article", "claims": "claims", "kb": "kb", "inferred": "inferred"}


def graph_source(graph: str, layout: Layout = DEFAULT_LAYOUT) -> str:
    """``kb``, ``article``, ``inferred``, ``claims`` or ``other`` from a graph IRI."""
    return _SOURCES.get(layout.graph_kind(graph) or "", "other")


@dataclass(slots=True)
class Edge:
    """One asserted membership link and where it was asserted."""

    subject: str
    predicate: str
    object: str
    sources: set[str] = field(default_factory=set)      # kb / article:{id} / other
    evidence: set[str] = field(default_factory=set)
    periods: list[tuple[dt.date | None, dt.date | None]] = field(default_factory=list)

    def valid_on(self, as_of: dt.date | None) -> bool:
        if as_of is None or not self.periods:
            return True
        return any((start is None or start <= as_of) and (end is None or as_of <= end)
                   for start, end in self.periods)

    @property
    def source(self) -> str:
        kinds = sorted({s.split(":", 1)[0] for s in self.sources})
        return "+".join(kinds)


@dataclass(slots=True)
class ChainGraph:
    """The asserted membership edges above some start actors, with labels."""

    edges: dict[str, list[Edge]] = field(default_factory=dict)   # subject -> out edges
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, node: str) -> str:
        return self.labels.get(node) or node.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]

    def chains_from(self, start: str, *, as_of: dt.date | None = None) -> dict[str, list[Edge]]:
        """Shortest affiliation chain to every node reachable from ``start``."""
        # automaton: 0 = nothing yet, 1 = after member/part steps, 2 = after ofState (final)
        best: dict[str, list[Edge]] = {start: []}
        seen = {(start, 0)}
        queue: deque[tuple[str, int, list[Edge]]] = deque([(start, 0, [])])
        while queue:
            node, state, path = queue.popleft()
            if state == 2:
                continue
            for edge in self.edges.get(node, ()):
                if not edge.valid_on(as_of):
                    continue
                if edge.predicate in _MEMBER:
                    nxt = 1 if state == 0 else None
                elif edge.predicate in _PART:
                    nxt = 1
                else:
                    nxt = 2
                if nxt is None or (edge.object, nxt) in seen:
                    continue
                seen.add((edge.object, nxt))
                step = [*path, edge]
                best.setdefault(edge.object, step)
                queue.append((edge.object, nxt, step))
        return best

    def render(self, start: str, steps: list[Edge]) -> str:
        return " -> ".join([self.label(start), *(self.label(e.object) for e in steps)])


def load_chain_graph(backend: Backend, starts: Iterable[str], *, max_depth: int = 20) -> ChainGraph:
    """Read every asserted membership edge reachable upwards from ``starts`` (on the embedded
    store, the same graph again while its files are unchanged: callers only read it)."""
    from .embedded import EmbeddedBackend

    starts = sorted({s for s in starts if s})
    token = backend.data_token() if isinstance(backend, EmbeddedBackend) else None
    if token is None:
        return _load_chain_graph(backend, starts, max_depth=max_depth)
    if _ROWS.get("token") != token:
        _ROWS.clear()
        _ROWS.update(token=token, edges={}, memberships={})
    graphs: dict[tuple[tuple[str, ...], int], ChainGraph] = _ROWS.setdefault("graphs", {})  # type: ignore[assignment]
    key = (tuple(starts), max_depth)
    if key not in graphs:
        graphs[key] = _load_chain_graph(backend, starts, max_depth=max_depth)
    return graphs[key]


def _load_chain_graph(backend: Backend, starts: list[str], *, max_depth: int) -> ChainGraph:
    graph = ChainGraph()
    frontier = set(starts)
    done: set[str] = set()
    layout = Layout(backend.base)
    read_edges, read_memberships = _readers(backend, layout)
    for _ in range(max_depth):
        frontier -= done
        if not frontier:
            break
        done |= frontier
        subjects = sorted(frontier)
        found: dict[tuple[str, str, str], Edge] = {}
        for s, p, o, g, sentence in read_edges(subjects):
            source = graph_source(g, layout)
            if source in ("inferred", "claims"):
                continue
            key = (s, p, o)
            edge = found.setdefault(key, Edge(*key))
            edge.sources.add(f"article:{layout.article_of(g)}" if source == "article" else source)
            if sentence is not None:
                edge.evidence.add(sentence)
        for s, rel, o, start, end in read_memberships(subjects):
            for key, edge in found.items():
                if key[0] == s and key[2] == o and _same_relation(rel, key[1]):
                    edge.periods.append((_date(start), _date(end)))
        frontier = set()
        for edge in found.values():
            graph.edges.setdefault(edge.subject, []).append(edge)
            frontier.add(edge.object)
    for edges in graph.edges.values():  # part-of edges first; between parallel edges, the specific one
        edges.sort(key=lambda e: (e.predicate not in _PART, e.object, _PREFERENCE.index(e.predicate)))
    nodes = set(graph.edges) | {e.object for es in graph.edges.values() for e in es} | set(starts)
    if nodes:
        values = " ".join(_term(URIRef(n)) for n in sorted(n for n in nodes if n))
        for node, label, lang in _label_rows(backend, _LABELS % values):
            current = graph.labels.get(node)
            if current is None or lang in ("en", None):
                graph.labels[node] = label
    return graph


def _label_rows(backend: Backend, sparql: str) -> list[tuple[str, str, str | None]]:
    """(node, label, language) rows of the labels query; on the embedded store remembered per
    query text while the store's files are unchanged (the rows of the same query on the same
    data), like the edge rows."""
    from .embedded import EmbeddedBackend

    def read() -> list[tuple[str, str, str | None]]:
        return [(str(row["n"]), str(row["label"]), getattr(row["label"], "language", None))
                for row in backend.run(sparql, dataset=False).rows]

    token = backend.data_token() if isinstance(backend, EmbeddedBackend) else None
    if token is None:
        return read()
    if _ROWS.get("token") != token:
        _ROWS.clear()
        _ROWS.update(token=token, edges={}, memberships={})
    labels: dict[str, list[tuple[str, str, str | None]]] = _ROWS.setdefault("labels", {})  # type: ignore[assignment]
    if sparql not in labels:
        labels[sparql] = read()
    return labels[sparql]


EdgeRow = tuple[str, str, str, str, "str | None"]          # s, p, o, graph, evidence sentence
MembershipRow = tuple[str, str, str, object, object]     # s, relation, o, start, end


def _readers(backend: Backend, layout: Layout) -> tuple[Callable[[list[str]], Iterable[EdgeRow]],
                                                        Callable[[list[str]], Iterable[MembershipRow]]]:
    """Edge and membership readers: index lookups on the embedded store, SPARQL elsewhere."""
    from .embedded import EmbeddedBackend

    if isinstance(backend, EmbeddedBackend):
        reader = _StoreReader(backend.store, layout)
        token = backend.data_token()
        if token is None:
            return reader.edges, reader.memberships
        # rows per subject, remembered while the store's files are unchanged (as resolved actors)
        if _ROWS.get("token") != token:
            _ROWS.clear()
            _ROWS.update(token=token, edges={}, memberships={})
        return (_memo(reader.edges, _ROWS["edges"]),  # type: ignore[arg-type]
                _memo(reader.memberships, _ROWS["memberships"]))  # type: ignore[arg-type]

    def edges(subjects: list[str]) -> Iterable[EdgeRow]:
        values = " ".join(_term(URIRef(s)) for s in subjects)
        for row in backend.run(_EDGES % values, dataset=False).rows:
            sentence = row.get("sentence")
            yield (str(row["s"]), str(row["p"]), str(row["o"]), str(row["g"]),
                   None if sentence is None else str(sentence))

    def memberships(subjects: list[str]) -> Iterable[MembershipRow]:
        values = " ".join(_term(URIRef(s)) for s in subjects)
        for row in backend.run(_MEMBERSHIPS % values, dataset=False).rows:
            yield str(row["s"]), str(row["rel"]), str(row["o"]), row.get("start"), row.get("end")

    return edges, memberships


_ROWS: dict[str, object] = {}


def _memo(read: Callable[[list[str]], Iterable[tuple]], rows: dict[str, list[tuple]]) -> Callable[[list[str]], Iterator[tuple]]:
    def cached(subjects: list[str]) -> Iterator[tuple]:
        for subject in subjects:
            if subject not in rows:
                rows[subject] = list(read([subject]))
            yield from rows[subject]
    return cached


class _StoreReader:
    """The same rows as ``_EDGES`` / ``_MEMBERSHIPS``, read with quad-pattern lookups.

    Oxigraph joins a ``VALUES`` block and the evidence ``OPTIONAL`` by evaluating the other
    side over the whole store (every evidence node: seconds at 1M triples); here each subject,
    and each evidence node of an edge, is one index lookup in the edge's own graph.
    """

    def __init__(self, store: GraphStore, layout: Layout) -> None:
        self.match = store.quads
        self.layout = layout

    def _objects(self, s: object, p: ox.NamedNode, g: object) -> list[object]:
        return [q.object for q in self.match(g, subject=s, predicate=p)]

    def _has(self, s: object, p: ox.NamedNode, o: object, g: object) -> bool:
        return next(self.match(g, subject=s, predicate=p, object=o), None) is not None

    def edges(self, subjects: list[str]) -> Iterator[EdgeRow]:
        for subject in subjects:
            node = _named(subject)
            for quad in self.match(None, subject=node):
                p, g = quad.predicate.value, quad.graph_name
                if p not in MEMBERSHIP_PREDICATES or isinstance(g, ox.DefaultGraph):
                    continue
                o = quad.object
                if graph_source(g.value, self.layout) in ("inferred", "claims"):  # never steps: no evidence needed
                    yield subject, p, o.value, g.value, None
                    continue
                sentences = [
                    sentence.value
                    for ev in (q.subject for q in self.match(g, predicate=_RDF_SUBJECT, object=node))
                    if self._has(ev, _RDF_TYPE, _EVIDENCE, g) and self._has(ev, _RDF_PREDICATE, quad.predicate, g)
                    and self._has(ev, _RDF_OBJECT, o, g)
                    for sentence in self._objects(ev, _ANCHOR, g)]
                for sentence in sentences or [None]:
                    yield subject, p, o.value, g.value, sentence

    def memberships(self, subjects: list[str]) -> Iterator[MembershipRow]:
        for subject in subjects:
            for quad in self.match(None, predicate=_MEMBER_OF_M, object=_named(subject)):
                m, g = quad.subject, quad.graph_name
                if isinstance(g, ox.DefaultGraph) or not self._has(m, _RDF_TYPE, _MEMBERSHIP, g):
                    continue
                for rel in self._objects(m, _RELATION, g):
                    for org in self._objects(m, _ORGANIZATION, g):
                        for start in self._objects(m, _START, g) or [None]:
                            for end in self._objects(m, _END, g) or [None]:
                                yield subject, rel.value, org.value, start, end


def _named(iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError:
        raise QueryError(f"not a valid IRI: {iri[:60]!r}") from None


def _same_relation(rel: str, predicate: str) -> bool:
    return rel == predicate or (rel in _PART and predicate in _PART)


def _date(term: object) -> dt.date | None:
    if term is None:
        return None
    try:
        return dt.date.fromisoformat((term.value if isinstance(term, ox.Literal) else str(term))[:10])
    except ValueError:
        return None


def _relation(steps: list[Edge]) -> str:
    local = [e.predicate.rsplit("#", 1)[-1] for e in steps]
    if len(local) == 1:
        return local[0]
    if any(p in _MEMBER for p in (e.predicate for e in steps)):
        return "memberOf"
    return "ofState" if steps and steps[-1].predicate == _OFSTATE else "partOf"


def apply_chains(backend: Backend, result: QueryResult, columns: tuple[str, str], *,
                 as_of: dt.date | None, strict: bool) -> None:
    """Fill chain columns of ``result`` in place (see :mod:`kgbuild.query.saved`).

    ``columns`` = (from, to), each holding an IRI or a space-separated IRI list. Adds
    ``chain``; fills ``relation``, ``source``, ``steps`` and ``evidence`` when the query
    projects them unbound. With ``strict`` (``as_of`` given) pairs without a chain valid on
    that date are dropped, and rows left without any pair are dropped.
    """
    from rdflib import Literal

    left, right = columns
    if "chain" not in result.columns:
        at = result.columns.index(right) + 1 if right in result.columns else len(result.columns)
        result.columns.insert(at, "chain")
    split = [(str(r.get(left) or "").split(), str(r.get(right) or "").split()) for r in result.rows]
    graph = load_chain_graph(backend, {f for froms, _ in split for f in froms})
    details = "steps" in result.columns   # membership-chain style: one pair per row
    depth: dict[int, int] = {}
    keep_rows: list[int] = []
    for index, (row, (froms, tos)) in enumerate(zip(result.rows, split)):
        pairs = []
        for start in froms:
            reach = graph.chains_from(start, as_of=as_of)
            pairs.extend((start, end, reach[end]) for end in tos if end in reach)
        if strict and not pairs:
            continue
        keep_rows.append(index)
        fills: dict[str, str] = {"chain": "; ".join(graph.render(s, st) for s, _, st in sorted(
            pairs, key=lambda p: (p[0], p[1])))}
        if strict:
            fills[left] = " ".join(sorted({s for s, _, _ in pairs}))
            fills[right] = " ".join(sorted({e for _, e, _ in pairs}))
        if details and len(pairs) == 1:
            steps = pairs[0][2]
            depth[index] = len(steps)
            extra = {
                "relation": _relation(steps) if steps else "",
                "source": steps[0].source if len(steps) == 1 else ("inferred" if steps else ""),
                "steps": ", ".join(e.source for e in steps),
                "evidence": " | ".join(sorted({s for e in steps for s in e.evidence})),
            }
            fills.update({k: v for k, v in extra.items() if k in result.columns and row.get(k) is None})
        for key, value in fills.items():
            row[key] = value
            result.terms[index][key] = Literal(value)
    if details:  # nearest ancestors first
        keep_rows.sort(key=lambda i: (depth.get(i, 99), str(result.rows[i].get(right))))
    result.rows = [result.rows[i] for i in keep_rows]
    result.terms = [result.terms[i] for i in keep_rows]
