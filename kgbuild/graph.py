"""RDF emission: one article's extraction to the quads of its doc and claims graphs.

Follows docs/graph-layout.md: the article node with its full text, a mention node per actor
and event mention (code-point offsets), facts asserted plainly with an ``kg:Evidence`` node
each, new actors labelled with the class this article gives them (``kg:provisionalClass``;
their one ``rdf:type`` is decided over all articles: :mod:`kgbuild.actor_classes`), and claims
only as ``kg:Claim`` reifications in the claims graph. IRIs are stable (hashes of article id and offsets, slugs of names) and no
blank node is emitted. Every graph name and IRI is minted by a :class:`~kgbuild.layout.Layout`,
so emission needs no store.

>>> from kgbuild.ingest import Article
>>> from kgbuild.extract.items import Extraction
>>> write = emit_article(Article(id="a1", source="x", text="Hello."), Extraction(),
...                      layout=Layout(), fingerprint="f")
>>> write.article_id, len(write.claim_quads)
('a1', 0)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pyoxigraph as ox

from . import namespace
from .extract.items import ActorRef, Extraction
from .ingest import Article
from .layout import Layout, slug
from .store import ArticleWrite

if TYPE_CHECKING:
    from .store import GraphStore

__all__ = ["emit_article", "actor_iri", "slug"]

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
TYPE = ox.NamedNode(_RDF + "type")
STATEMENT = ox.NamedNode(_RDF + "Statement")
SUBJECT, PREDICATE, OBJECT = (ox.NamedNode(_RDF + p) for p in ("subject", "predicate", "object"))
PREF_LABEL = ox.NamedNode(_SKOS + "prefLabel")
INT = ox.NamedNode(_XSD + "integer")
DATE = ox.NamedNode(_XSD + "date")
BOOL = ox.NamedNode(_XSD + "boolean")


class _Terms:
    """A namespace's terms as pyoxigraph nodes, each looked up once (rdflib's
    ``DefinedNamespace`` attribute access is slow on the emission hot path)."""

    def __init__(self, ns: object) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(str(getattr(self._ns, name)))
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)


KG, NIF, DCTERMS, PROV, SCHEMA = (_Terms(ns) for ns in (namespace.KG, namespace.NIF, namespace.DCTERMS,
                                                         namespace.PROV, namespace.SCHEMA))
BEGIN, END, ANCHOR = NIF.beginIndex, NIF.endIndex, NIF.anchorOf
SOURCE_ARTICLE, EVIDENCE, PROVISIONAL = KG.sourceArticle, KG.Evidence, KG.provisional

_MODES = {"airstrike": KG.Airstrike, "drone": KG.DroneStrike, "shelling": KG.Shelling, "bombing": KG.Bombing,
          "armed-clash": KG.ArmedClash, "small-arms": KG.SmallArmsFire, "assassination": KG.Assassination,
          "other": KG.OtherAttack}
_RELATIONS = {"partOf": KG.partOf, "ofState": KG.ofState, "leaderOf": KG.leaderOf, "memberOf": KG.memberOf,
              "locatedIn": KG.locatedIn}


def actor_iri(actor: ActorRef, *, layout: Layout) -> ox.NamedNode:
    """KB actors keep their KB IRI; new actors get :meth:`Layout.actor <kgbuild.layout.Layout.actor>`."""
    if actor.iri:
        return ox.NamedNode(actor.iri)
    return layout.actor(actor.label)


class _Emitter:
    def __init__(self, article: Article, *, layout: Layout, fingerprint: str) -> None:
        self.article = article
        self.layout = layout
        self.doc_graph = layout.doc_graph(article.id)
        self.claims_graph = layout.claims_graph(article.id)
        self.article_node = layout.article(article.id)
        self.fingerprint = fingerprint
        self.doc: list[ox.Quad] = []
        self.claims: list[ox.Quad] = []
        self.typed: set[str] = set()

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal, *, claims: bool = False) -> None:
        quad = ox.Quad(s, p, o, self.claims_graph if claims else self.doc_graph)
        (self.claims if claims else self.doc).append(quad)

    def node(self, kind: str, *parts: object) -> ox.NamedNode:
        return self.layout.node(kind, self.article.id, *parts)

    def offsets(self, node: ox.NamedNode, start: int, end: int, *, claims: bool = False) -> None:
        text = self.article.text
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        while end > start and text[end - 1].isspace():
            end -= 1
        while start < end and text[start].isspace():
            start += 1
        self.add(node, BEGIN, ox.Literal(str(start), datatype=INT), claims=claims)
        self.add(node, END, ox.Literal(str(end), datatype=INT), claims=claims)
        self.add(node, ANCHOR, ox.Literal(text[start:end]), claims=claims)
        self.add(node, SOURCE_ARTICLE, self.article_node, claims=claims)

    def actor(self, actor: ActorRef) -> ox.NamedNode:
        node = actor_iri(actor, layout=self.layout)
        if actor.new and node.value not in self.typed:
            self.typed.add(node.value)
            # the class this article gives it; the store's one rdf:type is in graph/actors
            self.add(node, KG.provisionalClass, KG[actor.actor_class])
            self.add(node, PREF_LABEL, ox.Literal(actor.label, language="en"))
            self.add(node, PROVISIONAL, ox.Literal("true", datatype=BOOL))
        return node

    def fact(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal, sentence: tuple[int, int]) -> None:
        self.add(s, p, o)
        evidence = self.node("evidence", s.value, p.value, str(o), *sentence)
        self.add(evidence, TYPE, EVIDENCE)
        self.add(evidence, TYPE, STATEMENT)
        self.add(evidence, SUBJECT, s)
        self.add(evidence, PREDICATE, p)
        self.add(evidence, OBJECT, o)
        self.offsets(evidence, *sentence)

    def article_metadata(self) -> None:
        a, node = self.article, self.article_node
        self.add(node, TYPE, KG.Article)
        self.add(node, DCTERMS.identifier, ox.Literal(a.id))
        if a.title:
            self.add(node, DCTERMS.title, ox.Literal(a.title))
        if a.subtitle:
            self.add(node, DCTERMS.alternative, ox.Literal(a.subtitle))
        if a.published:
            self.add(node, DCTERMS.date, ox.Literal(a.published.isoformat(), datatype=DATE))
        if a.author:
            self.add(node, DCTERMS.creator, ox.Literal(a.author))
        if a.publisher:
            self.add(node, DCTERMS.publisher, ox.Literal(a.publisher))
        if a.url and re.match(r"^https?://[^\s<>\"{}|\\^`]+$", a.url):
            self.add(node, SCHEMA.url, ox.NamedNode(a.url))
        self.add(node, NIF.isString, ox.Literal(a.text))
        self.add(node, KG.contentHash, ox.Literal(a.content_hash))
        self.add(node, KG.fingerprint, ox.Literal(self.fingerprint))


def emit_article(article: Article, extraction: Extraction, *, fingerprint: str, layout: Layout | None = None,
                 store: GraphStore | None = None) -> ArticleWrite:
    """The quads of one article's doc and claims graphs, named by ``layout`` (or by the
    layout of ``store``, which is only read for that; default: the default base)."""
    if layout is None:
        layout = store.layout if store is not None else Layout()
    e = _Emitter(article, layout=layout, fingerprint=fingerprint)
    e.article_metadata()
    spans: set[tuple[int, int]] = set()
    for mention in extraction.mentions:
        span = (mention.start, mention.end)
        # "U.S." in "U.S. Secretary of State X" names the state and its government: two mentions
        node = e.node("mention", *span) if span not in spans else e.node("mention", *span, mention.actor.key)
        spans.add(span)
        e.add(node, TYPE, KG.Mention)
        e.add(node, KG.denotes, e.actor(mention.actor))
        e.offsets(node, mention.start, mention.end)
    for relation in extraction.relations:
        e.fact(e.actor(relation.subject), _RELATIONS[relation.predicate], e.actor(relation.object),
               relation.sentence)
    for event in extraction.events:
        first = event.triggers[0]
        node = e.node("event", *first)
        e.fact(node, TYPE, KG[event.event_class], event.sentence)
        e.add(node, KG.sourceArticle, e.article_node)
        for start, end in event.triggers:
            mention = e.node("mention", "event", start, end)
            e.add(mention, TYPE, KG.Mention)
            e.add(mention, KG.denotes, node)
            e.offsets(mention, start, end)
            e.add(node, KG.trigger, mention)
        for agent in event.agents:
            e.fact(node, KG.agent, e.actor(agent), event.sentence)
        for target in event.targets:
            e.fact(node, KG.target, e.actor(target), event.sentence)
        if event.place is not None:
            e.fact(node, KG.place, e.actor(event.place), event.sentence)
        if event.date is not None:
            e.fact(node, KG.date, ox.Literal(event.date.isoformat(), datatype=DATE), event.sentence)
        if event.mode:
            e.fact(node, KG.mode, _MODES[event.mode], event.sentence)
    for claim in extraction.claims:
        subject, obj = e.actor(claim.subject), e.actor(claim.object)
        predicate = _RELATIONS[claim.predicate]
        node = e.node("claim", subject.value, predicate.value, obj.value, *claim.sentence)
        for source in _claimants(claim.source):
            e.add(node, PROV.wasAttributedTo, e.actor(source), claims=True)
        e.add(node, TYPE, KG.Claim, claims=True)
        e.add(node, TYPE, STATEMENT, claims=True)
        e.add(node, SUBJECT, subject, claims=True)
        e.add(node, PREDICATE, predicate, claims=True)
        e.add(node, OBJECT, obj, claims=True)
        e.offsets(node, *claim.sentence, claims=True)
    return ArticleWrite(article.id, _dedupe(e.doc), _dedupe(e.claims))


def _claimants(source: ActorRef) -> Iterator[ActorRef]:
    """The claimant, and the state it speaks for ("US officials" -> also the US)."""
    yield source
    if source.state and source.state != source.iri:
        yield ActorRef(source.state, "State", source.state)


def _dedupe(quads: list[ox.Quad]) -> list[ox.Quad]:
    return list(dict.fromkeys(quads))
