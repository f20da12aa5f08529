"""The bytes a load sends: each graph serialised by the store itself (pyoxigraph's
``Store.dump``, in Rust, through :meth:`GraphStore.dump <kgbuild.store.GraphStore.dump>`)
instead of quad by quad in Python, counted on the way (N-Triples has one line per triple),
with blank-node labels made unique per load.

A first load of every graph (:func:`store_chunks`) is one dump of the whole store instead (the
graph names come with it, no line is rewritten unless it has a blank node): the store writes
N-Quads from a thread of its own while the request sends what came out before.

Memory: one graph's N-Triples at a time (a few MB of the whole-store dump). Article graphs (``doc`` and ``claims``, see
:meth:`Layout.is_article_graph <kgbuild.layout.Layout.is_article_graph>`) are small and are
dumped whole; any other graph (ontology, kb, inferred) with more than ``chunk_size`` triples
is streamed in chunks of ``chunk_size`` triples instead.

>>> from kgbuild.store import GraphStore
>>> store = GraphStore.in_memory(base="https://x.org/")
>>> g = store.layout.doc_graph("a")
>>> store.bulk_load([ox.Quad(ox.NamedNode("https://x.org/e"), ox.NamedNode("https://x.org/p"), ox.BlankNode("b1"), g)])
>>> counts = {}
>>> b"".join(dataset_chunks(store, [g.value], bnode_prefix="k1x", counts=counts)())
b'<https://x.org/e> <https://x.org/p> _:k1xb1 <https://x.org/graph/doc/a> .\\n'
>>> counts
{'https://x.org/graph/doc/a': 1}
"""
from __future__ import annotations

import contextlib
import queue
import re
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

if TYPE_CHECKING:
    from ..store import GraphStore

__all__ = ["graph_ntriples", "graph_body", "dataset_chunks", "store_chunks", "triple_count", "CHUNK_BYTES"]

#: bytes per chunk of a streamed request body (many small graphs are joined up to this)
CHUNK_BYTES = 1 << 20

_NT = ox.RdfFormat.N_TRIPLES


def graph_ntriples(store: GraphStore, graph: str, *, bnode_prefix: str, chunk_size: int,
                   small: bool | None = None) -> Iterator[bytes]:
    """N-Triples of one graph in line-aligned chunks (one chunk when the graph is small).

    ``small``: the graph is known to be small (None: article graphs are, others are counted).
    """
    node = ox.NamedNode(graph)
    if small is None:
        small = store.layout.is_article_graph(graph) or triple_count(store, graph) <= chunk_size
    if small:
        data = store.dump(node)
        if bnode_prefix and b"_:" in data:  # blank nodes (or "_:" in a literal: harmless)
            data = ox.serialize((ox.Triple(_relabel(t.subject, bnode_prefix), t.predicate,
                                           _relabel(t.object, bnode_prefix))
                                 for t in ox.parse(data, format=_NT)), format=_NT)
        if data:
            yield data
        return
    batch: list[ox.Triple] = []
    for quad in store.quads(node):
        batch.append(ox.Triple(_relabel(quad.subject, bnode_prefix), quad.predicate,
                               _relabel(quad.object, bnode_prefix)))
        if len(batch) >= chunk_size:
            yield ox.serialize(batch, format=_NT)
            batch = []
    if batch:
        yield ox.serialize(batch, format=_NT)


def graph_body(store: GraphStore, graph: str, *, bnode_prefix: str, chunk_size: int,
               ) -> tuple[bytes | Callable[[], Iterator[bytes]], int]:
    """What to PUT for one graph and its triple count: the N-Triples themselves when the
    graph is small, else a replayable stream of chunks of ``chunk_size`` triples."""
    if store.layout.is_article_graph(graph) or (count := triple_count(store, graph)) <= chunk_size:
        data = b"".join(graph_ntriples(store, graph, bnode_prefix=bnode_prefix, chunk_size=chunk_size,
                                       small=True))
        return data, data.count(b"\n")
    return (lambda: graph_ntriples(store, graph, bnode_prefix=bnode_prefix, chunk_size=chunk_size,
                                   small=False)), count


def dataset_chunks(store: GraphStore, graphs: Sequence[str], *, bnode_prefix: str,
                   chunk_size: int = 50_000, counts: dict[str, int] | None = None,
                   rename: Mapping[str, str] | None = None) -> Callable[[], Iterator[bytes]]:
    """A replayable N-Quads stream of ``graphs`` (each graph's N-Triples with its name, or
    ``rename[graph]``, added to every line). ``counts`` receives the triples sent per graph
    as each graph ends."""

    def generate() -> Iterator[bytes]:
        buffer: list[bytes] = []
        size = 0
        for graph in graphs:
            name = rename[graph] if rename is not None else graph
            suffix = b" <" + name.encode() + b"> .\n"  # IRIs hold no '>' or space
            lines = 0
            for part in graph_ntriples(store, graph, bnode_prefix=bnode_prefix, chunk_size=chunk_size):
                lines += part.count(b"\n")
                # every line of Oxigraph's N-Triples ends with " .\n"; newlines inside
                # literals are escaped, so these are exactly the line ends
                part = part.replace(b" .\n", suffix)
                buffer.append(part)
                size += len(part)
                if size >= CHUNK_BYTES:
                    yield b"".join(buffer)
                    buffer, size = [], 0
            if counts is not None:
                counts[graph] = lines
        if buffer:
            yield b"".join(buffer)

    return generate


