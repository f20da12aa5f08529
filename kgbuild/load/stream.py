"""The bytes a load sends: each graph serialised by the store itself (pyoxigraph's
``Store.dump``, in Rust) instead of quad by quad in Python, counted on the way (N-Triples
has one line per triple), with blank-node labels made unique per load.

Memory: one graph's N-Triples at a time. Article graphs (``graph/doc/``, ``graph/claims/``)
are small and are dumped whole; any other graph (ontology, kb, inferred) with more than
``chunk_size`` triples is streamed in chunks of ``chunk_size`` triples instead.

>>> store = ox.Store()
>>> g = ox.NamedNode("https://x.org/graph/doc/a")
>>> store.add(ox.Quad(ox.NamedNode("https://x.org/e"), ox.NamedNode("https://x.org/p"), ox.BlankNode("b1"), g))
>>> counts = {}
>>> b"".join(dataset_chunks(store, [g.value], bnode_prefix="k1x", counts=counts)())
b'<https://x.org/e> <https://x.org/p> _:k1xb1 <https://x.org/graph/doc/a> .\\n'
>>> counts
{'https://x.org/graph/doc/a': 1}
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

import pyoxigraph as ox

__all__ = ["graph_ntriples", "graph_body", "dataset_chunks", "triple_count", "SMALL_GRAPH_PREFIXES",
           "CHUNK_BYTES"]

#: graphs under these (relative to the base) hold one article each: dumped whole
SMALL_GRAPH_PREFIXES = ("graph/doc/", "graph/claims/")
#: bytes per chunk of a streamed request body (many small graphs are joined up to this)
CHUNK_BYTES = 1 << 20

_NT = ox.RdfFormat.N_TRIPLES


def graph_ntriples(store: ox.Store, graph: str, *, bnode_prefix: str, chunk_size: int,
                   small: bool | None = None) -> Iterator[bytes]:
    """N-Triples of one graph in line-aligned chunks (one chunk when the graph is small).

    ``small``: the graph is known to be small (None: article graphs are, others are counted).
    """
    node = ox.NamedNode(graph)
    if small is None:
        small = _is_article_graph(graph) or triple_count(store, graph) <= chunk_size
    if small:
        data = store.dump(format=_NT, from_graph=node)
        if bnode_prefix and b"_:" in data:  # blank nodes (or "_:" in a literal: harmless)
            data = ox.serialize((ox.Triple(_relabel(t.subject, bnode_prefix), t.predicate,
                                           _relabel(t.object, bnode_prefix))
                                 for t in ox.parse(data, format=_NT)), format=_NT)
        if data:
            yield data
        return
    batch: list[ox.Triple] = []
    for quad in store.quads_for_pattern(None, None, None, node):
        batch.append(ox.Triple(_relabel(quad.subject, bnode_prefix), quad.predicate,
                               _relabel(quad.object, bnode_prefix)))
        if len(batch) >= chunk_size:
            yield ox.serialize(batch, format=_NT)
            batch = []
    if batch:
        yield ox.serialize(batch, format=_NT)


def graph_body(store: ox.Store, graph: str, *, bnode_prefix: str, chunk_size: int,
               ) -> tuple[bytes | Callable[[], Iterator[bytes]], int]:
    """What to PUT for one graph and its triple count: the N-Triples themselves when the
    graph is small, else a replayable stream of chunks of ``chunk_size`` triples."""
    if _is_article_graph(graph) or (count := triple_count(store, graph)) <= chunk_size:
        data = b"".join(graph_ntriples(store, graph, bnode_prefix=bnode_prefix, chunk_size=chunk_size,
                                       small=True))
        return data, data.count(b"\n")
    return (lambda: graph_ntriples(store, graph, bnode_prefix=bnode_prefix, chunk_size=chunk_size,
                                   small=False)), count


def dataset_chunks(store: ox.Store, graphs: Sequence[str], *, bnode_prefix: str,
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


def _is_article_graph(graph: str) -> bool:
    return any(f"/{prefix}" in graph for prefix in SMALL_GRAPH_PREFIXES)


def triple_count(store: ox.Store, graph: str) -> int:
    """Triples in one graph of the local store (counted in Rust)."""
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


def _relabel(term: Any, prefix: str) -> Any:
    return ox.BlankNode(f"{prefix}{term.value}") if prefix and isinstance(term, ox.BlankNode) else term
