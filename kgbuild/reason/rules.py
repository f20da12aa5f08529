"""The pure-Python reasoning engine: SPARQL rules over an in-memory pyoxigraph store.

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
   ``StateAffiliatedActor``, ``AttackOnStateAffiliated`` / ``AttackByStateAffiliated``, and
   every kg: superclass, read from the ontology's ``rdfs:subClassOf`` closure.

The result is the DESIGN set (see :func:`infer`), the same triples HermiT entails
(``tests/test_reason.py`` checks both engines agree).

>>> import pyoxigraph as ox
>>> from kgbuild.namespace import KG, KB
>>> n = lambda t: ox.NamedNode(str(t))
>>> data = [ox.Triple(n(KB.a), n(KG.subOrganizationOf), n(KB.b)),
...         ox.Triple(n(KB.b), n(KG.partOf), n(KB.c))]
>>> ox.Triple(n(KB.a), n(KG.partOf), n(KB.c)) in infer(tbox_triples(), data)
True
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..errors import OntologyError
from ..namespace import KG
from ..resources import ontology_dir

__all__ = ["infer", "tbox_triples", "CLOSED_PROPERTIES", "HELPER_PROPERTIES", "TBOX_GRAPH"]

#: the properties whose closure triples are materialised (between named individuals)
CLOSED_PROPERTIES: tuple[str, ...] = (
    str(KG.partOf), str(KG.ofState), str(KG.memberOf), str(KG.locatedIn), str(KG.affiliatedState),
)
#: OWL-only helper properties (hasSelf encoding); never in data, never materialised
HELPER_PROPERTIES: frozenset[str] = frozenset({str(KG.stateSelf), str(KG.partOrMemberOfState)})
#: the temporary store's graph holding the ontology (instance data sits in the default graph)
TBOX_GRAPH = ox.NamedNode("urn:kgbuild:tbox")

_PREFIXES = f"""PREFIX kg: <{KG._NS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_KG = str(KG._NS)


def tbox_triples() -> list[ox.Triple]:
    """The bundled ontology (``ontology/kgbuild.ttl``) as pyoxigraph triples.

    :raises OntologyError: the file is missing or not valid Turtle.
    """
    path = ontology_dir() / "kgbuild.ttl"
    try:
        return [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (OSError, SyntaxError) as exc:
        raise OntologyError(f"{path}: cannot read the ontology: {exc}") from exc


def _sub_properties(store: ox.Store, prop: str) -> list[str]:
    """``prop`` and every kg: property declared (transitively) below it, minus the helpers."""
    rows = store.query(
        _PREFIXES + f"SELECT DISTINCT ?p WHERE {{ GRAPH {TBOX_GRAPH} {{ ?p rdfs:subPropertyOf* <{prop}> }} }}"
    )
    found = {row["p"].value for row in rows if isinstance(row["p"], ox.NamedNode)}
    found.add(prop)
    found.difference_update(HELPER_PROPERTIES)
    return sorted(p for p in found if p.startswith(_KG))


def _alt(props: Iterable[str]) -> str:
    return "(" + "|".join(f"<{p}>" for p in props) + ")"


def _insert(store: ox.Store, template: str, where: str) -> None:
    store.update(_PREFIXES + f"INSERT {{ {template} }} WHERE {{ {where} }}")


def _superclass_pairs(store: ox.Store) -> str:
    """A SPARQL ``VALUES (?c ?d)`` block: every kg: superclass ``?d`` of every class ``?c``."""
    rows = store.query(_PREFIXES + f"""SELECT DISTINCT ?c ?d WHERE {{ GRAPH {TBOX_GRAPH} {{
        ?c rdfs:subClassOf+ ?d FILTER(isIRI(?c) && isIRI(?d) && STRSTARTS(STR(?d), "{_KG}")) }} }}""")
    pairs = " ".join(f"({row['c']} {row['d']})" for row in rows)
    return f"VALUES (?c ?d) {{ {pairs} }}"


def _close_types(store: ox.Store, pairs: str) -> None:
    """Add every kg: superclass (ontology ``rdfs:subClassOf`` closure) of every typed node."""
    _insert(store, "?x a ?d", f"{pairs} ?x a ?c .")


def infer(tbox: Iterable[ox.Triple], data: Iterable[ox.Triple]) -> set[ox.Triple]:
    """The DESIGN set entailed by ``tbox`` + ``data``.

    That is: ``rdf:type`` triples with a kg: class for every node that is (inferred to be) a
    ``kg:Actor`` or ``kg:Event``, and the closure triples of :data:`CLOSED_PROPERTIES`
    between IRIs. Asserted triples of that kind are included (the result is the closure, not
    only what is new).
    """
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object, TBOX_GRAPH) for t in tbox)
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in data)

    part_of = _alt(_sub_properties(store, str(KG.partOf)))
    member_of = _alt(_sub_properties(store, str(KG.memberOf)))
    of_state = _alt(_sub_properties(store, str(KG.ofState)))
    located_in = _alt(_sub_properties(store, str(KG.locatedIn)))
    affiliated = _alt(_sub_properties(store, str(KG.affiliatedState)))

    pairs = _superclass_pairs(store)

    # 1-4: membership closures, in dependency order (partOf < ofState < memberOf).
    _insert(store, "?x kg:partOf ?y", f"?x {part_of}+ ?y")
    _insert(store, "?x kg:ofState ?s", f"{{ ?x {of_state} ?s }} UNION {{ ?x kg:partOf ?y . ?y {of_state} ?s }}")
    _insert(store, "?x kg:memberOf ?z", f"?x {member_of} ?y . ?y (kg:partOf|kg:ofState)* ?z")
    _insert(store, "?x kg:locatedIn ?y", f"?x {located_in}+ ?y")
    # ofState has range State (the only range axiom that matters here).
    _insert(store, "?s a ?c",
            f"?x ?p ?s . GRAPH {TBOX_GRAPH} {{ ?p rdfs:range ?c }} "
            f"FILTER(?p = kg:ofState && isIRI(?s) && isIRI(?c) && STRSTARTS(STR(?c), \"{_KG}\"))")
    # 5: state affiliation: every sub-property of affiliatedState (ofState, closed above),
    # memberOf or partOf a State, and a State itself.
    _insert(store, "?x kg:affiliatedState ?s",
            f"{{ ?x {affiliated} ?s }} "
            "UNION { ?x kg:memberOf|kg:partOf ?s . ?s a kg:State } "
            "UNION { ?x a kg:State . BIND(?x AS ?s) }")
    # 6: classes. Asserted types first get their superclasses (State must be known), then the
    # domain of affiliatedState, the defined classes, and superclasses once more.
    _close_types(store, pairs)
    _insert(store, "?x a ?c",
            f"?x ?p ?y . GRAPH {TBOX_GRAPH} {{ ?p rdfs:domain ?c }} "
            f"FILTER(?p = kg:affiliatedState && isIRI(?c) && STRSTARTS(STR(?c), \"{_KG}\"))")
    _insert(store, "?x a kg:StateAffiliatedActor", "{ ?x a kg:State } UNION { ?x kg:affiliatedState ?s }")
    _close_types(store, pairs)
    _insert(store, "?e a kg:AttackOnStateAffiliated", "?e a kg:Attack ; kg:target/a kg:StateAffiliatedActor")
    _insert(store, "?e a kg:AttackByStateAffiliated", "?e a kg:Attack ; kg:agent/a kg:StateAffiliatedActor")
    _close_types(store, pairs)

    props = " ".join(f"<{p}>" for p in CLOSED_PROPERTIES)
    result = store.query(_PREFIXES + f"""
        CONSTRUCT {{ ?s ?p ?o }} WHERE {{
          {{ VALUES ?p {{ {props} }} ?s ?p ?o . FILTER(isIRI(?s) && isIRI(?o)) }}
          UNION
          {{ ?s a ?o . FILTER(isIRI(?s) && STRSTARTS(STR(?o), "{_KG}"))
             FILTER EXISTS {{ VALUES ?top {{ kg:Actor kg:Event }} ?s a ?top }}
             BIND(rdf:type AS ?p) }}
        }}""")
    return set(result)
