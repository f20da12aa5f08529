"""One kind per unknown name in an article (kgbuild.extract.name_labels).

The statistical NER labels each mention apart; these tests give the mentions the labels the
small model was seen to give (a lone surname as an organisation, a reef as a person) and check
that the article's evidence settles them. Sentences are made up.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from kgbuild.extract import Extractor
from kgbuild.extract.name_labels import settle_name_labels

TITLES = frozenset({"minister", "prime minister", "director", "spokesman"})
ORG_WORDS = ("ministry", "army")


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201 - the extractor's spaCy pipeline
    return Extractor().nlp


def labelled(doc: Doc, *names: tuple[str, str]) -> Doc:
    """``doc`` with exactly these entities: (text, label), each at its next occurrence."""
    spans, start = [], 0
    for text, label in names:
        words = text.split()
        i = next(i for i in range(start, len(doc)) if [t.text for t in doc[i:i + len(words)]] == words)
        spans.append(Span(doc, i, i + len(words), label=label))
        start = i + len(words)
    doc.ents = spans
    return doc


def labels(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


def test_a_lone_surname_is_the_person_its_full_name_names(nlp) -> None:  # noqa: ANN001
    doc = labelled(nlp("Prime Minister Taro Okada arrived on Monday. Okada met farmers. Okada left."),
                   ("Taro Okada", "PERSON"), ("Okada", "ORG"), ("Okada", "ORG"))
    settle_name_labels(doc, titles=TITLES, org_words=ORG_WORDS)
    assert labels(doc) == [("Taro Okada", "PERSON"), ("Okada", "PERSON"), ("Okada", "PERSON")]


def test_the_words_of_a_name_and_the_noun_it_qualifies_say_place(nlp) -> None:  # noqa: ANN001
    doc = labelled(nlp("Boats were chased from Marlin Reef. Floods hit Chikwawa and Nsanje districts."),
                   ("Marlin Reef", "PERSON"), ("Chikwawa", "PERSON"), ("Nsanje", "GPE"))
    settle_name_labels(doc, titles=TITLES, org_words=ORG_WORDS)
    assert labels(doc) == [("Marlin Reef", "GPE"), ("Chikwawa", "GPE"), ("Nsanje", "GPE")]


def test_what_a_title_holder_works_for_is_an_organisation(nlp) -> None:  # noqa: ANN001
    doc = labelled(nlp("Tomas Ferrer, campaign director for Greenwater Chile, said the dam must go."),
                   ("Tomas Ferrer", "ORG"), ("Greenwater Chile", "PERSON"))
    settle_name_labels(doc, titles=TITLES, org_words=ORG_WORDS)
    assert labels(doc) == [("Tomas Ferrer", "PERSON"), ("Greenwater Chile", "ORG")]


@pytest.mark.parametrize("name", ["Lakeside Council of Farmers", "Greenwater Foundations"])
def test_an_organisation_word_heading_the_name_before_of_or_in_the_plural_says_org(nlp, name: str) -> None:  # noqa: ANN001
    doc = labelled(nlp(f"Ana Ruiz, who speaks for the {name}, said the dam must go."), (name, "PERSON"))
    settle_name_labels(doc, titles=TITLES, org_words=ORG_WORDS)
    assert labels(doc) == [(name, "ORG")]


def test_a_name_without_evidence_either_way_keeps_its_labels(nlp) -> None:  # noqa: ANN001
    doc = labelled(nlp("Kessler said the talks failed. Kessler left."), ("Kessler", "PERSON"), ("Kessler", "ORG"))
    settle_name_labels(doc, titles=TITLES, org_words=ORG_WORDS)
    assert labels(doc) == [("Kessler", "PERSON"), ("Kessler", "ORG")]


def test_kb_names_are_left_alone(nlp) -> None:  # noqa: ANN001
    doc = nlp("Officials in Kharkiv said the Kharkiv strikes went on.")
    linked = [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.ent_id_]
    settle_name_labels(doc, titles=TITLES, org_words=ORG_WORDS)
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents if e.ent_id_] == linked
