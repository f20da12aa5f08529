"""Statements against a deed and protests: who did the deed a statement objects to ("condemned
Mhlanga's arrest", "criticized the deportation of the Uyghurs"), whom a protest is against, and
aiming an accusation at a deed's doers rather than at who suffered it.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass
from .items import ActorRef
from .mentions import MentionIndex, unique_actors
from .roles import FORCES_SENT, PATIENT_NOUNS, pronoun_possessor

__all__ = ["deed_objected_to", "protested", "aimed_at_the_doers"]

#: Nouns of assaults, whose "on" or "against" object suffered them ("condemned the strike on X")
_ASSAULT_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "bombing", "shelling", "assault", "ambush",
                            "massacre", "offensive", "invasion", "incursion", "bombardment"})
#: Deeds only a state's authorities do (against them, a statement is aimed at the state)
_STATE_DEEDS = frozenset({"arrest", "detention", "deportation", "expulsion", "imprisonment", "jailing", "internment",
                          "extradition", "execution"})


def deed_objected_to(verb: Token, index: MentionIndex) -> tuple[list[ActorRef], list[ActorRef], bool] | None:
    """A statement against a deed done to someone ("condemned Mhlanga's arrest", "criticized the
    deportation of the Uyghurs", "protested over Thailand's deportation of them"): who suffered
    it, who did it where the phrase says ("Thailand's deportation of ...", "the arrest by
    police"), and whether only a state's authorities do such deeds; ``None`` when the verb's
    object is no such deed."""
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("over", "against", "of")
        for g in c.children if g.dep_ == "pobj"]
    for noun in nouns:
        lemma = noun.lemma_.lower()
        assault = lemma in _ASSAULT_NOUNS
        sent = lemma in FORCES_SENT  # "the deployment of U.S. warships": the warships' side did it
        if lemma not in PATIENT_NOUNS and not assault and not sent or lemma == "release":
            continue
        suffered: list[ActorRef] = []
        doers: list[ActorRef] = []
        with_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)
        attached = [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i] if assault else []
        ons = [c for c in [*noun.children, *attached] if c.dep_ == "prep" and c.lower_ == "on"]
        blamed = max(ons, key=lambda c: c.i) if ons and verb.lemma_.lower() in ("blame", "pin") else None
        for child in [*noun.children, *attached]:  # the parser may hang "on X" on the verb
            if blamed is not None and child.i == blamed.i:  # "blamed the bombing on al-Shabab": who did it
                doers.extend(a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g))
            elif assault and child.dep_ == "prep" and child.lower_ in ("on", "against"):
                suffered.extend(  # "the strike on its consulate": who suffered it
                    a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g))
            elif (assault or sent) and child.dep_ in ("amod", "compound") and index.at(child) is not None:
                doers.append(index.at(child).actor)  # "the Israeli strike"
            elif child.dep_ == "poss":
                mention = index.at(child)
                actor = mention.actor if mention is not None else pronoun_possessor(child, index)
                if actor is not None:  # "Thailand's deportation of the Uyghurs": the possessor did it
                    person = actor.actor_class in (ActorClass.PERSON, ActorClass.GROUP)
                    (doers if with_of or not person else suffered).append(actor)
            elif child.dep_ in ("prep", "agent") and child.lower_ in ("of", "by"):
                found = [a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g)]
                (suffered if child.lower_ == "of" and not sent else doers).extend(found)
        return suffered, doers, lemma in _STATE_DEEDS
    return None


#: verbs of objecting a protest is made for ("marched to demand the resignation of X", "to protest the arrest")
_OBJECTING = frozenset({"protest", "demand", "denounce", "condemn", "oppose", "decry", "reject", "demonstrate",
                        "call"})


def protested(trigger: Token, index: MentionIndex, agents: list[ActorRef]) -> list[ActorRef]:
    """Whom a protest is against, where the parse says what it objects to: the doers of a deed it
    protests ("to protest the arrest of X": whoever arrested him, else the story's state for a
    deed only a state does), else the actors its object or "against"/"over" phrase names ("to
    demand the resignation of President X", "rallied against a law backed by Y"); never a place,
    one of the protesters, or one whose release it asks for."""
    verbs = [trigger] if trigger.pos_ == "VERB" else []
    verbs += [c for v in list(verbs) for c in v.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB"
              and c.lemma_.lower() in _OBJECTING
              and (c.tag_ == "VBG" or any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children))]  # "demanding"
    own = {a.key for a in agents}
    for verb in verbs:
        deed = deed_objected_to(verb, index)
        if deed is not None:
            _suffered, doers, by_state = deed
            found = doers or ([index.home] if by_state and index.home is not None else [])
        else:
            phrases = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() not in PATIENT_NOUNS] + [
                g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("against", "over")
                for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() not in PATIENT_NOUNS]
            found = [a for g in phrases for a in _objected_actors(g, index)]
        found = [a for a in found if a.key not in own and a.actor_class != ActorClass.PLACE]
        if found:
            return unique_actors(found)
    return []


def _objected_actors(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """The actors a noun objected to names: in its phrase, its "of" object ("the resignation of
    President X") and who made it ("a law backed by the ruling party")."""
    found = list(index.in_phrase(noun))
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            found += [a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g)]
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            found += [a for g in child.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                      for a in index.in_phrase(p)]
    return found


def aimed_at_the_doers(verb: Token, index: MentionIndex, agents: list[ActorRef], targets: list[ActorRef], *,
                       rule_agents: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """An accusation against a deed done to someone is aimed at who did it, never at who suffered
    it: the doers the phrase names, else those who did it earlier (among the agents the model
    took from the mention of that deed, unless the parse makes them the speakers), else the
    authorities of the state the story is about for a deed only they do."""
    deed = deed_objected_to(verb, index) if verb.pos_ == "VERB" else None
    if deed is None:
        return agents, targets
    suffered, doers, by_state = deed
    speakers = {a.key for a in rule_agents}
    gone = {a.key for a in suffered}
    if not doers and speakers:
        doers = [a for a in agents if a.key not in speakers and a.key not in gone]
    gone |= {a.key for a in doers}
    agents = [a for a in agents if a.key not in gone or a.key in speakers]
    targets = unique_actors([*doers, *(t for t in targets if t.key not in gone)])
    speaking = {a.key for a in agents}
    targets = [t for t in targets if t.key not in speaking]
    if not targets and by_state and index.home is not None and index.home.key not in speaking:
        targets = [index.home]
    return agents, targets
