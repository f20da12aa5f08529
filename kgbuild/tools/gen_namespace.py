"""Regenerate the code that mirrors ``ontology/kgbuild.ttl``: the ``KG`` term list in
``kgbuild/namespace.py`` and the typed vocabulary in ``kgbuild/vocabulary.py``.

Every ``kg:`` IRI that the ontology declares (subject of ``rdf:type`` ``rdfs:Class``,
``owl:Class``, any ``owl:*Property`` or ``owl:NamedIndividual``) becomes one annotated
attribute of ``KG``, sorted, between the ``BEGIN``/``END GENERATED TERMS`` markers.
``vocabulary.py`` gets one ``StrEnum`` per closed list the code works with: the event classes
(named subclasses of ``kg:Event``), the actor classes (named, non-defined subclasses of
``kg:Actor``), the attack modes (``skos:notation`` of the ``kg:AttackMode`` individuals) and the
relations the extractor emits (properties marked ``kg:textRelation true``).

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

import re

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

__all__ = ["BEGIN", "END", "ontology_terms", "render_block", "regenerate", "render_vocabulary", "main"]

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


def _vocabulary_module() -> Path:
    return _ROOT / "vocabulary.py"


def _constant(local: str) -> str:
    """``"armed-clash"`` / ``"partOf"`` -> ``ARMED_CLASH`` / ``PART_OF``."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", local)
    return re.sub(r"[^A-Za-z0-9]+", "_", spaced).upper()


def _named_subclasses(graph: Graph, parent: URIRef, *, transitive: bool) -> list[URIRef]:
    found: list[URIRef] = []
    todo = [parent]
    while todo:
        current = todo.pop()
        for sub in graph.subjects(RDFS.subClassOf, current):
            if isinstance(sub, URIRef) and str(sub).startswith(KG_NS) and sub not in found:
                found.append(sub)
                if transitive:
                    todo.append(sub)
    return found


def render_vocabulary(path: Path | None = None) -> str:
    """The text of ``kgbuild/vocabulary.py`` for the ontology at ``path``."""
    graph = Graph().parse(path or _default_ontology(), format="turtle")
    kg = lambda name: URIRef(KG_NS + name)  # noqa: E731
    local = lambda iri: str(iri)[len(KG_NS):]  # noqa: E731
    events = sorted(local(c) for c in _named_subclasses(graph, kg("Event"), transitive=False)
                    if (c, kg("ploverCategory"), None) in graph)
    plover = {local(c): str(graph.value(c, kg("ploverCategory"))) for c in
              _named_subclasses(graph, kg("Event"), transitive=False)}
    actors = sorted(local(c) for c in _named_subclasses(graph, kg("Actor"), transitive=True)
                    if (c, OWL.equivalentClass, None) not in graph)
    modes = sorted((str(graph.value(i, SKOS.notation)), local(i)) for i in graph.subjects(RDF.type, kg("AttackMode"))
                   if str(i).startswith(KG_NS))
    relations = sorted(local(p) for p in graph.subjects(kg("textRelation"), Literal(True)))

    def enum(name: str, doc: str, values: list[str]) -> list[str]:
        return [f"class {name}(StrEnum):", f'    """{doc}"""', "",
                *(f'    {_constant(v)} = "{v}"' for v in values), "", ""]

    lines = [
        '"""The closed lists of the ontology as typed enums. GENERATED from ontology/kgbuild.ttl by',
        "``python -m kgbuild.tools.gen_namespace``: do not edit by hand (tests/test_namespace.py and",
        "tests/test_vocabulary.py fail when this file and the ontology disagree).",
        "",
        "Members are strings, so they compare equal to the local names the graph and the gold files use:",
        "",
        ">>> EventClass.ATTACK == \"Attack\", EventClass(\"Attack\").iri",
        "(True, 'https://w3id.org/kgbuild/ontology#Attack')",
        ">>> PLOVER[EventClass.DEMAND], AttackMode(\"armed-clash\").term",
        "('REQUEST', 'ArmedClash')",
        '"""',
        "from __future__ import annotations",
        "",
        "from enum import StrEnum",
        "",
        '__all__ = ["EventClass", "ActorClass", "AttackMode", "Relation", "PLOVER", "KG_NS"]',
        "",
        f'KG_NS = "{KG_NS}"',
        "",
        "",
        "class _Term(StrEnum):",
        "    @property",
        "    def iri(self) -> str:",
        '        """The full ontology IRI of this class or property."""',
        "        return KG_NS + self.value",
        "",
        "",
    ]
    lines += [l.replace("(StrEnum)", "(_Term)") for l in
              enum("EventClass", "Event classes: the named classes ``rdfs:subClassOf kg:Event``.", events)]
    lines += [l.replace("(StrEnum)", "(_Term)") for l in
              enum("ActorClass", "Asserted actor classes: named, non-defined subclasses of ``kg:Actor``.", actors)]
    lines += [l.replace("(StrEnum)", "(_Term)") for l in
              enum("Relation", "Relations extracted from text and scored (``kg:textRelation true``).", relations)]
    lines += enum("AttackMode", "Attack modes: the ``skos:notation`` of each ``kg:AttackMode`` individual.",
                  [n for n, _ in modes])[:-2]
    lines += ["", "    @property", "    def term(self) -> str:",
              '        """The local name of the ``kg:AttackMode`` individual."""',
              "        return _MODE_TERMS[self.value]", "", ""]
    lines += ["_MODE_TERMS: dict[str, str] = {", *(f'    "{n}": "{t}",' for n, t in modes), "}", "", ""]
    lines += ["#: The PLOVER category of each event class (``kg:ploverCategory``).",
              "PLOVER: dict[EventClass, str] = {",
              *(f'    EventClass.{_constant(e)}: "{plover[e]}",' for e in events), "}", ""]
    return "\n".join(lines)


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
    targets = [(module, regenerate(source, ontology_terms(args.ontology)))]
    if args.module is None:
        vocabulary = _vocabulary_module()
        targets.append((vocabulary, render_vocabulary(args.ontology)))
    status = 0
    for path, wanted in targets:
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if wanted == current:
            continue
        if args.check:
            print(f"{path} is out of date; run python -m kgbuild.tools.gen_namespace", file=sys.stderr)
            status = 1
            continue
        path.write_text(wanted, encoding="utf-8")
        print(f"wrote {path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
