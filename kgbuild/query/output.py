"""Writing a :class:`QueryResult`: a rich table on a terminal, CSV / TSV / JSON / Turtle otherwise.

``json`` is SPARQL 1.1 Query Results JSON (what every SPARQL client reads); ``json-rows`` is
kgbuild's own ``{"columns": [...], "rows": [{...}]}`` of plain values. A table fits the
terminal's width: columns that do not fit are left out (the saved query's ``# table:``
header names the ones to keep first) and named under the table; CSV, TSV and JSON always
hold every column and full values.

>>> from kgbuild.query.result import QueryResult
>>> import io
>>> out = io.StringIO()
>>> write_result(QueryResult(columns=["a"], rows=[{"a": 1}]), out, fmt="csv")
>>> out.getvalue()
'a\\r\\n1\\r\\n'
>>> out = io.StringIO()
>>> write_result(QueryResult(columns=["a"], rows=[{"a": 1}]), out, fmt="json")
>>> json.loads(out.getvalue())["results"]["bindings"]
[{'a': {'type': 'literal', 'value': '1', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}}]
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from typing import IO, Any

from ..errors import QueryError
from ..namespace import DEFAULT_BASE, KB, KG, prefixes
from .result import QueryResult

__all__ = ["FORMATS", "write_result", "shorten", "sparql_json", "fit_columns"]

FORMATS = ("table", "csv", "tsv", "json", "json-rows", "turtle")
_PREFIXES = ((str(KB), "kb:"), (str(KG._NS), "kg:"), ("http://www.wikidata.org/entity/", "wd:"),
             (DEFAULT_BASE, "id:"))
_CELL = 160  # table cell lines longer than this are cut (csv/tsv/json keep everything)
_MIN_COLUMN = 12  # a table column is kept only if it gets at least this many characters


def shorten(value: str) -> str:
    """Prefixed names for the table view (``kb:IRQ``); other output keeps full IRIs."""
    for namespace, prefix in _PREFIXES:
        value = value.replace(namespace, prefix)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def write_result(result: QueryResult, out: IO[str], *, fmt: str, console: Any = None,
                 priority: tuple[str, ...] = ()) -> None:
    """Write ``result`` to ``out`` in ``fmt``.

    :param console: the rich console a table is printed on (its width is the table's).
    :param priority: columns a table keeps first when not all fit (a saved query's ``# table:``).
    :raises QueryError: a format that does not fit the query form (turtle for a SELECT).
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if result.form in ("CONSTRUCT", "DESCRIBE"):
        _write_graph(result, out, fmt=fmt)
        return
    if fmt == "turtle":
        raise QueryError("--format turtle is for CONSTRUCT / DESCRIBE queries; use csv, tsv, json or table")
    if result.form == "ASK":
        if fmt == "json":
            out.write(json.dumps(sparql_json(result)) + "\n")
        elif fmt == "json-rows":
            out.write(json.dumps({"boolean": bool(result.boolean)}) + "\n")
        else:
            out.write(("true" if result.boolean else "false") + "\n")
        return
    if fmt == "json":
        out.write(json.dumps(sparql_json(result), ensure_ascii=False, indent=2) + "\n")
        return
    if fmt == "json-rows":
        rows = [{c: _plain(r.get(c)) for c in result.columns} for r in result.rows]
        out.write(json.dumps({"columns": result.columns, "rows": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt in ("csv", "tsv"):
        writer = csv.writer(out, dialect="excel" if fmt == "csv" else "excel-tab")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if row.get(c) is None else _plain(row.get(c)) for c in result.columns])
        return
    _write_table(result, out, console=console, priority=priority)


def _write_table(result: QueryResult, out: IO[str], *, console: Any, priority: tuple[str, ...]) -> None:
    from rich.console import Console
    from rich.table import Table

    if console is None:
        import shutil

        console = Console(file=out, width=shutil.get_terminal_size().columns)
    cells = [[_table_cell(row.get(c), is_list=c in result.lists) for c in result.columns] for row in result.rows]
    shown = fit_columns(result.columns, cells, width=console.width, priority=priority)
    table = Table(show_lines=False, title=result.name or None)
    for column in shown:
        table.add_column(column, overflow="fold")
    index = [result.columns.index(c) for c in shown]
    for row in cells:
        table.add_row(*(row[i] for i in index))
    console.print(table)
    hidden = [c for c in result.columns if c not in shown]
    note = f"; not shown: {', '.join(hidden)} (--format csv has all)" if hidden else ""
    console.print(f"{len(result.rows)} row(s){note}", soft_wrap=False)


def fit_columns(columns: list[str], cells: list[list[str]], *, width: int,
                priority: tuple[str, ...] = ()) -> list[str]:
    """The columns a table of ``width`` characters shows, in their original order.

    Columns are taken in ``priority`` order, then the rest (long-text columns last), while
    each still gets ``_MIN_COLUMN`` characters (or its whole content, if shorter).

    >>> fit_columns(["event", "date", "evidence"], [["id:event/1", "2019-12-29", "x" * 80]], width=40)
    ['event', 'date']
    >>> fit_columns(["event", "date", "evidence"], [["id:event/1", "2019-12-29", "x" * 80]], width=40,
    ...             priority=("date", "evidence"))
    ['date', 'evidence']
    """
    natural = {c: max([len(c), *(len(line) for row in cells for line in row[i].split("\n"))])
               for i, c in enumerate(columns)}
    rest = sorted((c for c in columns if c not in priority), key=lambda c: natural[c] > 60)
    order = [c for c in priority if c in natural] + rest
    chosen: list[str] = []
    used = 1  # the table's left border
    for column in order:
        need = min(natural[column], max(len(column), _MIN_COLUMN)) + 3  # padding and border
        if used + need <= width or not chosen:
            chosen.append(column)
            used += need
    return [c for c in columns if c in chosen]


def sparql_json(result: QueryResult) -> dict[str, Any]:
    """``result`` as SPARQL 1.1 Query Results JSON (a SELECT or ASK answer)."""
    if result.form == "ASK":
        return {"head": {}, "boolean": bool(result.boolean)}
    terms = result.terms if len(result.terms) == len(result.rows) else [{} for _ in result.rows]
    bindings = []
    for row, row_terms in zip(result.rows, terms):
        binding = {}
        for column in result.columns:
            term = row_terms.get(column)
            if term is None and row.get(column) is not None:
                term = _as_term(row[column])
            if term is not None:
                binding[column] = _term_json(term)
        bindings.append(binding)
    return {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}


def _as_term(value: Any) -> Any:
    from rdflib import Literal

    return Literal(value)


def _term_json(term: Any) -> dict[str, str]:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype is not None:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def _table_cell(value: Any, *, is_list: bool) -> str:
    """A table cell: prefixed names, list items and chains one per line, long text cut."""
    if value is None:
        return ""
    text = shorten(str(_plain(value)))
    if is_list:
        return "\n".join(_cell(item) for item in text.split())
    return "\n".join(_cell(part) for part in text.split("; "))


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _CELL else text[:_CELL - 1] + "\u2026"


def _write_graph(result: QueryResult, out: IO[str], *, fmt: str) -> None:
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in prefixes().items():
        graph.bind(prefix, namespace)
    for triple in result.triples:
        graph.add(triple)
    rdf_format = {"turtle": "turtle", "table": "turtle", "json": "json-ld", "json-rows": "json-ld"}.get(fmt, "nt")
    options = {"context": prefixes()} if rdf_format == "json-ld" else {}
    out.write(graph.serialize(format=rdf_format, **options))
