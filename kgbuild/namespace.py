"""RDF namespaces used by kgbuild.

``KG`` is generated from ``ontology/kgbuild.ttl`` by ``python -m kgbuild.tools.gen_namespace``;
do not edit the term list by hand (``tests/test_namespace.py`` fails when they drift apart).

>>> from kgbuild.namespace import KG
>>> str(KG.partOf)
'https://w3id.org/kgbuild/ontology#partOf'
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["KG", "KB", "NIF", "PROV", "ORG", "SCHEMA", "WD", "DCTERMS", "SEM", "DEFAULT_BASE", "prefixes"]

DEFAULT_BASE = "https://w3id.org/kgbuild/id/"


class KG(DefinedNamespace):
    """The kgbuild ontology (``https://w3id.org/kgbuild/ontology#``)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kgbuild/ontology#")

    # --- BEGIN GENERATED TERMS ---
    Accusation: URIRef
    Actor: URIRef
    Agreement: URIRef
    Aid: URIRef
    Airstrike: URIRef
    ArmedClash: URIRef
    ArmedGroup: URIRef
    Article: URIRef
    Assassination: URIRef
    Attack: URIRef
    AttackByStateAffiliated: URIRef
    AttackMode: URIRef
    AttackOnStateAffiliated: URIRef
    Bombing: URIRef
    Claim: URIRef
    Coercion: URIRef
    Concession: URIRef
    Consultation: URIRef
    Cooperation: URIRef
    Demand: URIRef
    Deployment: URIRef
    DroneStrike: URIRef
    Event: URIRef
    Evidence: URIRef
    FusedEvent: URIRef
    GovernmentBody: URIRef
    Group: URIRef
    InternationalOrganization: URIRef
    Legislature: URIRef
    Membership: URIRef
    Mention: URIRef
    Organization: URIRef
    OtherAttack: URIRef
    Person: URIRef
    Place: URIRef
    Protest: URIRef
    Rejection: URIRef
    Retreat: URIRef
    Sanction: URIRef
    SecurityForce: URIRef
    Shelling: URIRef
    SmallArmsFire: URIRef
    State: URIRef
    StateAffiliatedActor: URIRef
    Support: URIRef
    Threat: URIRef
    affiliatedState: URIRef
    agent: URIRef
    contentHash: URIRef
    cowCode: URIRef
    cowLetter: URIRef
    date: URIRef
    demonym: URIRef
    denotes: URIRef
    endDate: URIRef
    fingerprint: URIRef
    fusedInto: URIRef
    genericLabel: URIRef
    isCurrent: URIRef
    iso2: URIRef
    iso3: URIRef
    kbId: URIRef
    leaderOf: URIRef
    locatedIn: URIRef
    member: URIRef
    memberOf: URIRef
    mode: URIRef
    ofState: URIRef
    organization: URIRef
    partOf: URIRef
    partOrMemberOfState: URIRef
    pendingNode: URIRef
    pendingReplaced: URIRef
    pendingSource: URIRef
    place: URIRef
    ploverCategory: URIRef
    provisional: URIRef
    provisionalClass: URIRef
    relation: URIRef
    sourceArticle: URIRef
    sourceCount: URIRef
    startDate: URIRef
    stateSelf: URIRef
    subOrganizationOf: URIRef
    target: URIRef
    textRelation: URIRef
    trigger: URIRef
    # --- END GENERATED TERMS ---


KB = Namespace("https://w3id.org/kgbuild/kb/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("http://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


def prefixes(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The project's prefixes (exports, query results, the rdflib view): ``id:`` is the build base.

    >>> prefixes("https://example.org/kg/")["id"]
    'https://example.org/kg/'
    >>> list(prefixes())[:4]
    ['kg', 'kb', 'id', 'prov']
    """
    return {
        "kg": str(KG._NS), "kb": str(KB), "id": base, "prov": str(PROV), "org": str(ORG), "nif": str(NIF),
        "skos": "http://www.w3.org/2004/02/skos/core#", "schema": str(SCHEMA), "wd": str(WD),
        "dcterms": str(DCTERMS), "xsd": "http://www.w3.org/2001/XMLSchema#",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "owl": "http://www.w3.org/2002/07/owl#",
    }
