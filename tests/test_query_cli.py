"""``kgbuild query`` / ``kgbuild queries`` through click's CliRunner."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.cli import cli
from test_queries import E1, E2, KB, build_store


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kg") / "kg"
    build_store(path).close()
    return path


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_query_csv_by_default_when_piped(store_dir: Path) -> None:
    result = run("query", "attacks-on-state-affiliated-forces", "--store", str(store_dir))
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["event"] for r in rows] == [E2.value, E1.value]
    assert "Iraqi security forces" in rows[1]["chain"]


def test_query_json_with_params(store_dir: Path) -> None:
    result = run("query", "membership-chain", "--store", str(store_dir), "--param", "actor=Kataib Hezbollah",
                 "--format", "json-rows")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert {r["source"] for r in data["rows"]} == {"kb", "inferred"}
    assert data["columns"][:2] == ["ancestor", "relation"]


def test_query_table_and_tsv(store_dir: Path) -> None:
    result = run("query", "attacks-on-state-affiliated-forces", "--store", str(store_dir), "--format", "table")
    assert result.exit_code == 0, result.output
    assert "2 row(s)" in result.output and "┏" in result.output
    result = run("query", "unknown-actors", "--store", str(store_dir), "--format", "tsv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split("\t")[:2] == ["actor", "label"]


def test_bad_parameters_exit_2_with_one_line(store_dir: Path) -> None:
    for args in (["--param", "as_of=2019-02-30"], ["--param", "bogus=1"], ["--param", "as_of"],
                 ["--param", 'as_of=2019-01-01" } #']):
        result = run("query", "attacks-on-state-affiliated-forces", "--store", str(store_dir), *args)
        assert result.exit_code == 2, result.output
        assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output


def test_unknown_actor_lists_candidates(store_dir: Path) -> None:
    result = run("query", "membership-chain", "--store", str(store_dir), "--param", "actor=Kataib Hezbolah")
    assert result.exit_code == 2, result.output
    assert "did you mean" in result.output and "Kata'ib Hezbollah" in result.output


def test_query_file_and_unknown_name(store_dir: Path, tmp_path: Path) -> None:
    query = tmp_path / "mine.rq"
    query.write_text("# title: Count\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n")
    result = run("query", str(query), "--store", str(store_dir), "--format", "json-rows")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["rows"][0]["n"] > 50
    result = run("query", "attacks-on-state", "--store", str(store_dir))
    assert result.exit_code == 1, result.output
    assert "did you mean attacks-on-state-affiliated-forces" in result.output
    construct = tmp_path / "c.rq"
    construct.write_text("PREFIX kg: <https://w3id.org/kgbuild/ontology#>\n"
                         "CONSTRUCT { ?s kg:ofState ?o } WHERE { ?s kg:ofState ?o }\n")
    result = run("query", str(construct), "--store", str(store_dir), "--format", "turtle")
    assert result.exit_code == 0, result.output
    assert "kb:iraq-government" in result.output


def test_unreachable_endpoint_hides_password() -> None:
    from servers import free_port

    result = run("query", "claims-contradicting-facts", "--endpoint", f"http://127.0.0.1:{free_port()}/query",
                 "--timeout", "3", env={"KGBUILD_USER": "u", "KGBUILD_PASSWORD": "s3cret"})
    assert result.exit_code == 1, result.output
    assert "unreachable" in result.output and "s3cret" not in result.output


def test_queries_lists_every_saved_query() -> None:
    result = run("queries")
    assert result.exit_code == 0, result.output
    for name in ("attacks-on-state-affiliated-forces", "membership-chain", "claims-contradicting-facts",
                 "unknown-actors", "event-timeline", "who-leads", "events-by-actor", "claims-by-source"):
        assert name in result.output
    assert "--param actor=<actor>  (required)" in result.output
    result = run("queries", "--format", "json")
    assert result.exit_code == 0, result.output
    assert any(q["inferred_variant"] for q in json.loads(result.output))


@pytest.mark.server
def test_query_over_endpoint_matches_store(store_dir: Path) -> None:
    from servers import Unavailable, oxigraph_server
    import urllib.request

    data = io.BytesIO()
    build_store().export(data, fmt="nquads")
    try:
        with oxigraph_server() as server:
            request = urllib.request.Request(server.url + "/store", data=data.getvalue(), method="POST",
                                             headers={"Content-Type": "application/n-quads"})
            urllib.request.urlopen(request, timeout=30).close()  # noqa: S310 - localhost
            remote = run("query", "attacks-on-state-affiliated-forces", "--endpoint", server.query_url,
                         "--endpoint-kind", "oxigraph", "--format", "json")
    except Unavailable as exc:
        pytest.skip(str(exc))
    local = run("query", "attacks-on-state-affiliated-forces", "--store", str(store_dir), "--format", "json")
    assert remote.exit_code == 0, remote.output
    assert local.exit_code == 0, local.output
    assert json.loads(remote.output) == json.loads(local.output)
    assert str(KB["IRQ"]) in remote.output
