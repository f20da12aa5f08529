"""SHACL validation of emitted instance data against ``ontology/shapes.ttl`` (pySHACL).

Validation runs with ``inference="none"``: the shapes name the asserted leaf classes
themselves, so the ontology is not needed and validation stays fast. A ``Dataset`` (or
``ConjunctiveGraph``) is validated as the union of its graphs, minus the ontology and inferred
graphs of its :class:`~kgbuild.layout.Layout` (OWL blank nodes and reasoning output are not
extraction output).

>>> from rdflib import Graph
>>> validate_graph(Graph()).conforms
True
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.graph import ConjunctiveGraph

from .errors import OntologyError
from .layout import DEFAULT_LAYOUT, Layout
from .namespace import KG, NIF
from .resources import ontology_dir
from .terms import to_rdflib

__all__ = ["Violation", "ValidationReport", "validate_graph", "validate_quads", "load_shapes", "check_offsets",
           "ENGINES"]

SH = Namespace("http://www.w3.org/ns/shacl#")
_SKIPPED_GRAPH_KINDS = ("ontology", "inferred")


class Violation(NamedTuple):
    """One SHACL result: the focus node, the property path (``None`` for node-level
    constraints), the message (N3 forms of the terms, for printing) and the SHACL
    constraint component that failed (``MinCountConstraintComponent``...)."""

    focus: str
    path: str | None
    message: str
    component: str = ""


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of :func:`validate_graph`."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    text: str = ""
    """pySHACL's human-readable report."""

    def summary(self, *, limit: int = 20) -> str:
        """A short multi-line description for the CLI."""
        if self.conforms:
            return "conforms"
        lines = [f"{len(self.violations)} violation(s):"]
        lines += [f"  {v.focus} {v.path or ''}: {v.message}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"  ... and {len(self.violations) - limit} more")
        return "\n".join(lines)


@lru_cache(maxsize=1)
def _bundled_shapes() -> Graph:
    path = ontology_dir() / "shapes.ttl"
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as exc:
        raise OntologyError(f"{path}: cannot read the SHACL shapes: {exc}") from exc


def load_shapes() -> Graph:
    """The bundled shapes graph (parsed once, cached; do not modify it).

    :raises OntologyError: ``shapes.ttl`` is missing or malformed.
    """
    return _bundled_shapes()


def _as_union(data: Graph | Dataset, layout: Layout) -> Graph:
    if not isinstance(data, ConjunctiveGraph):  # Dataset subclasses ConjunctiveGraph in rdflib 7
        return data
    union = Graph()
    for ctx in (data.graphs() if isinstance(data, Dataset) else data.contexts()):
        if layout.graph_kind(str(ctx.identifier)) in _SKIPPED_GRAPH_KINDS:
            continue
        for triple in ctx:
            union.add(triple)
    return union


def validate_graph(data: Graph | Dataset, *, shapes: Graph | None = None,
                   layout: Layout = DEFAULT_LAYOUT) -> ValidationReport:
    """Validate ``data`` against ``shapes`` (default: :func:`load_shapes`); a dataset's graphs
    are named by ``layout``.

    :raises OntologyError: the shapes cannot be read or pySHACL cannot evaluate them.
    """
    import pyshacl

    graph = _as_union(data, layout)
    conforms, results, text = pyshacl.validate(
        graph, shacl_graph=shapes if shapes is not None else load_shapes(),
        inference="none", abort_on_first=False, allow_infos=True, allow_warnings=True, inplace=True,
        meta_shacl=False, advanced=False, debug=False)
    if not isinstance(results, Graph):  # pySHACL reports its own failures as a value
        raise OntologyError(f"SHACL validation could not run: {text}")
    violations: list[Violation] = []
    for result in results.objects(None, SH.result):  # top-level only, not the sh:detail of sh:node
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        source = results.value(result, SH.sourceConstraintComponent)
        component = str(source).rsplit("#", 1)[-1] if source else ""
        message = "; ".join(messages) or component or "violation"
        violations.append(Violation(
            focus=focus.n3() if focus is not None else "",
            path=path.n3() if isinstance(path, URIRef) else (str(path) if path is not None else None),
            message=message, component=component))
    offsets = check_offsets(graph)
    violations.extend(offsets)
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(conforms=bool(conforms) and not offsets, violations=violations, text=str(text))


def validate_quads(quads: Iterable[ox.Quad | ox.Triple], *, shapes: Graph | None = None,
                   engine: str = "auto") -> ValidationReport:
    """Validate a batch of pyoxigraph quads/triples (e.g. one article's doc + claims quads)
    as one union graph.

    :param engine: ``"compiled"`` (:mod:`kgbuild.shacl`, a single pass in Python),
        ``"pyshacl"`` (the reference), or ``"auto"``: compiled when the shapes only use
        what it implements, else pySHACL.
    :raises OntologyError: the shapes cannot be read, or ``engine="compiled"`` with shapes
        it does not implement.

    >>> validate_quads([]).conforms
    True
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown validation engine {engine!r}; choose from {', '.join(ENGINES)}")
    if engine != "pyshacl":
        compiled = _compiled(shapes)
        if isinstance(compiled, str):
            if engine == "compiled":
                raise OntologyError(f"SHACL shapes: {compiled}")
        else:
            data = compiled.index(quads, also=_OFFSET_TERMS)
            violations = [Violation(r.focus, r.path, r.message, r.component) for r in compiled.check(data)]
            violations.extend(check_offsets(_offset_triples(data.out)))
            violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
            return ValidationReport(conforms=not violations, violations=violations,
                                    text="Conforms: True" if not violations else
                                    f"Conforms: False ({len(violations)} violations)")
    graph = Graph()
    for q in quads:  # term by term: rdflib's N-Triples parser is quadratic on a 5 MB literal
        graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return validate_graph(graph, shapes=shapes)


ENGINES = ("auto", "compiled", "pyshacl")
_COMPILED: dict[int, Any] = {}


def _compiled(shapes: Graph | None) -> Any:
    """The compiled form of ``shapes`` (cached per shapes graph), or why it cannot be compiled."""
    from .shacl import UnsupportedShapes, compile_shapes

    graph = shapes if shapes is not None else load_shapes()
    key = id(graph)
    if key not in _COMPILED:
        try:
            _COMPILED[key] = (graph, compile_shapes(graph))
        except UnsupportedShapes as exc:
            _COMPILED[key] = (graph, str(exc))
    return _COMPILED[key][1]


OFFSETS_CHECK = "kgbuild:OffsetsCheck"
_BEGIN = str(NIF.beginIndex)
_END = str(NIF.endIndex)
_ANCHOR = str(NIF.anchorOf)
_SOURCE = str(KG.sourceArticle)
_TEXT = str(NIF.isString)


_OFFSET_TERMS = tuple(ox.NamedNode(p) for p in (_BEGIN, _END, _ANCHOR, _SOURCE, _TEXT))


def _offset_triples(index: dict[Any, dict[Any, set[Any]]]) -> Iterable[tuple[str, str, str]]:
    """The offset triples of an index built by the compiled validator, as strings."""
    for subject, by_predicate in index.items():
        for predicate in _OFFSET_TERMS:
            for value in by_predicate.get(predicate, ()):
                yield subject.value, predicate.value, value.value


def check_offsets(triples: Iterable[object]) -> list[Violation]:
    """Every node with offsets: ``nif:anchorOf`` is exactly ``text[begin:end]`` of its article.

    (The one SHACL rule kept out of ``shapes.ttl``: as a SPARQL constraint pySHACL re-parses
    it for every focus node.)
    """
    nodes: dict[str, dict[str, object]] = {}
    texts: dict[str, str] = {}
    several = object()  # more than one value: sh:maxCount reports it, no offsets to compare
    for subject, predicate, obj in triples:  # type: ignore[misc]
        p = str(predicate)
        if p in (_BEGIN, _END, _ANCHOR, _SOURCE):
            fields = nodes.setdefault(str(subject), {})
            fields[p] = str(obj) if fields.get(p, str(obj)) == str(obj) else several
        elif p == _TEXT:
            texts[str(subject)] = str(obj)
    out: list[Violation] = []
    for node, fields in nodes.items():
        text = texts.get(str(fields.get(_SOURCE)))
        if text is None or any(fields.get(p, several) is several for p in (_ANCHOR, _BEGIN, _END)):
            continue
        try:
            begin, end = int(str(fields[_BEGIN])), int(str(fields[_END]))
        except ValueError:  # not an integer: the shapes' sh:datatype reports it
            continue
        if not begin < end:
            out.append(Violation(focus=f"<{node}>", path=f"<{_BEGIN}>",
                                 message="nif:beginIndex is not less than nif:endIndex", component=OFFSETS_CHECK))
        elif text[begin:end] != fields[_ANCHOR]:
            out.append(Violation(focus=f"<{node}>", path=f"<{_ANCHOR}>",
                                 message="nif:anchorOf is not the article text between nif:beginIndex and nif:endIndex",
                                 component=OFFSETS_CHECK))
    return out
