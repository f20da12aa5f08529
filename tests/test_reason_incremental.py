"""Incremental reasoning gives the graph a full pass gives: random stores, random changes
(articles added, rewritten, removed; memberships that make actors state-affiliated or not;
events dated and undated that fuse across articles), each brought up to date incrementally
and compared with a full pass over the same store."""
from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.namespace import KB, KG
from kgbuild.reason import reason
from kgbuild.store import ArticleWrite, GraphStore, PendingChanges

KB_TTL = f"""@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> .
kb:USA a kg:State . kb:IRQ a kg:State .
kb:iraq-government a kg:GovernmentBody ; kg:ofState kb:IRQ .
kb:iraq-security-forces a kg:SecurityForce ; kg:subOrganizationOf kb:iraq-government .
kb:isis a kg:ArmedGroup . kb:sdf a kg:ArmedGroup .
"""
ACTORS = ["kb:USA", "kb:isis", "kb:sdf", "kb:iraq-security-forces", "<actor/militia>", "<actor/brigade>"]
PARENTS = ["kb:iraq-security-forces", "kb:isis", "kb:IRQ"]


def _article(store: GraphStore, rng: random.Random, article_id: str, version: int, *,
             stamped: bool = True) -> ArticleWrite:
    """A random article graph, published at a timestamp or (``stamped=False``, as kgbuild's
    graphs have it) on an ``xsd:date``."""
    base = store.layout.base
    day = 1 + rng.randrange(6)
    published = f'"2020-01-{day:02d}T08:00:00Z"^^xsd:dateTime' if stamped else f'"2020-01-{day:02d}"^^xsd:date'
    lines = [f'<article/{article_id}> <http://purl.org/dc/terms/date> {published} .']
    for actor in ("<actor/militia>", "<actor/brigade>"):
        if rng.random() < 0.4:  # an article says who a new group belongs to, or not
            lines.append(f"{actor} a kg:ArmedGroup ; kg:{rng.choice(['partOf', 'memberOf'])} {rng.choice(PARENTS)} .")
    for k in range(rng.randrange(1, 4)):
        cls = rng.choice(["kg:Attack", "kg:Attack", "kg:Threat"])
        roles = " ; ".join(f"kg:{role} {rng.choice(ACTORS)}" for role in ("agent", "target") if rng.random() < 0.8)
        date = f' ; kg:date "2020-01-{max(1, day - rng.randrange(3)):02d}"^^xsd:date' if rng.random() < 0.6 else ""
        lines.append(f"<event/{article_id}-v{version}-{k}> a {cls} ; {roles or 'kg:agent kb:USA'}{date} ; "
                     f"kg:sourceArticle <article/{article_id}> .")
    ttl = (f"@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . @base <{base}> . "
           f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + "\n".join(lines))
    graph = store.layout.doc_graph(article_id)
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
             for t in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]
    return ArticleWrite(article_id, quads, [])


def _inferred(store: GraphStore) -> set[ox.Triple]:
    return {q.triple for q in store.quads(store.layout.inferred_graph)}


def _full_pass(store: GraphStore) -> set[ox.Triple]:
    """The graph a full pass writes over a copy of ``store``."""
    copy = GraphStore.in_memory()
    copy.bulk_load(store.dump(fmt="nquads"))
    reason(copy, engine="rules")
    return _inferred(copy)


