"""``kgbuild build --cluster``: a real Dask scheduler and two worker processes on localhost
(``dask scheduler`` / ``dask worker``, started here, stopped after), no mocks.

The cluster is shared by the module; the test that kills a worker runs last.
"""
from __future__ import annotations

import collections
import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import ROOT, build_into, invoke
from rdflib import Graph
from rdflib.compare import isomorphic

from kgbuild.config import load_config
from kgbuild.store import GraphStore

distributed = pytest.importorskip("distributed")

sys.path.insert(0, str(ROOT / "benchmarks"))
from gen_articles import generate, write_jsonl  # noqa: E402

GENERATED = 12  # articles in the generated corpus


class Cluster:
    def __init__(self, address: str, workers: list[subprocess.Popen[bytes]], scheduler: subprocess.Popen[bytes]):
        self.address, self.workers, self.scheduler = address, workers, scheduler

    def client(self) -> distributed.Client:
        return distributed.Client(self.address, timeout=30, set_as_default=False)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    folder = tmp_path_factory.mktemp("dask")
    file = folder / "scheduler.json"
    dask = str(Path(sys.executable).with_name("dask"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGBUILD_")}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "cwd": folder}
    scheduler = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0",  # noqa: S603
                                  "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(file)], **quiet)
    workers: list[subprocess.Popen[bytes]] = []
    try:
        deadline = time.monotonic() + 60
        while not file.is_file() and time.monotonic() < deadline:
            time.sleep(0.2)
        address = json.loads(file.read_text())["address"]
        workers = [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-nanny",  # noqa: S603
                                     "--name", f"w{i}", "--local-directory", str(folder / f"w{i}")], **quiet)
                   for i in range(2)]
        with distributed.Client(address, timeout=30, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=60)
        yield Cluster(address, workers, scheduler)
    finally:  # the workers first, while their scheduler still answers their goodbye
        for group in (workers, [scheduler]):
            for process in group:
                if process.poll() is None:
                    process.terminate()
            for process in group:
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated corpus: a folder of JSON Lines files of one article each (so the
    cluster gets several partitions: 4 files, then 8)."""
    folder = tmp_path_factory.mktemp("corpus")
    for n, record in enumerate(generate(GENERATED, seed=7, words=150)):
        write_jsonl(iter([record]), folder / f"part-{n:02d}.jsonl")
    return folder


@pytest.fixture(scope="module")
def corpus_local(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated corpus built locally (no reasoning), the reference for cluster builds."""
    path = tmp_path_factory.mktemp("local") / "kg"
    report = build_into(path, [corpus], reason=False)
    assert report.ok and len(report.built) == GENERATED, report.failures
    return path


@pytest.fixture(scope="module")
def examples_graphs(built_store: Path) -> dict[str, list[ox.Triple]]:
    """The session's local build of examples/, graph by graph (read once for the module)."""
    return _store_graphs(built_store)


def _graphs(quads: Iterator[ox.Quad]) -> dict[str, list[ox.Triple]]:
    graphs: dict[str, list[ox.Triple]] = collections.defaultdict(list)
    for quad in quads:
        graphs[quad.graph_name.value].append(quad.triple)
    return dict(graphs)


def _store_graphs(path: Path) -> dict[str, list[ox.Triple]]:
    with GraphStore.open_read_only(path) as store:
        return _graphs(store.quads())


def assert_same_graphs(got: dict[str, list[ox.Triple]], expected: dict[str, list[ox.Triple]]) -> None:
    """The same named graphs with the same triples; graphs with blank nodes (the ontology's
    lists, labelled anew by each parse) isomorphic."""
    assert sorted(got) == sorted(expected)
    for name, triples in expected.items():
        if any(isinstance(t, ox.BlankNode) for x in triples for t in (x.subject, x.object)):
            a, b = (Graph().parse(data=ox.serialize(t, format=ox.RdfFormat.N_TRIPLES).decode(), format="nt")
                    for t in (got[name], triples))
            assert len(a) == len(b) and isomorphic(a, b), name
        else:
            assert sorted(map(str, got[name])) == sorted(map(str, triples)), name


