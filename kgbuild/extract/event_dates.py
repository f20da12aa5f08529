"""The day an event happened, read off the dates of its sentence: the date in the trigger's
clause first, else the one date another clause of the sentence gives (not the day something
was said, nor the date of a noun), resolved against the publication date
(:func:`kgbuild.extract.dates.resolve_date`).
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from .dates import resolve_date
from .speech import REPORTING_VERBS
from .triggers import governing_verb

__all__ = ["clause_top", "date_entities", "event_date"]


def clause_top(trigger: Token) -> Token:
    """The verb heading the trigger's clause chain ("followed ... by criticizing" -> followed)."""
    node = trigger if trigger.pos_ in ("VERB", "AUX") else (governing_verb(trigger) or trigger)
    for _ in range(6):
        if node.dep_ in ("pcomp", "prep", "xcomp", "conj") and node.head.i != node.i:
            node = node.head
        else:
            break
    return node


def date_entities(doc: Doc) -> list[Span]:
    """The DATE and TIME entities of the doc (``Span.ents`` rebuilds them all on each call)."""
    return [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]


def event_date(trigger: Token, sent: Span, published: date | None, date_ents: list[Span], *,
               lasting: bool = False) -> date | None:
    """The date of the event ``trigger`` names; ``date_ents`` are the doc's DATE/TIME entities
    (``Span.ents`` rebuilds every entity of the doc on each call). ``lasting``: the trigger may
    name a state that began then ("in custody since Feb. 24": the arrest was on Feb. 24)."""
    scope: set[int] | None = None  # the clause's tokens, worked out at the first date of the sentence
    fallback: list[date] = []
    for ent in date_ents:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        phrase = ent.text
        previous = ent.start - 1
        if previous >= 0 and trigger.doc[previous].lower_ in ("since", "until", "till", "before", "after", "by") \
                and not (lasting and trigger.doc[previous].lower_ == "since"):
            continue
        if previous >= 0 and trigger.doc[previous].lower_ in ("on", "last", "next", "this"):
            phrase = f"{trigger.doc[previous].text} {phrase}"
        resolved = resolve_date(phrase, published=published)
        if resolved is None:
            continue
        if scope is None:
            scope = {t.i for t in clause_top(trigger).subtree} | {t.i for t in trigger.subtree}
        if any(t.i in scope for t in ent):
            return resolved
        governor = ent.root.head.head if ent.root.head.dep_ == "prep" else ent.root.head
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() not in REPORTING_VERBS:
            fallback.append(resolved)  # a date of some clause of this sentence (not of a noun, not "said Wednesday")
    return fallback[0] if len(set(fallback)) == 1 else None