@pytest.mark.parametrize("seed", range(12))
def test_incremental_runs_give_what_a_full_pass_gives(seed: int) -> None:
    rng = random.Random(seed)
    store = GraphStore.in_memory()
    store.load(KB_TTL.encode(), fmt="turtle", graph=store.layout.kb_graph)
    versions: dict[str, int] = {}
    stamped = seed % 2 == 1  # publication days as timestamps or, as kgbuild writes them, dates
    store.write_articles([_article(store, rng, f"a{i}", 0, stamped=stamped) for i in range(10)])
    versions.update({f"a{i}": 0 for i in range(10)})
    assert store.pending_sources() is None  # never reasoned: a full pass
    assert reason(store, engine="rules", incremental=True).updated is None
    assert store.pending_sources() == []
    fused_seen = 0
    for round_ in range(5):
        writes = []
        for _ in range(rng.randrange(1, 4)):
            article_id = rng.choice([*versions, f"n{round_}-{len(writes)}"])
            versions[article_id] = versions.get(article_id, 0) + 1
            writes.append(_article(store, rng, article_id, versions[article_id], stamped=stamped))
        store.write_articles(writes)
        if rng.random() < 0.5:
            gone = rng.choice(sorted(versions))
            store.remove_articles([gone])
            del versions[gone]
        pending = store.pending_sources()
        assert pending and not store.inferred_is_current()
        report = reason(store, engine="rules", incremental=True)
        assert report.updated == len(pending)
        assert store.inferred_is_current() and store.pending_sources() == []
        got, expected = _inferred(store), _full_pass(store)
        assert got == expected, (round_, sorted(map(str, expected - got))[:8], sorted(map(str, got - expected))[:8])
        fused_seen += report.fused_events
    assert fused_seen  # the random stores do fuse events across articles


def test_a_stale_graph_is_computed_again_whole() -> None:
    rng = random.Random(1)
    store = GraphStore.in_memory()
    store.load(KB_TTL.encode(), fmt="turtle", graph=store.layout.kb_graph)
    store.write_articles([_article(store, rng, "a", 0)])
    reason(store, engine="rules")
    store.write_articles([_article(store, rng, "b", 0)])
    assert store.pending_sources() == [store.layout.doc_graph("b")]
    store.mark_inferred_stale()  # the KB changed, say
    assert store.pending_sources() is None
    store.write_articles([_article(store, rng, "c", 0)])
    assert store.pending_sources() is None  # a stale graph stays stale
    assert reason(store, engine="rules", incremental=True).updated is None
    assert _inferred(store) == _full_pass(store)


