"""SHACL shapes compiled to a single-pass Python validator over pyoxigraph triples.

pySHACL is the reference implementation (``kgbuild validate --engine pyshacl``), but it walks
the data graph once per constraint through rdflib, and on a build that cost more than spaCy's
parser. kgbuild's shapes (``ontology/shapes.ttl``) use a small part of SHACL Core, so
:func:`compile_shapes` turns them into plain Python checks run over one index of the data:
targets by ``sh:targetClass`` (with ``rdfs:subClassOf`` in the data) and
``sh:targetSubjectsOf``, property shapes with
IRI paths, and the constraints ``sh:minCount``, ``sh:maxCount``, ``sh:datatype`` (well-formed
lexical forms as rdflib reads them), ``sh:nodeKind``, ``sh:class``, ``sh:in``,
``sh:minInclusive``, ``sh:node``, ``sh:not``, ``sh:or``, ``sh:qualifiedValueShape`` with
``sh:qualifiedMinCount``/``sh:qualifiedMaxCount``, and ``sh:message``. Any other SHACL term
in the shapes raises :class:`UnsupportedShapes`, and :mod:`kgbuild.validate` then runs pySHACL,
so a user's own shapes are never half-checked. ``tests/test_shacl_compiled.py`` checks that
both engines report the same (focus, path, constraint component) on many broken graphs.

>>> import pyoxigraph as ox
>>> from kgbuild.validate import load_shapes
>>> shapes = compile_shapes(load_shapes())
>>> kg = "https://w3id.org/kgbuild/ontology#"
>>> event = ox.NamedNode("https://example.org/e1")
>>> rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
>>> [v.component for v in shapes.validate([ox.Triple(event, rdf_type, ox.NamedNode(kg + "Attack"))])]
['MinCountConstraintComponent', 'MinCountConstraintComponent']
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, NamedTuple

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

__all__ = ["CompiledShapes", "UnsupportedShapes", "ShaclResult", "compile_shapes", "DataIndex"]


class UnsupportedShapes(ValueError):
    """The shapes use SHACL beyond what :func:`compile_shapes` implements."""


class ShaclResult(NamedTuple):
    """One violation: N3 forms of the focus node and path, the message, the component name."""

    focus: str
    path: str | None
    message: str
    component: str


Term = Any  # a pyoxigraph NamedNode | BlankNode | Literal
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode(str(RDFS.subClassOf))
_XSD_STRING = str(XSD.string)
_LANG_STRING = str(RDF.langString)
_INTEGER = str(XSD.integer)
_RDFS_LITERAL = str(RDFS.Literal)

#: the shape terms :func:`compile_shapes` understands; anything else in the sh: namespace fails
_KNOWN = {SH[n] for n in (
    "targetClass", "targetSubjectsOf", "property", "path", "minCount", "maxCount", "datatype", "nodeKind",
    "class", "in",
    "minInclusive", "node", "not", "or", "qualifiedValueShape", "qualifiedMinCount", "qualifiedMaxCount",
    "message", "name", "description", "order", "group", "declare", "prefix", "namespace", "prefixes")}
_KNOWN |= {SH.NodeShape, SH.PropertyShape, SH.IRI, SH.BlankNode, SH.Literal, SH.BlankNodeOrIRI,
           SH.BlankNodeOrLiteral, SH.IRIOrLiteral, SH.PrefixDeclaration}
_NODE_KINDS = {SH.IRI: (ox.NamedNode,), SH.BlankNode: (ox.BlankNode,), SH.Literal: (ox.Literal,),
               SH.BlankNodeOrIRI: (ox.BlankNode, ox.NamedNode), SH.BlankNodeOrLiteral: (ox.BlankNode, ox.Literal),
               SH.IRIOrLiteral: (ox.NamedNode, ox.Literal)}


@dataclass
class _Shape:
    """A node or property shape; ``path`` is None for node shapes."""

    name: str
    path: ox.NamedNode | None = None
    message: str | None = None
    min_count: int | None = None
    max_count: int | None = None
    datatype: str | None = None
    node_kind: tuple[type, ...] | None = None
    node_kind_name: str = ""
    classes: list[ox.NamedNode] = field(default_factory=list)
    values_in: frozenset | None = None
    min_inclusive: Any = None
    nodes: list[_Shape] = field(default_factory=list)
    nots: list[_Shape] = field(default_factory=list)
    ors: list[list[_Shape]] = field(default_factory=list)
    qualified: _Shape | None = None
    qualified_min: int | None = None
    qualified_max: int | None = None
    properties: list[_Shape] = field(default_factory=list)
    targets: list[ox.NamedNode] = field(default_factory=list)
    subject_targets: list[ox.NamedNode] = field(default_factory=list)
    value_checks: list[Callable[[Term, DataIndex], tuple[str, str] | None]] = field(default_factory=list)


class DataIndex:
    """The data graph indexed once: subject -> predicate -> values, plus class membership.

    Only the predicates the shapes read are indexed (``relevant``; None: all).
    """

    def __init__(self, triples: Iterable[Any], relevant: frozenset[Term] | None = None) -> None:
        out: dict[Term, dict[Term, set[Term]]] = {}
        instances: dict[Term, set[Term]] = {}
        subclass: dict[Term, set[Term]] = {}
        for t in triples:
            p = t.predicate
            if relevant is not None and p not in relevant:
                continue
            s, o = t.subject, t.object
            by_predicate = out.get(s)
            if by_predicate is None:
                out[s] = {p: {o}}
            elif p in by_predicate:
                by_predicate[p].add(o)
            else:
                by_predicate[p] = {o}
            if p == _RDF_TYPE:
                instances.setdefault(o, set()).add(s)
            elif p == _SUBCLASS:
                subclass.setdefault(o, set()).add(s)
        self.out, self.instances, self._subclass = out, instances, subclass

    def values(self, node: Term, path: Term) -> set[Term]:
        by_predicate = self.out.get(node)
        return by_predicate.get(path, set()) if by_predicate else set()

    def subjects_of(self, predicate: Term) -> set[Term]:
        return {s for s, by_predicate in self.out.items() if predicate in by_predicate}

    def instances_of(self, cls: Term) -> set[Term]:
        if not self._subclass:
            return self.instances.get(cls, set())
        out, todo, seen = set(), [cls], set()
        while todo:
            c = todo.pop()
            if c in seen:
                continue
            seen.add(c)
            out |= self.instances.get(c, set())
            todo.extend(self._subclass.get(c, ()))
        return out

    def is_instance(self, node: Term, cls: Term) -> bool:
        types = self.values(node, _RDF_TYPE)
        if cls in types:
            return True
        return bool(self._subclass) and node in self.instances_of(cls)


class CompiledShapes:
    """Validate triples against compiled shapes; see :func:`compile_shapes`."""

    def __init__(self, roots: list[_Shape]) -> None:
        self.roots = roots
        self.relevant = frozenset({_RDF_TYPE, _SUBCLASS, *(p for root in roots for p in _paths(root, set())),
                                   *(p for root in roots for p in root.subject_targets)})

    def validate(self, triples: Iterable[Any]) -> list[ShaclResult]:
        """Every violation in ``triples`` (pyoxigraph Triples or Quads; graph names ignored)."""
        return self.check(self.index(triples))

    def index(self, triples: Iterable[Any], *, also: Iterable[Term] = ()) -> DataIndex:
        """``triples`` indexed once for :meth:`check`; ``also``: more predicates to index, for
        checks outside SHACL that read the same pass (``index.out``)."""
        return DataIndex(triples, self.relevant | frozenset(also))

    def check(self, data: DataIndex) -> list[ShaclResult]:
        """Every violation in the indexed data."""
        results: list[ShaclResult] = []
        for shape in self.roots:
            focus_nodes: set[Term] = set()
            for cls in shape.targets:
                focus_nodes |= data.instances_of(cls)
            for predicate in shape.subject_targets:
                focus_nodes |= data.subjects_of(predicate)
            for focus in focus_nodes:
                _check(shape, focus, data, results)
        return results


def _paths(shape: _Shape, seen: set[int]) -> Iterable[Term]:
    """Every predicate ``shape`` and the shapes it refers to read."""
    if id(shape) in seen:
        return
    seen.add(id(shape))
    if shape.path is not None:
        yield shape.path
    for inner in (*shape.nodes, *shape.nots, *(s for opts in shape.ors for s in opts), *shape.properties,
                  *([shape.qualified] if shape.qualified else [])):
        yield from _paths(inner, seen)


def _value_checks(shape: _Shape) -> list[Callable[[Term, DataIndex], tuple[str, str] | None]]:
    """The per-value constraints of ``shape``, each a function giving (component, message)
    on failure, built once so validation runs only the constraints the shape has."""
    checks: list[Callable[[Term, DataIndex], tuple[str, str] | None]] = []
    if shape.node_kind is not None:
        kinds, kind_name = shape.node_kind, shape.node_kind_name
        checks.append(lambda v, _d: None if isinstance(v, kinds) else
                      ("NodeKindConstraintComponent", f"Value is not of Node Kind {kind_name}"))
    if shape.datatype is not None:
        datatype = shape.datatype
        checks.append(lambda v, _d: None if _has_datatype(v, datatype) else
                      ("DatatypeConstraintComponent", f"Value is not Literal with datatype <{datatype}>"))
    for cls in shape.classes:
        checks.append(lambda v, d, c=cls: None if d.is_instance(v, c) else
                      ("ClassConstraintComponent", f"Value does not have class <{c.value}>"))
    if shape.values_in is not None:
        members = shape.values_in
        checks.append(lambda v, _d: None if v in members else ("InConstraintComponent", f"Value {v} not in list"))
    if shape.min_inclusive is not None:
        bound = shape.min_inclusive
        checks.append(lambda v, _d: None if _at_least(v, bound) else
                      ("MinInclusiveConstraintComponent", f"Value is not >= {bound}"))
    for inner in shape.nodes:
        checks.append(lambda v, d, s=inner: None if _check(s, v, d, None) else
                      ("NodeConstraintComponent", f"Value does not conform to Shape {s.name}"))
    for inner in shape.nots:
        checks.append(lambda v, d, s=inner: None if not _check(s, v, d, None) else
                      ("NotConstraintComponent", f"Node {v} conforms to shape {s.name}"))
    for options in shape.ors:
        checks.append(lambda v, d, o=options: None if any(_check(s, v, d, None) for s in o) else
                      ("OrConstraintComponent", f"Node {v} must conform to one or more shapes in sh:or"))
    return checks


def _check(shape: _Shape, focus: Term, data: DataIndex, out: list[ShaclResult] | None) -> bool:
    """Check ``focus`` against ``shape``; append results to ``out`` (None: just answer)."""
    failures: list[tuple[str, str]] = []
    if shape.path is None:
        values: Iterable[Term] = (focus,)
    else:
        values = data.values(focus, shape.path)
        if shape.min_count is not None and len(values) < shape.min_count:
            failures.append(("MinCountConstraintComponent",
                             f"Less than {shape.min_count} values on {focus}->{shape.path}"))
        if shape.max_count is not None and len(values) > shape.max_count:
            failures.append(("MaxCountConstraintComponent",
                             f"More than {shape.max_count} values on {focus}->{shape.path}"))
        if failures and out is None:
            return False
    checks = shape.value_checks
    if checks:
        for value in values:
            for check in checks:
                failure = check(value, data)
                if failure is not None:
                    if out is None:
                        return False
                    failures.append(failure)
    if shape.qualified is not None:
        n = sum(1 for value in values if _check(shape.qualified, value, data, None))
        if shape.qualified_min is not None and n < shape.qualified_min:
            failures.append(("QualifiedMinCountConstraintComponent", f"Focus node does not conform to shape {shape.name}"))
        if shape.qualified_max is not None and n > shape.qualified_max:
            failures.append(("QualifiedMaxCountConstraintComponent", f"Focus node does not conform to shape {shape.name}"))
    if failures:
        if out is None:
            return False
        path = str(shape.path) if shape.path is not None else None
        out.extend(ShaclResult(str(focus), path, shape.message or message, component) for component, message in failures)
    ok = not failures
    for prop in shape.properties:
        if not _check(prop, focus, data, out):
            ok = False
            if out is None:
                return False
    return ok


# -- literals: well-formed as rdflib (and so pySHACL) reads them ----------------------------------
_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    _XSD_STRING: (str, bytes), _LANG_STRING: (str, bytes), str(XSD.integer): (int,), str(XSD.float): (float,),
    str(XSD.decimal): (Decimal,), str(XSD.boolean): (bool,), str(XSD.date): (date,),
    str(XSD.dateTime): (datetime,), str(XSD.time): (time,)}
_WELL_TYPED: dict[tuple[str, str], bool] = {}


def _has_datatype(value: Term, datatype: str) -> bool:
    if not isinstance(value, ox.Literal):
        return False
    if value.language:
        return datatype == _LANG_STRING
    actual = value.datatype.value
    if actual == _LANG_STRING:  # no language tag: read as a plain string, as rdflib does
        actual = _XSD_STRING
    if datatype == _RDFS_LITERAL:
        return True
    if actual != datatype:
        return False
    if datatype == _XSD_STRING:
        return True
    key = (value.value, datatype)
    known = _WELL_TYPED.get(key)
    if known is None:
        literal = Literal(value.value, datatype=URIRef(datatype))
        expected = _PYTHON_TYPES.get(datatype)
        known = getattr(literal, "ill_typed", None) is not True and (
            expected is None or isinstance(literal.value, expected))
        if len(_WELL_TYPED) < 100_000:
            _WELL_TYPED[key] = known
    return known


def _at_least(value: Term, bound: Any) -> bool:
    if not isinstance(value, ox.Literal):
        return False
    if value.datatype.value == _INTEGER and value.value.isdigit():  # the common case: offsets
        return int(value.value) >= bound if isinstance(bound, int) else _compare(value, bound)
    return _compare(value, bound)


def _compare(value: ox.Literal, bound: Any) -> bool:
    parsed = Literal(value.value, lang=value.language or None,
                     datatype=None if value.language else URIRef(value.datatype.value)).value
    try:
        return bool(parsed >= bound)
    except TypeError:
        return False


# -- compiling ------------------------------------------------------------------------------------
def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Compile every shape with a ``sh:targetClass`` or ``sh:targetSubjectsOf`` in ``shapes``.

    :raises UnsupportedShapes: a shape uses SHACL that is not implemented here.
    """
    for s, p, o in shapes:
        for term in (p, o):
            if isinstance(term, URIRef) and str(term).startswith(str(SH)) and term not in _KNOWN:
                raise UnsupportedShapes(f"{term.n3(shapes.namespace_manager)} is not supported by the compiled validator")
        if p == RDF.type and o == SH.PropertyShape and not (None, SH.property, s) in shapes:
            raise UnsupportedShapes(f"top-level property shape {s} is not supported")
    compiled: dict[Any, _Shape] = {}
    targeted = {*shapes.subjects(SH.targetClass, None), *shapes.subjects(SH.targetSubjectsOf, None)}
    roots = [_compile(shapes, s, compiled) for s in sorted(targeted, key=str)]
    return CompiledShapes(roots)


