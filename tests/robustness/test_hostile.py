"""Hostile input: SPARQL injection through every parameter type and actor names (through the
CLI, on the store and on an endpoint); serve is local and read-only by default and warns
otherwise; credentials never appear in output and come from the environment or a netrc file;
``export -o`` writes atomically."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.http import auth_from

from .conftest import run_cli, show
from .test_remote import PASSWORD, _serve

HOSTILE = [
    '" } ; DROP ALL ; SELECT * WHERE { "',
    "x' } DELETE WHERE { ?s ?p ?o } #",
    "a> <b> . } INSERT DATA { <x> <y> <z> } #",
    "line1\n} DROP ALL #\nline3",
    "{ ?s ?p ?o }",
    "#comment",
    '\\" } #',
    "kataib-hezbollah> } UNION { ?s ?p ?o",
]


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    from tests.servers import write_sample_store

    path = tmp_path / "kg"
    write_sample_store(path, articles=2)
    return path


def _dump(path: Path) -> set[str]:
    store = ox.Store.read_only(str(path))
    return {str(q) for q in store}


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(("query", "param"), [
    ("events-by-actor", "actor"), ("events-by-actor", "from"), ("events-by-actor", "event_type"),
    ("membership-chain", "as_of"), ("unknown-actors", "min_mentions"), ("who-leads", "org"),
])
def test_injection_through_saved_query_parameters(sample: Path, query: str, param: str, value: str) -> None:
    before = _dump(sample)
    needs_actor = query in ("events-by-actor", "membership-chain") and param != "actor"
    extra = ["--param", "actor=kataib-hezbollah"] if needs_actor else []
    result = run_cli(["query", query, "--store", str(sample), "--format", "csv", "--param", f"{param}={value}",
                      *extra])
    assert result.exit_code == 2, show(result)  # rejected as a bad value, never run
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: parameter "), show(result)
    assert _dump(sample) == before


@pytest.mark.parametrize("value", HOSTILE)
def test_string_parameter_stays_one_literal(sample: Path, tmp_path: Path, value: str) -> None:
    """A free-text parameter is bound as one literal: the query returns exactly that value."""
    rq = tmp_path / "echo.rq"
    rq.write_text("# title: echo\n# param: name string required -- any text\n"
                  "SELECT ?name (STRLEN(?name) AS ?n) WHERE { }\n")
    before = _dump(sample)
    result = run_cli(["query", str(rq), "--store", str(sample), "--format", "json-rows", "--param", f"name={value}"])
    assert result.exit_code == 0, show(result)
    rows = json.loads(result.stdout)["rows"]
    assert rows == [{"n": len(value)}], result.stdout  # one row: the value's own length
    assert _dump(sample) == before
    for server in _serve(lambda m, p, n: None):
        remote = run_cli(["query", str(rq), "--endpoint", f"{server.url}/query", "--format", "csv",
                          "--param", f"name={value}"])
        assert remote.exit_code == 0, show(remote)
        sent = server.log[0][2].decode()
        from urllib.parse import parse_qs

        text = parse_qs(sent)["query"][0]
        answer = ox.Store().query(text)  # the text sent parses, and binds exactly one value
        assert [(row["name"].value, int(row["n"].value)) for row in answer] == [(value, len(value))]


def test_serve_defaults_local_and_read_only() -> None:
    from kgbuild.serve.cli import command

    options = {p.name: p for p in command.params}
    assert options["host"].default == "127.0.0.1"
    assert options["writable"].is_flag  # off unless given
    import inspect

    from kgbuild.serve import start_server

    defaults = inspect.signature(start_server).parameters
    assert defaults["host"].default == "127.0.0.1" and defaults["writable"].default is False


@pytest.mark.parametrize(("args", "warning"), [
    (["--writable"], "warning: --writable"),
    (["--host", "0.0.0.0"], "warning: binding to 0.0.0.0"),
])
def test_serve_warns_when_writable_or_public(tmp_path: Path, args: list[str], warning: str) -> None:
    result = run_cli(["serve", "--store", str(tmp_path / "none"), "--port", "1", *args])
    assert result.exit_code != 0, show(result)  # no store there: it stops, but warned first
    assert warning in result.stderr, show(result)


def test_credentials_from_netrc_never_echoed(tmp_path: Path) -> None:
    netrc = tmp_path / "netrc"
    netrc.write_text(f"machine 127.0.0.1 login alice password {PASSWORD}\n")
    netrc.chmod(0o600)
    auth = auth_from(url="http://127.0.0.1:1/ds", netrc_file=netrc, environ={})
    assert auth is not None and auth.user == "alice" and PASSWORD not in repr(auth)
    auth = auth_from(url="http://127.0.0.1:1/ds", environ={"KGBUILD_USER": "bob", "KGBUILD_PASSWORD": PASSWORD})
    assert auth is not None and auth.user == "bob" and auth.password == PASSWORD
    from tests.servers import write_sample_store

    write_sample_store(tmp_path / "kg")
    for server in _serve(lambda m, p, n: "401"):
        result = run_cli(["load", "--endpoint", f"http://alice:{PASSWORD}@127.0.0.1:{server.server_address[1]}",
                          "--kind", "oxigraph", "--store", str(tmp_path / "kg")])
        assert result.exit_code == 1, show(result)
        assert PASSWORD not in result.output and "authentication refused" in result.output, show(result)
        result = run_cli(["load", "--endpoint", server.url, "--kind", "oxigraph", "--store",
                          str(tmp_path / "kg"), "--netrc", str(netrc)])
        assert result.exit_code == 1 and PASSWORD not in result.output, show(result)
        assert any(h.get("Authorization", "").startswith("Basic ") for _, _, _, h in server.log)


def test_export_is_atomic(sample: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.trig"
    target.write_text("previous export\n")
    ok = run_cli(["export", "--store", str(sample), "-o", str(target)])
    assert ok.exit_code == 0, show(ok)
    good = target.read_bytes()
    import pyoxigraph as ox

    assert any(q.graph_name.value.endswith("graph/kb") for q in ox.parse(good, format=ox.RdfFormat.TRIG))
    # a failure while writing (disk full simulated by a failing dump) leaves the old file and no temp
    import kgbuild.export as export_module

    real = export_module.export

    def failing(store, output, **kwargs):  # noqa: ANN001, ANN202
        output.write(b"partial")
        raise OSError(28, "No space left on device")

    export_module.export = failing  # type: ignore[assignment]
    try:
        bad = run_cli(["export", "--store", str(sample), "-o", str(target)])
    finally:
        export_module.export = real  # type: ignore[assignment]
    assert bad.exit_code == 1, show(bad)
    assert "No space left on device" in bad.stderr and len(bad.stderr.strip().splitlines()) == 1, show(bad)
    assert target.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == sorted(["kg", "out.trig"])
