"""Typed, validated query parameters.

Every value becomes an RDF term here (IRIs checked, dates parsed, integers parsed, strings
plain literals), so nothing a user types is ever pasted into query text: the embedded back
end passes terms through pyoxigraph ``substitutions``, the remote one through an escaped
``VALUES`` block. Actor parameters are resolved through the store's own labels, KB ids and
Wikidata links, so they work on endpoints as well.

>>> convert("date", "2019-12-29", name="as_of")
rdflib.term.Literal('2019-12-29', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#date'))
>>> convert("date", "2019-13-01", name="as_of")
Traceback (most recent call last):
kgbuild.errors.ParameterError: parameter as_of: '2019-13-01' is not a date (YYYY-MM-DD)
"""
from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from ..errors import ParameterError
from ..namespace import KB, KG
from ..vocabulary import EventClass

if TYPE_CHECKING:
    from .result import Backend

__all__ = ["Param", "PARAM_TYPES", "EVENT_TYPES", "convert", "bind_params", "resolve_actor"]

PARAM_TYPES = ("iri", "actor", "date", "string", "integer", "event-type")
EVENT_TYPES: tuple[str, ...] = tuple(EventClass)  # from the ontology (kgbuild/vocabulary.py)
_IRI = re.compile(r'[A-Za-z][A-Za-z0-9+.\-]*:[^<>"{}|^`\\\x00-\x20]+')
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_INT = re.compile(r"[+-]?\d{1,18}")
_PREFIXES = {"kb": str(KB), "kg": str(KG._NS), "wd": "http://www.wikidata.org/entity/"}


@dataclass(frozen=True, slots=True)
class Param:
    """One declared parameter of a saved query."""

    name: str
    type: str
    required: bool = False
    default: str | None = None
    description: str = ""

    def usage(self) -> str:
        """``name=TYPE`` with its default, for listings."""
        text = f"{self.name}={self.type}"
        if self.default is not None:
            text += f" (default {self.default})"
        elif not self.required:
            text += " (optional)"
        return text


def convert(kind: str, value: str, *, name: str) -> Node:
    """Turn a raw string into a term of ``kind`` (not ``actor``: see :func:`resolve_actor`)."""
    if kind == "string":
        return Literal(value)
    if kind == "date":
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            return Literal(dt.date.fromisoformat(value).isoformat(), datatype=XSD.date)
        except ValueError:
            raise ParameterError(f"parameter {name}: {_show(value)} is not a date (YYYY-MM-DD)") from None
    if kind == "integer":
        if not _INT.fullmatch(value):
            raise ParameterError(f"parameter {name}: {_show(value)} is not an integer")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "iri":
        return _iri(value, name=name)
    if kind == "event-type":
        wanted = value.rsplit("#", 1)[-1] if value.startswith(str(KG._NS)) else value
        wanted = wanted.removeprefix("kg:").replace("-", "").replace("_", "").lower()
        for event_type in EVENT_TYPES:
            if event_type.lower() == wanted:
                return URIRef(str(KG._NS) + event_type)
        raise ParameterError(f"parameter {name}: {_show(value)} is not an event type "
                             f"(one of {', '.join(EVENT_TYPES)})")
    raise ParameterError(f"parameter {name}: unknown parameter type {kind!r}")


def _iri(value: str, *, name: str) -> URIRef:
    prefix, sep, local = value.partition(":")
    if sep and prefix in _PREFIXES and not local.startswith("//"):
        value = _PREFIXES[prefix] + local
    if not _IRI.fullmatch(value):
        raise ParameterError(f"parameter {name}: {_show(value)} is not an absolute IRI")
    return URIRef(value)


