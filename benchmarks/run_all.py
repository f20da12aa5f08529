"""Run every benchmark, print the ratio table, write ``benchmarks/results/latest.json`` and the plot.

    .venv/bin/python benchmarks/run_all.py            # medium: 1k articles, 1M triples (< 20 min)
    .venv/bin/python benchmarks/run_all.py --quick    # small scale (< 3 min)
    .venv/bin/python benchmarks/run_all.py --full     # adds 10k/50k articles, 100k actors; no time limit

``latest.json`` holds one entry per target: ``{"ratio", "target", "met", "baseline", ...}``
and ``_meta.scale`` says which run wrote it (quick, medium and full runs write it; the smoke
test's tiny runs write ``tiny.json``). The committed one comes from a medium run.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import RESULTS, ROOT, machine, print_table, write_results  # noqa: E402

__all__ = ["main", "plot", "plot_scaling"]

BENCHES = ["bench_store", "bench_queries", "bench_export", "bench_load", "bench_reason", "bench_build",
           "bench_cluster", "bench_scaling"]
#: left out of the tiny smoke run (tests/test_benchmarks.py, inside the test suite's time budget):
#: bench_cluster starts four Dask clusters and loads the pipeline four times; the code it times
#: is tested by tests/test_cluster.py. ``--tiny --only bench_cluster`` still runs it.
NOT_TINY = {"bench_cluster"}


def plot(build_detail: dict[str, Any], path: Path) -> None:
    """Build time and peak RSS against corpus size (docs/img/performance.png)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    curve = build_detail.get("curve") or []
    if not curve:
        return
    xs = [p["articles"] for p in curve]
    fig, ax = plt.subplots(figsize=(7, 4))
    ax.plot(xs, [p["seconds"] for p in curve], "o-", color="tab:blue", label="build time (s)")
    ax.set_xlabel("articles (synthetic, ~450 words each)")
    ax.set_ylabel("kgbuild build, seconds", color="tab:blue")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax2 = ax.twinx()
    ax2.plot(xs, [p["peak_rss_mb"] for p in curve], "s--", color="tab:red", label="peak RSS (MB)")
    ax2.set_ylabel("peak RSS, MB", color="tab:red")
    ax2.set_ylim(0, max(2048, max(p["peak_rss_mb"] for p in curve) * 1.1))
    ax2.axhline(2048, color="tab:red", linewidth=0.6, linestyle=":")
    m = build_detail.get("machine", {})
    ax.set_title(f"kgbuild build vs corpus size ({m.get('date', '')}, {m.get('cores', '?')} cores)", fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def merged_meta(previous: dict[str, Any] | None, meta: dict[str, Any], *, rerun: list[str]) -> dict[str, Any]:
    """The ``_meta`` of ``latest.json`` after a run: ``meta`` itself, unless the run reran only
    ``rerun`` at the scale of the file it merges into; that file still dates from its full run, so
    its ``_meta`` stays and its note says what was rerun, and when.

    >>> old = {"scale": "medium", "machine": {"date": "d0"}, "failed": [], "note": "a merged"}
    >>> merged_meta(old, {"scale": "medium", "machine": {"date": "d1"}, "failed": []}, rerun=["bench_build"])["note"]
    'a merged; bench_build rerun d1 (medium) merged'
    >>> merged_meta(old, {"scale": "full", "machine": {"date": "d1"}, "failed": []}, rerun=["bench_build"])["scale"]
    'full'

    A benchmark that failed before and ran now is no longer listed as failed:

    >>> failed = {**old, "failed": ["bench_load", "bench_reason"]}
    >>> now = {"scale": "medium", "machine": {"date": "d1"}, "failed": []}
    >>> merged_meta(failed, now, rerun=["bench_load"])["failed"]
    ['bench_reason']
    """
    if previous is None or not rerun or previous.get("scale") != meta["scale"]:
        return meta
    merged = f"{', '.join(rerun)} rerun {meta['machine']['date']} ({meta['scale']}) merged"
    still = {name for name in previous.get("failed", []) if name not in rerun}
    return {**previous, "note": "; ".join(filter(None, (previous.get("note"), merged))),
            "failed": sorted(still | set(meta["failed"]))}


def plot_scaling(build_detail: dict[str, Any] | None, scaling_detail: dict[str, Any], path: Path) -> None:
    """Build time and peak RSS against the article count (``bench_build``'s curve, when there is
    one) and every saved query's p50 against the store's size, kgbuild and raw pyoxigraph
    (``bench_scaling``), side by side (docs/img/scaling.png)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    builds = (build_detail or {}).get("curve") or []
    fig, axes = plt.subplots(1, 2 if builds else 1, figsize=(12 if builds else 7, 4.5), squeeze=False)
    if builds:
        ax = axes[0][0]
        xs = [p["articles"] for p in builds]
        ax.plot(xs, [p["seconds"] for p in builds], "o-", color="tab:blue", label="kgbuild build, s")
        raw = [(p["articles"], p["raw_spacy_seconds"]) for p in builds if p.get("raw_spacy_seconds")]
        if raw:
            ax.plot(*zip(*raw), "D", color="tab:gray", label="raw spaCy nlp.pipe, s")
        ax.set(xscale="log", yscale="log", xlabel="articles (synthetic, ~450 words each)", ylabel="seconds")
        ax2 = ax.twinx()
        ax2.plot(xs, [p["peak_rss_mb"] for p in builds], "s--", color="tab:red")
        ax2.set_ylabel("peak RSS of the build, MB", color="tab:red")
        ax2.set_ylim(0, max(2048, max(p["peak_rss_mb"] for p in builds) * 1.1))
        ax.legend(loc="upper left", fontsize=8)
        ax.set_title("build against corpus size", fontsize=10)
    ax = axes[0][-1]
    curve = scaling_detail.get("curve") or []
    for n, name in enumerate(sorted({p["query"] for p in curve})):
        points = sorted((p["triples"], p["kgbuild_ms"], p["raw_ms"]) for p in curve if p["query"] == name)
        color = f"C{n % 10}"
        ax.plot([t for t, _, _ in points], [k for _, k, _ in points], "o-", color=color, label=name)
        ax.plot([t for t, _, _ in points], [r for _, _, r in points], "x:", color=color)
    ax.set(xscale="log", yscale="log", xlabel="quads in the store", ylabel="p50, ms")
    ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())  # the minor labels overlap
    ax.set_title("saved queries: kgbuild (solid) vs raw pyoxigraph (dotted)", fontsize=10)
    ax.legend(fontsize=7, loc="upper left")
    m = scaling_detail.get("machine", {})
    fig.suptitle(f"kgbuild scaling ({m.get('date', '')}, {m.get('cores', '?')} cores)", fontsize=10)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)


def _run_one(name: str, scale: str, out_dir: Path) -> dict[str, Any] | None:
    """One benchmark's result, timed; ``None`` (its traceback printed) if it failed."""
    t = time.perf_counter()
    print(f"-- {name} ({scale})", flush=True)
    try:
        result = importlib.import_module(name).run(scale, out_dir)
    except Exception:  # noqa: BLE001 - one failing benchmark must not hide the others
        traceback.print_exc()
        return None
    result["detail"]["seconds"] = round(time.perf_counter() - t, 1)
    return result


def _run_benches(names: list[str], scale: str, out_dir: Path, *, jobs: int) -> list[tuple[str, dict[str, Any] | None]]:
    """Each benchmark's result, in ``names``' order: one after the other, or ``jobs`` at a time in
    child processes (a smoke run's time only: benchmarks run together disturb each other's timings)."""
    if jobs <= 1:
        return [(name, _run_one(name, scale, out_dir)) for name in names]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = [(name, pool.submit(_run_one, name, scale, out_dir)) for name in names]
        return [(name, future.result()) for name, future in futures]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--tiny", action="store_true", help="smoke-test scale")
    parser.add_argument("--only", nargs="*", default=None, help="benchmark modules to run (default: all)")
    parser.add_argument("--out-dir", type=Path, default=RESULTS)
    parser.add_argument("--plot", type=Path, default=None, help="write the build plot here")
    parser.add_argument("--jobs", type=int, default=1,
                        help="benchmarks run at once, each in its own process (smoke runs: timings disturb each other)")
    args = parser.parse_args(argv)
    scale = "tiny" if args.tiny else "full" if args.full else "quick" if args.quick else "medium"
    started = time.perf_counter()
    entries: dict[str, dict[str, Any]] = {}
    details: dict[str, Any] = {}
    failed = []
    names = args.only or [b for b in BENCHES if scale != "tiny" or b not in NOT_TINY]
    for name, result in _run_benches(names, scale, args.out_dir, jobs=args.jobs):
        if result is None:
            failed.append(name)
            continue
        write_results(name.removeprefix("bench_"), result, args.out_dir)
        entries.update(result["entries"])
        details[name] = result["detail"]
        print(f"   {name}: {result['detail']['seconds']} s", flush=True)
    previous: dict[str, Any] = {}
    previous_meta: dict[str, Any] | None = None
    if args.only and scale in ("medium", "full") and (args.out_dir / "latest.json").is_file():
        previous = json.loads((args.out_dir / "latest.json").read_text())  # a partial rerun updates it
        previous_meta = previous.pop("_meta", None)
        prev_details = args.out_dir / f"details-{scale}.json"
        if prev_details.is_file():
            details = {**json.loads(prev_details.read_text()), **details}
    entries = {**previous, **entries}
    meta = merged_meta(previous_meta, {"scale": scale, "machine": machine(),
                                       "seconds": round(time.perf_counter() - started, 1), "failed": failed},
                       rerun=args.only or [])
    latest = {"_meta": meta, **entries}
    write_results("tiny" if scale == "tiny" else "latest", latest, args.out_dir)
    write_results(f"details-{scale}", details, args.out_dir)
    if "bench_build" in details and (args.plot or scale in ("medium", "full")):
        plot(details["bench_build"], args.plot or ROOT / "docs" / "img" / "performance.png")
    if "bench_scaling" in details and (args.plot or scale in ("medium", "full")):
        target = args.plot.with_name("scaling.png") if args.plot else ROOT / "docs" / "img" / "scaling.png"
        plot_scaling(details.get("bench_build"), details["bench_scaling"], target)
    print_table(entries, title=f"all benchmarks ({scale}, {latest['_meta']['seconds']} s)")
    met = sum(1 for e in entries.values() if e["met"])
    print(f"{met}/{len(entries)} targets met" + (f"; FAILED: {', '.join(failed)}" if failed else ""))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
