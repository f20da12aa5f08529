"""Push the store's named graphs into a remote SPARQL store (Fuseki, Oxigraph, GraphDB,
Virtuoso, or any SPARQL 1.1 endpoint: the server kinds of :mod:`kgbuild.servers`), verified by
per-graph triple counts. Without a kind, the server is recognised from the headers of its answer
to a HEAD request (an unrecognised one is loaded as ``generic``).

Strategy:

- *first load* (none of the graphs to load exist on the server) where the server takes
  quads: every quad in ONE streamed, gzipped N-Quads POST;
- otherwise graph by graph: each graph is uploaded into a temporary graph
  (``urn:kgbuild:tmp:{token}:{n}``; Graph Store Protocol PUT, or ``INSERT DATA`` in chunks),
  and then all of them are ``MOVE``d over the old graphs in one SPARQL update, so a failure
  leaves every graph either old or new, never a mix;
- afterwards every loaded graph's triple count on the server must equal the local one.

The graphs are serialised by the store itself (:mod:`kgbuild.load.stream`) and counted as
they are sent; the server is asked twice: which of our graphs it has (before) and how many
triples each holds (after, one aggregate query).

Only the graphs loaded are replaced; nothing else on the server is touched unless
``replace=True``, which also drops the server's graphs under the store's base that the local
store does not have.

>>> from kgbuild.layout import Layout
>>> select_graph_names(["kb", "a1"], layout=Layout("https://x.org/"), local=["https://x.org/graph/kb",
...     "https://x.org/graph/doc/a1", "https://x.org/graph/claims/a1", "https://x.org/graph/doc/a2"])
['https://x.org/graph/claims/a1', 'https://x.org/graph/doc/a1', 'https://x.org/graph/kb']
"""
from __future__ import annotations

import contextlib
import dataclasses
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pyoxigraph as ox

from .. import servers
from ..errors import EndpointError, LoadError
from ..http import Auth
from ..servers.protocol import probe
from .protocol import Target, graph_counts, graph_names, insert_data, post_dataset, put_graph, update
from .stream import dataset_chunks, graph_body, store_chunks, triple_count

if TYPE_CHECKING:  # the store (and rdflib, which it imports) is only needed once a load runs
    from ..layout import Layout
    from ..store import GraphStore

__all__ = ["load_store", "LoadReport", "GraphResult", "make_target", "select_graph_names", "KINDS",
           "DEFAULT_CHUNK_SIZE"]

#: the server kinds (:func:`kgbuild.servers.kinds`)
KINDS = servers.kinds()
DEFAULT_CHUNK_SIZE = 50_000


@dataclass(slots=True)
class GraphResult:
    """What happened to one graph. ``status``: loaded, failed, dropped, skipped."""

    graph: str
    local: int | None = None  # triples in the local store (counted as they are sent)
    remote: int | None = None
    status: str = "pending"
    error: str | None = None


