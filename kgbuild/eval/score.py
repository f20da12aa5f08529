"""Scoring one article's predictions against its gold file (``docs/gold-format.md``).

>>> closure({("a", "partOf", "b"), ("b", "ofState", "S")}) >= {("a", "ofState", "S")}
True
>>> sorted(closure({("p", "leaderOf", "o")}))
[('p', 'leaderOf', 'o'), ('p', 'memberOf', 'o')]
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .align import MATCH_WEIGHT, EntityAlignment, align_entities, max_weight_matching
from .extract import ArticlePrediction, ExtractedEvent
from .gold import GoldEvent, GoldFile

__all__ = [
    "Item", "EntityCounts", "RelationCounts", "EventCounts", "ClaimCounts", "AnswerCounts",
    "FileResult", "AnswerOutcome", "score_article", "closure",
]

Triple = tuple[str, str, str]
#: ``answers(name)`` -> the event IRIs a saved query returns, or an AnswerOutcome explaining
#: why there are none (not evaluated / failed).
AnswerSource = Callable[[str], "list[str] | AnswerOutcome"]


@dataclass(frozen=True, slots=True)
class Item:
    """One missed or wrong thing, for ``--details``."""

    part: str  # entities | relations | events | claims | answers
    kind: str  # missed | wrong | duplicate | wrong type | unscored | claim as fact | ...
    text: str
    evidence: str = ""


@dataclass(slots=True)
class EntityCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    types_right: int = 0
    types_total: int = 0


@dataclass(slots=True)
class RelationCounts:
    """``correct``/``wrong`` count extracted relations, ``found``/``missed`` gold ones."""

    correct: int = 0
    wrong: int = 0
    found: int = 0
    missed: int = 0
    unscored: int = 0
    claims_as_facts: int = 0


@dataclass(slots=True)
class EventCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0
    optional: int = 0  # predictions matching an optional gold event (neither tp nor fp)
    dates_right: int = 0
    dates_total: int = 0
    unsupported_dates: int = 0
    places_right: int = 0
    places_total: int = 0
    unsupported_places: int = 0


@dataclass(slots=True)
class ClaimCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0


@dataclass(slots=True)
class AnswerCounts:
    correct: int = 0
    total: int = 0
    not_evaluated: int = 0


@dataclass(frozen=True, slots=True)
class AnswerOutcome:
    """Why a saved query gave no event list: ``evaluated`` False means "not evaluated"."""

    evaluated: bool
    reason: str


@dataclass(slots=True)
class FileResult:
    """The score of one gold file."""

    path: str
    article_id: str
    present: bool
    scope: frozenset[str]
    entities: EntityCounts = field(default_factory=EntityCounts)
    relations: RelationCounts = field(default_factory=RelationCounts)
    events: EventCounts = field(default_factory=EventCounts)
    claims: ClaimCounts = field(default_factory=ClaimCounts)
    answers: AnswerCounts = field(default_factory=AnswerCounts)
    items: list[Item] = field(default_factory=list)


# -- closure -----------------------------------------------------------------------------------
_COMPOSE = {  # (first, second) -> result, for p1(a, b) and p2(b, c)
    ("partOf", "partOf"): "partOf",
    ("locatedIn", "locatedIn"): "locatedIn",
    ("partOf", "ofState"): "ofState",
    ("memberOf", "partOf"): "memberOf",
    ("memberOf", "ofState"): "memberOf",
}


def closure(triples: Iterable[Triple]) -> set[Triple]:
    """The relations entailed by the ontology's closure rules."""
    out = set(triples)
    out |= {(s, "memberOf", o) for s, p, o in out if p == "leaderOf"}
    while True:
        by_subject: dict[str, list[tuple[str, str]]] = {}
        for s, p, o in out:
            by_subject.setdefault(s, []).append((p, o))
        new = {(s, _COMPOSE[(p1, p2)], c)
               for s, p1, b in out for p2, c in by_subject.get(b, ())
               if (p1, p2) in _COMPOSE} - out
        if not new:
            return out
        out |= new