def _show(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def bind_params(params: tuple[Param, ...], raw: Mapping[str, str], *,
                backend: Backend | None) -> dict[str, Node]:
    """Validate ``raw`` against the declared ``params`` and return name -> term.

    Optional parameters without a value or default are left out (unbound).

    :raises ParameterError: unknown name, missing required value, or a bad value.
    """
    declared = {p.name: p for p in params}
    unknown = sorted(set(raw) - set(declared))
    if unknown:
        known = ", ".join(declared) or "none"
        raise ParameterError(f"unknown parameter {unknown[0]!r} (this query takes: {known})")
    bound: dict[str, Node] = {}
    for param in params:
        value = raw.get(param.name, param.default)
        if value is None or value == "":
            if param.required:
                raise ParameterError(f"missing parameter {param.name} ({param.type}); "
                                     f"pass --param {param.name}=VALUE")
            continue
        if param.type == "actor":
            if backend is None:
                raise ParameterError(f"parameter {param.name}: actors need a store to resolve against")
            bound[param.name] = resolve_actor(backend, value, name=param.name)
        else:
            bound[param.name] = convert(param.type, value, name=param.name)
    return bound


_NAME_ROWS = """
PREFIX kg: <https://w3id.org/kgbuild/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
SELECT DISTINCT ?actor ?p ?name WHERE {
  GRAPH ?g { ?actor ?p ?name }
  VALUES ?p { kg:kbId skos:prefLabel skos:altLabel schema:sameAs }
"""
_NAMES_QUERY = _NAME_ROWS + "}\n"
# the same rows, cut down inside the store to names that can normalise to ``?key``: a pure-ASCII
# name normalises exactly like LCASE + dropping non-alphanumerics; any other name is kept and
# normalised in Python (a full read of ~12k names and their conversion cost ~0.2 s per call)
_CANDIDATES_QUERY = _NAME_ROWS + """  BIND(IF(?p = schema:sameAs, REPLACE(STR(?name), "^.*/", ""), STR(?name)) AS ?text)
  FILTER(REGEX(?text, "[^\\u0000-\\u007F]") || REPLACE(LCASE(?text), "[^0-9a-z]", "") = ?key)
}
"""
_RANK = {str(KG.kbId): 0, "http://schema.org/sameAs": 0,
         "http://www.w3.org/2004/02/skos/core#prefLabel": 1,
         "http://www.w3.org/2004/02/skos/core#altLabel": 2}


@functools.lru_cache(maxsize=65536)  # the same few thousand KB names come back on every call
def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def resolve_actor(backend: Backend, value: str, *, name: str = "actor") -> URIRef:
    """Resolve a KB id, Wikidata QID, IRI or label/alias to the actor's IRI.

    Names are read with one fixed query (no user text in it) and matched in Python,
    ignoring case, accents and punctuation ("Kataib Hezbollah" finds "Kata'ib Hezbollah").

    On the embedded store the answer is remembered while the store's data is unchanged
    (:meth:`~kgbuild.query.embedded.EmbeddedBackend.data_token`), so a process that runs many
    queries resolves each name once.

    :raises ParameterError: unknown or ambiguous, with close candidates.
    """
    value = value.strip()
    token = getattr(backend, "data_token", lambda: None)()
    if token is None:
        return _resolve(backend, value, name=name)
    key = (token, value, name)
    if key not in _RESOLVED:
        if len(_RESOLVED) >= 256:
            _RESOLVED.clear()
        try:
            _RESOLVED[key] = _resolve(backend, value, name=name)
        except ParameterError as exc:
            _RESOLVED[key] = exc
    answer = _RESOLVED[key]
    if isinstance(answer, ParameterError):
        raise ParameterError(str(answer))
    return answer


#: (data token, value, parameter name) -> actor IRI or the error resolving it gave
_RESOLVED: dict[tuple[object, str, str], URIRef | ParameterError] = {}


def _resolve(backend: Backend, value: str, *, name: str) -> URIRef:
    if ":" in value and not value.lower().startswith("q"):
        iri = str(_iri(value, name=name))
        if iri in {a for a, _, _ in _names(backend, _NAMES_QUERY)}:
            return URIRef(iri)
        raise ParameterError(f"parameter {name}: {_show(value)} is not an actor in the store")
    key = _norm(value)
    names = _names(backend, _CANDIDATES_QUERY, key=key) if key else []
    hits = sorted({(_RANK.get(p, 3), a) for a, p, text in names if _norm(text) == key and key})
    if hits:
        best = [a for rank, a in hits if rank == hits[0][0]]
        if len(best) == 1:
            return URIRef(best[0])
        raise ParameterError(f"parameter {name}: {_show(value)} is ambiguous: "
                             f"{', '.join(_short(a) for a in best[:6])}; pass a KB id or IRI")
    names = _names(backend, _NAMES_QUERY)  # the full list only for suggestions
    pool = {_norm(text): text for _, p, text in names if p != "http://schema.org/sameAs"}
    close = difflib.get_close_matches(key, list(pool), n=5, cutoff=0.6)
    hint = f"; did you mean: {', '.join(repr(pool[c]) for c in close)}" if close else ""
    raise ParameterError(f"parameter {name}: unknown actor {_show(value)}{hint}")


def _names(backend: Backend, query: str, *, key: str | None = None) -> list[tuple[str, str, str]]:
    """(actor, predicate, name) rows; a sameAs name is the last segment of the linked IRI."""
    raw = backend.run(query, bindings=None if key is None else {"key": Literal(key)})
    names: list[tuple[str, str, str]] = []
    for row in raw.rows:
        actor, pred, label = row.get("actor"), row.get("p"), row.get("name")
        if isinstance(actor, URIRef) and pred is not None and label is not None:
            text = str(label)
            if str(pred) == "http://schema.org/sameAs":
                text = text.rsplit("/", 1)[-1]
            names.append((str(actor), str(pred), text))
    return names


def _short(iri: str) -> str:
    return "kb:" + iri[len(str(KB)):] if iri.startswith(str(KB)) else iri
