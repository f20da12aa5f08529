"""``kgbuild export`` (issue "kgbuild build"): the store out as standard RDF.

Spec:
- ``--format trig|nquads|turtle|ntriples|jsonld -o FILE`` writes a file rdflib parses.
- TriG and N-Quads keep graph names: the set of graph names equals the store's.
- Turtle and N-Triples merge every graph into one (each triple once).
- Without ``-o`` the export streams to stdout; ``--graph`` exports one graph.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef

from conftest import BASE, invoke
from kgbuild.namespace import KB, KG
from kgbuild.store import GraphStore

RDFLIB_FORMAT = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
KH_IN_PMF = (URIRef(str(KB["kataib-hezbollah"])), URIRef(str(KG.subOrganizationOf)),
             URIRef(str(KB["popular-mobilization-forces"])))

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib parsers use ConjunctiveGraph


@pytest.fixture(scope="module")
def store_facts(built_store: Path) -> Iterator[tuple[set[str], int]]:
    with GraphStore.open_read_only(built_store) as store:
        yield {g.value for g in store.graphs()}, store.count()


def named_graphs(dataset: Dataset) -> set[str]:
    return {str(g.identifier) for g in dataset.graphs() if len(g) and str(g.identifier).startswith(BASE)}


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dataset_formats_keep_graph_names(built_store: Path, tmp_path: Path, fmt: str,
                                          store_facts: tuple[set[str], int]) -> None:
    target = tmp_path / f"kg.{fmt}"
    result = invoke(["export", "--store", built_store, "--format", fmt, "-o", target])
    assert f"wrote {target}" in result.output
    dataset = Dataset().parse(target, format=RDFLIB_FORMAT[fmt])
    graphs, count = store_facts
    assert named_graphs(dataset) == graphs
    assert len(dataset) == count or sum(len(g) for g in dataset.graphs()) == count
    assert KH_IN_PMF in dataset.graph(URIRef(f"{BASE}graph/kb"))


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_triple_formats_merge_the_graphs(built_store: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"kg.{fmt}"
    invoke(["export", "--store", built_store, "--format", fmt, "-o", target])
    graph = Graph().parse(target, format=RDFLIB_FORMAT[fmt])
    assert KH_IN_PMF in graph
    assert (URIRef(f"{BASE}article/us-iraq-airstrikes-2019"), None, None) in graph
    assert (URIRef(str(KB["kataib-hezbollah"])), URIRef(str(KG.affiliatedState)), URIRef(str(KB.IRQ))) in graph


def test_jsonld_parses(built_store: Path, tmp_path: Path, store_facts: tuple[set[str], int]) -> None:
    target = tmp_path / "kg.jsonld"
    invoke(["export", "--store", built_store, "--format", "jsonld", "-o", target])
    dataset = Dataset().parse(target, format="json-ld")
    assert sum(len(g) for g in dataset.graphs()) > 0
    assert any(KH_IN_PMF in g for g in dataset.graphs())


def test_streams_to_stdout(built_store: Path, store_facts: tuple[set[str], int]) -> None:
    result = invoke(["export", "--store", built_store, "--format", "nquads"])
    quads = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == store_facts[0]
    assert len(quads) == store_facts[1]


def test_one_graph_holds_only_that_graphs_triples(built_store: Path) -> None:
    graph = f"{BASE}graph/doc/us-iraq-airstrikes-2019"
    result = invoke(["export", "--store", built_store, "--format", "ntriples", "--graph", "doc:us-iraq-airstrikes-2019"])
    triples = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_TRIPLES))
    with GraphStore.open_read_only(built_store) as store:
        assert len(triples) == store.count(ox.NamedNode(graph))


def test_one_graph_keeps_its_name_in_dataset_formats(built_store: Path) -> None:
    result = invoke(["export", "--store", built_store, "--format", "nquads", "--graph", "doc:us-iraq-airstrikes-2019"])
    quads = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_QUADS))
    assert quads and {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)} == {
        f"{BASE}graph/doc/us-iraq-airstrikes-2019"}
    assert not any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)


def test_unknown_graph_kind_is_a_usage_error(built_store: Path) -> None:
    result = invoke(["export", "--store", built_store, "--graph", "nonsense"], expect=2)
    assert "--graph" in result.output


def test_export_of_a_missing_store_fails(tmp_path: Path) -> None:
    result = invoke(["export", "--store", tmp_path / "nothing"], expect=None)
    assert result.exit_code != 0 and "no kgbuild store here" in result.output, result.output
