"""Role candidates: the actors that may be an event's agent or target, for the role model to score.

Everyone named in the trigger's sentence, pronouns resolved to their antecedents, the speaker
who reports the event, the doers of an earlier event the trigger's object refers back to
("condemned the attack"), and the actors of the two sentences before.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass
from .features import RoleCandidate
from .items import ActorRef
from .lexicon import Lexicon
from .mentions import MentionIndex
from .speech import SpeechFrame

__all__ = ["role_candidates", "referents"]

_PRONOUN_FORMS = frozenset({"he", "she", "they", "it", "its", "their", "his", "her", "them", "him", "we", "our"})


#: Nouns that name, without saying which, a deed told before ("criticized the decision", "this move")
_DEED_NOUNS = frozenset({"decision", "move", "measure", "step", "action", "ruling", "verdict", "policy", "ban", "order"})


def referents(trigger: Token, lex: Lexicon, earlier: list[tuple[frozenset[str], list[ActorRef]]]
               ) -> list[tuple[ActorRef, Token]]:
    """"denied the request", "condemned the attack", "criticized the decision": the object names
    an event told before (an earlier trigger candidate of that class, or a deed of any class for a
    word that names no kind of deed); its agents are candidates (usually the target of the reaction)."""
    found: list[tuple[ActorRef, Token]] = []
    for child in trigger.children:
        nouns = [child] if child.dep_ in ("dobj", "nsubjpass") else \
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        for noun in nouns:
            classes = set(lex.noun_index.get(noun.lemma_.lower(), ()))
            deed = noun.lemma_.lower() in _DEED_NOUNS and any(
                c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in noun.children)
            if not (classes or deed) or noun.pos_ not in ("NOUN", "PROPN"):
                continue
            prior = next((agents for kinds, agents in reversed(earlier) if agents and (
                kinds & classes or deed and any(lex.classes[k].kind != "statement" for k in kinds))), None)
            if prior is not None:
                found.extend((a, noun) for a in prior)
    return found


def role_candidates(trigger: Token, index: MentionIndex, frame: SpeechFrame | None, *,
                    referents: list[tuple[ActorRef, Token]] = (), described: frozenset[int] = frozenset()
                    ) -> list[RoleCandidate]:
    """Actors that may be the agent or target of the event ``trigger`` reports: the actors named
    in its sentence, pronouns resolved to their antecedents, the speaker who reports it, and the
    doers of an earlier event its object refers to (``referents``); never a name inside what
    someone calls another (``described``: "presented X as 'Iranian forces'")."""
    sent = trigger.sent
    found: list[RoleCandidate] = []
    for mention, head in index.in_span(sent.start_char, sent.end_char):
        if mention.actor.actor_class == ActorClass.PLACE or head.i in described:
            continue
        found.append(RoleCandidate(mention.actor, head, "nested" if mention.nested else "mention"))
    for token in sent:
        if token.lower_ in _PRONOUN_FORMS and token.pos_ == "PRON" and index.at(token) is None:
            prior = index.previous_subject(token, person=token.lower_ in ("he", "she", "his", "her", "him"))
            if prior is not None:
                found.append(RoleCandidate(prior, token, "pronoun"))
    if frame is not None:
        anchor = frame.verb if frame.verb is not None else trigger
        known = {c.actor.key for c in found}
        found.extend(RoleCandidate(s, anchor, "speaker") for s in frame.speakers if s.key not in known)
    # a referent is one even if named otherwise too (a pronoun read as them): it is a rule target
    found.extend(RoleCandidate(a, noun, "referent") for a, noun in referents)
    known = {c.actor.key for c in found}
    doc = trigger.doc
    previous = [s for s in doc[max(0, sent.start - 80):sent.start].sents][-2:] if sent.start else []
    for span in reversed(previous):  # the two sentences before: an actor the event may address implicitly
        for mention, head in reversed(index.in_span(span.start_char, span.end_char)):
            if mention.actor.key not in known and mention.actor.actor_class != ActorClass.PLACE \
                    and head.i not in described:
                known.add(mention.actor.key)
                found.append(RoleCandidate(mention.actor, head, "context"))
    return found
