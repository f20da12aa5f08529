"""The evaluation report: micro-averaged totals, ``--json`` shape, tables and ``--details``.

>>> report = EvalReport(files=[])
>>> report.to_json()["entities"]["precision"] is None, report.to_json()["files"]
(True, 0)
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .score import AnswerCounts, ClaimCounts, EntityCounts, EventCounts, FileResult, RelationCounts

__all__ = ["EvalReport", "Totals", "ratio", "f1", "render"]

_C = TypeVar("_C", EntityCounts, RelationCounts, EventCounts, ClaimCounts, AnswerCounts)


def ratio(num: int, den: int) -> float | None:
    """``num / den``, or None for a zero denominator.

    >>> ratio(2, 3), ratio(0, 0)
    (0.6666666666666666, None)
    """
    return num / den if den else None


def f1(precision: float | None, recall: float | None) -> float | None:
    """The harmonic mean; None when either is undefined.

    >>> f1(1.0, 0.5)
    0.6666666666666666
    """
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _sum(counts: list[_C], cls: type[_C]) -> _C:
    total = cls()
    for c in counts:
        for f in fields(cls):
            setattr(total, f.name, getattr(total, f.name) + getattr(c, f.name))
    return total


@dataclass(slots=True)
class Totals:
    """Counts summed over files (micro-averaging)."""

    entities: EntityCounts
    relations: RelationCounts
    events: EventCounts
    claims: ClaimCounts
    answers: AnswerCounts

    @classmethod
    def of(cls, results: list[FileResult]) -> Totals:
        return cls(_sum([r.entities for r in results], EntityCounts),
                   _sum([r.relations for r in results], RelationCounts),
                   _sum([r.events for r in results], EventCounts),
                   _sum([r.claims for r in results], ClaimCounts),
                   _sum([r.answers for r in results], AnswerCounts))

    def prf(self, part: str) -> tuple[float | None, float | None, float | None]:
        """Unrounded precision, recall and F1 of ``part``."""
        if part == "relations":
            rel = self.relations
            p, r = ratio(rel.correct, rel.correct + rel.wrong), ratio(rel.found, rel.found + rel.missed)
        else:
            c = getattr(self, part)
            p, r = ratio(c.tp, c.tp + c.fp), ratio(c.tp, c.tp + c.fn)
        return p, r, f1(p, r)


@dataclass(slots=True)
class EvalReport:
    """Per-file results of one evaluation run, plus warnings (absent articles, ...)."""

    files: list[FileResult]
    warnings: list[str] = field(default_factory=list)

    def totals(self) -> Totals:
        return Totals.of(self.files)

    def to_json(self) -> dict[str, Any]:
        """The object ``kgbuild eval --json`` prints (``docs/gold-format.md``)."""
        t = self.totals()

        def prf(part: str) -> dict[str, float | None]:
            p, r, f = t.prf(part)
            return {"precision": _r(p), "recall": _r(r), "f1": _r(f)}

        ent, rel, ev, cl = t.entities, t.relations, t.events, t.claims
        return {
            "entities": {**prf("entities"), "tp": ent.tp, "fp": ent.fp, "fn": ent.fn,
                         "duplicates": ent.duplicates,
                         "type_accuracy": _r(ratio(ent.types_right, ent.types_total))},
            "relations": {**prf("relations"), "tp": rel.correct, "fp": rel.wrong, "fn": rel.missed,
                          "unscored": rel.unscored, "claims_as_facts": rel.claims_as_facts},
            "events": {**prf("events"), "tp": ev.tp, "fp": ev.fp, "fn": ev.fn,
                       "duplicates": ev.duplicates,
                       "date_accuracy": _r(ratio(ev.dates_right, ev.dates_total)),
                       "unsupported_dates": ev.unsupported_dates,
                       "place_accuracy": _r(ratio(ev.places_right, ev.places_total))},
            "claims": {**prf("claims"), "tp": cl.tp, "fp": cl.fp, "fn": cl.fn},
            "answers": {"correct": t.answers.correct, "total": t.answers.total},
            "files": len(self.files),
        }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _summary_table(totals: Totals, title: str) -> Table:
    table = Table(title=title, title_justify="left")
    for name in ("part", "P", "R", "F1", "tp", "fp", "fn", "notes"):
        table.add_column(name, justify="left" if name in ("part", "notes") else "right")
    ent, rel, ev, cl = totals.entities, totals.relations, totals.events, totals.claims
    notes = {
        "entities": f"duplicates {ent.duplicates}, type accuracy {_fmt(ratio(ent.types_right, ent.types_total))}",
        "relations": f"found {rel.found}, unscored {rel.unscored}, claims as facts {rel.claims_as_facts}",
        "events": (f"duplicates {ev.duplicates}, optional {ev.optional}, "
                   f"date acc {_fmt(ratio(ev.dates_right, ev.dates_total))}, "
                   f"unsupported dates {ev.unsupported_dates}, "
                   f"place acc {_fmt(ratio(ev.places_right, ev.places_total))}"),
        "claims": "",
    }
    counts = {"entities": (ent.tp, ent.fp, ent.fn), "relations": (rel.correct, rel.wrong, rel.missed),
              "events": (ev.tp, ev.fp, ev.fn), "claims": (cl.tp, cl.fp, cl.fn)}
    for part, note in notes.items():
        p, r, f = totals.prf(part)
        table.add_row(part, _fmt(p), _fmt(r), _fmt(f), *map(str, counts[part]), note)
    ans = totals.answers
    extra = f", not evaluated {ans.not_evaluated}" if ans.not_evaluated else ""
    table.add_row("answers", "", "", "", str(ans.correct), "", str(ans.total - ans.correct),
                  f"{ans.correct}/{ans.total} right{extra}")
    return table


def _file_table(report: EvalReport) -> Table:
    table = Table(title="Per file (F1)", title_justify="left")
    for name in ("article", "entities", "relations", "events", "claims", "answers"):
        table.add_column(name, justify="left" if name == "article" else "right")
    for result in report.files:
        t = Totals.of([result])
        cells = [_fmt(t.prf(part)[2]) if part in result.scope else "n/a"
                 for part in ("entities", "relations", "events", "claims")]
        answers = f"{t.answers.correct}/{t.answers.total}" if "answers" in result.scope else "n/a"
        name = result.article_id + ("" if result.present else " (absent)")
        table.add_row(escape(name), *cells, answers)
    return table


def render(report: EvalReport, console: Console, *, details: bool = False) -> None:
    """Print the summary tables (and, with ``details``, every missed and wrong item)."""
    console.print(_summary_table(report.totals(), f"Evaluation over {len(report.files)} gold file(s)"))
    if len(report.files) > 1:
        console.print(_file_table(report))
    if not details:
        return
    for result in report.files:
        console.print()
        console.rule(escape(f"{result.article_id}  ({result.path})"), align="left")
        if not result.items:
            console.print("  nothing missed or wrong")
        for item in result.items:
            line = f"  [bold]{item.part}[/] {item.kind}: {escape(item.text)}"
            if item.evidence:
                line += f"\n      [dim]{escape(item.evidence)}[/]"
            console.print(line, soft_wrap=True)
