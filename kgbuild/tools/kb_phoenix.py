"""Import armed groups and international organisations from PETRARCH2's Phoenix dictionaries.

Reads the copies in ``kb_data/phoenix/`` (openeventdata/petrarch2, MIT licence; the commit is
:data:`COMMIT`): ``Phoenix.MilNonState.actors.txt`` (non-state military actors: CAMEO ``REB``
and ``IMG`` codes -> ``kg:ArmedGroup``) and ``Phoenix.International.IGO.actors.txt`` (the
entries of ``Phoenix.International.actors.txt`` with an ``IGO`` code -> ``kg:InternationalOrganization``;
:func:`extract_igo` cut it out).  Writes ``ontology/actors/phoenix.ttl`` through
:func:`kgbuild.tools.build_kb.generate`.

What is kept (``kb_data/phoenix.toml`` holds the word lists and exceptions):

- no people: entries with a dated code or the ``ELI`` code, entries listed as persons, and
  (in the IGO file, where organisations carry an organisation word) multi-word names without one;
- names are cleaned (underscores, parenthesised acronyms become aliases, "X, THE" turned round),
  title-cased (acronyms stay upper case);
- a name is dropped when it could link ordinary prose: shorter than 3 characters, one word that
  is a common English word (``kb_data/phoenix/common_words.txt``) or an acronym spelling one, a
  phrase whose words are all common words or names of states, places and demonyms (unless it
  has three content words and an organisation word), a role phrase ("UN envoy"), a name two
  entries share;
- an entry one of whose names the KB already has (curated, states, places, institutions) is
  that KB actor: nothing is added for it;
- entries that share a name are one actor.

Every actor notes its source (``dcterms:source``, the dictionary file at the commit) and its
CAMEO code (``skos:notation``); entries coded as UN bodies (``IGOUNO...``) are
``kg:subOrganizationOf`` the United Nations.  No date-bounded role maps cleanly (the dated
codes are people's), so none is written.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgbuild.kb import ActorKB, normalize_name

from .build_kb import DATA, Entry, _document, kb_of, slugify, turtle_string

__all__ = ["generate_phoenix", "parse_actors", "extract_igo", "COMMIT", "SOURCES"]

COMMIT = "676801cd9cb2924bbbad09f86d15c9323e7097bf"
FOLDER = DATA / "phoenix"
_REPO = f"https://github.com/openeventdata/petrarch2/blob/{COMMIT}/petrarch2/data/dictionaries/"
#: local copy -> (source file in the repository, actor class)
SOURCES = {
    "Phoenix.MilNonState.actors.txt": ("Phoenix.MilNonState.actors.txt", "ArmedGroup"),
    "Phoenix.International.IGO.actors.txt": ("Phoenix.International.actors.txt", "InternationalOrganization"),
}


@dataclass
class PhoenixEntry:
    """One actor record: primary phrase, synonyms, CAMEO codes (with their date restrictions)."""

    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def parse_actors(text: str) -> list[PhoenixEntry]:
    """The records of a PETRARCH actor dictionary (docs/source/dictionaries.rst in petrarch2).

    >>> [e.name for e in parse_actors("BOKO_HARAM [NGAREB]\\n+JAS_\\n")]
    ['BOKO_HARAM']
    """
    entries: list[PhoenixEntry] = []
    current: PhoenixEntry | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split(";", 1)[0]
        if not line.strip():
            if current is not None and raw.strip():
                current.lines.append(raw)
            continue
        codes = [c.strip() for c in re.findall(r"\[([^\]]*)\]", line) if c.strip()]
        body = re.sub(r"\[[^\]]*\]", " ", line).strip()
        if raw[:1] in " \t" and not body:  # a date restriction line
            if current is not None:
                current.codes += codes
                current.lines.append(raw)
            continue
        if body.startswith("+"):
            if current is not None:
                current.synonyms += [p.strip() for p in body.split("+") if p.strip()]
                current.codes += codes
                current.lines.append(raw)
            continue
        current = PhoenixEntry(re.sub(r"\s+", "_", body), [], codes, [raw])
        entries.append(current)
    return entries


def extract_igo(text: str) -> str:
    """The records of ``Phoenix.International.actors.txt`` that carry an ``IGO`` code, verbatim."""
    head = (f"# Extracted by kgbuild (kgbuild/tools/kb_phoenix.py, extract_igo) from\n"
            f"# petrarch2/data/dictionaries/Phoenix.International.actors.txt at commit {COMMIT}\n"
            "# (github.com/openeventdata/petrarch2, MIT licence: LICENSE beside this file):\n"
            "# the records with a CAMEO code starting with IGO, unchanged. The file's own header:\n#\n")
    own = "".join(line + "\n" for line in text.splitlines()[:16])
    blocks = ["\n".join(e.lines) + "\n" for e in parse_actors(text) if any(c.startswith("IGO") for c in e.codes)]
    return head + own + "\n" + "".join(blocks)


# -- names ---------------------------------------------------------------------------------
_PARTICLES = {"of", "the", "and", "for", "in", "de", "del", "la", "le", "al", "el", "e", "i", "ul", "ud", "ad",
              "an", "ash", "as", "at", "bin", "on", "to", "a", "y", "des", "du", "di", "da", "van", "von", "ibn",
              "wal", "fi", "li", "ut", "et", "against", "with", "en", "y"}


_SHORT_ACRONYMS = {"UN", "EU", "AU", "US", "UK", "EC", "G7", "G8", "G20", "NATO"}


def _case_word(word: str, acronyms: set[str], first: bool) -> str:
    if not word:
        return word
    if "-" in word:
        parts = word.split("-")
        return "-".join(_case_word(p, acronyms, first and i == 0) for i, p in enumerate(parts))
    bare = word.strip("()',")
    if re.fullmatch(r"[0-9]+(ST|ND|RD|TH)", bare):
        return word.lower()  # 1st, 20th
    if bare in acronyms or bare in _SHORT_ACRONYMS or bare.isupper() and any(ch.isdigit() or ch == "." for ch in bare):
        return word
    low = word.lower()
    if low in _PARTICLES and not first:
        return low
    return low[:1].upper() + low[1:]


def _display(name: str, acronyms: set[str], upper_single: bool) -> str:
    words = name.split()
    if len(words) == 1 and "-" not in name and (upper_single or name in acronyms or not re.search(r"[AEIOUY]", name)):
        return name
    return " ".join(_case_word(w, acronyms, i == 0) for i, w in enumerate(words))


def _clean(raw: str, geo: set[str]) -> tuple[list[str], list[str]]:
    """Names (upper case, spaces) and parenthesised acronyms of one phrase (a parenthesised
    state or place name, "(GREECE)", only tells the two groups of one name apart: dropped)."""
    text = raw.replace("_", " ").strip().strip("+").strip()
    text = re.sub(r"\s+", " ", text)
    acronyms: list[str] = []
    extra: list[str] = []
    for inner in re.findall(r"\(([^)]*)\)", text):
        inner = inner.strip()
        if normalize_name(inner) in geo:
            continue
        if re.fullmatch(r"[A-Z0-9/\-]{2,}", inner):
            acronyms.append(inner)
        elif len(inner.split()) > 1:
            extra.append(inner)
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" -,")
    m = re.fullmatch(r"(.+), ?THE", text)
    if m:
        text = f"THE {m.group(1)}"
    names: list[str] = []
    parts = [p.strip() for p in re.split(r"\s*/\s*", text)] if " / " in f" {text} ".replace("/", " / ") else [text]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        names += parts
    elif len(parts) > 1 and " " in text:
        names.append(parts[0])
    else:
        names.append(text)
    return [n for n in names + extra if n], acronyms


@dataclass
class _Candidate:
    names: list[str]  # display names, the first is the label
    cls: str
    source: str
    codes: list[str]


class _Rules:
    def __init__(self, config: dict[str, Any], kb: ActorKB) -> None:
        self.common = set((FOLDER / "common_words.txt").read_text(encoding="utf-8").split())
        self.org_words = {w.lower() for w in config["org_words"]}
        self.role_words = {w.lower() for w in config["role_words"]}
        self.keep = {normalize_name(n) for n in config["keep"]}
        self.drop = {normalize_name(n) for n in config["drop"]}
        self.persons = set(config["persons"])
        self.groups = set(config["groups"])
        geo: set[str] = set()
        self.geo_names: set[str] = set()
        for actor in kb:
            if actor.actor_class in ("State", "Place"):
                for name in actor.names:
                    geo |= set(normalize_name(name).split())
                    self.geo_names.add(normalize_name(name))
        self.geo = geo - self.org_words

    def words(self, name: str) -> list[str]:
        return [w for w in re.split(r"[\s\-/]+", normalize_name(name)) if w]

    def is_common(self, word: str) -> bool:
        return word in self.common or word.isdigit() or word in _PARTICLES

    def keep_name(self, name: str, cls: str) -> bool:
        key = normalize_name(name)
        if key in self.drop:
            return False
        if key in self.keep:
            return True
        words = self.words(name)
        if len(key.replace(" ", "")) < 3 or not words:
            return False
        if len(words) == 1:
            if name.isupper():
                return len(words[0]) >= 3 and words[0] not in self.common
            return len(words[0]) >= 4 and not self.is_common(words[0]) and words[0] not in self.geo
        if cls == "InternationalOrganization" and words[-1] in self.role_words:
            return False
        content = [w for w in words if w not in _PARTICLES]
        distinctive = [w for w in content if not self.is_common(w) and w not in self.geo]
        if distinctive:
            return True
        return len(content) >= 3 and any(w in self.org_words for w in content)

    def has_org_word(self, names: Sequence[str]) -> bool:
        return any(set(self.words(n)) & self.org_words for n in names)


def _is_person(entry: PhoenixEntry, rules: _Rules, cls: str, names: list[str]) -> bool:
    """People are mixed in with the organisations (leaders, officials): an entry is taken for
    one when it is listed as a person, coded ELI or date-bounded, or none of its names has an
    organisation word (unless it is listed as a group, or is an IGO-file acronym)."""
    if entry.name in rules.persons or any(c.split()[0].endswith("ELI") for c in entry.codes):
        return True
    if entry.name in rules.groups or rules.has_org_word(names):
        return False
    if any(len(c.split()) > 1 for c in entry.codes):
        return True
    return not (cls == "InternationalOrganization" and any(" " not in n for n in names))


def _candidates(rules: _Rules, report: dict[str, Any]) -> list[_Candidate]:
    out: list[_Candidate] = []
    for local, (source, cls) in SOURCES.items():
        entries = parse_actors((FOLDER / local).read_text(encoding="utf-8"))
        acronyms: set[str] = set()
        cleaned = []
        for entry in entries:
            names: list[str] = []
            for raw in [entry.name, *entry.synonyms]:
                found, acro = _clean(raw, rules.geo_names)
                names += found
                names += acro
                acronyms |= set(acro)
            cleaned.append((entry, names))
        for entry, names in cleaned:
            codes = sorted({c.split()[0] for c in entry.codes})
            if cls == "InternationalOrganization" and not any(c.startswith("IGO") for c in codes):
                continue
            if _is_person(entry, rules, cls, names):
                report["persons"] += 1
                continue
            upper_single = cls == "InternationalOrganization"
            display: list[str] = []
            for name in names:
                shown = _display(name, acronyms, upper_single)
                if rules.keep_name(shown, cls):
                    display.append(shown)
                else:
                    report["dropped_names"].append(shown)
            if display:
                out.append(_Candidate(display, cls, source, codes))
            else:
                report["no_name_left"] += 1
    return out


def skeleton(name: str) -> str:
    """A transliteration-insensitive key: "Laskar e Toiba" and "Lashkar-e-Taiba" share one.

    >>> skeleton("Laskar i Tayyaba") == skeleton("Lashkar-e-Taiba")
    True
    """
    text = normalize_name(name).replace(" ", "")
    for a, b in (("sh", "s"), ("kh", "k"), ("q", "k"), ("ph", "f"), ("ou", "u"), ("ee", "i"), ("dh", "d")):
        text = text.replace(a, b)
    text = re.sub(r"[aeiouyh]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


def generate_phoenix(others: Sequence[bytes]) -> tuple[str, dict[str, Any]]:
    """The text of ``phoenix.ttl`` and a report; ``others`` are every other KB file."""
    config = tomllib.loads((DATA / "phoenix.toml").read_text(encoding="utf-8"))
    kb = kb_of(others)
    rules = _Rules(config, kb)
    report: dict[str, Any] = {"persons": 0, "no_name_left": 0, "dropped_names": [], "in_kb": [],
                              "shared_names": [], "merged": 0}
    candidates = _candidates(rules, report)
    # a name two unrelated entries use would link either: entries sharing a name are merged
    # when they come from the same file and class, otherwise the name is dropped from both
    owner: dict[str, int] = {}
    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, cand in enumerate(candidates):
        for name in cand.names:
            key = normalize_name(name)
            key = skeleton(name) if len(skeleton(name)) >= 6 else key
            if key in owner:
                j = find(owner[key])
                same = candidates[j].cls == cand.cls
                if same and (not name.isupper() or cand.cls == "InternationalOrganization"):
                    parent[find(i)] = j
            else:
                owner[key] = i
    groups: dict[int, list[int]] = {}
    for i in range(len(candidates)):
        groups.setdefault(find(i), []).append(i)
    merged: list[_Candidate] = []
    for members in groups.values():
        first = candidates[members[0]]
        names: list[str] = []
        for m in members:
            names += [n for n in candidates[m].names if normalize_name(n) not in {normalize_name(x) for x in names}]
        codes = sorted({c for m in members for c in candidates[m].codes})
        merged.append(_Candidate(names, first.cls, first.source, codes))
        report["merged"] += len(members) - 1
    uses: dict[str, int] = {}
    for cand in merged:
        for key in {normalize_name(n) for n in cand.names}:
            uses[key] = uses.get(key, 0) + 1
    entries: list[Entry] = []
    taken_ids = {a.id for a in kb}
    kb_skeletons: dict[str, str] = {}
    for actor in kb:
        if actor.actor_class not in ("Place", "State", "Person"):
            for name in (actor.label, *actor.aliases):
                if len(skeleton(name)) >= 6:
                    kb_skeletons.setdefault(skeleton(name), actor.id)
    un = kb.by_id("united-nations")
    for cand in merged:
        keys = [normalize_name(n) for n in cand.names]
        known = sorted({a.id for k in keys for a in kb._names.get(k, []) if a.actor_class != "Place"}
                       | {kb_skeletons[skeleton(n)] for n in cand.names if skeleton(n) in kb_skeletons})
        if known:
            report["in_kb"].append(f"{cand.names[0]} = {', '.join(known)}")
            continue
        names = [n for n, k in zip(cand.names, keys) if uses[k] == 1 and k not in kb._names]
        report["shared_names"] += [n for n, k in zip(cand.names, keys) if uses[k] > 1]
        if not names:
            continue
        label = max(names, key=lambda n: (not n.isupper(), len(n.split()) > 1, -cand.names.index(n)))
        kb_id = slugify(label)
        if not kb_id or kb_id in taken_ids:
            kb_id = f"{kb_id}-phoenix"
        if kb_id in taken_ids:
            continue
        taken_ids.add(kb_id)
        extra = [("skos:notation", ", ".join(turtle_string(c) for c in cand.codes))] if cand.codes else []
        if un and any(c.startswith("IGOUNO") for c in cand.codes):
            extra.append(("kg:subOrganizationOf", f"kb:{un.id}"))
        extra.append(("dcterms:source", f"<{_REPO}{cand.source}>"))
        entries.append(Entry(kb_id, cand.cls, label, [n for n in names if n != label], [], extra))
    title = ("Armed groups and international organisations imported from the PETRARCH2 Phoenix "
             f"dictionaries (openeventdata/petrarch2 at {COMMIT[:12]}, MIT)")
    text = _document(title, entries).replace(
        "@prefix xsd:", "@prefix dcterms: <http://purl.org/dc/terms/> .\n@prefix xsd:", 1)
    return text, report


def _path(name: str) -> Path:
    return FOLDER / name


def make_common_words(wordlist: Path = Path("/usr/share/dict/words")) -> str:
    """The text of ``phoenix/common_words.txt``: the words of the imported names that the SCOWL
    English word list (Debian package wamerican) spells in lower case.

    Made once with ``python -c "from kgbuild.tools.kb_phoenix import *; ..."``; kept in the
    repository so that generation needs no word list installed.
    """
    lower = {w.strip() for w in wordlist.read_text(encoding="utf-8").split() if w.strip().islower()}
    lower = {w[:-2] if w.endswith("'s") else w for w in lower}
    words: set[str] = set()
    for local in SOURCES:
        for entry in parse_actors(_path(local).read_text(encoding="utf-8")):
            for raw in [entry.name, *entry.synonyms]:
                words |= {w for w in re.split(r"[\s\-/]+", normalize_name(raw.replace("_", " "))) if w}
    head = ("# Words of the imported Phoenix names that are common English words: the SCOWL word list\n"
            "# (Debian wamerican; SCOWL is Copyright 2000-2011 Kevin Atkinson, free to use) spells them in\n"
            "# lower case. Made by kgbuild.tools.kb_phoenix.make_common_words.\n")
    return head + "\n".join(sorted(words & lower)) + "\n"
