"""Actor resolution reads only candidate names from the store (ASCII names filtered in SPARQL,
the others normalised in Python); it must match exactly what normalising every name matches."""
from __future__ import annotations

import time

import pyoxigraph as ox
import pytest

from kgbuild.errors import ParameterError
from kgbuild.query.embedded import EmbeddedBackend
from kgbuild.query.params import resolve_actor
from kgbuild.store import GraphStore

KB = "https://w3id.org/kgbuild/kb/"
KG = "https://w3id.org/kgbuild/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
GRAPH = ox.NamedNode("https://w3id.org/kgbuild/id/graph/kb")
DOC = ox.NamedNode("https://w3id.org/kgbuild/id/graph/doc/a1")


def _store() -> GraphStore:
    store = GraphStore.in_memory()
    rows = [
        ("hizb", KG + "kbId", ox.Literal("hizb"), GRAPH),
        ("hizb", SKOS + "prefLabel", ox.Literal("Ḥizb Allāh", language="en"), GRAPH),
        ("kh", SKOS + "prefLabel", ox.Literal("Kata'ib Hezbollah", language="en"), GRAPH),
        ("kh", SKOS + "altLabel", ox.Literal("KH"), GRAPH),
        ("kh", "http://schema.org/sameAs", ox.NamedNode("http://www.wikidata.org/entity/Q1286406"), GRAPH),
        ("cafe", SKOS + "prefLabel", ox.Literal("Café Group"), DOC),
        ("twin-a", SKOS + "prefLabel", ox.Literal("Twin Brigade"), GRAPH),
        ("twin-b", SKOS + "prefLabel", ox.Literal("twin-brigade"), DOC),
        ("twin-b", KG + "kbId", ox.Literal("TB"), GRAPH),
    ]
    store.store.extend(ox.Quad(ox.NamedNode(KB + s), ox.NamedNode(p), o, g) for s, p, o, g in rows)
    return store


@pytest.mark.parametrize("value,actor", [
    ("hizb allah", "hizb"), ("HIZB", "hizb"), ("Kataib Hezbollah", "kh"), ("kh", "kh"), ("q1286406", "kh"),
    ("cafe group", "cafe"), ("CAFÉ-GROUP", "cafe"), ("tb", "twin-b"), (KB + "cafe", "cafe"), ("kb:kh", "kh"),
])
def test_resolves_labels_ids_and_iris(value: str, actor: str) -> None:
    assert str(resolve_actor(EmbeddedBackend(_store()), value)) == KB + actor


def test_ambiguous_and_unknown_names_still_say_so() -> None:
    backend = EmbeddedBackend(_store())
    with pytest.raises(ParameterError, match="ambiguous"):
        resolve_actor(backend, "Twin Brigade")
    with pytest.raises(ParameterError, match="did you mean: 'Café Group'"):
        resolve_actor(backend, "Cafe Groups")
    with pytest.raises(ParameterError, match="not an actor"):
        resolve_actor(backend, KB + "nobody")


def test_resolution_is_remembered_only_while_the_store_is_unchanged(tmp_path) -> None:
    with GraphStore.open(tmp_path / "kg") as store:
        store.store.extend(ox.Quad(ox.NamedNode(KB + s), ox.NamedNode(SKOS + "prefLabel"), ox.Literal(label), GRAPH)
                           for s, label in (("a", "Alpha Front"), ("b", "Beta Front")))
        backend = EmbeddedBackend(store)
        assert backend.data_token() is not None
        assert str(resolve_actor(backend, "alpha front")) == KB + "a"
        with pytest.raises(ParameterError, match="unknown actor"):
            resolve_actor(backend, "Gamma Front")
        store.store.add(ox.Quad(ox.NamedNode(KB + "g"), ox.NamedNode(SKOS + "prefLabel"), ox.Literal("Gamma Front"), DOC))
        assert str(resolve_actor(backend, "Gamma Front")) == KB + "g"
        store.store.update(f'INSERT DATA {{ GRAPH <{DOC.value}> {{ <{KB}a2> <{SKOS}prefLabel> "ALPHA-FRONT" }} }}')
        with pytest.raises(ParameterError, match="ambiguous"):
            resolve_actor(backend, "alpha front")
        store.store.update(f'DELETE DATA {{ GRAPH <{DOC.value}> {{ <{KB}a2> <{SKOS}prefLabel> "ALPHA-FRONT" }} }}')
        assert str(resolve_actor(EmbeddedBackend(store), "alpha front")) == KB + "a"


def test_the_data_token_changes_with_every_kind_of_write(tmp_path) -> None:
    """The caches keyed by the token (actor resolution, chain links, converted terms) must see
    every way the store's files change: a transaction, a SPARQL update, a bulk load, a flush to
    table files, a compaction, a graph removed."""
    def quad(n: int) -> ox.Quad:
        return ox.Quad(ox.NamedNode(f"{KB}x{n}"), ox.NamedNode(SKOS + "prefLabel"), ox.Literal(f"X {n}"), DOC)

    with GraphStore.open(tmp_path / "kg") as store:
        backend = EmbeddedBackend(store)
        writes = [
            lambda: store.store.add(quad(1)),
            lambda: store.store.update(f'INSERT DATA {{ GRAPH <{DOC.value}> {{ <{KB}y> <{SKOS}prefLabel> "Y" }} }}'),
            lambda: store.store.bulk_extend([quad(n) for n in range(2, 50)]),
            lambda: store.store.flush(),
            lambda: store.store.add(quad(99)),
            lambda: store.store.optimize(),
            lambda: store.store.remove_graph(DOC),
        ]
        tokens = [backend.data_token()]
        for write in writes:
            write()
            tokens.append(backend.data_token())
        assert None not in tokens
        assert all(a != b for a, b in zip(tokens, tokens[1:])), tokens
        # unchanged store, same token, once RocksDB's background flushes and compactions (which
        # may still write table files after a removal or a compaction) have settled
        settled, quiet, deadline = backend.data_token(), 0, time.monotonic() + 20
        while quiet < 5 and time.monotonic() < deadline:  # the same token for a second
            time.sleep(0.2)
            now = backend.data_token()
            settled, quiet = now, (quiet + 1 if now == settled else 0)
        assert backend.data_token() == settled



def test_an_answer_read_in_one_thread_is_not_dropped_in_another(tmp_path, monkeypatch) -> None:
    """pyoxigraph's answers belong to the thread that made them (the HTTP server runs queries in
    request threads): no answer may outlive its query in a reference cycle that the garbage
    collector then frees in whatever thread it runs in (pyoxigraph then reports an unsendable
    object dropped on another thread and leaks it)."""
    import gc
    import sys
    import threading

    dropped: list[str] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda report: dropped.append(str(report.exc_value)))
    with GraphStore.open(tmp_path / "kg") as store:
        store.store.add(ox.Quad(ox.NamedNode(KB + "a"), ox.NamedNode(SKOS + "prefLabel"), ox.Literal("Alpha Front"),
                                GRAPH))
        backend = EmbeddedBackend(store)
        said: list[str] = []

        def unknown() -> None:
            try:
                resolve_actor(backend, "Omega Front")
            except ParameterError as exc:
                said.append(str(exc))

        worker = threading.Thread(target=unknown)
        worker.start()
        worker.join()
        gc.collect()
    assert said and "unknown actor" in said[0]
    assert not [d for d in dropped if "another thread" in d], dropped
