"""The scorer's own tests: tiny hand-made stores (docs/graph-layout.md) against tiny gold files."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
import rdflib.namespace as rns

from kgbuild.errors import EvalError
from kgbuild.eval import AnswersUnavailable, evaluate
from kgbuild.eval.align import normalise
from kgbuild.eval.gold import load_gold
from kgbuild.eval.score import closure
from kgbuild.namespace import DEFAULT_BASE, KB, KG, NIF, PROV, SCHEMA, WD
from kgbuild.store import GraphStore

ARTICLE = "us-iraq-test"
BASE = DEFAULT_BASE
KH, PMF, USA, IRQ, IRN = KB["kataib-hezbollah"], KB["popular-mobilization-forces"], KB.USA, KB.IRQ, KB.IRN
EV1, EV2 = f"{BASE}event/e1hash", f"{BASE}event/e2hash"

GOLD: dict[str, Any] = {
    "doc": {"id": ARTICLE, "published": "2019-12-30", "author": "Jason Ditz"},
    "entities": [
        {"id": "US", "label": "United States", "type": ["State"], "wikidata": "Q30", "aliases": ["US", "U.S."]},
        {"id": "KH", "label": "Kataib Hezbollah", "type": ["ArmedGroup"], "aliases": ["Ketaib Hezbollah"]},
        {"id": "PMU", "label": "Popular Mobilization Units", "type": ["ArmedGroup"], "aliases": ["PMU"]},
        {"id": "IQ", "label": "Iraq", "type": ["State"], "wikidata": "Q796"},
        {"id": "IR", "label": "Iran", "type": ["State"], "wikidata": "Q794", "aliases": ["Iranian"]},
    ],
    "relations": [
        {"subject": "KH", "predicate": "partOf", "object": "PMU", "evidence": "Ketaib Hezbollah and other PMU militias"},
        {"subject": "PMU", "predicate": "ofState", "object": "IQ", "evidence": "Iraqi PMU forces"},
    ],
    "events": [
        {"id": "e1", "type": ["Attack"], "mode": "airstrike", "agent": ["US"], "target": ["PMU", "KH"],
         "date": "2019-12-29", "place": "IQ", "evidence": "US airstrikes on Sunday targeting Ketaib Hezbollah"},
        {"id": "e2", "type": ["Accusation"], "agent": ["IR"], "target": ["US"], "date": None, "place": None,
         "evidence": "Iran condemned the strikes"},
    ],
    "claims": [
        {"source": ["US"], "subject": "KH", "predicate": "ofState", "object": "IR",
         "evidence": "US officials presented Ketaib Hezbollah as Iranian forces"},
    ],
    "answers": {"attacks-on-state-affiliated-forces": ["e1"]},
}


XSD_DATE = str(rns.XSD.date)


def _iri(term: object) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


class Quads:
    """Builds the graphs of docs/graph-layout.md for one article."""

    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []
        self.kb = ox.NamedNode(f"{BASE}graph/kb")
        self.doc = ox.NamedNode(f"{BASE}graph/doc/{ARTICLE}")
        self.claims = ox.NamedNode(f"{BASE}graph/claims/{ARTICLE}")
        self.article = ox.NamedNode(f"{BASE}article/{ARTICLE}")
        self._n = 0

    def add(self, graph: ox.NamedNode, s: str, p: str, o: str | ox.Literal) -> None:
        obj = o if isinstance(o, ox.Literal) else ox.NamedNode(_iri(o))
        self.quads.append(ox.Quad(ox.NamedNode(_iri(s)), ox.NamedNode(_iri(p)), obj, graph))

    def actor(self, iri: str, cls: str, label: str, *, qid: str | None = None, graph: str = "kb") -> None:
        g = self.kb if graph == "kb" else self.doc
        self.add(g, iri, rns.RDF.type, KG[cls])
        self.add(g, iri, rns.SKOS.prefLabel, ox.Literal(label, language="en"))
        if qid:
            self.add(g, iri, SCHEMA.sameAs, WD[qid])

    def mention(self, target: str, text: str) -> str:
        self._n += 1
        m = f"{BASE}mention/m{self._n}"
        self.add(self.doc, m, rns.RDF.type, KG.Mention)
        self.add(self.doc, m, KG.denotes, target)
        self.add(self.doc, m, KG.sourceArticle, self.article)
        self.add(self.doc, m, NIF.anchorOf, ox.Literal(text))
        return m

    def event(self, iri: str, cls: str, *, agent: str | None = None, target: str | None = None,
              date: str | None = None, place: str | None = None, text: str = "") -> None:
        self.add(self.doc, iri, rns.RDF.type, KG[cls])
        for pred, value in ((KG.agent, agent), (KG.target, target), (KG.place, place)):
            if value:
                self.add(self.doc, iri, pred, value)
        if date:
            self.add(self.doc, iri, KG.date, ox.Literal(date, datatype=ox.NamedNode(XSD_DATE)))
        if text:
            self.add(self.doc, iri, KG.trigger, self.mention(iri, text))

    def claim(self, source: str, s: str, p: str, o: str) -> None:
        c = f"{BASE}claim/c{len(self.quads)}"
        for pred, value in ((rns.RDF.type, KG.Claim), (PROV.wasAttributedTo, source), (rns.RDF.subject, s),
                            (rns.RDF.predicate, p), (rns.RDF.object, o)):
            self.add(self.claims, c, pred, value)

    def store(self, path: Path | None = None) -> GraphStore:
        store = GraphStore.open(path) if path else GraphStore.in_memory()
        store.store.extend(self.quads)
        return store


def perfect() -> Quads:
    q = Quads()
    q.add(q.doc, q.article, rns.RDF.type, KG.Article)
    q.actor(USA, "State", "United States", qid="Q30")
    q.actor(IRQ, "State", "Iraq", qid="Q796")
    q.actor(IRN, "State", "Iran", qid="Q794")
    q.actor(KH, "ArmedGroup", "Kataib Hezbollah")
    q.actor(PMF, "ArmedGroup", "Popular Mobilization Forces")
    q.add(q.kb, PMF, rns.SKOS.altLabel, ox.Literal("Popular Mobilization Units", language="en"))
    q.add(q.kb, KH, KG.subOrganizationOf, PMF)
    q.add(q.kb, PMF, KG.ofState, IRQ)
    for actor, text in ((USA, "US"), (IRQ, "Iraq"), (IRN, "Iran"), (KH, "Ketaib Hezbollah"), (PMF, "PMU")):
        q.mention(actor, text)
    q.event(EV1, "Attack", agent=USA, target=KH, date="2019-12-29", place=IRQ, text="airstrikes")
    q.event(EV2, "Accusation", agent=IRN, target=USA, text="condemned")
    q.claim(USA, KH, KG.ofState, IRN)
    return q


def attacks(name: str, store: GraphStore) -> list[str]:
    return [EV1] if name == "attacks-on-state-affiliated-forces" else []


def run(tmp_path: Path, q: Quads, gold: dict[str, Any] | None = None, **kwargs: Any) -> dict[str, Any]:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold or GOLD))
    report = evaluate([path], q.store(), run_saved_query=kwargs.get("runner", attacks))
    return report.to_json()


def test_perfect_score(tmp_path: Path) -> None:
    out = run(tmp_path, perfect())
    for part in ("entities", "relations", "events", "claims"):
        assert (out[part]["precision"], out[part]["recall"], out[part]["f1"]) == (1.0, 1.0, 1.0), part
    assert out["entities"]["type_accuracy"] == 1.0
    assert out["events"]["date_accuracy"] == 1.0 and out["events"]["place_accuracy"] == 1.0
    assert out["events"]["unsupported_dates"] == 0
    assert out["relations"]["claims_as_facts"] == 0 and out["relations"]["unscored"] == 0
    assert out["answers"] == {"correct": 1, "total": 1}


def test_missing_entity(tmp_path: Path) -> None:
    q = perfect()
    q.quads = [x for x in q.quads if not (x.predicate.value == str(KG.denotes) and x.object.value == str(IRN))]
    out = run(tmp_path, q)
    assert out["entities"] | {} == out["entities"]
    assert (out["entities"]["tp"], out["entities"]["fp"], out["entities"]["fn"]) == (4, 0, 1)
    assert out["entities"]["recall"] == 0.8
    # the unmentioned actor still aligns as an event role
    assert out["events"]["tp"] == 2


def test_wrong_entity_and_author_ignored(tmp_path: Path) -> None:
    q = perfect()
    q.actor(KB.FRA, "State", "France", qid="Q142")
    q.mention(KB.FRA, "France")
    ditz = f"{BASE}actor/person/jason-ditz"
    q.actor(ditz, "Person", "Jason Ditz", graph="doc")
    q.mention(ditz, "Jason Ditz")
    out = run(tmp_path, q)
    assert (out["entities"]["tp"], out["entities"]["fp"], out["entities"]["fn"]) == (5, 1, 0)
    assert out["entities"]["precision"] == round(5 / 6, 3)


def test_duplicate_actor(tmp_path: Path) -> None:
    q = perfect()
    dup = f"{BASE}actor/armed-group/ketaib-hezbollah"
    q.actor(dup, "ArmedGroup", "Ketaib Hezbollah", graph="doc")
    q.mention(dup, "Ketaib Hezbollah")
    out = run(tmp_path, q)
    assert out["entities"]["duplicates"] == 1
    assert (out["entities"]["tp"], out["entities"]["fp"], out["entities"]["fn"]) == (5, 0, 0)


def test_wrong_type(tmp_path: Path) -> None:
    q = perfect()
    q.quads = [x for x in q.quads if not (x.subject.value == str(KH) and x.object.value == str(KG.ArmedGroup))]
    q.add(q.kb, KH, rns.RDF.type, KG.SecurityForce)
    out = run(tmp_path, q)
    assert out["entities"]["type_accuracy"] == 0.8


def test_duplicate_event(tmp_path: Path) -> None:
    q = perfect()
    q.event(f"{BASE}event/e3hash", "Attack", agent=USA, target=PMF, date="2019-12-29", place=IRQ,
            text="strikes")
    out = run(tmp_path, q)
    assert out["events"]["duplicates"] == 1
    assert (out["events"]["tp"], out["events"]["fp"], out["events"]["fn"]) == (2, 1, 0)


def test_events_told_apart_by_date(tmp_path: Path) -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"].append({"id": "e3", "type": ["Attack"], "agent": ["US"], "target": ["KH"],
                           "date": "2019-12-27", "place": "IQ", "evidence": "an earlier strike"})
    q = perfect()
    q.event(f"{BASE}event/e3hash", "Attack", agent=USA, target=KH, date="2019-12-27", place=IRQ, text="strike")
    out = run(tmp_path, q, gold)
    assert (out["events"]["tp"], out["events"]["fp"], out["events"]["fn"]) == (3, 0, 0)
    assert out["events"]["date_accuracy"] == 1.0


def test_optional_event(tmp_path: Path) -> None:
    gold = copy.deepcopy(GOLD)
    gold["events"].append({"id": "e3", "type": ["Threat"], "agent": ["KH"], "target": ["US"], "date": None,
                           "place": None, "evidence": "vowed revenge", "optional": True})
    without = run(tmp_path, perfect(), gold)
    q = perfect()
    q.event(f"{BASE}event/e3hash", "Threat", agent=KH, target=USA, text="vowed")
    with_it = run(tmp_path, q, gold)
    for out in (without, with_it):
        assert (out["events"]["tp"], out["events"]["fp"], out["events"]["fn"]) == (2, 0, 0)


def test_claim_asserted_as_fact(tmp_path: Path) -> None:
    q = perfect()
    q.add(q.doc, KH, KG.ofState, IRN)
    out = run(tmp_path, q)
    assert out["relations"]["claims_as_facts"] == 1
    assert (out["relations"]["tp"], out["relations"]["fp"]) == (2, 1)
    assert out["claims"]["tp"] == 1


def test_relation_entailed_through_closure(tmp_path: Path) -> None:
    gold = copy.deepcopy(GOLD)
    gold["relations"].append({"subject": "KH", "predicate": "ofState", "object": "IQ", "evidence": ""})
    q = perfect()
    q.add(q.doc, f"{BASE}actor/x", KG.partOf, PMF)  # an end that aligns with nothing
    out = run(tmp_path, q, gold)
    assert (out["relations"]["tp"], out["relations"]["fp"], out["relations"]["fn"]) == (2, 0, 0)
    assert out["relations"]["recall"] == 1.0 and out["relations"]["unscored"] == 1
    q = perfect()
    q.add(q.doc, KH, KG.ofState, IRQ)  # not in gold, but the gold closure entails it
    out = run(tmp_path, q)
    assert (out["relations"]["tp"], out["relations"]["fp"]) == (3, 0)


def test_closure_rules() -> None:
    got = closure({("p", "leaderOf", "o"), ("o", "partOf", "u"), ("u", "ofState", "S"),
                   ("a", "locatedIn", "b"), ("b", "locatedIn", "c")})
    assert {("p", "memberOf", "u"), ("p", "memberOf", "S"), ("o", "ofState", "S"),
            ("a", "locatedIn", "c")} <= got


def test_dates_and_unsupported_dates(tmp_path: Path) -> None:
    q = perfect()
    q.quads = [x for x in q.quads if x.predicate.value != str(KG.date)]
    q.add(q.doc, EV1, KG.date, ox.Literal("2019-12-28", datatype=ox.NamedNode(XSD_DATE)))
    q.add(q.doc, EV2, KG.date, ox.Literal("2019-12-30", datatype=ox.NamedNode(XSD_DATE)))
    out = run(tmp_path, q)
    assert out["events"]["date_accuracy"] == 0.0
    assert out["events"]["unsupported_dates"] == 1
    assert out["events"]["tp"] == 2


def test_answers_not_evaluated_and_absent_article(tmp_path: Path) -> None:
    def unavailable(name: str, store: GraphStore) -> list[str]:
        raise AnswersUnavailable("no saved queries")

    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD))
    report = evaluate([path], perfect().store(), run_saved_query=unavailable)
    assert report.to_json()["answers"] == {"correct": 0, "total": 0}
    assert any("not evaluated" in w for w in report.warnings)
    report = evaluate([tmp_path], GraphStore.in_memory(), run_saved_query=attacks)
    out = report.to_json()
    assert (out["entities"]["fn"], out["relations"]["fn"], out["events"]["fn"], out["claims"]["fn"]) == (5, 2, 2, 1)
    assert any("not in the store" in w for w in report.warnings)


def test_scope_limits_scored_parts(tmp_path: Path) -> None:
    gold = copy.deepcopy(GOLD) | {"scope": ["events"]}
    q = perfect()
    q.actor(KB.FRA, "State", "France")
    q.mention(KB.FRA, "France")
    out = run(tmp_path, q, gold)
    assert out["entities"]["fp"] == 0 and out["entities"]["precision"] is None
    assert out["answers"]["total"] == 0 and out["events"]["tp"] == 2


def test_json_shape(tmp_path: Path) -> None:
    out = run(tmp_path, perfect())
    assert list(out) == ["entities", "relations", "events", "claims", "answers", "files"]
    assert list(out["entities"]) == ["precision", "recall", "f1", "tp", "fp", "fn", "duplicates", "type_accuracy"]
    assert list(out["relations"]) == ["precision", "recall", "f1", "tp", "fp", "fn", "unscored", "claims_as_facts"]
    assert list(out["events"]) == ["precision", "recall", "f1", "tp", "fp", "fn", "duplicates", "date_accuracy",
                                   "unsupported_dates", "place_accuracy"]
    assert list(out["claims"]) == ["precision", "recall", "f1", "tp", "fp", "fn"]
    assert list(out["answers"]) == ["correct", "total"]
    assert out["files"] == 1
    empty = evaluate([], GraphStore.in_memory()).to_json()
    assert empty["claims"]["precision"] is None and empty["events"]["date_accuracy"] is None


def test_normalise() -> None:
    assert normalise("The U.S.") == normalise("US") == "us"
    assert normalise("Myanmar’s") == "myanmars"
    assert normalise("the") == "the"


def test_gold_files_in_repo_are_valid() -> None:
    for path in sorted(Path(__file__).parent.joinpath("data", "gold").glob("*.json")):
        assert load_gold(path).doc.id == path.stem


def test_cli_json(tmp_path: Path) -> None:
    from kgbuild.cli import cli

    store = perfect().store(tmp_path / "kg")
    store.close()
    gold = copy.deepcopy(GOLD) | {"answers": {}}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    result = CliRunner().invoke(cli, ["eval", str(path), "--store", str(tmp_path / "kg"), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["files"] == 1 and out["entities"]["f1"] == 1.0 and out["events"]["tp"] == 2
    result = CliRunner().invoke(cli, ["eval", str(tmp_path), "--store", str(tmp_path / "kg"), "--details"])
    assert result.exit_code == 0, result.output
    assert "entities" in result.stdout and "us-iraq-test" in result.stdout


def test_malformed_gold_file(tmp_path: Path) -> None:
    from kgbuild.cli import cli

    store = perfect().store(tmp_path / "kg")
    store.close()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"doc": {"id": ARTICLE}, "entities": [{"id": "X", "label": "X", "type": ["Thing"]}]}))
    result = CliRunner().invoke(cli, ["eval", str(bad), "--store", str(tmp_path / "kg")])
    assert result.exit_code != 0
    assert str(bad) in result.output and len(result.output.strip().splitlines()) == 1, result.output
    with pytest.raises(EvalError, match="bad.json"):
        load_gold(bad)
    (tmp_path / "broken.json").write_text("{not json")
    with pytest.raises(EvalError, match="broken.json"):
        load_gold(tmp_path / "broken.json")
    with pytest.raises(EvalError, match="missing.json"):
        evaluate([tmp_path / "missing.json"], GraphStore.in_memory())


def test_default_saved_query_runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys
    import types

    from kgbuild.eval import default_run_saved_query

    query = pytest.importorskip("kgbuild.query")
    fake = types.ModuleType("kgbuild.query.saved")
    calls: list[str] = []

    def run_saved(store: GraphStore, name: str) -> Any:
        calls.append(name)
        rows = [{"event": EV1, "n": 1}, {"event": None}] if name.startswith("attacks-on") else []
        return types.SimpleNamespace(rows=rows)

    fake.run_saved = run_saved  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "kgbuild.query.saved", fake)
    monkeypatch.setattr(query, "saved", fake, raising=False)
    assert default_run_saved_query("attacks-on-x", GraphStore.in_memory()) == [EV1]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(GOLD))
    out = evaluate([path, path], perfect().store()).to_json()
    assert out["answers"] == {"correct": 2, "total": 2}
    assert calls == ["attacks-on-x", "attacks-on-state-affiliated-forces"]  # run once, cached
