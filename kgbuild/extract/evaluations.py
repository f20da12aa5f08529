"""Accusations and support a speaker gives in words of judgement: whom a verdict is on
(:func:`judged_actors`, the verdict itself is :mod:`.verdicts`), and words of blame in what a
speaker says of another (:func:`spoken_blame`): Blinken said Berisha "was involved in corrupt
acts"; "The DPRK is threatening ... an escalated provocation," the spokesperson said; and
concern voiced over what another does (:func:`voiced_concerns`): "Tokyo and Washington shared
concerns over China's expansion of its arsenal".
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..vocabulary import ActorClass, EventClass
from .deeds import makers_named
from .implied import frame_date, on_other_sides
from .items import ActorRef, EventItem
from .lexicon import Lexicon
from .mentions import MentionIndex, in_body, unique_actors
from .merge import trigger_word
from .places import spoken_place
from .roles import PATIENT_NOUNS
from .speech import SpeechFrame, SpeechFrames, speaker_actors
from .verdicts import judged_and_verdict, one_of

__all__ = ["blame_laid", "judged_actors", "refused_makers", "spoken_blame", "voiced_concerns",
           "warnings_of_blame"]

_FIRST_PERSON = frozenset({"i", "we", "us", "me"})


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


def refused_makers(verb: Token, index: MentionIndex) -> list[ActorRef]:
    """Whose pressure, proposal or demand a refusal turns down: the "by" or "from" phrase of what
    is refused ("will not succumb to pressure from criminal groups", "did not accept the proposal
    by the EU", "does not support the resolution drafted by the United States")."""
    things = [c for c in verb.children if c.dep_ == "dobj"] + [
        g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    makers = [g for thing in things for g in makers_named(thing)]
    if any(c.dep_ == "dobj" for c in verb.children):  # "turned down the offer from Moscow", the parser hanging
        makers += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"  # "from" on the verb
                   for g in c.children if g.dep_ == "pobj"]
    return unique_actors([a for g in makers for a in index.in_phrase(g) if a.actor_class != ActorClass.PLACE])


def _warning(word: Token, index: MentionIndex, lex: Lexicon) -> SpeechFrame | None:
    """The warning whose clause holds ``word`` ("X warned that Y is dangerous": X warns), if any
    (warnings are no reporting verbs: "warned it would strike" is a threat, not a report)."""
    warning_verbs = lex.classes[EventClass.THREAT].verbs
    node = word
    for _ in range(6):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in warning_verbs:
            verb = node.head
            return SpeechFrame(verb, "say", unique_actors([a for c in verb.children if c.dep_ == "nsubj"
                                                           for a in speaker_actors(c, index)]))
        if node.head.i == node.i:
            return None
        node = node.head
    return None


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
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")), None)
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


def _harm(word: Token, lex: Lexicon) -> bool:
    """A harm one is blamed for: the lexicon's harms, or an attack told by a noun ("the bombing")."""
    return word.lemma_.lower() in lex.harms or word.lower_ in lex.harms or lex.noun_of(word, EventClass.ATTACK)


def _harm_done_by(word: Token, lex: Lexicon) -> bool:
    """"was behind the attack", "the blast was the work of X": a harm laid at someone's door."""
    if word.lower_ == "behind" and word.dep_ == "prep" and word.head.lemma_.lower() == "be":
        return any(g.dep_ == "pobj" and _harm(g, lex) for g in word.children)
    subject = _clause_subject(word) if word.lemma_.lower() == "work" and word.dep_ == "attr" else None
    return subject is not None and _harm(subject, lex) and bool(_work_of(word))


def _work_of(word: Token) -> list[Token]:
    """The "of" objects of "the work of X"."""
    return [g for p in word.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def _blames(word: Token, lex: Lexicon) -> bool:
    """A word of blame ("illegal", "aggression"), a verb of wrongdoing ("had provoked the
    incident"), "responsible" for a harm ("was responsible for the famine"), or a harm laid at
    someone's door ("India was behind the attack", "the strike was the work of X")."""
    if word.pos_ in ("ADJ", "NOUN") and one_of(word, lex.blame_words):
        return True
    if word.pos_ == "VERB":
        return word.lemma_.lower() in lex.blame_verbs
    if _harm_done_by(word, lex):
        return True
    return word.pos_ == "ADJ" and word.lower_ == "responsible" and any(
        _harm(g, lex) for p in word.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
        if g.dep_ == "pobj")


def spoken_blame(doc: Doc, index: MentionIndex, lex: Lexicon, frames: SpeechFrames, body: list[tuple[int, int]],
                 published: date | None, date_ents: list[Span], *, told: Sequence[EventItem] = ()) -> list[EventItem]:
    """What a speaker says of another in words of blame is the speaker's accusation of them. The
    one blamed is who the noun the word qualifies names ("Russia's illegal aggression", the
    "illegal" government), else the subject of its clause (Berisha "was involved in corrupt
    acts"); never the speaker's own side, a place, or a generic group; nothing when negated or
    hedged. A deed told before that the clause's subject names ("the strike was a war crime") is
    blamed on its doers (the events ``told``). Its trigger is the word of blame."""
    events: list[EventItem] = []
    weak = {m.actor.key for m in index.mentions if m.weak}  # generic groups ("experts") are no one blamed
    for word in doc:
        if not _blames(word, lex):
            continue
        if not in_body(word.idx, body) or index.at(word) is not None or not _asserted(word):
            continue
        frame = frames.of(word)
        if frame is not None and frame.verb is not None and frame.verb.lemma_.lower() in lex.evaluating_verbs:
            continue  # a verdict (:func:`verdict`) the detector reads
        if frame is None or not frame.speakers:
            frame = _warning(word, index, lex)  # "X warned that Y is dangerous"
        if frame is None or not frame.speakers:
            continue  # not said by anyone: the article's own words
        speakers = list(frame.speakers)
        if any(t.pos_ == "VERB" and t.lemma_.lower() in lex.evaluating_verbs for t in word.ancestors):
            continue  # "calling it a 'sinful violation'": a verdict (:func:`verdict`)
        if any(t.dep_ == "prep" and t.lower_ == "as" and t.head.pos_ == "VERB" for t in (word, *word.ancestors)):
            continue  # "which Maduro denounced as a provocation": what the verb's own event calls it
        if word.lemma_.lower() == "work":  # "the strike was the work of the United States"
            blamed = [a for g in _work_of(word) for a in index.in_phrase(g)]
        elif word.pos_ in ("VERB", "ADJ", "ADP") and not one_of(word, lex.blame_words):
            blamed = []  # "was responsible for", "was behind": the clause's subject
        else:
            blamed = index.in_phrase(word.head if word.dep_ == "amod" else word)  # "Russia's illegal aggression"
        if not blamed and word.pos_ == "VERB":  # "the attack was orchestrated by militants": whom "by" names
            blamed = [a for c in word.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                      for a in index.named_or_meant(g)]
        if not blamed:
            subject = _clause_subject(word)
            if subject is None or subject.lower_ in _FIRST_PERSON:
                continue  # "We reject the baseless allegations": the speaker's own words of himself
            if subject.dep_ == "csubj":  # "expanding cooperation between X and Y is dangerous"
                blamed = [m.actor for m, _head in index.in_subtree(subject)]
            else:
                # "Zelenskyy said the strike was a war crime": who struck, told with that word (not "this
                # massacre is a sign": there the word of blame names the deed itself)
                blamed = index.named_or_meant(subject) or (
                    _doers_told([subject], told, same_word=True) if word not in subject.subtree else [])
        event = _accusation(word, speakers, blamed, weak, index, date=frame_date(frame, published, date_ents))
        if event is not None:
            events.append(event)
    return events


_ANSWERABLE = frozenset({"responsible", "accountable", "culpable", "liable"})


def blame_laid(doc: Doc, index: MentionIndex, frames: SpeechFrames, body: list[tuple[int, int]],
               published: date | None, date_ents: list[Span]) -> list[EventItem]:
    """Blame laid on someone in so many words is an accusation by whoever lays it: "held X
    responsible (accountable) for", "pointed the finger at X"; "we" is the speaker; not negated
    or hedged ("did not hold anyone responsible")."""
    events: list[EventItem] = []
    weak = {m.actor.key for m in index.mentions if m.weak}
    for verb in doc:
        lemma = verb.lemma_.lower()
        if lemma not in ("hold", "point") or verb.pos_ != "VERB" or not in_body(verb.idx, body) or not _asserted(verb):
            continue
        if lemma == "hold":
            answerable = [c for c in verb.children if c.lower_ in _ANSWERABLE]
            if not answerable:
                continue
            accused = [c for c in verb.children if c.dep_ == "dobj"] or [  # "held X responsible"
                g for c in answerable for g in c.children if g.dep_ == "nsubj"]  # "holds X accountable" (X its subject)
        else:
            if not any(c.dep_ == "dobj" and c.lemma_.lower() == "finger" for c in verb.children):
                continue
            accused = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" for g in c.children
                       if g.dep_ == "pobj"]
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        frame = frames.of(verb)
        accusers = [a for s in subjects for a in (
            frame.speakers if s.lower_ in _FIRST_PERSON and frame is not None else index.named_or_meant(s))]
        event = _accusation(verb, [a for a in accusers if a.key not in weak],
                            [a for g in accused for a in index.in_phrase(g)], weak, index,
                            date=frame_date(frame, published, date_ents) if frame is not None else None)
        if event is not None and event.agents:
            events.append(event)
    return events


def _accusation(word: Token, accusers: list[ActorRef], accused: list[ActorRef], weak: set[str],
                index: MentionIndex, *, date: date | None = None) -> EventItem | None:
    """The accusation ``word`` reports, of those ``accused`` who are on another side than the
    accusers, neither a generic group (keys in ``weak``) nor a place; ``None`` if none is."""
    targets = [a for a in on_other_sides(accused, {a.key for a in accusers}, index)
               if a.key not in weak and a.actor_class != ActorClass.PLACE]
    if not targets:
        return None
    sent = word.sent
    return EventItem(EventClass.ACCUSATION, [(word.idx, word.idx + len(word))], (sent.start_char, sent.end_char),
                     agents=unique_actors(accusers), targets=unique_actors(targets), date=date,
                     place=spoken_place(word, None, index))


def warnings_of_blame(events: list[EventItem], blames: list[EventItem], doc: Doc, lex: Lexicon) -> list[EventItem]:
    """``events`` without the threats that only warn of what others do ("warned that expanding
    cooperation between Russia and North Korea is dangerous"): a warning whose clause holds words
    of blame (``blames``, from :func:`spoken_blame`) is that accusation, not a threat."""
    warning_verbs = lex.classes[EventClass.THREAT].verbs
    blamed_at = [b.triggers[0][0] for b in blames]
    kept = []
    for event in events:
        if event.event_class == EventClass.THREAT and blamed_at:
            verb = trigger_word(event, doc)
            if verb is not None and verb.lemma_.lower() in warning_verbs and any(
                    c.dep_ == "ccomp" and c.left_edge.idx <= at < c.right_edge.idx + len(c.right_edge)
                    for c in verb.children for at in blamed_at):
                continue
        kept.append(event)
    return kept


#: verbs that voice the concern their object names ("expressed concern over X's ...")
_VOICING_VERBS = frozenset({"express", "voice", "share", "raise", "reiterate", "echo", "register"})
#: states of mind that, about what another does, disapprove of it ("seriously concerned about X's ...")
_CONCERNED = frozenset({"concerned", "worried", "alarmed", "troubled", "disappointed", "dismayed"})
#: what is said of the one it happens to ("concerned about Zamora's case", "X's detention")
_UNDERGONE = PATIENT_NOUNS | {"case", "health", "safety", "fate", "family", "condition", "trial", "wellbeing",
                              "whereabouts", "treatment", "plight", "security", "life", "rights"}
#: what the concern is over ("concern over", "concerned about", "disappointed by")
_CONCERN_PREPS = frozenset({"over", "about", "at", "by", "regarding", "with"})


def _concern_holder_and_object(word: Token) -> tuple[Token, list[Token]] | None:
    """Who holds the concern ``word`` names and what it is about, from the parse: "X expressed
    concern over Y", "X is concerned about Y", "X shared concerns that Y ..."."""
    if word.pos_ == "NOUN" and word.lemma_.lower() == "concern" and word.dep_ == "dobj" \
            and word.head.lemma_.lower() in _VOICING_VERBS:
        verb = word.head
    elif word.lower_ in _CONCERNED and word.dep_ in ("acomp", "ROOT", "conj") and word.pos_ in ("ADJ", "VERB"):
        verb = word.head if word.dep_ == "acomp" else word
    else:
        return None
    holder = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if holder is None:
        return None
    about = [g for c in word.children if c.dep_ in ("prep", "agent") and c.lower_ in _CONCERN_PREPS
             for g in c.children if g.dep_ in ("pobj", "pcomp")]
    about += [c for c in word.children if c.dep_ in ("ccomp", "acl") and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]
    return (holder, about) if about else None


#: deeds one may voice concern over that someone did to someone
_DEEDS_DONE = frozenset({EventClass.ATTACK, EventClass.COERCION, EventClass.SANCTION, EventClass.DEPLOYMENT})


def _doers_told(about: list[Token], told: Sequence[EventItem], *, same_word: bool = False) -> list[ActorRef]:
    """The doers of the latest deed told before, when what a concern is about is a definite noun
    ("the incident", "these attacks") and names no one."""
    if not any(a.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "that", "those")
                                        for c in a.children) for a in about):
        return []
    start = min(a.idx for a in about)
    before = [e for e in told if e.sentence[1] <= start and e.event_class in _DEEDS_DONE and e.agents]
    words = {a.lemma_.lower() for a in about}
    doc = about[0].doc
    same = [e for e in before if any((span := doc.char_span(*t, alignment_mode="expand")) is not None
                                     and span.root.lemma_.lower() in words for t in e.triggers)]
    before = same if same or same_word else before  # "launched drills ... sent its own forces ... concern over
    # the drills": the drills (with ``same_word``, only a deed told with that word)
    return list(max(before, key=lambda e: e.sentence[0]).agents) if before else []


