"""Export: ``kgbuild export --format nquads`` streams; its peak RSS on the full graph against
its peak RSS on a tenth of it (bounded = the ratio stays >= 0.8), and its time against a raw
pyoxigraph ``Store.dump`` of the same store (same run, both in child processes).

    .venv/bin/python benchmarks/bench_export.py --scale quick
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SCALES, entry, kgbuild_cmd, machine, run_child, script_main  # noqa: E402
from gen_graph import article_count, articles, fill_store  # noqa: E402

__all__ = ["run"]

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
        big = run_child(kgbuild_cmd("export", "--store", str(tmp / "big"), "--format", "nquads", "-o", str(tmp / "big.nq")))
        small = run_child(kgbuild_cmd("export", "--store", str(tmp / "small"), "--format", "nquads",
                                      "-o", str(tmp / "small.nq")))
        raw = run_child([sys.executable, "-c", _RAW_DUMP, str(tmp / "big"), str(tmp / "raw.nq")])
        for child in (big, small, raw):
            if child.returncode:
                raise RuntimeError(f"export failed: {child.stderr[-1500:]}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    entries = {
        "export_memory_bounded": entry(small.peak_rss / big.peak_rss, 0.8,
                                       f"peak RSS exporting {small_n} quads vs {big_n} (bounded = >= 0.8)",
                                       rss_small_mb=round(small.peak_rss / 2**20), rss_big_mb=round(big.peak_rss / 2**20)),
        "export_throughput": entry(raw.seconds / big.seconds, 0.8, f"raw pyoxigraph Store.dump of the same {big_n} quads",
                                   export_seconds=round(big.seconds, 2), raw_seconds=round(raw.seconds, 2)),
    }
    return {"entries": entries, "detail": {"scale": scale, "machine": machine(), "quads": big_n}}


def main() -> None:
    script_main("export", run, doc=__doc__)

if __name__ == "__main__":
    main()
