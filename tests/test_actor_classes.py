"""A provisional actor has one class in the store, decided over every article (graph/actors).

Articles may type one new name differently ("Zorvan" a militant group in one story, a town in
two others); each doc graph keeps its article's class (``kg:provisionalClass``), and the store
holds one ``rdf:type`` per provisional actor: the class most articles give, revised when
articles come and go, whatever the order they were built in.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from conftest import ACTORS_GRAPH, BASE, invoke
from kgbuild import actor_classes
from kgbuild.namespace import KG
from kgbuild.store import GraphStore

ZORVAN = f"{BASE}actor/zorvan"
ARTICLES = {
    "group": "Gunmen attacked a police post on Monday. The attack was claimed by Zorvan, "
             "a militant group founded in 2019.\n",
    "town1": "Hundreds of families fled the town of Zorvan on Tuesday after fighting reached it.\n",
    "town2": "Troops shelled the town of Zorvan on Wednesday, residents said.\n",
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture()
def articles(tmp_path: Path) -> dict[str, Path]:
    paths = {}
    for name, text in ARTICLES.items():
        paths[name] = tmp_path / f"{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return paths


def _classes(store_path: Path, actor: str = ZORVAN) -> dict[str, set[str]]:
    """graph -> the local names of the classes ``actor`` has there (rdf:type or kg:provisionalClass)."""
    out: dict[str, set[str]] = {}
    with GraphStore.open_read_only(store_path) as store:
        for quad in store.quads(subject=ox.NamedNode(actor)):
            if quad.predicate.value in (RDF_TYPE, str(KG.provisionalClass)) and \
                    quad.object.value.startswith(str(KG)) and quad.graph_name.value != f"{BASE}graph/inferred":
                out.setdefault(quad.graph_name.value, set()).add(quad.object.value.split("#")[1])
    return out


def test_articles_that_disagree_give_one_class_the_majority(articles: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "kg"
    result = invoke(["build", *articles.values(), "--store", store, "--no-reason"])
    assert "violation" not in result.output
    classes = _classes(store)
    assert classes == {f"{BASE}graph/doc/group": {"Organization"}, f"{BASE}graph/doc/town1": {"Place"},
                       f"{BASE}graph/doc/town2": {"Place"}, ACTORS_GRAPH: {"Place"}}
    checked = invoke(["validate", "--store", store])
    assert "3 articles checked, 0 violations" in checked.output
    listed = invoke(["query", "unknown-actors", "--store", store])
    assert f"{ZORVAN},Zorvan,Place,3,3" in listed.output


def test_the_class_is_revised_when_articles_go_and_come(articles: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "kg"
    invoke(["build", *articles.values(), "--store", store])
    invoke(["remove", "town1", "town2", "--store", store])
    assert _classes(store) == {f"{BASE}graph/doc/group": {"Organization"}, ACTORS_GRAPH: {"Organization"}}
    rows = invoke(["query", "unknown-actors", "--store", store]).output
    assert f"{ZORVAN},Zorvan,Organization,1,1" in rows

    invoke(["build", articles["town1"], "--store", store])  # a tie (an article and a mention each): class order
    assert _classes(store)[ACTORS_GRAPH] == {"Organization"}
    invoke(["build", articles["town2"], "--store", store])
    assert _classes(store)[ACTORS_GRAPH] == {"Place"}


def test_the_decision_does_not_depend_on_the_build_order(articles: dict[str, Path], tmp_path: Path) -> None:
    at_once, one_by_one = tmp_path / "a", tmp_path / "b"
    invoke(["build", *articles.values(), "--store", at_once, "--no-reason"])
    for path in reversed(list(articles.values())):
        invoke(["build", path, "--store", one_by_one, "--no-reason"])
    with GraphStore.open_read_only(at_once) as a, GraphStore.open_read_only(one_by_one) as b:
        assert sorted(map(str, a.quads(a.layout.actors_graph))) == sorted(map(str, b.quads(b.layout.actors_graph)))


def test_a_build_after_an_interrupted_one_decides_again(articles: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "kg"
    invoke(["build", *articles.values(), "--store", store, "--no-reason"])
    with GraphStore.open(store) as graph_store:  # as a build killed after its first commit leaves it
        actor_classes.mark_stale(graph_store)
        graph_store.remove_graph(graph_store.layout.actors_graph)
        assert not actor_classes.is_current(graph_store)
    again = invoke(["build", *articles.values(), "--store", store, "--no-reason"])
    assert "│              0 │       3 │      0 │" in again.output  # nothing rebuilt
    assert _classes(store)[ACTORS_GRAPH] == {"Place"}
    with GraphStore.open_read_only(store) as graph_store:
        assert actor_classes.is_current(graph_store)


def test_reasoning_reads_the_decided_class(articles: dict[str, Path], tmp_path: Path) -> None:
    """The inferred graph classifies the actor by the one decided class (Place is an Actor)."""
    store = tmp_path / "kg"
    invoke(["build", *articles.values(), "--store", store, "--reasoner", "rules"])
    with GraphStore.open_read_only(store) as graph_store:
        inferred = {q.object.value.split("#")[1] for q in graph_store.quads(graph_store.layout.inferred_graph,
                                                                               subject=ox.NamedNode(ZORVAN))}
    assert "Actor" in inferred and "Organization" not in inferred
