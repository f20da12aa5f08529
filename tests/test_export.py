"""``kgbuild export`` (issue "kgbuild build"): the store out as standard RDF.

Spec:
- ``--format trig|nquads|turtle|ntriples|jsonld -o FILE`` writes a file rdflib parses.
- TriG and N-Quads keep graph names: the set of graph names equals the store's.
- Turtle and N-Triples merge every graph into one (each triple once).
- Without ``-o`` the export streams to stdout; ``--graph`` exports one graph.

Issue 17 ("Outputs"):
- Turtle and TriG use the project's prefixes (kg:, kb:, id: for the build base, prov:, org:,
  nif:, skos:, schema:, wd:, dcterms:, xsd:, rdf:, rdfs:, owl:); JSON-LD has them as its
  ``@context`` and parses to the store's graphs.
- N-Triples and Turtle of the merged graphs hold each triple once (no duplicate lines).
- ``-o FILE`` gets the permissions a new file gets under the user's umask (0644 under 022,
  0640 under 027), or keeps those of the file it replaces; an error names FILE, never a
  temporary file.
- ``--graph`` naming no graph of the store is an error (exit 2) that names it; the claims
  graph of an article without claims is an empty answer.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Graph, URIRef

from conftest import BASE, invoke
from kgbuild.namespace import KB, KG
from kgbuild.store import GraphStore

RDFLIB_FORMAT = {"trig": "trig", "nquads": "nquads", "turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld"}
KH_IN_PMF = (URIRef(str(KB["kataib-hezbollah"])), URIRef(str(KG.subOrganizationOf)),
             URIRef(str(KB["popular-mobilization-forces"])))

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # rdflib parsers use ConjunctiveGraph


@pytest.fixture(scope="module")
def store_facts(built_store: Path) -> Iterator[tuple[set[str], int]]:
    with GraphStore.open_read_only(built_store) as store:
        yield {g.value for g in store.graphs()}, store.count()


class Exports:
    """Each format's export of the session store, made with the CLI once per module, and what
    rdflib parses of it (the whole store's ~100k triples take seconds per format in rdflib)."""

    def __init__(self, store: Path, folder: Path) -> None:
        self.store, self.folder = store, folder
        self.outputs: dict[str, tuple[Path, str]] = {}
        self.parsed: dict[str, Dataset | Graph] = {}

    def file(self, fmt: str) -> tuple[Path, str]:
        """``(the file, the CLI's output)`` of ``kgbuild export --format FMT -o FILE``."""
        if fmt not in self.outputs:
            target = self.folder / f"kg.{fmt}"
            result = invoke(["export", "--store", self.store, "--format", fmt, "-o", target])
            self.outputs[fmt] = target, result.output
        return self.outputs[fmt]

    def rdflib(self, fmt: str) -> Dataset | Graph:
        """The export parsed by rdflib: a Dataset for the dataset formats, a Graph for the others."""
        if fmt not in self.parsed:
            kind = Graph if fmt in ("turtle", "ntriples") else Dataset
            self.parsed[fmt] = kind().parse(self.file(fmt)[0], format=RDFLIB_FORMAT[fmt])
        return self.parsed[fmt]


@pytest.fixture(scope="module")
def exports(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Exports:
    return Exports(built_store, tmp_path_factory.mktemp("exports"))


def named_graphs(dataset: Dataset) -> set[str]:
    return {str(g.identifier) for g in dataset.graphs() if len(g) and str(g.identifier).startswith(BASE)}


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_dataset_formats_keep_graph_names(exports: Exports, fmt: str, store_facts: tuple[set[str], int]) -> None:
    target, output = exports.file(fmt)
    assert f"wrote {target}" in output
    dataset = exports.rdflib(fmt)
    graphs, count = store_facts
    assert named_graphs(dataset) == graphs
    assert len(dataset) == count or sum(len(g) for g in dataset.graphs()) == count
    assert KH_IN_PMF in dataset.graph(URIRef(f"{BASE}graph/kb"))


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_triple_formats_merge_the_graphs(exports: Exports, fmt: str) -> None:
    graph = exports.rdflib(fmt)
    assert KH_IN_PMF in graph
    assert (URIRef(f"{BASE}article/us-iraq-airstrikes-2019"), None, None) in graph
    assert (URIRef(str(KB["kataib-hezbollah"])), URIRef(str(KG.affiliatedState)), URIRef(str(KB.IRQ))) in graph


def test_jsonld_parses(exports: Exports) -> None:
    dataset = exports.rdflib("jsonld")
    assert sum(len(g) for g in dataset.graphs()) > 0
    assert any(KH_IN_PMF in g for g in dataset.graphs())


def test_streams_to_stdout(built_store: Path, store_facts: tuple[set[str], int]) -> None:
    result = invoke(["export", "--store", built_store, "--format", "nquads"])
    quads = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name.value for q in quads} == store_facts[0]
    assert len(quads) == store_facts[1]


def test_one_graph_holds_only_that_graphs_triples(built_store: Path) -> None:
    graph = f"{BASE}graph/doc/us-iraq-airstrikes-2019"
    result = invoke(["export", "--store", built_store, "--format", "ntriples", "--graph", "doc:us-iraq-airstrikes-2019"])
    triples = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_TRIPLES))
    with GraphStore.open_read_only(built_store) as store:
        assert len(triples) == store.count(ox.NamedNode(graph))


