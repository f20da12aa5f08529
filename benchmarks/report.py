"""Render the figures of ``benchmarks/results/latest.json`` (and the run's details) as the
markdown tables of docs/performance.md.

    .venv/bin/python benchmarks/report.py > /tmp/figures.md
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import RESULTS  # noqa: E402

__all__ = ["render"]


def _fmt(value: Any) -> str:
    return "n/a" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def render(latest: dict[str, Any], details: dict[str, Any]) -> str:
    """Markdown: the ratio table, the build curve, reasoning curve, query latencies."""
    meta = latest.get("_meta", {})
    m = meta.get("machine", {})
    out = [f"Run: {m.get('date')} · scale `{meta.get('scale')}` · {m.get('cpu')} · {m.get('cores')} cores · "
           f"{m.get('memory_gb')} GB · Python {m.get('python')} · {meta.get('seconds')} s in all", "",
           "| target | ratio | needs | met | baseline |", "|---|---:|---:|:---:|---|"]
    for name, e in latest.items():
        if name.startswith("_"):
            continue
        out.append(f"| {name} | {_fmt(e['ratio'])} | {e['target']} | {'yes' if e['met'] else '**no**'} | {e['baseline']} |")
    build = details.get("bench_build", {})
    if build.get("curve"):
        out += ["", "Build (default settings: validation and reasoning included):", "",
                "| articles | seconds | peak RSS (MB) |", "|---:|---:|---:|"]
        out += [f"| {p['articles']} | {p['seconds']:.1f} | {p['peak_rss_mb']:.0f} |" for p in build["curve"]]
        out += ["", f"Raw spaCy {build.get('raw_words_per_s')} words/s, kgbuild build {build.get('build_words_per_s')} "
                f"words/s over {build.get('words')} words; unchanged rebuild {build.get('rebuild_seconds')} s."]
    if build.get("profile_shares"):
        out += ["", "Profile of an in-process build (self time by owner, share of the total):", "",
                "| owner | share |", "|---|---:|"]
        out += [f"| {k} | {v:.1%} |" for k, v in build["profile_shares"].items() if v >= 0.005]
    reason = details.get("bench_reason", {})
    if reason.get("curve"):
        out += ["", "Reasoning (child process each; peak RSS of that process):", "",
                "| actors+events | engine | status | seconds | peak RSS (MB) |", "|---:|---|---|---:|---:|"]
        out += [f"| {p['individuals']} | {p['engine']} | {p['status']} | {_fmt(p.get('seconds'))} | "
                f"{_fmt(p.get('peak_rss_mb'))} |" for p in reason["curve"]]
    queries = details.get("bench_queries", {})
    if queries.get("queries"):
        out += ["", f"Queries on {queries.get('triples')} triples (ms; rdflib: {queries.get('rdflib_load', {})}):", "",
                "| query | rows | kgbuild p50 | p95 | raw pyoxigraph p50 | p95 | rdflib p50 |", "|---|---:|---:|---:|---:|---:|---:|"]
        for name, q in queries["queries"].items():
            rd = q.get("rdflib", f"{q['rdflib_p50'] * 1e3:.0f}" if "rdflib_p50" in q else "n/a")
            out.append(f"| {name} | {q['rows']} | {q['kgbuild_p50'] * 1e3:.1f} | {q['kgbuild_p95'] * 1e3:.1f} | "
                       f"{q['raw_p50'] * 1e3:.1f} | {q['raw_p95'] * 1e3:.1f} | {rd} |")
    return "\n".join(out) + "\n"


def main() -> None:
    latest = json.loads((RESULTS / "latest.json").read_text())
    scale = latest.get("_meta", {}).get("scale", "medium")
    path = RESULTS / f"details-{scale}.json"
    details = json.loads(path.read_text()) if path.is_file() else {}
    sys.stdout.write(render(latest, details))


if __name__ == "__main__":
    main()
