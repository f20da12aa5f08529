"""Export: ``kgbuild export --format nquads`` streams; its peak RSS on the full graph against
its peak RSS on a tenth of it (bounded = the ratio stays >= 0.8), and its time against a raw
pyoxigraph ``Store.dump`` of the same store (same run, both in child processes). The raw dump's
own peak RSS on both stores is reported beside it (``raw_dump_ratio``; ``overhead_mb``: what
kgbuild's export adds to the raw dump on the small and the big store), since the storage engine's
memory grows with the store whatever reads it.

The three exports run in ``ROUNDS`` alternating rounds (the machine is shared): times are the
best of the rounds on each side, peak RSS the median of the rounds on each side.

    .venv/bin/python benchmarks/bench_export.py --scale quick
"""
from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SCALES, entry, kgbuild_cmd, machine, run_child, script_main  # noqa: E402
from gen_graph import article_count, articles, fill_store  # noqa: E402

__all__ = ["run"]

ROUNDS = {"tiny": 1, "quick": 3, "medium": 3, "full": 3}

_RAW_DUMP = r"""
import sys, pyoxigraph as ox
store = ox.Store.read_only(sys.argv[1])
with open(sys.argv[2], "wb") as out:
    store.dump(out, ox.RdfFormat.N_QUADS)
"""


def _store(path: Path, triples: int) -> int:
    from kgbuild.store import GraphStore

    with GraphStore.open(path) as graph_store:
        fill_store(graph_store, articles(article_count(triples)))
        return len(graph_store.store)


def run(scale: str, out_dir: Path) -> dict[str, Any]:
    """Export a big and a small store; dump the big one raw."""
    triples = SCALES[scale]["export_triples"]
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-export-"))
    try:
        big_n = _store(tmp / "big", triples)
        small_n = _store(tmp / "small", triples // 10)
        bigs, smalls, raws, raw_smalls = [], [], [], []
        for _ in range(ROUNDS[scale]):
            bigs.append(run_child(kgbuild_cmd("export", "--store", str(tmp / "big"), "--format", "nquads",
                                              "-o", str(tmp / "big.nq"))))
            smalls.append(run_child(kgbuild_cmd("export", "--store", str(tmp / "small"), "--format", "nquads",
                                                "-o", str(tmp / "small.nq"))))
            raws.append(run_child([sys.executable, "-c", _RAW_DUMP, str(tmp / "big"), str(tmp / "raw.nq")]))
            raw_smalls.append(run_child([sys.executable, "-c", _RAW_DUMP, str(tmp / "small"), str(tmp / "raw.nq")]))
            for child in (bigs[-1], smalls[-1], raws[-1], raw_smalls[-1]):
                if child.returncode:
                    raise RuntimeError(f"export failed: {child.stderr[-1500:]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rss_big = statistics.median(c.peak_rss for c in bigs)
    rss_small = statistics.median(c.peak_rss for c in smalls)
    rss_raw = statistics.median(c.peak_rss for c in raws)
    rss_raw_small = statistics.median(c.peak_rss for c in raw_smalls)
    big_s, raw_s = min(c.seconds for c in bigs), min(c.seconds for c in raws)
    entries = {
        "export_memory_bounded": entry(rss_small / rss_big, 0.8,
                                       f"peak RSS exporting {small_n} quads vs {big_n} (bounded = >= 0.8)",
                                       rss_small_mb=round(rss_small / 2**20), rss_big_mb=round(rss_big / 2**20),
                                       rss_raw_dump_big_mb=round(rss_raw / 2**20),
                                       rss_raw_dump_small_mb=round(rss_raw_small / 2**20),
                                       raw_dump_ratio=round(rss_raw_small / rss_raw, 3),
                                       overhead_mb=[round((rss_small - rss_raw_small) / 2**20),
                                                    round((rss_big - rss_raw) / 2**20)]),
        "export_throughput": entry(raw_s / big_s, 0.8, f"raw pyoxigraph Store.dump of the same {big_n} quads",
                                   export_seconds=round(big_s, 2), raw_seconds=round(raw_s, 2),
                                   export_runs=[round(c.seconds, 2) for c in bigs],
                                   raw_runs=[round(c.seconds, 2) for c in raws]),
    }
    return {"entries": entries, "detail": {"scale": scale, "machine": machine(), "quads": big_n}}


def main() -> None:
    script_main("export", run, doc=__doc__)

if __name__ == "__main__":
    main()
