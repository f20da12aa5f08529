"""The Python API (issue 17, "Python API"): what spaCy and rdflib users reach for.

Spec:
- ``kgbuild.extract_text(text, published=..., kb=...)`` needs no file: it returns typed
  events, actors, relations and claims (the extractor's own items) and the article's graphs
  as an ``rdflib.Dataset``, the very graphs ``kgbuild build`` stores for the same text; the
  pipeline is loaded once and cached; ``kb`` adds actor KB folders.
- ``QueryResult`` is iterable and has ``len()``; its records hold IRIs as ``URIRef``,
  literals as Python values and the ``# lists:`` columns as lists; ``to_dataframe()`` gives
  the same as a pandas DataFrame, and without pandas fails with one line naming the extra.
- A store's graphs are an rdflib ``Dataset`` without export and re-parse: the plugin
  ``kgbuild-oxigraph`` (``Dataset(store="kgbuild-oxigraph")``, ``.open(path)``) or
  ``kgbuild.open_dataset``; each graph is isomorphic to its export, the union holds each
  triple once, SPARQL runs on Oxigraph with the same answers as rdflib's engine, and writing
  through it is refused.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

import kgbuild
from conftest import BASE, build_into
from kgbuild.errors import InputError, MissingExtraError, StoreError
from kgbuild.extract.items import ActorRef, ClaimItem, EventItem, RelationItem
from kgbuild.store import GraphStore

TEXT = ("Strike in Iraq\n\nThe Popular Mobilization Forces are part of Iraq's security forces. "
        "US jets struck Kata'ib Hezbollah near al-Qaim on Sunday, the Pentagon said.\n")
KB = "https://w3id.org/kgbuild/kb/"


@pytest.fixture(scope="module")
def extracted() -> kgbuild.TextExtraction:
    return kgbuild.extract_text(TEXT, published="2019-12-30", article_id="strike")


def test_extract_text_gives_typed_items(extracted: kgbuild.TextExtraction) -> None:
    assert all(isinstance(e, EventItem) for e in extracted.events)
    assert all(isinstance(a, ActorRef) for a in extracted.actors)
    assert all(isinstance(r, RelationItem) for r in extracted.relations)
    assert all(isinstance(c, ClaimItem) for c in extracted.claims)
    [attack] = [e for e in extracted.events if e.event_class.value == "Attack"]
    assert attack.date == dt.date(2019, 12, 29)  # "on Sunday", from the publication date
    assert {str(extracted.iri(t)) for t in attack.targets} == {KB + "kataib-hezbollah"}
    assert ("partOf", KB + "iraq-security-forces") in {(r.predicate, r.object.iri) for r in extracted.relations}
    assert len({a.key for a in extracted.actors}) == len(extracted.actors)
    assert extracted.article.text[attack.sentence[0]:attack.sentence[1]].startswith("US jets struck")


def test_its_graphs_are_what_a_build_stores(extracted: kgbuild.TextExtraction, tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    article.write_text(TEXT, encoding="utf-8")
    report = build_into(tmp_path / "kg", [article], published=dt.date(2019, 12, 30), reason=False)
    assert report.built == ["strike"]
    assert isinstance(extracted.dataset, Dataset)
    with GraphStore.open_read_only(tmp_path / "kg") as store:
        view = kgbuild.open_dataset(store)
        for name in (extracted.doc_graph, extracted.claims_graph):
            assert isomorphic(extracted.dataset.graph(name), view.graph(name)), name
    assert len(extracted.graph()) == len(extracted.dataset.graph(extracted.doc_graph)) + \
        len(extracted.dataset.graph(extracted.claims_graph))


def test_the_pipeline_is_loaded_once(extracted: kgbuild.TextExtraction) -> None:
    from kgbuild.api import _pipeline

    before = _pipeline.cache_info()
    again = kgbuild.extract_text("Iraqi officials condemned the strike.", published=dt.date(2019, 12, 30))
    after = _pipeline.cache_info()
    assert after.hits == before.hits + 1 and after.misses == before.misses
    assert again.article.id.startswith("text-") and again.article.id != extracted.article.id


def test_extra_kb_folders_link_new_names(tmp_path: Path) -> None:
    text = "Saraya Awliya al-Dam fighters attacked a US base in Iraq on Monday."
    before = kgbuild.extract_text(text, published="2020-01-07")
    assert all(a.iri != KB + "saraya-awliya-al-dam" for a in before.actors)
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "local.ttl").write_text(
        "@prefix kg: <https://w3id.org/kgbuild/ontology#> .\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        f"<{KB}saraya-awliya-al-dam> a kg:ArmedGroup ; kg:kbId \"saraya-awliya-al-dam\" ;\n"
        "  skos:prefLabel \"Saraya Awliya al-Dam\"@en .\n", encoding="utf-8")
    after = kgbuild.extract_text(text, published="2020-01-07", kb=folder)
    assert KB + "saraya-awliya-al-dam" in {a.iri for a in after.actors}


@pytest.mark.parametrize(("text", "published", "message"), [
    ("  \n", None, "empty text"), ("Text.", "30/12/2019", "is not a date")])
def test_bad_input_is_an_input_error(text: str, published: str | None, message: str) -> None:
    with pytest.raises(InputError, match=message):
        kgbuild.extract_text(text, published=published)


# -- QueryResult ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def attacks(built_store: Path) -> kgbuild.QueryResult:
    with GraphStore.open_read_only(built_store) as store:
        return kgbuild.run_saved(store, "attacks-on-state-affiliated-forces")


def test_query_result_is_iterable_with_typed_records(attacks: kgbuild.QueryResult) -> None:
    records = list(attacks)
    assert len(attacks) == len(records) == len(attacks.rows) > 0
    us = next(r for r in records if r["date"] == dt.date(2019, 12, 29))
    assert isinstance(us["event"], URIRef) and us["attacker"] == [URIRef(KB + "USA")]
    assert URIRef(KB + "popular-mobilization-forces") in us["target"]
    assert all(isinstance(t, URIRef) for t in us["target"]) and isinstance(us["sources"], int)
    assert isinstance(us["chain"], str) and not isinstance(us["chain"], Literal)
    assert attacks.rows[records.index(us)]["attacker"] == KB + "USA"  # rows stay as CSV shows them


def test_to_dataframe_keeps_lists_and_iris(attacks: kgbuild.QueryResult) -> None:
    pytest.importorskip("pandas")
    frame = attacks.to_dataframe()
    assert list(frame.columns) == attacks.columns and len(frame) == len(attacks)
    row = frame[frame["date"] == dt.date(2019, 12, 29)].iloc[0]
    assert isinstance(row["target"], list) and isinstance(row["target"][0], URIRef)
    assert row["state"] == [URIRef(KB + "IRQ")]


def test_to_dataframe_without_pandas_names_the_extra(attacks: kgbuild.QueryResult,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas -> ImportError
    with pytest.raises(MissingExtraError) as caught:
        attacks.to_dataframe()
    assert str(caught.value) == "QueryResult.to_dataframe() needs pandas: pip install 'kgbuild[pandas]'"
    assert isinstance(caught.value, ImportError)


# -- the store as an rdflib Dataset --------------------------------------------------------------
def test_store_plugin_opens_a_store_folder(built_store: Path) -> None:
    dataset = Dataset(store="kgbuild-oxigraph", default_union=True)
    dataset.open(str(built_store))
    try:
        kh = URIRef(KB + "kataib-hezbollah")
        assert (kh, URIRef("https://w3id.org/kgbuild/ontology#subOrganizationOf"),
                URIRef(KB + "popular-mobilization-forces")) in dataset
        assert dataset.namespace_manager.store.namespace("kg") == URIRef("https://w3id.org/kgbuild/ontology#")
    finally:
        dataset.close()


def test_each_graph_is_isomorphic_to_its_export(built_store: Path) -> None:
    import pyoxigraph as ox

    with GraphStore.open_read_only(built_store) as store:
        view = kgbuild.open_dataset(store)
        for kind in ("ontology", "doc:us-iraq-airstrikes-2019", "claims:us-iraq-airstrikes-2019"):
            name = store.graph_iri(*kind.split(":"))
            exported = Graph().parse(data=store.dump(name, fmt="ntriples").decode(), format="nt")
            assert isomorphic(view.graph(URIRef(name.value)), exported), kind
        distinct = {(q.subject, q.predicate, q.object) for q in store.quads()}
        assert len(view) == len(distinct) == sum(1 for _ in view.triples((None, None, None)))
        assert len(view.graph(URIRef(f"{BASE}graph/kb"))) == store.count(ox.NamedNode(f"{BASE}graph/kb"))


def test_sparql_on_the_view_runs_on_oxigraph_with_rdflibs_answers(built_store: Path) -> None:
    query = """SELECT DISTINCT ?org WHERE { <https://w3id.org/kgbuild/kb/kataib-hezbollah> kg:partOf+ ?org }"""
    with GraphStore.open_read_only(built_store) as store:
        view = kgbuild.open_dataset(store)
        fast = {row.org for row in view.query(query)}
        by_rdflib = {row.org for row in view.query(query, use_store_provided=False)}
    assert fast == by_rdflib and URIRef(KB + "IRQ") not in fast and fast


def test_the_view_is_read_only(built_store: Path) -> None:
    with GraphStore.open_read_only(built_store) as store:
        view = kgbuild.open_dataset(store)
        triple = (URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b"))
        with pytest.raises(StoreError, match="read-only"):
            view.add((*triple, URIRef(f"{BASE}graph/kb")))
        with pytest.raises(StoreError, match="read-only"):
            view.graph(URIRef(f"{BASE}graph/kb")).remove((None, None, None))
        with pytest.raises(StoreError, match="read-only"):
            view.update("INSERT DATA { <urn:a> <urn:p> <urn:b> }")
