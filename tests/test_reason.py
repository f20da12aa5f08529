"""Reasoning: both engines agree on a small KB; affiliation, attack classes, fusion, claims."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgbuild.errors import ReasonerError
from kgbuild.namespace import DEFAULT_BASE, KB, KG
from kgbuild.reason import fusion, owl, reason
from kgbuild.reason.api import infer_set, read_inputs
from kgbuild.reason.cli import command
from kgbuild.store import GraphStore

BASE = DEFAULT_BASE
HAS_JAVA = shutil.which("java") is not None
PREFIXES = f"""@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . @base <{BASE}> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> . @prefix prov: <http://www.w3.org/ns/prov#> .
"""
KB_TTL = PREFIXES + """
kb:USA a kg:State ; skos:prefLabel "United States"@en .
kb:IRQ a kg:State ; skos:prefLabel "Iraq"@en .
kb:IRN a kg:State ; skos:prefLabel "Iran"@en .
kb:iraq-government a kg:GovernmentBody ; kg:ofState kb:IRQ .
kb:iraq-security-forces a kg:SecurityForce ; kg:subOrganizationOf kb:iraq-government .
kb:popular-mobilization-forces a kg:SecurityForce ; kg:subOrganizationOf kb:iraq-security-forces .
kb:kataib-hezbollah a kg:ArmedGroup ; kg:subOrganizationOf kb:popular-mobilization-forces .
kb:falih-al-fayyadh a kg:Person ; kg:leaderOf kb:popular-mobilization-forces .
kb:baghdad a kg:Place ; kg:locatedIn kb:IRQ .
kb:isis a kg:ArmedGroup . kb:sdf a kg:ArmedGroup .
"""
DOC1 = PREFIXES + """
<event/strike> a kg:Attack ; kg:mode kg:Airstrike ; kg:agent kb:USA ; kg:target kb:kataib-hezbollah ;
    kg:place kb:IRQ ; kg:date "2019-12-29"^^xsd:date ; kg:sourceArticle <article/a1> .
<event/clash> a kg:Attack ; kg:agent kb:isis ; kg:target kb:sdf ; kg:sourceArticle <article/a1> .
"""
DOC2 = PREFIXES + """
<event/strike2> a kg:Attack ; kg:agent kb:USA ; kg:target kb:kataib-hezbollah ;
    kg:date "2019-12-29"^^xsd:date ; kg:sourceArticle <article/a2> .
<event/threat> a kg:Threat ; kg:agent kb:kataib-hezbollah ; kg:target kb:USA ;
    kg:date "2019-12-29"^^xsd:date ; kg:sourceArticle <article/a2> .
"""
CLAIMS = PREFIXES + """
<claim/c1> a kg:Claim, rdf:Statement ; rdf:subject kb:kataib-hezbollah ; rdf:predicate kg:ofState ;
    rdf:object kb:IRN ; prov:wasAttributedTo kb:USA ; kg:sourceArticle <article/a2> .
