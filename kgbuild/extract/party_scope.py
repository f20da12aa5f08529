"""Where in its sentence an event's party may be named: who the role model adds as an agent or a
target must not be named only inside another party's own name, only in a clause of time, reason
or condition, only in what the trigger governs (for an agent) or only in the reason it gives
(for a target); who condemns a deed took no part in it.

The parse's own roles (``rule_agents``, ``rule_targets``) always stay.
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..vocabulary import EventClass
from .deeds import condemned
from .items import ActorRef, MentionItem
from .mentions import MentionIndex
from .roles import subordinate

__all__ = ["parties_in_scope"]


def parties_in_scope(agents: list[ActorRef], targets: list[ActorRef], *, trigger: Token, event_class: str,
                     directed: bool, clash: bool, rule_agents: Sequence[ActorRef], rule_targets: Sequence[ActorRef],
                     index: MentionIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """The agents and targets of an event without those the sentence names only where no party of
    it stands (``directed``: an event of one side on another; ``clash``: a fight of two sides)."""
    named = _named(index, trigger.sent)
    if directed and targets:  # "a spokeswoman for the Russian foreign ministry dismissed ...": Russia
        targets = _not_inside(targets, agents, named)  # qualifies the speaker
    if directed and not clash:
        ruled_agents, ruled_targets = {a.key for a in rule_agents}, {t.key for t in rule_targets}
        # "threatened to kill the hostages if Israel continued": Israel does not threaten; "held
        # them hostage before security forces ended the siege": the forces are not held
        conditions = _conditions(trigger)
        agents = _not_only_within(agents, ruled_agents, conditions, named)
        targets = _not_only_within(targets, ruled_targets, conditions, named)
        if rule_agents and event_class != EventClass.DEPLOYMENT:  # (the forces a deployment sends go with it)
            # "the EU welcomed the agreement between Israel and Hezbollah": no one in what the
            # trigger governs acts with its subject
            agents = _not_only_within(agents, ruled_agents, _complements(trigger), named)
        if rule_targets:  # "criticized the AU for its silence on the war in Sudan": the AU, not Sudan
            targets = _not_only_within(targets, ruled_targets, _reasons(trigger), named)
    if trigger.pos_ == "NOUN" and condemned(trigger):  # "Russia condemned the Ukrainian attack on Kursk":
        judges = {a.key for s in trigger.head.children if s.dep_ == "nsubj" for a in index.in_phrase(s)}
        ruled = {a.key for a in (*rule_agents, *rule_targets)}  # who condemns took no part in it
        agents, targets = ([a for a in side if a.key in ruled or a.key not in judges] for side in (agents, targets))
    return agents, targets


def _named(index: MentionIndex, sent: Span) -> dict[str, list[tuple[MentionItem, Token]]]:
    """The sentence's mentions by actor key, with their head tokens."""
    named: dict[str, list[tuple[MentionItem, Token]]] = {}
    for mention, head in index.in_span(sent.start_char, sent.end_char):
        named.setdefault(mention.actor.key, []).append((mention, head))
    return named


def _not_inside(targets: list[ActorRef], agents: list[ActorRef],
                named: dict[str, list[tuple[MentionItem, Token]]]) -> list[ActorRef]:
    """Drop a target named in the sentence only inside an agent's own name."""
    spans = [(m.start, m.end) for a in agents for m, _head in named.get(a.key, ())]

    def inside(m: MentionItem) -> bool:
        return any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)

    return [t for t in targets if not named.get(t.key) or not all(inside(m) for m, _head in named[t.key])]


def _not_only_within(actors: list[ActorRef], ruled: set[str], tokens: set[int],
                     named: dict[str, list[tuple[MentionItem, Token]]]) -> list[ActorRef]:
    """Drop an actor the parse did not give that the sentence names only within ``tokens``."""
    if not tokens:
        return actors
    return [a for a in actors if a.key in ruled or not named.get(a.key)
            or not all(head.i in tokens for _m, head in named[a.key])]


def _conditions(trigger: Token) -> set[int]:
    """Tokens of the clauses on the trigger that say when, why or on what condition ("... if Israel
    continued its offensive", "held them hostage before security forces ended the siege")."""
    return {t.i for c in trigger.subtree if subordinate(c) for t in c.subtree}


def _complements(trigger: Token) -> set[int]:
    """Tokens of what a verb trigger governs after it: objects, prepositions, clauses."""
    if trigger.pos_ != "VERB":
        return set()
    return {t.i for c in trigger.children if c.i > trigger.i and c.dep_ in (
        "dobj", "dative", "attr", "prep", "xcomp", "ccomp", "advcl", "oprd") for t in c.subtree}


def _reasons(trigger: Token) -> set[int]:
    """Tokens of the reason a verb trigger gives ("criticized X for its silence on Y", "blamed X over Y")."""
    if trigger.pos_ != "VERB":
        return set()
    return {t.i for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("for", "over") for t in c.subtree}
