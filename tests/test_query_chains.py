"""Chain assembly (kgbuild/query/chains.py): the embedded store's index lookups read the same
edges, sources, evidence and periods as the SPARQL reader used for endpoints, and the chains on
the example graph are the ones the earlier (SPARQL-only) assembler gave.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kgbuild.query import run_saved
from kgbuild.query.chains import ChainGraph, load_chain_graph
from kgbuild.query.embedded import EmbeddedBackend
from kgbuild.store import GraphStore
from test_queries import build_store  # noqa: E402  (tests/ is on sys.path)

KB = "https://w3id.org/kgbuild/kb/"


class SparqlOnly:
    """The embedded store seen as a generic back end, so chains are read with SPARQL."""

    def __init__(self, store: GraphStore) -> None:
        self._inner = EmbeddedBackend(store)
        self.base = self._inner.base

    def run(self, sparql, *, bindings=None, dataset=True):
        return self._inner.run(sparql, bindings=bindings, dataset=dataset)

    def inferred_is_current(self) -> bool:
        return self._inner.inferred_is_current()

    def describe(self) -> str:
        return "sparql-only"


def _flat(graph: ChainGraph) -> dict:
    return {"labels": graph.labels,
            "edges": {s: [(e.predicate, e.object, sorted(e.sources), sorted(e.evidence), sorted(map(str, e.periods)))
                          for e in edges] for s, edges in graph.edges.items()}}


@pytest.mark.parametrize("inferred", [None, "manual", "reasoner"])
def test_store_reader_reads_what_the_sparql_reader_reads(inferred: str | None) -> None:
    store = build_store(inferred=inferred)
    starts = [KB + "kataib-hezbollah", KB + "popular-mobilization-forces", KB + "USA",
              KB + "abu-mahdi-al-muhandis", KB + "not-an-actor"]
    fast = load_chain_graph(EmbeddedBackend(store), starts)
    slow = load_chain_graph(SparqlOnly(store), starts)
    assert fast.edges, "the fixture has membership edges"
    assert _flat(fast) == _flat(slow)


@pytest.mark.parametrize("name,params", [
    ("membership-chain", {"actor": "Kataib Hezbollah"}),
    ("membership-chain", {"actor": "KH", "as_of": "2015-01-01"}),
    ("attacks-on-state-affiliated-forces", {}),
    ("attacks-by-state-affiliated-forces", {"as_of": "2019-12-29"}),
])
def test_saved_chain_queries_equal_over_both_readers(name: str, params: dict) -> None:
    store = build_store(inferred="manual")
    assert run_saved(store, name, params=params).rows == run_saved(SparqlOnly(store), name, params=params).rows


# recorded with the assembler before the store reader (commit afb83eb) on `kgbuild build examples/`:
# where the KB's subOrganizationOf and an article's partOf link the same two actors, the chain
# takes the KB's (more specific) edge
EXAMPLE_CHAINS = {
    "Kataib Hezbollah": [
        ("popular-mobilization-forces", "subOrganizationOf", "Kata'ib Hezbollah -> Popular Mobilization Forces",
         "kb", "kb"),
        ("iraq-security-forces", "partOf",
         "Kata'ib Hezbollah -> Popular Mobilization Forces -> Iraqi security forces", "inferred", "kb, kb"),
        ("IRQ", "ofState", "Kata'ib Hezbollah -> Popular Mobilization Forces -> Iraqi security forces -> Iraq",
         "inferred", "kb, kb, article+kb"),
        ("iraq-government", "partOf", "Kata'ib Hezbollah -> Popular Mobilization Forces -> Iraqi security forces"
         " -> Government of Iraq", "inferred", "kb, kb, kb"),
    ],
    "PMF": [
        ("iraq-security-forces", "subOrganizationOf", "Popular Mobilization Forces -> Iraqi security forces",
         "kb", "kb"),
        ("IRQ", "ofState", "Popular Mobilization Forces -> Iraqi security forces -> Iraq", "inferred",
         "kb, article+kb"),
        ("iraq-government", "partOf", "Popular Mobilization Forces -> Iraqi security forces -> Government of Iraq",
         "inferred", "kb, kb"),
    ],
}


@pytest.mark.parametrize("actor", sorted(EXAMPLE_CHAINS))
def test_example_graph_chains_are_unchanged(built_store: Path, actor: str) -> None:
    with GraphStore.open_read_only(built_store) as store:
        for inferred in (True, False):
            rows = run_saved(store, "membership-chain", params={"actor": actor}, use_inferred=inferred).rows
            got = [(r["ancestor"].removeprefix(KB), r["relation"], r["chain"], r["source"], r["steps"]) for r in rows]
            assert got == EXAMPLE_CHAINS[actor]


def test_remembered_links_are_dropped_when_the_store_changes(tmp_path: Path) -> None:
    import pyoxigraph as ox

    store = build_store(tmp_path / "kg", inferred=None)
    try:
        first = run_saved(store, "membership-chain", params={"actor": "USA"}).rows
        assert run_saved(store, "membership-chain", params={"actor": "USA"}).rows == first
        doc = ox.NamedNode("https://w3id.org/kgbuild/id/graph/doc/extra")
        store.store.add(ox.Quad(ox.NamedNode(KB + "USA"), ox.NamedNode("https://w3id.org/kgbuild/ontology#partOf"),
                                ox.NamedNode(KB + "kataib-hezbollah"), doc))
        after = run_saved(store, "membership-chain", params={"actor": "USA"}).rows
        assert KB + "kataib-hezbollah" in {r["ancestor"] for r in after} - {r["ancestor"] for r in first}
    finally:
        store.close()
