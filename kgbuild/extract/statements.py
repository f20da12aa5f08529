"""Statements the grammar says were made, whatever the trigger detector scores them: a statement
noun the sentence's named subject delivers ("the ministry issued a warning", "X and Y traded
accusations") and a talk with someone named ("Blinken spoke with the Saudi foreign minister").
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import EventClass
from .deeds import mutual
from .lexicon import Lexicon
from .mentions import MentionIndex
from .speech import TALKING_VERBS, talked_with
from .triggers import DELIVERING_VERBS, LIGHT_VERBS, Candidate, is_hedged

__all__ = ["issued_statement", "talk_held"]


def issued_statement(candidate: Candidate, lex: Lexicon, index: MentionIndex) -> str | None:
    """A statement noun that the sentence's named subject delivers ("the ministry issued a
    warning", "X reiterated its call", "X and Y traded accusations"): the statement was made,
    whatever the detector scores the noun; its first class in the lexicon."""
    token = candidate.token
    verb = token.head
    exchange = bool(candidate.classes) and lex.classes[candidate.classes[0]].symmetric  # "held talks", "signed a deal"
    if not candidate.classes or token.pos_ != "NOUN" or token.dep_ != "dobj" or verb.pos_ != "VERB" \
            or verb.lemma_.lower() not in (LIGHT_VERBS if exchange else DELIVERING_VERBS) and not mutual(token) \
            or any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "n't", "never", "to", "could", "would", "may",
                                                             "might", "should", "will", "'ll", "shall")
                   for c in verb.children):
        return None
    kind = lex.classes[candidate.classes[0]].kind
    if kind == "physical" or not any(c.dep_ == "nsubj" and index.in_phrase(c) for c in verb.children):
        return None
    return candidate.classes[0]


def talk_held(verb: Token, index: MentionIndex, lex: Lexicon) -> str | None:
    """"Blinken spoke with the Saudi foreign minister": a talk with someone named (not a group,
    not "spoke to reporters"), said held, is a consultation whatever the detector scores it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in TALKING_VERBS or is_hedged(verb, lex) \
            or any(c.dep_ in ("neg", "aux") and c.lower_ in ("not", "n't", "never", "to", "will", "'ll")
                   for c in verb.children):
        return None
    return EventClass.CONSULTATION if talked_with(verb, index, named=True) else None
