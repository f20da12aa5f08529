"""The closed lists of the ontology as typed enums. GENERATED from ontology/kgbuild.ttl by
``python -m kgbuild.tools.gen_namespace``: do not edit by hand (tests/test_namespace.py and
tests/test_vocabulary.py fail when this file and the ontology disagree).

Members are strings, so they compare equal to the local names the graph and the gold files use:

>>> EventClass.ATTACK == "Attack", EventClass("Attack").iri
(True, 'https://w3id.org/kgbuild/ontology#Attack')
>>> PLOVER[EventClass.DEMAND], AttackMode("armed-clash").term
('REQUEST', 'ArmedClash')
"""
from __future__ import annotations

from enum import StrEnum

__all__ = ["EventClass", "ActorClass", "AttackMode", "Relation", "PLOVER", "KG_NS"]

KG_NS = "https://w3id.org/kgbuild/ontology#"


class _Term(StrEnum):
    @property
    def iri(self) -> str:
        """The full ontology IRI of this class or property."""
        return KG_NS + self.value


class EventClass(_Term):
    """Event classes: the named classes ``rdfs:subClassOf kg:Event``."""

    ACCUSATION = "Accusation"
    AGREEMENT = "Agreement"
    AID = "Aid"
    ATTACK = "Attack"
    COERCION = "Coercion"
    CONCESSION = "Concession"
    CONSULTATION = "Consultation"
    COOPERATION = "Cooperation"
    DEMAND = "Demand"
    DEPLOYMENT = "Deployment"
    PROTEST = "Protest"
    REJECTION = "Rejection"
    RETREAT = "Retreat"
    SANCTION = "Sanction"
    SUPPORT = "Support"
    THREAT = "Threat"


class ActorClass(_Term):
    """Asserted actor classes: named, non-defined subclasses of ``kg:Actor``."""

    ARMED_GROUP = "ArmedGroup"
    GOVERNMENT_BODY = "GovernmentBody"
    GROUP = "Group"
    INTERNATIONAL_ORGANIZATION = "InternationalOrganization"
    LEGISLATURE = "Legislature"
    ORGANIZATION = "Organization"
    PERSON = "Person"
    PLACE = "Place"
    SECURITY_FORCE = "SecurityForce"
    STATE = "State"


class Relation(_Term):
    """Relations extracted from text and scored (``kg:textRelation true``)."""

    LEADER_OF = "leaderOf"
    LOCATED_IN = "locatedIn"
    MEMBER_OF = "memberOf"
    OF_STATE = "ofState"
    PART_OF = "partOf"


class AttackMode(StrEnum):
    """Attack modes: the ``skos:notation`` of each ``kg:AttackMode`` individual."""

    AIRSTRIKE = "airstrike"
    ARMED_CLASH = "armed-clash"
    ASSASSINATION = "assassination"
    BOMBING = "bombing"
    DRONE = "drone"
    OTHER = "other"
    SHELLING = "shelling"
    SMALL_ARMS = "small-arms"

    @property
    def term(self) -> str:
        """The local name of the ``kg:AttackMode`` individual."""
        return _MODE_TERMS[self.value]


_MODE_TERMS: dict[str, str] = {
    "airstrike": "Airstrike",
    "armed-clash": "ArmedClash",
    "assassination": "Assassination",
    "bombing": "Bombing",
    "drone": "DroneStrike",
    "other": "OtherAttack",
    "shelling": "Shelling",
    "small-arms": "SmallArmsFire",
}


#: The PLOVER category of each event class (``kg:ploverCategory``).
PLOVER: dict[EventClass, str] = {
    EventClass.ACCUSATION: "ACCUSE",
    EventClass.AGREEMENT: "AGREE",
    EventClass.AID: "AID",
    EventClass.ATTACK: "ASSAULT",
    EventClass.COERCION: "COERCE",
    EventClass.CONCESSION: "CONCEDE",
    EventClass.CONSULTATION: "CONSULT",
    EventClass.COOPERATION: "COOPERATE",
    EventClass.DEMAND: "REQUEST",
    EventClass.DEPLOYMENT: "MOBILIZE",
    EventClass.PROTEST: "PROTEST",
    EventClass.REJECTION: "REJECT",
    EventClass.RETREAT: "RETREAT",
    EventClass.SANCTION: "SANCTION",
    EventClass.SUPPORT: "SUPPORT",
    EventClass.THREAT: "THREATEN",
}
