"""The ``kgbuild`` command line as a whole (issue "Foundation").

Spec:
- ``kgbuild --version`` prints the installed package version.
- ``kgbuild --help`` lists every command with a one-line summary; every command has ``--help``.
- Errors are one line ("Error: ...") with a non-zero exit code, never a traceback.
- ``kgbuild kb candidates`` lists the actors not in the KB, one row each, with mention counts
  (a table with ``--format table``; CSV when piped, see test_query_output.py).
- ``kgbuild validate`` checks every article of a store against the SHACL shapes.
"""
from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import invoke
from kgbuild.cli import COMMANDS
from kgbuild.namespace import KG
from kgbuild.store import GraphStore


def test_version() -> None:
    result = invoke(["--version"])
    assert result.output.strip() == f"kgbuild, version {version('kgbuild')}"
    assert invoke(["-V"]).output == result.output


def test_help_lists_every_command_on_one_line() -> None:
    output = invoke(["--help"]).output
    for name, (_, summary) in COMMANDS.items():
        assert re.search(rf"^  {re.escape(name)}\s+{re.escape(summary)}$", output, re.MULTILINE), \
            f"{name!r} is not listed with its one-line summary:\n{output}"
    listed = re.findall(r"^  ([a-z]+)\s{2,}", output.split("Commands:")[1], re.MULTILINE)
    assert listed == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name: str) -> None:
    result = invoke([name, "--help"])
    assert "Usage:" in result.output


def test_unknown_command_is_a_usage_error() -> None:
    assert "No such command" in invoke(["frobnicate"], expect=2).output


def test_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    result = invoke(["validate", "--store", tmp_path / "missing"], expect=1)
    assert result.output.startswith("Error: ") and "no kgbuild store here" in result.output
    assert "Traceback" not in result.output


def test_a_store_whose_creation_was_interrupted_is_a_one_line_error(tmp_path: Path, monkeypatch) -> None:
    """A build killed between RocksDB creating the folder and Oxigraph writing its version leaves
    a store that only a writer can finish (pyoxigraph's read-only open then fails with a
    RuntimeError); readers say so in one line."""
    import pyoxigraph as ox

    store = tmp_path / "kg"
    GraphStore.open(store).close()

    def unfinished(path: str) -> ox.Store:
        raise RuntimeError("Inserts are only possible on read-write instances")

    monkeypatch.setattr(ox.Store, "read_only", staticmethod(unfinished))
    result = invoke(["validate", "--store", store], expect=1)
    assert result.output.startswith("Error: ") and "creation was interrupted" in result.output, result.output
    assert "run `kgbuild build` again" in result.output and "Traceback" not in result.output


def test_validate_the_built_store(built_store: Path) -> None:
    result = invoke(["validate", "--store", built_store])
    assert "7 articles checked, 0 violations" in result.output


@pytest.mark.parametrize("engine", ["compiled", "pyshacl"])
def test_validate_engines_find_the_same_breakage(store_copy: Path, engine: str) -> None:
    import pyoxigraph as ox

    trigger_p = ox.NamedNode(str(KG.trigger))
    with GraphStore.open(store_copy) as store:  # an event's only trigger dropped
        article = store.article_ids()[0]
        doc = store.graph_iri("doc", article)
        triggers = list(store.store.quads_for_pattern(None, trigger_p, None, doc))
        single = next(q for q in triggers if sum(t.subject == q.subject for t in triggers) == 1)
        store.store.remove(single)
    result = invoke(["validate", "--store", store_copy, "--engine", engine], expect=1)
    assert "7 articles checked, 1 violations" in result.output, result.output
    assert f"{single.subject} <{KG.trigger}>" in result.output


def test_kb_show() -> None:
    result = invoke(["kb", "show", "Ketaib Hezbollah"])
    assert "https://w3id.org/kgbuild/kb/kataib-hezbollah" in result.output
    assert "class: ArmedGroup" in result.output


# -- kb candidates -----------------------------------------------------------------------------
def provisional_labels(store_path: Path) -> dict[str, int]:
    """label -> number of mentions, for the new (provisional) actors."""
    query = """PREFIX kg: <https://w3id.org/kgbuild/ontology#>
        SELECT ?label (COUNT(DISTINCT ?m) AS ?n) WHERE { GRAPH ?g {
          ?a kg:provisional true ; <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }
          ?m kg:denotes ?a } GROUP BY ?label"""
    with GraphStore.open_read_only(store_path) as store:
        return {row["label"].value: int(row["n"].value) for row in store.query(query)}


CANDIDATES_CRASH = (
    "cli/kb.py candidates: the per-actor example query binds ?a through pyoxigraph substitutions but "
    "does not project ?a, and pyoxigraph 0.5 refuses that (RuntimeError 'The SPARQL query does not "
    "contains variable ?a in its SELECT projection'); the RuntimeError is not a KgbuildError, so the "
    "command dies with a traceback")


def test_kb_candidates_lists_new_actors_with_counts(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = provisional_labels(built_store)
    assert expected, "the examples mention actors the KB does not know"
    monkeypatch.setenv("COLUMNS", "200")
    output = invoke(["kb", "candidates", "--store", built_store, "--format", "table"]).output
    top = max(expected, key=lambda label: expected[label])
    assert re.search(rf"│\s*{re.escape(top)}\s*│\s*\w+\s*│\s*{expected[top]}\s*│", output), output


def test_kb_candidates_lists_each_actor_once(built_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    output = invoke(["kb", "candidates", "--store", built_store, "--format", "table"]).output
    rows = re.findall(r"^│\s*([^│]+?)\s*│\s*(\w+)\s*│\s*(\d+)\s*│", output, re.MULTILINE)
    labels = [label for label, _, _ in rows]
    assert labels and len(labels) == len(set(labels)), sorted(labels)
    assert {t for _, t, _ in rows} <= {"GovernmentBody", "Legislature", "SecurityForce", "ArmedGroup",
                                       "InternationalOrganization", "Organization", "Person", "Group", "Place"}


def test_kb_candidates_are_the_unknown_actors_query(built_store: Path) -> None:
    """One definition of a new actor: `kb candidates` lists exactly what `query unknown-actors` does."""
    import csv
    import io

    def actors(args: list[str]) -> list[str]:
        return [row["actor"] for row in csv.DictReader(io.StringIO(invoke(args).output))]

    listed = actors(["kb", "candidates", "--store", built_store, "--format", "csv"])
    assert listed and listed == actors(["query", "unknown-actors", "--store", built_store, "--format", "csv"])
    assert len(actors(["kb", "candidates", "--store", built_store, "--format", "csv", "--min-mentions", "2"])) \
        == len(actors(["query", "unknown-actors", "--store", built_store, "--format", "csv",
                       "--param", "min_mentions=2"])) < len(listed)


def test_kb_candidates_min_mentions_is_validated(built_store: Path) -> None:
    invoke(["kb", "candidates", "--store", built_store, "--min-mentions", "0"], expect=2)