# -- scoring -------------------------------------------------------------------------------------
def score_article(gold: GoldFile, prediction: ArticlePrediction, *,
                  answers: AnswerSource | None = None) -> FileResult:
    """Score one article. ``answers`` runs a saved query (None: answers not evaluated)."""
    result = FileResult(str(gold.path), gold.doc.id, prediction.present, gold.scope)
    alignment = align_entities(gold, prediction)
    if "entities" in gold.scope:
        _score_entities(gold, prediction, alignment, result)
    if "relations" in gold.scope:
        _score_relations(gold, prediction, alignment, result)
    assignment = _score_events(gold, prediction, alignment, result, count="events" in gold.scope)
    if "claims" in gold.scope:
        _score_claims(gold, prediction, alignment, result)
    if "answers" in gold.scope:
        _score_answers(gold, prediction, assignment, result, answers)
    return result


def _short(prediction: ArticlePrediction, iri: str) -> str:
    actor = prediction.actor(iri)
    return actor.name if actor else iri.rsplit("/", 1)[-1]


def _name(prediction: ArticlePrediction, iri: str) -> str:
    actor = prediction.actor(iri)
    return f"{actor.name} <{iri}>" if actor else f"<{iri}>"


def _score_entities(gold: GoldFile, prediction: ArticlePrediction, alignment: EntityAlignment,
                    result: FileResult) -> None:
    counts, items = result.entities, result.items
    for entity in gold.entities:
        iri = alignment.found.get(entity.id)
        if iri is None:
            counts.fn += 1
            items.append(Item("entities", "missed", f"{entity.id} ({entity.label}, {'|'.join(entity.types)})"))
            continue
        counts.tp += 1
        counts.types_total += 1
        classes = prediction.actors[iri].classes
        if len(classes) == 1 and classes[0] in entity.types:
            counts.types_right += 1
        else:
            items.append(Item("entities", "wrong type",
                              f"{entity.id}: {_name(prediction, iri)} is {'|'.join(classes) or 'untyped'}, "
                              f"gold {'|'.join(entity.types)}"))
    for iri, gold_id in alignment.duplicates.items():
        counts.duplicates += 1
        items.append(Item("entities", "duplicate", f"{_name(prediction, iri)} repeats {gold_id}",
                          "; ".join(prediction.actors[iri].mentions)))
    for iri in alignment.wrong:
        counts.fp += 1
        items.append(Item("entities", "wrong", _name(prediction, iri),
                          "; ".join(prediction.actors[iri].mentions)))


def _score_relations(gold: GoldFile, prediction: ArticlePrediction, alignment: EntityAlignment,
                     result: FileResult) -> None:
    counts, items = result.relations, result.items
    gold_triples = {(r.subject, r.predicate, r.object) for r in gold.relations}
    gold_closure = closure(gold_triples)
    claimed = closure(gold_triples | {(c.subject, c.predicate, c.object) for c in gold.claims}) - gold_closure
    mapped: dict[Triple, list[str]] = {}
    for rel in prediction.relations:
        s, o = alignment.mapping.get(rel.subject), alignment.mapping.get(rel.object)
        where = "KB" if rel.graph == "kb" else "; ".join(rel.evidence)
        if s is None or o is None:
            counts.unscored += 1
            items.append(Item("relations", "unscored",
                              f"{_name(prediction, rel.subject)} {rel.predicate} {_name(prediction, rel.object)}",
                              where))
            continue
        mapped.setdefault((s, rel.predicate, o), []).append(where)
    for triple, evidence in mapped.items():
        if triple in gold_closure:
            counts.correct += 1
            continue
        counts.wrong += 1
        kind = "wrong"
        if triple in claimed:
            counts.claims_as_facts += 1
            kind = "claim as fact"
        items.append(Item("relations", kind, " ".join(triple), "; ".join(e for e in evidence if e)))
    extracted_closure = closure(mapped)
    for rel in gold.relations:
        if (rel.subject, rel.predicate, rel.object) in extracted_closure:
            counts.found += 1
        else:
            counts.missed += 1
            items.append(Item("relations", "missed", f"{rel.subject} {rel.predicate} {rel.object}",
                              rel.evidence))


