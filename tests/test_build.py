"""``kgbuild build`` / ``kgbuild remove`` (issue "kgbuild build"), as a library and on the CLI.

Spec:
- Building examples/ succeeds: 7 articles, no failure, no SHACL violation, reasoning current.
- Incremental: a second build of the same input skips all 7 articles and changes nothing.
- Idempotent: rebuilding (``--force``) or building into a fresh store gives the same quads in
  every instance graph (N-Quads lines per graph) and an isomorphic ontology graph; IRIs are
  stable across stores.
- A changed article replaces only its own graphs; every other graph keeps its quads.
- A failing input (binary, empty, malformed JSONL line) is reported by name, the others are
  built, and the exit code is non-zero.
- ``kgbuild remove ID`` deletes the article's doc and claims graphs and reruns reasoning.
- ``kgbuild kb promote`` writes a parsable actor file; a rebuild with ``--kb`` links the name.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from conftest import (ACTORS_GRAPH, BASE, EXAMPLE_IDS, EXAMPLES, EXAMPLES_JSONL, INFERRED_GRAPH, ONTOLOGY_GRAPH,
                      build_into, invoke, ontology_graph, snapshot)
from kgbuild.build import BuildReport
from kgbuild.namespace import KB, KG
from kgbuild.store import GraphStore

IRAQ = "us-iraq-airstrikes-2019"
CHANGED = "nk-russia-arms-2024"


def summary(output: str) -> dict[str, str]:
    """The build summary table's data row, column name -> cell."""
    lines = [line for line in output.splitlines() if line.count("│") >= 9 or line.count("┃") >= 9]
    header, row = lines[0], lines[-1]
    names = [c.strip() for c in re.split(r"[┃│]", header)[1:-1]]
    cells = [c.strip() for c in re.split(r"[┃│]", row)[1:-1]]
    return dict(zip(names, cells, strict=True))


def instance_graphs(snap: dict[str, set[str]]) -> dict[str, set[str]]:
    return {g: quads for g, quads in snap.items() if g != ONTOLOGY_GRAPH}


def assert_same_store(left: Path, right: Path) -> None:
    a, b = snapshot(left), snapshot(right)
    assert set(a) == set(b), f"graph names differ: {set(a) ^ set(b)}"
    for graph in sorted(instance_graphs(a)):
        assert a[graph] == b[graph], (f"{graph}: {len(a[graph] - b[graph])} quads only in {left.name}, "
                                      f"{len(b[graph] - a[graph])} only in {right.name}: "
                                      f"{sorted(a[graph] ^ b[graph])[:3]}")
    assert isomorphic(ontology_graph(left), ontology_graph(right)), "ontology graphs are not isomorphic"


# -- the session build -----------------------------------------------------------------------
def test_examples_build(built_store: Path, built_report: BuildReport) -> None:
    assert sorted(built_report.built) == sorted(EXAMPLE_IDS)
    assert not built_report.failures and not built_report.violations and not built_report.skipped
    assert built_report.reasoning, "reasoning ran"
    with GraphStore.open_read_only(built_store) as store:
        assert store.article_ids() == sorted(EXAMPLE_IDS)
        assert store.inferred_is_current()
        names = {g.value for g in store.graphs()}
    assert {f"{BASE}graph/{k}" for k in ("ontology", "kb", "inferred")} <= names
    assert {f"{BASE}graph/doc/{a}" for a in EXAMPLE_IDS} <= names


def test_second_build_skips_everything_and_changes_nothing(built_store: Path, store_copy: Path) -> None:
    result = invoke(["build", EXAMPLES, "--store", store_copy, "--quiet"])
    row = summary(result.output)
    assert (row["articles built"], row["skipped"], row["failed"], row["triples"]) == ("0", "7", "0", "0"), row
    assert_same_store(built_store, store_copy)


def test_force_rebuild_gives_the_same_store(built_store: Path, store_copy: Path) -> None:
    report = build_into(store_copy, [EXAMPLES], force=True)
    assert sorted(report.built) == sorted(EXAMPLE_IDS) and report.ok, report.failures
    assert_same_store(built_store, store_copy)


