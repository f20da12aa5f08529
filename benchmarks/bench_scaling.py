"""Scaling: every saved query's time against the graph's size, kgbuild and raw pyoxigraph
running the same SPARQL on the same store (``bench_queries``' way of capturing it), on synthetic
graphs of 100k, 1M and 5M triples at medium and full scale. No target: the curve is what
``run_all.py`` draws in ``docs/img/scaling.png`` next to the build's (time and peak RSS against
the article count, from ``bench_build``). rdflib is left out here (loading 5M triples into it
takes longer than the rest together); ``bench_queries`` compares it at 1M.

    .venv/bin/python benchmarks/bench_scaling.py --scale quick
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_queries import PARAMS, _Recorder, with_order  # noqa: E402
from common import machine, script_main  # noqa: E402
from gen_graph import article_count, articles, fill_store  # noqa: E402

__all__ = ["run", "SIZES"]

#: graph sizes (triples) per scale, and runs per query and side at each size
SIZES = {"tiny": [2_000, 6_000], "quick": [30_000, 100_000], "medium": [100_000, 1_000_000, 5_000_000],
         "full": [100_000, 1_000_000, 5_000_000]}
REPEATS = {"tiny": 1, "quick": 2, "medium": 3, "full": 5}


def _timed(graph_store: Any, name: str, saved: Any, repeats: int) -> dict[str, Any]:
    """kgbuild's and raw pyoxigraph's p50 (ms) for one saved query, alternating the two."""
    from kgbuild.query import run_saved

    recorder = _Recorder(graph_store)
    kg_times, raw_times, sparql, subs, rows = [], [], "", {}, 0
    for _ in range(repeats):
        recorder.calls.clear()
        started = time.perf_counter()
        result = run_saved(graph_store, name, params=PARAMS.get(name))
        kg_times.append(time.perf_counter() - started)
        if not sparql:
            text = saved.inferred_text if result.used_inferred else saved.text
            head = text.split("WHERE", 1)[0]
            sparql, subs = next(((q, s) for q, s in recorder.calls if q.startswith(head)), recorder.calls[-1])
            sparql, rows = with_order(sparql, text), len(result.rows)
        started = time.perf_counter()
        list(graph_store.store.query(sparql, use_default_graph_as_union=True, substitutions=subs or None))
        raw_times.append(time.perf_counter() - started)
    del graph_store.query  # the recorder shadowed the method
    return {"query": name, "rows": rows, "kgbuild_ms": round(statistics.median(kg_times) * 1e3, 2),
            "raw_ms": round(statistics.median(raw_times) * 1e3, 2)}


def run(scale: str, out_dir: Path) -> dict[str, Any]:
    """Every saved query on a store of each size of :data:`SIZES`."""
    from kgbuild.query import list_saved
    from kgbuild.reason import reason
    from kgbuild.store import GraphStore

    curve: list[dict[str, Any]] = []
    for size in SIZES[scale]:
        tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-scaling-"))
        try:
            with GraphStore.open(tmp / "kg") as graph_store:
                fill_store(graph_store, articles(article_count(size)))
                reason(graph_store, engine="rules")
                triples = len(graph_store.store)
                for saved in list_saved():
                    point = {"triples": triples, **_timed(graph_store, saved.name, saved, REPEATS[scale])}
                    curve.append(point)
                    print(f"scaling {triples}: {point}", flush=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"entries": {}, "detail": {"scale": scale, "machine": machine(), "curve": curve}}


def main() -> None:
    script_main("scaling", run, doc=__doc__)

if __name__ == "__main__":
    main()
