"""Lexical surgery on SPARQL text, done with a real tokenizer and parser, never regexes on text.

Five jobs: tell a query's form (SELECT / ASK / CONSTRUCT / DESCRIBE) and projected variables
from rdflib's SPARQL parser (so comments and strings cannot fool it); find where the query's
dataset clause and outermost ``WHERE`` group begin and end, so that ``FROM`` clauses, an inline
``VALUES`` block or a ``GRAPH`` wrapper can be put at the right place; tell whether a query
names graphs (``GRAPH``), which decides how a server is made to read the union of all graphs;
and take a final ``ORDER BY`` of plain variables off, for a client that sorts the rows itself.

>>> q = "PREFIX kg: <urn:x#> # WHERE { not here\\nSELECT ?s WHERE { ?s ?p ?o }"
>>> query_form(q)
'SELECT'
>>> add_from(q, ["urn:x-arq:UnionGraph"]).splitlines()[1]
'SELECT ?s FROM <urn:x-arq:UnionGraph> WHERE { ?s ?p ?o }'
>>> names_graphs(q), names_graphs("SELECT ?g { GRAPH ?g { ?s ?p 'GRAPH' } }")
(False, True)
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rdflib.term import Node

from ..errors import QueryError

__all__ = ["QueryShape", "OrderKey", "parse_shape", "query_form", "add_from", "add_values", "names_graphs",
           "wrap_where", "split_order_by"]

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*")
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
          "DescribeQuery": "DESCRIBE"}


@dataclass(frozen=True, slots=True)
class QueryShape:
    """What the parser says about a query."""

    form: str                      # SELECT | ASK | CONSTRUCT | DESCRIBE
    projection: tuple[str, ...]    # projected variable names (SELECT only; () for SELECT *)
    select_all: bool


@functools.lru_cache(maxsize=256)  # saved queries are parsed on every run: parse each text once
def parse_shape(sparql: str) -> QueryShape:
    """Parse with rdflib's SPARQL grammar.

    :raises QueryError: the text is not a SPARQL query (updates are refused too).
    """
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parsed = parseQuery(sparql)
    except Exception as exc:  # pyparsing raises its own ParseException family
        raise QueryError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from exc
    body = parsed[1]
    form = _FORMS.get(body.name)
    if form is None:
        raise QueryError(f"unsupported query form {body.name}")
    names: list[str] = []
    projection = body.get("projection") if form == "SELECT" else None
    if form == "SELECT" and isinstance(projection, list):
        for item in projection:
            var = item["evar"] if "evar" in item else item["var"]
            names.append(str(var))
    return QueryShape(form=form, projection=tuple(names),
                      select_all=form == "SELECT" and not names)


def query_form(sparql: str) -> str:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``, from the parsed query."""
    return parse_shape(sparql).form


@dataclass(frozen=True, slots=True)
class _Marks:
    dataset_at: int      # where FROM clauses go (before WHERE / the outermost group)
    group_at: int        # index just after the '{' opening the outermost WHERE group
    group_end: int       # index of the '}' closing it
    has_from: bool
    names_graphs: bool   # a GRAPH keyword anywhere in the query
    template_is_where: bool  # CONSTRUCT WHERE { ... }: the group is also the template


@functools.lru_cache(maxsize=256)
def _scan(sparql: str) -> _Marks:
    """Walk the query once, skipping comments, strings and IRIs, tracking nesting."""
    i, n = 0, len(sparql)
    braces = parens = 0
    form_seen = False
    where_at: int | None = None
    has_from = names_graphs = False
    first_group: int | None = None
    group_end: int | None = None
    construct = False
    template_seen = False
    while i < n:
        c = sparql[i]
        if c == "#":
            j = sparql.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if c in "\"'":
            quote = c * 3 if sparql.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote)
            continue
        if c == "<":
            m = _IRIREF.match(sparql, i)
            if m:
                i = m.end()
                continue
        if c in "?$":
            m = _WORD.match(sparql, i + 1)
            i = m.end() if m else i + 1
            continue
        if c.isalpha() or c == "_":
            m = _WORD.match(sparql, i)
            assert m is not None
            word = m.group().upper()
            prev = sparql[i - 1] if i else " "
            keyword = prev != ":" and not sparql.startswith(":", m.end())
            if keyword and word == "GRAPH":
                names_graphs = True
            if keyword and braces == 0 and parens == 0 and first_group is None:
                if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                    form_seen = True
                    construct = word == "CONSTRUCT"
                elif word == "WHERE" and form_seen and where_at is None:
                    where_at = i
                elif word == "FROM" and form_seen:
                    has_from = True
            i = m.end()
            continue
        if c == "(":
            parens += 1
        elif c == ")":
            parens -= 1
        elif c == "{":
            if (braces == 0 and form_seen and parens == 0 and first_group is None
                    and not (construct and where_at is None)):
                first_group = i
            elif braces == 0 and construct and where_at is None and first_group is None:
                template_seen = True
            braces += 1
        elif c == "}":
            braces -= 1
            if braces == 0 and first_group is not None and group_end is None:
                group_end = i
        i += 1
    if first_group is None or group_end is None:
        raise QueryError("cannot find the query's WHERE clause")
    dataset_at = where_at if where_at is not None else first_group
    return _Marks(dataset_at=dataset_at, group_at=first_group + 1, group_end=group_end, has_from=has_from,
                  names_graphs=names_graphs, template_is_where=construct and not template_seen)


