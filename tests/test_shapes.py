"""SHACL shapes: a tiny valid article graph conforms; each kind of breakage is reported."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef

from kgbuild.namespace import DEFAULT_BASE, KB, KG
from kgbuild.validate import validate_graph, validate_quads

BASE = DEFAULT_BASE
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
TEXT = "US airstrikes hit Kata'ib Hezbollah. The US said KH is an Iranian proxy."
#       0         1         2         3         4         5         6         7
# "airstrikes" = 3..13, "Kata'ib Hezbollah" = 18..35, sentence 2 = 37..73
ARTICLE_TTL = f"""
@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . @base <{BASE}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <{NIF}> . @prefix dcterms: <http://purl.org/dc/terms/> .
<article/a1> a kg:Article ; dcterms:identifier "a1" ; dcterms:date "2019-12-30"^^xsd:date ;
    nif:isString "{TEXT}" .
kb:USA a kg:State ; skos:prefLabel "United States"@en .
kb:kataib-hezbollah a kg:ArmedGroup ; skos:prefLabel "Kata'ib Hezbollah"@en .
<mention/m1> a kg:Mention ; kg:denotes <event/e1> ; kg:sourceArticle <article/a1> ;
    nif:beginIndex 3 ; nif:endIndex 13 ; nif:anchorOf "airstrikes" .
<mention/m2> a kg:Mention ; kg:denotes kb:kataib-hezbollah ; kg:sourceArticle <article/a1> ;
    nif:beginIndex 18 ; nif:endIndex 35 ; nif:anchorOf "Kata'ib Hezbollah" .
<event/e1> a kg:Attack ; kg:mode kg:Airstrike ; kg:agent kb:USA ; kg:target kb:kataib-hezbollah ;
    kg:date "2019-12-29"^^xsd:date ; kg:trigger <mention/m1> ; kg:sourceArticle <article/a1> .
<evidence/v1> a kg:Evidence, rdf:Statement ; rdf:subject <event/e1> ; rdf:predicate kg:target ;
    rdf:object kb:kataib-hezbollah ; kg:sourceArticle <article/a1> ;
    nif:beginIndex 0 ; nif:endIndex 36 ; nif:anchorOf "US airstrikes hit Kata'ib Hezbollah." .
<claim/c1> a kg:Claim, rdf:Statement ; rdf:subject kb:kataib-hezbollah ; rdf:predicate kg:ofState ;
    rdf:object kb:IRN ; prov:wasAttributedTo kb:USA ; kg:sourceArticle <article/a1> ;
    nif:beginIndex 37 ; nif:endIndex 73 ; nif:anchorOf "The US said KH is an Iranian proxy." .
"""


def n(local: str) -> URIRef:
    return URIRef(BASE + local)


@pytest.fixture()
def article() -> Graph:
    assert TEXT[3:13] == "airstrikes" and TEXT[18:35] == "Kata'ib Hezbollah" and TEXT[37:73].startswith("The US")
    return Graph().parse(data=ARTICLE_TTL, format="turtle")


def test_valid_article_conforms(article: Graph) -> None:
    report = validate_graph(article)
    assert report.conforms, report.summary()


def test_event_without_trigger_fails(article: Graph) -> None:
    article.remove((n("event/e1"), URIRef(KG.trigger), None))
    report = validate_graph(article)
    assert not report.conforms
    assert any(v.focus == n("event/e1").n3() and v.path == URIRef(KG.trigger).n3() for v in report.violations)


def test_actor_with_two_classes_fails(article: Graph) -> None:
    article.add((URIRef(KB["kataib-hezbollah"]), RDF.type, URIRef(KG.SecurityForce)))
    report = validate_graph(article)
    assert not report.conforms
    assert any("exactly one actor class" in v.message for v in report.violations), report.summary()


def test_event_with_two_classes_fails(article: Graph) -> None:
    article.add((n("event/e1"), RDF.type, URIRef(KG.Threat)))
    assert any("exactly one event class" in v.message for v in validate_graph(article).violations)


def test_evidence_and_claim_fails(article: Graph) -> None:
    article.add((n("evidence/v1"), RDF.type, URIRef(KG.Claim)))
    report = validate_graph(article)
    assert not report.conforms
    assert any(v.focus == n("evidence/v1").n3() for v in report.violations)


def test_wrong_anchor_and_missing_label_fail(article: Graph) -> None:
    article.set((n("mention/m2"), URIRef(NIF.anchorOf), Literal("Hezbollah")))
    article.remove((URIRef(KB.USA), None, Literal("United States", lang="en")))
    messages = " | ".join(v.message + str(v.path) for v in validate_graph(article).violations)
    assert "anchorOf is not the article text" in messages
    assert "prefLabel" in messages


def test_claim_without_attribution_fails(article: Graph) -> None:
    article.remove((n("claim/c1"), URIRef("http://www.w3.org/ns/prov#wasAttributedTo"), None))
    assert not validate_graph(article).conforms


def test_dataset_union_and_quads(article: Graph) -> None:
    ds = Dataset()
    doc = ds.graph(n("graph/doc/a1"))
    for t in article:
        doc.add(t)
    junk = ds.graph(n("graph/inferred"))  # reasoning output is not validated
    junk.add((n("event/x"), RDF.type, URIRef(KG.Attack)))
    assert validate_graph(ds).conforms
    quads = [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(BASE + "graph/doc/a1"))
             for q in ox.parse(ARTICLE_TTL, format=ox.RdfFormat.TURTLE)]
    assert validate_quads(quads).conforms
    assert not validate_quads([q for q in quads if q.predicate.value != str(KG.sourceArticle)]).conforms


def test_offsets_out_of_order_fail(article: Graph) -> None:
    article.set((n("mention/m2"), URIRef(NIF.endIndex), Literal(0)))
    messages = " | ".join(v.message for v in validate_graph(article).violations)
    assert "beginIndex is not less than nif:endIndex" in messages


PROVISIONAL = f"""
@prefix kg: <{KG._NS}> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> . @base <{BASE}> .
<actor/zorvan> kg:provisionalClass kg:Place, kg:ArmedGroup ; kg:provisional true ; skos:prefLabel "Zorvan"@en .
"""


@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_provisional_actor_classes_are_actor_classes(engine: str) -> None:
    """Articles may give a provisional actor different classes; each must be an actor class."""
    good = list(ox.parse(ARTICLE_TTL + PROVISIONAL, format=ox.RdfFormat.TURTLE))
    assert validate_quads(good, engine=engine).conforms
    broken = [t for t in good if t.predicate.value != str(KG.provisional)]
    broken.append(ox.Triple(ox.NamedNode(BASE + "actor/zorvan"), ox.NamedNode(str(KG.provisionalClass)),
                            ox.NamedNode(str(KG.Attack))))
    report = validate_quads(broken, engine=engine)
    assert "a provisional class is an actor class" in report.summary()
    assert any(v.path == URIRef(KG.provisional).n3() for v in report.violations)