def test_one_graph_keeps_its_name_in_dataset_formats(built_store: Path) -> None:
    result = invoke(["export", "--store", built_store, "--format", "nquads", "--graph", "doc:us-iraq-airstrikes-2019"])
    quads = list(ox.parse(result.stdout_bytes, format=ox.RdfFormat.N_QUADS))
    assert quads and {q.graph_name.value for q in quads if isinstance(q.graph_name, ox.NamedNode)} == {
        f"{BASE}graph/doc/us-iraq-airstrikes-2019"}
    assert not any(isinstance(q.graph_name, ox.DefaultGraph) for q in quads)


def test_unknown_graph_kind_is_a_usage_error(built_store: Path) -> None:
    result = invoke(["export", "--store", built_store, "--graph", "nonsense"], expect=2)
    assert "--graph" in result.output


def test_export_of_a_missing_store_fails(tmp_path: Path) -> None:
    result = invoke(["export", "--store", tmp_path / "nothing"], expect=None)
    assert result.exit_code != 0 and "no kgbuild store here" in result.output, result.output


# -- issue 17: prefixes, JSON-LD context, no duplicates, permissions, errors ------------------
PROJECT_PREFIXES = {"kg": "https://w3id.org/kgbuild/ontology#", "kb": "https://w3id.org/kgbuild/kb/", "id": BASE,
                    "prov": "http://www.w3.org/ns/prov#", "org": "http://www.w3.org/ns/org#",
                    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
                    "skos": "http://www.w3.org/2004/02/skos/core#", "schema": "http://schema.org/",
                    "wd": "http://www.wikidata.org/entity/", "dcterms": "http://purl.org/dc/terms/",
                    "xsd": "http://www.w3.org/2001/XMLSchema#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "owl": "http://www.w3.org/2002/07/owl#"}


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_turtle_and_trig_use_the_project_prefixes(built_store: Path, fmt: str) -> None:
    result = invoke(["export", "--store", built_store, "--format", fmt, "--graph", "doc:us-iraq-airstrikes-2019"])
    text = result.stdout_bytes.decode()
    for prefix, namespace in PROJECT_PREFIXES.items():
        assert f"@prefix {prefix}: <{namespace}> ." in text, f"{prefix}: missing\n{text[:1500]}"
    assert "kb:USA" in text and "kg:Attack" in text and "id:article" in text


def test_turtle_of_one_graph_is_that_graph(built_store: Path) -> None:
    from rdflib.compare import isomorphic

    from kgbuild.rdfstore import dataset

    result = invoke(["export", "--store", built_store, "--format", "turtle", "--graph", "ontology"])
    exported = Graph().parse(data=result.stdout_bytes.decode(), format="turtle")
    with GraphStore.open_read_only(built_store) as store:
        in_store = dataset(store).graph(URIRef(f"{BASE}graph/ontology"))
        assert isomorphic(exported, in_store)  # blank nodes (OWL axioms) included


def test_jsonld_has_a_context_and_the_stores_graphs(built_store: Path, exports: Exports) -> None:
    import json

    from rdflib.compare import isomorphic

    from kgbuild.rdfstore import dataset

    target, _ = exports.file("jsonld")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["@context"] == PROJECT_PREFIXES
    assert "id:graph/kb" in {g["@id"] for g in document["@graph"]}
    parsed = exports.rdflib("jsonld")
    with GraphStore.open_read_only(built_store) as store:
        view = dataset(store)
        names = [URIRef(g.value) for g in store.graphs()]
        assert named_graphs(parsed) == {str(n) for n in names}
        for name in names:
            exported, stored = parsed.graph(name), view.graph(name)
            if any(isinstance(term, BNode) for triple in stored for term in triple):
                assert isomorphic(exported, stored), name  # the ontology's OWL axioms
            else:  # without blank nodes, isomorphic is equal (and rdflib's canonical hashing is slow)
                assert set(exported) == set(stored), name


@pytest.mark.parametrize("fmt", ["ntriples", "turtle"])
def test_merged_graphs_hold_each_triple_once(built_store: Path, exports: Exports, fmt: str) -> None:
    target, _ = exports.file(fmt)
    with GraphStore.open_read_only(built_store) as store:
        distinct = {(q.subject, q.predicate, q.object) for q in store.quads()}
        assert store.count() > len(distinct), "the examples have triples in several graphs"
    if fmt == "ntriples":
        lines = target.read_text(encoding="utf-8").splitlines()
        assert len(lines) == len(set(lines)) == len(distinct)
    else:
        triples = list(ox.parse(target.read_bytes(), format=ox.RdfFormat.TURTLE))
        assert len(triples) == len(set(triples)) == len(distinct)


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640)])
def test_exported_file_gets_normal_permissions(built_store: Path, tmp_path: Path, umask: int, mode: int) -> None:
    import os
    import stat

    target = tmp_path / "kg.nq"
    old = os.umask(umask)
    try:
        invoke(["export", "--store", built_store, "--format", "nquads", "--graph", "kb", "-o", target])
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    target.chmod(0o600)  # replacing a file keeps its permissions
    invoke(["export", "--store", built_store, "--format", "nquads", "--graph", "kb", "-o", target])
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["kg.nq"]  # no temporary file left


