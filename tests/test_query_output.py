"""Query outputs that tools and terminals read (issue 17, "Outputs").

Spec:
- ``kgbuild query --format json`` is SPARQL 1.1 Query Results JSON: rdflib's SPARQL-results
  parser reads it back to the same terms (IRIs as IRIs, typed literals with their datatype,
  unbound cells absent); ASK answers ``{"head": {}, "boolean": ...}``. The former
  ``{"columns", "rows"}`` JSON is ``--format json-rows``.
- A table fits the terminal: at 80 columns no line is wider than 80; columns that do not fit
  are left out, and the line under the table names them; list cells show one item per line.
  CSV and JSON keep every column and full values.
- ``kgbuild queries`` wraps to the terminal's width; the build summary is one row on a wide
  terminal and one line per figure on an 80-column one.
- ``kgbuild kb candidates`` is CSV when piped (actor IRI, label, type, mentions, example), a
  table with ``--format table``, SPARQL JSON with ``--format json``.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.query import Result

from conftest import invoke
from kgbuild.namespace import KB, KG
from test_queries import build_store

XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "kg"
    build_store(path).close()
    return path


def test_json_is_sparql_results_json(store_dir: Path) -> None:
    output = invoke(["query", "attacks-on-state-affiliated-forces", "--store", store_dir, "--format", "json"]).output
    document = json.loads(output)
    assert document["head"]["vars"][:4] == ["event", "date", "mode", "attacker"]
    parsed = Result.parse(io.StringIO(output), format="json")
    rows = [row.asdict() for row in parsed]
    assert len(rows) == 2
    airstrike = next(r for r in rows if r.get("mode") == URIRef(str(KG.Airstrike)))
    assert airstrike["date"] == Literal("2019-12-29", datatype=XSD_DATE)
    assert airstrike["attacker"] == Literal(str(KB.USA))  # a list column is one string, as CSV shows it
    assert "mode" not in next(r for r in rows if r is not airstrike)  # unbound: absent, as the spec says
    assert isinstance(airstrike["event"], URIRef) and isinstance(airstrike["sources"], Literal)


def test_json_of_an_ask_query(store_dir: Path, tmp_path: Path) -> None:
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK { ?s ?p ?o }\n")
    result = invoke(["query", ask, "--store", store_dir, "--format", "json"])
    assert json.loads(result.output) == {"head": {}, "boolean": True}
    assert Result.parse(io.StringIO(result.output), format="json").askAnswer is True


def test_json_rows_is_the_former_json(store_dir: Path) -> None:
    output = invoke(["query", "membership-chain", "--store", store_dir, "-p", "actor=Kataib Hezbollah",
                     "--format", "json-rows"]).output
    data = json.loads(output)
    assert data["columns"][:2] == ["ancestor", "relation"] and data["rows"][0]["ancestor"].startswith("https://")


def test_table_fits_80_columns_and_names_what_it_leaves_out(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    output = invoke(["query", "attacks-on-state-affiliated-forces", "--store", store_dir, "--format", "table"]).output
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= 80, "\n".join(line for line in lines if len(line) > 80)
    header = next(line for line in lines if line.startswith("┃"))
    assert [c.strip() for c in header.strip("┃").split("┃")] == ["date", "attacker", "target", "state", "chain",
                                                                   "sources"]
    assert lines[-1] == "2 row(s); not shown: event, mode, article, evidence (--format csv has all)"
    assert any(line.startswith("│ 2019-12-29 │ kb:USA ") and "│ kb:IRQ │" in line for line in lines), output


def test_wide_table_shows_every_column(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "400")
    output = invoke(["query", "attacks-on-state-affiliated-forces", "--store", store_dir, "--format", "table"]).output
    assert output.splitlines()[-1] == "2 row(s)"
    assert "US jets struck Kata'ib Hezbollah and other PMF units on Sunday." in output


def test_csv_keeps_every_column_and_full_values(store_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    output = invoke(["query", "attacks-on-state-affiliated-forces", "--store", store_dir]).output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert list(rows[0]) == ["event", "date", "mode", "attacker", "target", "state", "chain", "article", "evidence",
                             "sources"]
    assert any(r["evidence"] == "US jets struck Kata'ib Hezbollah and other PMF units on Sunday." for r in rows)


def test_queries_listing_is_wrapped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    output = invoke(["queries"]).output
    assert max(len(line) for line in output.splitlines()) <= 80
    assert "--param actor=<actor>  (required)" in output


def test_kb_candidates_is_csv_when_piped(built_store: Path) -> None:
    output = invoke(["kb", "candidates", "--store", built_store]).output
    rows = list(csv.DictReader(io.StringIO(output)))
    assert rows and list(rows[0]) == ["actor", "label", "type", "mentions", "example"]
    assert all(r["actor"].startswith("https://w3id.org/kgbuild/id/actor/") and int(r["mentions"]) >= 1 for r in rows)
    counts = [int(r["mentions"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    fewer = list(csv.DictReader(io.StringIO(
        invoke(["kb", "candidates", "--store", built_store, "--min-mentions", "2"]).output)))
    assert fewer == [r for r in rows if int(r["mentions"]) >= 2]


def test_kb_candidates_as_sparql_json(built_store: Path) -> None:
    output = invoke(["kb", "candidates", "--store", built_store, "--format", "json"]).output
    rows = [row.asdict() for row in Result.parse(io.StringIO(output), format="json")]
    assert rows and all(isinstance(r["actor"], URIRef) for r in rows)


@pytest.mark.parametrize(("width", "rows"), [(80, 9), (120, 1)])
def test_build_summary_fits_the_terminal(capsys: pytest.CaptureFixture[str], width: int, rows: int) -> None:
    from kgbuild.build import BuildReport
    from kgbuild.cli.report import print_build_report

    report = BuildReport(built=["a"] * 7, actors_linked=310, actors_new=33, events=53, relations=53, claims=2,
                         triples=6092, seconds=11.0)
    print_build_report(report, store="kg", width=width)
    lines = capsys.readouterr().out.splitlines()
    assert max(len(line) for line in lines) <= width
    assert sum(1 for line in lines if line.startswith("│")) == rows
    assert any("310/33" in line for line in lines)
