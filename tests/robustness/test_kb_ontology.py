"""A malformed actor KB file or ontology override: a clear error naming the file and line,
and nothing half-loaded (the store is exactly as before)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import kgbuild.build as build_module
from kgbuild.errors import KnowledgeBaseError
from kgbuild.kb import ActorKB
from kgbuild.store import GraphStore

from .conftest import GOOD, run_cli, show

BAD_TTL = """@prefix kg: <https://w3id.org/kgbuild/ontology#> .
@prefix kb: <https://w3id.org/kgbuild/kb/> .
kb:new-group a kg:ArmedGroup ;
    kg:kbId "new-group" ;
    kg:subOrganizationOf kb:IRQ
kb:other a kg:ArmedGroup .
"""


def _snapshot(store: Path) -> set[str]:
    with GraphStore.open_read_only(store) as gs:
        return {str(q) for q in gs.store}


@pytest.fixture()
def built(tmp_path: Path, fast_build: None) -> tuple[Path, Path, set[str]]:
    article = tmp_path / "good.txt"
    article.write_text(GOOD)
    store = tmp_path / "kg"
    result = run_cli(["build", str(article), "--store", str(store), "--no-reason", "--quiet"])
    assert result.exit_code == 0, show(result)
    return article, store, _snapshot(store)


def test_malformed_kb_file_names_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "good.ttl").write_text("@prefix kg: <https://w3id.org/kgbuild/ontology#> .\n")
    (folder / "bad.ttl").write_text(BAD_TTL)
    with pytest.raises(KnowledgeBaseError) as caught:
        ActorKB.load(folders=[folder])
    message = str(caught.value)
    assert str(folder / "bad.ttl") in message and re.search(r"line [56]\b", message), message
    assert "\n" not in message


def test_malformed_kb_leaves_store_unchanged(built, tmp_path: Path) -> None:  # noqa: ANN001
    article, store, before = built
    folder = tmp_path / "user-actors"
    folder.mkdir()
    (folder / "bad.ttl").write_text(BAD_TTL)
    result = run_cli(["build", str(article), "--store", str(store), "--kb", str(folder), "--force",
                      "--no-reason", "--quiet"])
    assert result.exit_code == 1, show(result)
    error = result.stderr.strip().splitlines()
    assert len(error) == 1 and str(folder / "bad.ttl") in error[0] and "line" in error[0], show(result)
    assert _snapshot(store) == before


def test_malformed_ontology_override_leaves_store_unchanged(built, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    article, store, before = built
    override = tmp_path / "ontology"
    override.mkdir()
    (override / "kgbuild.ttl").write_text("@prefix kg: <https://w3id.org/kgbuild/ontology#> .\n"
                                          "kg:Attack a <http://www.w3.org/2002/07/owl#Class> ;\n"
                                          "    rdfs:label \"Attack\" .\n")  # rdfs: never declared
    monkeypatch.setattr(build_module, "ontology_dir", lambda: override)
    result = run_cli(["build", str(article), "--store", str(store), "--force", "--no-reason", "--quiet"])
    assert result.exit_code == 1, show(result)
    error = result.stderr.strip().splitlines()
    assert len(error) == 1 and str(override / "kgbuild.ttl") in error[0], show(result)
    assert re.search(r"line 3\b|3:\d", error[0]), show(result)
    assert _snapshot(store) == before
