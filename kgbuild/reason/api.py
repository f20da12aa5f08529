"""``reason()``: rewrite the store's ``graph/inferred`` from the ontology, the KB and the docs.

Reads ``{base}graph/ontology`` (or the bundled ontology when the store has none),
``{base}graph/kb``, ``{base}graph/actors`` and every ``{base}graph/doc/*`` graph, never
``graph/claims/*`` (claims are not facts) nor the old ``graph/inferred``: only the triples
reasoning depends on, copied inside Oxigraph into a scratch store (:mod:`kgbuild.reason.module`).
Computes the DESIGN set with HermiT or the rule engine, adds cross-article fusion, and replaces
``{base}graph/inferred`` whole, in transactions of bounded size (:func:`_write`), marked
``<{base}graph/inferred> kg:isCurrent true`` once complete. Graph names come from the
store's :class:`~kgbuild.layout.Layout`; the store is read and written through
:class:`~kgbuild.store.GraphStore` (a raw pyoxigraph store is accepted and wrapped).

>>> from kgbuild.store import GraphStore
>>> reason(GraphStore.in_memory(), engine="rules").engine
'rules'
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import ConfigError, ReasonerError, StoreError
from ..namespace import KG
from ..store import GraphStore, as_graph_store, current_marker
from . import events, fusion, locality, module, owl, pellet, rules
from .incremental import update as update_incrementally

__all__ = ["reason", "ReasonReport", "ENGINES", "HERMIT_AUTO_LIMIT", "read_inputs"]

log = logging.getLogger(__name__)

#: ``engine="auto"`` hands at most this many individuals (of the actor module, before
#: summarising) to HermiT, else uses the rules: HermiT needs ~20-45 s for the ~4,000-actor KB
#: alone and ~90 s for 10k actors+events, the rules ~1-2 s (docs/performance.md)
HERMIT_AUTO_LIMIT = 1000
#: the inferred graph is written in transactions of at most this many triples dropped, this
#: many bytes of the engine's answer loaded, and this many source graphs' events classified
WRITE_CHUNK_TRIPLES = 50_000
WRITE_CHUNK_BYTES = 8 << 20
WRITE_CHUNK_GRAPHS = 2000
#: an incremental run is made while the changed article graphs are at most this many, or this
#: share of the store's article graphs (``--force`` rebuilds everything: a full pass is faster)
INCREMENTAL_FLOOR = 50
INCREMENTAL_SHARE = 0.1
#: accepted values of ``engine``
ENGINES: tuple[str, ...] = ("auto", "hermit", "pellet", "rules")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@dataclass(frozen=True, slots=True)
class ReasonReport:
    """What one :func:`reason` run did."""

    engine: str
    """The engine that produced the triples: ``"hermit"``, ``"pellet"`` or ``"rules"``."""
    triples: int
    """Triples written to ``graph/inferred`` (the ``isCurrent`` marker included)."""
    seconds: float
    """Wall-clock time of the whole run."""
    fused_events: int
    """Number of ``kg:FusedEvent`` nodes."""
    fallback_reason: str | None = None
    """Why ``engine="auto"`` fell back to the rules (``None`` when it did not)."""
    updated: int | None = None
    """The number of changed article graphs an incremental run brought the graph up to date
    for (``None``: the graph was computed again whole)."""

    def summary(self) -> str:
        """One line for the CLI."""
        extra = f" (fell back: {self.fallback_reason})" if self.fallback_reason else ""
        how = f" (updated for {self.updated} changed articles)" if self.updated is not None else ""
        return (f"inferred {self.triples} triples, {self.fused_events} fused events "
                f"with {self.engine} in {self.seconds:.2f}s{how}{extra}")


def read_inputs(store: GraphStore | ox.Store, *, base: str | None = None,
                ) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """``(tbox, data)``: the ontology graph, and the kb plus every doc graph, as triples.

    For tests and inspection (``infer_set(tbox, data, engine="rules")``);
    :func:`reason` itself never copies the store into Python.
    """
    store = as_graph_store(store, base=base)
    layout = store.layout
    tbox = [q.triple for q in store.quads(layout.ontology_graph)]
    if not tbox:
        tbox = module.tbox_triples()
    graphs = [layout.kb_graph]
    graphs += [g for g in store.graphs() if layout.graph_kind(g) == "doc"]
    data = [q.triple for g in graphs for q in store.quads(g)]
    return tbox, data


def _run_engine(engine: str, work: ox.Store, *, java: str | None) -> tuple[str, bytes, str | None]:
    """``(engine used, N-Triples of the actor part of the DESIGN set, why auto fell back)``."""
    if engine == "rules":
        return "rules", rules.materialise(work), None
    if engine == "hermit":
        return "hermit", owl.materialise(work, java=java), None
    if engine == "pellet":
        return "pellet", pellet.materialise(work, java=java), None
    if not java:
        log.info("no java on PATH: reasoning with the rule engine")
        return "rules", rules.materialise(work), "no java on PATH"
    size = module.individual_count(work)
    if size > HERMIT_AUTO_LIMIT:
        why = f"{size} individuals is more than HermiT's auto limit of {HERMIT_AUTO_LIMIT}"
        log.info("%s: reasoning with the rule engine", why)
        return "rules", rules.materialise(work), why
    try:
        return "hermit", owl.materialise(work, java=java), None
    except ReasonerError as exc:  # HermiT never writes to ``work``: the rules start clean
        log.warning("HermiT failed, reasoning with the rule engine instead: %s", exc)
        return "rules", rules.materialise(work), str(exc)


def _write(store: GraphStore, work: ox.Store, ntriples: bytes, graph: ox.NamedNode, *,
           marker: ox.Triple | None = None) -> None:
    """Replace ``graph`` with the engine's answer (``ntriples``) plus the event stage, in
    transactions of bounded size, and put ``marker`` (the 'current' flag) in last.

    One transaction for the whole graph held every quad of every index in memory until its
    commit (2.9 GB peak RSS at 10k articles, docs/performance.md); so the old graph's marker
    goes first (queries then ignore the graph, :mod:`kgbuild.query.saved`), the old graph is
    dropped :data:`WRITE_CHUNK_TRIPLES` triples at a time, the answer is loaded in pieces of
    :data:`WRITE_CHUNK_BYTES`, and the events are classified :data:`WRITE_CHUNK_GRAPHS` source
    graphs at a time. Nobody reads the graph in between: a :class:`~kgbuild.store.GraphStore`
    open for writing is locked against readers. A run killed half-way leaves the graph without
    its marker, so the next build reasons again.
    """
    layout = store.layout
    for g in store.graphs():  # the scratch graphs of older versions, interrupted
        if layout.is_inferred_tmp_graph(g.value):
            _drop(store, g)
    try:
        store.mark_stale(graph)
        _drop(store, graph)
        for piece in _line_chunks(ntriples, WRITE_CHUNK_BYTES):
            store.load(piece, fmt="ntriples", graph=graph)
        sources = [g for g in store.graphs() if layout.is_reasoning_input(g)]
        for i in range(0, len(sources), WRITE_CHUNK_GRAPHS):
            steps = events.updates(work, graph, layout=layout, sources=sources[i:i + WRITE_CHUNK_GRAPHS])
            store.update(module.PREFIXES + " ;\n".join(steps))
            store.flush()  # RocksDB's write buffers would otherwise grow over the chunks
        if marker is not None:
            _insert_marker(store, graph, marker)
    except StoreError as exc:
        raise StoreError(f"cannot write {graph}: {exc}") from exc


def _insert_marker(store: GraphStore, graph: ox.NamedNode, marker: ox.Triple) -> None:
    """Write the 'current' marker into ``graph``, last."""
    store.update(f"INSERT DATA {{ GRAPH {graph} {{ {marker.subject} {marker.predicate} {marker.object} }} }}")


def _fused_count(store: GraphStore, graph: ox.NamedNode) -> int:
    """How many ``kg:FusedEvent`` nodes ``graph`` holds (counted in Rust)."""
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?f a <{KG.FusedEvent}> }} }}", union=False)
    return int(next(iter(rows))["n"].value)


def _article_graphs(store: GraphStore) -> int:
    """How many article (doc) graphs the store holds."""
    return sum(1 for g in store.graphs() if store.layout.graph_kind(g) == "doc")


def _drop(store: GraphStore, graph: ox.NamedNode) -> None:
    """Remove ``graph``: its triples :data:`WRITE_CHUNK_TRIPLES` per transaction, then its name."""
    while next(store.quads(graph), None) is not None:
        store.update(f"DELETE {{ GRAPH {graph} {{ ?s ?p ?o }} }} WHERE {{ "
                     f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }} LIMIT {WRITE_CHUNK_TRIPLES} }}")
        store.flush()
    store.update(f"DROP SILENT GRAPH {graph}")


def _line_chunks(data: bytes, size: int) -> Iterator[bytes]:
    r"""``data`` (N-Triples: one triple per line) in pieces of about ``size`` bytes, cut after a newline.

    >>> list(_line_chunks(b"a\nbb\nc\n", 3))
    [b'a\nbb\n', b'c\n']
    """
    start = 0
    while start < len(data):
        end = data.find(b"\n", start + size - 1)
        end = len(data) if end < 0 else end + 1
        yield data[start:end]
        start = end


def infer_set(tbox: list[ox.Triple] | None, data: list[ox.Triple], *, engine: str,
              java: str | None = None) -> set[ox.Triple]:
    """The DESIGN set (no fusion) for ``tbox`` (``None``: bundled) + ``data``: for tests."""
    source = module.source_store(tbox, data)
    if engine in ("hermit", "pellet"):
        java = owl.require_java(java, {"hermit": "HermiT", "pellet": "Pellet"}[engine])
    work = module.extract(source)
    _, ntriples, _ = _run_engine(engine, work, java=java or owl.java_path())
    out = ox.NamedNode("urn:kgbuild:design-set")
    _write(source, work, ntriples, out)
    return {q.triple for q in source.quads(out)}


def reason(store: GraphStore | ox.Store, *, base: str | None = None, engine: str = "auto",
           incremental: bool = False) -> ReasonReport:
    """Recompute and replace ``{base}graph/inferred`` whole, or, with ``incremental``, bring it
    up to date for the article graphs written or removed since it was computed when it is exact
    for everything else (:meth:`~kgbuild.store.GraphStore.pending_sources`;
    :mod:`kgbuild.reason.incremental`; the same graph as a full pass).

    :param store: the store (a raw pyoxigraph store is wrapped with ``base``, default the
        default base; a :class:`~kgbuild.store.GraphStore` brings its own layout).

    :param engine: ``"hermit"`` (HermiT from owlready2, needs Java), ``"pellet"`` (Pellet from
        owlready2, needs Java; the fast OWL 2 DL engine at scale), ``"rules"`` (SPARQL rules
        run by Oxigraph) or ``"auto"`` (HermiT when Java is on ``PATH``, the input has at most
        :data:`HERMIT_AUTO_LIMIT` individuals and HermiT succeeds; otherwise rules; an
        incremental run over added articles only reasons over a small module around what they
        touch (:mod:`kgbuild.reason.locality`), with the rules under ``"auto"``: the engines
        agree, and a JVM's start alone would outweigh the update).
    :raises ConfigError: unknown engine.
    :raises ReasonerError: ``engine="hermit"`` or ``"pellet"`` without Java, or the reasoner failed.
    :raises OntologyError: no ontology in the store and the bundled one is unreadable.
    :raises StoreError: the inferred graph could not be written.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown reasoner {engine!r}; choose one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    store = as_graph_store(store, base=base)
    graph = store.layout.inferred_graph
    changes = store.pending_changes() if incremental else None
    if changes and len(changes.sources) > INCREMENTAL_FLOOR \
            and len(changes.sources) > INCREMENTAL_SHARE * _article_graphs(store):
        log.info("%d changed articles: reasoning over the whole store", len(changes.sources))
        changes = None
    if changes:
        if changes.replaced:  # what the replaced graphs held is gone: the whole store's module
            work, affected = module.extract(store), None
        else:  # only added graphs and changed actor classes: a module around what they touch
            work, affected = locality.module_around(store, changes)
            engine = "rules" if engine == "auto" else engine  # a JVM start outweighs a local update
        store.mark_stale(graph)  # stopped from here on, the next run is a full pass
        used, ntriples, fallback = _run_engine(engine, work, java=owl.java_path())
        update_incrementally(store, work, ntriples, changes, affected=affected)
        _insert_marker(store, graph, current_marker(graph))
        return ReasonReport(engine=used, triples=store.count(graph), seconds=time.perf_counter() - started,
                            fused_events=_fused_count(store, graph), fallback_reason=fallback,
                            updated=len(changes.sources))
    work = module.extract(store)
    fused = fusion.fuse_store(store, event_classes=module.event_classes(work))
    used, ntriples, fallback = _run_engine(engine, work, java=owl.java_path())
    marker = current_marker(graph)
    _write(store, work, ntriples + ox.serialize(fused, format=ox.RdfFormat.N_TRIPLES), graph, marker=marker)
    del work
    written = store.count(graph)
    n_fused = sum(1 for t in fused if t.object == ox.NamedNode(str(KG.FusedEvent)))
    return ReasonReport(engine=used, triples=written, seconds=time.perf_counter() - started,
                        fused_events=n_fused, fallback_reason=fallback)