def store_chunks(store: GraphStore, *, bnode_prefix: str) -> Callable[[], Iterator[bytes]] | None:
    """A replayable N-Quads stream of the whole store, dumped in one pass by the store itself
    (in Rust, from a thread of its own, so the dump goes on while the request sends), with
    blank-node labels prefixed by ``bnode_prefix``; or None where that would not send exactly
    the store's named graphs (quads in the default graph, a graph named by a blank node).

    >>> from kgbuild.store import GraphStore
    >>> store = GraphStore.in_memory(base="https://x.org/")
    >>> store.bulk_load([ox.Quad(ox.NamedNode("https://x.org/e"), ox.NamedNode("https://x.org/p"),
    ...                          ox.BlankNode("b1"), store.layout.doc_graph("a"))])
    >>> b"".join(store_chunks(store, bnode_prefix="k1x")())
    b'<https://x.org/e> <https://x.org/p> _:k1xb1 <https://x.org/graph/doc/a> .\\n'
    """
    if any(store.quads(ox.DefaultGraph())) or not store.graphs_all_named():
        return None

    def generate() -> Iterator[bytes]:
        blocks: queue.Queue[bytes | None] = queue.Queue(maxsize=8)
        stopped = threading.Event()
        failed: list[BaseException] = []

        def put(block: bytes | None) -> None:
            while not stopped.is_set():
                with contextlib.suppress(queue.Full):
                    blocks.put(block, timeout=0.1)
                    return
            raise BrokenPipeError("the upload stopped")

        class Sink:  # what the store writes to (in pieces of a few KB)
            def __init__(self) -> None:
                self.parts: list[bytes] = []
                self.size = 0

            def write(self, data: bytes) -> int:
                self.parts.append(bytes(data))
                self.size += len(data)
                if self.size >= CHUNK_BYTES:
                    self.flush()
                return len(data)

            def flush(self) -> None:
                if self.parts:
                    put(b"".join(self.parts))
                    self.parts, self.size = [], 0

        def produce() -> None:
            try:
                sink = Sink()
                store.dump(fmt=ox.RdfFormat.N_QUADS, output=sink)  # type: ignore[arg-type]
                sink.flush()
            except BaseException as exc:  # noqa: BLE001 - raised by the reader
                failed.append(exc)
            with contextlib.suppress(BrokenPipeError):
                put(None)

        thread = threading.Thread(target=produce, name="kgbuild-dump", daemon=True)
        thread.start()
        rest = b""
        try:
            while (data := blocks.get()) is not None:
                cut = data.rfind(b"\n")
                if cut == -1:
                    rest += data
                    continue
                block, rest = rest + data[:cut + 1], data[cut + 1:]
                yield _relabel_lines(block, bnode_prefix)
        finally:  # a reader that stops early (the request failed) stops the dump too
            stopped.set()
            thread.join()
        if failed:
            raise failed[0]
        if rest:
            yield _relabel_lines(rest, bnode_prefix)

    return generate


#: a blank node as the subject of an N-Quads line, or as its object (after the predicate IRI);
#: literals come after the predicate, so neither pattern can match inside one
_BNODE_SUBJECT = re.compile(rb"^_:", re.MULTILINE)
_BNODE_OBJECT = re.compile(rb"^((?:<[^>]*>|_:\S+) <[^>]*> )_:", re.MULTILINE)


def _relabel_lines(data: bytes, prefix: str) -> bytes:
    """Whole N-Quads lines with every blank node label prefixed by ``prefix``.

    >>> _relabel_lines(b'_:a <p> _:b <g> .\\n<s> <p> "x _:y" <g> .\\n', "k1x")
    b'_:k1xa <p> _:k1xb <g> .\\n<s> <p> "x _:y" <g> .\\n'
    """
    if not prefix or b"_:" not in data:
        return data
    label = b"_:" + prefix.encode()
    data = _BNODE_OBJECT.sub(lambda m: m.group(1) + label, data)
    return _BNODE_SUBJECT.sub(label, data)


def triple_count(store: GraphStore, graph: str) -> int:
    """Triples in one graph of the local store (counted in Rust)."""
    return store.count(ox.NamedNode(graph))


def _relabel(term: Any, prefix: str) -> Any:
    return ox.BlankNode(f"{prefix}{term.value}") if prefix and isinstance(term, ox.BlankNode) else term
