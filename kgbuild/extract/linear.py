"""Linear classifiers the extractor learned from annotated news (``kgbuild train``).

A model is a JSON file: labels, a bias per label and sparse weights per feature, written by
:mod:`kgbuild.learn` from a scikit-learn logistic regression. Scoring needs no scikit-learn:
a softmax over the summed weights of the features present. Features are strings
(``"lemma=attack"``); a feature the model never saw weighs nothing.

>>> model = LinearModel(name="demo", labels=("none", "agent"), bias={"none": 0.5, "agent": -0.5},
...                     weights={"dep=nsubj": {"agent": 2.0}})
>>> model.predict(["dep=nsubj"])
('agent', 0.7310585786300049)
>>> model.predict(["dep=dobj"])[0]
'none'
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from ..errors import ExtractionError

__all__ = ["LinearModel", "ModelBundle", "FORMAT", "load_bundle"]

FORMAT = "kgbuild-linear-v1"
#: the classifier's share a class the trigger lexicon does not give the word needs to win over those it gives
LEXICON_DEFERENCE = 0.5


@dataclass(frozen=True)
class LinearModel:
    """One multinomial linear classifier over string features."""

    name: str
    labels: tuple[str, ...]
    bias: Mapping[str, float]
    weights: Mapping[str, Mapping[str, float]]
    meta: Mapping[str, Any] = field(default_factory=dict)

    def scores(self, features: Iterable[str], *, partial: Sequence[float] | None = None) -> dict[str, float]:
        """Probability of each label (softmax of the linear scores). ``partial``: the
        :meth:`partial_sums` of further features, added to those of ``features`` (a block of
        features shared by many calls is summed once).

        >>> model = LinearModel(name="demo", labels=("none", "agent"), bias={"none": 0.0, "agent": 0.0},
        ...                     weights={"a": {"agent": 1.0}, "b": {"agent": 2.0}})
        >>> model.scores(["a", "b"]) == model.scores(["a"], partial=model.partial_sums(["b"]))
        True
        """
        labels, bias, _rows = self._rows
        raw = self._summed(features, start=bias)
        if partial is not None:
            raw = [value + extra for value, extra in zip(raw, partial)]
        top = max(raw)
        exp = [math.exp(value - top) for value in raw]
        total = sum(exp)
        return {label: value / total for label, value in zip(labels, exp)}

    def partial_sums(self, features: Iterable[str]) -> tuple[float, ...]:
        """The summed weights of ``features`` per label (in the order of ``bias``), without the bias."""
        return tuple(self._summed(features, start=(0.0,) * len(self.bias)))

    def _summed(self, features: Iterable[str], *, start: Sequence[float]) -> list[float]:
        """``start`` plus the weights of ``features``, per label position, added in feature order."""
        raw = list(start)
        rows = self._rows[2]
        for feature in features:
            row = rows.get(feature)
            if row is not None:
                for label, weight in row:
                    raw[label] += weight
        return raw

    def weight_matrix(self, features: tuple[str, ...]) -> Any:
        """Each feature's weight per label (rows in the order of ``features``, columns in the
        order of ``bias``), a numpy array built once per model and feature tuple.

        >>> model = LinearModel(name="demo", labels=("none", "agent"), bias={"none": 0.0, "agent": 0.0},
        ...                     weights={"a": {"agent": 1.5}})
        >>> model.weight_matrix(("a", "b")).tolist()
        [[0.0, 1.5], [0.0, 0.0]]
        """
        import numpy

        cache = self.__dict__.setdefault("_matrices", {})  # on the model: gone with it
        found = cache.get(features)
        if found is None:
            found = cache[features] = numpy.array([self.partial_sums([f]) for f in features], dtype=numpy.float64)
        return found

    @cached_property
    def _rows(self) -> tuple[tuple[str, ...], tuple[float, ...], dict[str, tuple[tuple[int, float], ...]]]:
        """The weights by label position (the order of ``bias``), for :meth:`scores`: the same
        sums in the same order as reading the mappings, without a dict per feature and label."""
        labels = tuple(self.bias)
        position = {label: n for n, label in enumerate(labels)}
        rows = {feature: tuple((position[label], weight) for label, weight in weights.items())
                for feature, weights in self.weights.items()}
        return labels, tuple(self.bias.values()), rows

    def predict(self, features: Iterable[str]) -> tuple[str, float]:
        """The most probable label and its probability."""
        scores = self.scores(features)
        label = max(self.labels, key=lambda name: scores[name])
        return label, scores[label]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "labels": list(self.labels), "bias": dict(self.bias),
                "weights": {f: dict(w) for f, w in sorted(self.weights.items())}, "meta": dict(self.meta)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LinearModel:
        labels = tuple(data["labels"])
        bias = {label: float(data["bias"].get(label, 0.0)) for label in labels}
        weights = {str(f): {str(k): float(v) for k, v in w.items()} for f, w in data["weights"].items()}
        return cls(name=str(data["name"]), labels=labels, bias=bias, weights=weights, meta=dict(data.get("meta", {})))


@dataclass(frozen=True)
class ModelBundle:
    """The extractor's learned models, read from one versioned file.

    ``detector`` decides whether a trigger candidate reports an event (``"event"`` at least
    ``thresholds["event"]``), ``classifier`` of which class; ``role`` whether a candidate actor is
    the agent, the target or neither (``thresholds["agent"]``, ``thresholds["target"]``). The
    thresholds are chosen by cross-validation when the models are trained.
    """

    version: int
    detector: LinearModel
    classifier: LinearModel
    role: LinearModel
    thresholds: Mapping[str, float]
    meta: Mapping[str, Any]
    digest: str

    def event_class(self, features: list[str], *, lexicon: Sequence[str] = ()) -> str | None:
        """The event class ``features`` report, or ``None`` when they report no event. Where the
        trigger lexicon gives the word classes (``lexicon``), a class outside them must be the
        classifier's majority to win; else the likeliest of the lexicon's stands ("met his Iraqi
        counterpart": a consultation, whatever other meetings the training news told)."""
        if self.detector.scores(features).get("event", 0.0) < self.thresholds.get("event", 0.5):
            return None
        scores = self.classifier.scores(features)
        label = max(self.classifier.labels, key=lambda name: scores[name])
        listed = [c for c in lexicon if c in scores]
        if listed and label not in listed and scores[label] < LEXICON_DEFERENCE:
            label = max(listed, key=lambda name: scores[name])
        return label

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": self.version, "meta": dict(self.meta),
                "thresholds": dict(self.thresholds),
                "models": {"detector": self.detector.to_json(), "classifier": self.classifier.to_json(),
                           "role": self.role.to_json()}}

    def write(self, path: Path) -> None:
        """Write the bundle as deterministic JSON (sorted keys, rounded weights)."""
        text = json.dumps(self.to_json(), indent=None, sort_keys=True, separators=(",", ":"))
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(path)


