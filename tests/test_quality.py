"""Extraction quality on the dev gold (tests/data/gold, the 7 examples): floors that only go up.

``tests/data/quality_floor.json`` holds, per metric, the lowest value accepted. A change that
improves a figure should raise its floor (to the new value rounded down to 2 decimals) in the
same commit; a change that lowers one fails here. ``ceilings`` are the highest counts accepted
(a claim asserted as a fact is never acceptable).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import GOLD_DIR
from kgbuild.eval import evaluate
from kgbuild.store import GraphStore

FLOOR_FILE = Path(__file__).parent / "data" / "quality_floor.json"
FLOORS: dict[str, Any] = json.loads(FLOOR_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scores(built_store: Path) -> dict[str, Any]:
    with GraphStore.open_read_only(built_store) as store:
        report = evaluate([GOLD_DIR], store)
    assert not report.warnings, report.warnings
    figures = report.to_json()
    assert figures["files"] == 7, figures
    return figures


def metric(scores: dict[str, Any], name: str) -> float:
    part, key = name.split(".")
    value = scores[part][key]
    return 0.0 if value is None else value


@pytest.mark.parametrize("name", sorted(FLOORS["floors"]))
def test_metric_at_or_above_its_floor(scores: dict[str, Any], name: str) -> None:
    floor = FLOORS["floors"][name]
    assert metric(scores, name) >= floor, f"{name} fell to {metric(scores, name)} (floor {floor}): {scores}"


@pytest.mark.parametrize("name", sorted(FLOORS["ceilings"]))
def test_count_at_or_below_its_ceiling(scores: dict[str, Any], name: str) -> None:
    ceiling = FLOORS["ceilings"][name]
    assert metric(scores, name) <= ceiling, f"{name} rose to {metric(scores, name)} (ceiling {ceiling}): {scores}"


def test_floor_file_covers_the_required_metrics() -> None:
    assert {"entities.f1", "relations.f1", "events.f1", "claims.f1"} <= set(FLOORS["floors"])
    assert FLOORS["ceilings"].get("relations.claims_as_facts") == 0
    assert all(0 <= v <= 1 and round(v, 2) == v for v in FLOORS["floors"].values()), "2-decimal ratios"
