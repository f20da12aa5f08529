"""Checks an annotator runs on a gold file, and the answers a gold file implies.

:func:`check_gold` reports what :func:`~kgbuild.eval.gold.load_gold` cannot see on its own:
evidence that is not in the article, aliases never written in it, an event whose agent is
also its target, an entity nothing refers to. :func:`derived_answers` computes the saved-query
answers from the gold events and the closure rules, so annotators never write them by hand.

>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text(json.dumps({"id": "a1", "text": "Rebels attacked Iraqi troops."}))
>>> _ = (folder / "a1.json").write_text(json.dumps({"doc": {"id": "a1", "file": "a.jsonl"},
...     "entities": [{"id": "R", "label": "rebels", "type": ["ArmedGroup"], "aliases": ["Rebels"]},
...                  {"id": "T", "label": "Iraqi troops", "type": ["SecurityForce"]},
...                  {"id": "IQ", "label": "Iraq", "type": ["State"], "aliases": ["Iraqi"]}],
...     "relations": [{"subject": "T", "predicate": "ofState", "object": "IQ", "evidence": "Iraqi troops"}],
...     "events": [{"id": "e1", "type": ["Attack"], "agent": ["R"], "target": ["T"], "date": None,
...                 "place": None, "evidence": "Rebels attacked ... troops"}]}))
>>> from kgbuild.eval.gold import load_gold
>>> gold = load_gold(folder / "a1.json")
>>> check_gold(gold)
[]
>>> derived_answers(gold)
{'attacks-on-state-affiliated-forces': ['e1'], 'attacks-by-state-affiliated-forces': []}
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..errors import EvalError
from .gold import GoldFile
from .score import closure

__all__ = ["article_text", "check_gold", "derived_answers", "ANSWERED_QUERIES", "evidence_found"]

#: The saved queries whose answers follow from a gold file alone.
ANSWERED_QUERIES: tuple[str, ...] = ("attacks-on-state-affiliated-forces", "attacks-by-state-affiliated-forces")

_SPACE = re.compile(r"\s+")


def article_text(gold: GoldFile) -> str:
    """The text of the article ``gold.doc.file`` names (a ``.jsonl`` record with the doc id,
    or a whole text file), read relative to the gold file; cleaned as ingest cleans it.

    :raises EvalError: no file named, the file is missing, or it has no record with that id.
    """
    from ..ingest.article import clean_text

    if not gold.doc.file:
        raise EvalError(f"{gold.path}: doc.file names no article file")
    path = (gold.path.parent / gold.doc.file).resolve()
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read the article file: {exc.strerror or exc}") from exc
    if path.suffix != ".jsonl":
        return clean_text(raw)
    for line in raw.splitlines():
        if line.strip():
            record = json.loads(line)
            if str(record.get("id")) == gold.doc.id:
                return clean_text(record.get("text") or "")
    raise EvalError(f"{path}: no record with id {gold.doc.id!r}")


def _squash(text: str) -> str:
    return _SPACE.sub(" ", text.replace("\u2019", "'").replace("\u2018", "'")
                      .replace("\u201c", '"').replace("\u201d", '"')).strip()


def evidence_found(evidence: str, text: str) -> bool:
    """Every ``...``-separated piece of ``evidence`` is in ``text``, in order (quotes and
    spaces compared loosely).

    >>> evidence_found("Rebels attacked ... troops", "Rebels attacked Iraqi troops.")
    True
    >>> evidence_found("troops ... Rebels", "Rebels attacked Iraqi troops.")
    False
    """
    flat = _squash(text)
    position = 0
    for piece in (p.strip() for p in evidence.split("...")):
        if not piece:
            continue
        found = flat.find(_squash(piece), position)
        if found < 0:
            return False
        position = found + len(piece)
    return True


def check_gold(gold: GoldFile, *, text: str | None = None) -> list[str]:
    """Problems in ``gold`` against its article's ``text`` (read from ``doc.file`` if not given)."""
    text = article_text(gold) if text is None else text
    problems: list[str] = []
    lowered = _squash(text).casefold()

    def evidence(where: str, value: str) -> None:
        if not value.strip():
            problems.append(f"{where}: no evidence")
        elif not evidence_found(value, text):
            problems.append(f"{where}: evidence not in the article: {value[:80]!r}")

    used: set[str] = set()
    for i, rel in enumerate(gold.relations):
        evidence(f"relations[{i}] {rel.subject} {rel.predicate} {rel.object}", rel.evidence)
        used |= {rel.subject, rel.object}
        if rel.subject == rel.object:
            problems.append(f"relations[{i}]: {rel.subject} {rel.predicate} itself")
    for event in gold.events:
        evidence(f"event {event.id}", event.evidence)
        used |= {*event.agent, *event.target, *([event.place] if event.place else [])}
        both = set(event.agent) & set(event.target)
        if both and set(event.agent) != set(event.target):
            problems.append(f"event {event.id}: {', '.join(sorted(both))} is both agent and target "
                            "(only a clash with no direction lists the same sides in both)")
        if not event.agent and not event.optional:
            problems.append(f"event {event.id}: no agent")
        if event.mode and "Attack" not in event.types:
            problems.append(f"event {event.id}: a mode on a non-Attack event")
    for i, claim in enumerate(gold.claims):
        evidence(f"claims[{i}]", claim.evidence)
        used |= {*claim.sources, claim.subject, claim.object}
    for entity in gold.entities:
        names = [entity.label, *entity.aliases]
        if not any(_squash(n).casefold() in lowered for n in names if n.strip()):
            problems.append(f"entity {entity.id}: neither its label nor an alias is written in the article")
        if entity.id not in used and entity.types != ("Place",) and "Place" not in entity.types:
            pass  # an actor that is only mentioned is still an entity (GUIDELINES: every actor)
    return problems


