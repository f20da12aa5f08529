"""Read one article's predictions out of a :class:`~kgbuild.store.GraphStore`.

What counts as a prediction follows ``docs/gold-format.md`` ("What is scored for one
article"): actors with a mention in the article's doc graph, the relations asserted in the
doc graph plus the KB's relations between two of those actors, the events typed in the doc
graph and the ``kg:Claim`` nodes of the claims graph. The inferred graph is never read
(except ``kg:fusedInto``, to map fused events returned by saved queries back).

>>> from kgbuild.store import GraphStore
>>> prediction = extract_article(GraphStore.in_memory(), "missing")
>>> prediction.present, prediction.actors
(False, {})
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, SKOS

from ..namespace import KG, NIF, PROV, SCHEMA, WD
from ..store import GraphStore
from .gold import ACTOR_CLASSES, EVENT_CLASSES, RELATION_PREDICATES

__all__ = [
    "ActorInfo", "ExtractedRelation", "ExtractedEvent", "ExtractedClaim", "ArticlePrediction",
    "extract_article", "actor_superclasses", "local_name",
]

#: store predicate local name -> the gold predicate it is scored as
_PREDICATES: dict[str, str] = {p: p for p in RELATION_PREDICATES} | {"subOrganizationOf": "partOf"}


@dataclass(slots=True)
class ActorInfo:
    """An actor node with everything alignment needs."""

    iri: str
    labels: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    qids: set[str] = field(default_factory=set)
    classes: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        """A display name: the label, else the first mention, else the IRI."""
        return (self.labels or self.mentions or [self.iri])[0]

    @property
    def names(self) -> list[str]:
        return [*self.labels, *self.aliases, *self.mentions]


@dataclass(frozen=True, slots=True)
class ExtractedRelation:
    subject: str
    predicate: str  # a gold predicate name (subOrganizationOf already read as partOf)
    object: str
    graph: str  # "doc" or "kb"
    evidence: tuple[str, ...] = ()


@dataclass(slots=True)
class ExtractedEvent:
    iri: str
    classes: list[str] = field(default_factory=list)
    agents: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    fused_into: set[str] = field(default_factory=set)


@dataclass(slots=True)
class ExtractedClaim:
    iri: str
    sources: set[str] = field(default_factory=set)
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    evidence: list[str] = field(default_factory=list)


@dataclass(slots=True)
class ArticlePrediction:
    """Everything the store says about one article. ``present`` is False when it is absent."""

    article_id: str
    present: bool
    actors: dict[str, ActorInfo] = field(default_factory=dict)
    others: dict[str, ActorInfo] = field(default_factory=dict)  # referenced, not mentioned
    relations: list[ExtractedRelation] = field(default_factory=list)
    events: dict[str, ExtractedEvent] = field(default_factory=dict)
    claims: list[ExtractedClaim] = field(default_factory=list)

    def actor(self, iri: str) -> ActorInfo | None:
        return self.actors.get(iri) or self.others.get(iri)


def local_name(iri: str) -> str:
    """The part after the last ``#`` or ``/``.

    >>> local_name("https://w3id.org/kgbuild/ontology#partOf")
    'partOf'
    """
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _iri(term: object) -> str:
    return f"<{term}>"


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(_iri(i) for i in iris)} }}"


def _kg(names: Iterable[str]) -> list[str]:
    return [str(KG[n]) for n in names]


def actor_superclasses(store: GraphStore) -> dict[str, set[str]]:
    """Actor class -> its actor superclasses, read from the ontology graph (may be empty)."""
    classes = _kg(ACTOR_CLASSES)
    sparql = (f"SELECT ?sub ?sup WHERE {{ GRAPH {store.layout.ontology_graph} "
              f"{{ ?sub {_iri(RDFS.subClassOf)}+ ?sup }} {_values('sub', classes)} "
              f"{_values('sup', classes)} }}")
    out: dict[str, set[str]] = defaultdict(set)
    for row in store.query(sparql, union=False):
        out[local_name(row["sub"].value)].add(local_name(row["sup"].value))
    return dict(out)


def extract_article(store: GraphStore, article_id: str, *,
                    superclasses: dict[str, set[str]] | None = None) -> ArticlePrediction:
    """Read the predictions of ``article_id``; an absent article gives ``present=False``."""
    doc = store.layout.doc_graph(article_id)
    if not store.has_graph(doc):
        return ArticlePrediction(article_id, present=False)
    if superclasses is None:
        superclasses = actor_superclasses(store)
    kb = store.layout.kb_graph
    claims_graph = store.layout.claims_graph(article_id)
    prediction = ArticlePrediction(article_id, present=True)

    prediction.events = _events(store, doc)
    mentions: dict[str, list[str]] = defaultdict(list)
    sparql = (f"SELECT ?x ?text WHERE {{ GRAPH {doc} {{ ?m a {_iri(KG.Mention)} ; "
              f"{_iri(KG.denotes)} ?x . OPTIONAL {{ ?m {_iri(NIF.anchorOf)} ?text }} }} }}")
    for row in store.query(sparql, union=False):
        node = row["x"]
        if not isinstance(node, ox.NamedNode) or node.value in prediction.events:
            continue
        texts = mentions[node.value]
        if row["text"] is not None and row["text"].value not in texts:
            texts.append(row["text"].value)
    prediction.actors = {iri: ActorInfo(iri, mentions=texts) for iri, texts in mentions.items()}

    prediction.relations = _relations(store, doc, kb, set(prediction.actors))
    prediction.claims = _claims(store, claims_graph)
    referenced: set[str] = set()
    for rel in prediction.relations:
        referenced.update((rel.subject, rel.object))
    for event in prediction.events.values():
        referenced.update(event.agents | event.targets | event.places)
    for claim in prediction.claims:
        referenced.update(x for x in (claim.subject, claim.object, *claim.sources) if x)
    prediction.others = {iri: ActorInfo(iri) for iri in referenced - set(prediction.actors)}
    _describe(store, doc, kb, {**prediction.actors, **prediction.others}, superclasses)
    return prediction


def _events(store: GraphStore, doc: ox.NamedNode) -> dict[str, ExtractedEvent]:
    events: dict[str, ExtractedEvent] = {}
    sparql = (f"SELECT ?e ?c WHERE {{ GRAPH {doc} {{ ?e a ?c }} "
              f"{_values('c', _kg(EVENT_CLASSES))} }}")
    for row in store.query(sparql, union=False):
        if isinstance(row["e"], ox.NamedNode):
            event = events.setdefault(row["e"].value, ExtractedEvent(row["e"].value))
            event.classes.append(local_name(row["c"].value))
    if not events:
        return events
    roles = {str(KG.agent): "agents", str(KG.target): "targets", str(KG.place): "places"}
    sparql = (f"SELECT ?e ?p ?o WHERE {{ GRAPH {doc} {{ ?e ?p ?o }} {_values('e', events)} "
              f"{_values('p', [*roles, str(KG.date), str(KG.mode)])} }}")
    for row in store.query(sparql, union=False):
        event, pred, obj = events[row["e"].value], row["p"].value, row["o"]
        if pred in roles and isinstance(obj, ox.NamedNode):
            getattr(event, roles[pred]).add(obj.value)
        elif pred == str(KG.date):
            event.dates.add(obj.value[:10])
        elif pred == str(KG.mode):
            event.modes.add(local_name(obj.value))
    sparql = (f"SELECT DISTINCT ?e ?text WHERE {{ GRAPH {doc} {{ "
              f"{{ ?e {_iri(KG.trigger)} ?m . ?m {_iri(NIF.anchorOf)} ?text }} UNION "
              f"{{ ?m {_iri(KG.denotes)} ?e ; {_iri(NIF.anchorOf)} ?text }} UNION "
              f"{{ ?m {_iri(RDF.subject)} ?e ; {_iri(NIF.anchorOf)} ?text }} }} "
              f"{_values('e', events)} }}")
    for row in store.query(sparql, union=False):
        if row["text"].value not in events[row["e"].value].evidence:
            events[row["e"].value].evidence.append(row["text"].value)
    sparql = (f"SELECT ?e ?f WHERE {{ ?e {_iri(KG.fusedInto)} ?f {_values('e', events)} }}")
    for row in store.query(sparql, union=True):
        events[row["e"].value].fused_into.add(row["f"].value)
    return events


def _relations(store: GraphStore, doc: ox.NamedNode, kb: ox.NamedNode,
               actors: set[str]) -> list[ExtractedRelation]:
    predicates = _kg(_PREDICATES)
    evidence: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    sparql = (f"SELECT ?s ?p ?o ?text WHERE {{ GRAPH {doc} {{ ?ev {_iri(RDF.subject)} ?s ; "
              f"{_iri(RDF.predicate)} ?p ; {_iri(RDF.object)} ?o ; {_iri(NIF.anchorOf)} ?text }} "
              f"{_values('p', predicates)} }}")
    for row in store.query(sparql, union=False):
        evidence[(row["s"].value, row["p"].value, row["o"].value)].append(row["text"].value)
    out: list[ExtractedRelation] = []
    seen: set[tuple[str, str, str]] = set()
    for graph, name in ((doc, "doc"), (kb, "kb")):
        if name == "kb" and not actors:
            break
        restrict = _values("s", actors) if name == "kb" else ""
        sparql = (f"SELECT ?s ?p ?o WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} "
                  f"{_values('p', predicates)} {restrict} }}")
        for row in store.query(sparql, union=False):
            s, p, o = row["s"], row["p"], row["o"]
            if not (isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)):
                continue
            if name == "kb" and o.value not in actors:
                continue
            key = (s.value, _PREDICATES[local_name(p.value)], o.value)
            if key in seen:
                continue
            seen.add(key)
            out.append(ExtractedRelation(*key, graph=name,
                                         evidence=tuple(evidence.get((s.value, p.value, o.value), ()))))
    return out


def _claims(store: GraphStore, graph: ox.NamedNode) -> list[ExtractedClaim]:
    claims: dict[str, ExtractedClaim] = {}
    sparql = (f"SELECT ?c ?p ?o WHERE {{ GRAPH {graph} {{ ?c a {_iri(KG.Claim)} . "
              f"OPTIONAL {{ ?c ?p ?o {_values('p', [PROV.wasAttributedTo, RDF.subject, RDF.predicate, RDF.object, NIF.anchorOf])} }} }} }}")
    for row in store.query(sparql, union=False):
        claim = claims.setdefault(row["c"].value, ExtractedClaim(row["c"].value))
        pred, obj = row["p"], row["o"]
        if pred is None:
            continue
        if pred.value == str(PROV.wasAttributedTo):
            claim.sources.add(obj.value)
        elif pred.value == str(RDF.subject):
            claim.subject = obj.value
        elif pred.value == str(RDF.predicate):
            name = local_name(obj.value)
            claim.predicate = _PREDICATES.get(name, name)
        elif pred.value == str(RDF.object):
            claim.object = obj.value
        else:
            claim.evidence.append(obj.value)
    return list(claims.values())


def _describe(store: GraphStore, doc: ox.NamedNode, kb: ox.NamedNode,
              actors: dict[str, ActorInfo], superclasses: dict[str, set[str]]) -> None:
    """Fill labels (any graph), QIDs (KB graph) and asserted classes (KB or doc graph)."""
    if not actors:
        return
    sparql = (f"SELECT DISTINCT ?x ?p ?l WHERE {{ ?x ?p ?l {_values('p', [SKOS.prefLabel, SKOS.altLabel])} "
              f"{_values('x', actors)} }}")
    for row in store.query(sparql, union=True):
        info, text = actors[row["x"].value], row["l"].value
        bucket = info.labels if row["p"].value == str(SKOS.prefLabel) else info.aliases
        if text not in bucket:
            bucket.append(text)
    wd = str(WD)
    sparql = (f"SELECT ?x ?w WHERE {{ GRAPH {kb} {{ ?x {_iri(SCHEMA.sameAs)} ?w }} "
              f"{_values('x', actors)} }}")
    for row in store.query(sparql, union=False):
        if isinstance(row["w"], ox.NamedNode) and row["w"].value.startswith(wd):
            actors[row["x"].value].qids.add(row["w"].value[len(wd):])
    # a provisional actor's class as this article gives it (the store's decision is in graph/actors)
    sparql = (f"SELECT DISTINCT ?x ?c WHERE {{ GRAPH ?g {{ ?x ?t ?c }} {_values('g', [kb.value, doc.value])} "
              f"{_values('t', [RDF.type, KG.provisionalClass])} "
              f"{_values('c', _kg(ACTOR_CLASSES))} {_values('x', actors)} }}")
    found: dict[str, set[str]] = defaultdict(set)
    for row in store.query(sparql, union=False):
        found[row["x"].value].add(local_name(row["c"].value))
    for iri, classes in found.items():
        implied = set().union(*(superclasses.get(c, set()) for c in classes))
        actors[iri].classes = sorted(classes - implied)
