"""Learning the extractor from annotated news: ``kgbuild train``.

:func:`train` reads gold annotations (``docs/gold-format.md``) and their articles, runs the
extraction pipeline over the articles collecting every trigger candidate with its features
(:class:`kgbuild.extract.events.TriggerCase`), labels candidates from the gold events
(:mod:`.examples`), fits the trigger and role classifiers with scikit-learn (:mod:`.fit`) and
writes them as one versioned JSON model file (:class:`kgbuild.extract.linear.ModelBundle`).
Training is deterministic: the same gold and articles give the same file, byte for byte.
"""
from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import TrainError
from .articles import gold_articles
from .examples import ArticleExamples, LabelStats, label_article

__all__ = ["train", "TrainReport", "MODEL_VERSION"]

#: Bumped when the features or the file layout change (old files then fail to load cleanly).
MODEL_VERSION = 2


@dataclass
class TrainReport:
    """What :func:`train` did: counts, coverage and where the model went."""

    output: Path
    files: int
    articles: int
    trigger_examples: int
    role_examples: int
    stats: LabelStats
    seconds: float
    digest: str = ""
    warnings: list[str] = field(default_factory=list)
    thresholds: dict[str, float] = field(default_factory=dict)


def train(gold: Sequence[Path | str], *, articles: Sequence[str] = (), output: Path | None = None,
          model: str | None = None, kb_folders: Sequence[Path] = (), c_trigger: float = 0.5,
          c_role: float = 0.5) -> TrainReport:
    """Fit the event models from ``gold`` files (folders expand) and write them to ``output``
    (default: the model file shipped in the package).

    :param articles: inputs holding the articles (``.jsonl``, folders, ...); by default each
        gold file's ``doc.file``.
    :raises TrainError: no gold article could be read, or there is nothing to learn from.
    :raises EvalError: a gold file is malformed.
    """
    from ..config import DEFAULT_MODEL
    from ..eval.gold import gold_paths, load_gold
    from ..extract import Extractor
    from ..extract.linear import ModelBundle, default_model_path
    from .fit import fit_bundle_parts

    started = time.perf_counter()
    golds = [load_gold(p) for p in gold_paths(gold)]
    found, warnings = gold_articles(golds, inputs=articles)
    usable = [g for g in golds if g.doc.id in found]
    if not usable:
        raise TrainError("no gold file's article could be read: " + "; ".join(warnings[:3]))
    examples: list[ArticleExamples] = []
    stats = LabelStats()
    with tempfile.TemporaryDirectory(prefix="kgbuild-train-") as tmp:
        blank = Path(tmp) / "untrained.json"
        _untrained().write(blank)
        extractor = Extractor(model=model or DEFAULT_MODEL, kb_folders=kb_folders, events_model=blank)
        for g in usable:
            article = found[g.doc.id]
            doc = extractor.make_doc(article)
            doc._.kgbuild_cases = []
            doc = extractor.nlp(doc)
            triggers, roles = label_article(g, article.text, doc._.kgbuild_cases, doc._.kgbuild_extraction.mentions,
                                            stats=stats)
            examples.append(ArticleExamples(g.doc.id, triggers, roles))
    detector, classifier, role, thresholds = fit_bundle_parts(examples, c_trigger=c_trigger, c_role=c_role)
    digest = hashlib.sha256()
    for g in sorted(usable, key=lambda g: g.doc.id):
        digest.update(g.path.read_bytes())
    n_triggers = sum(len(e.triggers) for e in examples)
    n_roles = sum(len(e.roles) for e in examples)
    meta = {"trained_on": sorted(g.doc.id for g in usable), "gold_digest": digest.hexdigest(),
            "trigger_examples": n_triggers, "role_examples": n_roles,
            "c_trigger": c_trigger, "c_role": c_role, **_versions()}
    bundle = ModelBundle(version=MODEL_VERSION, detector=detector, classifier=classifier, role=role,
                         thresholds=thresholds, meta=meta, digest="")
    target = Path(output) if output else default_model_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    bundle.write(target)
    return TrainReport(output=target, files=len(golds), articles=len(usable), trigger_examples=n_triggers,
                       role_examples=n_roles, stats=stats, seconds=time.perf_counter() - started,
                       digest=hashlib.sha256(target.read_bytes()).hexdigest(), warnings=warnings,
                       thresholds=dict(thresholds))


def _untrained():  # noqa: ANN202 - a ModelBundle
    """A bundle that calls nothing an event (used while collecting training candidates)."""
    from ..extract.linear import LinearModel, ModelBundle

    never = LinearModel(name="detector", labels=("none",), bias={"none": 0.0}, weights={})
    nobody = LinearModel(name="role", labels=("none",), bias={"none": 0.0}, weights={})
    return ModelBundle(version=MODEL_VERSION, detector=never, classifier=never, role=nobody,
                       thresholds={"event": 1.0}, meta={}, digest="")


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for dist in ("kgbuild", "scikit-learn", "spacy"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = "?"
    return out