kb:kataib-hezbollah kg:ofState kb:IRN .
"""


def _load(store: ox.Store, ttl: str, graph: str) -> None:
    store.load(ttl.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(BASE + graph))


@pytest.fixture()
def store() -> ox.Store:
    s = ox.Store()
    _load(s, KB_TTL, "graph/kb")
    _load(s, DOC1, "graph/doc/a1")
    _load(s, DOC2, "graph/doc/a2")
    # a claims graph even (wrongly) holding the claimed triple must never feed reasoning
    _load(s, CLAIMS, "graph/claims/a2")
    return s


def n(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def inferred(store: ox.Store) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, n(BASE + "graph/inferred"))}


def has(triples: set[ox.Triple], s: object, p: object, o: object) -> bool:
    return ox.Triple(n(s), n(p), n(o)) in triples


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
STRIKE = BASE + "event/strike"


def check_entailments(t: set[ox.Triple]) -> None:
    kh = KB["kataib-hezbollah"]
    assert has(t, kh, RDF_TYPE, KG.StateAffiliatedActor)
    assert has(t, kh, KG.affiliatedState, KB.IRQ)
    assert has(t, kh, KG.partOf, KB["iraq-government"])
    assert has(t, kh, KG.ofState, KB.IRQ)
    assert has(t, KB["falih-al-fayyadh"], KG.memberOf, KB.IRQ)
    assert has(t, KB["falih-al-fayyadh"], KG.affiliatedState, KB.IRQ)
    assert has(t, KB.USA, KG.affiliatedState, KB.USA)
    assert has(t, KB.baghdad, KG.locatedIn, KB.IRQ)
    assert has(t, STRIKE, RDF_TYPE, KG.AttackOnStateAffiliated)
    assert has(t, STRIKE, RDF_TYPE, KG.AttackByStateAffiliated)
    assert has(t, STRIKE, RDF_TYPE, KG.Event)
    assert has(t, STRIKE, RDF_TYPE, KG.Attack)
    assert has(t, BASE + "event/threat", RDF_TYPE, KG.Threat)  # asserted event classes are kept
    assert has(t, BASE + "event/threat", RDF_TYPE, KG.Event)
    assert not has(t, BASE + "event/threat", RDF_TYPE, KG.AttackByStateAffiliated)
    assert has(t, KB.isis, RDF_TYPE, KG.Actor)
    assert not has(t, KB.isis, RDF_TYPE, KG.StateAffiliatedActor)
    clash = BASE + "event/clash"
    assert not has(t, clash, RDF_TYPE, KG.AttackOnStateAffiliated)
    assert not has(t, clash, RDF_TYPE, KG.AttackByStateAffiliated)
    # the claim "KH ofState IRN" never becomes a fact
    assert not has(t, kh, KG.ofState, KB.IRN)
    assert not has(t, kh, KG.affiliatedState, KB.IRN)
    assert not any(q.predicate == n(KG.stateSelf) or q.predicate == n(KG.partOrMemberOfState) for q in t)


def test_rule_engine_entailments(store: ox.Store) -> None:
    tbox, data = read_inputs(store, base=BASE)
    check_entailments(infer_set(tbox, data, engine="rules"))


@pytest.mark.parametrize("seed", range(6))
def test_fusion_candidates_picked_in_the_store_miss_no_group(seed: int) -> None:
    """Random reports, dated and undated (their articles published on nearby days), sharing few
    actors: the candidates the store picks by day give the groups of fusion over all triples."""
    import random

    rng = random.Random(seed)
    store = ox.Store()
    _load(store, KB_TTL, "graph/kb")
    actors = ["kb:USA", "kb:isis", "kb:sdf", "kb:pmu"]
    for a in range(12):
        day = 1 + rng.randrange(8)
        body = [f'<article/r{a}> <http://purl.org/dc/terms/date> "2020-01-{day:02d}T08:00:00Z"^^xsd:dateTime .']
        for k in range(rng.randrange(1, 5)):
            cls = rng.choice(["kg:Attack", "kg:Threat"])
            roles = " ; ".join(f"kg:{role} {rng.choice(actors)}" for role in ("agent", "target") if rng.random() < 0.8)
            date = f' ; kg:date "2020-01-{day - rng.randrange(4):02d}"^^xsd:date' if rng.random() < 0.6 else ""
            body.append(f"<event/r{a}-{k}> a {cls} ; {roles or 'kg:agent kb:USA'}{date} ; kg:sourceArticle <article/r{a}> .")
        _load(store, PREFIXES + "\n".join(body), f"graph/doc/r{a}")
    tbox, data = read_inputs(store, base=BASE)
    classes = {str(KG.Attack), str(KG.Threat)}
    expected = fusion.fuse(data, event_classes=classes, base=BASE)
    got = fusion.fuse_store(store, event_classes=classes, base=BASE)
    assert sorted(map(str, got)) == sorted(map(str, expected))


@pytest.mark.skipif(not HAS_JAVA, reason="java is not installed: HermiT cannot run")
def test_engines_agree(store: ox.Store) -> None:
    tbox, data = read_inputs(store, base=BASE)
    by_rules = infer_set(tbox, data, engine="rules")
    by_hermit = infer_set(tbox, data, engine="hermit")
    assert by_rules == by_hermit, (sorted(map(str, by_rules - by_hermit)), sorted(map(str, by_hermit - by_rules)))
    check_entailments(by_hermit)


@pytest.mark.skipif(not HAS_JAVA, reason="java is not installed: HermiT cannot run")
def test_reason_hermit_and_rules_write_identical_graphs(store: ox.Store) -> None:
    assert reason(store, engine="hermit").engine == "hermit"
    by_hermit = inferred(store)
    assert reason(store, engine="rules").engine == "rules"
    assert inferred(store) == by_hermit


def test_reason_writes_inferred_graph_with_fusion(store: ox.Store) -> None:
    report = reason(store, engine="rules")
    t = inferred(store)
    check_entailments(t)
    graph = n(BASE + "graph/inferred")
    assert ox.Triple(graph, n(KG.isCurrent), ox.Literal("true", datatype=n("http://www.w3.org/2001/XMLSchema#boolean"))) in t
    fused = {q.object for q in t if q.predicate == n(KG.fusedInto)}
    assert len(fused) == 1 and report.fused_events == 1
    node = fused.pop()
    assert node.value.startswith(BASE + "fused/")
    assert has(t, BASE + "event/strike", KG.fusedInto, node.value)
    assert has(t, BASE + "event/strike2", KG.fusedInto, node.value)
    assert ox.Triple(node, n(KG.sourceCount), ox.Literal("2", datatype=n("http://www.w3.org/2001/XMLSchema#integer"))) in t
    assert report.triples == len(t)
    # nothing is written outside the inferred graph
    assert not any(q.predicate == n(KG.fusedInto) for q in store.quads_for_pattern(None, None, None, n(BASE + "graph/doc/a1")))


def test_inferred_graph_is_replaced_whole(store: ox.Store) -> None:
    reason(store, engine="rules")
    first = inferred(store)
    assert has(first, BASE + "event/strike2", KG.fusedInto, next(iter(
        q.object.value for q in first if q.predicate == n(KG.fusedInto))))
    store.remove_graph(n(BASE + "graph/doc/a2"))
    store.add(ox.Quad(n(KB.zzz), n(KG.partOf), n(KB.yyy), n(BASE + "graph/inferred")))  # stale junk
    reason(store, engine="rules")
    second = inferred(store)
    assert not any(q.predicate == n(KG.fusedInto) for q in second)
    assert not has(second, KB.zzz, KG.partOf, KB.yyy)
    assert second < first
    assert [g.value for g in store.named_graphs() if "inferred" in g.value] == [BASE + "graph/inferred"]
    reason(store, engine="rules")
    assert inferred(store) == second


def test_auto_without_java_falls_back_to_rules(store: ox.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda *a, **k: None)
    report = reason(store, engine="auto")
    assert report.engine == "rules" and report.fallback_reason
    check_entailments(inferred(store))


def test_hermit_without_java_raises(store: ox.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda *a, **k: None)
    with pytest.raises(ReasonerError, match="Java"):
        reason(store, engine="hermit")


def test_ontology_loaded_from_resources_when_missing(store: ox.Store) -> None:
    assert not any(store.quads_for_pattern(None, None, None, n(BASE + "graph/ontology")))
    tbox, _ = read_inputs(store, base=BASE)
    assert ox.Triple(n(KG.partOf), n(RDF_TYPE), n("http://www.w3.org/2002/07/owl#TransitiveProperty")) in tbox


def test_cli_reason(tmp_path: object) -> None:
    path = str(tmp_path) + "/kg"  # type: ignore[operator]
    s = ox.Store(path)
    _load(s, KB_TTL, "graph/kb")
    _load(s, DOC1, "graph/doc/a1")
    del s
    result = CliRunner().invoke(command, ["--store", path, "--reasoner", "rules"])
    assert result.exit_code == 0, result.output
    assert "with rules" in result.output
    again = ox.Store(path)
    assert any(again.quads_for_pattern(None, n(KG.isCurrent), None, n(BASE + "graph/inferred")))


def test_cli_missing_store(tmp_path: object) -> None:
    result = CliRunner().invoke(command, ["--store", str(tmp_path) + "/nope", "--reasoner", "rules"])  # type: ignore[operator]
    assert result.exit_code != 0


FUSION_DOCS = {
    # a1..a3 report the same strike (same class, date, agents, targets): one fused node
    "f1": """<event/f1> a kg:Attack ; kg:agent kb:USA ; kg:target kb:isis, kb:sdf ;
             kg:date "2020-01-03"^^xsd:date ; kg:sourceArticle <article/f1> .
             <event/f1b> a kg:Protest ; kg:agent kb:sdf ; kg:date "2020-01-03"^^xsd:date ;
             kg:sourceArticle <article/f1> .""",
    "f2": """<event/f2> a kg:Attack ; kg:agent kb:USA ; kg:target kb:sdf, kb:isis ;
             kg:date "2020-01-03"^^xsd:date ; kg:sourceArticle <article/f2> .
             <event/f2b> a kg:Protest ; kg:agent kb:sdf ; kg:date "2020-01-03"^^xsd:date ;
             kg:sourceArticle <article/f2> .""",
    # the same event's date is stated in another doc graph: the union of graphs counts
    "f3": """<event/f3> a kg:Attack ; kg:agent kb:USA ; kg:target kb:isis, kb:sdf ;
             kg:sourceArticle <article/f3> .
             <event/x1> a kg:Attack ; kg:agent kb:USA ; kg:target kb:isis ;
             kg:date "2020-01-03"^^xsd:date ; kg:sourceArticle <article/f3> .""",
    "f4": """<event/f3> kg:date "2020-01-03"^^xsd:date .
             <event/x2> a kg:Attack ; kg:agent kb:USA ; kg:target kb:isis ;
             kg:date "2020-01-04"^^xsd:date ; kg:sourceArticle <article/f4> .
             <event/x3> a kg:Attack, kg:Threat ; kg:agent kb:USA ; kg:target kb:isis ;
             kg:date "2020-01-03"^^xsd:date ; kg:sourceArticle <article/f4> .
             <event/x4> a kg:Attack ; kg:agent kb:USA ; kg:target kb:isis ;
             kg:date "2020-01-03"^^xsd:date ; kg:sourceArticle <article/f1> .""",
}


def test_fusion_on_the_store_matches_fusion_over_all_triples(store: ox.Store) -> None:
    for name, body in FUSION_DOCS.items():
        _load(store, PREFIXES + body, f"graph/doc/{name}")
    tbox, data = read_inputs(store, base=BASE)
    classes = {t.subject.value for t in tbox if t.predicate == n("http://www.w3.org/2000/01/rdf-schema#subClassOf")
               and t.object == n(KG.Event)}
    expected = fusion.fuse(data, event_classes=classes, base=BASE)
    got = fusion.fuse_store(store, event_classes=classes, base=BASE)
    assert sorted(map(str, got)) == sorted(map(str, expected))
    fused_members = {t.subject.value for t in got if t.predicate == n(KG.fusedInto)}
    assert {BASE + "event/f1", BASE + "event/f2", BASE + "event/f3", BASE + "event/f1b", BASE + "event/f2b",
            BASE + "event/x1", BASE + "event/x4"} <= fused_members
    assert BASE + "event/x2" not in fused_members and BASE + "event/x3" not in fused_members


@pytest.mark.skipif(not HAS_JAVA, reason="java is not installed: HermiT cannot run")
def test_hermit_split_matches_one_ontology(store: ox.Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Leaf summarisation and per-support ontologies give what one whole ontology gives."""
    tbox, data = read_inputs(store, base=BASE)
    split = infer_set(tbox, data, engine="hermit")
    monkeypatch.setattr(owl, "CHUNK", 1)  # as many ontologies as possible
    assert infer_set(tbox, data, engine="hermit") == split
    monkeypatch.setattr(owl, "_is_local", lambda work: False)  # one ontology, no summarising
    assert infer_set(tbox, data, engine="hermit") == split