def test_many_changed_articles_are_a_full_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``INCREMENTAL_FLOOR`` articles and ``INCREMENTAL_SHARE`` of them (a ``--force``
    rebuild), a full pass."""
    from kgbuild.reason import api

    monkeypatch.setattr(api, "INCREMENTAL_FLOOR", 2)
    rng = random.Random(2)
    store = GraphStore.in_memory()
    store.load(KB_TTL.encode(), fmt="turtle", graph=store.layout.kb_graph)
    store.write_articles([_article(store, rng, f"a{i}", 0) for i in range(20)])
    reason(store, engine="rules")
    store.write_articles([_article(store, rng, "a1", 1)])
    assert reason(store, engine="rules", incremental=True).updated == 1
    store.write_articles([_article(store, rng, f"a{i}", 1) for i in range(3)])
    report = reason(store, engine="rules", incremental=True)
    assert report.updated is None and store.inferred_is_current()
    assert _inferred(store) == _full_pass(store)


def test_a_build_adding_an_article_brings_the_graph_up_to_date_for_it(
        store_copy: Path, built_store: Path, tmp_path: Path) -> None:
    """`kgbuild build` of one new article into the examples' store: reasoning is incremental
    ("updated for 1 changed articles") and writes the graph `kgbuild reason` (a full pass) writes."""
    from click.testing import CliRunner
    from conftest import INFERRED_GRAPH, snapshot

    from kgbuild.cli import cli
    from kgbuild.reason.cli import command

    new = tmp_path / "new.txt"
    new.write_text("Kataib Hezbollah fighters attacked a US base in western Iraq on Sunday, officials said.\n")
    result = CliRunner().invoke(cli, ["build", str(new), "--store", str(store_copy), "--reasoner", "rules"])
    assert result.exit_code == 0, result.output
    assert "updated for 1 changed articles" in result.output
    incremental = snapshot(store_copy)[INFERRED_GRAPH]
    assert incremental != snapshot(built_store)[INFERRED_GRAPH]
    full = CliRunner().invoke(command, ["--store", str(store_copy), "--reasoner", "rules"])
    assert full.exit_code == 0 and "updated for" not in full.output, full.output
    assert snapshot(store_copy)[INFERRED_GRAPH] == incremental


def test_articles_a_killed_build_wrote_are_reasoned_over_by_the_next_build(store_copy: Path) -> None:
    """A build killed after a commit, before reasoning: the graph is not current (queries do not
    read it), and the next build, with nothing new to extract, brings it up to date."""
    from click.testing import CliRunner

    from conftest import EXAMPLES
    from kgbuild.cli import cli

    with GraphStore.open(store_copy) as store:
        rng = random.Random(3)
        store.write_articles([_article(store, rng, "written-then-killed", 0)])
        assert not store.inferred_is_current()
    result = CliRunner().invoke(cli, ["build", str(EXAMPLES), "--store", str(store_copy), "--reasoner", "rules"])
    assert result.exit_code == 0, result.output
    assert "updated for 1 changed articles" in result.output
    with GraphStore.open_read_only(store_copy) as store:
        assert store.inferred_is_current()
        assert _inferred(store) == _full_pass(store)


def test_an_article_that_changes_no_actor_rewrites_no_actor_triple(monkeypatch: pytest.MonkeyPatch) -> None:
    """The actor part is written as a difference: an article naming only known actors, with no
    membership, deletes and adds none of the engine's triples."""
    from kgbuild.reason import incremental

    rng = random.Random(4)
    store = GraphStore.in_memory()
    store.load(KB_TTL.encode(), fmt="turtle", graph=store.layout.kb_graph)
    store.write_articles([_article(store, rng, f"a{i}", 0) for i in range(5)])
    reason(store, engine="rules")
    graph = store.layout.doc_graph("plain")
    ttl = (f"@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . @base <{store.layout.base}> . "
           f"<event/plain> a kg:Attack ; kg:agent kb:isis ; kg:target kb:sdf ; kg:sourceArticle <article/plain> .")
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph)
             for t in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)]
    store.write_articles([ArticleWrite("plain", quads, [])])
    written: list[set[ox.Triple]] = []

    def recorded(write):  # noqa: ANN001, ANN202
        def record(store: GraphStore, graph: ox.NamedNode, triples: set[ox.Triple]) -> None:
            written.append(triples)
            write(store, graph, triples)
        return record

    monkeypatch.setattr(incremental, "_delete", recorded(incremental._delete))
    monkeypatch.setattr(incremental, "_insert", recorded(incremental._insert))
    reason(store, engine="rules", incremental=True)
    assert written[:2] == [set(), set()]  # the actor part: deleted, added
    assert _inferred(store) == _full_pass(store)


NEW_ACTORS = ["<actor/militia>", "<actor/brigade>", "<actor/unit>", "<actor/council>"]


def _added_article(store: GraphStore, rng: random.Random, article_id: str) -> ArticleWrite:
    """An article that adds: memberships among new and KB actors (``ofState`` among them, so a
    node another points at becomes a State), provisional classes the actors graph decides by
    vote (a State among them), and events naming them."""
    lines = []
    for actor in NEW_ACTORS:
        if rng.random() < 0.5:
            prop = rng.choice(["partOf", "memberOf", "ofState", "subOrganizationOf", "leaderOf"])
            lines.append(f"{actor} kg:{prop} {rng.choice([*PARENTS, *NEW_ACTORS, 'kb:sdf'])} .")
        if rng.random() < 0.4:
            lines.append(f"{actor} kg:provisionalClass kg:{rng.choice(['ArmedGroup', 'State', 'GovernmentBody'])} .")
    for k in range(rng.randrange(1, 3)):
        roles = " ; ".join(f"kg:{role} {rng.choice([*ACTORS, *NEW_ACTORS])}" for role in ("agent", "target"))
        lines.append(f"<event/{article_id}-{k}> a kg:Attack ; {roles} ; kg:sourceArticle <article/{article_id}> .")
    ttl = (f"@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . @base <{store.layout.base}> .\n" + "\n".join(lines))
    graph = store.layout.doc_graph(article_id)
    return ArticleWrite(article_id, [ox.Quad(t.subject, t.predicate, t.object, graph)
                                     for t in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)], [])


