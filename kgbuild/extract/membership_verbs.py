"""Memberships that verbs state: "the brigade answers to the Revolutionary Guards", "X joined Y",
"X lectures at Y", "Y, led by X", "it is led by X", "X founded Y"; and the predicate a membership
between two actors takes (:func:`relation_for`)."""
from __future__ import annotations

from spacy.tokens import Token

from .items import ActorRef
from .mentions import MentionIndex, counted
from .speech import CLAIM_AS_VERBS

__all__ = ["ORG_CLASSES", "ORGANISATIONS", "LEADING_WORDS", "MEMBERSHIP_VERBS", "PART_NOUNS", "relation_for",
           "part_relation", "clause_subject", "states_membership", "membership_verbs", "leading_verbs", "own_party"]

#: classes of actors a person or a body can belong to
ORG_CLASSES = frozenset({"GovernmentBody", "Legislature", "SecurityForce", "ArmedGroup", "Organization",
                         "InternationalOrganization", "Group"})
#: organisations proper: what a body can be part of, and whose units a person's title may name
ORGANISATIONS = ORG_CLASSES - {"Group"}


def relation_for(subject: ActorRef, parent: ActorRef) -> str | None:
    """The predicate of a membership of ``subject`` in ``parent``, if their classes allow one."""
    if parent.actor_class == "State":  # an international body is no state's ("Turkey's NATO partners")
        return None if subject.actor_class == "InternationalOrganization" else \
            "ofState" if subject.actor_class != "Place" else "locatedIn"
    if subject.actor_class == "Place" and parent.actor_class == "Place":
        return "locatedIn"
    if subject.actor_class == "Person" and parent.actor_class in ORG_CLASSES:
        return "memberOf"
    if subject.actor_class in ORG_CLASSES and parent.actor_class in ORGANISATIONS:
        return "partOf"
    return None


#: Nouns that make their subject a part or a member of what follows "of" ("X, a unit of Y", "they
#: are members of Y", "security personnel of the army")
PART_NOUNS = frozenset({"part", "unit", "member", "branch", "wing", "faction", "arm", "division", "affiliate",
                        "offshoot", "component", "section", "subsidiary", "personnel", "operative", "cell",
                        "brigade", "battalion"})
#: of those, the nouns that make people (a group of them too) members rather than parts
_MEMBER_NOUNS = frozenset({"member", "personnel", "operative"})


def part_relation(subject: ActorRef, parent: ActorRef, noun: Token) -> str | None:
    """The predicate that part noun ``noun`` states between ``subject`` and ``parent``: as
    :func:`relation_for`, except that people a group stands for are members ("the suspects were
    members of Y", "the hostages were security personnel of the army")."""
    predicate = relation_for(subject, parent)
    people = subject.actor_class == "Group" or subject.iri is None and subject.label.islower()  # "the gunmen"
    if predicate == "partOf" and people and noun.lemma_.lower() in _MEMBER_NOUNS:
        return "memberOf"
    return predicate


def clause_subject(root: Token) -> Token:
    """The token that stands for the phrase ``root`` heads in its clause: the phrase a name
    qualifies ("the Wagner unit") or renames ("the commander, X"), the quantity it is counted by
    ("many of the detainees")."""
    while root.dep_ in ("compound", "amod", "appos") and root.head.i != root.i:
        root = root.head  # "the commander, X, was ...": the phrase X renames
    if root.dep_ == "pobj" and root.head.lower_ == "of" and counted(root.head.head) is not None:
        return root.head.head
    return root


