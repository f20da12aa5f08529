"""Reasoning: the rule engine, Pellet and HermiT on synthetic actors + events (10k / 50k / 100k),
each in its own child process (peak RSS), the JVM engines capped (reported "did not finish" past
the cap; the cap is raised from the shared scale table's so that HermiT finishes at medium and
full scale).

Targets at 50k individuals are budgets: an OWL 2 DL reasoner <= 15 s (Pellet, and HermiT held to
the same budget), rules <= 5 s; the ratio is ``budget / measured`` (>= 1 met). Smaller scales
compare against the same budget (noted).

Incremental reasoning (``reason_incremental``): a store of synthetic articles (``gen_graph``) is
reasoned over whole, then :data:`ROUNDS` times :data:`ADDED` articles are added and the rule
engine brings the graph up to date for them (the median run is the figure); at two store
sizes 10x apart. Flat (what "proportional to the articles added" asks) is the smaller store's
incremental time within 1.25x of the bigger's: ratio ``small / big`` >= 0.8 (of the seconds as
measured, not as rounded for the report). The full passes before and after are timed too, and the incremental
graph must hold as many triples as the full pass after it.

    .venv/bin/python benchmarks/bench_reason.py --scale quick
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SCALES, entry, machine, run_child, script_main  # noqa: E402

__all__ = ["run"]

BUDGET = {"rules": 5.0, "pellet": 15.0, "hermit": 15.0}
#: articles added to the stores of ``INCREMENTAL_STORES`` articles, in each of ``ROUNDS`` rounds
ADDED = 10
#: incremental runs per store (the median is the figure: one run takes about a tenth of a second)
ROUNDS = 3
INCREMENTAL_STORES = {"tiny": (20, 200), "quick": (100, 1000), "medium": (1000, 10_000), "full": (1000, 10_000)}
ENGINES = ("rules", "pellet", "hermit")
#: seconds a JVM engine may take per point (tiny keeps the shared table's cap: the smoke test)
HERMIT_CAP = {"quick": 300, "medium": 900, "full": 1800}
_CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[1])
from gen_graph import fill_store, reasoning_articles
from kgbuild.reason import reason
from kgbuild.store import GraphStore
store = GraphStore.in_memory()
fill_store(store, reasoning_articles(int(sys.argv[2])))
before = os.times()
report = reason(store.store, engine=sys.argv[3])
after = os.times()
cpu = sum(after[:4]) - sum(before[:4])  # this process and the JVM (a waited-for child)
java_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"seconds": report.seconds, "cpu_seconds": cpu, "triples": report.triples,
                  "engine": report.engine, "quads": len(store.store), "java_peak_rss": java_rss}))
"""

_INCREMENTAL_CHILD = r"""
import json, statistics, sys, time
sys.path.insert(0, sys.argv[1])
from gen_graph import articles, fill_store
from kgbuild.reason import reason
from kgbuild.store import ArticleWrite, GraphStore
n, k, rounds = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
store = GraphStore.in_memory()
fill_store(store, articles(n))
started = time.perf_counter(); reason(store, engine="rules"); full = time.perf_counter() - started
added = list(articles(n + k * rounds))[n:]
times, updated = [], []
for r in range(rounds):  # k new articles each round, each brought in by an incremental run
    store.write_articles([ArticleWrite(a, d, c) for a, d, c in added[r * k:(r + 1) * k]])
    started = time.perf_counter(); report = reason(store, engine="rules", incremental=True)
    times.append(time.perf_counter() - started); updated.append(report.updated)
started = time.perf_counter(); again = reason(store, engine="rules"); full_after = time.perf_counter() - started
print(json.dumps({"full": full, "incremental": statistics.median(times), "rounds": times,
                  "full_after": full_after, "updated": updated, "triples": report.triples,
                  "triples_full": again.triples}))
"""