@pytest.mark.skipif(not HAS_JAVA, reason="java is not installed: HermiT cannot run")
def test_event_stage_matches_hermit_over_events(store: ox.Store, tmp_path: object) -> None:
    """HermiT given the events too (types, agents, targets) classifies them as the event stage does."""
    from pathlib import Path

    tbox, data = read_inputs(store, base=BASE)
    roles = {n(KG.agent), n(KG.target), n(KG.subOrganizationOf), n(KG.partOf), n(KG.ofState),
             n(KG.memberOf), n(KG.leaderOf), n(KG.locatedIn)}
    abox = [t for t in data if isinstance(t.object, ox.NamedNode) and (
        t.predicate in roles or (t.predicate == n(RDF_TYPE) and t.object.value.startswith(str(KG._NS))))]
    individuals = {t.subject for t in abox} | {t.object for t in abox if t.predicate != n(RDF_TYPE)}
    abox += [ox.Triple(i, n(RDF_TYPE), n("http://www.w3.org/2002/07/owl#NamedIndividual")) for i in individuals]
    path = Path(str(tmp_path)) / "whole.nt"
    path.write_bytes(ox.serialize([*tbox, *abox], format=ox.RdfFormat.N_TRIPLES))
    out = owl._read_output(owl._run_hermit([path], shutil.which("java"), 2000), {})
    whole = {q.triple for q in ox.parse(out, format=ox.RdfFormat.N_TRIPLES)}
    by_rules = infer_set(tbox, data, engine="rules")
    assert whole == by_rules, (sorted(map(str, by_rules - whole)), sorted(map(str, whole - by_rules)))


