"""The embedded on-disk store: a pyoxigraph ``Store`` with kgbuild's graph layout on top.

Writers (build, remove, reason) hold an exclusive lock on the store folder, so a second
writer waits or refuses with a clear message instead of corrupting anything. Every
article is written in one transaction (its doc and claims graphs together), so a build
killed at any point leaves each article either fully old, fully new, or absent.

Graph names and minted IRIs come from the store's :class:`~kgbuild.layout.Layout`. The rest of
kgbuild reads and writes through the methods here (quads, query, update, load, bulk load,
replace graph, dump, snapshot), never through the raw pyoxigraph store.

>>> import tempfile, pathlib
>>> with GraphStore.open(pathlib.Path(tempfile.mkdtemp()) / "kg") as store:
...     store.layout.doc_graph("a1").value
'https://w3id.org/kgbuild/id/graph/doc/a1'
"""
from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from .errors import StoreError, StoreLockedError
from .layout import GraphKind, Layout, iri_quote
from .namespace import DEFAULT_BASE, KG

__all__ = ["GraphStore", "GraphKind", "ArticleWrite", "SerializedArticleWrite", "PendingChanges", "LOCK_NAME",
           "iri_quote", "as_graph_store", "current_marker"]

LOCK_NAME = "kgbuild.lock"

_RDF_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


@dataclass(frozen=True, slots=True)
class ArticleWrite:
    """Everything one article contributes to the store, written in one transaction."""

    article_id: str
    doc_quads: list[ox.Quad]
    claim_quads: list[ox.Quad]

    @property
    def quad_count(self) -> int:
        return len(self.doc_quads) + len(self.claim_quads)

    def to_nquads(self) -> bytes:
        return ox.serialize([*self.doc_quads, *self.claim_quads], format=ox.RdfFormat.N_QUADS)

    def as_quads(self) -> ArticleWrite:
        return self