def _incremental(scale: str, here: str) -> dict[str, Any]:
    """The ``reason_incremental`` entry (see the module's docstring)."""
    points, medians = [], []
    for size in INCREMENTAL_STORES[scale]:
        child = run_child([sys.executable, "-c", _INCREMENTAL_CHILD, here, str(size), str(ADDED), str(ROUNDS)])
        if child.returncode:
            raise RuntimeError("incremental reasoning failed: " + child.stderr[-1500:])
        info = json.loads(child.stdout.strip().splitlines()[-1])
        if info["updated"] != [ADDED] * ROUNDS or info["triples"] != info["triples_full"]:
            raise RuntimeError(f"incremental reasoning did not give the full pass's graph: {info}")
        point = {"articles": size, **{key: round(info[key], 3) for key in ("full", "incremental", "full_after")},
                 "rounds": [round(t, 3) for t in info["rounds"]], "peak_rss_mb": round(child.peak_rss / 2**20)}
        points.append(point)
        medians.append(info["incremental"])
        print(f"reason incremental {size}+{ROUNDS}x{ADDED}: {point}", flush=True)
    small, big = points
    return entry(medians[0] / max(medians[1], 1e-3), 0.8,
                 f"{ROUNDS} rounds of {ADDED} articles added to a store of {small['articles']} vs "
                 f"{big['articles']} articles, median per round (flat = >= 0.8)", points=points,
                 speedup_over_full=round(big["full_after"] / max(big["incremental"], 1e-3), 1))


def run(scale: str, out_dir: Path) -> dict[str, Any]:
    """Every engine at each size of ``SCALES[scale]["reason_sizes"]``."""
    s = SCALES[scale]
    here = str(Path(__file__).resolve().parent)
    curve: list[dict[str, Any]] = []
    java = shutil.which("java") is not None
    for size in s["reason_sizes"]:
        for engine in ENGINES:
            if engine != "rules" and not java:
                curve.append({"individuals": size, "engine": engine, "status": "no java"})
                continue
            cap = None if engine == "rules" else HERMIT_CAP.get(scale, s["hermit_cap"])
            if engine == "pellet":  # a few seconds at any scale: the tiny cap is HermiT's
                cap = max(cap, 60)
            child = run_child([sys.executable, "-c", _CHILD, here, str(size), engine], timeout=cap)
            point: dict[str, Any] = {"individuals": size, "engine": engine, "peak_rss_mb": round(child.peak_rss / 2**20)}
            if child.timed_out:
                point["status"] = f"did not finish in {cap} s"
            elif child.returncode:
                point["status"] = "failed: " + (child.stderr.strip().splitlines() or ["?"])[-1][:300]
            else:
                info = json.loads(child.stdout.strip().splitlines()[-1])
                point.update(status="ok", seconds=round(info["seconds"], 2),
                             cpu_seconds=round(info["cpu_seconds"], 2), inferred=info["triples"],
                             used=info["engine"], quads=info["quads"])
                if info["java_peak_rss"]:  # the JVM is a grandchild: its own peak
                    point["java_peak_rss_mb"] = round(info["java_peak_rss"] / 2**20)
            curve.append(point)
            print(f"reason {engine} {size}: {point}", flush=True)
    entries: dict[str, dict[str, Any]] = {}
    size = 50_000 if 50_000 in s["reason_sizes"] else max(s["reason_sizes"])
    for engine in ENGINES:
        point = next(p for p in curve if p["individuals"] == size and p["engine"] == engine)
        budget = BUDGET[engine]
        note = "" if size == 50_000 else f" (measured at {size}; the budget is set for 50,000)"
        if point["status"] == "ok" and point.get("used", engine) == engine:
            ratio = budget / max(point["seconds"], 1e-3)
        else:
            ratio = None
        entries[f"reason_{engine}"] = entry(ratio, 1.0, f"{budget:g} s budget at {size} actors+events{note}",
                                            seconds=point.get("seconds"), cpu_seconds=point.get("cpu_seconds"),
                                            status=point["status"], peak_rss_mb=point.get("peak_rss_mb"),
                                            java_peak_rss_mb=point.get("java_peak_rss_mb"))
    entries["reason_incremental"] = _incremental(scale, here)
    return {"entries": entries, "detail": {"scale": scale, "machine": machine(), "curve": curve}}


def main() -> None:
    script_main("reason", run, doc=__doc__, title="reasoning ({scale})")

if __name__ == "__main__":
    main()
