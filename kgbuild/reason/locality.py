"""The nodes a change can touch, and a reasoning module around them only.

What the rules (and the ontology they implement) entail about a node follows from what is
reachable from it over the membership properties (:data:`~kgbuild.reason.module.INPUT_PROPERTIES`
and their sub-properties), the classes of the nodes reached, and whether each of those is a
``kg:State``, which the range of ``kg:ofState`` also makes any node another node points at
with it. So when triples are added to or removed from a node, or a node gains an ``ofState``
edge pointing at it, only the nodes that reach it can gain or lose anything (the **affected**
nodes). They are reasoned over again from a small module:

- the nodes they reach, with the module triples the store asserts about them;
- the inferred graph's old answer for every node reached that the change did not affect, as
  if asserted: nothing it depends on changed, so it is exact, and it stands for the rest of the
  store beyond the module (the ``ofState`` edges that make such a node a State start outside
  it). An affected node needs no such help: whatever points at it is affected too.

An added triple the inferred graph already holds entails nothing new, so it affects no node
(adding what is entailed is a no-op in a monotone logic).

>>> import pyoxigraph as ox
>>> from kgbuild.namespace import KB, KG
>>> from kgbuild.reason import reason
>>> from kgbuild.store import ArticleWrite, GraphStore
>>> store = GraphStore.in_memory()
>>> n = lambda t: ox.NamedNode(str(t))
>>> kb = [ox.Quad(n(KB.iraq), n(KG.partOf), n(KB.world), store.layout.kb_graph),
...       ox.Quad(n(KB.pmu), n(KG.ofState), n(KB.iraq), store.layout.kb_graph)]
>>> store.bulk_load(kb)
>>> _ = reason(store, engine="rules")
>>> doc = store.layout.doc_graph("a1")
>>> store.write_articles([ArticleWrite("a1", [ox.Quad(n(KB.militia), n(KG.partOf), n(KB.pmu), doc)], [])])
>>> sorted(str(a).split("/")[-1][:-1] for a in affected_nodes(store, store.pending_changes()))
['militia']
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..namespace import KG
from ..store import GraphStore, PendingChanges
from . import module
from .rules import CLOSED_PROPERTIES, sub_properties

__all__ = ["affected_nodes", "module_around"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_NT = ox.RdfFormat.N_TRIPLES


def _values(var: str, nodes: Iterable[ox.NamedNode]) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(n) for n in nodes)} }}"


def _tbox_store(store: GraphStore) -> ox.Store:
    work = ox.Store()
    module.load_tbox(store, work)
    return work


def _seeds(store: GraphStore, work: ox.Store, changes: PendingChanges) -> set[ox.NamedNode]:
    """The nodes a change happened at: subjects of the module triples the new graphs add that the
    inferred graph does not already hold, the nodes their ``ofState`` edges point at, and the
    nodes whose classes the actors graph changed."""
    graph = store.layout.inferred_graph
    seeds = set(changes.nodes)
    sources = [g for g in changes.sources if store.has_graph(g)]
    if not sources:
        return seeds
    of_state = set(sub_properties(work, str(KG.ofState)))
    query = module.module_query(store.layout, module.module_classes(work), graphs=sources)
    for triple in store.query(query, union=False):
        if not isinstance(triple.subject, ox.NamedNode):
            continue
        if not store.contains(ox.Quad(triple.subject, triple.predicate, triple.object, graph)):
            seeds.add(triple.subject)
        if triple.predicate.value in of_state and isinstance(triple.object, ox.NamedNode):
            if not store.contains(ox.Quad(triple.object, _RDF_TYPE, ox.NamedNode(str(KG.State)), graph)):
                seeds.add(triple.object)  # a node some node is ofState becomes a State
    return seeds


def _reach(store: GraphStore, nodes: set[ox.NamedNode], path: str, *, backwards: bool) -> set[ox.NamedNode]:
    """``nodes`` and every node reaching them (``backwards``) or reached from them over ``path``,
    in any graph (more than the reasoning graphs can only add nodes to reason over again)."""
    if not nodes:
        return set()
    pattern = "?x {path} ?n" if backwards else "?n {path} ?x"
    rows = store.query(f"SELECT DISTINCT ?x WHERE {{ {_values('n', sorted(nodes, key=str))} "
                       f"{pattern.format(path=path)} }}")
    return nodes | {row["x"] for row in rows if isinstance(row["x"], ox.NamedNode)}


def _path(work: ox.Store) -> str:
    """Zero or more steps over the membership properties (and those the TBox declares below them)."""
    found = {p for top in module.INPUT_PROPERTIES for p in sub_properties(work, top)}
    return "(" + "|".join(f"<{p}>" for p in sorted(found)) + ")*"


def affected_nodes(store: GraphStore, changes: PendingChanges, *, work: ox.Store | None = None) -> set[ox.NamedNode]:
    """The nodes whose entailments ``changes`` (new article graphs, changed actor classes) can
    touch: the nodes changed and every node reaching one of them over the membership properties."""
    work = work if work is not None else _tbox_store(store)
    return _affected(store, work, changes, _path(work))


def _affected(store: GraphStore, work: ox.Store, changes: PendingChanges, path: str) -> set[ox.NamedNode]:
    return _reach(store, _seeds(store, work, changes), path, backwards=True)


def module_around(store: GraphStore, changes: PendingChanges) -> tuple[ox.Store, set[ox.NamedNode]]:
    """``(module store, affected nodes)``: a scratch store holding the TBox and what the affected
    nodes' entailments depend on (see the module docstring); an engine run over it gives their
    answer exactly as a full pass over the store would. ``changes`` must replace or remove no
    article graph (:attr:`~kgbuild.store.PendingChanges.replaced`): what those held is gone."""
    if changes.replaced:
        raise ValueError("a local module needs the earlier content of replaced graphs")
    work = _tbox_store(store)
    path = _path(work)  # read from the TBox once for both directions
    affected = _affected(store, work, changes, path)
    reached = _reach(store, affected, path, backwards=False)
    if not reached:
        return work, affected
    layout, ordered = store.layout, sorted(reached, key=str)
    query = module.module_query(layout, module.module_classes(work), subjects=ordered)
    work.load(store.query(query, union=False).serialize(format=_NT), format=_NT)
    unaffected = [n for n in ordered if n not in affected]
    if unaffected:
        closed = ", ".join(f"<{p}>" for p in CLOSED_PROPERTIES)
        rows = store.query(f"""SELECT ?s ?p ?o WHERE {{ {_values('s', unaffected)} GRAPH {layout.inferred_graph} {{
            ?s ?p ?o FILTER(?p IN ({closed}) || ?p = <{_RDF_TYPE.value}> && isIRI(?o)
                            && STRSTARTS(STR(?o), "{KG._NS}")) }} }}""", union=False)
        work.extend(ox.Quad(row["s"], row["p"], row["o"], ox.DefaultGraph()) for row in rows)
    return work, affected
