"""``kgbuild train`` and ``kgbuild gold``: learning the event models from annotated news.

Trains on two VOA train stories (a few seconds), checks the model file is deterministic and
versioned, that a build notices a new model (the fingerprint changes) and uses it, and that the
annotators' commands check files and measure agreement.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from kgbuild.cli import cli
from kgbuild.extract.linear import FORMAT, default_model_path, load_bundle

VOA = ROOT / "corpus" / "voa"
TWO = [VOA / "gold" / "train" / "8006651.json", VOA / "gold" / "train" / "6180932.json"]


def invoke(args: list[str], **kwargs):  # noqa: ANN003, ANN201
    return CliRunner().invoke(cli, args, catch_exceptions=False, **kwargs)


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("train") / "model.json"
    result = invoke(["train", *map(str, TWO), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "trained on 2 of 2 gold file(s)" in result.output and f"wrote {out}" in result.output
    return out


def test_the_model_file_is_versioned_and_loads(trained: Path) -> None:
    data = json.loads(trained.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["version"] >= 1
    assert data["meta"]["trained_on"] == ["6180932", "8006651"]
    assert {"kgbuild", "scikit-learn", "spacy"} <= set(data["meta"])
    bundle = load_bundle(trained)
    assert {"event", "agent", "target"} <= set(bundle.thresholds)
    assert "none" in bundle.detector.labels and set(bundle.role.labels) == {"none", "agent", "target"}


def test_training_is_deterministic(trained: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.json"
    assert invoke(["train", *map(str, TWO), "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == trained.read_bytes()


def test_a_build_uses_the_configured_model_and_notices_a_new_one(trained: Path, tmp_path: Path) -> None:
    from kgbuild.build import build
    from kgbuild.config import Config

    article = tmp_path / "a.txt"
    article.write_text("Iran warned the United States of severe consequences on Monday.\n", encoding="utf-8")
    config = Config(store=tmp_path / "kg")
    assert build([str(article)], config=config, reason=False).built == ["a"]
    assert build([str(article)], config=config, reason=False).skipped == ["a"]
    with_model = Config(store=tmp_path / "kg", events_model=trained)
    assert build([str(article)], config=with_model, reason=False).built == ["a"], "a new model rebuilds"
    assert build([str(article)], config=with_model, reason=False).skipped == ["a"]


def test_a_broken_model_file_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Iran warned the United States.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(article), "--store", str(tmp_path / "kg")],
                                env={"KGBUILD_EVENTS_MODEL": str(bad)})
    assert result.exit_code != 0
    assert f"{bad}: not a kgbuild event model" in result.output


def test_train_without_readable_articles_fails_cleanly(tmp_path: Path) -> None:
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"doc": {"id": "nowhere", "file": "missing.jsonl"}, "entities": []}))
    result = CliRunner().invoke(cli, ["train", str(gold), "-o", str(tmp_path / "m.json")])
    assert result.exit_code == 1
    assert "no gold file's article could be read" in result.output
    assert not (tmp_path / "m.json").exists()


def test_the_shipped_model_was_trained_on_train_and_dev_only() -> None:
    meta = load_bundle(default_model_path()).meta
    split = json.loads((VOA / "split.json").read_text(encoding="utf-8"))
    assert not set(meta["trained_on"]) & set(split["test"]), "the test split is never trained on"
    assert set(split["train"]) <= set(meta["trained_on"])


def test_gold_check_accepts_the_corpus_and_names_a_broken_file(tmp_path: Path) -> None:
    good = invoke(["gold", "check", str(VOA / "gold" / "test")])
    assert good.exit_code == 0, good.output
    assert good.output.count(": ok (") == 20
    broken = tmp_path / "8006651.json"
    data = json.loads(TWO[0].read_text(encoding="utf-8"))
    data["doc"]["file"] = str(VOA / "articles.jsonl")
    data["events"][0]["evidence"] = "words that are not in the story"
    broken.write_text(json.dumps(data), encoding="utf-8")
    bad = CliRunner().invoke(cli, ["gold", "check", str(broken)])
    assert bad.exit_code == 1
    assert "evidence not in the article" in bad.output


def test_gold_agree_scores_two_annotations(tmp_path: Path) -> None:
    first = VOA / "gold" / "train" / "8006651.json"
    second = VOA / "gold" / "second" / "8006651.json"
    same = invoke(["gold", "agree", str(first), str(first), "--json"])
    assert same.exit_code == 0
    assert json.loads(same.output)["mean_f1"]["events"] == 1.0
    other = json.loads(invoke(["gold", "agree", str(first), str(second), "--json"]).output)
    assert 0.5 < other["mean_f1"]["entities"] < 1.0


@pytest.mark.slow
def test_cross_validation_reports_held_out_figures(tmp_path: Path) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    for name in ("8006651", "6180932", "8007760", "8009004"):
        shutil.copy(VOA / "gold" / "train" / f"{name}.json", folder)
        data = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        data["doc"]["file"] = str(VOA / "articles.jsonl")
        (folder / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    kept = tmp_path / "folds"
    result = invoke(["train", str(folder), "--cross-validate", "2", "--json", "--fold-models", str(kept)])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["files"] == 4 and scores["events"]["tp"] + scores["events"]["fn"] > 0
    models = sorted(kept.glob("fold-*-of-2.json"))
    assert len(models) == 2
    written = [m.stat().st_mtime_ns for m in models]

    # kept fold models are reused as they are: the same figures, the same files
    again = invoke(["train", str(folder), "--cross-validate", "2", "--json", "--fold-models", str(kept)])
    assert again.exit_code == 0, again.output
    assert json.loads(again.output) == scores
    assert [m.stat().st_mtime_ns for m in models] == written

    # a kept model trained on other stories than its fold's is refused, never used
    (folder / "8009004.json").unlink()
    other = invoke(["train", str(folder), "--cross-validate", "2", "--fold-models", str(kept)])
    assert other.exit_code != 0
    assert "trained on other stories" in other.output

    assert invoke(["train", str(folder), "--fold-models", str(kept)]).exit_code == 2  # needs --cross-validate


def test_the_cameo_verb_resource_is_generated_from_the_petrarch_dictionary() -> None:
    from kgbuild.tools import cameo_verbs

    assert cameo_verbs.main(["--check"]) == 0, "run: python -m kgbuild.tools.cameo_verbs"
    verbs = json.loads((ROOT / "kgbuild" / "resources" / "cameo_verbs.json").read_text(encoding="utf-8"))["verbs"]
    assert max(verbs["urge"], key=verbs["urge"].get) == "Demand"
    assert max(verbs["arrest"], key=verbs["arrest"].get) == "Coercion"


def test_a_mentions_context_block_scores_as_its_features_do() -> None:
    """The role model scores each mention's contextual-vector features once per token and adds
    them to every (trigger, mention) pair: the same probabilities as scoring the whole list."""
    from kgbuild.extract import Extractor
    from kgbuild.extract.features import TokenContext

    doc = Extractor().nlp("Gunmen attacked a police station in Kano on Monday, police said.")
    context, role = TokenContext(doc), load_bundle().role
    for token in doc:
        features = context.features(token)
        assert len(features) == doc.tensor.shape[1]
        whole = role.scores(["dep=nsubj", "bias", *features])
        summed = role.scores(["dep=nsubj", "bias"], partial=context.partial_sums(token, role))
        assert summed == pytest.approx(whole, abs=1e-12)
    assert role.scores(["bias"], partial=context.partial_sums(doc[0], role)) != role.scores(["bias"])


def test_the_event_threshold_is_chosen_on_the_triggers_the_detector_decides(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Physical triggers ("attacked") are events by the grammar, whatever the detector says: their
    scores would pull the event threshold towards what is easy, so they are no sample of it."""
    from kgbuild.learn import fit
    from kgbuild.learn.examples import ArticleExamples, RoleExample, TriggerExample

    def article(n: int) -> ArticleExamples:
        triggers = [TriggerExample(["lemma=urge"], "Demand"), TriggerExample(["lemma=hope"], "none"),
                    TriggerExample(["lemma=attack"], "Attack", physical=True)]
        roles = [RoleExample(["subj"], "agent", 0), RoleExample(["obj"], "none", 0)]
        return ArticleExamples(f"a{n}", triggers, roles)

    samples: list[int] = []
    real = fit._best_threshold

    def spy(scores, positives, *, total=None):  # noqa: ANN001, ANN202
        samples.append(len(scores))
        return real(scores, positives, total=total)

    monkeypatch.setattr(fit, "_best_threshold", spy)
    fit.fit_bundle_parts([article(n) for n in range(10)], c_trigger=0.5, c_role=0.5)
    assert samples[0] == 20  # the event threshold: two decided triggers in each of ten articles


