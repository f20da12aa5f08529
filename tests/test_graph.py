"""The built graph honours docs/graph-layout.md (checked on the examples/ build).

Spec:
- Every offset slices the stored text exactly: ``nif:anchorOf == text[begin:end]`` for every
  mention, evidence and claim node.
- No blank nodes outside the ontology graph.
- Every article's doc and claims graphs pass the SHACL shapes.
- Claims are never asserted: for each ``kg:Claim``, its (subject, predicate, object) is a triple
  in no graph; ``kg:Claim`` nodes live only in claims graphs, ``kg:Evidence`` only in doc graphs.
- The author of an article (byline, bio) is never one of its actors, nor in an event.
- Reasoning follows membership chains: Kata'ib Hezbollah -> PMF -> Iraqi security forces ->
  Government of Iraq -> Iraq, so KH's affiliated state is Iraq, and the US airstrike of
  2019-12-29 is an attack on state-affiliated forces.
"""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import BASE, EXAMPLE_IDS, INFERRED_GRAPH, ONTOLOGY_GRAPH
from kgbuild.namespace import KB, KG, NIF
from kgbuild.query import run_saved
from kgbuild.store import GraphStore
from kgbuild.validate import validate_quads

IRAQ = "us-iraq-airstrikes-2019"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SKOS_PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"
NIF_NS = str(NIF.isString)[:-len("isString")]
PREFIXES = (f"PREFIX kg: <{KG._NS}> PREFIX nif: <{NIF_NS}> PREFIX rdf: <{RDF}> "
            "PREFIX dcterms: <http://purl.org/dc/terms/> ")


@pytest.fixture(scope="module")
def store(built_store: Path) -> Iterator[GraphStore]:
    with GraphStore.open_read_only(built_store) as graph_store:
        yield graph_store


def select(store: GraphStore, query: str) -> list[dict[str, str]]:
    result = store.query(PREFIXES + query)
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]


def texts(store: GraphStore) -> dict[str, str]:
    return {r["a"]: r["t"] for r in select(store, "SELECT ?a ?t WHERE { ?a a kg:Article ; nif:isString ?t }")}


# -- offsets -------------------------------------------------------------------------------
def anchored(store: GraphStore) -> list[dict[str, str]]:
    return select(store, """SELECT ?g ?node ?kind ?article ?b ?e ?anchor WHERE { GRAPH ?g {
        ?node nif:beginIndex ?b ; nif:endIndex ?e ; kg:sourceArticle ?article ; a ?kind .
        OPTIONAL { ?node nif:anchorOf ?anchor }
        FILTER(?kind IN (kg:Mention, kg:Evidence, kg:Claim)) } }""")


def test_every_offset_slices_the_stored_text(store: GraphStore) -> None:
    text = texts(store)
    rows = anchored(store)
    kinds = {r["kind"].rsplit("#", 1)[-1] for r in rows}
    assert kinds == {"Mention", "Evidence", "Claim"}, kinds
    wrong = [(r["node"], r["b"], r["e"], r["anchor"]) for r in rows
             if r["anchor"] is None or text[r["article"]][int(r["b"]):int(r["e"])] != r["anchor"]]
    assert not wrong, f"{len(wrong)} of {len(rows)} anchors do not match: {wrong[:3]}"


def test_offsets_are_inside_the_text(store: GraphStore) -> None:
    text = texts(store)
    bad = [r["node"] for r in anchored(store)
           if not 0 <= int(r["b"]) < int(r["e"]) <= len(text[r["article"]])]
    assert not bad, bad[:5]


def test_evidence_is_one_sentence_without_surrounding_whitespace(store: GraphStore) -> None:
    rows = [r for r in anchored(store) if not r["kind"].endswith("Mention")]
    bad = sorted({r["anchor"][:80] for r in rows if r["anchor"] != r["anchor"].strip() or "\n\n" in r["anchor"]})
    assert not bad, f"{len(bad)} evidence/claim anchors span paragraphs or carry whitespace: {bad[:3]}"


# -- blank nodes, SHACL ----------------------------------------------------------------------
def test_no_blank_nodes_outside_the_ontology_graph(store: GraphStore) -> None:
    blank = [q for q in store.quads() if q.graph_name.value != ONTOLOGY_GRAPH
             and (isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode))]
    assert not blank, blank[:3]


@pytest.mark.parametrize("article_id", EXAMPLE_IDS)
def test_article_graphs_pass_shacl(store: GraphStore, article_id: str) -> None:
    quads = [*store.quads(store.graph_iri("doc", article_id)), *store.quads(store.graph_iri("claims", article_id))]
    assert quads
    report = validate_quads(quads)
    assert report.conforms, report.summary()


def test_article_node_carries_metadata_and_text(store: GraphStore) -> None:
    rows = select(store, """SELECT ?id ?date ?creator ?hash ?fp WHERE { ?a a kg:Article ; dcterms:identifier ?id ;
        dcterms:date ?date ; dcterms:creator ?creator ; kg:contentHash ?hash ; kg:fingerprint ?fp ;
        nif:isString ?t }""")
    assert sorted(r["id"] for r in rows) == sorted(EXAMPLE_IDS)
    [iraq] = [r for r in rows if r["id"] == IRAQ]
    assert (iraq["date"], iraq["creator"]) == ("2019-12-30", "Jason Ditz")


