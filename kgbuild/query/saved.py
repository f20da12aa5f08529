"""Saved queries: ``queries/*.rq`` files with a comment header, and the runner.

Header format (comment lines at the top of the file, before any query text)::

    # title: Attacks on state-affiliated forces
    # description: Attacks whose target is a State or affiliated with one.
    #   Continuation lines are indented.
    # param: as_of date optional -- count a dated membership only if as_of is within it
    # param: actor actor required -- the actor (KB id, QID, IRI or label)
    # param: limit integer = 100 -- at most this many rows
    # example: kgbuild query attacks-on-state-affiliated-forces --param as_of=2019-12-29
    # chain: target -> state
    # lists: attacker target state
    # table: date attacker target state chain

``chain`` asks the runner to assemble membership chains in Python between two columns
(holding IRIs, or space-separated IRI lists from GROUP_CONCAT) and applies ``as_of``;
``lists`` names columns holding space-separated lists, sorted for stable output (and given as
lists by :meth:`QueryResult.records <kgbuild.query.result.QueryResult.records>`); ``table``
names the columns a table narrower than the whole result shows first.
A sibling ``NAME.inferred.rq`` reads the materialised inferences and is used instead when
the store marks ``graph/inferred`` current; both forms must give the same answers.
Parameters are bound to the query variable of the same name, which the query projects.

>>> [q.name for q in list_saved()][:2]
['attacks-by-state-affiliated-forces', 'attacks-on-state-affiliated-forces']
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib.term import Node

from ..errors import QueryError
from ..resources import queries_dir
from .params import PARAM_TYPES, Param, bind_params
from .result import Backend, QueryResult, RawResult, to_python
from .sparql import parse_shape

__all__ = ["SavedQuery", "parse_header", "load_query", "list_saved", "run_saved", "run_text",
           "as_backend", "INFERRED_SUFFIX"]

INFERRED_SUFFIX = ".inferred.rq"
_KEYS = ("title", "description", "param", "example", "chain", "lists", "table")
_PARAM = re.compile(r"(?P<name>[a-z_][a-z0-9_]*)\s+(?P<type>[a-z\-]+)"
                    r"(?:\s+(?P<req>required|optional))?(?:\s*=\s*(?P<default>\S+))?"
                    r"(?:\s+--\s*(?P<desc>.*))?")


@dataclass(frozen=True, slots=True)
class SavedQuery:
    """One saved query and what its header declares."""

    name: str
    path: Path
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = ()
    chain: tuple[str, str] | None = None
    lists: tuple[str, ...] = ()
    table: tuple[str, ...] = ()
    inferred_text: str | None = field(default=None, repr=False)

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)


def parse_header(text: str, *, where: str = "query") -> dict[str, list[str]]:
    """The ``# key: value`` lines at the top of ``text`` (continuations joined)."""
    entries: list[tuple[str, str]] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        body = stripped[1:]
        match = re.match(r"\s?([a-z][a-z\-]*):\s*(.*)$", body)
        if match and match.group(1) in _KEYS:
            entries.append((match.group(1), match.group(2).strip()))
        elif match and not body.startswith("  "):
            raise QueryError(f"{where}: unknown header key {match.group(1)!r} "
                             f"(known: {', '.join(_KEYS)})")
        elif entries and body.startswith("  ") and body.strip():
            key, value = entries[-1]
            entries[-1] = (key, f"{value} {body.strip()}".strip())
    header: dict[str, list[str]] = {}
    for key, value in entries:
        header.setdefault(key, []).append(value)
    return header


def _parse_param(spec: str, *, where: str) -> Param:
    match = _PARAM.fullmatch(spec.strip())
    if not match:
        raise QueryError(f"{where}: cannot read parameter declaration {spec!r} "
                         "(expected: NAME TYPE [required|optional] [= DEFAULT] [-- description])")
    if match["type"] not in PARAM_TYPES:
        raise QueryError(f"{where}: parameter {match['name']}: unknown type {match['type']!r} "
                         f"(one of {', '.join(PARAM_TYPES)})")
    return Param(name=match["name"], type=match["type"], required=match["req"] == "required",
                 default=match["default"], description=(match["desc"] or "").strip())


