"""Smoke test: every benchmark script runs on a tiny input and writes its JSON. No timing asserts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_benchmark_runs_tiny(tmp_path: Path) -> None:
    plot = tmp_path / "plot.png"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run_all.py"), "--tiny", "--jobs", "2",
                           "--out-dir", str(tmp_path), "--plot", str(plot)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.loads((tmp_path / "tiny.json").read_text())
    assert results["_meta"]["failed"] == []
    names = set(results) - {"_meta"}
    for expected in ("extraction_throughput", "incremental_rebuild", "store_write", "load_vs_curl",
                     "export_memory_bounded", "reason_rules", "reason_pellet", "reason_hermit",
                     "reason_incremental"):
        assert expected in names, sorted(names)
    assert any(n.startswith("query_overhead:") for n in names)
    assert any(n.startswith("query_vs_rdflib:") for n in names)
    for value in results.values():
        if "ratio" in value:
            assert set(value) >= {"ratio", "target", "met", "baseline"}
    assert "ratio" in proc.stdout and plot.is_file()
    assert (tmp_path / "scaling.png").is_file()  # build and query time against size, side by side


def test_generators_are_deterministic(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from gen_articles import generate
    from gen_graph import articles

    assert list(generate(3, seed=5)) == list(generate(3, seed=5))
    first, again = list(articles(2, seed=3)), list(articles(2, seed=3))
    assert [(a, len(d), len(c)) for a, d, c in first] == [(a, len(d), len(c)) for a, d, c in again]


def test_a_partial_rerun_keeps_the_date_and_notes_of_the_run_it_merges_into() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run_all import merged_meta

    full = {"scale": "medium", "machine": {"date": "2026-12-03 23:43"}, "seconds": 378.8, "failed": [],
            "note": "bench_load rerun 2026-12-04 16:42 (medium) merged"}
    rerun = {"scale": "medium", "machine": {"date": "2026-12-05 06:39"}, "seconds": 405.4, "failed": ["bench_x"]}
    meta = merged_meta(full, rerun, rerun=["bench_build"])
    assert meta["machine"]["date"] == "2026-12-03 23:43" and meta["seconds"] == 378.8
    assert meta["note"] == ("bench_load rerun 2026-12-04 16:42 (medium) merged; "
                            "bench_build rerun 2026-12-05 06:39 (medium) merged")
    assert meta["failed"] == ["bench_x"]
    assert merged_meta(full, rerun, rerun=[]) == rerun  # a full run is its own date
    assert merged_meta(None, rerun, rerun=["bench_build"]) == rerun
    failed = {**full, "failed": ["bench_load", "bench_reason"]}
    fixed = {**rerun, "failed": []}
    assert merged_meta(failed, fixed, rerun=["bench_load"])["failed"] == ["bench_reason"]  # ran now: not failed


def test_a_child_out_of_time_is_stopped_so_that_it_cleans_up(tmp_path: Path) -> None:
    """A timed-out benchmark child (HermiT over its cap) gets SIGTERM first, so that kgbuild's
    stop signals unwind it and its temporary folder goes; a child ignoring it is killed."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import run_child

    marker = tmp_path / "folder.txt"
    child = ("import sys, tempfile, time\nfrom kgbuild.signals import stop_signals\n"
             "with stop_signals(), tempfile.TemporaryDirectory(prefix='kgbuild-bench-') as tmp:\n"
             f"    open({str(marker)!r}, 'w').write(tmp)\n    time.sleep(60)\n")
    result = run_child([sys.executable, "-c", child], timeout=3)
    assert result.timed_out and result.seconds < 20
    assert not Path(marker.read_text()).exists()
    stubborn = run_child([sys.executable, "-c", "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
                                                "time.sleep(60)"], timeout=1)
    assert stubborn.timed_out and stubborn.seconds < 30