# -- claims are not facts ----------------------------------------------------------------------
def claims(store: GraphStore) -> list[dict[str, str]]:
    rows = select(store, """SELECT ?g ?c ?s ?p ?o WHERE { GRAPH ?g { ?c a kg:Claim ; rdf:subject ?s ;
        rdf:predicate ?p ; rdf:object ?o } }""")
    assert rows, "the examples hold claims (US officials: Kata'ib Hezbollah as 'Iranian forces')"
    return rows


def graphs_asserting(store: GraphStore, row: dict[str, str]) -> list[str]:
    quads = store.store.quads_for_pattern(ox.NamedNode(row["s"]), ox.NamedNode(row["p"]), ox.NamedNode(row["o"]))
    return sorted(q.graph_name.value for q in quads)


def test_claims_live_only_in_claims_graphs(store: GraphStore) -> None:
    for row in claims(store):
        assert row["g"].startswith(f"{BASE}graph/claims/"), row
    evidence_graphs = {r["g"] for r in select(store, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?e a kg:Evidence } }")}
    assert evidence_graphs and all(g.startswith(f"{BASE}graph/doc/") for g in evidence_graphs), evidence_graphs


def test_the_kh_iran_claim_is_a_claim_of_the_us(store: GraphStore) -> None:
    rows = select(store, f"""SELECT ?c ?source WHERE {{ GRAPH <{BASE}graph/claims/{IRAQ}> {{
        ?c a kg:Claim ; rdf:subject <{KB['kataib-hezbollah']}> ; rdf:predicate kg:ofState ; rdf:object <{KB.IRN}> ;
        <http://www.w3.org/ns/prov#wasAttributedTo> ?source }} }}""")
    assert str(KB.USA) in {r["source"] for r in rows}, rows


def test_claimed_triples_are_not_asserted_by_extraction_or_kb(store: GraphStore) -> None:
    for row in claims(store):
        asserted = [g for g in graphs_asserting(store, row) if g != INFERRED_GRAPH]
        assert not asserted, f"claim {row['s']} {row['p']} {row['o']} asserted in {asserted}"


def test_claimed_triples_are_asserted_in_no_graph(store: GraphStore) -> None:
    asserted = {(r["s"], r["p"], r["o"]): graphs_asserting(store, r) for r in claims(store)}
    assert not {k: v for k, v in asserted.items() if v}


# -- authors are not actors ------------------------------------------------------------------
def test_authors_are_never_actors_of_their_articles(store: GraphStore) -> None:
    rows = select(store, """SELECT DISTINCT ?id ?creator ?label WHERE {
        ?article a kg:Article ; dcterms:identifier ?id ; dcterms:creator ?creator .
        ?m kg:sourceArticle ?article ; kg:denotes ?actor .
        ?actor <http://www.w3.org/2004/02/skos/core#prefLabel> ?label .
        FILTER(LCASE(STR(?label)) = LCASE(STR(?creator))) }""")
    assert not rows, rows


def test_jason_ditz_is_nowhere_an_actor(store: GraphStore) -> None:
    assert not select(store, f"SELECT ?a WHERE {{ ?a <{SKOS_PREF}> ?l FILTER(CONTAINS(STR(?l), 'Ditz')) }}")
    assert not select(store, "SELECT ?m WHERE { ?m a kg:Mention ; nif:anchorOf ?t FILTER(CONTAINS(?t, 'Ditz')) }")
    text = texts(store)[f"{BASE}article/{IRAQ}"]
    byline = text.index("Author: Jason Ditz")
    spans = select(store, f"""SELECT ?b WHERE {{ GRAPH <{BASE}graph/doc/{IRAQ}> {{
        ?n nif:beginIndex ?b }} }}""")
    assert all(int(r["b"]) < byline for r in spans), "nothing is extracted from the byline or the bio"


# -- reasoning over membership chains ---------------------------------------------------------
def inferred(store: GraphStore, subject: str, predicate: str) -> set[str]:
    return {q.object.value for q in store.store.quads_for_pattern(
        ox.NamedNode(subject), ox.NamedNode(predicate), None, ox.NamedNode(INFERRED_GRAPH))}


def test_membership_chain_kh_to_iraq_is_inferred(store: GraphStore) -> None:
    kh = str(KB["kataib-hezbollah"])
    assert {str(KB["popular-mobilization-forces"]), str(KB["iraq-security-forces"]),
            str(KB["iraq-government"])} <= inferred(store, kh, str(KG.partOf))
    assert str(KB.IRQ) in inferred(store, kh, str(KG.ofState))
    assert str(KB.IRQ) in inferred(store, kh, str(KG.affiliatedState))
    assert str(KG.StateAffiliatedActor) in inferred(store, kh, RDF + "type")


def test_us_airstrike_is_an_attack_on_state_affiliated_forces(store: GraphStore) -> None:
    result = run_saved(store, "attacks-on-state-affiliated-forces")
    rows = [r for r in result.rows if r["article"] == f"{BASE}article/{IRAQ}"]
    assert any(r["date"] == date(2019, 12, 29) for r in rows), rows
    [row] = [r for r in rows if r["date"] == date(2019, 12, 29)]
    assert row["attacker"] == str(KB.USA) and row["state"] == str(KB.IRQ), row


def test_saved_query_gives_the_same_answer_without_reasoning(store: GraphStore) -> None:
    with_inferred = run_saved(store, "attacks-on-state-affiliated-forces", use_inferred=True)
    without = run_saved(store, "attacks-on-state-affiliated-forces", use_inferred=False)
    assert {r["event"] for r in with_inferred.rows} == {r["event"] for r in without.rows}
