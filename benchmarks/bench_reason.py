"""Reasoning: the rule engine, Pellet and HermiT on synthetic actors + events (10k / 50k / 100k),
each in its own child process (peak RSS), the JVM engines capped (reported "did not finish" past
the cap; the cap is raised from the shared scale table's so that HermiT finishes at medium and
full scale).

Targets at 50k individuals are budgets: an OWL 2 DL reasoner <= 15 s (Pellet, and HermiT held to
the same budget), rules <= 5 s; the ratio is ``budget / measured`` (>= 1 met). Smaller scales
compare against the same budget (noted).

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
            cap = HERMIT_CAP.get(scale, s["hermit_cap"]) if engine != "rules" else None
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
    return {"entries": entries, "detail": {"scale": scale, "machine": machine(), "curve": curve}}


def main() -> None:
    script_main("reason", run, doc=__doc__, title="reasoning ({scale})")

if __name__ == "__main__":
    main()
