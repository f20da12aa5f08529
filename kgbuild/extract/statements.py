"""Statements the grammar says were made, whatever the trigger detector scores them: a statement
noun the sentence's named subject delivers ("the ministry issued a warning", "X and Y traded
accusations") and a talk with someone named ("Blinken spoke with the Saudi foreign minister");
and who makes a statement a document makes (:func:`document_issuers`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass, EventClass
from .deeds import mutual
from .items import ActorRef
from .lexicon import Lexicon
from .mentions import MentionIndex
from .speech import TALKING_VERBS, speaker_actors, talked_with
from .triggers import DELIVERING_VERBS, LIGHT_VERBS, Candidate, is_hedged, person_object

__all__ = ["DOCUMENT_NOUNS", "agreement_reached", "document_issuers", "issued_statement", "only_put_out", "talk_held",
           "turned_down"]


#: what makes a verb say its deed is not, or not yet, done ("did not sign", "could agree", "to issue")
_NOT_DONE = frozenset({"not", "n't", "never", "to", "could", "would", "may", "might", "should", "will", "'ll", "shall"})


def _not_done(verb: Token) -> bool:
    return any(c.dep_ in ("neg", "aux") and c.lower_ in _NOT_DONE for c in verb.children)


def issued_statement(candidate: Candidate, lex: Lexicon, index: MentionIndex) -> str | None:
    """A statement noun that the sentence's named subject delivers ("the ministry issued a
    warning", "X reiterated its call", "X and Y traded accusations"): the statement was made,
    whatever the detector scores the noun; its first class in the lexicon."""
    token = candidate.token
    verb = token.head
    exchange = bool(candidate.classes) and lex.classes[candidate.classes[0]].symmetric  # "held talks", "signed a deal"
    if not candidate.classes or token.pos_ != "NOUN" or token.dep_ != "dobj" or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in (LIGHT_VERBS if exchange else DELIVERING_VERBS) and not mutual(token) \
            or _not_done(verb):
        return None
    kind = lex.classes[candidate.classes[0]].kind
    if kind == "physical" or not any(c.dep_ == "nsubj" and index.in_phrase(c) for c in verb.children):
        return None
    return candidate.classes[0]


def talk_held(verb: Token, index: MentionIndex, lex: Lexicon) -> str | None:
    """"Blinken spoke with the Saudi foreign minister": a talk with someone named (not a group,
    not "spoke to reporters"), said held, is a consultation whatever the detector scores it."""
    receiving = verb.lemma_.lower() == "receive"
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in TALKING_VERBS and not receiving or is_hedged(verb, lex) \
            or any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "n't", "never", "to", "will", "'ll")
                   for c in verb.children):
        return None
    if receiving:  # "the crown prince received the Iranian foreign minister": a visit
        return EventClass.CONSULTATION if person_object(verb, lex) and any(
            a.actor_class not in (ActorClass.PLACE, ActorClass.GROUP)
            for c in verb.children if c.dep_ == "dobj" for a in index.in_phrase(c)) else None
    return EventClass.CONSULTATION if talked_with(verb, index, named=True) else None


#: verbs that make an agreement on what they take ("agreed on a truce", "signed the treaty")
_SETTLING = frozenset({"agree", "sign", "conclude", "finalize", "finalise", "seal", "reach", "initial"})
#: what stands for the agreement it is part of ("the text of a peace treaty", "the terms of a deal")
_PARTS_OF_A_DEAL = frozenset({"text", "terms", "draft", "framework", "outline", "details"})


def agreement_reached(verb: Token, index: MentionIndex, lex: Lexicon) -> str | None:
    """"Armenia and Azerbaijan have agreed on the text of a peace treaty", "signed a deal with X":
    parties named on both sides settling on an agreement, said done, are an agreement whatever the
    detector scores the verb."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _SETTLING or is_hedged(verb, lex) or _not_done(verb):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [g for c in verb.children if c.dep_ == "prep"
                                                                and c.lower_ in ("on", "to")
                                                                for g in c.children if g.dep_ == "pobj"]
    objects += [g for o in objects if o.lemma_.lower() in _PARTS_OF_A_DEAL
                for c in o.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if not any(o.lemma_.lower() in lex.classes[EventClass.AGREEMENT].nouns for o in objects):
        return None
    parties = [a for c in verb.children if c.dep_ == "nsubj" for a in index.in_phrase(c)] + [
        a for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children if g.dep_ == "pobj" for a in index.in_phrase(g)]
    named = {a.key for a in parties if a.actor_class not in (ActorClass.PLACE, ActorClass.GROUP)}
    return EventClass.AGREEMENT if len(named) > 1 else None


#: what a body issues that says something in its name ("a statement criticizing X")
DOCUMENT_NOUNS = frozenset({"statement", "letter", "report", "resolution", "message", "communique", "communiqué",
                            "declaration", "note", "post", "petition", "complaint", "lawsuit", "suit", "motion"})


def document_issuers(verb: Token, index: MentionIndex) -> list[ActorRef] | None:
    """Who issues the document that ``verb``, a participle, qualifies: they do what it says
    ("Blinken issued a statement criticizing the Somali government", "the council passed a
    resolution condemning the coup", "said in a letter urging Sweden to ..."). ``None`` where
    ``verb`` qualifies no document; empty where no one named issues it."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    own = [a for c in noun.children if c.dep_ in ("compound", "poss") for a in index.in_phrase(c)]
    if own:  # "welcomed the U.N. resolution calling for a ceasefire": the UN's
        return own
    holder = noun.head if noun.dep_ in ("dobj", "nsubjpass") else \
        noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "through", "via") else None
    if holder is None or holder.pos_ != "VERB" or noun.dep_ == "dobj" and holder.lemma_.lower() in _RESPONDING:
        return []  # "rejected a resolution condemning X": not the rejecter's
    return [a for c in holder.children if c.dep_ in ("nsubj", "agent")
            for g in ((c,) if c.dep_ == "nsubj" else (g for g in c.children if g.dep_ == "pobj"))
            for a in speaker_actors(g, index)]


#: verbs that answer a document someone else issued ("welcomed the resolution", "rejected the report")
_RESPONDING = frozenset({"welcome", "reject", "criticize", "criticise", "condemn", "dismiss", "hail", "praise",
                         "denounce", "oppose", "veto", "endorse", "back", "support", "slam", "receive", "read"})
#: verbs that put a document out, and documents that say nothing of their own
_PUTTING_OUT = frozenset({"issue", "release", "publish", "put"})
_SAYING_NOTHING = frozenset({"statement", "report", "communique", "communiqué", "declaration"})


def only_put_out(verb: Token, trigger_ids: set[int]) -> bool:
    """"The Iraqi government issued a statement on Sunday", "released a report": putting a
    document out is no event; what it says is (:func:`document_issuers`), and a document aimed at
    someone ("a statement against X") or one the lexicon gives a class is not only put out."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _PUTTING_OUT and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _SAYING_NOTHING and c.i not in trigger_ids
        and not any(g.dep_ == "prep" and g.lower_ in ("against", "to") for g in c.children)
        for c in verb.children)