@dataclass(frozen=True, slots=True)
class SerializedArticleWrite:
    """An :class:`ArticleWrite` as N-Quads (what extraction workers hand to the writer):
    the store loads the bytes without turning them into Python objects."""

    article_id: str
    doc_nquads: bytes
    claims_nquads: bytes
    quad_count: int = field(init=False)
    """N-Quads lines, counted once (the writer's batching reads it for every pending article)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "quad_count", self.doc_nquads.count(b"\n") + self.claims_nquads.count(b"\n"))

    def to_nquads(self) -> bytes:
        return self.doc_nquads + self.claims_nquads

    def as_quads(self) -> ArticleWrite:
        return ArticleWrite(self.article_id, list(ox.parse(self.doc_nquads, format=ox.RdfFormat.N_QUADS)),
                            list(ox.parse(self.claims_nquads, format=ox.RdfFormat.N_QUADS)))


@dataclass(frozen=True, slots=True)
class PendingChanges:
    """What changed since the inferred graph was computed (:meth:`GraphStore.pending_changes`);
    empty when it is current."""

    sources: tuple[ox.NamedNode, ...] = ()
    """Article graphs written or removed."""
    replaced: frozenset[ox.NamedNode] = frozenset()
    """Those of ``sources`` whose earlier content was replaced or removed (the others are new)."""
    nodes: tuple[ox.NamedNode, ...] = ()
    """Nodes whose classes in the actors graph changed."""

    def __bool__(self) -> bool:
        return bool(self.sources or self.nodes)


#: quads per ``bulk_load`` call of new articles (under :data:`GRAPH_BULK_QUADS`): each call ends
#: in one ingestion of SST files for every index at once, which RocksDB applies atomically (an
#: article is all there or absent, even if the process dies mid-write). Small calls keep the bulk
#: loader's sort buffers small: a 1,000-article build peaked at 825 MB RSS with 250,000, 757 MB
#: with 50,000, and 3,000 synthetic articles were written in 6.3-7.0 s instead of 8.5-8.9 s
BULK_CHUNK_QUADS = 50_000
#: the largest new graph :meth:`GraphStore.replace_graph` writes in one bulk load: well under
#: oxigraph's bulk-loader batch (1,000,000 quads), so it stays one atomic ingestion
GRAPH_BULK_QUADS = 250_000


class GraphStore:
    """A kgbuild store folder. Use :meth:`open` (writer) or :meth:`open_read_only`."""

    def __init__(self, store: ox.Store, *, path: Path | None, base: str = DEFAULT_BASE,
                 lock: IO[Any] | None = None, read_only: bool = False) -> None:
        self.store = store
        """The raw pyoxigraph store (for tests and benchmarks; kgbuild itself uses the methods)."""
        self.path = path
        self.layout = Layout(base)
        """Graph names and minted IRIs (:class:`~kgbuild.layout.Layout`)."""
        self.read_only = read_only
        self._lock = lock

    @property
    def base(self) -> str:
        """The build base (``self.layout.base``)."""
        return self.layout.base

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path | str, *, base: str = DEFAULT_BASE, wait: float = 0.0) -> GraphStore:
        """Open (creating if needed) a store for writing, holding its exclusive lock.

        :param wait: seconds to wait for another writer to finish before giving up.
        :raises StoreLockedError: another process is writing the store.
        :raises StoreError: the folder cannot be created or holds no valid store.
        """
        path = Path(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"{path}: cannot create store folder: {exc.strerror or exc}") from exc
        if not os.access(path, os.W_OK):
            raise StoreError(f"{path}: store folder is not writable")
        lock = _acquire_lock(path, exclusive=True, wait=wait)
        try:
            store = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:
            lock.close()
            raise StoreError(f"{path}: cannot open store: {_one_line(exc)}") from exc
        return cls(store, path=path, base=base, lock=lock)

    @classmethod
    def open_read_only(cls, path: Path | str, *, base: str = DEFAULT_BASE,
                       wait: float = 30.0) -> GraphStore:
        """Open an existing store for reading.

        Waits (up to ``wait`` seconds) while a writer holds the store, since reading a
        store that another process writes is undefined in RocksDB.

        :raises StoreError: no store there.
        """
        path = Path(path)
        if not path.is_dir() or not any(path.iterdir()):
            raise StoreError(f"{path}: no kgbuild store here (run `kgbuild build` first)")
        lock = _acquire_lock(path, exclusive=False, wait=wait)
        try:
            store = ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            lock.close()
            if "only possible on read-write" in str(exc):  # killed before Oxigraph wrote its version
                raise StoreError(f"{path}: the store's creation was interrupted before it held anything; "
                                 f"run `kgbuild build` again") from exc
            raise StoreError(f"{path}: cannot open store: {_one_line(exc)}") from exc
        return cls(store, path=path, base=base, lock=lock, read_only=True)

    @classmethod
    def in_memory(cls, *, base: str = DEFAULT_BASE) -> GraphStore:
        """A throw-away in-memory store (tests, benchmarks, scratch work)."""
        return cls(ox.Store(), path=None, base=base)

    @classmethod
    def wrap(cls, store: ox.Store, *, base: str = DEFAULT_BASE) -> GraphStore:
        """A GraphStore over an existing pyoxigraph store (not closed by :meth:`close`)."""
        return cls(store, path=None, base=base)

    def rebased(self, base: str) -> GraphStore:
        """The same data seen under another build base (not closed by :meth:`close`)."""
        return GraphStore(self.store, path=None, base=base, read_only=self.read_only)

    def flush(self) -> None:
        """Write RocksDB's in-memory write buffers to disk (on-disk stores; nothing in memory).

        Between the transactions of a large rewrite: each index keeps up to 64 MB of written
        data in memory until RocksDB flushes it, so a rewrite of every article's classes at
        10k articles held ~550 MB more at its end than at its start (docs/performance.md).

        :raises StoreError: the write failed.
        """
        if self.path is not None and not self.read_only:
            try:
                self.store.flush()
            except OSError as exc:
                raise StoreError(f"{self.path}: flush failed: {_one_line(exc)}") from exc

    def close(self) -> None:
        """Flush, drop the RocksDB handle (its own lock goes with it) and release kgbuild's lock."""
        if not self.read_only and self.path is not None and self.store is not None:
            with contextlib.suppress(OSError):
                self.store.flush()
        if self.path is not None:  # reopening in this process must work: drop every reference
            store, self.store = self.store, None  # type: ignore[assignment]
            if sys.getrefcount(store) > 2:  # held elsewhere, maybe by a reference cycle
                del store
                import gc

                gc.collect()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- graph names -----------------------------------------------------------------------
    def graph_iri(self, kind: GraphKind | str, article_id: str | None = None) -> ox.NamedNode:
        """The named graph of ``kind`` (``doc`` and ``claims`` need an article id);
        :meth:`Layout.graph <kgbuild.layout.Layout.graph>`."""
        return self.layout.graph(kind, article_id)

    def article_iri(self, article_id: str) -> ox.NamedNode:
        return self.layout.article(article_id)

    def graphs(self) -> list[ox.NamedNode]:
        """Every named graph, sorted by IRI."""
        return sorted((g for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)),
                      key=lambda g: g.value)

    def graphs_all_named(self) -> bool:
        """Whether every graph of the store is named by an IRI (none by a blank node)."""
        return all(isinstance(g, ox.NamedNode) for g in self.store.named_graphs())

    def has_graph(self, graph: ox.NamedNode) -> bool:
        return self.store.contains_named_graph(graph)

    def article_ids(self) -> list[str]:
        """Ids of the articles in the store."""
        ids = (self.layout.article_of(g) for g in self.graphs() if self.layout.graph_kind(g) == "doc")
        return sorted(a for a in ids if a is not None)

    def fingerprints(self) -> dict[str, str]:
        """article id -> the fingerprint it was built with (for incremental builds)."""
        out: dict[str, str] = {}
        for quad in self.store.quads_for_pattern(None, KG_FINGERPRINT, None, None):
            if isinstance(quad.subject, ox.NamedNode):
                article_id = self.layout.article_id(quad.subject)
                if article_id is not None:
                    out[article_id] = quad.object.value
        return out

    # -- writing -----------------------------------------------------------------------------
    def write_articles(self, writes: Iterable[ArticleWrite | SerializedArticleWrite], *,
                       replace: bool = True) -> None:
        """Write articles, each atomically, replacing their previous graphs.

        Articles never stored before are bulk-loaded from N-Quads in chunks of at most
        :data:`BULK_CHUNK_QUADS` quads (each chunk all-or-nothing); articles that exist are
        dropped and re-inserted within a single SPARQL update each.
        """
        self._check_writable()
        writes = list(writes)
        # one lookup per article, not a listing of every graph per batch (quadratic in a build)
        existing = {w.article_id for w in writes
                    if replace and self.store.contains_named_graph(self.layout.doc_graph(w.article_id))}
        self.mark_inferred_pending((self.layout.doc_graph(w.article_id) for w in writes),
                                   replaced=(self.layout.doc_graph(a) for a in existing))
        fresh = [w for w in writes if w.article_id not in existing]
        stale = [w for w in writes if w.article_id in existing]
        try:
            chunk: list[bytes] = []
            size = 0
            for w in fresh:
                if chunk and size + w.quad_count > BULK_CHUNK_QUADS:
                    self.store.bulk_load(b"".join(chunk), format=ox.RdfFormat.N_QUADS)
                    chunk, size = [], 0
                chunk.append(w.to_nquads())
                size += w.quad_count
            if chunk:
                self.store.bulk_load(b"".join(chunk), format=ox.RdfFormat.N_QUADS)
            for w in stale:
                self.store.update(self._replace_update(w.as_quads()))
        except OSError as exc:
            raise StoreError(f"{self.path}: write failed: {_one_line(exc)}") from exc

    def _replace_update(self, write: ArticleWrite) -> str:
        doc = self.layout.doc_graph(write.article_id)
        claims = self.layout.claims_graph(write.article_id)
        parts = [f"DROP SILENT GRAPH {doc} ;", f"DROP SILENT GRAPH {claims} ;", "INSERT DATA {"]
        for graph, quads in ((doc, write.doc_quads), (claims, write.claim_quads)):
            if quads:
                parts.append(f"GRAPH {graph} {{")
                parts.extend(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
                parts.append("}")
        parts.append("}")
        return "\n".join(parts)

    def remove_articles(self, article_ids: Iterable[str]) -> list[str]:
        """Delete the doc and claims graphs of each article (one transaction). Returns ids removed."""
        self._check_writable()
        present = set(self.article_ids())
        ids = [a for a in article_ids if a in present]
        if ids:
            removed = [self.layout.doc_graph(a) for a in ids]
            self.mark_inferred_pending(removed, replaced=removed)
            drops = " ;\n".join(f"DROP SILENT GRAPH {self.layout.graph(k, a)}"
                                for a in ids for k in ("doc", "claims"))
            with self._writing("remove"):
                self.store.update(drops)
        return ids

    def update(self, sparql: str) -> None:
        """Run a SPARQL update (one transaction).

        :raises StoreError: the store is read-only, or the write failed.
        """
        self._check_writable()
        with self._writing("update"):
            self.store.update(sparql)

    def load(self, data: bytes, *, fmt: str = "ntriples", graph: ox.NamedNode | None = None) -> None:
        """Parse ``data`` into the store (into ``graph`` for triple formats) in one
        transaction: all of it or nothing, held in memory while it loads."""
        self._check_writable()
        with self._writing("load"):
            self.store.load(data, format=_rdf_format(fmt), to_graph=graph)

    def bulk_load(self, data: bytes | Iterable[ox.Quad], *, fmt: str = "nquads") -> None:
        """Add quads (serialised ``data``, or quad objects) with the bulk loader: streams,
        fast, and not atomic across its internal batches (see :data:`BULK_CHUNK_QUADS`)."""
        self._check_writable()
        with self._writing("bulk load"):
            if isinstance(data, (bytes, bytearray)):
                self.store.bulk_load(data, format=_rdf_format(fmt))
            else:
                self.store.bulk_extend(data)

    def remove_graph(self, graph: ox.NamedNode) -> None:
        """Drop one named graph (nothing happens when it does not exist)."""
        self._check_writable()
        with self._writing(f"removing {graph.value}"):
            if self.store.contains_named_graph(graph):
                self.store.remove_graph(graph)

    def snapshot(self, target: Path | str) -> None:
        """A consistent copy of an on-disk store in the new folder ``target`` (a RocksDB
        checkpoint: hard links where the file system allows).

        :raises StoreError: the copy failed, or the store is in memory.
        """
        if self.path is None:
            raise StoreError("an in-memory store has no snapshot")
        try:
            self.store.backup(str(target))
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot snapshot the store: {_one_line(exc)}") from None

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Replace one named graph whole, atomically. Returns the number of quads written."""
        self._check_writable()
        rows = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in quads]
        with self._writing(f"replacing {graph.value}"):
            return self._replace_graph(graph, rows)

    def _replace_graph(self, graph: ox.NamedNode, rows: list[ox.Quad]) -> int:
        if not rows:
            self.store.update(f"DROP SILENT GRAPH {graph}")
            return 0
        if len(rows) <= GRAPH_BULK_QUADS and not self.store.contains_named_graph(graph):
            # a new graph: one bulk load (a single atomic ingestion), no SPARQL text to parse
            self.store.bulk_load(ox.serialize(rows, format=ox.RdfFormat.N_QUADS), format=ox.RdfFormat.N_QUADS)
            return len(rows)
        if not any(isinstance(t, ox.BlankNode) for q in rows for t in (q.subject, q.object)):
            body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in rows)
            self.store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}\n}} }}")
        else:  # blank nodes (OWL axioms) cannot go through INSERT DATA unchanged; a failure
            # between the two steps leaves the graph absent (callers put their content-hash
            # marker in ``rows``, so the next build reloads it), never half-written
            self.store.remove_graph(graph) if self.store.contains_named_graph(graph) else None
            self.store.extend(rows)
        return len(rows)

    @contextlib.contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turn the store's I/O errors (disk full, read-only medium) into one-line StoreErrors."""
        try:
            yield
        except OSError as exc:
            raise StoreError(f"{self.path}: {what} failed: {_one_line(exc)}") from exc

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")

    # -- reading ---------------------------------------------------------------------------
    def query(self, sparql: str, *, substitutions: dict[ox.Variable, Any] | None = None,
              union: bool = True) -> Any:
        """Run SPARQL with the default graph as the union of all graphs (by default)."""
        try:
            return self.store.query(sparql, use_default_graph_as_union=union,
                                    substitutions=substitutions or None)
        except SyntaxError as exc:
            from .errors import QueryError

            raise QueryError(f"SPARQL syntax error: {_one_line(exc)}") from exc

    def quads(self, graph: ox.NamedNode | ox.DefaultGraph | None = None, *, subject: Any = None,
              predicate: Any = None, object: Any = None) -> Iterator[ox.Quad]:  # noqa: A002
        """The quads matching a pattern (None matches anything), read from the indexes."""
        return iter(self.store.quads_for_pattern(subject, predicate, object, graph))

    def contains(self, quad: ox.Quad) -> bool:
        return quad in self.store

    def count(self, graph: ox.NamedNode | None = None) -> int:
        """Quads in the store, or triples in one named graph (counted in Rust)."""
        if graph is None:
            return len(self.store)
        rows = self.store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        return int(next(iter(rows))["n"].value)

    def dump(self, graph: ox.NamedNode | ox.DefaultGraph | None = None, *, fmt: str | ox.RdfFormat = "ntriples",
             output: IO[bytes] | None = None, prefixes: dict[str, str] | None = None) -> bytes | None:
        """One graph (or, with a dataset format, every graph) serialised by the store itself, in
        Rust: returned as bytes, or streamed into ``output``."""
        rdf_format = fmt if isinstance(fmt, ox.RdfFormat) else _rdf_format(fmt)
        options: dict[str, Any] = {"prefixes": prefixes} if prefixes else {}
        if graph is not None:
            options["from_graph"] = graph
        return self.store.dump(output, rdf_format, **options)

    def is_current(self, graph: ox.NamedNode) -> bool:
        """Whether a derived graph (``inferred``, ``actors``) holds its ``<graph> kg:isCurrent``
        marker: it was computed after the last change of what it derives from."""
        return any(self.store.quads_for_pattern(graph, KG_IS_CURRENT, None, graph))

    def mark_stale(self, graph: ox.NamedNode) -> None:
        """Drop a derived graph's 'current' marker (what it derives from changed, or is about to),
        and what it lists as pending: it has to be computed again whole."""
        listed = ", ".join(f"<{p}>" for p in (KG.isCurrent, *_PENDING))
        with self._writing(f"marking {graph.value} stale"):
            self.store.update(f"DELETE {{ GRAPH {graph} {{ {graph} ?p ?v }} }} WHERE {{ GRAPH {graph} {{ "
                              f"{graph} ?p ?v FILTER(?p IN ({listed})) }} }}")

    def pending_changes(self) -> PendingChanges | None:
        """What changed since the inferred graph was computed, when it is exact for everything
        else (:meth:`mark_inferred_pending`); no change when it is current; ``None`` when it has
        to be computed again whole."""
        graph = self.layout.inferred_graph
        if self.is_current(graph):
            return PendingChanges()
        listed = {p: sorted((q.object for q in self.store.quads_for_pattern(graph, ox.NamedNode(str(p)), None, graph)
                             if isinstance(q.object, ox.NamedNode)), key=str) for p in _PENDING}
        if not listed[KG.pendingSource] and not listed[KG.pendingNode]:
            return None
        return PendingChanges(sources=tuple(listed[KG.pendingSource]), replaced=frozenset(listed[KG.pendingReplaced]),
                              nodes=tuple(listed[KG.pendingNode]))

    def pending_sources(self) -> list[ox.NamedNode] | None:
        """The article graphs written or removed since the inferred graph was computed, when it
        is exact for everything else (:meth:`pending_changes`); ``[]`` when it is current;
        ``None`` when it has to be computed again whole."""
        changes = self.pending_changes()
        return None if changes is None else list(changes.sources)

    def mark_inferred_pending(self, graphs: Iterable[ox.NamedNode], *, replaced: Iterable[ox.NamedNode] = (),
                              nodes: Iterable[ox.NamedNode] = ()) -> None:
        """``graphs`` (article graphs) are about to be written or removed, the earlier content of
        those of them in ``replaced`` replaced or removed, or the classes the actors graph gives
        ``nodes`` are about to change. An inferred graph that was current, or exact but for other
        pending changes, stays exact for everything else: its marker is dropped and the changes
        listed (``<inferred> kg:pendingSource <graph>``, ``kg:pendingReplaced <graph>``,
        ``kg:pendingNode <node>``), so that reasoning can bring it up to date for them only
        (:mod:`kgbuild.reason.incremental`), even after a build killed between its commits. A
        stale graph stays stale."""
        graph = self.layout.inferred_graph
        rows = [(prop, sorted({g.value for g in names})) for prop, names in (
            (KG.pendingSource, graphs), (KG.pendingReplaced, replaced), (KG.pendingNode, nodes))]
        if not any(names for _, names in rows) or self.pending_changes() is None:
            return
        listed = " ".join(f"{graph} <{prop}> {', '.join(f'<{n}>' for n in names)} ." for prop, names in rows if names)
        with self._writing(f"marking {graph.value} pending"):
            self.store.update(f"DELETE WHERE {{ GRAPH {graph} {{ {graph} <{KG.isCurrent}> ?v }} }} ;\n"
                              f"INSERT DATA {{ GRAPH {graph} {{ {listed} }} }}")

    def inferred_is_current(self) -> bool:
        return self.is_current(self.layout.inferred_graph)

    def mark_inferred_stale(self) -> None:
        """Drop the inferred graph's 'current' marker (data changed since reasoning)."""
        self.mark_stale(self.layout.inferred_graph)

    def export(self, output: IO[bytes], *, fmt: str = "nquads",
               graph: ox.NamedNode | None = None) -> None:
        """Stream the store (or one graph) to ``output`` without holding it in memory."""
        rdf_format = _rdf_format(fmt)
        if graph is not None and rdf_format.supports_datasets:  # keep the graph's name
            ox.serialize(self.store.quads_for_pattern(None, None, None, graph), output, rdf_format)
        elif graph is not None:
            self.store.dump(output, rdf_format, from_graph=graph)
        elif rdf_format.supports_datasets:
            self.store.dump(output, rdf_format)
        else:  # triple formats: merge every graph into the default graph
            _serialize_triples(iter(self.store), output, rdf_format)


def as_graph_store(store: GraphStore | ox.Store, *, base: str | None = None) -> GraphStore:
    """``store`` itself (seen under ``base`` when one is given), or a :class:`GraphStore` over
    a raw pyoxigraph store (for callers and tests that hold one)."""
    if isinstance(store, GraphStore):
        return store if base is None or base == store.base else store.rebased(base)
    return GraphStore.wrap(store, base=base or DEFAULT_BASE)


def _rdf_format(fmt: str) -> ox.RdfFormat:
    try:
        return _RDF_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(_RDF_FORMATS)}") from None


