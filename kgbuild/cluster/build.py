"""``cluster_build()``: extraction as tasks on a Dask cluster, the writing on this machine.

The client (this process) lists the inputs and cuts them into partitions
(:mod:`~kgbuild.cluster.partitions`); when every worker can see the input paths (a shared
folder, or fsspec URLs), workers read their partitions themselves and the client never reads
an article. Otherwise (stdin, or paths only this machine has) the client reads the articles,
skips the unchanged ones itself and ships the others' texts.

Skipping unchanged articles needs each article's content hash, which only the reader knows:
the client sends the store's fingerprints (article id -> fingerprint, about 100 bytes an
article) to every worker once, and workers report skipped articles by id. That is the trade:
one broadcast of the fingerprints instead of every text crossing the network.

A worker loads the pipeline once (its first task) and keeps it; each task returns its
articles' N-Quads (zlib-compressed: ~500 KB an article shrinks about 8x) with their
fingerprints and statistics. The client commits them with the
local build's writer: the same commit budget (:class:`~kgbuild.build.CommitBudget`), each
article whole, Ctrl-C deferred during a commit. At most a few partitions per worker thread
are in flight, so memory stays flat on both sides.

Faults: a worker that dies mid-task loses nothing: the scheduler runs the task again on
another worker, and the client takes each partition's result once (an article is never stored
twice; a rewrite would replace it whole anyway). A partition lost with three workers in a row
(Dask's ``allowed-failures``) is reported as failed, naming its files. Duplicate article ids
across partitions: the first result to arrive is kept and the other reported.
"""
from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from ..build import CommitBudget, BuildReport, _interrupts_deferred, _pipeline_fingerprint
from ..config import Config
from ..errors import BuildInterrupted, ClusterError, KgbuildError
from ..ingest import Article, InputFailure, read_inputs
from ..signals import remembered_interrupts
from ..store import SerializedArticleWrite
from .client import connect
from .partitions import Partition, is_url, plan_partitions, ship_articles
from .sinks import Sink, open_sink
from .tasks import PartitionResult, run_partition, unpack, worker_paths_missing

__all__ = ["cluster_build", "Watcher", "IN_FLIGHT_PER_THREAD", "RESUBMITS"]

#: partitions submitted ahead per worker thread (enough to keep workers busy while results travel)
IN_FLIGHT_PER_THREAD = 2
#: times a partition is submitted again after being cancelled by the loss of a worker (Dask
#: itself reruns a task whose worker died, up to its ``allowed-failures``; this is for the
#: tasks it gives up on because an input of theirs died with the worker)
RESUBMITS = 2


class Watcher(Protocol):
    """Progress of a cluster build (the CLI's :class:`~kgbuild.cluster.progress.ClusterProgress`)."""

    def started(self, *, dashboard: str | None, workers: int, threads: int, total: int | None) -> None: ...
    def update(self, name: str, state: str) -> None: ...
    def advance(self, weight: int) -> None: ...


class _Quiet:
    def started(self, **_: Any) -> None:
        pass

    def update(self, name: str, state: str) -> None:
        pass

    def advance(self, weight: int) -> None:
        pass


def cluster_build(inputs: Sequence[str], *, config: Config, cluster: str, endpoint: str | None = None,
                  kind: str | None = None, auth: Any = None, published: date | None = None,
                  reason: bool = True, reasoner: str = "auto", validate: bool = True, force: bool = False,
                  stdin: bytes | None = None, watcher: Watcher | None = None, lock_wait: float = 0.0,
                  timeout: float | None = None) -> BuildReport:
    """Build ``inputs`` on the Dask cluster at ``cluster`` into the store at ``config.store``,
    or, with ``endpoint``, into that SPARQL server's dataset (``kind``: its server kind).

    :raises MissingExtraError: dask.distributed is not installed.
    :raises ClusterError: the scheduler cannot be reached or has no worker (nothing written),
        or a worker cannot see the KB folders.
    :raises StoreError: the store cannot be opened. :raises EndpointError: the server cannot.
    :raises BuildInterrupted: Ctrl-C; its ``report`` lists the articles kept (committed).

    ``timeout``: seconds to wait for the scheduler and a worker (default
    :data:`~kgbuild.cluster.client.CONNECT_TIMEOUT`).
    """
    started = time.perf_counter()
    report = BuildReport()
    watch = watcher or _Quiet()
    try:
        with connect(cluster, timeout=timeout) as client:
            _build(client, inputs, report, config=config, endpoint=endpoint, kind=kind, auth=auth,
                   published=published, reason=reason, reasoner=reasoner, validate=validate, force=force,
                   stdin=stdin, watch=watch, lock_wait=lock_wait)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    if report.interrupted:
        raise BuildInterrupted(report)
    return report


