"""Property-based tests over random text: the extractor never crashes, offsets slice the exact
evidence text, every emitted IRI is valid for rdflib and pyoxigraph, every graph passes SHACL."""
from __future__ import annotations

import re

import pyoxigraph as ox
import rdflib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.graph import emit_article
from kgbuild.ingest.article import Article, clean_text, split_structure
from kgbuild.namespace import NIF
from kgbuild.store import GraphStore
from kgbuild.validate import validate_quads

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

SETTINGS = settings(max_examples=30, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

NAMES = ["US troops", "Kata'ib Hezbollah", "the PMU", "Iraq", "Iran's military", "the Pentagon",
         "al-Shabaab", "Baghdad", "Hezbollah", "Ahmed al-Sharaa", "the \"Free\" <Army> {of} #1",
         "Brigade 50% & Co", "Ünïcödé Front", "新しい 軍", "O'Neil's Militia"]
VERBS = ["attacked", "struck", "said", "accused", "threatened", "is part of", "deployed to",
         "protested against", "claimed that", "killed", "met", "supports"]
FILLER = st.text(alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=1), max_size=30)
SENTENCE = st.builds(lambda a, v, b, f: f"{a} {v} {b}{f}.", st.sampled_from(NAMES), st.sampled_from(VERBS),
                     st.sampled_from(NAMES), FILLER)
TEXT = st.lists(st.one_of(SENTENCE, FILLER), min_size=1, max_size=8).map(lambda parts: " ".join(parts))
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _article(raw: str) -> Article | None:
    text = clean_text(raw)
    if not text.strip():
        return None
    title, subtitle, author, spans = split_structure(text)
    return Article(id="prop article/1", text=text, source="prop", title=title, subtitle=subtitle,
                   author=author, body_spans=spans)


@SETTINGS
@given(TEXT)
def test_extractor_never_crashes_and_offsets_slice_the_text(extractor, raw: str) -> None:  # noqa: ANN001
    article = _article(raw)
    if article is None:
        return
    result = extractor.extract(article)
    text = article.text
    for mention in result.mentions:
        assert text[mention.start:mention.end] == mention.text
        assert 0 <= mention.sentence[0] <= mention.start < mention.end <= mention.sentence[1] <= len(text)
    for relation in result.relations:
        assert 0 <= relation.evidence[0] < relation.evidence[1] <= len(text)
    for event in result.events:
        for start, end in [*event.triggers, *event.sentences]:
            assert 0 <= start < end <= len(text)


@SETTINGS
@given(TEXT)
def test_emitted_graph_valid_iris_offsets_and_shacl(extractor, raw: str) -> None:  # noqa: ANN001
    article = _article(raw)
    if article is None:
        return
    extraction = extractor.extract(article)
    write = emit_article(article, extraction, store=GraphStore.in_memory(), fingerprint="f")
    quads = [*write.doc_quads, *write.claim_quads]
    stored = next(q.object.value for q in quads if q.predicate.value == str(NIF.isString))
    assert stored == article.text
    for quad in quads:
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            assert not isinstance(term, ox.BlankNode), quad
            if isinstance(term, ox.NamedNode):
                assert not _BAD_IRI.search(term.value), term
                ox.NamedNode(term.value)
                assert rdflib.URIRef(term.value).n3() == f"<{term.value}>"
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert len(list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))) == len(quads)
    rdflib.Dataset().parse(data=nquads, format="nquads")  # rdflib accepts every term
    report = validate_quads(quads)
    assert report.conforms, report.summary()