KG_FINGERPRINT = ox.NamedNode(str(KG.fingerprint))
KG_IS_CURRENT = ox.NamedNode(str(KG.isCurrent))
#: what the inferred graph lists in place of its marker while it is exact but for these changes
_PENDING = (KG.pendingSource, KG.pendingReplaced, KG.pendingNode)
_TRUE = ox.Literal("true", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))


def current_marker(graph: ox.NamedNode) -> ox.Triple:
    """``<graph> kg:isCurrent true``: what a derived graph holds once complete
    (:meth:`GraphStore.is_current`)."""
    return ox.Triple(graph, KG_IS_CURRENT, _TRUE)


def _serialize_triples(quads: Iterator[ox.Quad], output: IO[bytes], rdf_format: ox.RdfFormat) -> None:
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    ox.serialize(triples, output, rdf_format)


def _acquire_lock(path: Path, *, exclusive: bool, wait: float) -> IO[Any]:
    lock_path = path / LOCK_NAME
    try:
        handle = open(lock_path, "a+")  # noqa: SIM115 - held until close()
    except OSError as exc:
        if exclusive or exc.errno not in (errno.EACCES, errno.EROFS):
            raise StoreError(f"{lock_path}: cannot open lock file: {exc.strerror or exc}") from exc
        return open(os.devnull)  # read-only medium: nobody can be writing it
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, mode | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() >= deadline:
                handle.close()
                who = "another kgbuild process is writing" if not exclusive else \
                    "another kgbuild process is using"
                raise StoreLockedError(f"{path}: {who} this store; try again when it has finished")
            time.sleep(0.1)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
