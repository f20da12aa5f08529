"""The rule engine: SPARQL rules run by Oxigraph on the reasoning module's scratch store.

The ontology's membership axioms form a *stratified* (regular) rule set, so instead of
iterating to a fixpoint rule by rule, each property is closed once, in dependency order, with a
SPARQL property path (Oxigraph evaluates ``p+`` natively):

1. ``partOf``  = (partOf | its sub-properties)+
2. ``ofState`` = ofState | partOf / ofState
3. ``memberOf`` = (memberOf | its sub-properties, e.g. leaderOf) / (partOf | ofState)*
4. ``locatedIn`` = locatedIn+
5. ``affiliatedState`` = ofState | memberOf a State | partOf a State | a State itself
   (``ofState`` has range ``State``, so ``memberOf / ofState`` ends at a State)
6. class memberships: asserted kg: types, domain of ``affiliatedState`` (kg:Actor),
   ``StateAffiliatedActor``, and every kg: superclass, read from the ontology's
   ``rdfs:subClassOf`` closure (one pass at the end).

Events are not in the module: :mod:`kgbuild.reason.events` classifies them in the source store
from this engine's answer. Together they give the DESIGN set
(:func:`kgbuild.reason.api.infer_set`), the same
triples HermiT entails (``tests/test_reason.py`` checks both engines agree).

>>> import pyoxigraph as ox
>>> from kgbuild.namespace import KG, KB
>>> n = lambda t: ox.NamedNode(str(t))
>>> data = [ox.Triple(n(KB.a), n(KG.subOrganizationOf), n(KB.b)),
...         ox.Triple(n(KB.b), n(KG.partOf), n(KB.c))]
>>> from kgbuild.reason.api import infer_set
>>> ox.Triple(n(KB.a), n(KG.partOf), n(KB.c)) in infer_set(None, data, engine="rules")
True
"""
from __future__ import annotations

import logging
import time
from collections.abc import Iterable

import pyoxigraph as ox

from ..namespace import KG
from .module import PREFIXES, TBOX_GRAPH, superclass_pairs, tbox_triples, told_subclasses

__all__ = ["materialise", "sub_properties", "tbox_triples", "CLOSED_PROPERTIES", "HELPER_PROPERTIES", "TBOX_GRAPH"]

log = logging.getLogger(__name__)

#: the properties whose closure triples are materialised (between named individuals)
CLOSED_PROPERTIES: tuple[str, ...] = (
    str(KG.partOf), str(KG.ofState), str(KG.memberOf), str(KG.locatedIn), str(KG.affiliatedState),
)
#: OWL-only helper properties (hasSelf encoding); never in data, never materialised
HELPER_PROPERTIES: frozenset[str] = frozenset({str(KG.stateSelf), str(KG.partOrMemberOfState)})

_KG = str(KG._NS)
_NT = ox.RdfFormat.N_TRIPLES


def sub_properties(store: ox.Store, prop: str) -> list[str]:
    """``prop`` and every kg: property declared (transitively) below it, minus the helpers."""
    rows = store.query(
        PREFIXES + f"SELECT DISTINCT ?p WHERE {{ GRAPH {TBOX_GRAPH} {{ ?p rdfs:subPropertyOf* <{prop}> }} }}"
    )
    found = {row["p"].value for row in rows if isinstance(row["p"], ox.NamedNode)}
    found.add(prop)
    found.difference_update(HELPER_PROPERTIES)
    return sorted(p for p in found if p.startswith(_KG))


def _alt(props: Iterable[str]) -> str:
    return "(" + "|".join(f"<{p}>" for p in props) + ")"


def _insert(store: ox.Store, template: str, where: str) -> None:
    started = time.perf_counter()
    store.update(PREFIXES + f"INSERT {{ {template} }} WHERE {{ {where} }}")
    log.debug("rule %s: %.2fs", template, time.perf_counter() - started)


