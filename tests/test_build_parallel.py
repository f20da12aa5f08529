"""`kgbuild build --jobs 2` runs extraction in worker processes and gives the very same graphs."""
from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES, invoke
from kgbuild.store import GraphStore


def _article_graphs(path: Path) -> dict[str, set[str]]:
    with GraphStore.open_read_only(path) as store:
        return {g.value: {str(q) for q in store.quads(g)} for g in store.graphs()
                if "/graph/doc/" in g.value or "/graph/claims/" in g.value}


def test_two_workers_build_the_same_graphs(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    result = invoke(["build", EXAMPLES, "--store", store, "--jobs", "2", "--quiet", "--no-reason"])
    assert "7" in result.output
    assert _article_graphs(store) == _article_graphs(built_store)
