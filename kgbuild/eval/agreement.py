"""Inter-annotator agreement: one gold file scored against another with the scorer's own rules.

:func:`as_prediction` reads a gold file as if a system had extracted it (its entities are the
actors, its required events the events); :func:`agreement` scores annotator B against A and A
against B, pairing files by article id. The mean of the two F1s is the agreement of each part:
the ceiling any extractor can be held to (GUIDELINES, "Checking a gold file").

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> doc = {"id": "a1"}
>>> ents = [{"id": "R", "label": "rebels", "type": ["ArmedGroup"]}, {"id": "T", "label": "troops", "type": ["SecurityForce"]}]
>>> ev = {"id": "e1", "type": ["Attack"], "agent": ["R"], "target": ["T"], "date": None, "place": None}
>>> _ = (folder / "a.json").write_text(json.dumps({"doc": doc, "entities": ents, "events": [ev]}))
>>> _ = (folder / "b.json").write_text(json.dumps({"doc": doc, "entities": ents[:1], "events": []}))
>>> result = agreement([folder / "a.json"], [folder / "b.json"])
>>> result.mean_f1("entities"), result.mean_f1("events")
(0.6666666666666666, None)
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalError
from .extract import ActorInfo, ArticlePrediction, ExtractedClaim, ExtractedEvent, ExtractedRelation
from .gold import GoldFile, gold_paths, load_gold
from .report import EvalReport
from .score import score_article

__all__ = ["as_prediction", "agreement", "Agreement"]


def as_prediction(gold: GoldFile) -> ArticlePrediction:
    """``gold`` read as a system's output for its article (required events only)."""
    actors = {e.id: ActorInfo(iri=e.id, labels=[e.label], aliases=list(e.aliases),
                              qids={e.wikidata} if e.wikidata else set(), classes=list(e.types[:1]))
              for e in gold.entities}
    relations = [ExtractedRelation(r.subject, r.predicate, r.object, "doc", (r.evidence,)) for r in gold.relations]
    events = {e.id: ExtractedEvent(iri=e.id, classes=list(e.types[:1]), agents=set(e.agent), targets=set(e.target),
                                   dates={e.date} if e.date else set(), places={e.place} if e.place else set(),
                                   modes={e.mode} if e.mode else set(), evidence=[e.evidence])
              for e in gold.events if not e.optional}
    claims = [ExtractedClaim(iri=f"claim{i}", sources=set(c.sources[:1]), subject=c.subject, predicate=c.predicate,
                             object=c.object, evidence=[c.evidence]) for i, c in enumerate(gold.claims)]
    return ArticlePrediction(article_id=gold.doc.id, present=True, actors=actors, relations=relations,
                             events=events, claims=claims)


@dataclass
class Agreement:
    """B scored against A (``b_vs_a``) and A against B (``a_vs_b``)."""

    b_vs_a: EvalReport
    a_vs_b: EvalReport

    def mean_f1(self, part: str) -> float | None:
        values = [r.totals().prf(part)[2] for r in (self.b_vs_a, self.a_vs_b)]
        known = [v for v in values if v is not None]
        return sum(known) / len(known) if known else None

    def to_json(self) -> dict[str, object]:
        parts = ("entities", "relations", "events", "claims")
        return {"files": len(self.b_vs_a.files),
                "mean_f1": {p: self.mean_f1(p) for p in parts},
                "b_vs_a": self.b_vs_a.to_json(), "a_vs_b": self.a_vs_b.to_json()}


def agreement(first: Sequence[Path | str], second: Sequence[Path | str]) -> Agreement:
    """Agreement of two annotations of the same articles (files or folders, paired by doc id).

    :raises EvalError: a file is malformed, or no article is annotated in both.
    """
    a = {g.doc.id: g for g in map(load_gold, gold_paths(first))}
    b = {g.doc.id: g for g in map(load_gold, gold_paths(second))}
    shared = sorted(set(a) & set(b))
    if not shared:
        raise EvalError("no article is annotated in both sets of gold files")
    b_vs_a = EvalReport(files=[score_article(a[i], as_prediction(b[i])) for i in shared])
    a_vs_b = EvalReport(files=[score_article(b[i], as_prediction(a[i])) for i in shared])
    return Agreement(b_vs_a, a_vs_b)

