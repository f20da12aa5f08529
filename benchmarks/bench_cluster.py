"""Cluster benchmarks: ``kgbuild build --cluster`` against ``--jobs N`` at equal cores, and what
one million articles would take.

Baselines, same run, same machine, same texts (generated, ~450 words), no reasoning (so the
figure is extraction plus writing, what the cluster changes); at the medium and full scales
each side runs twice, alternating, and the best time counts (the cores are shared):
- ``kgbuild build --jobs 1`` for the cluster with one worker (one thread), ``--jobs 2`` for two;
  each cluster build runs on freshly started workers (``dask scheduler`` + ``dask worker
  --nthreads 1`` processes), so it pays the pipeline load as ``--jobs`` does.
- The one-million estimate comes from measured figures: the steady per-article cost (a
  ``--force`` rebuild on the warm one-worker cluster), the bytes each article sends (text
  in, N-Quads out) and the single writer's ceiling (the same N-Quads written into a fresh store
  with :meth:`GraphStore.write_articles`).

    .venv/bin/python benchmarks/bench_cluster.py --scale quick
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SCALES, Child, entry, kgbuild_cmd, machine, run_child, script_main  # noqa: E402
from gen_articles import generate, write_jsonl  # noqa: E402

__all__ = ["run", "local_cluster"]

MILLION = 1_000_000


@contextlib.contextmanager
def local_cluster(workers: int, folder: Path) -> Iterator[str]:
    """A scheduler and ``workers`` one-thread worker processes on localhost; yields the address."""
    dask = str(Path(sys.executable).with_name("dask"))
    file = folder / f"scheduler-{workers}.json"
    quiet: dict[str, Any] = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": folder}
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0",  # noqa: S603
                               "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(file)], **quiet)]
    try:
        deadline = time.monotonic() + 60
        while not file.is_file() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(file.read_text())["address"]
        procs += [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-nanny",  # noqa: S603
                                    "--local-directory", str(folder / f"w{workers}-{i}")], **quiet)
                  for i in range(workers)]
        from distributed import Client

        with Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def _build(corpus: Path, store: Path, *options: str) -> Child:
    child = run_child(kgbuild_cmd("build", str(corpus), "--store", str(store), "--no-reason", "--quiet", *options))
    if child.returncode != 0:
        raise RuntimeError(f"kgbuild build {' '.join(options)} failed ({child.returncode}): {child.stderr[-2000:]}")
    return child


def _article_bytes(store: Path) -> tuple[int, list[Any]]:
    """N-Quads bytes of the article graphs, and the articles as the writer takes them."""
    import pyoxigraph as ox

    from kgbuild.store import GraphStore, SerializedArticleWrite

    with GraphStore.open_read_only(store) as graph_store:
        writes = []
        for article_id in graph_store.article_ids():
            doc, claims = (ox.serialize(graph_store.quads(graph), format=ox.RdfFormat.N_QUADS)
                           for graph in (graph_store.layout.doc_graph(article_id),
                                         graph_store.layout.claims_graph(article_id)))
            writes.append(SerializedArticleWrite(article_id, doc, claims))
        fingerprints = sum(len(k) + len(v) for k, v in graph_store.fingerprints().items())
    return fingerprints, writes


def _write_ceiling(writes: list[Any], tmp: Path) -> float:
    """Articles per second one writer commits (the local build's commit sizes)."""
    from kgbuild.build import COMMIT_ARTICLES
    from kgbuild.store import GraphStore

    with GraphStore.open(tmp / "kg-write") as store:
        started = time.perf_counter()
        for i in range(0, len(writes), COMMIT_ARTICLES):
            store.write_articles(writes[i:i + COMMIT_ARTICLES])
        return len(writes) / (time.perf_counter() - started)


def run(scale: str, out_dir: Path) -> dict[str, Any]:
    s = SCALES[scale]
    n = s["jobs_articles"]
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-bench-cluster-"))
    entries: dict[str, Any] = {}
    detail: dict[str, Any] = {"machine": machine(), "articles": n}
    try:
        corpus = tmp / "articles.jsonl"
        write_jsonl(generate(n, seed=3), corpus)
        seconds: dict[str, float] = {}
        runs: dict[str, list[float]] = {}
        repeats = 1 if scale in ("tiny", "quick") else 2
        for workers in (1, 2):
            for attempt in range(repeats):  # alternating, best of each: the 2 cores are shared
                for name, options in ((f"jobs{workers}", ("--jobs", str(workers))), (f"cluster{workers}", ())):
                    store = tmp / f"kg-{name}-{attempt}"
                    with contextlib.ExitStack() as stack:
                        if options == ():
                            options = ("--cluster", stack.enter_context(local_cluster(workers, tmp)))
                        runs.setdefault(name, []).append(_build(corpus, store, *options).seconds)
                        if workers == 1 and options[0] == "--cluster" and attempt == repeats - 1:
                            # the worker is warm (pipeline loaded): the steady per-article cost
                            runs["cluster1_warm"] = [_build(corpus, store, *options, "--force").seconds]
            for name in (f"jobs{workers}", f"cluster{workers}"):
                seconds[name] = min(runs[name])
            ratio = seconds[f"jobs{workers}"] / seconds[f"cluster{workers}"]
            entries[f"cluster_vs_jobs{workers}"] = entry(
                ratio, 0.9, f"kgbuild build --jobs {workers}, same {n} articles, {workers} core(s)",
                jobs_seconds=round(seconds[f"jobs{workers}"], 2),
                cluster_seconds=round(seconds[f"cluster{workers}"], 2),
                cluster_articles_per_second=round(n / seconds[f"cluster{workers}"], 2),
                jobs_articles_per_second=round(n / seconds[f"jobs{workers}"], 2))
        seconds["cluster1_warm"] = runs["cluster1_warm"][0]
        detail["runs"] = {k: [round(x, 2) for x in v] for k, v in runs.items()}
        fingerprint_bytes, writes = _article_bytes(tmp / f"kg-cluster1-{repeats - 1}")
        out_bytes = sum(len(w.doc_nquads) + len(w.claims_nquads) for w in writes) / len(writes)
        sent_bytes = sum(len(zlib.compress(w.doc_nquads, 1)) + len(zlib.compress(w.claims_nquads, 1))
                         for w in writes) / len(writes)  # what the workers send (kgbuild.cluster.tasks)
        in_bytes = corpus.stat().st_size / n
        ceiling = _write_ceiling(writes, tmp)
        per_article = seconds["cluster1_warm"] / n  # one core, steady, including the client's writes
        detail.update(seconds={k: round(v, 2) for k, v in seconds.items()},
                      per_article_core_seconds=round(per_article, 4),
                      text_bytes_per_article=round(in_bytes), nquads_bytes_per_article=round(out_bytes),
                      sent_bytes_per_article=round(sent_bytes),
                      fingerprint_bytes_per_article=round(fingerprint_bytes / len(writes)),
                      writer_articles_per_second=round(ceiling, 1))
        core_hours = MILLION * per_article / 3600
        detail["million"] = {
            "core_hours": round(core_hours, 1),
            "cores_for_one_hour": round(core_hours),
            "hours_on_64_cores": round(core_hours / 64, 2),
            "gb_sent_to_the_client": round(MILLION * sent_bytes / 1e9, 1),
            "nquads_gb_written": round(MILLION * out_bytes / 1e9, 1),
            "text_gb_read_by_workers": round(MILLION * in_bytes / 1e9, 2),
            "fingerprints_mb_per_worker": round(MILLION * fingerprint_bytes / len(writes) / 1e6, 1),
            "writer_bound_hours": round(MILLION / ceiling / 3600, 2),
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {"entries": entries, "detail": detail}


def main() -> None:
    result = script_main("cluster", run, doc=__doc__)
    print(json.dumps({k: result["detail"][k] for k in ("seconds", "million") if k in result["detail"]}, indent=1))
    print("per article:", {k: v for k, v in result["detail"].items() if k.endswith(("_article", "_second"))})


if __name__ == "__main__":
    os.environ.pop("KGBUILD_CLUSTER", None)
    main()
