"""A new store's inferred graph for its background alone, computed once per process.

A store that holds only the ontology and the actor KB (a new store, before its first articles)
has an inferred graph that depends on nothing else: the KB's ~9,000 actors classified, their
memberships closed. :func:`reason_background` makes that graph current before the first
articles are written, so that they are an incremental update (:mod:`kgbuild.reason.incremental`,
the same graph as a full pass) like every later build's, and remembers it for the process by
the background's content hashes and the build base: a process that creates many stores (a test
suite, a notebook, a service building per request) reasons over the KB once, not once per store.

>>> from kgbuild.build import load_background
>>> from kgbuild.store import GraphStore
>>> store = GraphStore.in_memory()
>>> _ = load_background(store)
>>> reason_background(store, engine="rules") is not None, store.inferred_is_current()
(True, True)
>>> reason_background(store, engine="hermit") is None  # an OWL reasoner's answers are never reused
True
"""
from __future__ import annotations

import io
import time

import pyoxigraph as ox

from ..namespace import KG
from ..store import GraphStore, current_marker
from .api import ReasonReport, _insert_marker, reason

__all__ = ["reason_background", "REMEMBERED_BACKGROUNDS"]

#: how many backgrounds (base, ontology, KB) a process remembers the inferred graph of (a few
#: MB of N-Quads each)
REMEMBERED_BACKGROUNDS = 4
_BACKGROUND_KINDS = frozenset({"ontology", "kb", "inferred"})
_remembered: dict[tuple[str, ...], bytes] = {}


def reason_background(store: GraphStore, *, engine: str) -> ReasonReport | None:
    """Make the inferred graph of ``store`` current when the store holds its ontology and KB
    graphs and no other (no article, no actor classes): from what this process computed for the
    same background before, else by a full pass (remembered). Returns the
    :class:`~kgbuild.reason.ReasonReport`, or ``None`` when nothing was done: other graphs are
    there, a background graph has no content hash, or ``engine`` is an OWL reasoner (``"auto"``
    and ``"rules"`` only: over the KB's thousands of individuals ``"auto"`` uses the rules).
    """
    if engine not in ("auto", "rules"):
        return None
    layout = store.layout
    if any(layout.graph_kind(g) not in _BACKGROUND_KINDS for g in store.graphs()):
        return None
    key = (store.base, *(_content_hash(store, layout.graph(kind)) for kind in ("ontology", "kb")))
    if "" in key:
        return None
    graph = layout.inferred_graph
    remembered = _remembered.get(key)
    if remembered is None:
        report = reason(store, engine="rules")
        written = io.BytesIO()
        store.export(written, fmt="nquads", graph=graph)
        _remember(key, _without_markers(written.getvalue(), graph))
        return report
    started = time.perf_counter()
    store.mark_stale(graph)
    store.remove_graph(graph)
    store.bulk_load(remembered)  # one ingestion; the graph counts only once its marker is in
    _insert_marker(store, graph, current_marker(graph))
    return ReasonReport(engine="rules", triples=store.count(graph), seconds=time.perf_counter() - started,
                        fused_events=0)


def _content_hash(store: GraphStore, graph: ox.NamedNode) -> str:
    found = next(store.quads(graph, subject=graph, predicate=ox.NamedNode(str(KG.contentHash))), None)
    return found.object.value if found is not None else ""


def _without_markers(nquads: bytes, graph: ox.NamedNode) -> bytes:
    """The graph's quads but those about the graph itself (its 'current' and 'pending' marks)."""
    own = f"{graph} ".encode()
    return b"".join(line for line in nquads.splitlines(keepends=True) if not line.startswith(own))


def _remember(key: tuple[str, ...], nquads: bytes) -> None:
    while len(_remembered) >= REMEMBERED_BACKGROUNDS:
        _remembered.pop(next(iter(_remembered)))
    _remembered[key] = nquads
