"""``build()``: articles in, graphs in the embedded store, then reasoning and validation.

Incremental: an article is skipped when its content and the pipeline fingerprint (kgbuild
version, model, pipeline config, lexicon, KB content) are unchanged. Extraction streams
(``nlp.pipe`` in-process, or ``jobs`` worker processes each with its own pipeline), and
articles are committed in small transactions, so memory stays flat and a build killed at
any point leaves every article old, new or absent, never half-written.

The first commits come early (after :data:`FIRST_COMMIT_ARTICLES` articles, the budget then
doubling up to :data:`COMMIT_ARTICLES` / :data:`COMMIT_QUADS`, and at least every
:data:`COMMIT_SECONDS`), so a build interrupted in its first minute keeps what it did. Ctrl-C
raises :class:`~kgbuild.errors.BuildInterrupted` carrying the report of what was kept (the
inferred graph is then marked stale). Inputs of which none can be read leave the store alone:
it is neither created nor reasoned.
"""
from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from . import actor_classes
from .config import Config
from .errors import BuildInterrupted, KgbuildError, OntologyError
from .ingest import Article, InputFailure, read_inputs
from .layout import Layout
from .namespace import KG
from .resources import ontology_dir
from .store import ArticleWrite, GraphStore, SerializedArticleWrite

__all__ = ["build", "BuildReport", "load_background", "extract_worker", "commit_due", "CommitBudget"]

BATCH = 64  # articles per extraction batch (one nlp.pipe call)
EMIT_BATCH = 16  # of which emitted and validated at once (their quads and SHACL index in memory)
FIRST_BATCH = 4  # the first batches are smaller (4, 8, 16, ... up to BATCH): early first commits
#: a commit (one atomic bulk load) gathers articles until it holds this many quads or articles
COMMIT_QUADS = 200_000
COMMIT_ARTICLES = 256
#: the first commit's article budget; each commit doubles it, up to COMMIT_ARTICLES
FIRST_COMMIT_ARTICLES = 4
#: pending articles are committed at least this often (seconds), whatever their number
COMMIT_SECONDS = 10.0
#: a build that extracted at least this many articles in-process frees its pipeline before the
#: final reasoning (over a 10k-article store: 978 MB peak RSS with the pipeline loaded, 840 MB
#: without); a smaller one keeps it for the next build in the same process (a few seconds of
#: loading saved, next to a reasoning that needs little memory)
RELEASE_PIPELINE_ARTICLES = 1000


@dataclass
class BuildReport:
    """What one build did; ``failures`` name the file or record and the reason."""

    built: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    actors_linked: int = 0
    actors_new: int = 0
    events: int = 0
    relations: int = 0
    claims: int = 0
    triples: int = 0
    seconds: float = 0.0
    reasoning: str | None = None
    violations: list[str] = field(default_factory=list)
    interrupted: bool = False
    """Ctrl-C stopped the build: ``built`` lists the articles committed before it."""
    store_opened: bool = True
    """False when no input could be read, so the store was left alone (not even created)."""

    @property
    def ok(self) -> bool:
        return not self.failures and not self.violations and not self.interrupted

    def count(self, write: SerializedArticleWrite, stats: dict[str, Any]) -> None:
        """Add one extracted article's figures (a worker's ``stats``) to the totals."""
        self.actors_linked += stats["linked"]
        self.actors_new += stats["new"]
        self.events += stats["events"]
        self.relations += stats["relations"]
        self.claims += stats["claims"]
        self.triples += write.quad_count
        self.violations.extend(stats["violations"])


#: each background graph's latest content as N-Quads, with its content-hash marker: a process
#: that creates many stores (tests, notebooks, services) parses and serialises them once
_background_quads: dict[ox.NamedNode, tuple[ox.Quad, bytes]] = {}