def _state_affiliated(gold: GoldFile) -> set[str]:
    states = {e.id for e in gold.entities if "State" in e.types}
    triples = {(r.subject, r.predicate, r.object) for r in gold.relations}
    closed = closure(triples)
    affiliated = set(states)
    for s, p, o in closed:
        if p in ("partOf", "ofState", "memberOf", "leaderOf") and o in states:
            affiliated.add(s)
    return affiliated


def derived_answers(gold: GoldFile) -> dict[str, list[str]]:
    """The event ids each of :data:`ANSWERED_QUERIES` must return for this article alone:
    required (non-optional) attacks whose target, or agent, is state-affiliated under the gold
    relations' closure (a State itself, or part of, an institution of, or a member of one)."""
    affiliated = _state_affiliated(gold)
    attacks = [e for e in gold.events if "Attack" in e.types and not e.optional]
    return {
        "attacks-on-state-affiliated-forces": [e.id for e in attacks if set(e.target) & affiliated],
        "attacks-by-state-affiliated-forces": [e.id for e in attacks if set(e.agent) & affiliated],
    }


def write_answers(path: Path) -> dict[str, list[str]]:
    """Rewrite the ``answers`` of the gold file at ``path`` from :func:`derived_answers`."""
    from .gold import load_gold

    gold = load_gold(path)
    answers = derived_answers(gold)
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    data["answers"] = answers
    Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return answers


if __name__ == "__main__":  # python -m kgbuild.eval.checks GOLD.json ... (annotators' quick check)
    import sys

    from .gold import load_gold

    status = 0
    for name in sys.argv[1:]:
        try:
            found = check_gold(load_gold(name))
        except EvalError as exc:
            print(exc)
            status = 1
            continue
        for problem in found:
            print(f"{name}: {problem}")
        status |= bool(found)
        if not found:
            print(f"{name}: ok; answers {derived_answers(load_gold(name))}")
    sys.exit(status)