def _compile(g: Graph, node: Any, compiled: dict[Any, _Shape], path: Any = None) -> _Shape:
    if node in compiled:
        return compiled[node]
    shape = _Shape(name=node.n3() if isinstance(node, URIRef) else "[]")
    compiled[node] = shape  # before recursing: recursive shapes terminate
    path = g.value(node, SH.path)
    if path is not None:
        if not isinstance(path, URIRef):
            raise UnsupportedShapes(f"property path {path} is not supported (IRI paths only)")
        shape.path = ox.NamedNode(str(path))
    message = g.value(node, SH.message)
    shape.message = str(message) if message is not None else None
    shape.min_count = _int(g.value(node, SH.minCount))
    shape.max_count = _int(g.value(node, SH.maxCount))
    datatype = g.value(node, SH.datatype)
    shape.datatype = str(datatype) if datatype is not None else None
    kind = g.value(node, SH.nodeKind)
    if kind is not None:
        shape.node_kind, shape.node_kind_name = _NODE_KINDS[kind], kind.n3(g.namespace_manager)
    shape.classes = [ox.NamedNode(str(c)) for c in g.objects(node, SH["class"])]
    members = g.value(node, SH["in"])
    if members is not None:
        shape.values_in = frozenset(_ox(t) for t in Collection(g, members))
    bound = g.value(node, SH.minInclusive)
    shape.min_inclusive = bound.value if isinstance(bound, Literal) else None
    shape.nodes = [_compile(g, n, compiled) for n in g.objects(node, SH.node)]
    shape.nots = [_compile(g, n, compiled) for n in g.objects(node, SH["not"])]
    shape.ors = [[_compile(g, n, compiled) for n in Collection(g, lst)] for lst in g.objects(node, SH["or"])]
    qualified = g.value(node, SH.qualifiedValueShape)
    if qualified is not None:
        shape.qualified = _compile(g, qualified, compiled)
        shape.qualified_min = _int(g.value(node, SH.qualifiedMinCount))
        shape.qualified_max = _int(g.value(node, SH.qualifiedMaxCount))
    shape.properties = [_compile(g, p, compiled) for p in g.objects(node, SH.property)]
    shape.targets = [ox.NamedNode(str(c)) for c in g.objects(node, SH.targetClass)]
    shape.subject_targets = [ox.NamedNode(str(p)) for p in g.objects(node, SH.targetSubjectsOf)]
    shape.value_checks = _value_checks(shape)
    return shape


def _int(term: Any) -> int | None:
    return int(term) if term is not None else None


def _ox(term: Any) -> Term:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
