"""ontology/kgbuild.ttl: parses, loads in owlready2, is consistent under HermiT, has the terms."""
from __future__ import annotations

import io
import shutil

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from kgbuild.resources import ontology_dir

KG = Namespace("https://w3id.org/kgbuild/ontology#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
ACTOR_LEAVES = ["State", "GovernmentBody", "Legislature", "SecurityForce", "ArmedGroup",
                "InternationalOrganization", "Organization", "Person", "Group", "Place"]
PLOVER = {"Attack": "ASSAULT", "Threat": "THREATEN", "Protest": "PROTEST", "Accusation": "ACCUSE",
          "Demand": "REQUEST", "Rejection": "REJECT", "Deployment": "MOBILIZE", "Sanction": "SANCTION",
          "Coercion": "COERCE", "Cooperation": "COOPERATE", "Agreement": "AGREE", "Consultation": "CONSULT",
          "Support": "SUPPORT", "Aid": "AID", "Concession": "CONCEDE", "Retreat": "RETREAT"}
MODES = {"Airstrike": "airstrike", "DroneStrike": "drone", "Shelling": "shelling", "Bombing": "bombing",
         "ArmedClash": "armed-clash", "SmallArmsFire": "small-arms", "Assassination": "assassination",
         "OtherAttack": "other"}


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_dir() / "kgbuild.ttl", format="turtle")


def test_no_imports_and_no_punning(onto: Graph) -> None:
    assert not list(onto.triples((None, OWL.imports, None)))
    classes = set(onto.subjects(RDF.type, OWL.Class))
    individuals = set(onto.subjects(RDF.type, OWL.NamedIndividual))
    props = {s for t in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
             for s in onto.subjects(RDF.type, t)}
    assert not classes & individuals and not classes & props and not individuals & props


def test_actor_classes(onto: Graph) -> None:
    for name in ACTOR_LEAVES:
        supers = set(onto.transitive_objects(KG[name], RDFS.subClassOf))
        assert KG.Actor in supers, name
    assert (KG.Legislature, RDFS.subClassOf, KG.GovernmentBody) in onto


def test_event_classes_disjoint_and_plover(onto: Graph) -> None:
    for name, category in PLOVER.items():
        assert (KG[name], RDFS.subClassOf, KG.Event) in onto
        assert (KG[name], KG.ploverCategory, Literal(category)) in onto
    disjoint = [set(Collection(onto, m)) for b in onto.subjects(RDF.type, OWL.AllDisjointClasses)
                for m in onto.objects(b, OWL.members)]
    assert {KG[n] for n in PLOVER} in disjoint
    assert (KG.Claim, OWL.disjointWith, KG.Evidence) in onto


def test_attack_modes(onto: Graph) -> None:
    for name, notation in MODES.items():
        assert (KG[name], RDF.type, KG.AttackMode) in onto
        assert (KG[name], SKOS.notation, Literal(notation)) in onto


def test_membership_axioms(onto: Graph) -> None:
    assert (KG.partOf, RDF.type, OWL.TransitiveProperty) in onto
    assert (KG.locatedIn, RDF.type, OWL.TransitiveProperty) in onto
    assert (KG.subOrganizationOf, RDFS.subPropertyOf, KG.partOf) in onto
    assert (KG.leaderOf, RDFS.subPropertyOf, KG.memberOf) in onto
    chains = {(p, tuple(Collection(onto, c))) for p, c in onto.subject_objects(OWL.propertyChainAxiom)}
    assert (KG.ofState, (KG.partOf, KG.ofState)) in chains
    assert (KG.memberOf, (KG.memberOf, KG.partOf)) in chains
    assert (KG.memberOf, (KG.memberOf, KG.ofState)) in chains


def test_reused_terms_declared_locally(onto: Graph) -> None:
    for term in ("http://www.w3.org/ns/org#Organization", "http://www.w3.org/ns/org#Membership",
                 "http://www.w3.org/ns/prov#wasAttributedTo",
                 "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex",
                 "http://schema.org/sameAs"):
        assert (URIRef(term), RDFS.label, None) in onto, term
    assert (KG.Membership, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Membership")) in onto


def _owlready_world(onto: Graph):  # type: ignore[no-untyped-def]
    owlready2 = pytest.importorskip("owlready2")
    world = owlready2.World()
    data = onto.serialize(format="nt", encoding="utf-8")
    ontology = world.get_ontology("https://w3id.org/kgbuild/ontology").load(
        fileobj=io.BytesIO(data), format="ntriples")
    return owlready2, world, ontology


def test_loads_in_owlready2(onto: Graph) -> None:
    _, world, _ = _owlready_world(onto)
    assert world[str(KG.StateAffiliatedActor)] is not None
    assert world[str(KG.partOf)] is not None


def test_consistent_under_hermit(onto: Graph) -> None:
    java = shutil.which("java")
    if not java:
        print("SKIP: java is not installed, HermiT cannot run")
        pytest.skip("java is not installed: HermiT cannot run")
    owlready2, world, ontology = _owlready_world(onto)
    owlready2.JAVA_EXE = java
    with ontology:
        owlready2.sync_reasoner_hermit(world, debug=0)  # raises when inconsistent
    assert not list(world.inconsistent_classes())
    ancestors = {c.iri for c in world[str(KG.State)].ancestors() if hasattr(c, "iri")}
    assert str(KG.StateAffiliatedActor) in ancestors
    attack_on = {c.iri for c in world[str(KG.AttackOnStateAffiliated)].ancestors() if hasattr(c, "iri")}
    assert str(KG.Attack) in attack_on