def test_cluster_build_from_the_config_stores_what_a_local_build_stores(
        cluster: Cluster, examples_graphs: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kgbuild.toml").write_text(f'cluster = "{cluster.address}"\nstore = "kg"\n')
    monkeypatch.chdir(tmp_path)
    result = invoke(["build", ROOT / "examples"])
    assert "cluster: 2 worker(s), 2 thread(s); dashboard: http://127.0.0.1:" in result.output
    assert "│              7 │       0 │      0 │" in result.output
    assert_same_graphs(_store_graphs(tmp_path / "kg"), examples_graphs)

    again = invoke(["build", ROOT / "examples", "-v"])
    assert "│              0 │       7 │      0 │" in again.output
    assert again.output.count("skipped: ") == 7


def test_stdin_is_read_by_the_client_and_shipped(cluster: Cluster, examples_graphs: dict, tmp_path: Path) -> None:
    """Inputs the workers cannot read (stdin) are read, skipped or shipped by the client."""
    lines = (ROOT / "examples" / "articles.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)[:2]
    args = ["build", "-", "--store", tmp_path / "kg", "--cluster", cluster.address, "--no-reason", "-v"]
    first = invoke(args, input="".join(lines))
    assert first.output.count("built: ") == 2
    ids = [json.loads(line)["id"] for line in lines]
    with GraphStore.open_read_only(tmp_path / "kg") as store:
        assert store.article_ids() == sorted(ids)
    got, expected = _store_graphs(tmp_path / "kg"), examples_graphs
    mine = [g for g in expected if any(g.endswith("/" + i) for i in ids)]
    assert len(mine) >= 2
    assert_same_graphs({g: got[g] for g in mine}, {g: expected[g] for g in mine})
    again = invoke(args, input="".join(lines))
    assert again.output.count("skipped: ") == 2 and "built: " not in again.output


@pytest.mark.server
def test_cluster_build_into_an_oxigraph_server(cluster: Cluster, examples_graphs: dict) -> None:
    from servers import Unavailable, oxigraph_server

    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(oxigraph_server())
        except Unavailable as exc:
            pytest.skip(str(exc))
        result = invoke(["build", ROOT / "examples", "--cluster", cluster.address, "--endpoint", server.url,
                         "--kind", "oxigraph"])
        assert f"kgbuild build -> {server.url} (oxigraph)" in result.output
        assert "over a dump of the server's reasoning inputs" in result.output
        request = urllib.request.Request(server.url + "/store", headers={"Accept": "application/n-quads"})
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - localhost
            on_server = _graphs(ox.parse(response.read(), format=ox.RdfFormat.N_QUADS))
        assert_same_graphs(on_server, examples_graphs)  # the inferred graph too

        again = invoke(["build", ROOT / "examples", "--cluster", cluster.address, "--endpoint", server.url])
        assert "│              0 │       7 │      0 │" in again.output  # fingerprints read from the server
        assert "reasoning:" not in again.output


def test_unreachable_scheduler_is_one_line_and_nothing_is_written(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from servers import free_port

    monkeypatch.setattr("kgbuild.cluster.client.CONNECT_TIMEOUT", 1.0)
    result = invoke(["build", ROOT / "examples", "--store", tmp_path / "kg", "--cluster",
                     f"tcp://127.0.0.1:{free_port()}"], expect=1)
    assert result.output.startswith("Error: tcp://127.0.0.1:") and "cannot reach the Dask scheduler" in result.output
    assert result.output.count("\n") == 1
    assert not (tmp_path / "kg").exists()


def test_without_the_extra_cluster_names_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` raises ImportError
    result = invoke(["build", ROOT / "examples", "--store", tmp_path / "kg", "--cluster", "tcp://127.0.0.1:1"],
                    expect=1)
    assert result.output == "Error: --cluster needs dask.distributed: pip install 'kgbuild[cluster]'\n"
    assert not (tmp_path / "kg").exists()


def test_endpoint_without_cluster_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(["build", ROOT / "examples", "--endpoint", "http://127.0.0.1:1"], expect=2)
    assert "--endpoint and --kind need --cluster" in result.output


def test_interrupted_cluster_build_keeps_its_commits_and_a_rerun_builds_the_rest(
        cluster: Cluster, corpus: Path, corpus_local: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    cmd = [str(Path(sys.executable).with_name("kgbuild")), "build", str(corpus), "--store", str(store),
           "--cluster", cluster.address, "--no-reason", "-v"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("KGBUILD_")}
    process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,  # noqa: S603
                               cwd=tmp_path)
    assert process.stderr is not None
    lines = []
    for line in process.stderr:
        lines.append(line.decode())
        if line.startswith(b"built: "):
            process.send_signal(signal.SIGINT)
            break
    out, err = process.communicate(timeout=120)
    lines.append(err.decode())
    assert process.returncode == 130, "".join(lines)
    kept = GraphStore.open_read_only(store)
    with kept:
        kept_ids = set(kept.article_ids())
    assert 0 < len(kept_ids) < GENERATED, "".join(lines)
    assert "interrupted: kept the" in "".join(lines)

    report = _cluster_build(cluster, [corpus], store, reason=False)
    assert set(report.skipped) == kept_ids and len(report.built) == GENERATED - len(kept_ids)
    assert_same_graphs(_store_graphs(store), _store_graphs(corpus_local))


def _cluster_build(cluster: Cluster, inputs: list[Path], store: Path, **options: object):  # noqa: ANN202
    from kgbuild.cluster import cluster_build

    config = load_config(cwd=ROOT, environ={}).with_options(store=store)
    return cluster_build([str(i) for i in inputs], config=config, cluster=cluster.address, **options)


def test_a_worker_killed_mid_task_loses_nothing_and_stores_nothing_twice(
        cluster: Cluster, corpus: Path, corpus_local: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs last: one worker is gone afterwards."""
    monkeypatch.setattr("kgbuild.cluster.partitions.FIRST_FILES", 2)  # six tasks of two files
    monkeypatch.setattr("kgbuild.cluster.partitions.FILES_PER_PARTITION", 2)
    killed: list[tuple[str, list[str]]] = []
    with cluster.client() as client:
        pids = client.run(os.getpid)

        def kill_a_busy_worker() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                busy = {w: list(keys) for w, keys in client.processing().items() if keys}
                if busy:
                    worker = next(iter(busy))
                    os.kill(pids[worker], signal.SIGKILL)
                    killed.append((worker, busy[worker]))
                    return
                time.sleep(0.005)

        class KillOnceTasksRun:
            thread: threading.Thread | None = None

            def started(self, **_: object) -> None:
                self.thread = threading.Thread(target=kill_a_busy_worker, daemon=True)
                self.thread.start()

            def advance(self, weight: int) -> None:
                pass

            def update(self, name: str, state: str) -> None:
                pass

        watcher = KillOnceTasksRun()
        report = _cluster_build(cluster, [corpus], tmp_path / "kg", reason=False, watcher=watcher)
        assert watcher.thread is not None
        watcher.thread.join(timeout=60)
    assert killed and killed[0][1], "a worker was killed while tasks of the build were on it"
    assert sum(w.poll() is not None for w in cluster.workers) == 1
    assert report.ok, report.failures
    assert sorted(report.built) == sorted(set(report.built)) and len(report.built) == GENERATED
    assert_same_graphs(_store_graphs(tmp_path / "kg"), _store_graphs(corpus_local))


@pytest.mark.parametrize("block", [10, 47, 48, 1000])
def test_jsonl_blocks_hold_every_line_once_and_name_bad_lines(tmp_path: Path, block: int) -> None:
    from kgbuild.cluster.partitions import plan_partitions, read_partition

    lines = ['{"id": "b1", "text": "Rebels shelled a town."}', '{"id": "b2"}',
             '{"id": "b3", "text": "Troops entered the city."}', "{bad"]
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n")
    plan = plan_partitions([str(tmp_path)], block_bytes=block)
    assert (len(plan.partitions) > 1) == (block < 100)
    items = [item for p in plan.partitions for item in read_partition(p)]
    assert [i.id for i in items if hasattr(i, "id")] == ["b1", "b3"]
    assert [i.source.rsplit(":", 1)[1] for i in items if not hasattr(i, "id")] == ["2", "4"]
