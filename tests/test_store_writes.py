"""How the build writes: N-Quads from the workers bulk-loaded in atomic chunks, the same graphs as
quad objects; an unchanged rebuild touches neither spaCy nor the KB parser."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

import kgbuild.store as store_module
from conftest import EXAMPLES, snapshot
from kgbuild.build import commit_due
from kgbuild.store import ArticleWrite, GraphStore, SerializedArticleWrite


@pytest.fixture(scope="module")
def article_writes(built_store: Path) -> list[ArticleWrite]:
    with GraphStore.open_read_only(built_store) as store:
        return [ArticleWrite(a, list(store.quads(store.graph_iri("doc", a))),
                             list(store.quads(store.graph_iri("claims", a)))) for a in store.article_ids()]


def _serialized(write: ArticleWrite) -> SerializedArticleWrite:
    return SerializedArticleWrite(write.article_id, ox.serialize(write.doc_quads, format=ox.RdfFormat.N_QUADS),
                                  ox.serialize(write.claim_quads, format=ox.RdfFormat.N_QUADS))


def test_serialized_and_object_writes_store_the_same_graphs(article_writes: list[ArticleWrite],
                                                            tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with GraphStore.open(tmp_path / "objects") as store:
        store.write_articles(article_writes)
    monkeypatch.setattr(store_module, "BULK_CHUNK_QUADS", 500)  # many bulk loads, one per few articles
    serialized = [_serialized(w) for w in article_writes]
    assert sum(w.quad_count for w in serialized) == sum(len(w.doc_quads) + len(w.claim_quads) for w in article_writes)
    with GraphStore.open(tmp_path / "bytes") as store:
        store.write_articles(serialized)
    assert snapshot(tmp_path / "objects") == snapshot(tmp_path / "bytes")


def test_rewriting_a_stored_article_replaces_it(article_writes: list[ArticleWrite], tmp_path: Path) -> None:
    first = article_writes[0]
    with GraphStore.open(tmp_path / "kg") as store:
        store.write_articles([_serialized(first)])
        fewer = ArticleWrite(first.article_id, first.doc_quads[: len(first.doc_quads) // 2], first.claim_quads)
        store.write_articles([_serialized(fewer)])  # stored already: dropped and re-inserted, not merged
        assert store.count(store.graph_iri("doc", first.article_id)) == len(set(fewer.doc_quads))


def test_commits_gather_articles_up_to_the_quad_budget(article_writes: list[ArticleWrite]) -> None:
    serialized = [_serialized(w) for w in article_writes]
    assert not commit_due(serialized[:1])
    assert commit_due(serialized * 1000)


def test_unchanged_rebuild_loads_neither_spacy_nor_the_kb(store_copy: Path) -> None:
    code = (f"import sys; from pathlib import Path; from kgbuild.build import build; from kgbuild.config import Config; "
            f"r = build([{str(EXAMPLES)!r}], config=Config(store=Path({str(store_copy)!r}))); "
            f"print(len(r.built), len(r.skipped), 'spacy' in sys.modules, 'kgbuild.kb' in sys.modules "
            f"and bool(sys.modules['kgbuild.kb']._LOADED))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "7", "False", "False"], out