def _worker_args(config: Config, validate: bool) -> tuple:
    """The local build's worker arguments, with paths made absolute (workers start elsewhere)."""
    return (config.model, tuple(str(Path(f).absolute()) for f in config.all_kb_folders), config.base, validate,
            str(Path(config.events_model).absolute()) if config.events_model else None)


def _build(client: Any, inputs: Sequence[str], report: BuildReport, *, config: Config, endpoint: str | None,
           kind: str | None, auth: Any, published: date | None, reason: bool, reasoner: str, validate: bool,
           force: bool, stdin: bytes | None, watch: Watcher, lock_wait: float) -> None:
    worker_args = _worker_args(config, validate)
    local = [str(Path(i).absolute()) for i in inputs if i != "-" and not is_url(i) and Path(i).exists()]
    needed = [*worker_args[1], *([worker_args[4]] if worker_args[4] else [])]
    unseen = {p for missing in client.run(worker_paths_missing, [*needed, *local]).values() for p in missing}
    for path in needed:
        if path in unseen:
            raise ClusterError(f"{path}: not found on every Dask worker; the KB folders and the events model "
                               "must be at the same path on the workers (a shared folder)")
    shipped = "-" in inputs or any(p in unseen for p in local)
    threads = sum(client.nthreads().values())
    sink = open_sink(config, endpoint=endpoint, kind=kind, auth=auth, lock_wait=lock_wait)
    try:
        stored = {} if force else sink.fingerprints()
        if shipped:  # the client reads, skips what is unchanged, and ships the rest
            partitions, total = _shipped(inputs, report, watch, stored=stored, published=published, stdin=stdin,
                                         fingerprint=_pipeline_fingerprint(config), sink=sink), None
        else:
            plan = plan_partitions(inputs)
            for failure in plan.failures:
                report.failures.append(failure)
                watch.update(failure.source, "failed")
            partitions, total = iter(plan.partitions), plan.weight
        watch.started(dashboard=getattr(client, "dashboard_link", None), workers=len(client.nthreads()),
                      threads=threads, total=total)
        changed = _extract_and_commit(client, partitions, report, sink, watch, worker_args=worker_args,
                                      stored=stored, force=force, published=published,
                                      in_flight=max(2, IN_FLIGHT_PER_THREAD * threads))
        if sink.opened:
            report.reasoning = sink.finish(reason=reason, reasoner=reasoner, changed=changed)
        else:  # nothing readable: the store is neither created nor reasoned
            report.store_opened = False
    except KeyboardInterrupt:
        report.interrupted = True
        if sink.opened and (sink.background_changed or report.built):
            with contextlib.suppress(KgbuildError, KeyboardInterrupt):
                sink.mark_stale()
    finally:
        sink.close()


def _shipped(inputs: Sequence[str], report: BuildReport, watch: Watcher, *, stored: dict[str, str],
             published: date | None, stdin: bytes | None, fingerprint: str, sink: Sink) -> Iterator[Partition]:
    def todo() -> Iterator[Article]:
        for item in read_inputs(inputs, published=published, stdin=stdin):
            if isinstance(item, InputFailure):
                report.failures.append(item)
                watch.update(item.source, "failed")
                continue
            if not sink.opened:
                sink.begin()
            report.warnings.extend(item.warnings)
            if stored.get(item.id) == f"{item.content_hash}:{fingerprint}":
                report.skipped.append(item.id)
                watch.update(item.id, "skipped")
                continue
            yield item

    return ship_articles(todo())


