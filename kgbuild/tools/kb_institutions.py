"""Generate the standard institutions of every State (``ontology/actors/institutions.ttl``).

For each State of the KB: its government, armed forces, police, intelligence service, foreign
and defence ministries and head-of-state office, named from the state's label and demonyms, as
``kb_data/institutions.toml`` says.  A kind that a curated actor of the state already is (same
``kg:genericLabel`` and ``kg:ofState``) is not generated: the curated actor wins.  Called by
:func:`kgbuild.tools.build_kb.generate`.
"""
from __future__ import annotations

import tomllib
from collections.abc import Sequence
from typing import Any

from kgbuild.kb import ActorKB, KBActor, normalize_name

from .build_kb import DATA, Entry, _document, _en, kb_of

__all__ = ["generate_institutions"]


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _fill(templates: Sequence[str], state: KBActor, the: bool) -> list[str]:
    """Every template filled with the state's label and each demonym (templates needing a
    demonym are dropped for a state without one)."""
    values = {"name": state.label, "name's": _possessive(state.label),
              "the_name": f"the {state.label}" if the else state.label}
    out: list[str] = []
    for template in templates:
        demonyms = sorted(state.demonyms) if "{demonym}" in template else [None]
        for demonym in demonyms:
            text = template
            for key, value in values.items():
                text = text.replace("{" + key + "}", value)
            if demonym is not None:
                text = text.replace("{demonym}", demonym)
            out.append(text)
    return out


def _kind_id(state: KBActor, kind: str) -> str:
    return f"{state.id.lower()}-{kind}"


def generate_institutions(states_text: str, others: Sequence[bytes]) -> tuple[str, dict[str, Any]]:
    """The text of ``institutions.ttl`` and a report (what was left to curated actors).

    ``others`` are the other KB files (curated and generated places) the output must not
    duplicate.
    """
    config = tomllib.loads((DATA / "institutions.toml").read_text(encoding="utf-8"))
    kb: ActorKB = kb_of([states_text.encode("utf-8"), *others])
    taken: set[str] = set(kb._names)
    claimed: dict[tuple[str, str], str] = {}  # (state iri, normalised generic word) -> curated KB id
    for actor in kb:
        for word in actor.generic_labels:
            if actor.state:
                claimed[(actor.state, normalize_name(word))] = actor.id
    report: dict[str, Any] = {"curated": [], "skipped": [], "dropped_aliases": 0}
    entries: list[Entry] = []
    supplements: list[str] = []
    states = sorted((a for a in kb if a.actor_class == "State"), key=lambda a: a.id)
    for state in states:
        made: dict[str, str] = {}  # kind -> KB id of this state's actor (curated or generated)
        skip = set(config["skip"].get(state.id, []))
        the = state.id in config["the"]
        for kind, spec in config["kinds"].items():
            royal = kind == "head-of-state" and state.id in config["royal"]
            prefix = "royal_" if royal else ""
            curated = next((claimed[(state.iri, normalize_name(w))] for w in spec["claims"]
                            if (state.iri, normalize_name(w)) in claimed), None)
            if curated:
                made[kind] = curated
                report["curated"].append(f"{state.id}/{kind}={curated}")
                supplements.append(_supplement(kb.by_id(curated), spec, prefix, state, the, taken))
                continue
            if kind in skip:
                report["skipped"].append(f"{state.id}/{kind}")
                continue
            label = _fill([spec[f"{prefix}label"]], state, the)[0]
            generic = [w for w in spec[f"{prefix}generic"] if (state.iri, normalize_name(w)) not in claimed]
            names = _fill(spec.get(f"{prefix}aliases", []), state, the)
            if not royal:
                for word in generic:
                    names += _fill(spec.get("word_aliases", {}).get(word, []), state, the)
            if normalize_name(label) in taken:
                named = [a for a in kb.lookup(label) if a.state == state.iri and a.actor_class == spec["class"]]
                if len(named) == 1:  # a curated actor of the state by the standard name, without the claim
                    made[kind] = named[0].id
                    report["curated"].append(f"{state.id}/{kind}={named[0].id}")
                    supplements.append(_supplement(named[0], spec, prefix, state, the, taken))
                else:
                    report["skipped"].append(f"{state.id}/{kind}: label {label!r} names another actor")
                continue
            seen = {normalize_name(label)}
            aliases: list[str] = []
            for name in names:
                key = normalize_name(name)
                if key in seen:
                    continue
                seen.add(key)
                if key in taken:
                    report["dropped_aliases"] += 1
                    continue
                aliases.append(name)
            taken |= seen
            kb_id = _kind_id(state, kind)
            if kb.by_id(kb_id):
                raise ValueError(f"generated KB id {kb_id} is taken by a curated actor")
            extra = [("kg:genericLabel", ", ".join(_en(w) for w in generic))] if generic else []
            parent = made.get(spec.get("parent", ""))
            if parent:
                extra.append(("kg:subOrganizationOf", f"kb:{parent}"))
            extra.append(("kg:ofState", f"kb:{state.id}"))
            entries.append(Entry(kb_id, spec["class"], label, aliases, [], extra))
            made[kind] = kb_id
    title = ("Standard state institutions (government, armed forces, police, intelligence service, "
             "foreign and defence ministries, head-of-state office)")
    extra = "".join(sorted(block for block in supplements if block))
    if extra:
        extra = "\n# The standard names of the curated institutions above (their own files keep the rest).\n" + extra
    return _document(title, entries) + extra, report


def _supplement(actor: KBActor | None, spec: dict[str, Any], prefix: str, state: KBActor, the: bool,
                taken: set[str]) -> str:
    """The standard names ("China's Ministry of Foreign Affairs", "Chinese foreign ministry") a
    curated institution lacks, as a Turtle block adding them to it; names another actor has are
    left out, and the names written are marked taken."""
    if actor is None or actor.actor_class != spec["class"]:
        return ""
    own = {normalize_name(n) for n in actor.names}
    names = _fill([spec[f"{prefix}label"], *spec.get(f"{prefix}aliases", [])], state, the)
    for word in actor.generic_labels if not prefix else ():
        names += _fill(spec.get("word_aliases", {}).get(word, []), state, the)
    new: dict[str, str] = {}
    for name in names:
        key = normalize_name(name)
        if key not in own and key not in taken and key not in new:
            new[key] = name
    taken |= set(new)
    if not new:
        return ""
    return f"kb:{actor.id} skos:altLabel " + ", ".join(_en(n) for n in sorted(new.values())) + " .\n"