@pytest.mark.parametrize("seed", range(12))
def test_added_articles_are_reasoned_over_locally_giving_what_a_full_pass_gives(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles only added, and the actor classes they vote for changed: each run reasons over a
    module around what changed (never the whole store's), and writes the full pass's graph."""
    from kgbuild import actor_classes
    from kgbuild.reason import module

    rng = random.Random(100 + seed)
    store = GraphStore.in_memory()
    store.load(KB_TTL.encode(), fmt="turtle", graph=store.layout.kb_graph)
    store.write_articles([_added_article(store, rng, f"a{i}") for i in range(6)])
    actor_classes.refresh(store)
    reason(store, engine="rules")
    whole_store_modules = []
    extract = module.extract
    monkeypatch.setattr(module, "extract", lambda s: (s is store and whole_store_modules.append(s)) or extract(s))
    for round_ in range(6):
        store.write_articles([_added_article(store, rng, f"n{round_}-{k}") for k in range(rng.randrange(1, 3))])
        actor_classes.refresh(store)
        changes = store.pending_changes()
        assert changes and not changes.replaced
        report = reason(store, engine="rules", incremental=True)
        assert report.updated == len(changes.sources) and store.inferred_is_current()
        got, expected = _inferred(store), _full_pass(store)
        assert got == expected, (round_, sorted(map(str, expected - got))[:8], sorted(map(str, got - expected))[:8])
    assert not whole_store_modules


def test_an_actor_class_the_votes_change_is_pending_on_its_own() -> None:
    """The actors graph deciding another class for an actor leaves the inferred graph exact but
    for that actor (``kg:pendingNode``): reasoning updates it without any article changed."""
    from kgbuild import actor_classes

    store = GraphStore.in_memory()
    store.load(KB_TTL.encode(), fmt="turtle", graph=store.layout.kb_graph)
    unit, graph = ox.NamedNode(store.layout.base + "actor/unit"), store.layout.doc_graph("a")
    stated = ox.NamedNode(str(KG.provisionalClass))
    part_of = ox.Quad(unit, ox.NamedNode(str(KG.partOf)), ox.NamedNode(str(KB["iraq-security-forces"])), graph)
    store.write_articles([ArticleWrite("a", [part_of, ox.Quad(unit, stated, ox.NamedNode(str(KG.ArmedGroup)), graph)],
                                       [])])
    actor_classes.refresh(store)
    reason(store, engine="rules")
    # a vote changes with no article written through write_articles (say, a store edited by hand)
    store.bulk_load([ox.Quad(unit, stated, ox.NamedNode(str(KG.GovernmentBody)), store.layout.doc_graph(g))
                     for g in ("b", "c")])
    actor_classes.refresh(store)
    assert store.pending_changes() == PendingChanges(nodes=(unit,))
    report = reason(store, engine="rules", incremental=True)
    assert report.updated == 0 and store.inferred_is_current()
    assert ox.Triple(unit, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode(str(KG.GovernmentBody))) in _inferred(store)
    assert _inferred(store) == _full_pass(store)


def test_a_node_reached_keeps_what_the_rest_of_the_store_entails_about_it() -> None:
    """A new unit part of a place that is a State only because a KB body points at it with
    ``ofState`` (the range): the local module holds that place's old answer, so the unit is
    state-affiliated, as a full pass says."""
    from kgbuild.reason.locality import affected_nodes

    store = GraphStore.in_memory()
    store.load(f"@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . kb:land-police kg:ofState kb:land .".encode(),
               fmt="turtle", graph=store.layout.kb_graph)
    reason(store, engine="rules")
    unit, graph = ox.NamedNode(store.layout.base + "actor/unit"), store.layout.doc_graph("a")
    store.write_articles([ArticleWrite("a", [ox.Quad(unit, ox.NamedNode(str(KG.partOf)), ox.NamedNode(str(KB.land)),
                                                     graph)], [])])
    assert affected_nodes(store, store.pending_changes()) == {unit}
    reason(store, engine="rules", incremental=True)
    assert ox.Triple(unit, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                     ox.NamedNode(str(KG.StateAffiliatedActor))) in _inferred(store)
    assert _inferred(store) == _full_pass(store)


def test_an_article_asserting_what_is_entailed_affects_no_node() -> None:
    """Memberships and classes the inferred graph already holds change nothing: no node to
    reason over again."""
    from kgbuild.reason.locality import affected_nodes

    store = GraphStore.in_memory()
    store.load(KB_TTL.encode(), fmt="turtle", graph=store.layout.kb_graph)
    reason(store, engine="rules")
    graph = store.layout.doc_graph("known")
    ttl = (f"@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . kb:iraq-security-forces kg:partOf kb:iraq-government ; "
           f"kg:ofState kb:IRQ . kb:isis a kg:ArmedGroup .")
    store.write_articles([ArticleWrite("known", [ox.Quad(t.subject, t.predicate, t.object, graph)
                                                 for t in ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE)], [])])
    assert affected_nodes(store, store.pending_changes()) == set()
    reason(store, engine="rules", incremental=True)
    assert _inferred(store) == _full_pass(store)


# -- a new store: its background reasoned over first, once per process ---------------------------
def test_a_new_store_build_writes_the_graph_a_full_pass_writes(store_copy: Path, built_store: Path) -> None:
    """The session's store was new: its inferred graph was made current for the ontology and KB
    alone, then brought up to date for the seven articles; `kgbuild reason` (a full pass) writes
    the same graph."""
    from conftest import INFERRED_GRAPH, snapshot

    with GraphStore.open(store_copy) as store:
        assert reason(store, engine="rules").updated is None
    assert snapshot(store_copy)[INFERRED_GRAPH] == snapshot(built_store)[INFERRED_GRAPH]


def test_the_background_is_reasoned_over_once_per_process_and_again_for_another_kb(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Stores holding only the ontology and the KB: the first gets a full pass, the next with the
    same background the remembered graph (no pass, the same triples), one with an extra KB folder
    a pass of its own whose graph knows the new actor."""
    from kgbuild.build import load_background
    from kgbuild.reason import background

    monkeypatch.setattr(background, "_remembered", {})
    passes = []
    monkeypatch.setattr(background, "reason", lambda store, **kw: passes.append(store) or reason(store, **kw))
    first, second = GraphStore.in_memory(), GraphStore.in_memory()
    for store in (first, second):
        load_background(store)
        assert background.reason_background(store, engine="auto") is not None and store.inferred_is_current()
    assert passes == [first]
    assert _inferred(second) == _inferred(first)
    assert _inferred(first) == _full_pass(first)

    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "local.ttl").write_text(
        f"@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> .\n"
        "kb:saraya-awliya-al-dam a kg:ArmedGroup ; kg:kbId \"saraya-awliya-al-dam\" ;\n"
        "  kg:subOrganizationOf kb:popular-mobilization-forces .\n", encoding="utf-8")
    third = GraphStore.in_memory()
    load_background(third, kb_folders=[folder])
    background.reason_background(third, engine="rules")
    assert passes == [first, third]
    affiliated = ox.Triple(ox.NamedNode(KB + "saraya-awliya-al-dam"), ox.NamedNode(str(KG.affiliatedState)),
                           ox.NamedNode(KB + "IRQ"))
    assert affiliated in _inferred(third) and affiliated not in _inferred(first)


def test_a_store_with_articles_or_an_owl_engine_gets_no_background_pass() -> None:
    """Only a store holding nothing but its background, reasoned with the rules, is made current
    early: anything else waits for the build's own pass."""
    from kgbuild.build import load_background
    from kgbuild.reason.background import reason_background

    store = GraphStore.in_memory()
    load_background(store)
    assert reason_background(store, engine="hermit") is None and not store.inferred_is_current()
    store.write_articles([_article(store, random.Random(0), "a1", 0)])
    assert reason_background(store, engine="rules") is None and not store.inferred_is_current()
