"""Aligning extracted actors with gold entities, and the assignment solver scoring relies on.

An extracted actor aligns with a gold entity when their Wikidata QIDs are equal or their
normalised names meet (``docs/gold-format.md``, "Alignment").

>>> normalise("The U.S.")
'us'
>>> max_weight_matching({(0, 0): 2.0, (0, 1): 3.0, (1, 1): 3.0})
{0: 0, 1: 1}
"""
from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .extract import ActorInfo, ArticlePrediction
from .gold import GoldEntity, GoldFile

__all__ = ["normalise", "name_keys", "max_weight_matching", "EntityAlignment", "align_entities",
           "alignment_strength"]

#: A matched pair is worth this much more than any tie-break bonus, so a maximum-weight
#: matching is always a maximum-cardinality one first.
MATCH_WEIGHT = 1000.0


def normalise(name: str) -> str:
    """Casefold, drop a leading "the" and every character that is not a letter or digit.

    Removing spaces with the punctuation makes "Al-Shabaab", "Al Shabaab" and "AlShabaab" meet.

    >>> normalise("Myanmar’s"), normalise("Al-Shabaab"), normalise("the  Pentagon")
    ('myanmars', 'alshabaab', 'pentagon')
    """
    text = unicodedata.normalize("NFKC", name).casefold().strip()
    words = text.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(ch for ch in " ".join(words) if ch.isalnum())


def name_keys(names: Iterable[str]) -> set[str]:
    """The non-empty normalised forms of ``names``."""
    return {key for key in map(normalise, names) if key}


def alignment_strength(actor: ActorInfo, entity: GoldEntity) -> int:
    """0 when they do not align; otherwise higher for stronger evidence (QID, then label)."""
    qid = entity.wikidata is not None and entity.wikidata in actor.qids
    gold_names = name_keys((entity.label, *entity.aliases))
    meet = bool(name_keys(actor.names) & gold_names)
    if not (qid or meet):
        return 0
    label_meet = bool(name_keys(actor.labels) & {normalise(entity.label)})
    return 1 + 3 * qid + 2 * label_meet


def max_weight_matching(weights: Mapping[tuple[int, int], float]) -> dict[int, int]:
    """One-to-one row -> column assignment maximising the total weight (Hungarian method).

    Only the pairs in ``weights`` (with positive weight) may be matched.
    """
    pairs = {k: w for k, w in weights.items() if w > 0}
    if not pairs:
        return {}
    rows = sorted({r for r, _ in pairs})
    cols = sorted({c for _, c in pairs})
    size = max(len(rows), len(cols))
    top = max(pairs.values())
    # cost[i][j] (1-based) = top - weight, and `top` for pairs that may not match (= unmatched)
    cost = [[0.0] * (size + 1) for _ in range(size + 1)]
    for i in range(1, size + 1):
        for j in range(1, size + 1):
            w = pairs.get((rows[i - 1], cols[j - 1]), 0.0) if i <= len(rows) and j <= len(cols) else 0.0
            cost[i][j] = top - w
    assigned = _hungarian(cost, size)
    out: dict[int, int] = {}
    for j, i in enumerate(assigned):
        if j and i and i <= len(rows) and j <= len(cols) and (rows[i - 1], cols[j - 1]) in pairs:
            out[rows[i - 1]] = cols[j - 1]
    return out


def _hungarian(cost: list[list[float]], n: int) -> list[int]:
    """Minimum-cost perfect assignment on a 1-based n x n matrix; returns column -> row."""
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    p = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            row = cost[i0]
            for j in range(1, n + 1):
                if not used[j]:
                    cur = row[j] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return p


@dataclass(slots=True)
class EntityAlignment:
    """How the extracted actors of one article relate to the gold entities.

    ``mapping`` sends every actor node seen (mentioned or only referenced) that aligns with
    some gold entity to one gold id: the assigned one, or for a duplicate the gold entity it
    repeats, or for a node without a mention its best-aligned entity.
    """

    found: dict[str, str] = field(default_factory=dict)  # gold id -> actor IRI
    duplicates: dict[str, str] = field(default_factory=dict)  # actor IRI -> gold id
    author: list[str] = field(default_factory=list)  # actor IRIs aligned to doc.author
    wrong: list[str] = field(default_factory=list)  # actor IRIs aligned to nothing
    mapping: dict[str, str] = field(default_factory=dict)  # actor IRI -> gold id

    def gold_ids(self, iris: Iterable[str]) -> set[str]:
        return {self.mapping[i] for i in iris if i in self.mapping}


def align_entities(gold: GoldFile, prediction: ArticlePrediction) -> EntityAlignment:
    """Align the article's actors one-to-one with gold entities (most found, strongest first)."""
    result = EntityAlignment()
    actors = list(prediction.actors.values())
    strengths: dict[tuple[int, int], int] = {}
    for a, actor in enumerate(actors):
        for g, entity in enumerate(gold.entities):
            strength = alignment_strength(actor, entity)
            if strength:
                strengths[(a, g)] = strength
    matching = max_weight_matching({k: MATCH_WEIGHT + s for k, s in strengths.items()})
    for a, g in matching.items():
        result.found[gold.entities[g].id] = actors[a].iri
        result.mapping[actors[a].iri] = gold.entities[g].id
    author = name_keys([gold.doc.author]) if gold.doc.author else set()
    for a, actor in enumerate(actors):
        if a in matching:
            continue
        best = _best(a, strengths)
        if best is not None:
            result.duplicates[actor.iri] = gold.entities[best].id
            result.mapping[actor.iri] = gold.entities[best].id
        elif author & name_keys(actor.names):
            result.author.append(actor.iri)
        else:
            result.wrong.append(actor.iri)
    for other in prediction.others.values():
        scores = {(0, g): alignment_strength(other, e) for g, e in enumerate(gold.entities)}
        best = _best(0, {k: s for k, s in scores.items() if s})
        if best is not None:
            result.mapping[other.iri] = gold.entities[best].id
    return result


def _best(row: int, strengths: Mapping[tuple[int, int], int]) -> int | None:
    options = [(s, -g) for (a, g), s in strengths.items() if a == row]
    return -max(options)[1] if options else None
