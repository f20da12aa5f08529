"""Incremental reasoning: bring an inferred graph that is exact but for some article graphs up to
date for those graphs and actors (:meth:`kgbuild.store.GraphStore.mark_inferred_pending` lists
them), at a cost that grows with what changed rather than with the store.

The inferred graph has three parts, each brought up to date on its own:

1. **the actors** (the engine's answer: classes of actors and the closure triples): when the
   changes only add article graphs and change actor classes, the engine reasons over a module
   around the nodes they can touch (:mod:`kgbuild.reason.locality`), whose answer for those
   nodes is the full pass's; when a graph was replaced or removed, over the whole store's
   module (what the graph held is gone, so which nodes it touched is unknown); either way only
   the difference with the old answer is written;
2. **the events** (their classes): the events of the changed graphs, and of every graph with an
   event whose agent or target gained or lost ``kg:StateAffiliatedActor``, are classified again
   (:mod:`kgbuild.reason.events`); whatever the graph says about events that are gone is deleted;
3. **fusion**: only groups holding an event linkable to a changed or removed event can change;
   those events, with the members of their old groups, transitively
   (:func:`kgbuild.reason.fusion.fuse_around`), are fused again and their old fused nodes replaced.

:func:`kgbuild.reason.api.reason` drops the marker and the pending list first, so a run stopped
half-way leaves the graph stale and the next reasoning is a full pass. The tests compare
incremental runs with full passes over the same stores.
"""
from __future__ import annotations

import pyoxigraph as ox

from ..namespace import KG
from ..store import GraphStore, PendingChanges
from . import events, fusion, module
from .rules import CLOSED_PROPERTIES

__all__ = ["update"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_AFFILIATED = ox.NamedNode(str(KG.StateAffiliatedActor))
_ACTOR = ox.NamedNode(str(KG.Actor))
_ROLES = (ox.NamedNode(str(KG.agent)), ox.NamedNode(str(KG.target)))
_CLOSED = frozenset(ox.NamedNode(p) for p in CLOSED_PROPERTIES)
#: triples per DELETE DATA / INSERT DATA, and source graphs per classification update
CHUNK_TRIPLES = 20_000
CHUNK_GRAPHS = 2000


def update(store: GraphStore, work: ox.Store, answer: bytes, changes: PendingChanges, *,
           affected: set[ox.NamedNode] | None = None) -> None:
    """Bring ``store``'s inferred graph up to date for ``changes``, given the engine's ``answer``
    (N-Triples) over the module store ``work``: the whole store's module, or with ``affected``
    one built around those nodes (:func:`kgbuild.reason.locality.module_around`), whose answer
    is then the only part compared and written. The graph's marker is not written here."""
    layout = store.layout
    graph = layout.inferred_graph
    ok = layout.sparql_reasoning_filter
    event_classes = module.event_classes(work)
    # 1. actors: the difference between the old answer and the new one
    new = {q.triple for q in ox.parse(answer, format=ox.RdfFormat.N_TRIPLES)}
    if affected is not None:
        new = {t for t in new if t.subject in affected}
    old = _actor_part(store, graph, subjects=affected)
    _delete(store, graph, old - new)
    _insert(store, graph, new - old)
    moved = {t.subject for t in old ^ new if t.predicate == _RDF_TYPE and t.object == _AFFILIATED}
    # 3 before 2: the old groups are read from the events' fusedInto triples; an event is gone
    # only from a graph replaced or removed
    gone = [row["e"] for row in store.query(f"""SELECT DISTINCT ?e WHERE {{
        GRAPH {graph} {{ ?e a <{KG.Event}> }}
        FILTER NOT EXISTS {{ GRAPH ?g {{ ?e a ?c }} FILTER({ok('g')}) }} }}""", union=False)] if changes.replaced else []
    present = [g for g in changes.sources if store.has_graph(g)]
    seeds = set(gone) | set(_events_of(store, present, event_classes))
    old_fused, fused = fusion.fuse_around(store, seeds, event_classes=event_classes)
    fused_into = ox.NamedNode(str(KG.fusedInto))
    _delete(store, graph, {q.triple for f in old_fused for q in (*store.quads(graph, subject=f),
                                                                 *store.quads(graph, predicate=fused_into, object=f))}
            | {q.triple for e in gone for q in store.quads(graph, subject=e)})
    _insert(store, graph, set(fused))
    # 2. events of the changed graphs and of the graphs naming an actor that changed class
    sources = set(present) | _graphs_naming(store, moved)
    chunks = sorted(sources, key=str)
    for i in range(0, len(chunks), CHUNK_GRAPHS):
        part = chunks[i:i + CHUNK_GRAPHS]
        store.update(_forget_classes(graph, part, event_classes))
        store.update(module.PREFIXES + " ;\n".join(events.updates(work, graph, layout=layout, sources=part)))


def _actor_part(store: GraphStore, graph: ox.NamedNode, *, subjects: set[ox.NamedNode] | None = None
                ) -> set[ox.Triple]:
    """The engine's answer in ``graph`` (about ``subjects`` only, when given): every class of
    every actor, and the closure triples."""
    if subjects is not None:  # a few nodes: read from the indexes, not a join over the graph
        out: set[ox.Triple] = set()
        for s in subjects:
            triples = [q.triple for q in store.quads(graph, subject=s)]
            actor = any(t.predicate == _RDF_TYPE and t.object == _ACTOR for t in triples)
            out.update(t for t in triples if t.predicate in _CLOSED or actor and t.predicate == _RDF_TYPE)
        return out
    types = store.query(f"SELECT ?s ?c WHERE {{ GRAPH {graph} {{ ?s a <{KG.Actor}> . ?s a ?c }} }}", union=False)
    out = {ox.Triple(row["s"], _RDF_TYPE, row["c"]) for row in types}
    values = " ".join(f"<{p}>" for p in CLOSED_PROPERTIES)
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} GRAPH {graph} {{ ?s ?p ?o }} }}",
                       union=False)
    out.update(ox.Triple(row["s"], row["p"], row["o"]) for row in rows)
    return out


