"""Datelines: the place a story was filed from, in capitals before a dash at the start of a
paragraph ("WASHINGTON —", "SANAA, Yemen —"). It is no part of the sentence after it.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("PORT SUDAN, Sudan — The army said so.")
>>> doc[dateline_end(doc, 0)].text
'The'
>>> dateline_end(nlp("UN officials — and others — said so."), 0) is None
True
>>> doc = nlp("PORT-AU-PRINCE, Haiti — Gangs attacked a police station.")
>>> doc[dateline_end(doc, 0)].text
'Gangs'
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["dateline_end", "is_dateline"]

#: the dashes that close a dateline
_DASHES = frozenset({"—", "–", "--", "-"})
#: the most words a dateline has before its dash
_MAX_WORDS = 9


def dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the first word after the dateline opening the paragraph at ``start`` (a place
    in capitals, perhaps with its country, then a dash), if there is one."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) > 1):
        return None
    for i in range(start + 1, min(len(doc) - 1, start + _MAX_WORDS + 1)):
        token = doc[i]
        if token.text in _DASHES and token.whitespace_:
            return None if doc[i + 1].is_space else i + 1
        if token.text in _DASHES and doc[i - 1].is_upper:
            continue  # a hyphen inside a name in capitals ("PORT-AU-PRINCE, Haiti —")
        if "\n" in token.text or not (token.is_upper or token.is_title or token.text in (",", ".")):
            return None
    return None


def is_dateline(sent: Span) -> bool:
    """Whether the sentence is a dateline alone."""
    return dateline_end(sent.doc, sent.start) == sent.end
