"""The ontology is the only list of classes: every other list of them must agree with it.

``kgbuild/vocabulary.py`` is generated from ``ontology/kgbuild.ttl`` (event classes, actor
classes, attack modes, text relations). Everything else that names these classes (the trigger
lexicon, SHACL shapes, saved queries, the eval, the query parameters, the KB code and CLI) is
checked against it here: adding an event class to the ontology without its trigger data, or a
typo in any list, fails a test.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Namespace

from conftest import ROOT
from kgbuild.vocabulary import PLOVER, ActorClass, AttackMode, EventClass, Relation

KG = "https://w3id.org/kgbuild/ontology#"
SH = Namespace("http://www.w3.org/ns/shacl#")
ONTOLOGY = ROOT / "ontology" / "kgbuild.ttl"


def kg_names(text: str) -> set[str]:
    return set(re.findall(r"kg:([A-Za-z]+)", text))


def test_generated_vocabulary_matches_the_ontology() -> None:
    from kgbuild.tools import gen_namespace

    assert gen_namespace.render_vocabulary() == (ROOT / "kgbuild" / "vocabulary.py").read_text(encoding="utf-8")
    graph = Graph().parse(ONTOLOGY)
    plover = {str(s)[len(KG):] for s, _, _ in graph.triples((None, Namespace(KG)["ploverCategory"], None))}
    assert plover == set(EventClass) == set(PLOVER)


def test_every_event_class_has_trigger_data_with_its_behaviour() -> None:
    triggers = json.loads((ROOT / "kgbuild" / "resources" / "triggers.json").read_text(encoding="utf-8"))
    assert set(triggers["classes"]) == set(EventClass)
    for name, entry in triggers["classes"].items():
        assert entry["plover"] == PLOVER[EventClass(name)], name
        assert entry["kind"] in ("physical", "statement", "exchange", "other"), name
        assert {"symmetric", "needs_target", "target_preps", "clause_target", "object_is_topic"} <= set(entry), name
    assert set(triggers["attack_modes"]) | {"other"} == set(AttackMode)


def test_the_lexicon_refuses_a_class_the_ontology_does_not_have(tmp_path: Path) -> None:
    from kgbuild.errors import ExtractionError
    from kgbuild.extract.lexicon import load_lexicon

    resources = ROOT / "kgbuild" / "resources"
    for name in ("actor_nouns.json", "cameo_verbs.json"):
        (tmp_path / name).write_bytes((resources / name).read_bytes())
    triggers = json.loads((resources / "triggers.json").read_text(encoding="utf-8"))
    triggers["classes"]["Atack"] = triggers["classes"].pop("Attack")
    (tmp_path / "triggers.json").write_text(json.dumps(triggers), encoding="utf-8")
    with pytest.raises(ExtractionError, match="'Atack'.*not in the ontology.*'Attack'.*no triggers"):
        load_lexicon(str(tmp_path))


def test_the_lexicon_tries_multiword_triggers_in_the_files_order_whatever_the_hash_seed() -> None:
    """"calling for sanctions on" matches both "call for" and "call ... on": the one tried first
    must not depend on the process's hash seed (it did, through the sets of a class's verbs)."""
    import subprocess
    import sys

    script = "from kgbuild.extract.lexicon import load_lexicon; print(list(load_lexicon().multiword))"
    orders = {subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
                             capture_output=True, text=True, check=True).stdout for seed in ("1", "2", "3")}
    assert len(orders) == 1
    demand = [w for w in json.loads((ROOT / "kgbuild" / "resources" / "triggers.json").read_text(encoding="utf-8"))
              ["classes"]["Demand"]["verbs"] if w.startswith("call ")]
    from kgbuild.extract.lexicon import load_lexicon

    assert [" ".join(k) for k in load_lexicon().multiword if k[0] == "call"] == demand


def test_shapes_list_exactly_the_ontology_classes_and_relations() -> None:
    shapes = Graph().parse(ROOT / "ontology" / "shapes.ttl")
    lists = []
    for node in shapes.objects(None, SH["in"]):
        items = []
        while node and node != RDF.nil:
            items.append(str(shapes.value(node, RDF.first)))
            node = shapes.value(node, RDF.rest)
        lists.append({i[len(KG):] for i in items if i.startswith(KG)})
    assert set(EventClass) in lists
    assert set(ActorClass) in lists
    assert {"subOrganizationOf", *Relation} in lists
    targets = {str(o)[len(KG):] for o in shapes.objects(None, SH.targetClass) if str(o).startswith(KG)}
    assert set(EventClass) <= targets


@pytest.mark.parametrize("name", ["events-by-actor.rq", "event-timeline.rq"])
def test_event_queries_list_every_event_class(name: str) -> None:
    text = (ROOT / "queries" / name).read_text(encoding="utf-8")
    values = re.search(r"VALUES \?type \{([^}]*)\}", text)
    assert values and kg_names(values.group(1)) == set(EventClass)


def test_actor_lists_in_queries_kb_and_cli_match_the_ontology() -> None:
    from kgbuild import kb

    assert {str(c)[len(KG):] for c in kb.ACTOR_CLASSES} == set(ActorClass)
    for block in re.findall(r"VALUES \?t0? \{([^}]*)\}", (ROOT / "queries" / "unknown-actors.rq").read_text()):
        assert kg_names(block) == set(ActorClass)
    cli_kb = (ROOT / "kgbuild" / "cli" / "kb.py").read_text(encoding="utf-8")
    assert "VALUES ?class" not in cli_kb and '"unknown-actors"' in cli_kb  # kb candidates runs the saved query
    choices = re.search(r"click\.Choice\(\[([^\]]*)\]", cli_kb)
    assert choices and set(re.findall(r'"(\w+)"', choices.group(1))) == set(ActorClass) - {"State"}


def test_eval_and_query_parameters_use_the_generated_lists() -> None:
    from kgbuild.eval import gold
    from kgbuild.query.params import EVENT_TYPES

    assert set(gold.EVENT_CLASSES) == set(EventClass) == set(EVENT_TYPES)
    assert set(gold.ACTOR_CLASSES) == set(ActorClass)
    assert set(gold.RELATION_PREDICATES) == set(Relation)
    assert set(gold.ATTACK_MODES) == set(AttackMode)