def _extract_and_commit(client: Any, partitions: Iterator[Partition], report: BuildReport, sink: Sink,
                        watch: Watcher, *, worker_args: tuple, stored: dict[str, str], force: bool,
                        published: date | None, in_flight: int) -> bool:
    """Submit partitions (a bounded number at a time), commit what comes back. Returns True if
    any article was written."""
    from distributed import as_completed

    from concurrent.futures import CancelledError

    # a unique key (hash=False): never a key a finished build of the same data is releasing
    shared = client.scatter([stored], broadcast=True, hash=False)
    token = uuid.uuid4().hex[:8]
    running: dict[Any, Partition] = {}
    attempts: dict[int, int] = {}
    done = as_completed(loop=client.loop)

    def submit(partition: Partition | None = None) -> None:
        if partition is None:
            partition = next(partitions, None)
            if partition is None:
                return
        attempt = attempts.get(partition.index, 0)
        future = client.submit(run_partition, partition, worker_args=worker_args, stored=shared[0], force=force,
                               published=published, key=f"kgbuild-{token}-{partition.index}-{attempt}")
        running[future] = partition
        done.add(future)

    def resubmit(partition: Partition) -> bool:
        """A task cancelled because its input died with a worker: run it again (twice at most)."""
        if attempts.get(partition.index, 0) >= RESUBMITS:
            return False
        attempts[partition.index] = attempts.get(partition.index, 0) + 1
        if shared[0].status != "finished":  # the fingerprints died too: send them again
            shared[:] = client.scatter([stored], broadcast=True, hash=False)
        submit(partition)
        return True

    pending: list[SerializedArticleWrite] = []
    budget = CommitBudget()
    seen: dict[str, str] = {}
    changed = False

    def commit() -> None:
        with _interrupts_deferred():  # what is written is reported, even when Ctrl-C comes now
            sink.write(pending)
            for write in pending:
                report.built.append(write.article_id)
                watch.update(write.article_id, "built")
            pending.clear()
            budget.committed()

    try:
        # a Ctrl-C that comes while a dask finalizer runs is only printed: remembered, it is
        # raised again at the next result
        with remembered_interrupts() as interrupted:
            for _ in range(in_flight):
                submit()
            for future in done:
                interrupted.check()  # a Ctrl-C Python swallowed in a finalizer during the wait
                partition = running.pop(future)
                try:
                    result: PartitionResult = future.result()
                except CancelledError:
                    if resubmit(partition):
                        continue
                    report.failures.append(InputFailure(partition.describe(), "failed on the cluster: cancelled"))
                    watch.update(partition.describe(), "failed")
                    watch.advance(partition.weight)
                    submit()
                    continue
                except Exception as exc:  # noqa: BLE001 - the partition, not the build, failed
                    report.failures.append(InputFailure(partition.describe(), f"failed on the cluster: {_short(exc)}"))
                    watch.update(partition.describe(), "failed")
                    watch.advance(partition.weight)
                    submit()
                    continue
                submit()  # keep the workers busy while this result is written
                for failure in result.failures:
                    report.failures.append(failure)
                    watch.update(failure.source, "failed")
                report.warnings.extend(result.warnings)
                if (result.results or result.skipped) and not sink.opened:
                    sink.begin()
                for article_id, source in result.skipped:
                    if _duplicate(article_id, source, seen, report, watch):
                        continue
                    report.skipped.append(article_id)
                    watch.update(article_id, "skipped")
                for article_id, doc_nq, claims_nq, stats in result.results:
                    if isinstance(stats, str):
                        report.failures.append(InputFailure(article_id, stats))
                        watch.update(article_id, "failed")
                        continue
                    if _duplicate(article_id, result.sources.get(article_id, article_id), seen, report, watch):
                        continue
                    write = SerializedArticleWrite(article_id, unpack(doc_nq), unpack(claims_nq))
                    pending.append(write)
                    changed = True
                    report.count(write, stats)
                watch.advance(partition.weight)
                if budget.due(pending):
                    commit()
            interrupted.check()
            if pending:
                commit()
    except BaseException:
        with contextlib.suppress(Exception):
            client.cancel(list(running))
        raise
    return changed


def _duplicate(article_id: str, source: str, seen: dict[str, str], report: BuildReport, watch: Watcher) -> bool:
    first = seen.get(article_id)
    if first is None:
        seen[article_id] = source
        return False
    report.failures.append(InputFailure(source, f"duplicate article id {article_id!r} (also in {first})"))
    watch.update(source, "failed")
    return True


def _short(exc: BaseException) -> str:
    from distributed import KilledWorker

    if isinstance(exc, KilledWorker):
        return "its workers died (the task was retried as often as the scheduler allows)"
    return " ".join(f"{type(exc).__name__}: {exc}".split())[:200]

