"""``reason()``: rewrite the store's ``graph/inferred`` from the ontology, the KB and the docs.

Reads ``{base}graph/ontology`` (or the bundled ontology when the store has none),
``{base}graph/kb`` and every ``{base}graph/doc/*`` graph, never ``graph/claims/*`` (claims are
not facts) nor the old ``graph/inferred``: only the triples reasoning depends on, copied inside
Oxigraph into a scratch store (:mod:`kgbuild.reason.module`). Computes the DESIGN set with HermiT
or the rule engine, adds cross-article fusion, and replaces ``{base}graph/inferred`` whole in
one transaction, marked ``<{base}graph/inferred> kg:isCurrent true``.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> reason(store, engine="rules").engine
'rules'
"""
from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import ConfigError, ReasonerError, StoreError
from ..namespace import DEFAULT_BASE, KG
from . import events, fusion, module, owl, rules

__all__ = ["reason", "ReasonReport", "ENGINES", "HERMIT_AUTO_LIMIT", "read_inputs"]

log = logging.getLogger(__name__)

#: ``engine="auto"`` hands at most this many individuals (of the actor module, before
#: summarising) to HermiT, else uses the rules: HermiT needs ~20-45 s for the ~4,000-actor KB
#: alone and ~90 s for 10k actors+events, the rules ~1-2 s (docs/performance.md)
HERMIT_AUTO_LIMIT = 1000
#: accepted values of ``engine``
ENGINES: tuple[str, ...] = ("auto", "hermit", "rules")

_XSD_BOOLEAN = ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean")
_TMP_PREFIX = "graph/inferred-tmp-"


@dataclass(frozen=True, slots=True)
class ReasonReport:
    """What one :func:`reason` run did."""

    engine: str
    """The engine that produced the triples: ``"hermit"`` or ``"rules"``."""
    triples: int
    """Triples written to ``graph/inferred`` (the ``isCurrent`` marker included)."""
    seconds: float
    """Wall-clock time of the whole run."""
    fused_events: int
    """Number of ``kg:FusedEvent`` nodes."""
    fallback_reason: str | None = None
    """Why ``engine="auto"`` fell back to the rules (``None`` when it did not)."""

    def summary(self) -> str:
        """One line for the CLI."""
        extra = f" (fell back: {self.fallback_reason})" if self.fallback_reason else ""
        return (f"inferred {self.triples} triples, {self.fused_events} fused events "
                f"with {self.engine} in {self.seconds:.2f}s{extra}")


def read_inputs(store: ox.Store, *, base: str = DEFAULT_BASE) -> tuple[list[ox.Triple], list[ox.Triple]]:
    """``(tbox, data)``: the ontology graph, and the kb plus every doc graph, as triples.

    For tests and inspection (``rules.infer(tbox, data)``, ``owl.infer(tbox, data)``);
    :func:`reason` itself never copies the store into Python.
    """
    ontology = ox.NamedNode(f"{base}graph/ontology")
    tbox = [q.triple for q in store.quads_for_pattern(None, None, None, ontology)]
    if not tbox:
        tbox = module.tbox_triples()
    doc_prefix = f"{base}graph/doc/"
    graphs = [ox.NamedNode(f"{base}graph/kb")]
    graphs += sorted((g for g in store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value.startswith(doc_prefix)),
                     key=lambda g: g.value)
    data = [q.triple for g in graphs for q in store.quads_for_pattern(None, None, None, g)]
    return tbox, data


def _run_engine(engine: str, work: ox.Store, *, java: str | None) -> tuple[str, bytes, str | None]:
    """``(engine used, N-Triples of the actor part of the DESIGN set, why auto fell back)``."""
    if engine == "rules":
        return "rules", rules.materialise(work), None
    if engine == "hermit":
        return "hermit", owl.materialise(work, java=java), None
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