@dataclass(slots=True)
class LoadReport:
    endpoint: str
    kind: str
    method: str = ""
    graphs: list[GraphResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        return sum(g.local or 0 for g in self.graphs if g.status == "loaded")

    @property
    def triples_per_second(self) -> float:
        return self.triples / self.seconds if self.seconds > 0 else 0.0

    @property
    def ok(self) -> bool:
        return all(g.status != "failed" for g in self.graphs)

    @property
    def failed(self) -> list[GraphResult]:
        return [g for g in self.graphs if g.status == "failed"]


def make_target(endpoint: str, *, kind: str = "generic", auth: Auth | None = None,
                update_endpoint: str | None = None) -> Target:
    """Where and how the graphs go: the registered kind's URLs and abilities for ``endpoint``.

    :raises EndpointError: an unknown kind.
    """
    return servers.get(kind).target(endpoint, authenticated=auth is not None, update_endpoint=update_endpoint)


def select_graph_names(selectors: Sequence[str], *, layout: Layout, local: Iterable[str]) -> list[str]:
    """Graph IRIs for ``all``, ``ontology``, ``kb``, ``docs`` (doc + claims graphs),
    ``actors``, ``inferred`` or article ids (their doc and claims graphs). Sorted.

    :raises LoadError: an article id the store does not have.
    """
    local = sorted(set(local))
    chosen: set[str] = set()
    for sel in selectors or ["all"]:
        if sel == "all":
            chosen.update(local)
        elif sel in ("ontology", "kb", "actors", "inferred"):
            chosen.update(g for g in local if g == layout.graph(sel).value)
        elif sel == "docs":
            chosen.update(g for g in local if layout.is_article_graph(g))
        else:
            mine = [g for g in local if layout.article_of(g) == sel]
            if not mine:
                raise LoadError(f"no graphs for {sel!r} in the store (not a selector or a known article id)")
            chosen.update(mine)
    return sorted(chosen)


def load_store(store: GraphStore, *, endpoint: str, kind: str | None = None,
               graphs: Sequence[str] = ("all",), replace: bool = False, auth: Auth | None = None,
               chunk_size: int = DEFAULT_CHUNK_SIZE, update_endpoint: str | None = None) -> LoadReport:
    """Load the selected graphs of ``store`` into the remote dataset at ``endpoint``.

    ``kind``: a registered server kind (None: recognised from the server's answer, else
    ``generic``). ``update_endpoint`` (generic kind only): where SPARQL updates go, when not
    ``endpoint``.
    Idempotent: loading twice leaves the same triples (each graph is replaced whole).

    :returns: the report, when every graph loaded and verified.
    :raises LoadError: one or more graphs failed (unreachable server, refused credentials,
        count mismatch); its message has one line per failed graph and its ``report``
        attribute the full :class:`LoadReport`.
    """
    started = time.perf_counter()
    if kind is None:
        recognised = probe(endpoint, auth=auth)
        kind = recognised.name if recognised is not None else "generic"
    target = make_target(endpoint, kind=kind, auth=auth, update_endpoint=update_endpoint)
    names = select_graph_names(graphs, layout=store.layout, local=(g.value for g in store.graphs()))
    report = LoadReport(endpoint=endpoint, kind=kind)
    report.graphs = [GraphResult(graph=g) for g in names]
    try:
        _load(store, target, report, replace=replace, auth=auth, chunk_size=chunk_size)
    except EndpointError as exc:  # the server as a whole: unreachable, auth refused
        for result in report.graphs:
            if result.status in ("pending", "uploaded"):
                result.status, result.error = "failed", str(exc)
    if any(r.local is None for r in report.graphs):  # never sent: count them for the summary
        local = _local_counts(store)
        for result in report.graphs:
            if result.local is None:
                result.local = local.get(result.graph, 0)
    report.seconds = time.perf_counter() - started
    if not report.ok:
        lines = [f"{g.graph}: {g.error}" for g in report.failed]
        error = LoadError(f"{len(lines)} of {len(report.graphs)} graphs not loaded:\n" + "\n".join(lines))
        error.report = report  # type: ignore[attr-defined]
        raise error
    return report


def _load(store: GraphStore, target: Target, report: LoadReport, *, replace: bool,
          auth: Auth | None, chunk_size: int) -> None:
    prefix = store.layout.graph_prefix
    before = graph_names(target, auth=auth, prefix=prefix)
    results = {r.graph: r for r in report.graphs}
    if replace:
        local = {g.value for g in store.graphs()}
        stale = sorted(g for g in before if g not in local)
        if stale:
            update(target, " ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in stale), auth=auth,
                   what="dropping graphs not in the local store")
            report.graphs += [GraphResult(graph=g, local=0, remote=0, status="dropped") for g in stale]
    first = not any(g in before for g in results)
    if first and target.dataset_url is not None and results:
        report.method = "one N-Quads upload"
        counts: dict[str, int] = {}
        bnode_prefix = f"k{secrets.token_hex(4)}x"
        whole = store_chunks(store, bnode_prefix=bnode_prefix) \
            if sorted(results) == [g.value for g in store.graphs()] else None
        if whole is not None:  # every graph: one dump of the store, counted by one query
            counts = {g: n for g, n in _local_counts(store).items() if g in results}
        chunks = whole or dataset_chunks(store, list(results), bnode_prefix=bnode_prefix,
                                         chunk_size=chunk_size, counts=counts)
        try:
            post_dataset(_local_plain(target), chunks, auth=auth)
        except EndpointError:
            report.method += " (failed; retried graph by graph)"
        for graph, n in counts.items():
            results[graph].local = n
        if _verify(target, report, auth=auth, prefix=prefix, only_failed_to_pending=True):
            return
        todo = [r for r in report.graphs if r.status == "pending"]
    else:
        todo = list(results.values())
    if todo:
        staging = ("one N-Quads upload into temporary graphs" if target.stage_by_post and target.dataset_url
                   else "per-graph PUT" if target.gsp_url else "per-graph INSERT DATA")
        report.method = (report.method + ", then " if report.method else "") + staging + " + MOVE"
        _replace_graphs(store, target, todo, auth=auth, chunk_size=chunk_size)
        _verify(target, report, auth=auth, prefix=prefix, only_failed_to_pending=False)


def _local_plain(target: Target) -> Target:
    """``target`` without gzip when the server runs on this machine: compressing costs both
    sides CPU and saves nothing on the loopback interface."""
    host = (urlsplit(target.dataset_url or target.endpoint).hostname or "").lower()
    loopback = host == "localhost" or host.startswith("127.") or host == "::1"
    return dataclasses.replace(target, gzip=False) if loopback and target.gzip else target


def _local_counts(store: GraphStore) -> dict[str, int]:
    """Triples per named graph in the local store (one SPARQL aggregate, evaluated in Rust)."""
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", union=False)
    return {row["g"].value: int(row["n"].value) for row in rows if isinstance(row["g"], ox.NamedNode)}


def _replace_graphs(store: GraphStore, target: Target, todo: list[GraphResult], *,
                    auth: Auth | None, chunk_size: int) -> None:
    token = secrets.token_hex(4)
    staged: list[tuple[GraphResult, str]] = []
    if target.stage_by_post and target.dataset_url is not None:
        _stage_by_post(store, target, todo, staged, token=token, auth=auth, chunk_size=chunk_size)
    else:
        _stage_one_by_one(store, target, todo, staged, token=token, auth=auth, chunk_size=chunk_size)
    for result in todo:
        if result.status == "pending" and all(result is not r for r, _ in staged):
            result.status, result.error = "failed", "not attempted after the error above"
    tmps = [t for _, t in staged if t]
    if any(r.status == "failed" for r in todo):  # leave every graph old: discard the staged ones
        if tmps:
            try:
                update(target, " ;\n".join(f"DROP SILENT GRAPH <{t}>" for t in tmps), auth=auth,
                       what="dropping temporary graphs")
            except EndpointError:
                pass
        for result, _ in staged:
            result.status, result.error = "failed", "not replaced: another graph failed (server unchanged)"
        return
    moves = [target.move(t, r.graph) if t else f"DROP SILENT GRAPH <{r.graph}>"
             for r, t in staged]
    if moves:
        update(target, " ;\n".join(moves), auth=auth, what="moving temporary graphs into place")
    for result, _ in staged:
        result.status = "uploaded"


def _stage_by_post(store: GraphStore, target: Target, todo: list[GraphResult],
                   staged: list[tuple[GraphResult, str]], *, token: str, auth: Auth | None,
                   chunk_size: int) -> None:
    """Every temporary graph in one N-Quads POST (one transaction on the server)."""
    tmps = {r.graph: f"urn:kgbuild:tmp:{token}:{n}" for n, r in enumerate(todo)}
    counts: dict[str, int] = {}
    chunks = dataset_chunks(store, [r.graph for r in todo], bnode_prefix=f"k{token}x",
                            chunk_size=chunk_size, counts=counts, rename=tmps)
    try:
        post_dataset(target, chunks, auth=auth)
    except EndpointError as exc:
        for result in todo:
            result.status, result.error = "failed", f"{exc} (server unchanged)"
        with contextlib.suppress(EndpointError):  # whatever arrived goes again
            update(target, " ;\n".join(f"DROP SILENT GRAPH <{t}>" for t in tmps.values()), auth=auth,
                   what="dropping temporary graphs")
        return
    for result in todo:
        result.local = counts[result.graph]
        staged.append((result, tmps[result.graph] if result.local else ""))


def _stage_one_by_one(store: GraphStore, target: Target, todo: list[GraphResult],
                      staged: list[tuple[GraphResult, str]], *, token: str, auth: Auth | None,
                      chunk_size: int) -> None:
    """Each graph into its temporary graph: a GSP PUT, or INSERT DATA requests."""
    with ThreadPoolExecutor(max_workers=1) as pool:  # the next graph is read while the server stores one
        bodies = _ahead(pool, todo, lambda r: graph_body(store, r.graph, bnode_prefix=f"k{token}x",
                                                         chunk_size=chunk_size)) if target.gsp_url else None
        for n, result in enumerate(todo):
            tmp = f"urn:kgbuild:tmp:{token}:{n}"
            try:
                if bodies is not None:
                    body, result.local = next(bodies)
                    if result.local:
                        put_graph(target, tmp, body, auth=auth)
                else:
                    _insert_graph(store, target, result, tmp, auth=auth, chunk_size=chunk_size)
                staged.append((result, tmp if result.local else ""))
            except EndpointError as exc:
                result.status, result.error = "failed", _strip_prefix(str(exc))
                if "authentication refused" in str(exc) or "connection refused" in str(exc):
                    break  # the same for every graph: fail the rest at once, below


Body = tuple[bytes | Callable[[], Iterator[bytes]], int]


def _ahead(pool: ThreadPoolExecutor, todo: list[GraphResult], make: Callable[[GraphResult], Body],
           ) -> Iterator[Body]:
    """``make(r)`` for each of ``todo`` in order, each computed while the previous is sent."""
    pending: Future[Body] | None = None
    for i, result in enumerate(todo):
        current = pending.result() if pending is not None else make(result)
        pending = pool.submit(make, todo[i + 1]) if i + 1 < len(todo) else None
        yield current


def _insert_graph(store: GraphStore, target: Target, result: GraphResult, tmp: str, *,
                  auth: Auth | None, chunk_size: int) -> None:
    """SPARQL Update only: fill ``tmp`` with ``INSERT DATA`` requests."""
    graph = ox.NamedNode(result.graph)
    result.local = triple_count(store, result.graph)
    if result.local:
        blank = any(isinstance(t, ox.BlankNode) for q in store.quads(graph) for t in (q.subject, q.object))
        update(target, f"DROP SILENT GRAPH <{tmp}>", auth=auth, what=f"uploading {result.graph}")
        insert_data(target, tmp, lambda g=graph: store.quads(g), auth=auth, chunk_size=chunk_size,
                    blank_nodes=blank)


def _verify(target: Target, report: LoadReport, *, auth: Auth | None, prefix: str,
            only_failed_to_pending: bool) -> bool:
    """Compare server counts with local ones. True when all match."""
    after = graph_counts(target, auth=auth, prefix=prefix)
    ok = True
    for result in report.graphs:
        if result.status == "dropped":
            continue
        if result.status == "failed" and not only_failed_to_pending:
            continue
        result.remote = after.get(result.graph, 0)
        if result.local is not None and result.remote == result.local:
            result.status, result.error = "loaded", None
        else:
            ok = False
            if only_failed_to_pending:
                result.status = "pending"
            else:
                result.status = "failed"
                result.error = f"count mismatch: {result.remote} triples on the server, {result.local} local"
    return ok


def _strip_prefix(message: str) -> str:
    return message.split(": ", 1)[1] if message.startswith("uploading ") else message
