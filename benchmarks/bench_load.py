"""Load throughput: a first ``kgbuild load`` (the command, in a child process: start-up,
counting and verification included) of the whole store into an empty server vs
``curl --data-binary @file.nq`` (``--upload-file`` over 1 GiB) of the same N-Quads into another
empty server of the same kind, for Oxigraph and for Fuseki (TDB2); then a second ``kgbuild load`` into the loaded
server, which replaces every graph one by one (temporary graph, then MOVE).

Each server is fresh for each upload; with ``repeats`` > 1 curl and ``kgbuild load``
alternate and the best time of each counts (the machine is shared: both sides get the same
treatment).

    .venv/bin/python benchmarks/bench_load.py --scale quick
"""
from __future__ import annotations

import contextlib
import re
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
from common import SCALES, entry, kgbuild_cmd, machine, run_child, script_main  # noqa: E402
from gen_graph import article_count, articles, fill_store  # noqa: E402

__all__ = ["run"]

#: rounds of (curl, kgbuild load) into Oxigraph, best of each (Fuseki: one round, it is slow)
ROUNDS = {"tiny": 1, "quick": 2, "medium": 2, "full": 1}


#: above this size curl's ``--data-binary @file`` (which reads the file into memory) fails with
#: "out of memory" (the 5M-quad file of the full run); ``--upload-file`` streams it, with POST
CURL_IN_MEMORY_BYTES = 1 << 30


def _curl(url: str, nq: Path) -> float:
    started = time.perf_counter()
    body = ["--data-binary", f"@{nq}"] if nq.stat().st_size < CURL_IN_MEMORY_BYTES else \
        ["--upload-file", str(nq), "-X", "POST"]
    subprocess.run(["curl", "-sf", *body, "-H", "Content-Type: application/n-quads", url],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def _kgbuild_load(url: str, kind: str, store: Path) -> tuple[float, str]:
    child = run_child(kgbuild_cmd("load", "--endpoint", url, "--kind", kind, "--store", str(store)))
    if child.returncode:
        raise RuntimeError(f"kgbuild load into {kind} failed: {child.stderr[-1500:]}{child.stdout[-1500:]}")
    method = re.search(r"load into \w+ \(([^)]*)\)", child.stdout)
    return child.seconds, method.group(1) if method else "?"


def _raw_dump(store: Path, out: Path) -> float:
    """Seconds for pyoxigraph alone to dump the whole store as N-Quads to a file: what any
    loader reading the store spends before the server parses anything (the ceiling of
    ``load_vs_curl`` is about curl's seconds over these)."""
    import pyoxigraph as ox

    started = time.perf_counter()
    ox.Store.read_only(str(store)).dump(str(out), ox.RdfFormat.N_QUADS)
    seconds = time.perf_counter() - started
    out.unlink()
    return seconds


def _compare(kind: str, server_factory: Any, dataset: str, nq: Path, store: Path, n: int,
             rounds: int) -> dict[str, Any]:
    """Best-of-``rounds`` curl and first ``kgbuild load``, then one graph-by-graph reload."""
    curl_s: list[float] = []
    load_s: list[float] = []
    method = replace_method = ""
    replace_s = 0.0
    for i in range(rounds):
        with server_factory() as server:
            curl_s.append(_curl(server.url if dataset == "" else server.url + dataset, nq))
        with server_factory() as server:
            seconds, method = _kgbuild_load(server.url, kind, store)
            load_s.append(seconds)
            if i == rounds - 1:  # every graph exists now: replaced one by one
                replace_s, replace_method = _kgbuild_load(server.url, kind, store)
    curl, load = min(curl_s), min(load_s)
    return {"ratio": curl / load, "curl_seconds": round(curl, 2), "load_seconds": round(load, 2),
            "curl_runs": [round(s, 2) for s in curl_s], "load_runs": [round(s, 2) for s in load_s],
            "method": method, "quads_per_s": round(n / load), "curl_quads_per_s": round(n / curl),
            "replace_seconds": round(replace_s, 2), "replace_method": replace_method,
            "replace_quads_per_s": round(n / replace_s) if replace_s else None,
            "replace_vs_curl": round(curl / replace_s, 3) if replace_s else None}


def run(scale: str, out_dir: Path) -> dict[str, Any]:
    """Time curl and ``kgbuild load`` of the same synthetic store into Oxigraph and Fuseki."""
    from servers import Unavailable, fuseki_server, oxigraph_server

    from kgbuild.store import GraphStore

    rounds = ROUNDS[scale]
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-load-"))
    try:
        nq, store = tmp / "all.nq", tmp / "kg"
        with GraphStore.open(store) as graph_store:  # closed before `kgbuild load` opens it
            fill_store(graph_store, articles(article_count(SCALES[scale]["load_triples"])))
            graph_store.store.optimize()
            with nq.open("wb") as out:
                graph_store.export(out, fmt="nquads")
            n, graphs = graph_store.count(), len(graph_store.graphs())
        size = nq.stat().st_size
        oxi = _compare("oxigraph", oxigraph_server, "/store", nq, store, n, rounds)
        dump = min(_raw_dump(store, tmp / "dump.nq") for _ in range(rounds))
        oxi.update(raw_dump_seconds=round(dump, 2), ceiling=round(oxi["curl_seconds"] / dump, 3))
        try:
            fus: dict[str, Any] | None = _compare("fuseki", fuseki_server, "", nq, store, n, 1)
            fuseki_note = "Fuseki 5.6.0, TDB2 dataset with unionDefaultGraph (tests/servers.py)"
        except Unavailable as exc:
            fus, fuseki_note = None, f"not measured: {exc}"
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(tmp, ignore_errors=True)
    how = "--data-binary" if size < CURL_IN_MEMORY_BYTES else "--upload-file (streamed: over 1 GiB)"
    entries = {
        "load_vs_curl": entry(oxi.pop("ratio"), 0.8, f"curl {how} of the same {n} quads into an empty "
                              "Oxigraph server (first `kgbuild load`, child process)", **oxi),
        "load_vs_curl_fuseki": entry(fus.pop("ratio") if fus else None, 0.8,
                                     f"curl {how} of the same {n} quads into an empty Fuseki TDB2 "
                                     f"dataset ({fuseki_note})", **(fus or {})),
    }
    return {"entries": entries, "detail": {"scale": scale, "machine": machine(), "quads": n, "graphs": graphs,
                                           "rounds": {"oxigraph": rounds, "fuseki": 1},
                                           "note": "kgbuild load time is the whole command: interpreter start, "
                                                   "listing graphs before, streaming, verifying counts after"}}


def main() -> None:
    result = script_main("load", run, doc=__doc__)
    for name, e in result["entries"].items():
        if e.get("raw_dump_seconds"):
            print(f"{name}: pyoxigraph's own dump of the store takes {e['raw_dump_seconds']} s "
                  f"(curl's upload {e['curl_seconds']} s: no loader reading the store gets above {e['ceiling']})")
        if e.get("replace_seconds"):
            print(f"{name}: graph-by-graph replacement ({e['replace_method']}) {e['replace_seconds']} s, "
                  f"{e['replace_quads_per_s']:,} quads/s ({e['replace_vs_curl']}x curl's first upload)")


if __name__ == "__main__":
    main()