_WORD = re.compile(r"\w{3,}")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _event_fit(gold_event: GoldEvent, event: ExtractedEvent, alignment: EntityAlignment) -> float:
    """0 when they do not match; else MATCH_WEIGHT plus date, place and evidence agreement."""
    if not set(event.classes) & set(gold_event.types):
        return 0.0
    if gold_event.agent and not alignment.gold_ids(event.agents) & set(gold_event.agent):
        return 0.0
    if gold_event.target and not alignment.gold_ids(event.targets) & set(gold_event.target):
        return 0.0
    places = alignment.gold_ids(event.places)
    date_agrees = gold_event.date in event.dates if gold_event.date else not event.dates
    place_agrees = gold_event.place in places if gold_event.place else not event.places
    gold_words = _words(gold_event.evidence)
    overlap = len(gold_words & _words(" ".join(event.evidence))) / len(gold_words) if gold_words else 0.0
    return MATCH_WEIGHT + date_agrees + place_agrees + overlap


def _score_events(gold: GoldFile, prediction: ArticlePrediction, alignment: EntityAlignment,
                  result: FileResult, *, count: bool) -> dict[str, str]:
    """Assign events; returns extracted event IRI -> gold event id (incl. duplicates, optional)."""
    counts = result.events if count else EventCounts()
    items: list[Item] = result.items if count else []
    events = list(prediction.events.values())
    fits = {(e, g): _event_fit(ge, ev, alignment)
            for e, ev in enumerate(events) for g, ge in enumerate(gold.events)}
    fits = {k: v for k, v in fits.items() if v}
    required = {g for g, ge in enumerate(gold.events) if not ge.optional}
    first = max_weight_matching({k: v for k, v in fits.items() if k[1] in required})
    rest = max_weight_matching({k: v for k, v in fits.items()
                                if k[1] not in required and k[0] not in first})
    mapping: dict[str, str] = {}
    for e, g in first.items():
        mapping[events[e].iri] = gold.events[g].id
        counts.tp += 1
        _score_date_place(gold.events[g], events[e], alignment, counts, items)
    matched = set(first.values())
    for g in sorted(required - matched):
        counts.fn += 1
        ge = gold.events[g]
        items.append(Item("events", "missed", f"{ge.id} {'|'.join(ge.types)} {','.join(ge.agent)} -> "
                          f"{','.join(ge.target)}", ge.evidence))
    for e, event in enumerate(events):
        if e in first:
            continue
        options = {g: v for (row, g), v in fits.items() if row == e}
        optional = {g: v for g, v in options.items() if g not in required}
        repeats = {g: v for g, v in options.items() if g in matched}
        roles = (f"{', '.join(sorted(_short(prediction, a) for a in event.agents)) or '?'} -> "
                 f"{', '.join(sorted(_short(prediction, t) for t in event.targets)) or '-'}")
        label = f"{'|'.join(event.classes)} {roles} <{event.iri}>"
        if e in rest or optional:
            g = rest.get(e, max(optional, key=lambda k: (optional[k], -k)))
            mapping[event.iri] = gold.events[g].id
            counts.optional += 1
        elif repeats:
            g = max(repeats, key=lambda k: (repeats[k], -k))
            mapping[event.iri] = gold.events[g].id
            counts.duplicates += 1
            counts.fp += 1
            items.append(Item("events", "duplicate", f"{label} repeats {gold.events[g].id}",
                              "; ".join(event.evidence)))
        else:
            counts.fp += 1
            items.append(Item("events", "wrong", label, "; ".join(event.evidence)))
    return mapping


