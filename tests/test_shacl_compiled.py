"""The compiled SHACL validator reports exactly what pySHACL reports, on many broken graphs.

Each case starts from a real built article (doc + claims graphs) and breaks it one way: a
constrained triple dropped, a literal made ill-typed, plain, language-tagged or an IRI, an
IRI value made a literal, a second value or class added, a trigger that is not a mention,
evidence that is also a claim. Both engines must give the same multiset of
(focus, path, constraint component).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from kgbuild.namespace import KG
from kgbuild.shacl import UnsupportedShapes, compile_shapes
from kgbuild.store import GraphStore
from kgbuild.validate import validate_quads

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def article_quads(built_store: Path) -> list[ox.Quad]:
    with GraphStore.open_read_only(built_store) as store:
        article_id = store.article_ids()[0]
        quads = [q for kind in ("doc", "claims") for q in store.quads(store.graph_iri(kind, article_id))]
        # its new actors' one class each (graph/actors), so that their labels and types are checked too
        new_actors = {q.subject for q in quads if q.predicate.value == str(KG.provisionalClass)}
        quads += [q for q in store.quads(store.layout.actors_graph) if q.subject in new_actors]
    assert len(quads) > 100
    return quads


def _key(report) -> Counter:  # noqa: ANN001
    return Counter((v.focus, v.path, v.component) for v in report.violations)


def _mutations(quads: list[ox.Quad]) -> Iterator[tuple[str, list[ox.Quad]]]:
    """Deterministic broken variants of ``quads``, one kind of breakage each."""
    seen_predicates: set[str] = set()
    for i, q in enumerate(quads):
        p = q.predicate.value
        if p in seen_predicates:
            continue
        seen_predicates.add(p)
        yield f"drop {p}", quads[:i] + quads[i + 1:]
        others = [x for x in quads if x.predicate.value == p and x.subject != q.subject][:1]
        yield f"second value of {p}", [*quads, *(ox.Quad(q.subject, q.predicate, o.object, q.graph_name) for o in others)]
        if isinstance(q.object, ox.Literal):
            datatype = q.object.datatype
            for name, obj in (("ill-typed", ox.Literal("not-a-value", datatype=datatype)),
                              ("plain", ox.Literal(q.object.value)),
                              ("tagged", ox.Literal(q.object.value, language="en")),
                              ("iri", ox.NamedNode("https://example.org/x")),
                              ("negative", ox.Literal("-3", datatype=ox.NamedNode(XSD + "integer")))):
                yield f"{name} {p}", [*quads[:i], ox.Quad(q.subject, q.predicate, obj, q.graph_name), *quads[i + 1:]]
        elif p != RDF_TYPE.value:
            yield f"literal {p}", [*quads[:i], ox.Quad(q.subject, q.predicate, ox.Literal("x"), q.graph_name),
                                   *quads[i + 1:]]
    typed = {q.object.value: q for q in quads if q.predicate == RDF_TYPE}
    for cls, q in sorted(typed.items()):
        yield f"drop all of {cls}", [x for x in quads if x.subject != q.subject or x.predicate != RDF_TYPE]
        for extra in (KG.Threat, KG.SecurityForce, KG.Claim, KG.Evidence, KG.Mention):
            yield f"{cls} also {extra}", [*quads, ox.Quad(q.subject, RDF_TYPE, ox.NamedNode(str(extra)), q.graph_name)]
    trigger = next(q for q in quads if q.predicate.value == str(KG.trigger))
    yield "trigger not a mention", [*quads, ox.Quad(trigger.subject, trigger.predicate, ox.NamedNode("https://example.org/m"),
                                                   trigger.graph_name)]
    yield "blank-node event", [ox.Quad(ox.BlankNode("e"), q.predicate, q.object, q.graph_name)
                               if q.subject == trigger.subject else q for q in quads]


def test_unbroken_article_conforms_in_both_engines(article_quads: list[ox.Quad]) -> None:
    for engine in ("compiled", "pyshacl"):
        report = validate_quads(article_quads, engine=engine)
        assert report.conforms, (engine, report.summary())


def test_compiled_and_pyshacl_report_the_same_violations(article_quads: list[ox.Quad]) -> None:
    cases = list(_mutations(article_quads))
    assert len(cases) > 60
    broken = 0
    for name, quads in cases:
        compiled = validate_quads(quads, engine="compiled")
        reference = validate_quads(quads, engine="pyshacl")
        assert _key(compiled) == _key(reference), name
        assert compiled.conforms == reference.conforms, name
        broken += not reference.conforms
    assert broken > len(cases) // 2  # the cases really break the shapes


def test_custom_messages_survive(article_quads: list[ox.Quad]) -> None:
    event = next(q.subject for q in article_quads if q.predicate.value == str(KG.trigger))
    classes = {q.object.value for q in article_quads if q.subject == event and q.predicate == RDF_TYPE}
    other = next(c for c in (str(KG.Threat), str(KG.Attack)) if c not in classes)
    quads = [*article_quads, ox.Quad(event, RDF_TYPE, ox.NamedNode(other), article_quads[0].graph_name)]
    messages = {v.message for v in validate_quads(quads, engine="compiled").violations}
    assert "an event has exactly one event class" in messages


def test_unsupported_shapes_fall_back_to_pyshacl(article_quads: list[ox.Quad]) -> None:
    shapes = Graph().parse(data=f"""
        @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix kg: <{KG._NS}> .
        <urn:s> a sh:NodeShape ; sh:targetClass kg:Mention ;
            sh:property [ sh:path kg:denotes ; sh:maxLength 3 ] .""", format="turtle")
    with pytest.raises(UnsupportedShapes, match="maxLength"):
        compile_shapes(shapes)
    report = validate_quads(article_quads, shapes=shapes)  # auto: pySHACL runs it
    assert not report.conforms
    assert {v.component for v in report.violations} == {"MaxLengthConstraintComponent"}