def states_membership(root: Token) -> bool:
    """Is the phrase ``root`` heads the subject of a clause that says what it belongs to ("the
    gunmen belonged to Y", "the suspects were members of Y"), or the one a claim verb describes
    so ("identified the attackers as members of Y")?"""
    node = clause_subject(root)
    if node.dep_ == "dobj" and node.head.lemma_.lower() in CLAIM_AS_VERBS:  # "identified the attackers as
        return any(g.lemma_.lower() in PART_NOUNS for p in node.head.children  # members of Y"
                   if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj")
    if node.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = node.head
    return verb.lemma_.lower() in MEMBERSHIP_VERBS or verb.lemma_ in ("be", "become", "remain") and any(
        a.dep_ == "attr" and a.lemma_.lower() in PART_NOUNS for a in verb.children)


#: Verbs of working for an organisation ("X teaches at Y", "X works for Y").
_WORK_VERBS = frozenset({"work", "teach", "lecture", "serve", "research"})
#: Adverbs that put a post in the past ("who previously worked for Y")
_BEFORE_NOW = frozenset({"previously", "formerly", "once", "earlier", "briefly"})
MEMBERSHIP_VERBS = frozenset({"belong", "answer", "report", "fall", "affiliate", "attach", "subordinate", "join"})


def membership_verbs(root: Token, actor: ActorRef, index: MentionIndex, add) -> None:
    """"the brigade answers to the Revolutionary Guards", "the unit belongs to the army", "X joined Y",
    "two of the gunmen belonged to Y"."""
    root = clause_subject(root)
    verb = root.head
    if actor.actor_class == "Person":
        # "X lectures at the University of Y", "X, who works for Y"
        for work in [verb] * (root.dep_ == "nsubj") + [c for c in root.children if c.dep_ == "relcl"]:
            if work.lemma_.lower() not in _WORK_VERBS or any(c.dep_ == "advmod" and c.lower_ in _BEFORE_NOW
                                                             for c in work.children):
                continue  # "who previously worked for Y": a post held before, none now
            for prep in (c for c in work.children if c.dep_ == "prep" and c.lower_ in ("at", "for")):
                for parent in (index.at(g) for g in prep.children if g.dep_ == "pobj"):
                    if parent is not None and parent.actor.actor_class in ORGANISATIONS:
                        add(root, actor, "memberOf", parent.actor, evidence=(root.idx, parent.end))
    if root.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in MEMBERSHIP_VERBS:
        return
    objects = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "with", "under")
               for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() == "join":
        objects += [c for c in verb.children if c.dep_ == "dobj"]
    for obj in objects:
        for parent in index.in_phrase(obj)[:1]:
            predicate = relation_for(actor, parent)
            if predicate and parent.key != actor.key:
                add(root, actor, predicate, parent, evidence=(root.idx, obj.idx + len(obj)))


#: Verbs whose subject heads or founded what they govern ("X, who heads Y", "Y, led by X"), and
#: the title of one who founded it ("founder of Y").
LEADING_WORDS = frozenset({"head", "lead", "command", "chair", "run", "found", "founder"})


def leading_verbs(root: Token, actor: ActorRef, index: MentionIndex, add) -> None:
    """"The organization, led by X", "it is led by X", "Y, founded in 2016 by X and Z", "X
    founded Y": the person leads the organisation the verb is about."""
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # "senators led by Jim Risch and Pete Ricketts"
    passive = root.dep_ == "pobj" and root.head.lower_ == "by"
    verb = root.head.head if passive else root.head  # "by X": the passive verb it completes
    if verb.lemma_.lower() not in LEADING_WORDS or verb.pos_ != "VERB":
        return
    if passive:
        if verb.tag_ != "VBN":
            return
        heads = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ == "nsubjpass"]
        heads = [_antecedent(h, index) if h.pos_ == "PRON" else h for h in heads]
        organisations = [a for h in heads if h is not None for a in index.in_phrase(h)[:1]]
    elif root.dep_ == "nsubj" and (verb.lemma_.lower() != "lead" or verb.tag_ in ("VBZ", "VBP")):
        # "X founded Y", "X heads Y", "X leads Y" (now: "X led the talks" or "the party until 2010" is no post)
        organisations = [m.actor for c in verb.children if c.dep_ == "dobj" and (m := index.at(c)) is not None]
    else:
        return
    for parent in organisations:
        if parent.key == actor.key or parent.actor_class in ("Person", "Place", "State"):
            continue
        add(root, actor, "leaderOf", parent, evidence=(min(root.idx, verb.idx), max(root.idx + len(root), verb.idx)))


def _antecedent(pronoun: Token, index: MentionIndex) -> Token | None:
    """"It is led by X": the latest subject or object before that names an organisation."""
    if pronoun.lower_ not in ("it", "they"):
        return None
    for prior in reversed(index.doc[max(0, pronoun.i - 60):pronoun.i]):
        if prior.dep_ in ("nsubj", "nsubjpass", "dobj") and (m := index.at(prior)) is not None \
                and m.actor.actor_class in ORGANISATIONS:
            return prior
    return None


#: what a person's "his"/"her" makes them a member of: parties, movements, groups (not "his
#: government" or "his ministry", which a person may lead, serve or only face)
_PARTY_CLASSES = frozenset({"Organization", "ArmedGroup"})


def own_party(root: Token, actor: ActorRef, index: MentionIndex, add) -> None:
    """"Bashir and his National Congress Party", "she left her party": the person the possessive
    pronoun refers to is a member of the organisation."""
    if actor.actor_class not in _PARTY_CLASSES:
        return
    pronoun = next((c for c in root.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if pronoun is None:
        return
    head = root.head if root.dep_ == "conj" else None  # "Bashir and his party": the conjoined person
    person = index.at(head).actor if head is not None and index.at(head) is not None else None
    if person is None or person.actor_class != "Person":
        person = index.previous_subject(pronoun, person=True)
    if person is not None:
        add(root, person, "memberOf", actor, evidence=(pronoun.idx, root.idx + len(root)))