def test_a_threshold_does_not_jump_when_two_training_labels_change() -> None:
    """The F1 curve of out-of-fold scores is a noisy step function: relabelling two examples
    near its best step moved that step from 0.60 to 0.44 (here, and in the corpus one fold's agent
    threshold from 0.09 to 0.25). The threshold is the median of the resamples' best steps."""
    import numpy

    from kgbuild.learn.fit import _best_threshold

    rng = numpy.random.default_rng(5)
    scores = rng.random(400)
    positives = rng.random(400) < scores * 0.5
    relabelled = positives.copy()
    near_best = [i for i in numpy.argsort(-scores) if positives[i] and abs(scores[i] - 0.601) < 0.1][:2]
    relabelled[near_best] = False
    before = _best_threshold(scores.tolist(), positives.tolist())
    after = _best_threshold(scores.tolist(), relabelled.tolist())
    assert abs(before - after) < 0.03, (before, after)


def test_a_class_the_lexicon_does_not_give_the_word_needs_the_classifier_s_majority() -> None:
    from kgbuild.extract.linear import LinearModel, ModelBundle

    detector = LinearModel(name="detector", labels=("none", "event"), bias={"none": 0.0, "event": 5.0}, weights={})
    classifier = LinearModel(name="classifier", labels=("Consultation", "Rejection", "Threat"),
                             bias={"Consultation": 0.0, "Rejection": 0.0, "Threat": 0.0},
                             weights={"weak": {"Rejection": 0.5}, "strong": {"Rejection": 3.0}})
    bundle = ModelBundle(version=1, detector=detector, classifier=classifier, role=detector,
                         thresholds={"event": 0.5}, meta={}, digest="")
    assert bundle.event_class(["weak"]) == "Rejection"  # the likeliest, under half
    assert bundle.event_class(["weak"], lexicon=("Consultation",)) == "Consultation"
    assert bundle.event_class(["strong"], lexicon=("Consultation",)) == "Rejection"  # a clear majority

