"""Load throughput: ``load_store`` (first load, whole store in one stream) into an empty local
Oxigraph server vs ``curl --data-binary @file.nq`` of the same N-Quads into another empty one,
in one run. ``load_store`` time includes counting before and verifying counts after.

    .venv/bin/python benchmarks/bench_load.py --scale quick
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
from common import SCALES, entry, machine, script_main  # noqa: E402
from gen_graph import article_count, articles, fill_store  # noqa: E402

__all__ = ["run"]


def run(scale: str, out_dir: Path) -> dict[str, Any]:
    """Time curl and ``load_store`` of the same synthetic store."""
    from servers import oxigraph_server

    from kgbuild.load import load_store
    from kgbuild.store import GraphStore

    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-load-"))
    try:
        nq = tmp / "all.nq"
        # one handle: reopening a RocksDB folder in the process that just closed it can race
        # with the old handle's background compaction
        with GraphStore.open(tmp / "kg") as store:
            fill_store(store, articles(article_count(SCALES[scale]["load_triples"])))
            store.store.optimize()
            with nq.open("wb") as out:
                store.export(out, fmt="nquads")
            n = store.count()
            with oxigraph_server() as server:
                t = time.perf_counter()
                subprocess.run(["curl", "-sf", "--data-binary", f"@{nq}", "-H", "Content-Type: application/n-quads",
                                server.url + "/store"], check=True)
                curl_s = time.perf_counter() - t
            with oxigraph_server() as server:
                report = load_store(store, endpoint=server.url, kind="oxigraph")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    ratio = report.triples_per_second / (n / curl_s)
    entries = {"load_vs_curl": entry(ratio, 0.8, f"curl --data-binary of the same {n} quads into an empty Oxigraph server",
                                     load_seconds=round(report.seconds, 3), curl_seconds=round(curl_s, 3),
                                     graphs=len(report.graphs), method=report.method, ok=report.ok)}
    return {"entries": entries, "detail": {"scale": scale, "machine": machine(), "quads": n,
                                           "note": "load_store time includes counting before and verifying after"}}


def main() -> None:
    script_main("load", run, doc=__doc__)

if __name__ == "__main__":
    main()