def _from_file(path: Path, *, name: str | None = None) -> SavedQuery:
    """The query in ``path``, parsed once while the file and its ``.inferred.rq`` sibling keep
    their size and mtime (a saved query runs many times in a process: serve, benchmarks)."""
    sibling = _inferred_sibling(path)
    try:
        key = (str(path), name, _stamp(path), _stamp(sibling) if sibling else None)
    except OSError:
        key = None
    if key is not None and key in _PARSED:
        return _PARSED[key]
    query = _parse_file(path, name=name)
    if key is not None:
        if len(_PARSED) >= 256:
            _PARSED.clear()
        _PARSED[key] = query
    return query


_PARSED: dict[tuple[object, ...], SavedQuery] = {}


def _inferred_sibling(path: Path) -> Path | None:
    """``NAME.inferred.rq`` beside ``NAME.rq`` (None for a file not named ``*.rq``)."""
    return path.with_name(path.name[:-3] + INFERRED_SUFFIX) if path.name.endswith(".rq") else None


def _stamp(path: Path) -> tuple[int, int] | None:
    """(size, mtime) of a file, None when it does not exist (OSError when it cannot be read)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    return (info.st_size, info.st_mtime_ns)


def _parse_file(path: Path, *, name: str | None = None) -> SavedQuery:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    where = str(path)
    header = parse_header(text, where=where)
    chain = None
    if header.get("chain"):
        left, sep, right = header["chain"][0].partition("->")
        if not sep:
            raise QueryError(f"{where}: chain must read 'FROM_COLUMN -> TO_COLUMN'")
        chain = (left.strip(), right.strip())
    sibling = _inferred_sibling(path)
    inferred = sibling.read_text(encoding="utf-8") if sibling and sibling.is_file() else None
    return SavedQuery(
        name=name or path.stem, path=path, text=text,
        title=" ".join(header.get("title", [""])[:1]),
        description=" ".join(header.get("description", [])),
        params=tuple(_parse_param(p, where=where) for p in header.get("param", [])),
        examples=tuple(header.get("example", [])),
        chain=chain,
        lists=tuple(" ".join(header.get("lists", [])).split()),
        table=tuple(" ".join(header.get("table", [])).split()),
        inferred_text=inferred,
    )


def list_saved(folder: Path | None = None) -> list[SavedQuery]:
    """Every saved query (``*.rq`` except ``*.inferred.rq`` variants), sorted by name."""
    folder = folder or queries_dir()
    return [_from_file(p) for p in sorted(folder.glob("*.rq")) if not p.name.endswith(INFERRED_SUFFIX)]


def load_query(name_or_path: str | Path, *, folder: Path | None = None) -> SavedQuery:
    """A saved query by name, or any ``.rq`` file by path.

    :raises QueryError: no such saved query or file.
    """
    candidate = Path(name_or_path)
    if str(name_or_path).endswith(".rq") or candidate.is_file():
        if not candidate.is_file():
            raise QueryError(f"{candidate}: no such query file")
        return _from_file(candidate)
    folder = folder or queries_dir()
    path = folder / f"{name_or_path}.rq"
    if not path.is_file() or str(name_or_path).endswith(".inferred"):
        import difflib

        names = [q.name for q in list_saved(folder)]
        close = difflib.get_close_matches(str(name_or_path), names, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `kgbuild queries` lists them"
        raise QueryError(f"no saved query {str(name_or_path)!r}{hint}")
    return _from_file(path, name=str(name_or_path))


def as_backend(target: Any) -> Backend:
    """A back end from a GraphStore, an Endpoint, or a back end."""
    from ..store import GraphStore
    from .embedded import EmbeddedBackend

    if isinstance(target, GraphStore):
        return EmbeddedBackend(target)
    if hasattr(target, "run") and hasattr(target, "inferred_is_current"):
        return target
    raise TypeError(f"cannot query a {type(target).__name__}; pass a GraphStore or an Endpoint")


def run_saved(target: Any, name: str | Path, *, params: Mapping[str, str] | None = None,
              use_inferred: bool | None = None, folder: Path | None = None) -> QueryResult:
    """Run a saved query (or a ``.rq`` file) on a store or endpoint.

    :param target: a :class:`~kgbuild.store.GraphStore` or :class:`~kgbuild.query.Endpoint`.
    :param params: raw parameter values by name (validated and typed here).
    :param use_inferred: force (True) or forbid (False) the ``.inferred.rq`` variant;
        by default it is used when the store marks ``graph/inferred`` current.
    :raises ParameterError: unknown, missing or invalid parameter (exit code 2).
    :raises QueryError: unknown query or malformed SPARQL.
    :raises EndpointError: the endpoint failed.
    """
    saved = load_query(name, folder=folder)
    backend = as_backend(target)
    bound = bind_params(saved.params, dict(params or {}), backend=backend)
    text, inferred = saved.text, False
    if saved.inferred_text is not None:
        inferred = backend.inferred_is_current() if use_inferred is None else use_inferred
        text = saved.inferred_text if inferred else saved.text
    params = [p.name for p in saved.params]
    # parameter columns go at once, unless the chains still read them from the rows
    result = run_text(backend, text, bindings=bound, drop=None if saved.chain is not None else params)
    result.name, result.used_inferred = saved.name, inferred
    result.lists = saved.lists
    if saved.lists:
        _sort_lists(result, saved.lists)
    if saved.chain is not None:
        from .chains import apply_chains

        as_of = bound.get("as_of")
        apply_chains(backend, result, saved.chain,
                     as_of=dt.date.fromisoformat(str(as_of)) if as_of is not None else None,
                     strict=as_of is not None)
    _drop_columns(result, set(params))
    return result


def run_text(target: Any, sparql: str, *, bindings: Mapping[str, Node] | None = None,
             drop: list[str] | None = None) -> QueryResult:
    """Run SPARQL text; parameters bind only to variables the query projects."""
    backend = as_backend(target)
    shape = parse_shape(sparql)
    bindings = dict(bindings or {})
    if shape.form == "SELECT":
        bindings = {k: v for k, v in bindings.items() if shape.select_all or k in shape.projection}
    raw = backend.run(sparql, bindings=bindings)
    return _to_result(raw, drop=set(drop or ()))


def _to_result(raw: RawResult, *, drop: set[str]) -> QueryResult:
    columns = [c for c in raw.columns if c not in drop]
    terms = [{c: row[c] for c in columns if c in row} for row in raw.rows] if drop & set(raw.columns) else raw.rows
    values: dict[int, Any] = {}  # by id: back ends hand out one object per distinct term

    def value(term: Node | None) -> Any:
        key = id(term)
        if key not in values:
            values[key] = to_python(term)
        return values[key]

    rows = [{c: value(row.get(c)) for c in columns} for row in terms]
    return QueryResult(columns=columns, rows=rows, form=raw.form, boolean=raw.boolean,
                       triples=raw.triples, terms=terms)


def _drop_columns(result: QueryResult, names: set[str]) -> None:
    if names.isdisjoint(result.columns):
        return
    result.columns = [c for c in result.columns if c not in names]
    result.rows = [{c: r.get(c) for c in result.columns} for r in result.rows]
    result.terms = [{c: t[c] for c in result.columns if c in t} for t in result.terms]


def _sort_lists(result: QueryResult, columns: tuple[str, ...]) -> None:
    from rdflib import Literal

    for row, terms in zip(result.rows, result.terms):
        for col in columns:
            if isinstance(row.get(col), str):
                text = " ".join(sorted(set(row[col].split())))
                if text != row[col] or not isinstance(terms.get(col), Literal) \
                        or terms[col].datatype is not None or terms[col].language:
                    terms[col] = Literal(text)
                row[col] = text

