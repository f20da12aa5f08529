"""Store writes: the graph of N articles written as ``build`` writes it (``GraphStore.write_articles``
grouped by ``kgbuild.build.commit_due``, of the N-Quads each extraction worker hands over,
every article atomic) vs pyoxigraph ``bulk_load`` of the same quads from an N-Quads file into a fresh
on-disk store. Both include the final flush. The detail also times writing Python quad objects
(``ArticleWrite``, what library callers pass), which includes serialising them.

    .venv/bin/python benchmarks/bench_store.py --scale quick
"""
from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SCALES, entry, machine, script_main  # noqa: E402
from gen_graph import articles, write_nquads  # noqa: E402

__all__ = ["run"]


def run(scale: str, out_dir: Path) -> dict[str, Any]:
    """Time both writes of ``SCALES[scale]["store_articles"]`` synthetic articles."""
    from kgbuild.build import commit_due
    from kgbuild.store import ArticleWrite, GraphStore, SerializedArticleWrite

    n = SCALES[scale]["store_articles"]
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-store-"))
    try:
        items = list(articles(n))
        quads = sum(len(d) + len(c) for _a, d, c in items)
        nq = tmp / "graph.nq"
        write_nquads(iter(items), nq)

        started = time.perf_counter()
        store = ox.Store(str(tmp / "bulk"))
        store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        store.flush()
        bulk_s = time.perf_counter() - started
        del store

        serialized = [SerializedArticleWrite(a, ox.serialize(d, format=ox.RdfFormat.N_QUADS),
                                             ox.serialize(c, format=ox.RdfFormat.N_QUADS)) for a, d, c in items]
        write_s = _write(tmp / "kg", serialized, _groups(serialized, commit_due), GraphStore)
        objects = [ArticleWrite(a, d, c) for a, d, c in items]
        objects_s = _write(tmp / "kg-objects", objects, _groups(serialized, commit_due), GraphStore)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    entries = {"store_write": entry(
        bulk_s / write_s, 0.8, f"pyoxigraph bulk_load of the same {quads} quads from N-Quads",
        write_seconds=round(write_s, 3), bulk_seconds=round(bulk_s, 3), quads=quads, articles=n,
        write_quads_per_s=round(quads / write_s), bulk_quads_per_s=round(quads / bulk_s),
        quad_objects_seconds=round(objects_s, 3))}
    return {"entries": entries, "detail": {"scale": scale, "machine": machine()}}


def _groups(writes: list[Any], commit_due: Any) -> list[tuple[int, int]]:
    """(start, end) of each commit, as ``build`` groups them."""
    groups, start = [], 0
    for end in range(1, len(writes) + 1):
        if commit_due(writes[start:end]) or end == len(writes):
            groups.append((start, end))
            start = end
    return groups


def _write(path: Path, writes: list[Any], groups: list[tuple[int, int]], store_class: Any) -> float:
    started = time.perf_counter()
    with store_class.open(path) as graph_store:
        for start, end in groups:
            graph_store.write_articles(writes[start:end])
    return time.perf_counter() - started


def main() -> None:
    script_main("store", run, doc=__doc__)

if __name__ == "__main__":
    main()
