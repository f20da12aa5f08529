"""Role candidates: the actors that may be an event's agent or target, for the role model to score.

Everyone named in the trigger's sentence, pronouns resolved to their antecedents, the speaker
who reports the event, the doers of an earlier event the trigger's object refers back to
("condemned the attack"), and the actors of the two sentences before.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from spacy.tokens import Span, Token

from ..vocabulary import ActorClass, EventClass
from .features import RoleCandidate
from .items import ActorRef
from .lexicon import Lexicon
from .mentions import MentionIndex
from .nouns import backer_of_another, flag_of_a_thing
from .roles import verb_agents
from .speech import REPORTING_VERBS, SpeechFrame

__all__ = ["Told", "role_candidates", "referents"]

_PRONOUN_FORMS = frozenset({"he", "she", "they", "it", "its", "their", "his", "her", "them", "him", "we", "our"})


#: Nouns that name, without saying which, a deed told before ("criticized the decision", "this move")
_DEED_NOUNS = frozenset({"decision", "move", "measure", "step", "action", "ruling", "verdict", "policy", "ban", "order",
                         "incident", "episode", "act", "behavior", "behaviour", "conduct", "provocation", "use"})
#: nouns for firing weapons, which name the deed told before with a verb of firing ("fired ballistic
#: missiles ... condemned the launches"), and those verbs
_WEAPON_NOUNS = frozenset({"launch", "test", "firing", "test-firing"})
_FIRING_VERBS = frozenset({"fire", "launch", "test", "test-fire"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their"})
#: the classes of force: a noun of one names a deed told as the other ("dispersed protesters ... the crackdown")
_FORCE = frozenset({EventClass.ATTACK.value, EventClass.COERCION.value})
#: Nouns that, definite, name an accusation told before ("denied the charge", "rejected the claims")
_BLAME_NOUNS = frozenset({"charge", "claim", "allegation", "accusation"})
#: Nouns that, definite, name something said before, of whatever class ("rejected the statement as
#: interference", "dismissed the remarks")
_SAID_NOUNS = frozenset({"statement", "remark", "comment", "remarks", "comments", "words", "call", "appeal",
                         "criticism", "message", "announcement"})


class Told(NamedTuple):
    """A trigger candidate told before: its classes, the parse's agents, its word, its sentence."""

    kinds: frozenset[str]
    agents: list[ActorRef]
    lemma: str = ""
    sentence: int = -1
    targets: tuple[ActorRef, ...] = ()  # the parse's targets: who suffered a deed


def _same_word(noun: str, classes: set[str], earlier: Sequence[Told]) -> Told | None:
    """The latest deed told with the same word ("killed soldiers in an attack ... condemned the
    attack": not the army's counterattack told in between), or, where the parse gave that word no
    doers, a deed of its class in its sentence that has them (the two mentions of one event)."""
    told = next((t for t in reversed(earlier) if t.lemma == noun), None)
    if told is None or told.agents:
        return told
    return next((t for t in earlier if t.sentence == told.sentence and t.agents and t.kinds & told.kinds & classes),
                told)


def referents(trigger: Token, lex: Lexicon, earlier: Sequence[Told],
              index: MentionIndex | None = None) -> list[tuple[ActorRef, Token]]:
    """"denied the request", "condemned the attack", "criticized the decision": the object names
    an event told before (the latest told with that word, else an earlier trigger candidate of that
    class, or a deed of any class for a word that names no kind of deed); its agents are candidates
    (usually the target of the reaction). With the ``index``, also the doers of a verb told before
    that the object's noun names ("extended his term ... denounced the extension")."""
    return [(a, noun) for noun, doers, _victims in _referred(trigger, lex, earlier, index) for a in doers]


def referred_victims(trigger: Token, lex: Lexicon, earlier: Sequence[Told]) -> list[ActorRef]:
    """Who suffered the deed told before that the trigger's object names (:func:`referents`):
    "Jihadists attacked a camp, killing 10 soldiers ... ECOWAS condemned the attack": the
    soldiers' army, whom the condemnation is not aimed at."""
    return [v for _noun, _doers, victims in _referred(trigger, lex, earlier, None) for v in victims]


