"""Result types shared by the embedded and remote back ends.

Back ends return :class:`RawResult` (rdflib terms); :func:`to_python` turns a term into the
plain Python value a :class:`QueryResult` row holds (IRIs as strings, ``xsd:date`` as
:class:`datetime.date`, integers as ``int``).

>>> from rdflib import Literal, URIRef, XSD
>>> to_python(Literal("2019-12-29", datatype=XSD.date))
datetime.date(2019, 12, 29)
>>> to_python(URIRef("https://w3id.org/kgbuild/kb/IRQ"))
'https://w3id.org/kgbuild/kb/IRQ'
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["RawResult", "QueryResult", "Backend", "to_python"]


@dataclass(slots=True)
class RawResult:
    """A query answer as rdflib terms (unbound variables are absent from a row)."""

    form: str                                     # SELECT | ASK | CONSTRUCT | DESCRIBE
    columns: list[str] = field(default_factory=list)
    rows: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)


@dataclass(slots=True)
class QueryResult:
    """What :func:`kgbuild.query.run_saved` returns.

    ``rows`` are dicts column -> Python value (``None`` when unbound); ``terms`` keeps the
    rdflib terms of the same rows; ``triples`` holds a CONSTRUCT/DESCRIBE answer.
    """

    columns: list[str]
    rows: list[dict[str, Any]]
    form: str = "SELECT"
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    terms: list[dict[str, Node]] = field(default_factory=list)
    name: str = ""
    used_inferred: bool = False


class Backend(Protocol):
    """Where queries run: the embedded store or a remote endpoint."""

    base: str

    def run(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
            dataset: bool = True) -> RawResult:
        """Evaluate with ``bindings`` pre-bound; ``dataset``: make the default graph the union."""
        ...

    def inferred_is_current(self) -> bool:
        """True when the inferred graph holds ``kg:isCurrent true``."""
        ...

    def describe(self) -> str:
        """A short name for messages (a path or a URL without credentials)."""
        ...


def to_python(term: Node | None) -> Any:
    """An rdflib term as a plain Python value."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        value = term.toPython()
        return str(term) if isinstance(value, Literal) else value
    return str(term)
