"""The reasoning module: the part of a store that reasoning reads, copied into a scratch store.

Both engines read only these triples of the kb graph, the actors graph and every doc graph
(never ``graph/claims/*`` nor the old ``graph/inferred``), all with an IRI subject:

- ``rdf:type`` triples whose class is a ``kg:`` class of the ontology other than an event
  class (a told subclass of ``kg:Event``: events are classified by :mod:`kgbuild.reason.events`)
  or a provenance class (a told subclass of ``prov:Entity``: articles, mentions, evidence);
- :data:`INPUT_PROPERTIES` triples between IRIs (the membership properties).

The copy never goes through Python objects: one SPARQL ``CONSTRUCT`` on the source store,
serialised to N-Triples and parsed by the scratch store, all inside Oxigraph. The ontology goes
into the scratch store's :data:`TBOX_GRAPH`; the instance triples into its default graph. The
source is a :class:`~kgbuild.store.GraphStore`, whose layout names the graphs read.

>>> import pyoxigraph as ox
>>> from kgbuild.namespace import KG, KB
>>> n = lambda t: ox.NamedNode(str(t))
>>> work = from_triples(None, [ox.Triple(n(KB.a), n(KG.partOf), n(KB.b)),
...                            ox.Triple(n(KB.a), n(KG.kbId), ox.Literal("a"))])
>>> len(list(work.quads_for_pattern(None, None, None, ox.DefaultGraph())))  # kg:kbId is not read
1
>>> individual_count(work)
2
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..errors import OntologyError
from ..layout import Layout
from ..namespace import DEFAULT_BASE, KG
from ..resources import ontology_dir
from ..store import GraphStore

__all__ = ["extract", "load_tbox", "module_query", "module_classes", "from_triples", "source_store", "tbox_triples", "individual_count", "event_classes",
           "told_subclasses", "superclass_pairs", "INPUT_PROPERTIES", "TBOX_GRAPH", "PREFIXES"]

#: instance-data properties the actor entailments depend on (membership)
INPUT_PROPERTIES: frozenset[str] = frozenset({
    str(KG.subOrganizationOf), str(KG.partOf), str(KG.ofState), str(KG.memberOf),
    str(KG.leaderOf), str(KG.locatedIn), str(KG.affiliatedState),
})
#: the scratch store's graph holding the ontology (instance data sits in the default graph)
TBOX_GRAPH = ox.NamedNode("urn:kgbuild:tbox")
#: SPARQL prefixes shared by the reasoning queries
PREFIXES = f"""PREFIX kg: <{KG._NS}>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
"""
_KG = str(KG._NS)
_NT = ox.RdfFormat.N_TRIPLES
_PROV_ENTITY = "http://www.w3.org/ns/prov#Entity"


def tbox_triples() -> list[ox.Triple]:
    """The bundled ontology (``ontology/kgbuild.ttl``) as pyoxigraph triples.

    :raises OntologyError: the file is missing or not valid Turtle.
    """
    path = ontology_dir() / "kgbuild.ttl"
    try:
        return [q.triple for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    except (OSError, SyntaxError) as exc:
        raise OntologyError(f"{path}: cannot read the ontology: {exc}") from exc


def module_query(layout: Layout, classes: list[str], *, graphs: list[ox.NamedNode] | None = None,
                 subjects: list[ox.NamedNode] | None = None) -> str:
    """The ``CONSTRUCT`` of the module's instance triples (see the module docstring), of the
    reasoning graphs or only of ``graphs``, about every subject or only ``subjects``."""
    properties = sorted(INPUT_PROPERTIES)
    if graphs is None and subjects is None:
        # VALUES of the classes, not a filter over every rdf:type triple: Oxigraph then reads
        # only these classes' members (0.34 s instead of 2.3 s on a 1,000-article store)
        values, types = " ".join(f"<{p}>" for p in properties), " ".join(f"<{c}>" for c in classes)
        return PREFIXES + f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{
          {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} FILTER(isIRI(?o)) }}
          UNION
          {{ VALUES ?o {{ {types} }} GRAPH ?g {{ ?s rdf:type ?o }} BIND(rdf:type AS ?p) }}
          FILTER(isIRI(?s) && {layout.sparql_reasoning_filter("g")})
        }}"""
    # a few graphs or subjects: every triple of theirs, filtered (the form above read every
    # member of every class of the store first: 10x slower for ten articles of 10,000)
    bound = "".join(f"VALUES ?{var} {{ {' '.join(str(n) for n in nodes)} }} "
                    for var, nodes in (("g", graphs), ("s", subjects)) if nodes is not None)
    wanted = (f"(?p IN ({', '.join(f'<{p}>' for p in properties)}) && isIRI(?o) "
              f"|| ?p = rdf:type && ?o IN ({', '.join(f'<{c}>' for c in classes)}))")
    return PREFIXES + f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {bound}GRAPH ?g {{ ?s ?p ?o }}
      FILTER(isIRI(?s) && {wanted} && {layout.sparql_reasoning_filter("g")}) }}"""


def module_classes(work: ox.Store) -> list[str]:
    """The ``kg:`` classes of the TBox whose members reasoning reads: all but the event classes
    (classified by the event stage) and the provenance records (articles, mentions, evidence:
    told subclasses of ``prov:Entity``, which entail nothing about actors; at 10k articles they
    were 2.2M of the module's rdf:type triples)."""
    rows = work.query(PREFIXES + f"SELECT DISTINCT ?c WHERE {{ GRAPH {TBOX_GRAPH} {{ ?c a owl:Class }} "
                                 f'FILTER(isIRI(?c) && STRSTARTS(STR(?c), "{_KG}")) }}')
    skipped = {*told_subclasses(work, str(KG.Event)), *told_subclasses(work, _PROV_ENTITY)}
    return sorted({row["c"].value for row in rows} - skipped)


def load_tbox(store: GraphStore, work: ox.Store) -> None:
    """Put the ontology into ``work``'s :data:`TBOX_GRAPH`: the store's ontology graph when it
    has one, else the bundled file.

    :raises OntologyError: no ontology in the store and the bundled one is unreadable.
    """
    ontology = store.layout.ontology_graph
    if next(store.quads(ontology), None) is not None:
        work.load(store.dump(ontology), format=_NT, to_graph=TBOX_GRAPH)
    else:
        work.extend(ox.Quad(t.subject, t.predicate, t.object, TBOX_GRAPH) for t in tbox_triples())


def extract(store: GraphStore) -> ox.Store:
    """A scratch in-memory store holding the module of ``store`` (see the module docstring).

    The ontology is the store's ontology graph when it has one, else the bundled file.

    :raises OntologyError: no ontology in the store and the bundled one is unreadable.
    """
    work = ox.Store()
    load_tbox(store, work)
    query = module_query(store.layout, module_classes(work))
    work.load(store.query(query, union=False).serialize(format=_NT), format=_NT)
    return work


def source_store(tbox: Iterable[ox.Triple] | None, data: Iterable[ox.Triple], *,
                 base: str = DEFAULT_BASE) -> GraphStore:
    """An in-memory store holding ``tbox`` (``None``: none, so the bundled ontology is read) in
    its ontology graph and ``data`` in its kb graph."""
    source = GraphStore.in_memory(base=base)
    layout = source.layout
    if tbox is not None:
        source.bulk_load(ox.Quad(t.subject, t.predicate, t.object, layout.ontology_graph) for t in tbox)
    source.bulk_load(ox.Quad(t.subject, t.predicate, t.object, layout.kb_graph) for t in data)
    return source


def from_triples(tbox: Iterable[ox.Triple] | None, data: Iterable[ox.Triple],
                 *, base: str = DEFAULT_BASE) -> ox.Store:
    """:func:`extract` over ``data`` (as if it were the kb graph) and ``tbox`` (``None``: bundled)."""
    return extract(source_store(tbox, data, base=base))


def individual_count(work: ox.Store) -> int:
    """Named individuals of the module: typed nodes and both ends of membership/role triples."""
    values = " ".join(f"<{p}>" for p in sorted(INPUT_PROPERTIES))
    rows = work.query(PREFIXES + f"""SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE {{
        {{ ?i rdf:type ?c }} UNION {{ VALUES ?p {{ {values} }} {{ ?i ?p ?o }} UNION {{ ?s ?p ?i }} }} }}""")
    return int(next(iter(rows))["n"].value)


def superclass_pairs(work: ox.Store) -> list[tuple[str, str]]:
    """Every (class, kg: superclass) pair of the module's TBox (``rdfs:subClassOf`` closure)."""
    rows = work.query(PREFIXES + f"""SELECT DISTINCT ?c ?d WHERE {{ GRAPH {TBOX_GRAPH} {{
        ?c rdfs:subClassOf+ ?d FILTER(isIRI(?c) && isIRI(?d) && STRSTARTS(STR(?d), "{_KG}")) }} }}""")
    return sorted((row["c"].value, row["d"].value) for row in rows)


def told_subclasses(work: ox.Store, cls: str) -> list[str]:
    """``cls`` and every IRI declared (transitively) ``rdfs:subClassOf`` it in the module's TBox."""
    rows = work.query(PREFIXES + f"SELECT DISTINCT ?c WHERE {{ GRAPH {TBOX_GRAPH} {{ ?c rdfs:subClassOf* <{cls}> }} }}")
    return sorted({cls} | {row["c"].value for row in rows if isinstance(row["c"], ox.NamedNode)})


def event_classes(work: ox.Store) -> set[str]:
    """IRIs of the classes declared directly ``rdfs:subClassOf kg:Event`` (the asserted leaves)."""
    rows = work.query(PREFIXES + f"SELECT ?c WHERE {{ GRAPH {TBOX_GRAPH} {{ ?c rdfs:subClassOf kg:Event }} }}")
    return {row["c"].value for row in rows if isinstance(row["c"], ox.NamedNode)}