def test_write_errors_name_the_users_path(built_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "kg.ttl"
    result = invoke(["export", "--store", built_store, "--format", "turtle", "-o", target], expect=1)
    assert result.output.strip() == f"Error: {target}: cannot write: no folder {target.parent}"
    folder = tmp_path / "out"
    folder.mkdir()
    result = invoke(["export", "--store", built_store, "-o", folder], expect=None)
    assert result.exit_code != 0 and str(folder) in result.output and ".part" not in result.output
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    if os_can_write(locked):
        pytest.skip("running as a user who may write anywhere")
    result = invoke(["export", "--store", built_store, "-o", locked / "kg.trig"], expect=1)
    assert f"{locked / 'kg.trig'}: cannot write: permission denied" in result.output


def os_can_write(folder: Path) -> bool:
    try:
        (folder / ".probe").touch()
    except PermissionError:
        return False
    (folder / ".probe").unlink()
    return True


@pytest.mark.parametrize("spec", ["doc:no-such-article", "claims:no-such-article", "doc:us-iraq-airstrikes-209"])
def test_graph_naming_no_graph_is_an_error(built_store: Path, spec: str) -> None:
    result = invoke(["export", "--store", built_store, "--graph", spec], expect=2)
    assert result.output.startswith(f"Error: --graph {spec}: no graph {BASE}graph/"), result.output
    assert result.output.count("\n") == 1
    if spec.endswith("209"):
        assert "did you mean doc:us-iraq-airstrikes-2019" in result.output


def test_claims_graph_of_an_article_without_claims_is_empty(built_store: Path) -> None:
    with GraphStore.open_read_only(built_store) as store:
        without = [a for a in store.article_ids() if not store.has_graph(store.graph_iri("claims", a))]
    assert without, "some example article has no claims"
    result = invoke(["export", "--store", built_store, "--format", "nquads", "--graph", f"claims:{without[0]}"])
    assert result.stdout_bytes == b""
