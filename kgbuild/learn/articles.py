"""The articles a set of gold files annotates, read with kgbuild's own readers.

>>> gold_articles([], inputs=[])
({}, [])
"""
from __future__ import annotations

from collections.abc import Sequence

from ..eval.gold import GoldFile
from ..ingest import Article, InputFailure, read_inputs

__all__ = ["gold_articles"]


def gold_articles(golds: Sequence[GoldFile], *, inputs: Sequence[str] = ()) -> tuple[dict[str, Article], list[str]]:
    """Articles by id for ``golds``: read from ``inputs`` when given, else from each gold file's
    ``doc.file`` (relative to the gold file). Returns the articles found and one line per
    gold file whose article could not be read."""
    wanted = {g.doc.id for g in golds}
    sources = list(inputs) or sorted({str((g.path.parent / g.doc.file).resolve()) for g in golds if g.doc.file})
    found: dict[str, Article] = {}
    problems: list[str] = []
    for result in read_inputs(sources):
        if isinstance(result, InputFailure):
            problems.append(str(result))
        elif result.id in wanted:
            found[result.id] = result
    for g in golds:
        if g.doc.id not in found:
            where = ", ".join(inputs) if inputs else (g.doc.file or "no doc.file")
            problems.append(f"{g.path}: article {g.doc.id!r} not found in {where}")
    return found, problems