#: verbs that turn down what their object names ("rejected a ceasefire with Hamas")
_TURNING_DOWN = frozenset({"reject", "refuse", "decline", "rebuff", "spurn", "rule"})  # ("ruled out talks")


#: verbs of keeping, breaking, ending or carrying out an agreement already made ("violated the
#: ceasefire", "ended a ceasefire with the government")
_KEEPING_OR_BREAKING = frozenset({"violate", "breach", "break", "respect", "observe", "uphold", "honor", "honour",
                                  "undermine", "jeopardize", "jeopardise", "implement", "enforce", "monitor", "end",
                                  "abandon", "scrap", "suspend", "revoke", "terminate"})


#: nouns of keeping, breaking or carrying out an agreement already made ("a violation of the truce")
_BREACHES = frozenset({"violation", "breach", "implementation", "collapse", "terms", "spirit"})


def turned_down(noun: Token) -> bool:
    """An exchange the object of a refusal names was not made ("Israel rejected a ceasefire with
    Hamas", "declined talks with the junta"): the refusal is the event; nor is one made now that
    is kept, broken or carried out ("accused Armenia of violating the ceasefire", "Hamas had
    breached the truce agreement", "a violation of the ceasefire": an agreement made before)."""
    while noun.dep_ == "compound" and noun.head.i != noun.i:  # "the ceasefire agreement"
        noun = noun.head
    verb = noun.head.lemma_.lower()
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":  # "a violation of the ceasefire"
        return noun.pos_ == "NOUN" and noun.head.head.lemma_.lower() in _BREACHES
    return noun.pos_ == "NOUN" and (noun.dep_ == "dobj" and verb in _TURNING_DOWN | _KEEPING_OR_BREAKING
                                    or noun.dep_ == "nsubjpass" and verb in _KEEPING_OR_BREAKING)