def test_two_stores_get_identical_graphs_and_iris(built_store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    result = invoke(["build", EXAMPLES_JSONL, "--store", other, "--quiet"])
    assert summary(result.output)["articles built"] == "7"
    assert_same_store(built_store, other)


# -- incremental changes ---------------------------------------------------------------------
def test_changed_article_replaces_only_its_graphs(built_store: Path, store_copy: Path, tmp_path: Path) -> None:
    lines = EXAMPLES_JSONL.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    [changed] = [r for r in records if r["id"] == CHANGED]
    changed["text"] += "\n\nNorth Korea fired two ballistic missiles into the sea on Friday."
    edited = tmp_path / "edited" / "articles.jsonl"
    edited.parent.mkdir()
    edited.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")

    report = build_into(store_copy, [edited.parent])
    assert report.built == [CHANGED] and sorted(report.skipped) == sorted(set(EXAMPLE_IDS) - {CHANGED})
    before, after = snapshot(built_store), snapshot(store_copy)
    own = {f"{BASE}graph/doc/{CHANGED}", f"{BASE}graph/claims/{CHANGED}"}
    for graph in set(before) | set(after):
        if graph in own or graph == INFERRED_GRAPH:
            continue
        assert before.get(graph) == after.get(graph), f"{graph} changed"
    doc = f"{BASE}graph/doc/{CHANGED}"
    assert before[doc] != after[doc]
    assert any("ballistic missiles into the sea" in q for q in after[doc])
    with GraphStore.open_read_only(store_copy) as store:
        assert store.inferred_is_current()


# -- failures ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    """One CLI build of good and bad inputs, with stdin and --published."""
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "good.txt").write_text(
        "Strike in Iraq\n\nA US airstrike hit a Kata'ib Hezbollah base near al-Qaim on Sunday.\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00\x00\x03" * 64)
    (folder / "empty.md").write_bytes(b"")
    (folder / "batch.jsonl").write_text(
        json.dumps({"id": "dated", "published": "2019-12-30",
                    "text": "Protest\n\nProtesters stormed the US embassy in Baghdad on Tuesday."}) + "\n"
        + '{"id": "broken", "text": \n', encoding="utf-8")
    store = folder / "kg"
    result = invoke(["build", folder, folder / "nothing-here.txt", "-", "--store", store,
                     "--published", "2020-01-05", "--quiet"],
                    input=b"From stdin\n\nIraqi officials condemned the strike.\n", expect=None)
    return result, store


def test_failures_are_named_and_the_rest_is_built(mixed_batch: tuple) -> None:
    result, store = mixed_batch
    assert result.exit_code == 1, result.output
    for name in ("binary.txt", "empty.md", "batch.jsonl:2", "nothing-here.txt"):
        assert re.search(rf"error: \S*{re.escape(name)}: ", result.output), f"{name} not reported:\n{result.output}"
    assert "nothing-here.txt: no such file or folder" in result.output
    row = summary(result.output)
    assert (row["articles built"], row["failed"]) == ("3", "4"), row
    with GraphStore.open_read_only(store) as graph_store:
        assert graph_store.article_ids() == ["dated", "good", "stdin"]


def test_shacl_violations_of_every_article_are_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles are emitted and validated a few at a time (``EMIT_BATCH``); a violation in any
    of them reaches the build report, named by its article."""
    import kgbuild.build as build_module
    import kgbuild.graph as graph_module

    emit = graph_module.emit_article

    def emit_broken(article, extraction, **options):  # noqa: ANN001, ANN202
        write = emit(article, extraction, **options)
        begin = next(q for q in write.doc_quads if q.predicate.value.endswith("#beginIndex"))
        write.doc_quads.append(ox.Quad(begin.subject, begin.predicate, ox.Literal("start"), begin.graph_name))
        return write

    monkeypatch.setattr(graph_module, "emit_article", emit_broken)
    monkeypatch.setattr(build_module, "EMIT_BATCH", 2)
    report = build_into(tmp_path / "kg", [EXAMPLES_JSONL], reason=False)
    assert sorted(report.built) == sorted(EXAMPLE_IDS)
    named = {line.split(":", 1)[0] for line in report.violations}
    assert named == set(EXAMPLE_IDS), report.violations[:3]


def test_a_big_build_frees_its_pipeline_before_reasoning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A build of at least ``RELEASE_PIPELINE_ARTICLES`` articles drops the in-process pipeline
    before its final reasoning; a smaller one keeps it; either way the store is the same."""
    import kgbuild.build as build_module

    kept = build_into(tmp_path / "kept", [EXAMPLES_JSONL])
    assert "extractor" in build_module._WORKER and kept.reasoning
    monkeypatch.setattr(build_module, "RELEASE_PIPELINE_ARTICLES", len(EXAMPLE_IDS))
    freed = build_into(tmp_path / "freed", [EXAMPLES_JSONL])
    assert "extractor" not in build_module._WORKER and freed.reasoning
    assert_same_store(tmp_path / "kept", tmp_path / "freed")
    monkeypatch.setattr(build_module, "RELEASE_PIPELINE_ARTICLES", len(EXAMPLE_IDS) + 1)
    again = build_into(tmp_path / "freed", [EXAMPLES_JSONL], force=True)  # loads it again, keeps it
    assert sorted(again.built) == sorted(EXAMPLE_IDS) and "extractor" in build_module._WORKER


def test_published_option_dates_only_undated_articles(mixed_batch: tuple) -> None:
    _, store = mixed_batch
    dates = {}
    with GraphStore.open_read_only(store) as graph_store:
        for article_id in graph_store.article_ids():
            node = graph_store.article_iri(article_id)
            [quad] = graph_store.store.quads_for_pattern(node, ox.NamedNode("http://purl.org/dc/terms/date"),
                                                         None, None)
            dates[article_id] = quad.object.value
    assert dates == {"good": "2020-01-05", "stdin": "2020-01-05", "dated": "2019-12-30"}


