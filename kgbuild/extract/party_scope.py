"""Where in its sentence an event's party may be named: who the role model adds as an agent or a
target must not be named only inside another party's own name, only in a clause of time, reason
or condition, only in what the trigger governs or in a clause describing someone (for an agent)
or only in the reason it gives (for a target); who condemns a deed took no part in it; no one of
the state on the other side joins a side; parties named before join an agreement or a meeting
only where the sentence names no two sides. A state is never on both sides of a directed event
(:func:`one_side_each`).

The parse's own roles (``rule_agents``, ``rule_targets``) always stay.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from ..vocabulary import EventClass
from .deeds import condemned
from .items import ActorRef, MentionItem
from .mentions import MentionIndex
from .roles import subordinate
from .triggers import governing_verb

__all__ = ["one_side_each", "parties_in_scope"]


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
        if rule_agents:  # "the UAE, which has been accused of arming the RSF, called for ...": not the RSF
            agents = _not_only_within(agents, ruled_agents, _descriptions(trigger), named)
        if rule_targets:  # "criticized the AU for its silence on the war in Sudan": the AU, not Sudan
            targets = _not_only_within(targets, ruled_targets, _reasons(trigger), named)
        # "Hamas condemned the strikes and called on Egypt and Qatar to intervene": not Egypt
        targets = _not_only_within(targets, ruled_targets, _conjoined_clauses(trigger), named)
        # "the United States urged Mali to cooperate": no one of Mali's state urges with the US; "the
        # junta expelled the head of the U.N. mission": Mali is not expelled
        agents, targets = _not_of_the_other_side(agents, targets, rule_agents, rule_targets, index,
                                                 spoken=event_class in _SPOKEN)
        if event_class in _SPOKEN:  # "the United Nations Secretary-General condemned ...": not the UN
            targets = _not_only_within(targets, ruled_targets, _speaker_phrase(trigger, agents, index), named)
    ruled = {a.key for a in (*rule_agents, *rule_targets)}
    if not directed and len({index.sides.get(a.key, a.key) for a in (*agents, *targets) if a.key in ruled}) > 1:
        # "signing a port deal with Somaliland": where the parse names two sides, no one of the
        # sentences before takes part ("talks in Stockholm broke down" names none: they may)
        agents, targets = ([a for a in side if a.key in ruled or named.get(a.key)] for side in (agents, targets))
    if trigger.pos_ == "NOUN" and condemned(trigger):  # "Russia condemned the Ukrainian attack on Kursk":
        judges = {a.key for s in trigger.head.children if s.dep_ == "nsubj" for a in index.in_phrase(s)}
        # who condemns took no part in it
        agents, targets = ([a for a in side if a.key in ruled or a.key not in judges] for side in (agents, targets))
    return agents, targets


def _not_of_the_other_side(agents: list[ActorRef], targets: list[ActorRef], rule_agents: Sequence[ActorRef],
                           rule_targets: Sequence[ActorRef], index: MentionIndex, *, spoken: bool
                           ) -> tuple[list[ActorRef], list[ActorRef]]:
    """Drop an agent the parse did not give that belongs to the state of a target it gave (and of
    none of its agents), and a target that is the state (or its government) of an agent it gave,
    or, of what is ``spoken`` (an accusation, a threat), any actor of that state ("Russia warned
    NATO against sending troops": not Russia's forces). A state's people and forces may be acted
    on by their own ("the military removed Bashir and jailed him")."""
    of_agents = {index.state_of(a) for a in rule_agents} - {None}
    of_targets = {index.state_of(t) for t in rule_targets} - {None}
    ruled_agents, ruled_targets = {a.key for a in rule_agents}, {t.key for t in rule_targets}
    agents = [a for a in agents if a.key in ruled_agents or index.state_of(a) not in of_targets - of_agents]
    targets = [t for t in targets if t.key in ruled_targets or t.key not in index.sides and not spoken
               or index.state_of(t) not in of_agents - of_targets]
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


def _conjoined_clauses(trigger: Token) -> set[int]:
    """Tokens of the clauses conjoined with the trigger's own, without those of its own ("Hamas
    condemned the strikes and called on Egypt and Qatar to intervene": the clause of "called")."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None:
        return set()
    found: set[int] = set()
    for other in (c for c in verb.conjuncts if c.pos_ in ("VERB", "AUX")):
        words = {t.i for t in other.subtree}
        if verb.i in words:  # the trigger's clause hangs in the other's: only the other's own words
            words -= {t.i for t in verb.subtree}
        found |= words
    return found


def _conditions(trigger: Token) -> set[int]:
    """Tokens of the clauses on the trigger that say when, why or on what condition ("... if Israel
    continued its offensive", "held them hostage before security forces ended the siege")."""
    return {t.i for c in trigger.subtree if subordinate(c) for t in c.subtree}


#: prepositions of whom or what a deed or stance named by a noun is for or against
_TOWARD = frozenset({"for", "to", "against", "on", "over", "toward", "towards", "at"})


def _complements(trigger: Token) -> set[int]:
    """Tokens of what a verb trigger governs after it: objects, prepositions, clauses; of a noun
    trigger, the phrases of whom or what it is for or against ("support for Ukraine's bid to join
    the EU": not the EU's support)."""
    if trigger.pos_ == "NOUN":
        return {t.i for c in trigger.children if c.i > trigger.i and c.dep_ == "prep" and c.lower_ in _TOWARD
                for t in c.subtree}
    if trigger.pos_ != "VERB":
        return set()
    return {t.i for c in trigger.children if c.i > trigger.i and c.dep_ in (
        "dobj", "dative", "attr", "prep", "xcomp", "ccomp", "advcl", "oprd") for t in c.subtree}


#: events whose subject is who speaks: the speaker's phrase names no one spoken against
_SPOKEN = frozenset({EventClass.ACCUSATION, EventClass.DEMAND, EventClass.REJECTION, EventClass.THREAT})


def _speaker_phrase(trigger: Token, agents: list[ActorRef], index: MentionIndex) -> set[int]:
    """Tokens of a verb trigger's subject phrase where it names the agents, who speak ("The United
    Nations Secretary-General Antonio Guterres condemned ..."; not the doers of a deed a speaker
    reports, who are the accused)."""
    if trigger.pos_ != "VERB":
        return set()
    speaking = {a.key for a in agents}
    return {t.i for c in trigger.children if c.dep_ == "nsubj" and any(a.key in speaking for a in index.in_phrase(c))
            for t in c.subtree}


def _descriptions(trigger: Token) -> set[int]:
    """Tokens of the sentence's relative and participle clauses that do not hold the trigger: what
    they tell of whom they describe is another event ("the shadow administration formed by ousted
    lawmakers called on ...": not the lawmakers)."""
    described = [c for c in trigger.sent if c.dep_ == "relcl" or c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")
                 and not any(m.dep_ == "mark" for m in c.children)]  # (not "the claim that ...")
    return {t.i for c in described if trigger not in c.subtree for t in c.subtree}


def _reasons(trigger: Token) -> set[int]:
    """Tokens of the reason a trigger gives ("criticized X for its silence on Y", "blamed X over Y",
    "solidarity with Denmark over U.S. threats"; a noun's "for" is whom it is for: "support for Kyiv")."""
    reasons = ("for", "over") if trigger.pos_ == "VERB" else ("over",) if trigger.pos_ == "NOUN" else ()
    hosts = [trigger, trigger.head] if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else [trigger]  # the light
    # verb's too ("expressed solidarity with Denmark over U.S. threats")
    return {t.i for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in reasons for t in c.subtree}


def one_side_each(agents: list[ActorRef], targets: list[ActorRef], sides: dict[str, str],
                  strength: Callable[[ActorRef, str], float], *, parsed_agents: frozenset[str] = frozenset(),
                  parsed_targets: frozenset[str] = frozenset()) -> tuple[list[ActorRef], list[ActorRef]]:
    """A state is never on both sides of a directed event. Where a state or its national
    government is among the agents and also among the targets, it stays on the side the parse
    puts it (keys in ``parsed_agents``, ``parsed_targets``: "the US asked Turkey to ..., but
    Ankara refused" keeps Ankara the refuser); else it leaves the side that has other actors
    ("the U.S. accusations against Iran" read with the Iranian government, the sentence's subject,
    as a second agent: the government goes); when both or neither have, the side where it is
    less likely (``strength(actor, role)``).

    >>> iran = ActorRef("kb:IRN", "State", "Iran")
    >>> gov = ActorRef("kb:irn-gov", "GovernmentBody", "Iranian government")
    >>> us = ActorRef("kb:USA", "State", "United States")
    >>> sides = {iran.key: "kb:IRN", gov.key: "kb:IRN", us.key: "kb:USA"}
    >>> p = {("kb:irn-gov", "agent"): 0.9, ("kb:IRN", "target"): 0.4, ("kb:USA", "agent"): 0.6}
    >>> a, t = one_side_each([gov, us], [iran], sides, lambda x, role: p.get((x.key, role), 0.0))
    >>> [x.label for x in a], [x.label for x in t]
    (['United States'], ['Iran'])
    >>> a, t = one_side_each([gov], [iran], sides, lambda x, role: p.get((x.key, role), 0.0))
    >>> [x.label for x in a], [x.label for x in t]
    (['Iranian government'], [])
    """
    for state in sorted({sides[a.key] for a in agents if a.key in sides} & {sides[t.key] for t in targets
                                                                             if t.key in sides}):
        acting = [a for a in agents if sides.get(a.key) == state]
        acted_on = [t for t in targets if sides.get(t.key) == state]
        other_agents, other_targets = len(agents) > len(acting), len(targets) > len(acted_on)
        by_parse = (any(a.key in parsed_agents for a in acting), any(t.key in parsed_targets for t in acted_on))
        if by_parse[0] != by_parse[1]:
            keep_agents = by_parse[0]
        elif other_agents != other_targets:
            keep_agents = not other_agents
        else:
            keep_agents = max(strength(a, "agent") for a in acting) >= max(strength(t, "target") for t in acted_on)
        if keep_agents:
            targets = [t for t in targets if sides.get(t.key) != state]
        else:
            agents = [a for a in agents if sides.get(a.key) != state]
    return agents, targets
