"""kgbuild/namespace.py's KG term list is generated from the ontology and must not drift."""
from __future__ import annotations

from pathlib import Path

from kgbuild.namespace import KG
from kgbuild.tools import gen_namespace


def test_generated_block_is_up_to_date() -> None:
    assert gen_namespace.main(["--check"]) == 0, "run: python -m kgbuild.tools.gen_namespace"


def test_every_ontology_term_resolves() -> None:
    for name in gen_namespace.ontology_terms():
        assert str(getattr(KG, name)) == f"https://w3id.org/kgbuild/ontology#{name}"


def test_check_detects_drift(tmp_path: Path) -> None:
    module = tmp_path / "namespace.py"
    module.write_text(f"x = 1\n{gen_namespace.BEGIN}\n    bogus: URIRef\n{gen_namespace.END}\n")
    assert gen_namespace.main(["--check", "--module", str(module)]) == 1
    assert gen_namespace.main(["--module", str(module)]) == 0
    assert "    partOf: URIRef" in module.read_text()
    assert gen_namespace.main(["--check", "--module", str(module)]) == 0