def _score_date_place(gold_event: GoldEvent, event: ExtractedEvent, alignment: EntityAlignment,
                      counts: EventCounts, items: list[Item]) -> None:
    given = ", ".join(sorted(event.dates)) or "none"
    if gold_event.date is not None:
        counts.dates_total += 1
        if gold_event.date in event.dates:
            counts.dates_right += 1
        else:
            items.append(Item("events", "wrong date", f"{gold_event.id}: {given}, gold {gold_event.date}",
                              gold_event.evidence))
    elif event.dates:
        counts.unsupported_dates += 1
        items.append(Item("events", "unsupported date", f"{gold_event.id}: {given}", gold_event.evidence))
    places = alignment.gold_ids(event.places)
    shown = ", ".join(sorted(places)) or ("unaligned" if event.places else "none")
    if gold_event.place is not None:
        counts.places_total += 1
        if gold_event.place in places:
            counts.places_right += 1
        else:
            items.append(Item("events", "wrong place", f"{gold_event.id}: {shown}, gold {gold_event.place}",
                              gold_event.evidence))
    elif event.places:
        counts.unsupported_places += 1
        items.append(Item("events", "unsupported place", f"{gold_event.id}: {shown}", gold_event.evidence))


def _score_claims(gold: GoldFile, prediction: ArticlePrediction, alignment: EntityAlignment,
                  result: FileResult) -> None:
    counts, items = result.claims, result.items
    mapped: dict[tuple[frozenset[str], str, str, str], list[str]] = {}
    for claim in prediction.claims:
        m = alignment.mapping
        key = (frozenset(m.get(s, s) for s in claim.sources), m.get(claim.subject or "", claim.subject or "?"),
               claim.predicate or "?", m.get(claim.object or "", claim.object or "?"))
        mapped.setdefault(key, []).extend(claim.evidence)
    keys = list(mapped)
    weights = {(k, g): 1.0 for k, (sources, s, p, o) in enumerate(keys)
               for g, gc in enumerate(gold.claims)
               if sources & set(gc.sources) and (s, p, o) == (gc.subject, gc.predicate, gc.object)}
    matching = max_weight_matching(weights)
    counts.tp = len(matching)
    for k, (sources, s, p, o) in enumerate(keys):
        if k not in matching:
            counts.fp += 1
            items.append(Item("claims", "wrong", f"{'|'.join(sorted(sources)) or '?'} says {s} {p} {o}",
                              "; ".join(mapped[keys[k]])))
    matched = set(matching.values())
    for g, gc in enumerate(gold.claims):
        if g not in matched:
            counts.fn += 1
            items.append(Item("claims", "missed", f"{'|'.join(gc.sources)} says {gc.subject} "
                              f"{gc.predicate} {gc.object}", gc.evidence))


def _score_answers(gold: GoldFile, prediction: ArticlePrediction, assignment: dict[str, str],
                   result: FileResult, answers: AnswerSource | None) -> None:
    counts, items = result.answers, result.items
    optional = {e.id for e in gold.events if e.optional}
    fused: dict[str, set[str]] = {}
    for event in prediction.events.values():
        for target in event.fused_into:
            fused.setdefault(target, set()).add(event.iri)
    for name, expected in gold.answers.items():
        outcome = answers(name) if answers is not None else AnswerOutcome(False, "no query runner")
        if isinstance(outcome, AnswerOutcome) and not outcome.evaluated:
            counts.not_evaluated += 1
            items.append(Item("answers", "not evaluated", name, outcome.reason))
            continue
        counts.total += 1
        if isinstance(outcome, AnswerOutcome):
            items.append(Item("answers", "wrong", name, f"query failed: {outcome.reason}"))
            continue
        returned: set[str] = set()
        for iri in outcome:
            if iri in prediction.events:
                returned.add(iri)
            returned |= fused.get(iri, set())
        got = {assignment.get(iri) for iri in returned}
        want = set(expected) - optional
        if None not in got and got - optional == want:
            counts.correct += 1
            continue
        unmatched = sorted(f"<{iri}>" for iri in returned if iri not in assignment)
        shown = sorted(g for g in got if g) + unmatched
        items.append(Item("answers", "wrong", name,
                          f"returned {', '.join(shown) or 'nothing'}; gold {', '.join(expected) or 'nothing'}"))
