"""Extraction quality: floors that only go up, on the dev gold and on the frozen VOA test split.

``tests/data/quality_floor.json`` holds, per gold set and metric, the lowest value accepted. A
change that improves a figure should raise its floor (to the new value rounded down to 2
decimals) in the same commit; a change that lowers one fails here. ``ceilings`` are the highest
counts accepted (a claim asserted as a fact is never acceptable). The test split is never tuned
to (docs/quality.md): its floors only guard against regressions.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import GOLD_DIR, ROOT
from kgbuild.config import Config
from kgbuild.eval import evaluate
from kgbuild.store import GraphStore

FLOOR_FILE = Path(__file__).parent / "data" / "quality_floor.json"
FLOORS: dict[str, Any] = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))
VOA = ROOT / "corpus" / "voa"


@pytest.fixture(scope="module")
def dev_scores(built_store: Path) -> dict[str, Any]:
    with GraphStore.open_read_only(built_store) as store:
        report = evaluate([GOLD_DIR], store)
    assert not report.warnings, report.warnings
    figures = report.to_json()
    assert figures["files"] == 7, figures
    return figures


@pytest.fixture(scope="module")
def test_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The 20 test stories built on their own (as a user would build them) and scored."""
    from kgbuild.build import build

    folder = tmp_path_factory.mktemp("voa-test")
    wanted = set(json.loads((VOA / "split.json").read_text(encoding="utf-8"))["test"])
    lines = [line for line in (VOA / "articles.jsonl").read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["id"] in wanted]
    (folder / "test.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = build([str(folder / "test.jsonl")], config=Config(store=folder / "kg"), validate=False)
    assert report.ok and len(report.built) == 20, report
    with GraphStore.open_read_only(folder / "kg") as store:
        result = evaluate([VOA / "gold" / "test"], store)
    assert not result.warnings, result.warnings
    return result.to_json()


def metric(scores: dict[str, Any], name: str) -> float:
    part, key = name.split(".")
    value = scores[part][key]
    return 0.0 if value is None else value


CASES = [(which, name) for which in ("dev", "test") for name in sorted(FLOORS["floors"][which])]


@pytest.mark.parametrize(("which", "name"), CASES)
def test_metric_at_or_above_its_floor(request: pytest.FixtureRequest, which: str, name: str) -> None:
    scores = request.getfixturevalue(f"{which}_scores")
    floor = FLOORS["floors"][which][name]
    assert metric(scores, name) >= floor, f"{which} {name} fell to {metric(scores, name)} (floor {floor}): {scores}"


@pytest.mark.parametrize(("which", "name"), [(w, n) for w in ("dev", "test") for n in FLOORS["ceilings"][w]])
def test_count_at_or_below_its_ceiling(request: pytest.FixtureRequest, which: str, name: str) -> None:
    scores = request.getfixturevalue(f"{which}_scores")
    ceiling = FLOORS["ceilings"][which][name]
    assert metric(scores, name) <= ceiling, f"{which} {name} rose to {metric(scores, name)} (ceiling {ceiling})"


def test_floor_file_covers_the_required_metrics() -> None:
    assert {"entities.f1", "relations.f1", "events.f1", "claims.f1"} <= set(FLOORS["floors"]["dev"])
    assert {"entities.f1", "relations.f1", "events.f1"} <= set(FLOORS["floors"]["test"])
    assert all(FLOORS["ceilings"][w].get("relations.claims_as_facts") == 0 for w in ("dev", "test"))
    values = [v for which in FLOORS["floors"].values() for v in which.values()]
    assert all(0 <= v <= 1 and round(v, 2) == v for v in values), "2-decimal ratios"


def test_the_split_is_the_frozen_one_and_every_story_is_annotated_once() -> None:
    split = json.loads((VOA / "split.json").read_text(encoding="utf-8"))
    train = {p.stem for p in (VOA / "gold" / "train").glob("*.json")}
    test = {p.stem for p in (VOA / "gold" / "test").glob("*.json")}
    assert train == set(split["train"]) and test == set(split["test"]) and not train & test
    assert len(test) >= 15 and len(train) + len(test) >= 45
    import hashlib

    ordered = sorted(split["train"] + split["test"],
                     key=lambda i: hashlib.sha256(f"kgbuild-voa-split-v1:{i}".encode()).hexdigest())
    assert set(ordered[:20]) == test, "the test split is the 20 smallest hashes, fixed once"
