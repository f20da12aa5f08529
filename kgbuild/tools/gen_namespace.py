"""Regenerate the ``KG`` term list in ``kgbuild/namespace.py`` from ``ontology/kgbuild.ttl``.

Every ``kg:`` IRI that the ontology declares (subject of ``rdf:type`` ``rdfs:Class``,
``owl:Class``, any ``owl:*Property`` or ``owl:NamedIndividual``) becomes one annotated
attribute of ``KG``, sorted, between the ``BEGIN``/``END GENERATED TERMS`` markers.

Usage::

    python -m kgbuild.tools.gen_namespace          # rewrite the block
    python -m kgbuild.tools.gen_namespace --check  # exit 1 when the block is out of date

>>> "partOf" in ontology_terms()
True
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

__all__ = ["BEGIN", "END", "ontology_terms", "render_block", "regenerate", "main"]

BEGIN = "    # --- BEGIN GENERATED TERMS ---"
END = "    # --- END GENERATED TERMS ---"
KG_NS = "https://w3id.org/kgbuild/ontology#"

_DECLARING_TYPES = frozenset({
    RDFS.Class, OWL.Class, OWL.NamedIndividual, OWL.ObjectProperty, OWL.DatatypeProperty,
    OWL.AnnotationProperty, OWL.TransitiveProperty, OWL.SymmetricProperty,
    OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.ReflexiveProperty,
    OWL.IrreflexiveProperty, OWL.AsymmetricProperty, RDF.Property,
})

_ROOT = Path(__file__).resolve().parent.parent


def _default_ontology() -> Path:
    from ..resources import ontology_dir

    return ontology_dir() / "kgbuild.ttl"


def _default_module() -> Path:
    return _ROOT / "namespace.py"


def ontology_terms(path: Path | None = None) -> list[str]:
    """The local names of every ``kg:`` term declared in the ontology, sorted."""
    graph = Graph().parse(path or _default_ontology(), format="turtle")
    names: set[str] = set()
    for subject, _p, type_ in graph.triples((None, RDF.type, None)):
        if type_ in _DECLARING_TYPES and isinstance(subject, URIRef) and str(subject).startswith(KG_NS):
            names.add(str(subject)[len(KG_NS):])
    return sorted(names)


def render_block(terms: list[str]) -> str:
    """The generated block, markers included."""
    lines = [BEGIN, *(f"    {name}: URIRef" for name in terms), END]
    return "\n".join(lines)


def regenerate(source: str, terms: list[str]) -> str:
    """``source`` (namespace.py text) with its generated block replaced.

    >>> regenerate(f"x\\n{BEGIN}\\n    old: URIRef\\n{END}\\ny", ["a", "b"]).splitlines()[2]
    '    a: URIRef'
    """
    start = source.index(BEGIN)
    end = source.index(END, start) + len(END)
    return source[:start] + render_block(terms) + source[end:]


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code (0 ok / written, 1 out of date with ``--check``)."""
    parser = argparse.ArgumentParser(prog="python -m kgbuild.tools.gen_namespace",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check; exit 1 if out of date")
    parser.add_argument("--ontology", type=Path, default=None)
    parser.add_argument("--module", type=Path, default=None)
    args = parser.parse_args(argv)
    module = args.module or _default_module()
    source = module.read_text(encoding="utf-8")
    wanted = regenerate(source, ontology_terms(args.ontology))
    if wanted == source:
        return 0
    if args.check:
        print(f"{module} is out of date; run python -m kgbuild.tools.gen_namespace", file=sys.stderr)
        return 1
    module.write_text(wanted, encoding="utf-8")
    print(f"wrote {module}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
