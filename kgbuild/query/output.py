"""Writing a :class:`QueryResult`: a rich table on a terminal, CSV / TSV / JSON / Turtle otherwise.

>>> from kgbuild.query.result import QueryResult
>>> import io
>>> out = io.StringIO()
>>> write_result(QueryResult(columns=["a"], rows=[{"a": 1}]), out, fmt="csv")
>>> out.getvalue()
'a\\r\\n1\\r\\n'
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from typing import IO, Any

from ..errors import QueryError
from ..namespace import DEFAULT_BASE, KB, KG
from .result import QueryResult

__all__ = ["FORMATS", "write_result", "shorten"]

FORMATS = ("table", "csv", "tsv", "json", "turtle")
_PREFIXES = ((str(KB), "kb:"), (str(KG._NS), "kg:"), ("http://www.wikidata.org/entity/", "wd:"),
             (DEFAULT_BASE, "id:"))
_CELL = 90  # table cells longer than this are cut (csv/tsv/json keep everything)


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


def write_result(result: QueryResult, out: IO[str], *, fmt: str, console: Any = None) -> None:
    """Write ``result`` to ``out`` in ``fmt``.

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
            out.write(json.dumps({"boolean": bool(result.boolean)}) + "\n")
        else:
            out.write(("true" if result.boolean else "false") + "\n")
        return
    if fmt == "json":
        rows = [{c: _plain(r.get(c)) for c in result.columns} for r in result.rows]
        out.write(json.dumps({"columns": result.columns, "rows": rows}, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt in ("csv", "tsv"):
        writer = csv.writer(out, dialect="excel" if fmt == "csv" else "excel-tab")
        writer.writerow(result.columns)
        for row in result.rows:
            writer.writerow(["" if row.get(c) is None else _plain(row.get(c)) for c in result.columns])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, title=result.name or None)
    for column in result.columns:
        table.add_column(column, overflow="fold")
    for row in result.rows:
        table.add_row(*("" if row.get(c) is None else _cell(shorten(str(_plain(row.get(c)))))
                        for c in result.columns))
    console = console or Console(file=out, width=None if getattr(out, "isatty", lambda: False)() else 200)
    console.print(table)
    console.print(f"{len(result.rows)} row(s)")


def _cell(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _CELL else text[:_CELL - 1] + "\u2026"


def _write_graph(result: QueryResult, out: IO[str], *, fmt: str) -> None:
    from rdflib import Graph

    graph = Graph()
    graph.bind("kg", str(KG._NS))
    graph.bind("kb", str(KB))
    for triple in result.triples:
        graph.add(triple)
    rdf_format = {"turtle": "turtle", "table": "turtle", "json": "json-ld"}.get(fmt, "nt")
    out.write(graph.serialize(format=rdf_format))
