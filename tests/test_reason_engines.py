"""The OWL engines (Pellet, HermiT) and the rule engine give the same DESIGN set, on membership
chains of every shape the ontology defines; Pellet end to end from the CLI, and its failures."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgbuild.errors import ReasonerError
from kgbuild.namespace import DEFAULT_BASE, KB, KG
from kgbuild.reason import reason
from kgbuild.reason.api import infer_set
from kgbuild.reason.cli import command
from kgbuild.reason.module import tbox_triples

HAS_JAVA = shutil.which("java") is not None
needs_java = pytest.mark.skipif(not HAS_JAVA, reason="java is not installed: Pellet and HermiT cannot run")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
PREFIXES = f"""@prefix kg: <{KG._NS}> . @prefix kb: <{KB}> . @base <{DEFAULT_BASE}> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""
#: one person or group per way of reaching a State (names say the path)
CHAINS = PREFIXES + """
kb:S a kg:State . kb:T a kg:State .
kb:gov a kg:GovernmentBody ; kg:ofState kb:S .
kb:army a kg:SecurityForce ; kg:subOrganizationOf kb:gov .
kb:brigade a kg:SecurityForce ; kg:subOrganizationOf kb:army .
kb:militia a kg:ArmedGroup ; kg:partOf kb:T .
kb:rebels a kg:ArmedGroup . kb:rebel-wing a kg:ArmedGroup ; kg:partOf kb:rebels .
kb:leader-of-gov a kg:Person ; kg:leaderOf kb:gov .
kb:member-of-gov a kg:Person ; kg:memberOf kb:gov .
kb:member-of-state a kg:Person ; kg:memberOf kb:S .
kb:leader-of-brigade a kg:Person ; kg:leaderOf kb:brigade .
kb:member-of-militia a kg:Person ; kg:memberOf kb:militia .
kb:group-member-of-gov a kg:ArmedGroup ; kg:memberOf kb:gov .
kb:rebel a kg:Person ; kg:memberOf kb:rebel-wing .
kb:town a kg:Place ; kg:locatedIn kb:province . kb:province a kg:Place ; kg:locatedIn kb:S .
<event/e1> a kg:Attack ; kg:agent kb:rebel ; kg:target kb:member-of-militia .
<event/e2> a kg:Attack ; kg:agent kb:leader-of-brigade ; kg:target kb:rebels .
"""
AFFILIATED = {"leader-of-gov": "S", "member-of-gov": "S", "member-of-state": "S", "leader-of-brigade": "S",
              "member-of-militia": "T", "group-member-of-gov": "S", "brigade": "S", "militia": "T"}


def _data(ttl: str) -> list[ox.Triple]:
    return list(ox.parse(ttl.encode(), format=ox.RdfFormat.TURTLE))


def _has(triples: set[ox.Triple], s: str, p: str, o: str) -> bool:
    return ox.Triple(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o)) in triples


def test_the_rule_engine_follows_every_chain() -> None:
    got = infer_set(None, _data(CHAINS), engine="rules")
    for actor, state in AFFILIATED.items():
        assert _has(got, KB[actor], RDF_TYPE, KG.StateAffiliatedActor), actor
        assert _has(got, KB[actor], KG.affiliatedState, KB[state]), actor
    for actor in ("rebels", "rebel-wing", "rebel"):
        assert not _has(got, KB[actor], RDF_TYPE, KG.StateAffiliatedActor), actor
    assert _has(got, KB.town, KG.locatedIn, KB.S)
    assert _has(got, DEFAULT_BASE + "event/e1", RDF_TYPE, KG.AttackOnStateAffiliated)
    assert _has(got, DEFAULT_BASE + "event/e2", RDF_TYPE, KG.AttackByStateAffiliated)


@needs_java
@pytest.mark.parametrize("engine", ["pellet", "hermit"])
def test_the_owl_engines_give_what_the_rules_give(engine: str) -> None:
    """Pellet's realisation alone misses the persons whose affiliation needs two chains
    (``leader-of-gov``, ``leader-of-brigade``...): its second pass must find them."""
    by_rules = infer_set(None, _data(CHAINS), engine="rules")
    got = infer_set(None, _data(CHAINS), engine=engine)
    assert got == by_rules, (sorted(map(str, by_rules - got)), sorted(map(str, got - by_rules)))


@needs_java
@pytest.mark.parametrize("engine", ["pellet", "hermit"])
def test_an_inconsistent_ontology_is_one_clear_error(engine: str) -> None:
    disjoint = ox.Triple(ox.NamedNode(str(KG.State)), ox.NamedNode("http://www.w3.org/2002/07/owl#disjointWith"),
                         ox.NamedNode(str(KG.ArmedGroup)))
    data = _data(PREFIXES + "kb:X a kg:State , kg:ArmedGroup .")
    with pytest.raises(ReasonerError, match="inconsistent"):
        infer_set([*tbox_triples(), disjoint], data, engine=engine)


def test_pellet_without_java_names_java(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda *a, **k: None)
    store = ox.Store()
    store.load(CHAINS.encode(), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(DEFAULT_BASE + "graph/kb"))
    with pytest.raises(ReasonerError, match="Pellet reasoner needs Java"):
        reason(store, engine="pellet")


@needs_java
def test_kgbuild_reason_with_pellet_writes_the_graph_the_build_wrote(built_store: Path, store_copy: Path) -> None:
    """The examples' store (built with the rule engine) reasoned again with Pellet from the CLI:
    the same inferred graph, the KB's ~4,000 actors included."""
    from conftest import INFERRED_GRAPH, snapshot

    result = CliRunner().invoke(command, ["--store", str(store_copy), "--reasoner", "pellet"])
    assert result.exit_code == 0, result.output
    assert "with pellet in" in result.output
    assert snapshot(store_copy)[INFERRED_GRAPH] == snapshot(built_store)[INFERRED_GRAPH]
