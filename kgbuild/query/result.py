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

import re
from collections.abc import Iterator, Mapping
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

    Iterating gives one record per row (``len()`` rows): a dict column -> value with IRIs as
    :class:`rdflib.URIRef`, literals as Python values (``date``, ``int``, ``str``), ``None``
    when unbound, and the columns the saved query declares as lists (``# lists:``, e.g.
    ``attacker target state``) as lists. :meth:`to_dataframe` gives the same as a pandas
    DataFrame. ``rows`` are the flat values that CSV shows (IRIs as ``str``, lists
    space-joined); ``terms`` keeps the rdflib terms of the same rows; ``triples`` holds a
    CONSTRUCT/DESCRIBE answer (then iterating gives the triples).

    >>> from rdflib import Literal, URIRef, XSD
    >>> result = QueryResult(columns=["date", "target"], lists=("target",),
    ...     rows=[{"date": None, "target": "https://w3id.org/kgbuild/kb/IRQ urn:x"}],
    ...     terms=[{"date": Literal("2019-12-29", datatype=XSD.date),
    ...             "target": Literal("https://w3id.org/kgbuild/kb/IRQ urn:x")}])
    >>> len(result), [record["date"] for record in result]
    (1, [datetime.date(2019, 12, 29)])
    >>> next(iter(result))["target"]
    [rdflib.term.URIRef('https://w3id.org/kgbuild/kb/IRQ'), rdflib.term.URIRef('urn:x')]
    """

    columns: list[str]
    rows: list[dict[str, Any]]
    form: str = "SELECT"
    boolean: bool | None = None
    triples: list[tuple[Node, Node, Node]] = field(default_factory=list)
    terms: list[dict[str, Node]] = field(default_factory=list)
    name: str = ""
    used_inferred: bool = False
    lists: tuple[str, ...] = ()
    """Columns holding space-separated lists (from the saved query's ``# lists:`` header)."""

    def __len__(self) -> int:
        if self.form in ("CONSTRUCT", "DESCRIBE"):
            return len(self.triples)
        return 1 if self.form == "ASK" else len(self.rows)

    def __iter__(self) -> Iterator[Any]:
        if self.form in ("CONSTRUCT", "DESCRIBE"):
            return iter(self.triples)
        if self.form == "ASK":
            return iter([bool(self.boolean)])
        return self.records()

    def records(self) -> Iterator[dict[str, Any]]:
        """The rows with IRIs as ``URIRef``, literals as Python values, list columns as lists."""
        for row, terms in zip(self.rows, self.terms or [{}] * len(self.rows)):
            yield {c: _record_value(row.get(c), terms.get(c), is_list=c in self.lists) for c in self.columns}

    def to_dataframe(self) -> Any:
        """The records as a :class:`pandas.DataFrame` (one column per result column; a
        CONSTRUCT answer gives subject / predicate / object).

        :raises MissingExtraError: pandas is not installed (``pip install 'kgbuild[pandas]'``).
        :raises QueryError: an ASK answer, which is one boolean (``result.boolean``).
        """
        try:
            import pandas as pd
        except ImportError:
            from ..errors import MissingExtraError

            raise MissingExtraError("QueryResult.to_dataframe() needs pandas: "
                                    "pip install 'kgbuild[pandas]'") from None
        if self.form == "ASK":
            from ..errors import QueryError

            raise QueryError("an ASK query answers one boolean (result.boolean), not a table")
        if self.form in ("CONSTRUCT", "DESCRIBE"):
            return pd.DataFrame(self.triples, columns=["subject", "predicate", "object"])
        return pd.DataFrame.from_records(list(self.records()), columns=self.columns)


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


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|^`\\]+")


def _record_value(value: Any, term: Node | None, *, is_list: bool) -> Any:
    if is_list:
        return [URIRef(item) if _IRI.fullmatch(item) else item for item in str(value or "").split()]
    if isinstance(term, (URIRef, BNode)):
        return term
    if isinstance(term, Literal):
        return to_python(term)
    return value