def add_from(sparql: str, graphs: Sequence[str]) -> str:
    """Insert ``FROM <g>`` clauses before the WHERE clause (unless the query has its own)."""
    marks = _scan(sparql)
    if marks.has_from or not graphs:
        return sparql
    clause = " ".join(f"FROM <{g}>" for g in graphs)
    head = sparql[:marks.dataset_at].rstrip()
    return f"{head} {clause} {sparql[marks.dataset_at:]}"


def names_graphs(sparql: str) -> bool:
    """Whether the query uses ``GRAPH`` (outside comments, strings and IRIs)."""
    return _scan(sparql).names_graphs


def wrap_where(sparql: str, graph: str) -> str:
    """The outermost WHERE group wrapped in ``GRAPH <graph> { ... }`` (its default-graph
    patterns then read ``graph``, while nested ``GRAPH ?g`` patterns still read the named
    graphs). Unchanged when the query has its own FROM, or is a ``CONSTRUCT WHERE``.

    >>> wrap_where("ASK { ?s ?p ?o } ", "urn:u")
    'ASK { GRAPH <urn:u> { ?s ?p ?o } } '
    """
    marks = _scan(sparql)
    if marks.has_from or marks.template_is_where:
        return sparql
    inner = sparql[marks.group_at:marks.group_end]
    return f"{sparql[:marks.group_at]} GRAPH <{graph}> {{{inner}}} {sparql[marks.group_end:]}"


def add_values(sparql: str, bindings: Mapping[str, Node]) -> str:
    """Open the outermost WHERE group with ``VALUES (?a ?b) { (t1 t2) }``.

    Terms are written with rdflib's N-Triples serialisation (escaped); callers validate IRIs.
    """
    if not bindings:
        return sparql
    marks = _scan(sparql)
    names = " ".join(f"?{k}" for k in bindings)
    terms = " ".join(_term(t) for t in bindings.values())
    block = f"\n  VALUES ({names}) {{ ({terms}) }}\n"
    return sparql[:marks.group_at] + block + sparql[marks.group_at:]


def _term(term: Node) -> str:
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        if _IRIREF.fullmatch(f"<{term}>") is None:
            raise QueryError(f"not a valid IRI: {str(term)[:60]!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        text = str(term)
        for raw, esc in (("\\", "\\\\"), ('"', '\\"'), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t")):
            text = text.replace(raw, esc)
        if term.language:
            if not re.fullmatch(r"[A-Za-z]+(-[A-Za-z0-9]+)*", term.language):
                raise QueryError(f"bad language tag {term.language!r}")
            return f'"{text}"@{term.language}'
        if term.datatype is not None:
            return f'"{text}"^^{_term(URIRef(term.datatype))}'
        return f'"{text}"'
    raise QueryError(f"cannot bind {type(term).__name__} as a parameter")


@dataclass(frozen=True, slots=True)
class OrderKey:
    """One key of an ``ORDER BY``: a variable, ascending unless ``descending``."""

    variable: str
    descending: bool = False


_TAIL_TOKEN = re.compile(r"""\s+|\#[^\n]*|[?$][A-Za-z0-9_]+|[A-Za-z_][A-Za-z0-9_]*
                            |"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|<[^<>\s]*>|.""", re.VERBOSE)


@functools.lru_cache(maxsize=256)
def split_order_by(sparql: str) -> tuple[str, tuple[OrderKey, ...]] | None:
    """The query without its outermost ``ORDER BY``, and that clause's keys; None unless the
    query is a SELECT whose ``ORDER BY`` sorts by projected variables only (``?v``,
    ``ASC(?v)``, ``DESC(?v)``) and no ``LIMIT`` or ``OFFSET`` follows (sorting the answer
    afterwards then gives the rows the clause would).

    >>> q = "SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY DESC(?b) ?a"
    >>> text, keys = split_order_by(q)
    >>> text, [(k.variable, k.descending) for k in keys]
    ('SELECT ?a ?b WHERE { ?a ?p ?b } ', [('b', True), ('a', False)])
    >>> split_order_by(q + " LIMIT 3") is None, split_order_by("SELECT ?a { ?a ?p ?b } ORDER BY STR(?a)")
    (True, None)
    """
    shape = parse_shape(sparql)
    if shape.form != "SELECT":
        return None
    tail_at = _scan(sparql).group_end + 1
    tokens = [(m.start(), m.group()) for m in _TAIL_TOKEN.finditer(sparql, tail_at)
              if not m.group().isspace() and not m.group().startswith("#")]
    words = [t.upper() for _, t in tokens]
    if "LIMIT" in words or "OFFSET" in words:
        return None
    starts = [i for i in range(len(words) - 1) if words[i] == "ORDER" and words[i + 1] == "BY"]
    if len(starts) != 1:
        return None
    first = starts[0]
    keys: list[OrderKey] = []
    i = first + 2
    while i < len(tokens) and words[i] != "VALUES":
        word = tokens[i][1]
        if word[0] in "?$":
            keys.append(OrderKey(word[1:]))
            i += 1
        elif words[i] in ("ASC", "DESC") and words[i + 1:i + 2] == ["("] and words[i + 3:i + 4] == [")"] \
                and tokens[i + 2][1][0] in "?$":
            keys.append(OrderKey(tokens[i + 2][1][1:], descending=words[i] == "DESC"))
            i += 4
        else:
            return None
    if not keys or not (shape.select_all or all(k.variable in shape.projection for k in keys)):
        return None
    end = tokens[i][0] if i < len(tokens) else len(sparql)
    return sparql[:tokens[first][0]] + sparql[end:], tuple(keys)