def default_model_path() -> Path:
    """The model file shipped in the package (``kgbuild/resources/models/events.json``)."""
    from ..resources import resource_dir

    return resource_dir() / "models" / "events.json"


_CACHE: dict[tuple[str, float], ModelBundle] = {}


def load_bundle(path: Path | str | None = None) -> ModelBundle:
    """Read (and cache per file and mtime) the model bundle at ``path`` (default: the bundled one).

    :raises ExtractionError: the file is missing, not JSON or not a kgbuild model (message names it).
    """
    path = Path(path) if path else default_model_path()
    try:
        stamp = path.stat().st_mtime
        key = (str(path.resolve()), stamp)
        if key in _CACHE:
            return _CACHE[key]
        raw = path.read_bytes()
        data = json.loads(raw)
    except OSError as exc:
        raise ExtractionError(f"{path}: cannot read the event model: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ExtractionError(f"{path}: the event model is not valid JSON ({exc})") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExtractionError(f"{path}: not a kgbuild event model (format {FORMAT!r} expected)")
    try:
        models = data["models"]
        bundle = ModelBundle(version=int(data["version"]), detector=LinearModel.from_json(models["detector"]),
                             classifier=LinearModel.from_json(models["classifier"]),
                             role=LinearModel.from_json(models["role"]),
                             thresholds={str(k): float(v) for k, v in data.get("thresholds", {}).items()},
                             meta=dict(data.get("meta", {})), digest=hashlib.sha256(raw).hexdigest())
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ExtractionError(f"{path}: malformed event model ({exc!r})") from exc
    _CACHE[key] = bundle
    return bundle
