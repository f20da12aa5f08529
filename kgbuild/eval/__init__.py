"""Scoring a built graph against gold annotations (``docs/gold-format.md``).

:func:`evaluate` reads each gold file, the matching article's predictions out of the store,
and scores them; the CLI (:mod:`kgbuild.eval.cli`) only prints the :class:`EvalReport`.

>>> import json, tempfile, pathlib
>>> from kgbuild.store import GraphStore
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a1.json"
>>> _ = path.write_text(json.dumps({"doc": {"id": "a1"}, "entities": [
...     {"id": "US", "label": "United States", "type": ["State"]}]}))
>>> report = evaluate([path], GraphStore.in_memory(), run_saved_query=lambda name, store: [])
>>> report.to_json()["entities"]["fn"], report.warnings
(1, ['a1: article not in the store; everything in a1.json counts as missed'])
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import KgbuildError, QueryError
from ..store import GraphStore
from .extract import actor_superclasses, extract_article
from .gold import gold_paths as _expand_paths
from .gold import load_gold
from .report import EvalReport
from .score import AnswerOutcome, FileResult, score_article

__all__ = ["evaluate", "EvalReport", "FileResult", "AnswersUnavailable", "default_run_saved_query"]

#: ``run_saved_query(name, store)`` -> the IRIs of the events the saved query returns.
SavedQueryRunner = Callable[[str, GraphStore], Sequence[str]]


class AnswersUnavailable(Exception):
    """Raised by a saved-query runner when queries cannot be run at all (answers not evaluated)."""


def default_run_saved_query(name: str, store: GraphStore) -> list[str]:
    """Run saved query ``name`` with :func:`kgbuild.query.saved.run_saved`; event IRIs out.

    :raises AnswersUnavailable: the saved-queries module is not there (yet).
    """
    try:
        from kgbuild.query import saved  # lazy: written separately, may be missing
    except ModuleNotFoundError as exc:
        if exc.name in ("kgbuild.query", "kgbuild.query.saved"):
            raise AnswersUnavailable("kgbuild.query.saved is not available") from exc
        raise
    run_saved = getattr(saved, "run_saved", None)
    if run_saved is None:
        raise AnswersUnavailable("kgbuild.query.saved has no run_saved()")
    result = run_saved(store, name)
    rows = getattr(result, "rows", result)  # a QueryResult, or plain rows
    iris: list[str] = []
    for row in rows:
        if "event" not in row:
            raise QueryError(f"saved query {name!r} returns no 'event' column")
        if row["event"] is not None:
            iris.append(_event_iri(row["event"]))
    return iris


def _event_iri(value: Any) -> str:
    text = getattr(value, "value", None) or str(value)
    return text[1:-1] if text.startswith("<") and text.endswith(">") else text


def evaluate(gold_paths: Sequence[Path | str], store: GraphStore, *,
             run_saved_query: SavedQueryRunner | None = None) -> EvalReport:
    """Score ``store`` against the gold files (folders expand to their ``*.json``).

    :param run_saved_query: runs one saved query on the whole store; defaults to
        :func:`default_run_saved_query`. Raising :class:`AnswersUnavailable` marks answers
        "not evaluated"; raising a :class:`~kgbuild.errors.KgbuildError` makes that answer wrong.
    :raises EvalError: a gold file is missing or malformed (the message names it).
    """
    runner = run_saved_query or default_run_saved_query
    golds = [load_gold(p) for p in _expand_paths(gold_paths)]
    report = EvalReport(files=[])
    seen: dict[str, Path] = {}
    cache: dict[str, list[str] | AnswerOutcome] = {}
    unavailable: list[str] = []

    def answers(name: str) -> list[str] | AnswerOutcome:
        if unavailable:
            return AnswerOutcome(False, unavailable[0])
        if name not in cache:
            try:
                cache[name] = list(runner(name, store))
            except AnswersUnavailable as exc:
                unavailable.append(str(exc))
                report.warnings.append(f"answers not evaluated: {exc}")
                return AnswerOutcome(False, str(exc))
            except KgbuildError as exc:
                cache[name] = AnswerOutcome(True, str(exc))
                report.warnings.append(f"saved query {name} failed (its answers count as wrong): {exc}")
        return cache[name]

    superclasses = actor_superclasses(store)
    for gold in golds:
        if gold.doc.id in seen:
            report.warnings.append(f"{gold.path}: article {gold.doc.id} is also scored by {seen[gold.doc.id]}")
        seen[gold.doc.id] = gold.path
        prediction = extract_article(store, gold.doc.id, superclasses=superclasses)
        if not prediction.present:
            report.warnings.append(f"{gold.doc.id}: article not in the store; everything in "
                                   f"{gold.path.name} counts as missed")
        report.files.append(score_article(gold, prediction, answers=answers))
    return report
