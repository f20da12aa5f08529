"""A denial answers the accusation told before it: "Congo accused Rwanda of backing the M23
rebels. Kigali denies the charge" is Rwanda's rejection of Congo, the accuser, though the
denial's own sentence names no one it answers.

>>> from kgbuild.extract.rebuttals import DENYING
>>> "deny" in DENYING
True
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..vocabulary import EventClass
from .items import EventItem
from .mentions import MentionIndex
from .merge import trigger_word
from .verdicts import called_false

__all__ = ["DENYING", "answer_accusations", "in_denied_deed"]

#: verbs that deny what another says ("denied backing the rebels", "refuted the claims")
DENYING = frozenset({"deny", "refute", "rebut", "disown"})
#: verbs that turn down what they take as object: a denial when that is an allegation
_TURNING_DOWN = DENYING | {"reject", "dismiss", "dispute", "contest", "rebuff"}
#: what is said against someone, turned down by a denial ("rejected the accusations")
_ALLEGATIONS = frozenset({"allegation", "accusation", "charge", "claim", "assertion", "report", "it", "this",
                          "that", "them", "suggestion"})


def _a_denial(verb: Token) -> bool:
    """``verb`` denies something said against its subject: a verb of denying ("Rwanda denies backing
    the M23"), or one of turning down whose object is an allegation ("dismissed the charges")."""
    lemma = verb.lemma_.lower()
    if called_false(verb):  # "said the claims were false"
        return True
    if verb.pos_ != "VERB" or lemma not in _TURNING_DOWN:
        return False
    return lemma in DENYING or any(o.lemma_.lower() in _ALLEGATIONS or o.lower_ in _ALLEGATIONS
                                   for o in verb.children if o.dep_ in ("dobj", "nsubjpass"))


def in_denied_deed(verb: Token, index: MentionIndex) -> set[str]:
    """The actors named inside the deed a verb of denying denies ("the army denied mistreating
    civilians", "denied that its forces shelled the town"): they took part in what is denied, and
    are not whom the denial answers (:func:`answer_accusations` finds that)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in DENYING:
        return set()
    deeds = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "pcomp")
             or c.dep_ == "dobj" and (c.tag_ == "VBG" or any(g.dep_ == "compound" and g.tag_ == "VBG"
                                                             for g in c.children))]
    return {m.actor.key for deed in deeds for m, _ in index.in_subtree(deed)}


def _side(key: str, index: MentionIndex) -> str:
    return index.sides.get(key, key)


def answer_accusations(events: list[EventItem], doc: Doc, index: MentionIndex) -> None:
    """Give each denial the accusers of the last accusation told before it against its agents, or
    their state ("Rwanda" accused, "the Rwandan government" denies), unless it already answers
    them; its other targets are kept. One with no accusation before it against its agents keeps
    its own targets, and without any is dropped if it only calls what was said false (it answers
    no one the article names)."""
    accusations = sorted((e for e in events if e.event_class == EventClass.ACCUSATION and e.agents and e.targets),
                         key=lambda e: e.triggers[0])
    for event in events:
        if event.event_class != EventClass.REJECTION or not event.agents or not accusations:
            continue
        verb = trigger_word(event, doc)
        if verb is None or not _a_denial(verb):
            continue
        denying = {_side(a.key, index) for a in event.agents}
        answered = [e for e in accusations if e.triggers[0] < event.triggers[0]
                    and denying & {_side(t.key, index) for t in e.targets}
                    and not denying & {_side(a.key, index) for a in e.agents}]
        if answered and not {_side(a.key, index) for a in answered[-1].agents} \
                & {_side(t.key, index) for t in event.targets}:
            event.targets = [*answered[-1].agents, *event.targets]  # (those its sentence names kept)
    events[:] = [e for e in events
                 if e.targets or e.event_class != EventClass.REJECTION or not _only_called_false(e, doc)]


def _only_called_false(event: EventItem, doc: Doc) -> bool:
    """'"These allegations are baseless," a spokesman said' after "France rejected the
    accusations": a denial told only as what the speaker calls false."""
    verb = trigger_word(event, doc)
    return verb is not None and called_false(verb)
