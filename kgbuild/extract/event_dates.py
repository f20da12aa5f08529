"""The day an event happened, read off the dates of its sentence: the date in the trigger's
clause first, else the one date another clause of the sentence gives (not the day something
was said, nor the date of a noun), resolved against the publication date
(:func:`kgbuild.extract.dates.resolve_date`).
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..vocabulary import EventClass
from .dates import resolve_date
from .items import EventItem
from .mentions import MentionIndex
from .speech import REPORTING_VERBS
from .triggers import governing_verb

__all__ = ["clause_top", "date_entities", "event_date", "date_detentions_by_start"]


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


def _within(ent: Span, word: Token) -> bool:
    """The time ``ent`` is in the phrase of ``word`` or right after it (where the parser hangs
    "an attack on Israel earlier this month" on the verb)."""
    return word.left_edge.i <= ent.start and ent.end - 1 <= word.right_edge.i or ent.start == word.right_edge.i + 1


def event_date(trigger: Token, sent: Span, published: date | None, date_ents: list[Span], *,
               lasting: bool = False) -> date | None:
    """The date of the event ``trigger`` names; ``date_ents`` are the doc's DATE/TIME entities
    (``Span.ents`` rebuilds every entity of the doc on each call). ``lasting``: the trigger may
    name a state that began then ("in custody since Feb. 24": the arrest was on Feb. 24)."""
    scope: set[int] | None = None  # the clause's tokens, worked out at the first date of the sentence
    fallback: list[date] = []
    # a noun with a time of its own ("an attack on Israel earlier this month")
    own_time = trigger.pos_ in ("NOUN", "PROPN") and any(
        sent.start <= ent.start and ent.end <= sent.end and _within(ent, trigger) for ent in date_ents)
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
        if own_time:  # ("the attack on Sunday"), and no other day of the sentence
            if _within(ent, trigger):
                return resolved
            continue
        if scope is None:
            scope = {t.i for t in clause_top(trigger).subtree} | {t.i for t in trigger.subtree}
        if any(t.i in scope for t in ent):
            return resolved
        governor = ent.root.head.head if ent.root.head.dep_ == "prep" else ent.root.head
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() not in REPORTING_VERBS:
            fallback.append(resolved)  # a date of some clause of this sentence (not of a noun, not "said Wednesday")
    if own_time:
        return None  # its own time fixes no day: not the day of the clause it is named in
    return fallback[0] if len(set(fallback)) == 1 else None


#: where someone is held ("in custody since Feb. 24"), and the verbs of holding ("detained since")
_HELD_IN = frozenset({"custody", "detention", "jail", "prison"})
_HOLDING = frozenset({"hold", "detain", "jail", "imprison"})


def date_detentions_by_start(events: list[EventItem], doc: Doc, index: MentionIndex, published: date | None,
                             date_ents: list[Span]) -> None:
    """An undated detention of someone gets the day the article says they have been held since
    ("Mhlanga has been in custody since Feb. 24", "was detained since March 3"): the day they
    were taken."""
    undated = [e for e in events if e.event_class == EventClass.COERCION and e.date is None and e.targets]
    for ent in date_ents if undated else ():
        since = doc[ent.start - 1] if ent.start > 0 else None
        if since is None or since.lower_ != "since":
            continue
        node, held = since.head, False
        for _ in range(4):  # up from "custody" (or the verb) through "in" to the clause's verb
            held = held or node.lemma_.lower() in _HELD_IN or node.lemma_.lower() in _HOLDING
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        held = held or any(c.dep_ == "prep" and c.lower_ == "in" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in _HELD_IN for g in c.children) for c in node.children)
        held_ones = {a.key for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for a in index.in_phrase(c)}
        day = resolve_date(ent.text, published=published) if held and held_ones else None
        for event in undated if day is not None else ():
            if event.date is None and held_ones & {t.key for t in event.targets}:
                event.date = day
