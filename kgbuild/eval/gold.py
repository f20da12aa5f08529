"""Gold annotation files (``docs/gold-format.md``): typed records, loading and validation.

>>> import json, tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "a1.json"
>>> _ = path.write_text(json.dumps({"doc": {"id": "a1"}, "entities": [
...     {"id": "US", "label": "United States", "type": ["State"], "wikidata": "Q30"}]}))
>>> gold = load_gold(path)
>>> gold.doc.id, gold.entities[0].types, sorted(gold.scope)
('a1', ('State',), ['answers', 'claims', 'entities', 'events', 'relations'])
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EvalError
from ..vocabulary import ActorClass, AttackMode, EventClass, Relation

__all__ = [
    "ACTOR_CLASSES", "EVENT_CLASSES", "ATTACK_MODES", "RELATION_PREDICATES", "PARTS",
    "GoldDoc", "GoldEntity", "GoldRelation", "GoldEvent", "GoldClaim", "GoldFile",
    "load_gold", "gold_paths",
]

#: The closed lists come from the ontology (kgbuild/vocabulary.py is generated from it).
ACTOR_CLASSES: tuple[str, ...] = tuple(ActorClass)
EVENT_CLASSES: tuple[str, ...] = tuple(EventClass)
ATTACK_MODES: tuple[str, ...] = tuple(AttackMode)
RELATION_PREDICATES: tuple[str, ...] = tuple(Relation)
#: The parts of a gold file that can be scored (and named in ``scope``).
PARTS: tuple[str, ...] = ("entities", "relations", "events", "claims", "answers")

_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    file: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    label: str
    types: tuple[str, ...]
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldRelation:
    subject: str
    predicate: str
    object: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    types: tuple[str, ...]
    agent: tuple[str, ...]
    target: tuple[str, ...]
    date: str | None
    place: str | None
    evidence: str = ""
    mode: str | None = None
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldClaim:
    sources: tuple[str, ...]
    subject: str
    predicate: str
    object: str
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class GoldFile:
    """One validated gold file."""

    path: Path
    doc: GoldDoc
    entities: tuple[GoldEntity, ...]
    relations: tuple[GoldRelation, ...]
    events: tuple[GoldEvent, ...]
    claims: tuple[GoldClaim, ...]
    answers: dict[str, tuple[str, ...]]
    scope: frozenset[str]

    def entity(self, entity_id: str) -> GoldEntity:
        return next(e for e in self.entities if e.id == entity_id)

    def event(self, event_id: str) -> GoldEvent:
        return next(e for e in self.events if e.id == event_id)


def gold_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Expand folders to their ``*.json`` files (sorted); keep files as given.

    :raises EvalError: a path does not exist, or a folder holds no gold file.
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.json") if p.is_file())
            if not found:
                raise EvalError(f"{path}: no gold files (*.json) in this folder")
            out.extend(found)
        elif path.is_file():
            out.append(path)
        else:
            raise EvalError(f"{path}: gold file not found")
    return out


def load_gold(path: Path | str) -> GoldFile:
    """Read and validate one gold file.

    :raises EvalError: the file is missing, is not JSON, or breaks the gold format
        (the message names the file and the offending field).
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EvalError(f"{path}: gold file not found") from None
    except OSError as exc:
        raise EvalError(f"{path}: cannot read gold file: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not valid JSON: {exc}") from exc
    try:
        return _parse(path, data)
    except _Invalid as exc:
        raise EvalError(f"{path}: invalid gold file: {exc}") from None


class _Invalid(Exception):
    pass


def _parse(path: Path, data: Any) -> GoldFile:
    obj = _mapping(data, "top level")
    doc_raw = _mapping(obj.get("doc"), "doc")
    doc = GoldDoc(id=_string(doc_raw.get("id"), "doc.id"),
                  file=_opt_string(doc_raw.get("file"), "doc.file"),
                  published=_opt_date(doc_raw.get("published"), "doc.published"),
                  author=_opt_string(doc_raw.get("author"), "doc.author"))
    entities = tuple(_entity(e, f"entities[{i}]") for i, e in enumerate(_list(obj, "entities")))
    ids = [e.id for e in entities]
    _unique(ids, "entities")
    known = set(ids)
    relations = tuple(_relation(r, f"relations[{i}]", known)
                      for i, r in enumerate(_list(obj, "relations")))
    events = tuple(_event(e, f"events[{i}]", known) for i, e in enumerate(_list(obj, "events")))
    event_ids = [e.id for e in events]
    _unique(event_ids, "events")
    claims = tuple(_claim(c, f"claims[{i}]", known) for i, c in enumerate(_list(obj, "claims")))
    answers: dict[str, tuple[str, ...]] = {}
    for name, value in _mapping(obj.get("answers", {}), "answers").items():
        refs = _id_list(value, f"answers.{name}", empty=True)
        for ref in refs:
            if ref not in event_ids:
                raise _Invalid(f"answers.{name}: unknown event id {ref!r}")
        answers[name] = refs
    scope_raw = obj.get("scope")
    if scope_raw is None:
        scope = frozenset(PARTS)
    else:
        parts = _id_list(scope_raw, "scope")
        bad = [p for p in parts if p not in PARTS]
        if bad or not parts:
            raise _Invalid(f"scope: {bad or parts!r} not among {', '.join(PARTS)}")
        scope = frozenset(parts)
    unknown = set(obj) - {"doc", "entities", "relations", "events", "claims", "answers", "scope"}
    if unknown:
        raise _Invalid(f"unknown field(s) {', '.join(sorted(unknown))}")
    return GoldFile(path=path, doc=doc, entities=entities, relations=relations, events=events,
                    claims=claims, answers=answers, scope=scope)


