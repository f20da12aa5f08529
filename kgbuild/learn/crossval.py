"""K-fold cross-validation of ``kgbuild train``: how the learned extractor does on articles it
was not trained on, using only the training gold.

The gold files are split into ``folds`` groups by article id (deterministically); for each
group a model is trained on the other groups, the group's articles are built into a temporary
store with that model, and scored with :func:`kgbuild.eval.evaluate`. The report is the micro
average over every held-out file: an honest estimate for tuning, without touching a test split.
With ``fold_models`` the fold models are kept and reused, so a change of the rules is measured
against the same models (refitting them moves the figures by itself: docs/quality.md).
"""
from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..config import Config
from ..errors import TrainError
from ..eval.report import EvalReport

__all__ = ["cross_validate", "assign_folds"]


def assign_folds(article_ids: Sequence[str], folds: int) -> dict[str, int]:
    """Article id -> fold: ids ordered by a hash of the id and dealt round-robin, so folds are
    balanced and stable across runs and machines.

    >>> sorted(assign_folds(["a", "b", "c", "d"], 2).values())
    [0, 0, 1, 1]
    """
    ordered = sorted(set(article_ids), key=lambda i: hashlib.sha256(i.encode()).hexdigest())
    return {article_id: n % folds for n, article_id in enumerate(ordered)}


def cross_validate(gold: Sequence[Path | str], *, config: Config, folds: int = 5, articles: Sequence[str] = (),
                   c_trigger: float = 0.5, c_role: float = 0.5, fold_models: Path | None = None) -> EvalReport:
    """Train on all folds but one, score the held-out fold; every fold once.

    :param fold_models: a folder to keep the fold models in. A fold model already there is used
        as it is instead of training a new one, so a later run measures a change of the rules or
        the lexicon by itself, out of sample, without the noise of refitting the models.
    :raises TrainError: a kept fold model was trained on other stories than its fold's.
    """
    from ..build import build
    from ..eval import evaluate
    from ..eval.gold import gold_paths, load_gold
    from ..store import GraphStore
    from . import train
    from .articles import gold_articles

    golds = [load_gold(p) for p in gold_paths(gold)]
    found, _ = gold_articles(golds, inputs=articles)
    fold_of = assign_folds([g.doc.id for g in golds], folds)
    merged = EvalReport(files=[])
    with tempfile.TemporaryDirectory(prefix="kgbuild-cv-") as tmp:
        root = Path(tmp)
        for k in range(folds):
            held = [g for g in golds if fold_of[g.doc.id] == k and g.doc.id in found]
            rest = [g for g in golds if fold_of[g.doc.id] != k]
            if not held or not rest:
                continue
            model = (fold_models or root) / f"fold-{k + 1}-of-{folds}.json"
            if fold_models is not None and model.exists():
                _check_kept(model, trained_on={g.doc.id for g in rest if g.doc.id in found})
            else:
                model.parent.mkdir(parents=True, exist_ok=True)
                train([g.path for g in rest], articles=articles, output=model, model=config.model,
                      kb_folders=config.all_kb_folders, c_trigger=c_trigger, c_role=c_role)
            inputs = root / f"fold-{k}.jsonl"
            with inputs.open("w", encoding="utf-8") as out:
                for g in held:
                    a = found[g.doc.id]
                    record = {"id": a.id, "title": a.title, "text": a.text, "author": a.author,
                              "published": a.published.isoformat() if a.published else None, "url": a.url}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
            store_path = root / f"store-{k}"
            fold_config = replace(config, store=store_path, events_model=model)
            build([str(inputs)], config=fold_config, validate=False)
            with GraphStore.open_read_only(store_path, base=config.base) as store:
                report = evaluate([g.path for g in held], store)
            merged.files.extend(report.files)
            merged.warnings.extend(report.warnings)
    return merged


def _check_kept(model: Path, *, trained_on: set[str]) -> None:
    """A kept fold model must have been trained on exactly the stories outside its fold."""
    try:
        meta = json.loads(model.read_text(encoding="utf-8")).get("meta", {})
    except (OSError, ValueError) as exc:
        raise TrainError(f"{model}: not a readable fold model ({exc})") from exc
    if set(meta.get("trained_on", ())) != trained_on:
        raise TrainError(f"{model}: trained on other stories than this fold's (the gold or the folds changed); "
                         "delete the kept fold models or choose another folder")