def _events_of(store: GraphStore, graphs: list[ox.NamedNode], event_classes: set[str]) -> list[ox.NamedNode]:
    """The events asserted in ``graphs``."""
    if not graphs or not event_classes:
        return []
    return [row["e"] for row in store.query(_asserted_in(graphs, event_classes), union=False)]


def _asserted_in(graphs: list[ox.NamedNode], event_classes: set[str]) -> str:
    """``SELECT DISTINCT ?e``: the events asserted in ``graphs`` (an event class on them there)."""
    classes = ", ".join(f"<{c}>" for c in sorted(event_classes))
    return (f"SELECT DISTINCT ?e WHERE {{ VALUES ?g {{ {' '.join(str(g) for g in graphs)} }} "
            f"GRAPH ?g {{ ?e a ?c FILTER(isIRI(?e) && ?c IN ({classes})) }} }}")


def _graphs_naming(store: GraphStore, actors: set[ox.NamedNode | ox.BlankNode]) -> set[ox.NamedNode]:
    """The reasoning input graphs where one of ``actors`` is an event's agent or target.

    Read from the indexes, one lookup per actor and role: a SPARQL join over the actors (as
    ``VALUES``) was planned as a scan of every agent and target of the store once they were
    three or more (0.2 s at 10k articles, whatever they named)."""
    layout = store.layout
    return {q.graph_name for actor in actors for role in _ROLES for q in store.quads(predicate=role, object=actor)
            if isinstance(q.graph_name, ox.NamedNode) and layout.is_reasoning_input(q.graph_name)}


def _forget_classes(graph: ox.NamedNode, sources: list[ox.NamedNode], event_classes: set[str]) -> str:
    """The update deleting from ``graph`` the classes of the events asserted in ``sources``."""
    return f"DELETE {{ GRAPH {graph} {{ ?e a ?d }} }} WHERE {{ {{ {_asserted_in(sources, event_classes)} }} " \
           f"LATERAL {{ GRAPH {graph} {{ ?e a ?d }} }} }}"


def _delete(store: GraphStore, graph: ox.NamedNode, triples: set[ox.Triple]) -> None:
    rows = sorted(triples, key=str)
    for i in range(0, len(rows), CHUNK_TRIPLES):
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in rows[i:i + CHUNK_TRIPLES])
        store.update(f"DELETE DATA {{ GRAPH {graph} {{ {body} }} }}")


def _insert(store: GraphStore, graph: ox.NamedNode, triples: set[ox.Triple]) -> None:
    rows = sorted(triples, key=str)
    for i in range(0, len(rows), CHUNK_TRIPLES):
        store.load(ox.serialize(rows[i:i + CHUNK_TRIPLES], format=ox.RdfFormat.N_TRIPLES), fmt="ntriples", graph=graph)