def test_two_articles_about_one_strike_are_one_row_with_two_sources(tmp_path) -> None:  # noqa: ANN001
    """One article dates the strike ("on Sunday"), the other only reports "the US airstrikes" a day
    later: one fused event reaches the headline query, its sources counted."""
    import json

    from kgbuild.build import build
    from kgbuild.config import Config
    from kgbuild.query.saved import run_saved

    records = [
        {"id": "a1", "published": "2025-03-10", "text": "US warplanes struck Kataib Hezbollah positions in western "
         "Iraq on Sunday, killing 25 fighters. The Pentagon said the airstrikes targeted weapons depots."},
        {"id": "a2", "published": "2025-03-10", "text": "Iraq condemned the US airstrikes against Kataib Hezbollah "
         "on Sunday. The American strikes on the militia killed 25 of its fighters, Iraqi officials said."},
        {"id": "a3", "published": "2025-03-20", "text": "US warplanes struck Kataib Hezbollah positions near Qaim "
         "on Wednesday, the Pentagon said."},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    config = Config(store=tmp_path / "kg")
    assert build([str(tmp_path / "a.jsonl")], config=config).ok
    with GraphStore.open_read_only(tmp_path / "kg") as store:
        rows = run_saved(store, "attacks-on-state-affiliated-forces").rows
    by_day = {str(r["date"]): r for r in rows}
    assert len(rows) == 2, rows  # the Sunday strike (two reports) and the Wednesday one
    assert by_day["2025-03-09"]["sources"] == 2 and "/fused/" in by_day["2025-03-09"]["event"]
    assert by_day["2025-03-19"]["sources"] == 1


def test_reason_through_the_top_level_cli_reads_the_configured_store(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """`store = "kgA"` in kgbuild.toml: `kgbuild reason` reasons over kgA, like every other command."""
    from kgbuild.cli import cli

    (tmp_path / "a.txt").write_text("US warplanes struck Kataib Hezbollah positions in Iraq on Sunday.\n")
    (tmp_path / "kgbuild.toml").write_text('store = "kgA"\n')
    monkeypatch.chdir(tmp_path)
    built = CliRunner().invoke(cli, ["build", "a.txt", "--quiet", "--no-reason"])
    assert built.exit_code == 0, built.output
    result = CliRunner().invoke(cli, ["reason", "--reasoner", "rules"])
    assert result.exit_code == 0, result.output
    assert "inferred" in result.output
    missing = CliRunner().invoke(cli, ["reason", "--store", "elsewhere"])
    assert missing.exit_code != 0 and "elsewhere: no kgbuild store here" in missing.output


# -- stopping HermiT or Pellet -----------------------------------------------------------------
_FAKE_JAVA = """#!/bin/sh
# stands in for the JVM: records its pid and waits to be stopped
echo $$ > "$FAKE_JAVA_PID"
exec sleep 120
"""


@pytest.mark.parametrize("engine", ["hermit", "pellet"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_stopped_jvm_reasoner_leaves_no_jvm_no_files_and_the_store_as_it_was(
        store_copy: Path, tmp_path: Path, signum: signal.Signals, engine: str) -> None:
    """``kgbuild reason --reasoner hermit`` (or ``pellet``) stopped while the reasoner runs: the
    JVM is stopped, its temporary files are removed, the command exits 130 with one line, and
    the inferred graph is untouched."""
    from conftest import reaped, snapshot

    fake_bin, temp, pid_file = tmp_path / "bin", tmp_path / "tmp", tmp_path / "java.pid"
    fake_bin.mkdir()
    temp.mkdir()
    java = fake_bin / "java"
    java.write_text(_FAKE_JAVA)
    java.chmod(0o755)
    before = snapshot(store_copy)
    env = {**os.environ, "PATH": f"{fake_bin}{os.pathsep}{os.environ['PATH']}", "TMPDIR": str(temp),
           "FAKE_JAVA_PID": str(pid_file)}
    with reaped(subprocess.Popen([sys.executable, "-m", "kgbuild", "reason", "--store", str(store_copy),
                                  "--reasoner", engine], env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)) as process:
        deadline = time.monotonic() + 120
        while not pid_file.exists() or not pid_file.read_text().strip():
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, f"{engine} never started"
            time.sleep(0.05)
        jvm = int(pid_file.read_text())
        assert [p.name for p in temp.iterdir()][0].startswith(f"kgbuild-{engine}-")  # its files, while it runs
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert err.decode().strip().splitlines()[-1] == \
        f"interrupted ({signum.name}): {store_copy}: the inferred graph is unchanged"
    assert list(temp.iterdir()) == []
    with pytest.raises(ProcessLookupError):
        os.kill(jvm, 0)
    assert snapshot(store_copy) == before


def test_a_stop_while_the_jvm_starts_kills_it_once_it_exists(monkeypatch: pytest.MonkeyPatch) -> None:
    """A stop signal that arrives while ``Popen`` is still starting the JVM (the child runs, the
    ``Popen`` object does not exist yet) is held until the JVM can be killed: no JVM outlives the
    stop (it had, under load, in a fresh-clone run)."""
    from conftest import stopped_inside_popen

    from kgbuild.signals import Stopped, stop_signals

    started = stopped_inside_popen(monkeypatch, owl)
    with pytest.raises(Stopped), stop_signals((signal.SIGTERM,)):
        owl.run_java(["sleep", "60"], reasoner="HermiT", inconsistent=())
    assert started and started[0].returncode is not None  # killed and reaped
    with pytest.raises(ProcessLookupError):
        os.kill(started[0].pid, 0)


# -- writing the inferred graph in bounded transactions ------------------------------------
def _inferred(path: Path) -> set[str]:
    from conftest import INFERRED_GRAPH, snapshot

    return snapshot(path)[INFERRED_GRAPH]


def test_the_inferred_graph_written_in_small_pieces_is_the_same_graph(
        built_store: Path, store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Dropped 100 triples, loaded 2 kB and classified 2 source graphs per transaction: the graph
    the build wrote in one piece each."""
    from kgbuild.reason import api

    monkeypatch.setattr(api, "WRITE_CHUNK_TRIPLES", 100)
    monkeypatch.setattr(api, "WRITE_CHUNK_BYTES", 2000)
    monkeypatch.setattr(api, "WRITE_CHUNK_GRAPHS", 2)
    updates = []
    original = GraphStore.update

    def recorded(self: GraphStore, sparql: str) -> None:
        updates.append(sparql)
        original(self, sparql)

    monkeypatch.setattr(GraphStore, "update", recorded)
    result = CliRunner().invoke(command, ["--store", str(store_copy), "--reasoner", "rules"])
    assert result.exit_code == 0, result.output
    expected = _inferred(built_store)
    assert len(expected) > 5000
    assert _inferred(store_copy) == expected
    assert sum("LIMIT 100 " in u for u in updates) > len(expected) // 100  # the old graph, dropped in pieces
    with GraphStore.open_read_only(store_copy) as store:
        assert store.inferred_is_current()


def test_a_run_stopped_while_writing_leaves_the_graph_not_current_and_the_next_run_mends_it(
        built_store: Path, store_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kgbuild.reason import api, events

    monkeypatch.setattr(api, "WRITE_CHUNK_GRAPHS", 2)
    calls = []

    def stopped_on_the_third_chunk(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    original = events.updates
    monkeypatch.setattr(events, "updates", stopped_on_the_third_chunk)
    result = CliRunner().invoke(command, ["--store", str(store_copy), "--reasoner", "rules"])
    assert result.exit_code == 130
    assert "the inferred graph is not current: run `kgbuild reason` again" in result.output
    with GraphStore.open_read_only(store_copy) as store:
        assert not store.inferred_is_current()
    assert _inferred(store_copy) != _inferred(built_store)

    monkeypatch.setattr(events, "updates", original)
    assert CliRunner().invoke(command, ["--store", str(store_copy), "--reasoner", "rules"]).exit_code == 0
    assert _inferred(store_copy) == _inferred(built_store)


def test_scratch_graphs_of_older_versions_are_removed(store_copy: Path) -> None:
    """Versions before 2026-12-05 moved a scratch graph over graph/inferred; one left by an
    interrupted run is removed, name and all."""
    leftover = ox.NamedNode(f"{DEFAULT_BASE}graph/inferred-tmp-0123abcd")
    with GraphStore.open(store_copy) as store:
        store.bulk_load([ox.Quad(ox.NamedNode(f"{DEFAULT_BASE}event/x"), ox.NamedNode(str(KG.agent)),
                                 ox.NamedNode(str(KB.USA)), leftover)])
        assert store.has_graph(leftover)
        reason(store, engine="rules")
        assert not store.has_graph(leftover) and store.inferred_is_current()