def load_background(store: GraphStore, *, kb_folders: Sequence[Path] = ()) -> bool:
    """Put the ontology and the actor KB into their graphs when they changed. Returns True if so."""
    from .kb import ActorKB, kb_content_hash

    ontology_file = ontology_dir() / "kgbuild.ttl"
    try:
        ontology_bytes = ontology_file.read_bytes()
    except OSError as exc:
        raise OntologyError(f"{ontology_file}: {' '.join(str(exc).split())}") from exc
    changed = False
    for kind, digest in (("ontology", _digest(ontology_bytes)), ("kb", kb_content_hash(folders=list(kb_folders)))):
        graph = store.layout.graph(kind)
        marker = ox.Quad(graph, ox.NamedNode(str(KG.contentHash)), ox.Literal(digest), graph)
        if store.contains(marker):  # unchanged: nothing parsed
            continue
        remembered = _background_quads.get(graph)
        data = remembered[1] if remembered is not None and remembered[0] == marker else None
        if data is None:
            if kind == "ontology":
                try:
                    triples = list(ox.parse(ontology_bytes, format=ox.RdfFormat.TURTLE))
                except SyntaxError as exc:
                    raise OntologyError(f"{ontology_file}: {' '.join(str(exc).split())}") from exc
            else:
                triples = list(ActorKB.load(folders=list(kb_folders)).triples)
            triples.append(ox.Triple(marker.subject, marker.predicate, marker.object))
            data = ox.serialize([ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples],
                                format=ox.RdfFormat.N_QUADS)
            _background_quads[graph] = (marker, data)  # the latest only: one KB per process, mostly
        if store.has_graph(graph):
            store.replace_graph(graph, ox.parse(data, format=ox.RdfFormat.N_QUADS))
        else:  # a new store: one bulk load, its content-hash marker in it (all there or none)
            store.bulk_load(data)
        changed = True
    if changed:  # what the inferred graph derives from changed everywhere: a full pass next
        store.mark_inferred_stale()
    return changed


def _digest(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


# -- workers ------------------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(model: str, kb_folders: tuple[str, ...], base: str, validate: bool = True,
                 events_model: str | None = None) -> None:
    from .extract import Extractor

    _WORKER["extractor"] = Extractor(model=model, kb_folders=[Path(f) for f in kb_folders],
                                     events_model=Path(events_model) if events_model else None)
    _WORKER["layout"] = Layout(base)  # emission mints IRIs without a store
    _WORKER["validate"] = validate
    _WORKER["args"] = (model, kb_folders, base, validate, events_model)
    _settle_heap()


