"""``reason()``: rewrite the store's ``graph/inferred`` from the ontology, the KB and the docs.

Reads ``{base}graph/ontology`` (or the bundled ontology when the store has none),
``{base}graph/kb`` and every ``{base}graph/doc/*`` graph, never ``graph/claims/*`` (claims are
not facts) nor the old ``graph/inferred``. Computes the DESIGN set with HermiT or the rule
engine, adds cross-article fusion, and replaces ``{base}graph/inferred`` whole in one
transaction, marked ``<{base}graph/inferred> kg:isCurrent true``.

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
from . import fusion, owl, rules

__all__ = ["reason", "ReasonReport", "ENGINES", "HERMIT_AUTO_LIMIT", "read_inputs"]

log = logging.getLogger(__name__)

#: ``engine="auto"`` hands at most this many named individuals to HermiT, else uses the
#: rules (HermiT's property-value realisation grows fast: ~10 s for 300, ~60 s for 3,000)
HERMIT_AUTO_LIMIT = 1000
#: accepted values of ``engine``
ENGINES: tuple[str, ...] = ("auto", "hermit", "rules")

_SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
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
    """``(tbox, data)``: the ontology graph, and the kb plus every doc graph, as triples."""
    ontology = ox.NamedNode(f"{base}graph/ontology")
    tbox = [q.triple for q in store.quads_for_pattern(None, None, None, ontology)]
    if not tbox:
        tbox = rules.tbox_triples()
    doc_prefix = f"{base}graph/doc/"
    graphs = [ox.NamedNode(f"{base}graph/kb")]
    graphs += sorted((g for g in store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value.startswith(doc_prefix)),
                     key=lambda g: g.value)
    data = [q.triple for g in graphs for q in store.quads_for_pattern(None, None, None, g)]
    return tbox, data


def _event_classes(tbox: list[ox.Triple]) -> set[str]:
    event = ox.NamedNode(str(KG.Event))
    return {t.subject.value for t in tbox
            if t.predicate == _SUBCLASS and t.object == event and isinstance(t.subject, ox.NamedNode)}


def _run_engine(engine: str, tbox: list[ox.Triple], data: list[ox.Triple]) -> tuple[str, set[ox.Triple], str | None]:
    if engine == "rules":
        return "rules", rules.infer(tbox, data), None
    java = owl.java_path()
    if engine == "hermit":
        return "hermit", owl.infer(tbox, data, java=java), None
    if not java:
        log.info("no java on PATH: reasoning with the rule engine")
        return "rules", rules.infer(tbox, data), "no java on PATH"
    size = owl.individual_count(data)
    if size > HERMIT_AUTO_LIMIT:
        why = f"{size} individuals is more than HermiT's auto limit of {HERMIT_AUTO_LIMIT}"
        log.info("%s: reasoning with the rule engine", why)
        return "rules", rules.infer(tbox, data), why
    try:
        return "hermit", owl.infer(tbox, data, java=java), None
    except ReasonerError as exc:
        log.warning("HermiT failed, reasoning with the rule engine instead: %s", exc)
        return "rules", rules.infer(tbox, data), str(exc)


def _replace_inferred(store: ox.Store, base: str, triples: list[ox.Triple]) -> None:
    """Write into a fresh temporary graph, then ``MOVE`` it over ``graph/inferred`` (atomic)."""
    inferred = ox.NamedNode(f"{base}graph/inferred")
    for g in list(store.named_graphs()):  # leftovers of an interrupted run
        if isinstance(g, ox.NamedNode) and g.value.startswith(f"{base}{_TMP_PREFIX}"):
            store.remove_graph(g)
    tmp = ox.NamedNode(f"{base}{_TMP_PREFIX}{uuid.uuid4().hex}")
    try:
        store.extend(ox.Quad(t.subject, t.predicate, t.object, tmp) for t in triples)
        store.update(f"MOVE SILENT GRAPH {tmp} TO GRAPH {inferred}")
    except OSError as exc:
        raise StoreError(f"cannot write {inferred}: {exc}") from exc


def reason(store: ox.Store, *, base: str = DEFAULT_BASE, engine: str = "auto") -> ReasonReport:
    """Recompute and replace ``{base}graph/inferred`` whole.

    :param engine: ``"hermit"`` (owlready2 + HermiT, needs Java), ``"rules"`` (pure Python)
        or ``"auto"`` (HermiT when Java is on ``PATH``, the input has at most
        :data:`HERMIT_AUTO_LIMIT` individuals and HermiT succeeds; otherwise rules).
    :raises ConfigError: unknown engine.
    :raises ReasonerError: ``engine="hermit"`` without Java, or HermiT failed.
    :raises OntologyError: no ontology in the store and the bundled one is unreadable.
    :raises StoreError: the inferred graph could not be written.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown reasoner {engine!r}; choose one of {', '.join(ENGINES)}")
    started = time.perf_counter()
    tbox, data = read_inputs(store, base=base)
    used, inferred, fallback = _run_engine(engine, tbox, data)
    fused = fusion.fuse(data, event_classes=_event_classes(tbox), base=base)
    graph = ox.NamedNode(f"{base}graph/inferred")
    marker = ox.Triple(graph, ox.NamedNode(str(KG.isCurrent)), ox.Literal("true", datatype=_XSD_BOOLEAN))
    triples = [*inferred, *fused, marker]
    _replace_inferred(store, base, triples)
    n_fused = sum(1 for t in fused if t.object == ox.NamedNode(str(KG.FusedEvent)))
    return ReasonReport(engine=used, triples=len(triples), seconds=time.perf_counter() - started,
                        fused_events=n_fused, fallback_reason=fallback)
