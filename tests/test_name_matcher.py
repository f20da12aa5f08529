"""The KB's names as entities (kgbuild.extract.name_matcher): what spaCy's EntityRuler would set,
from the names' tokens kept on disk.

Spec:
- Over the same names and the same text, with entities already set or not, the matcher sets the
  entities (text, label, KB id) and the outside marks an ``EntityRuler(overwrite_ents=False)``
  with ``phrase_matcher_attr`` ORTH or LOWER sets: longest first, then earliest, never over an
  entity already there, one name per span.
- The names' tokens are kept in ``KGBUILD_CACHE_DIR``; a later matcher over the same names reads
  them without tokenising; other names are another file; a file that is broken or does not split
  these names is tokenised again; a folder that cannot be written is no error.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span

from kgbuild.extract.name_matcher import NameMatcher, cache_dir

NAMES = [
    {"label": "KB_ORG", "pattern": "Kata'ib Hezbollah", "id": "kb:kh"},
    {"label": "KB_ORG", "pattern": "Kata\u2019ib Hezbollah", "id": "kb:kh"},
    {"label": "KB_ORG", "pattern": "Popular Mobilization Forces", "id": "kb:pmf"},
    {"label": "KB_ORG", "pattern": "Popular Mobilization", "id": "kb:pm-other"},
    {"label": "KB_GOV", "pattern": "Iraqi government", "id": "kb:iraq-government"},
    {"label": "KB_PLACE", "pattern": "Iraq", "id": "kb:IRQ"},
    {"label": "KB_PLACE", "pattern": "IRAQ", "id": "kb:IRQ"},
    {"label": "KB_ORG", "pattern": "Islamic State", "id": "kb:isis"},
    {"label": "KB_ORG", "pattern": "Islamic State in Iraq", "id": "kb:isi"},
    {"label": "KB_ORG", "pattern": "State in Iraq and the Levant", "id": "kb:made-up"},
    {"label": "KB_ORG", "pattern": "U.S. Central Command", "id": "kb:centcom"},
    {"label": "KB_PERSON", "pattern": "Abu Mahdi al-Muhandis", "id": "kb:muhandis"},
    {"label": "KB_ORG", "pattern": "Hashd", "id": "kb:pmf"},
    {"label": "KB_STATE", "pattern": "Hashd", "id": "kb:other-hashd"},  # one span, two names
]
TEXTS = [
    "Kata'ib Hezbollah and the Popular Mobilization Forces said the Iraqi government in IRAQ was told.",
    "kata\u2019ib hezbollah fighters of the popular mobilization forces met Abu Mahdi al-Muhandis.",
    "The Islamic State in Iraq and the Levant attacked U.S. Central Command positions in iraq.",
    "Hashd units and the Popular Mobilization leaders, the Islamic State in Iraq said.",
    "Nothing here names anyone.",
]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("en")


def _ruler(nlp: spacy.language.Language, attr: str) -> EntityRuler:
    ruler = EntityRuler(nlp, name=f"ruler_{attr}", phrase_matcher_attr=attr, overwrite_ents=False)
    ruler.add_patterns(NAMES)
    return ruler


def _annotations(doc: Doc) -> tuple[list[tuple[str, str, str]], list[str]]:
    return [(e.text, e.label_, e.ent_id_) for e in doc.ents], [t.ent_iob_ for t in doc]


@pytest.mark.parametrize("attr", ["ORTH", "LOWER"])
@pytest.mark.parametrize("preset", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_the_matcher_sets_the_entities_the_entity_ruler_sets(nlp: spacy.language.Language, tmp_path: Path,
                                                           attr: str, preset: bool, text: str) -> None:
    matcher = NameMatcher(nlp, NAMES, attr=attr, cache=False)
    ruler = _ruler(nlp, attr)
    expected, got = nlp.make_doc(text), nlp.make_doc(text)
    if preset:  # an entity NER found before: never overwritten
        for doc in (expected, got):
            doc.ents = [Span(doc, 2, 4, label="ORG")]
    assert _annotations(matcher(got)) == _annotations(ruler(expected))


def test_lower_case_then_exact_case_as_two_rulers_in_that_order(nlp: spacy.language.Language) -> None:
    lower = [n for n in NAMES if n["pattern"] != "IRAQ"]
    exact = [{"label": "KB_ACRONYM", "pattern": "IRAQ", "id": "kb:acronym"}]
    text = "Forces in IRAQ and Iraq met the Islamic State in Iraq."
    expected, got = nlp.make_doc(text), nlp.make_doc(text)
    for names, attr in ((lower, "LOWER"), (exact, "ORTH")):
        ruler = EntityRuler(nlp, name=attr, phrase_matcher_attr=attr)
        ruler.add_patterns(names)
        expected = ruler(expected)
    for matcher in (NameMatcher(nlp, lower, attr="LOWER", cache=False), NameMatcher(nlp, exact, attr="ORTH", cache=False)):
        got = matcher(got)
    assert _annotations(got) == _annotations(expected)
    assert ("IRAQ", "KB_PLACE", "kb:IRQ") in _annotations(got)[0]  # the lower-case name came first


def test_the_names_tokens_are_kept_and_read_back(nlp: spacy.language.Language, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_CACHE_DIR", str(tmp_path / "cache"))
    assert cache_dir() == tmp_path / "cache"
    first = NameMatcher(nlp, NAMES, attr="LOWER")
    kept = list((tmp_path / "cache").glob("names-*.json"))
    assert len(kept) == 1

    class NoTokenizing:
        def pipe(self, texts: object) -> None:
            raise AssertionError("tokenised again")

    untokenizing = spacy.blank("en")
    untokenizing.tokenizer = NoTokenizing()
    second = NameMatcher(untokenizing, NAMES, attr="LOWER")
    assert second.trie == first.trie and second.ids == first.ids

    NameMatcher(nlp, NAMES[:3], attr="LOWER")  # other names: another file
    assert len(list((tmp_path / "cache").glob("names-*.json"))) == 2
    for broken in ("{not json", '[["Kata\'ib", "Hezbollah"]]', json.dumps([["a"]] * len(NAMES))):
        kept[0].write_text(broken, encoding="utf-8")
        again = NameMatcher(nlp, NAMES, attr="LOWER")  # a broken file is tokenised again, and mended
        assert again.trie == first.trie
        assert json.loads(kept[0].read_text(encoding="utf-8"))[0] == ["Kata'ib", "Hezbollah"]


def test_a_cache_folder_that_cannot_be_written_is_no_error(nlp: spacy.language.Language, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("KGBUILD_CACHE_DIR", str(blocker / "cache"))
    matcher = NameMatcher(nlp, NAMES, attr="ORTH")
    doc = matcher(nlp.make_doc("Kata'ib Hezbollah in Iraq"))
    assert [e.ent_id_ for e in doc.ents] == ["kb:kh", "kb:IRQ"]
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]  # no temporary file left behind
