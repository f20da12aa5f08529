"""Training examples from gold annotations: which trigger candidates report which gold event,
and which role candidates are that event's agents and targets.

A gold event's evidence (a substring of the article, ``...`` between pieces) locates it. The
candidates inside its evidence whose lexicon or CAMEO classes include one of its accepted types
report it; when none does, the candidate highest in the parse of the evidence does (so the
model learns triggers the lexicons lack). Candidates inside an optional event's evidence are
left out; every other candidate is a non-event. A role candidate is an agent (target) when its
actor's names align with a gold agent (target), as the scorer aligns them.

>>> locate("attacked ... troops", "Rebels attacked Iraqi troops.")
[(7, 15), (22, 28)]
>>> locate("\u201cwe will respond\u201d", 'He said "we will  respond" today.')
[(8, 26)]
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..eval.align import normalise
from ..eval.gold import GoldEvent, GoldFile
from ..extract.events import TriggerCase
from ..extract.items import MentionItem

__all__ = ["TriggerExample", "RoleExample", "ArticleExamples", "LabelStats", "label_article", "locate"]

_QUOTE_CLASS = "[\"'\u2018\u2019\u201c\u201d]"


@dataclass(frozen=True, slots=True)
class TriggerExample:
    features: list[str]
    label: str  # "none" or an event class
    physical: bool = False  # the grammar decides it in use: no sample of the event threshold


@dataclass(frozen=True, slots=True)
class RoleExample:
    features: list[str]
    label: str  # "none" | "agent" | "target"
    group: int = 0  # the index of its trigger example in the article (one event's candidates share it)
    actor: str = ""  # the candidate actor's key


@dataclass(frozen=True, slots=True)
class ArticleExamples:
    """The examples of one article (kept together, so cross-validation splits by article)."""

    article_id: str
    triggers: list[TriggerExample]
    roles: list[RoleExample]


@dataclass
class LabelStats:
    """How much of the gold the candidates can reach (an upper bound for the extractor)."""

    gold_events: int = 0
    located: int = 0
    with_trigger: int = 0
    by_lexicon: int = 0
    gold_roles: int = 0
    roles_reachable: int = 0
    agent_reachable: int = 0  # events with a trigger whose candidates include a gold agent
    target_needed: int = 0
    target_reachable: int = 0
    missing_agents: list[str] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)
    no_trigger: list[str] = field(default_factory=list)


def _pattern(piece: str) -> str:
    out = []
    for ch in piece.strip():
        if ch in "\"'\u2018\u2019\u201c\u201d":
            out.append(_QUOTE_CLASS)
        elif ch.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def locate(evidence: str, text: str) -> list[tuple[int, int]]:
    """Character spans of each ``...``-separated piece of ``evidence`` in ``text``, in order
    (quotes and spaces compared loosely); ``[]`` when a piece is not found."""
    spans: list[tuple[int, int]] = []
    position = 0
    for piece in (p for p in evidence.split("...") if p.strip()):
        match = re.compile(_pattern(piece)).search(text, position)
        if match is None:
            return []
        spans.append(match.span())
        position = match.end()
    return spans


def _names(gold: GoldFile) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for entity in gold.entities:
        for name in (entity.label, *entity.aliases):
            key = normalise(name)
            if key:
                index.setdefault(key, set()).add(entity.id)
    return index


def _inside(token_start: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= token_start < e for s, e in spans)


def _depth(case: TriggerCase) -> int:
    node, depth = case.candidate.token, 0
    while node.head.i != node.i:
        node, depth = node.head, depth + 1
    return depth


def label_article(gold: GoldFile, text: str, cases: list[TriggerCase], mentions: list[MentionItem], *,
                  stats: LabelStats) -> tuple[list[TriggerExample], list[RoleExample]]:
    """Trigger and role examples of one article."""
    names = _names(gold)
    actor_names: dict[str, set[str]] = {}
    for mention in mentions:
        actor_names.setdefault(mention.actor.key, set()).update({normalise(mention.text), normalise(mention.actor.label)})

    def gold_ids(actor_key: str, label: str) -> set[str]:
        keys = actor_names.get(actor_key, set()) | {normalise(label)}
        return {gid for k in keys for gid in names.get(k, ())}

    assigned: dict[int, GoldEvent] = {}
    ignored: set[int] = set()
    located_events: list[tuple[GoldEvent, list[tuple[int, int]]]] = []
    for event in gold.events:
        spans = locate(event.evidence, text)
        if not event.optional:
            stats.gold_events += 1
            if spans:
                stats.located += 1
            else:
                stats.unlocated.append(f"{gold.doc.id} {event.id}")
        located_events.append((event, spans))
    for event, spans in located_events:
        if not spans:
            continue
        inside = [c for c in cases if _inside(c.candidate.token.idx, spans)]
        if event.optional:
            ignored.update(id(c) for c in inside)
            continue
        for case in cases:  # "the attack" told again elsewhere: the same event, not a non-event
            token = case.candidate.token
            if set(case.candidate.classes) & set(event.types) and token.pos_ == "NOUN" and any(
                    c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                    for c in token.children):
                ignored.add(id(case))
        matching = [c for c in inside if set(c.candidate.classes + c.candidate.cameo) & set(event.types)]
        if matching:
            stats.by_lexicon += 1
        elif inside:
            matching = [min(inside, key=_depth)]
        if not matching:
            stats.no_trigger.append(f"{gold.doc.id} {event.id} {'|'.join(event.types)}: {event.evidence[:70]}")
            continue
        stats.with_trigger += 1
        for case in matching:
            assigned.setdefault(id(case), event)
    triggers: list[TriggerExample] = []
    roles: list[RoleExample] = []
    counted: set[int] = set()
    for case in cases:
        event = assigned.get(id(case))
        if event is None:
            if id(case) not in ignored:
                triggers.append(TriggerExample(case.features, "none", case.physical))
            continue
        label = next((t for t in event.types if t in case.candidate.classes + case.candidate.cameo), event.types[0])
        triggers.append(TriggerExample(case.features, label, case.physical))
        agents, targets = set(event.agent), set(event.target)
        reached: set[str] = set()
        first = id(event) not in counted
        counted.add(id(event))
        for cand, features in case.roles(label):
            ids = gold_ids(cand.actor.key, cand.actor.label)
            if ids & agents:
                role = "agent"
            elif ids & targets:
                role = "target"
            else:
                role = "none"
            reached |= ids & (agents | targets)
            roles.append(RoleExample(features, role, len(triggers) - 1, cand.actor.key))
        stats.gold_roles += len(agents | targets)
        stats.roles_reachable += len(reached)
        if first:
            stats.agent_reachable += bool(reached & agents)
            stats.target_needed += bool(targets)
            stats.target_reachable += bool(reached & targets)
            if not reached & agents:
                stats.missing_agents.append(f"{gold.doc.id} {event.id} {','.join(event.agent)}: {event.evidence[:80]}")
    return triggers, roles