def _write(store: ox.Store, work: ox.Store, base: str, ntriples: bytes, graph: ox.NamedNode) -> None:
    """Replace ``graph`` with the engine's answer (``ntriples``) plus the event stage, atomically.

    The answer goes into a fresh temporary graph first; then one SPARQL update (one
    transaction) moves it over ``graph`` and adds the event classes, so readers see the old
    graph or the new one, never a mix.
    """
    for g in list(store.named_graphs()):  # leftovers of an interrupted run
        if isinstance(g, ox.NamedNode) and g.value.startswith(f"{base}{_TMP_PREFIX}"):
            store.remove_graph(g)
    tmp = ox.NamedNode(f"{base}{_TMP_PREFIX}{uuid.uuid4().hex}")
    steps = [f"MOVE SILENT GRAPH {tmp} TO GRAPH {graph}", *events.updates(work, graph, base=base)]
    try:
        store.load(ntriples, format=ox.RdfFormat.N_TRIPLES, to_graph=tmp)
        store.update(module.PREFIXES + " ;\n".join(steps))
    except OSError as exc:
        raise StoreError(f"cannot write {graph}: {exc}") from exc


def infer_set(tbox: list[ox.Triple] | None, data: list[ox.Triple], *, engine: str,
              java: str | None = None) -> set[ox.Triple]:
    """The DESIGN set (no fusion) for ``tbox`` (``None``: bundled) + ``data``: for tests."""
    source = ox.Store()
    if tbox is not None:
        source.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(f"{DEFAULT_BASE}graph/ontology"))
                      for t in tbox)
    source.extend(ox.Quad(t.subject, t.predicate, t.object, ox.NamedNode(f"{DEFAULT_BASE}graph/kb")) for t in data)
    if engine == "hermit" and not (java or owl.java_path()):
        raise ReasonerError("the HermiT reasoner needs Java (no `java` on PATH)")
    work = module.extract(source)
    _, ntriples, _ = _run_engine(engine, work, java=java or owl.java_path())
    out = ox.NamedNode("urn:kgbuild:design-set")
    _write(source, work, DEFAULT_BASE, ntriples, out)
    return {q.triple for q in source.quads_for_pattern(None, None, None, out)}


def reason(store: ox.Store, *, base: str = DEFAULT_BASE, engine: str = "auto") -> ReasonReport:
    """Recompute and replace ``{base}graph/inferred`` whole.

    :param engine: ``"hermit"`` (HermiT from owlready2, needs Java), ``"rules"`` (SPARQL rules
        run by Oxigraph) or ``"auto"`` (HermiT when Java is on ``PATH``, the input has at most
        :data:`HERMIT_AUTO_LIMIT` individuals and HermiT succeeds; otherwise rules).
    :raises ConfigError: unknown engine.
    :raises ReasonerError: ``engine="hermit"`` without Java, or HermiT failed.
    :raises OntologyError: no ontology in the store and the bundled one is unreadable.
    :raises StoreError: the inferred graph could not be written.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown reasoner {engine!r}; choose one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    work = module.extract(store, base=base)
    fused = fusion.fuse_store(store, event_classes=module.event_classes(work), base=base)
    used, ntriples, fallback = _run_engine(engine, work, java=owl.java_path())
    graph = ox.NamedNode(f"{base}graph/inferred")
    marker = ox.Triple(graph, ox.NamedNode(str(KG.isCurrent)), ox.Literal("true", datatype=_XSD_BOOLEAN))
    _write(store, work, base, ntriples + ox.serialize([*fused, marker], format=ox.RdfFormat.N_TRIPLES), graph)
    del work
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    written = int(next(iter(rows))["n"].value)
    n_fused = sum(1 for t in fused if t.object == ox.NamedNode(str(KG.FusedEvent)))
    return ReasonReport(engine=used, triples=written, seconds=time.perf_counter() - started,
                        fused_events=n_fused, fallback_reason=fallback)