def _referred(trigger: Token, lex: Lexicon, earlier: Sequence[Told], index: MentionIndex | None
              ) -> list[tuple[Token, list[ActorRef], tuple[ActorRef, ...]]]:
    """Each noun of the trigger's object that names an event told before, with its doers and victims."""
    found: list[tuple[Token, list[ActorRef], tuple[ActorRef, ...]]] = []
    # "accused X of Y, a charge the government denies": the blame noun the refusal's clause is on
    summing = [trigger.head] if trigger.dep_ == "relcl" and trigger.head.lemma_.lower() in _BLAME_NOUNS \
        and trigger.head.dep_ in ("npadvmod", "appos", "dobj") and trigger.head.head.i < trigger.head.i else []
    for child in (*trigger.children, *summing):
        nouns = [child] if child.dep_ in ("dobj", "nsubjpass") or child in summing else \
            [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else []
        for noun in nouns:
            if noun.pos_ not in ("NOUN", "PROPN"):
                continue
            classes = set(lex.noun_index.get(noun.lemma_.lower(), ()))
            definite = noun in summing or any(c.dep_ == "det" and c.lower_ in _DEFINITE or c.dep_ == "poss"
                                              for c in noun.children)  # ("Machar's detention")
            if definite and noun.lemma_.lower() in _BLAME_NOUNS:
                classes.add(EventClass.ACCUSATION.value)
            deed = noun.lemma_.lower() in _DEED_NOUNS and definite
            said = noun.lemma_.lower() in _SAID_NOUNS and definite
            told = _same_word(noun.lemma_.lower(), classes, earlier) if definite and classes else None
            if told is None and definite and noun.lemma_.lower() in _WEAPON_NOUNS:
                told = next((t for t in reversed(earlier) if t.agents and t.lemma in _FIRING_VERBS), None)
            if told is None or not told.agents:
                told = next((t for t in reversed(earlier) if t.agents and (
                    t.kinds & classes
                    or deed and any(lex.classes[k].kind != "statement" for k in t.kinds)
                    or said and any(lex.classes[k].kind == "statement" for k in t.kinds))), None) \
                    if classes or deed or said else None
            if told is None and _FORCE & classes:  # "condemned the abduction": the attack told before; "the
                # crackdown on protesters": the dispersal of those it names (not "condemned the killings" after
                # an arrest of suspects: the police's)
                victims = {a.key for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                           for a in (index.in_phrase(g) if index is not None else ())}
                told = next((t for t in reversed(earlier) if t.agents and t.kinds & _FORCE and (
                    EventClass.COERCION.value in classes or not t.kinds & {EventClass.COERCION.value} - classes
                    or victims & {v.key for v in t.targets})), None)
            made = _charge_makers(noun, index) if noun in summing and index is not None else []
            if made:  # "the opposition said ..., a charge the ministry denied": the charge its clause tells
                told = None
            prior = made or (told.agents if told is not None else None)
            if prior is None and definite and index is not None:
                prior = _doers_of_the_verb_named(noun, index)
            if not prior and definite and index is not None and EventClass.PROTEST.value in classes:
                prior = _protesters_named(noun, index)  # "police dispersed protesters ... called the protests"
            if prior:
                found.append((noun, prior, told.targets if told is not None else ()))
    return found


_NOMINAL_ENDINGS = ("sion", "tion", "ment", "al", "ure", "ance", "ence", "ing")


def nominalises(noun: str, verb: str) -> bool:
    """Whether the noun names the act of the verb ("extension" of "extend", "removal" of "remove").

    >>> nominalises("extension", "extend"), nominalises("removal", "remove"), nominalises("deployment", "deploy")
    (True, True, True)
    >>> nominalises("statement", "state"), nominalises("extension", "exist"), nominalises("government", "go")
    (True, False, False)
    """
    if not noun.endswith(_NOMINAL_ENDINGS):
        return False
    stem = verb[:-1] if verb.endswith("e") else verb
    if len(stem) < 4:
        return False
    size = max(4, len(stem) - 1)
    return noun[:size] == stem[:size]


def _doers_of_the_verb_named(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """"Somalia's president extended his term ... lawmakers denounced the extension": the subjects
    of the latest verb, in this sentence or the two before, whose act the definite noun names."""
    sent = noun.sent
    start = (_sentences_before(sent) or [sent])[0].start
    lemma = noun.lemma_.lower()
    for token in reversed(noun.doc[start:noun.i]):
        if token.pos_ == "VERB" and nominalises(lemma, token.lemma_.lower()):
            return verb_agents(token, index)
    return []


def _charge_makers(charge: Token, index: MentionIndex) -> list[ActorRef]:
    """Who made the charge a clause sums up: the subject of the verb of saying it hangs on ("the
    opposition said demonstrators had been beaten in custody, a charge the ministry denied")."""
    verb = charge.head.head if charge.head.dep_ == "ccomp" else charge.head  # (hung on what is said)
    if verb.lemma_.lower() not in REPORTING_VERBS:
        return []
    return [a for c in verb.children if c.dep_ == "nsubj" for a in index.in_phrase(c)]


#: the people who protest, whom "the protests" refers to when no protest was told as an event
_PROTESTERS = frozenset({"protesters", "demonstrators", "protestors", "marchers"})


def _protesters_named(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """The protesters named last before "the protests" in the article, when no protest was told
    as an event ("police fired tear gas to disperse thousands of protesters ... Ruto called the
    protests 'treasonous'": the protesters)."""
    for mention, _head in reversed(index.in_span(0, noun.idx)):
        if mention.actor.actor_class == ActorClass.GROUP and _PROTESTERS & set(mention.actor.label.lower().split()):
            return [mention.actor]
    return []


def _sentences_before(sent: Span) -> list[Span]:
    """The two sentences before ``sent`` (fewer at the start of the article)."""
    return [s for s in sent.doc[max(0, sent.start - 80):sent.start].sents][-2:] if sent.start else []


def role_candidates(trigger: Token, index: MentionIndex, frame: SpeechFrame | None, *,
                    referents: list[tuple[ActorRef, Token]] = (), described: frozenset[int] = frozenset()
                    ) -> list[RoleCandidate]:
    """Actors that may be the agent or target of the event ``trigger`` reports: the actors named
    in its sentence, pronouns resolved to their antecedents, the speaker who reports it, and the
    doers of an earlier event its object refers to (``referents``); never a name inside what
    someone calls another (``described``: "presented X as 'Iranian forces'")."""
    sent = trigger.sent
    found: list[RoleCandidate] = []
    for mention, head in index.in_span(sent.start_char, sent.end_char):
        if mention.actor.actor_class == ActorClass.PLACE or head.i in described or backer_of_another(head) \
                or flag_of_a_thing(head):
            continue
        how = "nested" if mention.nested and not mention.joint else "mention"  # "the two countries": each a mention
        found.append(RoleCandidate(mention.actor, head, how))
    for token in sent:
        if token.lower_ in _PRONOUN_FORMS and token.pos_ == "PRON" and index.at(token) is None:
            prior = index.previous_subject(token, person=token.lower_ in ("he", "she", "his", "her", "him"))
            if prior is not None:
                found.append(RoleCandidate(prior, token, "pronoun"))
    if frame is not None:
        anchor = frame.verb if frame.verb is not None else trigger
        known = {c.actor.key for c in found}
        found.extend(RoleCandidate(s, anchor, "speaker") for s in frame.speakers if s.key not in known)
    # a referent is one even if named otherwise too (a pronoun read as them): it is a rule target
    found.extend(RoleCandidate(a, noun, "referent") for a, noun in referents)
    known = {c.actor.key for c in found}
    for span in reversed(_sentences_before(sent)):  # the two sentences before: an actor the event may address implicitly
        for mention, head in reversed(index.in_span(span.start_char, span.end_char)):
            if mention.actor.key not in known and mention.actor.actor_class != ActorClass.PLACE \
                    and head.i not in described and not backer_of_another(head) and not flag_of_a_thing(head):
                known.add(mention.actor.key)
                found.append(RoleCandidate(mention.actor, head, "context"))
    return found