def _entity(raw: Any, where: str) -> GoldEntity:
    obj = _mapping(raw, where)
    types = _id_list(obj.get("type"), f"{where}.type")
    _choices(types, ACTOR_CLASSES, f"{where}.type")
    wikidata = _opt_string(obj.get("wikidata"), f"{where}.wikidata")
    if wikidata is not None and not _QID.match(wikidata):
        raise _Invalid(f"{where}.wikidata: {wikidata!r} is not a Wikidata QID")
    aliases = obj.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise _Invalid(f"{where}.aliases: expected a list of strings")
    return GoldEntity(id=_string(obj.get("id"), f"{where}.id"),
                      label=_string(obj.get("label"), f"{where}.label"), types=types,
                      wikidata=wikidata, aliases=tuple(aliases))


def _relation(raw: Any, where: str, known: set[str]) -> GoldRelation:
    obj = _mapping(raw, where)
    predicate = _string(obj.get("predicate"), f"{where}.predicate")
    _choices((predicate,), RELATION_PREDICATES, f"{where}.predicate")
    return GoldRelation(subject=_ref(obj.get("subject"), f"{where}.subject", known),
                        predicate=predicate,
                        object=_ref(obj.get("object"), f"{where}.object", known),
                        evidence=_text(obj.get("evidence"), f"{where}.evidence"))


def _event(raw: Any, where: str, known: set[str]) -> GoldEvent:
    obj = _mapping(raw, where)
    types = _id_list(obj.get("type"), f"{where}.type")
    _choices(types, EVENT_CLASSES, f"{where}.type")
    mode = _opt_string(obj.get("mode"), f"{where}.mode")
    if mode is not None:
        _choices((mode,), ATTACK_MODES, f"{where}.mode")
    agent = _id_list(obj.get("agent", []), f"{where}.agent", empty=True)
    target = _id_list(obj.get("target", []), f"{where}.target", empty=True)
    for ref in (*agent, *target):
        _ref(ref, f"{where}.agent/target", known)
    place = obj.get("place")
    optional = obj.get("optional", False)
    if not isinstance(optional, bool):
        raise _Invalid(f"{where}.optional: expected true or false")
    return GoldEvent(id=_string(obj.get("id"), f"{where}.id"), types=types, agent=agent,
                     target=target, date=_opt_date(obj.get("date"), f"{where}.date"),
                     place=None if place is None else _ref(place, f"{where}.place", known),
                     evidence=_text(obj.get("evidence"), f"{where}.evidence"),
                     mode=mode, optional=optional)


def _claim(raw: Any, where: str, known: set[str]) -> GoldClaim:
    obj = _mapping(raw, where)
    sources = _id_list(obj.get("source"), f"{where}.source")
    for ref in sources:
        _ref(ref, f"{where}.source", known)
    predicate = _string(obj.get("predicate"), f"{where}.predicate")
    _choices((predicate,), RELATION_PREDICATES, f"{where}.predicate")
    return GoldClaim(sources=sources, subject=_ref(obj.get("subject"), f"{where}.subject", known),
                     predicate=predicate, object=_ref(obj.get("object"), f"{where}.object", known),
                     evidence=_text(obj.get("evidence"), f"{where}.evidence"))


# -- small checkers ------------------------------------------------------------------------
def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Invalid(f"{where}: expected an object")
    return value


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise _Invalid(f"{key}: expected a list")
    return value


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{where}: expected a non-empty string")
    return value


def _opt_string(value: Any, where: str) -> str | None:
    return None if value is None else _string(value, where)


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise _Invalid(f"{where}: expected a string")
    return value


def _opt_date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    text = _string(value, where)
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        raise _Invalid(f"{where}: {text!r} is not an ISO date (YYYY-MM-DD)") from None
    return text


def _id_list(value: Any, where: str, *, empty: bool = False) -> tuple[str, ...]:
    """A string or a list of strings (spec: "an entity id or a list of accepted ids")."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _Invalid(f"{where}: expected a string or a list of strings")
    if not value and not empty:
        raise _Invalid(f"{where}: must not be empty")
    return tuple(value)


def _ref(value: Any, where: str, known: set[str]) -> str:
    ref = _string(value, where)
    if ref not in known:
        raise _Invalid(f"{where}: unknown entity id {ref!r}")
    return ref


def _choices(values: Sequence[str], allowed: Sequence[str], where: str) -> None:
    for value in values:
        if value not in allowed:
            raise _Invalid(f"{where}: {value!r} is not one of {', '.join(allowed)}")


def _unique(ids: list[str], where: str) -> None:
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise _Invalid(f"{where}: duplicate id {i!r}")
        seen.add(i)
