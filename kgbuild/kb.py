"""The actor knowledge base: the curated actors that article mentions are linked to.

The KB is every ``*.ttl`` file in :func:`kgbuild.resources.actors_dir` plus user folders
(layout: ``docs/graph-layout.md``, section "KB actors").

>>> kb = ActorKB.load()
>>> kb.resolve("Pentagon").id
'us-department-of-defense'
>>> kb.institution_of(kb.by_id("IRQ").iri, "government").label
'Government of Iraq'
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SKOS

from kgbuild.errors import KnowledgeBaseError
from kgbuild.names import normalise_name
from kgbuild.namespace import KB, KG, SCHEMA, WD
from kgbuild.resources import actors_dir
from kgbuild.terms import to_rdflib

__all__ = ["KBActor", "ActorKB", "ACTOR_CLASSES", "normalize_name", "normalise_name", "validate_kb", "promote", "kb_files",
           "kb_content_hash"]

#: The leaf actor classes; every KB actor has exactly one of them.
ACTOR_CLASSES: tuple[URIRef, ...] = (
    KG.State, KG.GovernmentBody, KG.Legislature, KG.SecurityForce, KG.ArmedGroup,
    KG.InternationalOrganization, KG.Organization, KG.Person, KG.Group, KG.Place,
)
_MEMBERSHIP = (KG.subOrganizationOf, KG.partOf, KG.ofState, KG.leaderOf, KG.memberOf, KG.locatedIn)
_QID = re.compile(r"^Q[1-9][0-9]*$")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_INSTITUTIONS = {"GovernmentBody", "Legislature", "SecurityForce"}


#: The KB's name key is the project's one name key (kept under this name for the KB tools).
normalize_name = normalise_name


def _local(iri: URIRef | str) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1] if "#" in text else text.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class KBActor:
    """One KB actor, as the linker and queries see it."""

    id: str
    iri: str
    actor_class: str
    label: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    generic_labels: tuple[str, ...]
    wikidata: str | None
    parents: tuple[tuple[str, str], ...]
    state: str | None

    @property
    def names(self) -> tuple[str, ...]:
        """Label, aliases and demonyms."""
        return (self.label, *self.aliases, *self.demonyms)


_CLASS_IRIS = {str(c): _local(c) for c in ACTOR_CLASSES}
_MEMBERSHIP_IRIS = [(str(p), _local(p)) for p in _MEMBERSHIP]


_TYPE, _SAME_AS, _OF_STATE, _KB_ID = str(RDF.type), str(SCHEMA.sameAs), str(KG.ofState), str(KG.kbId)
_PREF_LABEL, _ALT_LABEL, _DEMONYM, _GENERIC_LABEL = (str(SKOS.prefLabel), str(SKOS.altLabel), str(KG.demonym),
                                                     str(KG.genericLabel))
_WD = str(WD)


def _actor(iri: str, props: dict[str, list[Any]]) -> KBActor:
    """One actor from its (predicate IRI -> objects) table."""

    def values(pred: str) -> list[str]:
        return [o.value for o in props.get(pred, ())]

    def texts(pred: str) -> tuple[str, ...]:
        return tuple(sorted(values(pred)))

    classes = sorted(_CLASS_IRIS[c] for c in values(_TYPE) if c in _CLASS_IRIS)
    qids = sorted(o[len(_WD):] for o in values(_SAME_AS) if o.startswith(_WD))
    parents = tuple(sorted((local, o.value) for pred, local in _MEMBERSHIP_IRIS for o in props.get(pred, ())))
    states = sorted(values(_OF_STATE))
    labels = texts(_PREF_LABEL)
    return KBActor(
        id=values(_KB_ID)[0], iri=iri, actor_class=classes[0] if classes else "",
        label=labels[0] if labels else "", aliases=texts(_ALT_LABEL), demonyms=texts(_DEMONYM),
        generic_labels=texts(_GENERIC_LABEL), wikidata=qids[0] if qids else None,
        parents=parents, state=states[0] if states else None,
    )


_LOADED: dict[tuple[tuple[str, int, int], ...], ActorKB] = {}


def _parse_file(path: Path) -> list[Any]:
    """The triples of one actor file (pyoxigraph's Turtle parser: ~20x rdflib's).

    :raises KnowledgeBaseError: the file is unreadable or not valid Turtle (file and line named).
    """
    import pyoxigraph as ox

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read actor file: {exc.strerror or exc}") from exc
    try:
        return list(ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
    except SyntaxError as exc:
        where = f"line {exc.lineno}" if exc.lineno else "unknown line"
        why = re.sub(r"^Parser error (between|at) .*?: ", "", " ".join(str(exc).split()))
        raise KnowledgeBaseError(f"{path}: {where}: malformed actor file: {why}") from exc


def kb_files(*, folders: Sequence[Path] = (), include_bundled: bool = True) -> list[Path]:
    """The ``*.ttl`` files of the bundled KB (unless excluded) and of ``folders``.

    :raises KnowledgeBaseError: a folder or file does not exist.
    """
    roots = ([actors_dir()] if include_bundled else []) + [Path(f) for f in folders]
    files: list[Path] = []
    for root in roots:
        if root.is_file():
            files.append(root)
        elif root.is_dir():
            files.extend(sorted(root.rglob("*.ttl")))
        else:
            raise KnowledgeBaseError(f"{root}: no such actor file or folder")
    return files


def kb_content_hash(*, folders: Sequence[Path] = (), include_bundled: bool = True) -> str:
    """:attr:`ActorKB.content_hash` of the KB :meth:`ActorKB.load` would read, without parsing it.

    >>> kb_content_hash() == ActorKB.load().content_hash
    True
    """
    return _content_digest([p.read_bytes() for p in kb_files(folders=folders, include_bundled=include_bundled)])


def _content_digest(contents: Sequence[bytes]) -> str:
    digest = hashlib.sha256()
    for content in sorted(contents):
        digest.update(hashlib.sha256(content).digest())
    return digest.hexdigest()


class ActorKB:
    """The loaded actor KB: its triples, the actors by IRI and name indexes.

    The actors and indexes are read straight from the parsed (pyoxigraph) triples; the rdflib
    :attr:`graph` is built on first use only (validation, SPARQL over the KB).
    """

    def __init__(self, triples: Iterable[Any], files: Sequence[Path], contents: Sequence[bytes]) -> None:
        #: The KB's triples (pyoxigraph terms), each once, in file order.
        self.triples: list[Any] = list(dict.fromkeys(triples))
        self._graph: Graph | None = None
        self.files: list[Path] = list(files)
        self.content_hash = _content_digest(contents)
        index: dict[str, dict[str, list[Any]]] = {}
        for t in self.triples:
            index.setdefault(t.subject.value, {}).setdefault(t.predicate.value, []).append(t.object)
        self.actors: dict[str, KBActor] = {}
        for subject in sorted(s for s, props in index.items() if _KB_ID in props):
            self.actors[subject] = _actor(subject, index[subject])
        self._ids = {a.id: a for a in self.actors.values()}
        self._qids: dict[str, list[KBActor]] = {}
        self._names: dict[str, list[KBActor]] = {}
        for actor in self.actors.values():
            if actor.wikidata:
                self._qids.setdefault(actor.wikidata, []).append(actor)
            for name in {normalize_name(n) for n in actor.names}:
                self._names.setdefault(name, []).append(actor)

    @property
    def graph(self) -> Graph:
        """The KB as an rdflib graph (built once, on first use)."""
        if self._graph is None:
            graph = Graph()
            for prefix, ns in (("kg", KG._NS), ("kb", KB), ("skos", SKOS), ("schema", SCHEMA), ("wd", WD)):
                graph.bind(prefix, ns)
            terms: dict[Any, Any] = {}  # one rdflib term per distinct term
            for t in self.triples:
                graph.add(tuple(terms.get(x) or terms.setdefault(x, to_rdflib(x))  # type: ignore[arg-type]
                                for x in (t.subject, t.predicate, t.object)))
            self._graph = graph
        return self._graph

    @classmethod
    def load(cls, *, folders: Sequence[Path] = (), include_bundled: bool = True) -> ActorKB:
        """Read every ``*.ttl`` of the bundled KB (unless excluded) and of ``folders``.

        Every file is parsed on its own first, so a malformed file raises
        :class:`KnowledgeBaseError` (naming the file and line) before anything is merged.
        """
        files = kb_files(folders=folders, include_bundled=include_bundled)
        key = tuple((str(p.resolve()), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
        cached = _LOADED.get(key)
        if cached is not None:  # a build parses the KB for the store and for the entity ruler
            return cached
        parsed = [_parse_file(path) for path in files]
        kb = cls((t for part in parsed for t in part), files, [p.read_bytes() for p in files])
        _LOADED.clear()  # keep one: a long-lived process does not pile up KB versions
        _LOADED[key] = kb
        return kb

    def by_id(self, kb_id: str) -> KBActor | None:
        """The actor with this KB id (``IRQ``, ``kataib-hezbollah``), or None."""
        return self._ids.get(kb_id)

    def by_qid(self, qid: str) -> KBActor | None:
        """The actor linked to this Wikidata id, or None."""
        found = self._qids.get(qid.rsplit("/", 1)[-1])
        return found[0] if found else None

    def lookup(self, name: str) -> list[KBActor]:
        """Actors whose label, alias or demonym matches ``name`` after normalisation."""
        return list(self._names.get(normalize_name(name), []))

    def resolve(self, text: str) -> KBActor:
        """The one actor a KB id, QID, IRI, label or alias names.

        :raises KnowledgeBaseError: when nothing or more than one actor matches.
        """
        text = text.strip()
        if text in self.actors:
            return self.actors[text]
        if text.startswith(str(KB)) and self.by_id(text[len(str(KB)):]):
            return self.by_id(text[len(str(KB)):])  # type: ignore[return-value]
        if self.by_id(text):
            return self.by_id(text)  # type: ignore[return-value]
        if _QID.match(text.rsplit("/", 1)[-1]) and self.by_qid(text):
            return self.by_qid(text)  # type: ignore[return-value]
        found = self.lookup(text)
        if len(found) == 1:
            return found[0]
        if not found:
            raise KnowledgeBaseError(f"no KB actor named {text!r}")
        listed = ", ".join(f"{a.id} ({a.label}, {a.actor_class})" for a in found)
        raise KnowledgeBaseError(f"{text!r} is ambiguous: {listed}")

    def institution_of(self, state_iri: str, generic_word: str) -> KBActor | None:
        """The institution of a state that carries ``generic_word`` as its generic label."""
        word = normalize_name(generic_word)
        for actor in self.actors.values():
            if actor.state == str(state_iri) and word in {normalize_name(g) for g in actor.generic_labels}:
                return actor
        return None

    def __len__(self) -> int:
        return len(self.actors)

    def __iter__(self) -> Iterable[KBActor]:  # type: ignore[override]
        return iter(self.actors.values())


def validate_kb(kb: ActorKB) -> list[str]:
    """Problems in the KB (an empty list when it is sound)."""
    problems: list[str] = []
    g = kb.graph
    seen_ids: dict[str, str] = {}
    for subject, kb_id in g.subject_objects(KG.kbId):
        if str(kb_id) in seen_ids and seen_ids[str(kb_id)] != str(subject):
            problems.append(f"kbId {kb_id} used by {seen_ids[str(kb_id)]} and {subject}")
        seen_ids[str(kb_id)] = str(subject)
    for pred in (KG.iso2, KG.iso3, KG.cowLetter):
        owners: dict[str, str] = {}
        for subject, code in g.subject_objects(pred):
            if str(code) in owners:
                problems.append(f"{_local(pred)} {code} used by {owners[str(code)]} and {subject}")
            owners[str(code)] = str(subject)
    generic: dict[tuple[str, str], str] = {}
    for actor in kb.actors.values():
        classes = [c for c in g.objects(URIRef(actor.iri), RDF.type) if c in ACTOR_CLASSES]
        if len(classes) != 1:
            problems.append(f"{actor.id}: {len(classes)} actor classes {sorted(map(_local, classes))}")
        if not actor.label or len(list(g.objects(URIRef(actor.iri), SKOS.prefLabel))) != 1:
            problems.append(f"{actor.id}: needs exactly one skos:prefLabel")
        if actor.actor_class == "State":
            if actor.iri != str(KB[actor.id]):
                problems.append(f"{actor.id}: IRI {actor.iri} is not kb:{actor.id}")
        elif not _SLUG.match(actor.id) and not re.fullmatch(r"[A-Z]{3}", actor.id):
            problems.append(f"{actor.id}: KB id is not a kebab-case slug")
        for obj in g.objects(URIRef(actor.iri), SCHEMA.sameAs):
            if not str(obj).startswith(str(WD)) or not _QID.match(str(obj)[len(str(WD)):]):
                problems.append(f"{actor.id}: bad Wikidata link {obj}")
        for pred, parent in actor.parents:
            if parent not in kb.actors:
                problems.append(f"{actor.id}: {pred} target {parent} is not a KB actor")
        for word in actor.generic_labels:
            key = (actor.state or "", normalize_name(word))
            if not actor.state:
                problems.append(f"{actor.id}: genericLabel {word!r} without kg:ofState")
            elif key in generic:
                problems.append(f"{actor.id} and {generic[key]}: same genericLabel {word!r} for one state")
            generic[key] = actor.id
    for node in g.subjects(RDF.type, KG.Membership):
        for pred in (KG.member, KG.organization):
            target = g.value(node, pred)
            if target is None or str(target) not in kb.actors:
                problems.append(f"membership {node}: {_local(pred)} {target} is not a KB actor")
    for name, actors in kb._names.items():
        if len(actors) > 1 and not all(a.actor_class == "Place" for a in actors):
            problems.append(f"name {name!r} shared by " + ", ".join(sorted(a.id for a in actors)))
    return sorted(problems)


def promote(name: str, *, actor_type: str, parent: str | None, file: Path, kb: ActorKB | None = None) -> str:
    """Append a new actor to a user actor file (created with prefixes if missing).

    ``parent`` (KB id, QID, IRI or name) is resolved through the KB including ``file``'s
    folder; the relation is ``ofState`` for an institution of a State, ``locatedIn`` for a
    place, ``memberOf`` for a person and ``subOrganizationOf`` otherwise.  Returns the IRI.

    :raises KnowledgeBaseError: unknown type or parent, an id already taken, or a file that
        would no longer parse.
    """
    from kgbuild.tools.build_kb import slugify, turtle_string

    if actor_type not in {_local(c) for c in ACTOR_CLASSES} or actor_type == "State":
        raise KnowledgeBaseError(f"cannot promote to actor type {actor_type!r}")
    file = Path(file)
    if kb is None:
        kb = ActorKB.load(folders=[file] if file.is_file() else [])
    slug = slugify(name)
    if not slug or kb.by_id(slug):
        raise KnowledgeBaseError(f"KB id {slug!r} for {name!r} is empty or already taken")
    lines = [f"<{KB[slug]}> a <{KG[actor_type]}> ;", f"    <{KG.kbId}> {turtle_string(slug)} ;",
             f"    <{SKOS.prefLabel}> {turtle_string(name)}@en"]
    if parent:
        target = kb.resolve(parent)
        if actor_type == "Place":
            pred = KG.locatedIn
        elif actor_type == "Person":
            pred = KG.memberOf
        elif target.actor_class == "State" and actor_type in _INSTITUTIONS:
            pred = KG.ofState
        else:
            pred = KG.subOrganizationOf
        lines[-1] += " ;"
        lines.append(f"    <{pred}> <{target.iri}>")
    block = "\n".join(lines) + " .\n"
    old = file.read_text(encoding="utf-8") if file.is_file() else None
    head = old if old is not None else (
        "# User actors promoted with `kgbuild kb promote`.\n"
        f"@prefix kg: <{KG._NS}> .\n@prefix kb: <{KB}> .\n@prefix skos: <{SKOS}> .\n"
    )
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(head + ("" if head.endswith("\n") else "\n") + "\n" + block, encoding="utf-8")
    try:
        _parse_file(file)
    except KnowledgeBaseError:
        if old is None:
            file.unlink()
        else:
            file.write_text(old, encoding="utf-8")
        raise
    return str(KB[slug])