def test_bad_published_value_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke(["build", EXAMPLES, "--store", tmp_path / "kg", "--published", "last tuesday"], expect=2)
    assert "is not a date" in result.output


# -- remove --------------------------------------------------------------------------------
def test_remove_deletes_both_graphs_and_reasons_again(built_store: Path, store_copy: Path) -> None:
    with GraphStore.open_read_only(store_copy) as store:
        doc_graph = store.graph_iri("doc", IRAQ)
        own_nodes = {q.subject.value for q in store.quads(doc_graph)
                     if q.subject.value.startswith((f"{BASE}event/", f"{BASE}mention/", f"{BASE}evidence/"))}
        assert store.count(store.graph_iri("claims", IRAQ)) > 0
    assert own_nodes

    result = invoke(["remove", IRAQ, "--store", store_copy])
    assert f"removed {IRAQ}" in result.output
    after = snapshot(store_copy)
    assert f"{BASE}graph/doc/{IRAQ}" not in after and f"{BASE}graph/claims/{IRAQ}" not in after
    assert not any(node in quad for quad in after[INFERRED_GRAPH] for node in own_nodes), \
        "the inferred graph still holds the removed article's nodes"
    with GraphStore.open_read_only(store_copy) as store:
        assert store.inferred_is_current()
        assert store.article_ids() == sorted(set(EXAMPLE_IDS) - {IRAQ})
    before = snapshot(built_store)
    for graph in after:
        if graph not in (INFERRED_GRAPH, ACTORS_GRAPH):
            assert after[graph] == before[graph], f"{graph} changed by removing {IRAQ}"
    # the provisional actors only the removed article named lose their class; no other changes
    only_there = {a for a in _provisional(before, IRAQ) if not any(a in _provisional(before, other)
                                                                   for other in EXAMPLE_IDS if other != IRAQ)}
    assert only_there
    assert before[ACTORS_GRAPH] - after[ACTORS_GRAPH] == {
        line for line in before[ACTORS_GRAPH] if line.split(" ", 1)[0] in only_there}
    assert after[ACTORS_GRAPH] <= before[ACTORS_GRAPH]


def _provisional(graphs: dict[str, set[str]], article_id: str) -> set[str]:
    """The provisional actors (N-Quads terms) an article's doc graph gives a class."""
    stated = f"<{KG.provisionalClass}>"
    return {line.split(" ", 1)[0] for line in graphs.get(f"{BASE}graph/doc/{article_id}", ())
            if line.split(" ")[1] == stated}


def test_remove_unknown_id_fails(store_copy: Path) -> None:
    result = invoke(["remove", "no-such-article", "--store", store_copy], expect=1)
    assert "not in the store: no-such-article" in result.output


# -- KB promotion --------------------------------------------------------------------------
def test_promote_then_rebuild_links_the_new_kb_actor(tmp_path: Path) -> None:
    name = "Saraya Awliya al-Dam"
    article = tmp_path / "in" / "rockets.txt"
    article.parent.mkdir()
    article.write_text(f"Rockets Hit Base\n\n{name} fighters fired rockets at a base near Erbil on Monday, "
                       f"and {name} later claimed the attack.\n", encoding="utf-8")
    store = tmp_path / "kg"
    invoke(["build", article.parent, "--store", store, "--quiet", "--no-reason"])

    kb_folder = tmp_path / "tmp"
    actor_file = kb_folder / "actors.ttl"
    result = invoke(["kb", "promote", name, "--type", "ArmedGroup", "--parent", "IRQ", "--file", actor_file])
    iri = str(KB["saraya-awliya-al-dam"])
    assert iri in result.output
    parsed = Graph().parse(actor_file, format="turtle")
    assert (None, None, None) in parsed and len(parsed) >= 3
    assert any(str(s) == iri and str(o) == str(KG.ArmedGroup) for s, _, o in parsed)

    result = invoke(["build", article.parent, "--store", store, "--quiet", "--kb", kb_folder, "--no-reason"])
    assert summary(result.output)["articles built"] == "1", "the KB changed, so the article is rebuilt"
    with GraphStore.open_read_only(store) as graph_store:
        doc = graph_store.graph_iri("doc", "rockets")
        denoted = {q.object.value for q in graph_store.store.quads_for_pattern(
            None, ox.NamedNode(str(KG.denotes)), None, doc)}
        provisional = [q.subject.value for q in graph_store.store.quads_for_pattern(
            None, ox.NamedNode(str(KG.provisional)), None, doc)]
        in_kb = list(graph_store.store.quads_for_pattern(ox.NamedNode(iri), None, None, graph_store.graph_iri("kb")))
    assert iri in denoted, f"{name} not linked to {iri}: {sorted(denoted)}"
    assert not any("saraya" in p for p in provisional), provisional
    assert in_kb, "the user KB file is loaded into graph/kb"
