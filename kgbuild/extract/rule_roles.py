"""The parse's agents and targets of an event trigger for a class (:func:`rule_roles`), worked
out once per document (:class:`RuleRoles`). The role model takes them as features and, where the
parse says plainly who acts, they stand (:mod:`kgbuild.extract.events`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import EventClass
from .clashes import clash_allies_and_aims, clash_sides, is_clash
from .deeds import aid_recipients, attack_undergone, bodies_left, let_out_of_custody, offer_makers, refused_dealings
from .implied import threatened_parties
from .items import ActorRef
from .lexicon import Lexicon
from .mentions import MentionIndex, unique_actors
from .roles import ARMED, LIGHT_VERBS, movers, noun_roles, passive_doers, proposers, verb_agents, verb_targets
from .speech import SpeechFrames
from .statements import document_issuers
from .triggers import misread_main_clause

__all__ = ["rule_roles", "RuleRoles"]

#: verbs of beating back an attack: the attackers are the target
_REPELLING = frozenset({"repel", "repulse", "fend", "beat"})
#: Coercion only a state's authorities carry out: without a named agent, the state the story is about.
_BY_THE_STATE = frozenset({"arrest", "detain", "detention", "jail", "jailing", "imprison", "imprisonment", "deport",
                           "deportation", "extradite", "extradition", "sentence", "intern", "internment"})
#: prepositions of a circumstance of a clause: a fight in one is its subject's ("after heavy fighting with X")
_CIRCUMSTANCES = frozenset({"after", "before", "during", "amid", "following", "despite"})


#: spans of time a fight lasts ("after days of fighting")
_SPANS = frozenset({"hour", "day", "night", "week", "month", "year"})


def _clause_subjects(fight: Token, index: MentionIndex) -> list[ActorRef]:
    """The side a fight named in a circumstance of a clause has in its subject ("the rebels seized
    Goma after (days of) fighting with the army": the rebels fought)."""
    node = fight
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _SPANS:
        node = node.head.head
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in _CIRCUMSTANCES or prep.head.pos_ != "VERB":
        return []
    return verb_agents(prep.head, index)


def rule_roles(token: Token, event_class: str, index: MentionIndex, lex: Lexicon, end: int
               ) -> tuple[list[ActorRef], list[ActorRef]]:
    """The agents and targets the parse gives the trigger ``token`` (its last word ``end``) for
    ``event_class``: a verb's subject, objects and target prepositions, a noun's possessor,
    compounds and phrases, and the constructions of each class."""
    if token.pos_ in ("VERB", "AUX"):
        agents = verb_agents(token, index, prefer=ARMED if event_class == EventClass.ATTACK else None,
                             aux_subjects=lex.classes[event_class].kind == "physical")  # (a deed's doer, even hung
        # on the auxiliary; what a speaker says another "is defying" stays the speaker's to tell)
        targets = verb_targets(token, index, event_class=event_class, lex=lex)
        doc = token.doc
        if end > token.i and doc[end].pos_ == "ADP":  # "spoken ill of the PMU"
            targets += [a for g in doc[end].children if g.dep_ == "pobj" for a in index.in_phrase(g)]
        if event_class == EventClass.THREAT:
            targets += threatened_parties(token, index, threatening=agents)
        repelled = [c for c in token.children if c.dep_ == "dobj" and token.lemma_.lower() in _REPELLING
                    and c.lemma_.lower() in lex.classes[EventClass.ATTACK].nouns]
        if repelled:  # "repelled an attack by al-Shabab": on the attackers, not where they attacked
            targets = unique_actors([a for c in repelled for a in noun_roles(c, index, lex)[0]])
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.pos_ in ("NOUN", "PROPN") \
                and not misread_main_clause(token, event_class):
            described = index.in_phrase(token.head)  # "gang leaders accused of kidnapping": whom it was done
            targets = unique_actors([*targets, *described])  # to, not who did it
            agents = [a for a in agents if a.key not in {d.key for d in described}]
        if not agents and any(c.dep_ == "auxpass" for c in token.children):
            agents = passive_doers(token, event_class, index)
        if not agents:  # "Blinken issued a statement criticizing X": who issues it
            agents = document_issuers(token, index) or []
        if not agents and is_clash(token):  # "fighting between the army and the RSF has killed ..."
            agents = clash_sides(token, index)
        if is_clash(token):  # "fighting alongside the M23", "fighting to overthrow the government"
            allies, aims = clash_allies_and_aims(token, index)
            agents, targets = unique_actors([*agents, *allies]), unique_actors([*targets, *aims])
        if event_class == EventClass.REJECTION:  # "rejected a proposal by X"; "X proposed, Y refused"; "vetoed a
            # resolution on Ukraine drafted by the United States": its makers, not what it is about
            targets = offer_makers(token, index, refused=True) or targets or proposers(token, index) \
                or refused_dealings(token, lex, index) or movers(token, index)
        if event_class in (EventClass.ACCUSATION, EventClass.SUPPORT) and not targets:
            targets = movers(token, index)  # "..., a move Washington condemned": whoever made it
        if event_class == EventClass.AGREEMENT:  # "accepted the offer from the European Union"
            targets = unique_actors([*targets, *offer_makers(token, index)])
        if event_class == EventClass.RETREAT:  # "withdrew from ECOWAS"
            targets = unique_actors([*targets, *bodies_left(token, index)])
    else:
        agents, targets = noun_roles(token, index, lex)
        if lex.classes[event_class].symmetric and token.dep_ == "pobj" and token.head.lower_ == "for" \
                and token.head.head.pos_ == "VERB":  # "traveled to Khartoum for talks with X": who traveled
            agents = unique_actors([*agents, *verb_agents(token.head.head, index)])
        if lex.classes[event_class].symmetric and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS:
            agents = unique_actors([*agents, *verb_agents(token.head, index)])  # "X and Y held their first talks"
        if event_class == EventClass.ATTACK and not targets:  # "came under attack by X"
            doers, suffered = attack_undergone(token, index)
            agents, targets = agents or doers, suffered
        if event_class == EventClass.ATTACK and is_clash(token) and not agents:
            agents = _clause_subjects(token, index)  # "seized Goma after days of fighting with the army"
        if event_class == EventClass.ACCUSATION and token.dep_ == "dobj" \
                and token.head.lemma_.lower() in lex.classes[EventClass.REJECTION].verbs:
            # "Iranian spokesman X dismissed the U.S. accusations": against X, and no one named with him makes them
            rejecters = unique_actors([*verb_agents(token.head, index), *(
                m.actor for c in token.head.children if c.dep_ == "nsubj" for m, _ in index.in_subtree(c))])
            agents = [a for a in agents if a.key not in {r.key for r in rejecters}]
            targets = targets or rejecters
    if event_class == EventClass.AID:  # "pledged $50 million in aid to Sudan", "gave Kenya $20 million in aid"
        targets = unique_actors([*targets, *aid_recipients(token, index)])
    if not agents and targets and index.home is not None and token.lemma_.lower() in _BY_THE_STATE \
            and event_class == EventClass.COERCION and all(t.actor_class in ("Person", "Group") for t in targets):
        agents = [index.home]  # "Zamora was arrested": by the authorities of the state the story is about
    if not agents and targets and index.home is not None and let_out_of_custody(token) \
            and all(t.actor_class in ("Person", "Group") for t in targets):
        agents = [index.home]  # "Mech Dara has been released on bail": by the state that held him
    return agents, targets


def _first_person_subject(verb: Token) -> bool:
    """The clause of ``verb`` has "I" or "we" for subject ("We condemn ... and urge ...": the
    subject of the first verb serves the second)."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0].lower_ in ("i", "we")
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


class RuleRoles:
    """:func:`rule_roles` of one document, each (trigger, class) worked out once; every call
    gets its own lists. With ``frames``, "I" and "we" in a quotation are its speakers in what
    they say there ('"We condemn the attack," the minister said': the minister condemns); a deed
    a speaker says he will do ("I will shut the electricity off") is left to the threat rules."""

    def __init__(self, index: MentionIndex, lex: Lexicon, frames: SpeechFrames | None = None) -> None:
        self.index, self.lex, self.frames = index, lex, frames
        self.done: dict[tuple[int, str, int], tuple[list[ActorRef], list[ActorRef]]] = {}

    def __call__(self, token: Token, event_class: str, end: int) -> tuple[list[ActorRef], list[ActorRef]]:
        key = (token.i, event_class, end)
        if key not in self.done:
            agents, targets = rule_roles(token, event_class, self.index, self.lex, end)
            if self.frames is not None and token.pos_ in ("VERB", "AUX") and self.frames.quoted(token) \
                    and self.lex.classes[event_class].kind != "physical" and _first_person_subject(token):
                frame = self.frames.of(token)
                if frame is not None and frame.speakers:
                    speakers = {a.key for a in frame.speakers}
                    agents = list(frame.speakers)
                    targets = [t for t in targets if t.key not in speakers]
            self.done[key] = (agents, targets)
        agents, targets = self.done[key]
        return list(agents), list(targets)
