"""Whose deed reported speech tells: a physical deed of others a speaker alleges is the speaker's
accusation (:func:`reported_deed`), and a verbal event with a subject of its own in what a
speaker reports is that subject's, not the speaker's (:func:`said_of_another`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass
from .items import ActorRef
from .mentions import MentionIndex
from .roles import verb_agents
from .speech import SpeechFrame, according_to, speaker_sides
from .triggers import governing_verb

__all__ = ["reported_deed", "said_of_another", "unnamed_sources"]

#: Reporting verbs that confirm rather than allege: what they report stays a fact.
_CONFIRMING = frozenset({"confirm", "announce", "report", "acknowledge", "admit", "add", "note", "tell", "say"})
_NON_STATE = frozenset({ActorClass.ARMED_GROUP, ActorClass.GROUP})
#: Nouns of the unnamed sources news cites for what it reports ("officials said", "according to
#: residents", "a security source said"): the article's own sourcing, not anyone's allegation.
_SOURCE_NOUNS = frozenset({"official", "officials", "authorities", "source", "sources", "resident", "residents",
                           "witness", "witnesses", "activist", "activists", "villager", "villagers", "medic",
                           "medics", "rescuer", "rescuers", "survivor", "survivors", "officer", "officers"})


#: Words naming those who count a deed's dead and wounded (a health ministry, a hospital, medics):
#: they report the toll, they allege no one's deed.
_CARERS = frozenset({"health", "hospital", "hospitals", "medical", "ambulance", "rescue", "paramedics"})


def reported_deed(kind: str, frame: SpeechFrame | None, agents: list[ActorRef], trigger: Token,
                  index: MentionIndex) -> list[ActorRef] | None:
    """The speakers who allege a physical deed of others ("the minister said the rebels had
    massacred villagers", "the police said the suspects had planned to bomb the embassy"), or
    ``None`` when the article tells it as a fact: a deed of state forces, or reported by an
    international body or by those counting its victims, is reported, not alleged ("the UN envoy
    said security forces arrested 2,400 people", "officials said their troops killed six
    attackers", "..., killing 27 people, the Health Ministry said")."""
    if kind != "physical" or frame is None or frame.kind != "say" or not frame.speakers or not agents:
        return None
    clause = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger) or trigger
    if clause.dep_ == "relcl":
        return None  # "they killed the attackers who laid siege to a hotel": what the speaker takes as known
    if not all(a.actor_class in _NON_STATE for a in agents):
        return None
    if any(s.actor_class == ActorClass.INTERNATIONAL_ORGANIZATION or _CARERS & set(s.label.lower().split())
           for s in frame.speakers):
        return None  # (nor by those who count the dead and wounded: "..., the Health Ministry said")
    if unnamed_sources(frame, trigger, index):
        return None  # "militants attacked a military base, officials said": the article's sourcing
    if frame.verb is not None and frame.verb.lemma_.lower() in _CONFIRMING - {"say", "tell"}:
        return None
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and speaker_sides(frame, index) & {
            side for a in verb_agents(trigger.head, index) for side in index.sides_of(a)}:
        return None  # "the army repelled an attack by jihadists, the military government said": what its own
        # side's deed answered is told as fact
    if speaker_sides(frame, index) & {index.sides.get(a.key, a.key) for a in agents}:
        return None  # "the army said its troops killed 30 militants", "Houthi spokesman X said the group had
        # struck the vessel": its own deed, told as such
    return list(frame.speakers)


def unnamed_sources(frame: SpeechFrame, trigger: Token, index: MentionIndex) -> bool:
    """Whether who the frame cites are unnamed sources: officials, residents, witnesses or "a
    security source" (not the police, a body), at most with an adjective, a noun or a place
    ("local officials", "Somali army officers", "officials in Mogadishu", "a police officer who
    spoke on condition of anonymity"), not a body or person named ("Hamas officials", "officials
    of the ministry", "the governor")."""
    phrases: list[Token] = []
    if frame.kind == "according":
        phrases = according_to(trigger.sent) or []
    elif frame.verb is not None:
        words = index.reporter_words(trigger)
        if words and frame.verb.i == words.stop:  # a trailing reporter the parser hung elsewhere: the heads
            # of its noun phrases ("security sources and local officials", conjuncts of the object before)
            heads = [t for t in trigger.doc[words.start:words.stop] if t.pos_ in ("NOUN", "PROPN")
                     and t.dep_ not in ("compound", "amod", "nmod", "poss", "pobj")]
            return bool(heads) and all(_unnamed_source(h) for h in heads)
        phrases = [c for c in frame.verb.children if c.dep_ == "nsubj"]
    heads = [h for p in phrases for h in (p, *p.conjuncts)]
    return bool(heads) and all(_unnamed_source(h) for h in heads)


def _unnamed_source(head: Token) -> bool:
    if head.lower_ not in _SOURCE_NOUNS:
        return False
    for child in head.children:
        if child.dep_ in ("det", "amod", "relcl", "acl", "cc", "conj", "punct", "nummod"):
            continue
        if child.dep_ == "compound" and (child.pos_ == "NOUN" or child.ent_type_ in ("NORP", "GPE")):
            continue  # "security sources", "army officers", "Somali army officers"
        if child.dep_ == "prep" and child.lower_ == "in":
            continue  # "officials in Mogadishu"
        return False
    return not any(c.dep_ == "amod" and c.pos_ == "PROPN" and c.ent_type_ not in ("NORP", "GPE")
                   for c in head.children)


def said_of_another(verb: Token, frame: SpeechFrame | None, own: list[ActorRef], index: MentionIndex) -> bool:
    """"The Kremlin said Ukraine had rejected the proposal": a verb with a subject of its own in
    what a speaker reports says what that subject did; the speaker is no party to it, unless on
    the subject's side ("Russian President Putin said Russia supports the proposal")."""
    if verb.pos_ != "VERB" or frame is None or frame.kind != "say" or frame.verb is None or frame.verb.i == verb.i \
            or not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return not {index.sides.get(a.key, a.key) for a in own} & speaker_sides(frame, index)
