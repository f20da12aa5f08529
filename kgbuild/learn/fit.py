"""Fitting one linear model with scikit-learn and exporting it as a :class:`LinearModel`.

Multinomial logistic regression (L2, lbfgs) over binary string features: deterministic for the
same examples, a few seconds for tens of thousands of them. scikit-learn is needed only here;
using a model needs only :mod:`kgbuild.extract.linear`.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..errors import TrainError
from ..extract.linear import LinearModel
from .examples import ArticleExamples, RoleExample

__all__ = ["fit_linear", "fit_bundle_parts"]


def fit_linear(name: str, features: Sequence[Sequence[str]], labels: Sequence[str], *, c: float = 0.5,
               min_count: int = 1) -> LinearModel:
    """Fit and export. Features seen fewer than ``min_count`` times are dropped.

    >>> model = fit_linear("demo", [["a"], ["a"], ["b"], ["b"]], ["x", "x", "y", "y"], c=10.0)
    >>> model.predict(["a"])[0], model.predict(["b"])[0]
    ('x', 'y')
    """
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ModuleNotFoundError as exc:  # pragma: no cover - scikit-learn is a dependency
        raise TrainError("kgbuild train needs scikit-learn (pip install scikit-learn)") from exc
    from collections import Counter

    counts = Counter(f for row in features for f in set(row))
    rows = [{f: 1.0 for f in row if counts[f] >= min_count} for row in features]
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform(rows)
    classes = sorted(set(labels))
    if len(classes) < 2:
        raise TrainError(f"{name}: only one label ({classes[0] if classes else 'none'}) in the examples")
    model = LogisticRegression(C=c, max_iter=3000, solver="lbfgs")
    model.fit(matrix, list(labels))
    names = vectorizer.get_feature_names_out()
    learned = [str(c) for c in model.classes_]
    if len(learned) == 2:  # a binary model has one row: score(second) = w.x + b, score(first) = 0
        coef = [[0.0] * len(names), list(model.coef_[0])]
        intercept = [0.0, float(model.intercept_[0])]
    else:
        coef = [list(row) for row in model.coef_]
        intercept = [float(b) for b in model.intercept_]
    weights: dict[str, dict[str, float]] = {}
    for j, feature in enumerate(names):
        row = {label: round(float(coef[k][j]), 5) for k, label in enumerate(learned) if abs(coef[k][j]) >= 1e-5}
        if row:
            weights[str(feature)] = row
    bias = {label: round(intercept[k], 5) for k, label in enumerate(learned)}
    return LinearModel(name=name, labels=tuple(learned), bias=bias, weights=weights,
                       meta={"examples": len(labels), "features": len(names),
                             "label_counts": dict(sorted(Counter(labels).items()))})


def _folds(examples: Sequence[ArticleExamples], k: int) -> list[int]:
    from .crossval import assign_folds

    folds = assign_folds([e.article_id for e in examples], k)
    return [folds[e.article_id] for e in examples]


def _best_threshold(scores: Sequence[float], positives: Sequence[bool], *, total: int | None = None) -> float:
    """The threshold on ``scores`` that maximises F1 of ``positives`` (0.5 when none is positive):
    with many scores, the median of the F1-maximising thresholds of resamples drawn with
    replacement (seeded: training stays deterministic), so that two relabelled examples do not
    move it from one near-equal step of the curve to another.

    ``total`` is the number of items that should be found when it is more than the positives:
    a detected event whose class or roles the models get wrong is a positive of the detector
    but no event the user can count on, so the event threshold counts it as a miss and a false
    alarm.

    >>> _best_threshold([0.9, 0.6, 0.3], [True, True, False])
    0.6
    >>> _best_threshold([0.9, 0.6, 0.3], [True, False, False], total=2)
    0.9
    """
    total = sum(positives) if total is None else total
    if not total:
        return 0.5
    if len(scores) < _BOOTSTRAP_MIN:
        return _clipped(_argmax_threshold(scores, positives, total))
    # the F1 curve of a few thousand out-of-fold scores is a noisy step function whose highest
    # step moves when two examples change; the median of the best thresholds of resamples does not
    import numpy

    rng = numpy.random.default_rng(0)
    score_array, positive_array = numpy.asarray(scores, dtype=float), numpy.asarray(positives, dtype=bool)
    share = total / max(1, int(positive_array.sum()))
    picks = []
    for _ in range(_BOOTSTRAPS):
        drawn = rng.integers(0, len(scores), len(scores))
        drawn_positives = positive_array[drawn]
        picks.append(_argmax_threshold(score_array[drawn].tolist(), drawn_positives.tolist(),
                                       max(1, round(int(drawn_positives.sum()) * share))))
    return _clipped(float(numpy.median(picks)))


def _clipped(threshold: float) -> float:
    return round(max(0.05, min(0.95, threshold)), 4)


#: Below this many scores the threshold is the plain F1 optimum; above, the median over resamples.
_BOOTSTRAP_MIN = 50
_BOOTSTRAPS = 41


def _argmax_threshold(scores: Sequence[float], positives: Sequence[bool], total: int) -> float:
    pairs = sorted(zip(scores, positives), reverse=True)
    best, threshold, tp = 0.0, 0.5, 0
    for n, (score, positive) in enumerate(pairs, start=1):
        tp += positive
        f1 = 2 * tp / (n + total)
        if f1 > best:
            best, threshold = f1, score
    return threshold


def _roles_right(roles: Sequence[RoleExample], probs: Sequence[dict[str, float]]) -> dict[int, bool]:
    """Trigger index -> whether the role model's likeliest agent is a gold agent and, where the
    gold names a reachable target, its likeliest other candidate a gold target."""
    groups: dict[int, list[tuple[RoleExample, dict[str, float]]]] = {}
    for r, p in zip(roles, probs):
        groups.setdefault(r.group, []).append((r, p))
    right: dict[int, bool] = {}
    for group, pairs in groups.items():
        agent = max(pairs, key=lambda rp: rp[1].get("agent", 0.0))
        ok = agent[0].label == "agent"
        rest = [rp for rp in pairs if rp is not agent]
        if ok and rest and any(r.label == "target" for r, _ in pairs):
            ok = max(rest, key=lambda rp: rp[1].get("target", 0.0))[0].label == "target"
        right[group] = ok
    return right


def fit_bundle_parts(examples: Sequence[ArticleExamples], *, c_trigger: float, c_role: float, folds: int = 10
                     ) -> tuple[LinearModel, LinearModel, LinearModel, dict[str, float]]:
    """The detector, classifier and role models, and thresholds chosen by ``folds``-fold
    cross-validation over articles (out-of-fold scores, F1-maximising; the event threshold counts
    a detection whose class or roles the out-of-fold models get wrong as a false alarm: such an
    event is no event the user can count on)."""
    triggers = [(t.features, t.label) for e in examples for t in e.triggers]
    events = [(f, label) for f, label in triggers if label != "none"]
    roles = [(r.features, r.label) for e in examples for r in e.roles]
    if len({label != "none" for _, label in triggers}) < 2 or not events or len({label for _, label in roles}) < 2:
        raise TrainError("the gold events give nothing to learn from (need events and non-events, "
                         "agents and non-agents)")
    detector = fit_linear("detector", [f for f, _ in triggers], ["event" if l != "none" else "none" for _, l in triggers],
                          c=c_trigger)
    classes = {label for _, label in events}
    classifier = (fit_linear("classifier", [f for f, _ in events], [l for _, l in events], c=c_trigger)
                  if len(classes) > 1 else
                  LinearModel(name="classifier", labels=tuple(classes), bias={next(iter(classes)): 0.0}, weights={}))
    role = fit_linear("role", [f for f, _ in roles], [l for _, l in roles], c=c_role)
    fold = _folds(examples, folds)
    event_scores: list[float] = []
    event_truth: list[bool] = []
    event_right: list[bool] = []  # an event whose class the out-of-fold classifier also gets right
    agent_scores: list[float] = []
    agent_truth: list[bool] = []
    target_scores: list[float] = []
    target_truth: list[bool] = []
    for k in sorted(set(fold)):
        train_part = [e for e, f in zip(examples, fold) if f != k]
        held = [e for e, f in zip(examples, fold) if f == k]
        t_train = [(t.features, t.label) for e in train_part for t in e.triggers]
        r_train = [(r.features, r.label) for e in train_part for r in e.roles]
        if len({l != "none" for _, l in t_train}) < 2 or len({l for _, l in r_train}) < 2:
            continue
        det = fit_linear("detector", [f for f, _ in t_train], ["event" if l != "none" else "none" for _, l in t_train],
                         c=c_trigger)
        rol = fit_linear("role", [f for f, _ in r_train], [l for _, l in r_train], c=c_role)
        e_train = [(f, l) for f, l in t_train if l != "none"]
        cls = (fit_linear("classifier", [f for f, _ in e_train], [l for _, l in e_train], c=c_trigger)
               if len({l for _, l in e_train}) > 1 else None)
        for e in held:
            role_probs = [rol.scores(r.features) for r in e.roles]
            roles_right = _roles_right(e.roles, role_probs)
            for n, t in enumerate(e.triggers):
                if t.physical:
                    continue  # the grammar decides these in use: the threshold is not theirs
                event_scores.append(det.scores(t.features).get("event", 0.0))
                event_truth.append(t.label != "none")
                event_right.append(t.label != "none" and (cls is None or cls.predict(t.features)[0] == t.label)
                                   and roles_right.get(n, False))
            for r, probs in zip(e.roles, role_probs):
                agent_scores.append(probs.get("agent", 0.0))
                agent_truth.append(r.label == "agent")
                target_scores.append(probs.get("target", 0.0))
                target_truth.append(r.label == "target")
    thresholds = {"event": _best_threshold(event_scores, event_right, total=sum(event_truth)),
                  "agent": _best_threshold(agent_scores, agent_truth),
                  "target": _best_threshold(target_scores, target_truth)}
    return detector, classifier, role, thresholds