def _settle_heap() -> None:
    """Move the long-lived heap (model, vocabulary, KB, rulers: millions of objects) out of the
    cyclic garbage collector's sight, and collect less often. Without this, the collector
    walks that whole heap again and again while extraction allocates (measured: half of
    validation's and a third of emission's time)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def _release_pipeline() -> None:
    """Free the in-process pipeline (model, vocabulary, KB rulers: ~450 MB) so that the final
    reasoning reuses its memory; the next build in this process loads it again."""
    import gc

    _WORKER.clear()
    gc.unfreeze()
    gc.collect()


def extract_worker(article: Article) -> tuple[str, bytes | None, bytes | None, dict[str, int] | str]:
    """Extract and emit one article in a worker; returns N-Quads (picklable), or an error."""
    return _extract_batch([article])[0]


def _extract_batch(articles: list[Article]) -> list[tuple[str, bytes | None, bytes | None, dict[str, int] | str]]:
    extractor = _WORKER["extractor"]
    out = []
    try:
        results = list(extractor.pipe(articles))
    except Exception:  # one bad article must not sink the batch: retry one by one  # noqa: BLE001
        results = []
        for article in articles:
            try:
                results.extend(extractor.pipe([article]))
            except Exception as exc:  # noqa: BLE001
                out.append((article.id, None, None, f"{article.source}: extraction failed: {exc}"))
    for start in range(0, len(results), EMIT_BATCH):  # a few articles' quads and SHACL index at a time
        out.extend(_emitted(results[start:start + EMIT_BATCH]))
    return out


def _emitted(results: list[tuple[Article, Any]]) -> list[tuple[str, bytes, bytes, dict[str, Any]]]:
    """The N-Quads (doc graph, claims graph) and counts of extracted articles, their SHACL
    violations (validated together) on the last one."""
    from .graph import emit_article

    out: list[tuple[str, bytes, bytes, dict[str, Any]]] = []
    writes = []
    for article, extraction in results:
        write = emit_article(article, extraction, layout=_WORKER["layout"], fingerprint=_fingerprint(article))
        stats: dict[str, Any] = {"linked": sum(1 for m in extraction.mentions if not m.actor.new),
                                 "new": len({m.actor.key for m in extraction.mentions if m.actor.new}),
                                 "events": len(extraction.events), "relations": len(extraction.relations),
                                 "claims": len(extraction.claims), "violations": []}
        writes.append(write)
        out.append((article.id, ox.serialize(write.doc_quads, format=ox.RdfFormat.N_QUADS),
                    ox.serialize(write.claim_quads, format=ox.RdfFormat.N_QUADS), stats))
    if writes and _WORKER.get("validate", True):  # SHACL in the worker, so --jobs spreads it too
        out[-1][3]["violations"] = _validate(writes)
    return out


def _fingerprint(article: Article) -> str:
    return f"{article.content_hash}:{_WORKER['extractor'].fingerprint}"


def _batches(items: Iterable[Article], size: int, *, first: int | None = None) -> Iterator[list[Article]]:
    """Lists of ``size`` items; with ``first``, the first lists hold ``first``, then twice as
    many, ... up to ``size`` (early results for early commits)."""
    batch: list[Article] = []
    limit = min(first or size, size)
    for item in items:
        batch.append(item)
        if len(batch) >= limit:
            yield batch
            batch = []
            limit = min(limit * 2, size)
    if batch:
        yield batch


# -- the build ----------------------------------------------------------------------------
def build(inputs: Sequence[str], *, config: Config, jobs: int = 1, published: date | None = None,
          reason: bool = True, reasoner: str = "auto", validate: bool = True, force: bool = False,
          stdin: bytes | None = None, on_progress: Callable[[str, str], None] | None = None,
          lock_wait: float = 0.0) -> BuildReport:
    """Build ``inputs`` into the store at ``config.store``.

    :param on_progress: called with (article id or source, "built" | "skipped" | "failed");
        "built" only once the article's transaction committed.
    :raises StoreError: the store cannot be opened (another build holds its lock, read-only...).
    :raises BuildInterrupted: Ctrl-C; its ``report`` lists the articles kept (committed).
    """
    started = time.perf_counter()
    report = BuildReport()
    progress = on_progress or (lambda _id, _state: None)
    items = read_inputs(inputs, published=published, stdin=stdin)
    try:
        head = _until_first_article(items, report, progress)
        if head is None:  # nothing readable: the store is neither created nor reasoned
            report.store_opened = False
        else:
            _build_into_store(itertools.chain([head], items), report, config=config, jobs=jobs, reason=reason,
                              reasoner=reasoner, validate=validate, force=force, progress=progress,
                              lock_wait=lock_wait)
    except KeyboardInterrupt:
        report.interrupted = True
    report.seconds = time.perf_counter() - started
    if report.interrupted:
        raise BuildInterrupted(report)
    return report


def _until_first_article(items: Iterator[Article | InputFailure], report: BuildReport,
                         progress: Callable[[str, str], None]) -> Article | None:
    """Failures before the first readable article go to the report; None if there is none."""
    for item in items:
        if isinstance(item, Article):
            return item
        report.failures.append(item)
        progress(item.source, "failed")
    return None


def _build_into_store(items: Iterator[Article | InputFailure], report: BuildReport, *, config: Config,
                      jobs: int, reason: bool, reasoner: str, validate: bool, force: bool,
                      progress: Callable[[str, str], None], lock_wait: float) -> None:
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(GraphStore.open(config.store, base=config.base, wait=lock_wait))
        worker_args = (config.model, tuple(str(f) for f in config.all_kb_folders), config.base, validate,
                       str(config.events_model) if config.events_model else None)
        pool = None
        stale = False  # whether an interrupt leaves graph/inferred behind the data
        try:
            # workers load their pipelines while this process loads the background graphs
            pool = stack.enter_context(_pool(worker_args, jobs)) if jobs > 1 else None
            stale = background_changed = load_background(store, kb_folders=config.all_kb_folders)
            if background_changed and reason:  # a new store: its articles are then an incremental update
                from .reason.background import reason_background

                stale = reason_background(store, engine=reasoner) is None
            changed = _extract_and_commit(items, store, report, pool=pool, worker_args=worker_args,
                                          fingerprint=_pipeline_fingerprint(config), force=force,
                                          progress=progress)
            if pool is not None:  # free the workers' memory before reasoning
                pool.close()
                pool.join()
            elif len(report.built) >= RELEASE_PIPELINE_ARTICLES:
                _release_pipeline()
            if changed or not actor_classes.is_current(store):
                actor_classes.refresh(store)
            if reason and (changed or background_changed or not store.inferred_is_current()):
                from .reason import reason as run_reasoner

                stale = True
                # only the articles written since the graph was current, unless the ontology or KB changed
                result = run_reasoner(store, engine=reasoner, incremental=True)
                stale = False
                report.reasoning = result.summary() if hasattr(result, "summary") else str(result)
        except KeyboardInterrupt:
            report.interrupted = True
            if pool is not None:
                pool.terminate()
            if stale:  # reasoning was stopped (articles written are pending: write_articles)
                with contextlib.suppress(KgbuildError, KeyboardInterrupt):
                    store.mark_inferred_stale()


def _extract_and_commit(items: Iterator[Article | InputFailure], store: GraphStore, report: BuildReport, *,
                        pool: Any, worker_args: tuple, fingerprint: str, force: bool,
                        progress: Callable[[str, str], None]) -> bool:
    """Extract what changed and commit it in growing transactions. Returns True if any was written."""
    stored = {} if force else store.fingerprints()

    def todo() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputFailure):
                report.failures.append(item)
                progress(item.source, "failed")
                continue
            report.warnings.extend(item.warnings)
            if stored.get(item.id) == f"{item.content_hash}:{fingerprint}":
                report.skipped.append(item.id)
                progress(item.id, "skipped")
                continue
            yield item

    changed = False
    pending: list[SerializedArticleWrite] = []
    budget = CommitBudget()

    def commit() -> None:
        with _interrupts_deferred():  # what is written is reported, even when Ctrl-C comes now
            if not report.built:  # the actors graph no longer matches the articles
                actor_classes.mark_stale(store)
            store.write_articles(pending)
            for write in pending:
                report.built.append(write.article_id)
                progress(write.article_id, "built")
            pending.clear()
            budget.committed()

    for results in _run(todo(), pool=pool, worker_args=worker_args):
        for article_id, doc_nq, claims_nq, stats in results:
            if isinstance(stats, str):
                report.failures.append(InputFailure(article_id, stats))
                progress(article_id, "failed")
                continue
            write = SerializedArticleWrite(article_id, doc_nq, claims_nq)  # loaded as bytes
            pending.append(write)
            changed = True
            report.count(write, stats)
        if budget.due(pending):
            commit()
    if pending:
        commit()
    return changed


@contextlib.contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold back SIGINT until the block is done, then raise KeyboardInterrupt (main thread
    only: elsewhere Python delivers no signals anyway)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught and previous is not signal.SIG_IGN:
        raise KeyboardInterrupt


class CommitBudget:
    """When the build commits: a budget of articles that starts at :data:`FIRST_COMMIT_ARTICLES`
    and doubles with each commit up to :data:`COMMIT_ARTICLES` (always within
    :data:`COMMIT_QUADS`), and at least every :data:`COMMIT_SECONDS`.

    >>> budget = CommitBudget()
    >>> budget.articles
    4
    >>> budget.committed(); budget.committed(); budget.articles
    16
    """

    def __init__(self) -> None:
        self.articles = min(FIRST_COMMIT_ARTICLES, COMMIT_ARTICLES)
        self.last = time.monotonic()

    def due(self, pending: Sequence[SerializedArticleWrite]) -> bool:
        if not pending:
            return False
        return (commit_due(pending, articles=self.articles)
                or time.monotonic() - self.last >= COMMIT_SECONDS)

    def committed(self) -> None:
        self.articles = min(self.articles * 2, COMMIT_ARTICLES)
        self.last = time.monotonic()


def commit_due(pending: Sequence[SerializedArticleWrite], *, articles: int | None = None) -> bool:
    """Whether the articles waiting to be written make a commit (the writer's batching policy:
    few large bulk loads are much faster than many small ones). ``articles``: the article
    budget (default :data:`COMMIT_ARTICLES`); the quad budget is :data:`COMMIT_QUADS`."""
    limit = COMMIT_ARTICLES if articles is None else articles
    return len(pending) >= limit or sum(w.quad_count for w in pending) >= COMMIT_QUADS


def _pipeline_fingerprint(config: Config) -> str:
    from .extract.fingerprint import pipeline_fingerprint

    return pipeline_fingerprint(model=config.model, kb_folders=config.all_kb_folders, events_model=config.events_model)


def _pool(worker_args: tuple, jobs: int) -> Any:
    return multiprocessing.get_context("forkserver").Pool(jobs, initializer=_init_worker, initargs=worker_args)


def _run(articles: Iterator[Article], *, pool: Any, worker_args: tuple) -> Iterator[list[tuple]]:
    """Extraction results in batches: in this process, or from ``pool``'s workers."""
    if pool is None:
        for batch in _batches(articles, BATCH, first=FIRST_BATCH):
            if _WORKER.get("args") != worker_args:  # loaded once there is something to extract
                _init_worker(*worker_args)
            yield _extract_batch(batch)
        return
    yield from pool.imap(_extract_batch, _batches(articles, 8), chunksize=1)  # the caller groups commits


def _validate(writes: list[ArticleWrite]) -> list[str]:
    """The SHACL violations of ``writes`` validated together (at most 50), each named by the
    article whose graph has the violation's focus node."""
    from .validate import validate_quads

    quads = [q for w in writes for q in w.doc_quads] + [q for w in writes for q in w.claim_quads]
    try:
        result = validate_quads(quads)
    except KgbuildError as exc:
        return [f"validation could not run: {exc}"]
    if not result.violations:
        return []
    owner = {str(q.subject): w.article_id for w in reversed(writes) for q in w.doc_quads}  # N-Triples forms
    return [f"{owner.get(focus, '?')}: {focus} {path or ''}: {message}"
            for focus, path, message, *_ in result.violations[:50]]