def _superclass_pairs(store: ox.Store) -> str:
    """A SPARQL ``VALUES (?c ?d)`` block: every kg: superclass ``?d`` of every class ``?c``."""
    pairs = " ".join(f"(<{c}> <{d}>)" for c, d in superclass_pairs(store))
    return f"VALUES (?c ?d) {{ {pairs} }}"


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES {var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def _close_types(store: ox.Store, pairs: str) -> None:
    """Add every kg: superclass (ontology ``rdfs:subClassOf`` closure) of every typed node."""
    _insert(store, "?x a ?d", f"{pairs} ?x a ?c .")


def materialise(work: ox.Store) -> bytes:
    """Run the rules on a module store (:func:`kgbuild.reason.module.extract`), in place, and
    return the DESIGN set as N-Triples (see :func:`kgbuild.reason.api.infer_set`)."""
    part_of = _alt(sub_properties(work, str(KG.partOf)))
    member_of = _alt(sub_properties(work, str(KG.memberOf)))
    of_state = _alt(sub_properties(work, str(KG.ofState)))
    located_in = _alt(sub_properties(work, str(KG.locatedIn)))
    affiliated = _alt(sub_properties(work, str(KG.affiliatedState)))

    pairs = _superclass_pairs(work)
    # 1-4: membership closures, in dependency order (partOf < ofState < memberOf).
    _insert(work, "?x kg:partOf ?y", f"?x {part_of}+ ?y")
    _insert(work, "?x kg:ofState ?s", f"{{ ?x {of_state} ?s }} UNION {{ ?x kg:partOf ?y . ?y {of_state} ?s }}")
    _insert(work, "?x kg:memberOf ?z", f"?x {member_of} ?y . ?y (kg:partOf|kg:ofState)* ?z")
    _insert(work, "?x kg:locatedIn ?y", f"?x {located_in}+ ?y")
    # ofState has range State (the only range axiom that matters here).
    _insert(work, "?s a ?c",
            f"?x ?p ?s . GRAPH {TBOX_GRAPH} {{ ?p rdfs:range ?c }} "
            f"FILTER(?p = kg:ofState && isIRI(?s) && isIRI(?c) && STRSTARTS(STR(?c), \"{_KG}\"))")
    # 5: state affiliation: every sub-property of affiliatedState (ofState, closed above),
    # memberOf or partOf a State, and a State itself. "a State" is any (told) subclass of it.
    states = _values("?sc", told_subclasses(work, str(KG.State)))
    _insert(work, "?x kg:affiliatedState ?s",
            f"{{ ?x {affiliated} ?s }} "
            f"UNION {{ ?x kg:memberOf|kg:partOf ?s . ?s a ?sc {states} }} "
            f"UNION {{ ?x a ?sc {states} BIND(?x AS ?s) }}")
    # 6: classes: the domain of affiliatedState, the defined classes, then every kg:
    # superclass of every type once (the defined classes' conditions test subclasses directly).
    _insert(work, "?x a ?c",
            f"?x ?p ?y . GRAPH {TBOX_GRAPH} {{ ?p rdfs:domain ?c }} "
            f"FILTER(?p = kg:affiliatedState && isIRI(?c) && STRSTARTS(STR(?c), \"{_KG}\"))")
    _insert(work, "?x a kg:StateAffiliatedActor", f"{{ ?x a ?sc {states} }} UNION {{ ?x kg:affiliatedState ?s }}")
    _close_types(work, pairs)

    props = " ".join(f"<{p}>" for p in CLOSED_PROPERTIES)
    result = work.query(PREFIXES + f"""
        CONSTRUCT {{ ?s ?p ?o }} WHERE {{
          {{ VALUES ?p {{ {props} }} ?s ?p ?o . FILTER(isIRI(?s) && isIRI(?o)) }}
          UNION
          {{ ?s a ?o . FILTER(isIRI(?s) && STRSTARTS(STR(?o), "{_KG}"))
             FILTER EXISTS {{ VALUES ?top {{ kg:Actor kg:Event }} ?s a ?top }}
             BIND(rdf:type AS ?p) }}
        }}""")
    started = time.perf_counter()
    out = result.serialize(format=_NT)
    log.debug("rules result: %.2fs", time.perf_counter() - started)
    return out