def voiced_concerns(doc: Doc, index: MentionIndex, frames: SpeechFrames, body: list[tuple[int, int]], *,
                    told: Sequence[EventItem] = ()) -> list[EventItem]:
    """Concern voiced over what another does is an accusation of them (PLOVER's ACCUSE takes in
    disapproval): by who holds the concern ("we" is whoever says it), against the actors named
    in what it is about, those whose deed or thing it names first ("concern over China's rapid
    expansion"), or, where it is about a deed told before ("concerned by the incident"), the
    doers of the latest deed ``told``; never a place, a generic group or the holder's own side,
    and nothing when negated or hedged, or when no one is named in it ("voiced concern about
    the crisis")."""
    events: list[EventItem] = []
    weak = {m.actor.key for m in index.mentions if m.weak}
    for word in doc:
        if word.lower_ not in _CONCERNED and word.lemma_.lower() != "concern" or not in_body(word.idx, body):
            continue
        found = _concern_holder_and_object(word)
        if found is None or not _asserted(word):
            continue
        holder, about = found
        if holder.lower_ in _FIRST_PERSON:
            frame = frames.of(word)
            holders = list(frame.speakers) if frame is not None else []
        else:
            holders = index.named_or_meant(holder)
        holders = [a for a in holders if a.key not in weak]
        if not holders:
            continue
        named = [(m, head) for phrase in about for m, head in index.in_subtree(phrase)]
        named = [(m, head) for m, head in named if not (  # not whose case or detention it is
            head.dep_ in ("poss", "amod") and one_of(head.head, _UNDERGONE))]
        owners = [m.actor for m, head in named if head.dep_ in ("poss", "amod")]  # not the "IAEA" of "IAEA report"
        accused = owners or [m.actor for m, _ in named] or _doers_told(about, told)
        event = _accusation(word, holders, accused, weak, index)
        if event is not None:
            events.append(event)
    return events
