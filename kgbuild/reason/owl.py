"""The HermiT engine (the jar that ships with owlready2; needs Java), and what the OWL engines
share: the module's ABox as a reasoner gets it (:func:`abox`), running the JVM (:func:`run_java`)
and turning a reasoner's answer into the DESIGN set (:func:`design_set`).

What HermiT reasons over: the ontology (the whole TBox) and the actor part of the reasoning
module (:mod:`kgbuild.reason.module`): the kg: types of every non-event node and the membership
triples between IRIs. HermiT classifies the TBox and realises every individual's classes and
object-property values (``-c -O -D -I -Y``, as owlready2's ``sync_reasoner_hermit`` with
``infer_property_values=True`` runs it). Events are classified afterwards from HermiT's answer
by :mod:`kgbuild.reason.events`.

Two reductions keep HermiT's work near-linear; both give exactly the same entailments because the
ontology has no inverse properties, nominals, number restrictions, functional properties or keys
(so what holds of an individual depends only on it and what it points to): each is checked on
the TBox at run time and skipped when the ontology has any of those constructs.

1. *Leaf summarisation*: individuals that nothing points to and that have the same asserted
   classes and the same outgoing membership triples (e.g. the thousands of articles' provisional
   groups that are ``partOf`` the same KB actor, or places ``locatedIn`` the same state) are one
   representative for HermiT; its answer is copied to each of them.
2. *Components*: the membership graph falls apart into connected components (roughly, one per
   state's institutions); they share no individual, so they are reasoned over separately, packed
   into ontologies of about :data:`CHUNK` individuals (each with the whole TBox), all in one
   HermiT run (one JVM). HermiT's cost grows faster than linearly with the individuals of one
   ontology (82 s for 1,100 KB individuals in one ontology, ~10 s CPU in chunks of ~50).

HermiT prints direct types and property values under the most specific property only; both are
lifted along HermiT's own class and property hierarchy, and the answer is restricted to the
DESIGN set (see :func:`kgbuild.reason.api.infer_set`).

>>> java_path() is None or java_path().endswith("java")
True
"""
from __future__ import annotations

import importlib.util
import logging
import re
import shutil
import signal
import subprocess
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import ReasonerError
from ..namespace import KG
from ..signals import held_stops, stop_signals
from .module import INPUT_PROPERTIES, PREFIXES, TBOX_GRAPH
from .rules import CLOSED_PROPERTIES

__all__ = ["materialise", "java_path", "hermit_classpath", "owlready2_dir", "require_java", "Abox", "abox",
           "abox_ntriples", "closure", "design_set", "run_java", "INPUT_PROPERTIES", "CHUNK"]

log = logging.getLogger(__name__)

#: individuals per ontology handed to HermiT (components are never split)
CHUNK = 50

_KG = str(KG._NS)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_NT = ox.RdfFormat.N_TRIPLES
_OWL = "http://www.w3.org/2002/07/owl#"
#: TBox constructs under which an individual's entailments may depend on who points to it or on
#: how many individuals there are: with any of them, no summarisation and one ontology
_NON_LOCAL = [f"{_OWL}{t}" for t in (
    "inverseOf", "oneOf", "hasValue", "cardinality", "minCardinality", "maxCardinality",
    "qualifiedCardinality", "minQualifiedCardinality", "maxQualifiedCardinality", "hasKey",
    "FunctionalProperty", "InverseFunctionalProperty", "SymmetricProperty", "AsymmetricProperty",
    "topObjectProperty", "allValuesFrom", "complementOf")]
_LINE = re.compile(r"^([A-Za-z]+)\( ((?:<[^>]+>\s*)+)\)$", re.MULTILINE)
_PROP = re.compile(r"^<([^>]+)> \(known instances:\s*(.*?)\s*\|\s*possible instances:", re.MULTILINE)
_PAIR = re.compile(r"\(<([^>]+)>, <([^>]+)>\)")


def java_path() -> str | None:
    """The ``java`` executable on ``PATH``, or ``None``."""
    return shutil.which("java")


def require_java(java: str | None, reasoner: str) -> str:
    """``java``, else :func:`java_path`.

    :raises ReasonerError: there is no Java.
    """
    found = java or java_path()
    if not found:
        raise ReasonerError(f"the {reasoner} reasoner needs Java (no `java` on PATH); "
                            "install a JRE or use --reasoner rules")
    return found


def owlready2_dir(reasoner: str) -> Path:
    """owlready2's package folder (it ships the HermiT and Pellet jars), without importing it.

    :raises ReasonerError: owlready2 is not installed.
    """
    spec = importlib.util.find_spec("owlready2")
    if spec is None or spec.origin is None:
        raise ReasonerError(f"the {reasoner} reasoner needs owlready2 (pip install owlready2)")
    return Path(spec.origin).parent


def hermit_classpath() -> str:
    """The classpath of the HermiT jar bundled with owlready2 (without importing owlready2).

    :raises ReasonerError: owlready2 is not installed.
    """
    here = owlready2_dir("HermiT") / "hermit"
    return f"{here}:{here / 'HermiT.jar'}"


def _is_local(work: ox.Store) -> bool:
    """Whether the TBox is free of :data:`_NON_LOCAL` constructs (summarising is then exact)."""
    terms = " ".join(f"<{t}>" for t in _NON_LOCAL)
    return not work.query(f"ASK {{ VALUES ?t {{ {terms} }} GRAPH {TBOX_GRAPH} {{ {{ ?s ?t ?o }} UNION {{ ?s ?p ?t }} }} }}")


def _read_abox(work: ox.Store) -> tuple[dict[str, set[str]], dict[str, set[tuple[str, str]]]]:
    """``(types, edges)``: kg: classes and outgoing membership triples of every individual."""
    types: dict[str, set[str]] = defaultdict(set)
    edges: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s, o in work.query("SELECT ?s ?o WHERE { ?s a ?o }"):
        types[s.value].add(o.value)
    values = " ".join(f"<{p}>" for p in sorted(INPUT_PROPERTIES))
    for s, p, o in work.query(f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"):
        edges[s.value].add((p.value, o.value))
        types.setdefault(s.value, set())
        types.setdefault(o.value, set())
    return types, edges


@dataclass(frozen=True, slots=True)
class Abox:
    """The module's individuals as a reasoner gets them (:func:`abox`)."""

    types: dict[str, set[str]]
    """Every individual's asserted ``kg:`` classes."""
    edges: dict[str, set[tuple[str, str]]]
    """Every individual's outgoing membership triples, as ``(property, object)``."""
    individuals: list[str]
    """The representatives, sorted: what the reasoner reasons over."""
    reps: dict[str, list[str]]
    """Representative -> the individuals it stands for (itself included)."""
    local: bool
    """Whether the TBox is free of constructs that make entailments non-local (:data:`_NON_LOCAL`)."""


def abox(work: ox.Store) -> Abox:
    """The ABox of a module store, its leaf individuals summarised when that is exact."""
    local = _is_local(work)
    types, edges = _read_abox(work)
    individuals, reps = _summarise(types, edges, local)
    return Abox(types=types, edges=edges, individuals=individuals, reps=reps, local=local)


def _summarise(types: dict[str, set[str]], edges: dict[str, set[tuple[str, str]]],
               local: bool) -> tuple[list[str], dict[str, list[str]]]:
    """``(individuals for HermiT, representative -> the individuals it stands for)``."""
    if not local:
        return sorted(types), {i: [i] for i in types}
    pointed = {o for out in edges.values() for _, o in out}
    members: dict[tuple[frozenset[str], frozenset[tuple[str, str]]] | str, list[str]] = defaultdict(list)
    for i in sorted(types):
        key = i if i in pointed else (frozenset(types[i]), frozenset(edges.get(i, ())))
        members[key].append(i)
    reps = {group[0]: group for group in members.values()}
    return sorted(reps), reps


def _range_properties(work: ox.Store) -> set[str] | None:
    """Properties whose every triple gives its object a class (an ``rdfs:range`` or one of a
    super-property): one such triple is all an object needs. ``None`` when a property chain
    ends in one of them through another property (then an object's classes may depend on
    longer paths into it, and the ABox is not split)."""
    rows = work.query(PREFIXES + f"""SELECT DISTINCT ?p WHERE {{ GRAPH {TBOX_GRAPH} {{
        ?r rdfs:range ?c . ?p rdfs:subPropertyOf* ?r }} }}""")
    found = {row["p"].value for row in rows if isinstance(row["p"], ox.NamedNode)}
    if not found:
        return found
    values = " ".join(f"<{p}>" for p in sorted(found))
    rows = work.query(PREFIXES + f"""SELECT DISTINCT ?last WHERE {{ GRAPH {TBOX_GRAPH} {{
        VALUES ?p {{ {values} }} ?x rdfs:subPropertyOf* ?p . ?x owl:propertyChainAxiom ?l .
        ?l rdf:rest* ?n . ?n rdf:rest rdf:nil ; rdf:first ?last }} }}""")
    lasts = {row["last"].value for row in rows if isinstance(row["last"], ox.NamedNode)}
    return found if lasts <= found else None


def _chunks(individuals: list[str], edges: dict[str, set[tuple[str, str]]], ranged: set[str] | None,
            local: bool) -> list[list[str]]:
    """Ontologies for HermiT. Each holds, for some individuals, everything the entailments about
    them depend on: what they point to, transitively (their forward closure), plus, for every
    node in it, the individuals pointing to that node with a :func:`_range_properties` triple
    (a range axiom gives the node a class; one per property is enough). About :data:`CHUNK` individuals per ontology; an
    individual may be in several (entailments only grow with the ABox, so every ontology's
    answer is sound, and each individual's is complete in the one holding its closure)."""
    if not local or ranged is None:
        return [individuals]
    keep = set(individuals)
    forward: dict[str, set[str]] = defaultdict(set)
    witness: dict[tuple[str, str], str] = {}  # (node, property) -> one individual stating it
    for s in individuals:
        for p, o in sorted(edges.get(s, ())):
            forward[s].add(o)
            if p in ranged and s in keep:
                witness.setdefault((o, p), s)
    witnesses: dict[str, set[str]] = defaultdict(set)
    for (o, _), s in witness.items():
        witnesses[o].add(s)
    chunks: list[list[str]] = []
    current: set[str] = set()
    complete: set[str] = set()
    for i in individuals:
        if i in complete:
            continue
        closure, todo = {i}, [i]
        while todo:
            for o in forward.get(todo.pop(), ()):
                if o not in closure:
                    closure.add(o)
                    todo.append(o)
        support = closure.union(*(witnesses.get(o, ()) for o in closure))
        if current and len(current | support) > CHUNK:
            chunks.append(sorted(current))
            current = set()
        current |= support
        complete |= closure
    if current:
        chunks.append(sorted(current))
    return chunks


def abox_ntriples(chunk: list[str], types: dict[str, set[str]], edges: dict[str, set[tuple[str, str]]]) -> bytes:
    """The ABox of the individuals ``chunk`` (declarations, classes, outgoing triples) as N-Triples."""
    lines = []
    for i in chunk:
        lines.append(f"<{i}> <{_RDF_TYPE}> <{_OWL}NamedIndividual> .")
        lines.extend(f"<{i}> <{_RDF_TYPE}> <{c}> ." for c in sorted(types[i]))
        lines.extend(f"<{i}> <{p}> <{o}> ." for p, o in sorted(edges.get(i, ())))
    return ("\n".join(lines) + "\n").encode()


def run_java(command: list[str], *, reasoner: str, inconsistent: tuple[str, ...]) -> str:
    """What the reasoner run by ``command`` (``java`` first) printed. When anything, a stop
    signal included, interrupts the wait, the JVM is killed and reaped before the interruption
    goes on (``subprocess.run`` kills it on a ``KeyboardInterrupt`` but leaves it unreaped, a
    zombie until someone else collects it).

    :raises ReasonerError: Java cannot start, or the reasoner failed (``inconsistent``: the
        messages by which it says the ontology plus the data is inconsistent).
    """
    try:
        with held_stops() as held:  # a stop while the JVM starts waits until it can be killed
            jvm = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as exc:
        raise ReasonerError(f"{reasoner} failed: cannot run {command[0]}: {exc}") from exc
    try:
        held.release()
        stdout, stderr = jvm.communicate()
    except BaseException:
        jvm.kill()
        jvm.wait()
        raise
    out = stdout.decode("utf-8", "replace")
    if jvm.returncode:
        err = (stderr or stdout).decode("utf-8", "replace")
        if any(message in err for message in inconsistent):
            raise ReasonerError(f"{reasoner}: the ontology plus the data is inconsistent")
        lines = [line for line in err.strip().splitlines() if line.strip()]
        raise ReasonerError(f"{reasoner} failed: {' '.join(lines[:3])[:500]}")
    return out


def _run_hermit(files: list[Path], java: str, memory_mb: int) -> str:
    """HermiT's printed answer for ``files``."""
    command = [java, f"-Xmx{memory_mb}M", "-cp", hermit_classpath(), "org.semanticweb.HermiT.cli.CommandLine",
               "-c", "-O", "-D", "-I", "-Y", "--ignoreUnsupportedDatatypes", *(f.as_uri() for f in files)]
    return run_java(command, reasoner="HermiT", inconsistent=("Inconsistent ontology", "InconsistentOntology"))


def closure(direct: dict[str, set[str]]) -> dict[str, set[str]]:
    """Reflexive-transitive closure of a "direct super" relation."""
    out: dict[str, set[str]] = {}

    def up(x: str, seen: set[str]) -> set[str]:
        if x in out:
            return out[x]
        result = {x}
        for y in direct.get(x, ()):
            if y not in seen:
                result |= up(y, seen | {y})
        out[x] = result
        return result

    for x in list(direct):
        up(x, {x})
    return out


def _read_output(out: str, reps: dict[str, list[str]]) -> bytes:
    """The DESIGN set (actor part) from HermiT's printed hierarchy, types and property values."""
    supers: dict[str, set[str]] = defaultdict(set)
    prop_supers: dict[str, set[str]] = defaultdict(set)
    direct_types: dict[str, set[str]] = defaultdict(set)
    for kind, iris in _LINE.findall(out):
        terms = iris.strip()[1:-1].split("> <")
        if kind == "SubClassOf":
            supers[terms[0]].add(terms[1])
        elif kind == "SubObjectPropertyOf":
            prop_supers[terms[0]].add(terms[1])
        elif kind == "EquivalentClasses":
            for a in terms:
                supers[a].update(t for t in terms if t != a)
        elif kind == "EquivalentObjectProperties":
            for a in terms:
                prop_supers[a].update(t for t in terms if t != a)
        elif kind in ("Type", "ClassAssertion"):
            direct_types[terms[0]].add(terms[1])
    class_up, prop_up = closure(supers), closure(prop_supers)
    every = {rep: set().union(*(class_up.get(c, {c}) for c in classes)) for rep, classes in direct_types.items()}
    values = ((s, t, o) for prop, known in _PROP.findall(out) for s, o in _PAIR.findall(known)
              for t in prop_up.get(prop, {prop}))
    return design_set(every, values, reps)


def design_set(types: dict[str, set[str]], values: Iterable[tuple[str, str, str]],
               reps: dict[str, list[str]]) -> bytes:
    """The actor part of the DESIGN set, as N-Triples, from a reasoner's answer about the
    representatives: ``types`` (every class, superclasses included) and ``values`` (every
    entailed ``(subject, property, object)``, super-properties included), copied to the
    individuals each representative stands for. Kept: the ``kg:`` classes of actors and events,
    and the :data:`~kgbuild.reason.rules.CLOSED_PROPERTIES` triples between individuals.

    >>> kg = str(KG._NS)
    >>> answer = design_set({"urn:a": {"urn:x", f"{kg}Actor"}}, [("urn:a", f"{kg}partOf", "urn:b")],
    ...                     {"urn:a": ["urn:a", "urn:c"]})
    >>> print(answer.decode().replace(kg, "kg:"))
    <urn:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <kg:Actor> .
    <urn:a> <kg:partOf> <urn:b> .
    <urn:c> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <kg:Actor> .
    <urn:c> <kg:partOf> <urn:b> .
    <BLANKLINE>
    """
    closed = set(CLOSED_PROPERTIES)
    lines: set[str] = set()
    actor_event = {str(KG.Actor), str(KG.Event)}
    for rep, every in types.items():
        if not every & actor_event:
            continue
        for member in reps.get(rep, [rep]):
            lines.update(f"<{member}> <{_RDF_TYPE}> <{c}> ." for c in every if c.startswith(_KG))
    for s, prop, o in values:
        if prop not in closed or s.startswith(_KG) or o.startswith(_KG):
            continue
        for s_member in reps.get(s, [s]):
            # a representative points to itself only through hasSelf-like axioms
            for o_member in ([s_member] if o == s else reps.get(o, [o])):
                lines.add(f"<{s_member}> <{prop}> <{o_member}> .")
    return "\n".join(sorted(lines)).encode() + b"\n"


def materialise(work: ox.Store, *, java: str | None = None, memory_mb: int = 2000) -> bytes:
    """The actor part of the DESIGN set for a module store (:func:`kgbuild.reason.module.extract`),
    computed by HermiT, as N-Triples. ``work`` is only read.

    :param java: the Java executable (default: :func:`java_path`).
    :param memory_mb: the JVM heap (``-Xmx``).
    :raises ReasonerError: no Java or owlready2, the ontology is inconsistent, or HermiT failed.
    :raises kgbuild.signals.Stopped: SIGTERM or SIGHUP arrived meanwhile (the JVM is stopped and
        HermiT's temporary files are removed first).
    """
    java = require_java(java, "HermiT")
    box = abox(work)
    chunks = _chunks(box.individuals, box.edges, _range_properties(work), box.local)
    log.info("HermiT: %d individuals as %d representatives in %d ontologies",
             len(box.types), len(box.individuals), len(chunks))
    tbox = work.dump(format=_NT, from_graph=TBOX_GRAPH)
    # SIGTERM and SIGHUP unwind like Ctrl-C here: the JVM is killed and the files removed
    with stop_signals((signal.SIGTERM, signal.SIGHUP)), tempfile.TemporaryDirectory(prefix="kgbuild-hermit-") as tmp:
        files = []
        for n, chunk in enumerate(chunks or [[]]):
            path = Path(tmp) / f"module-{n}.nt"
            path.write_bytes(tbox + abox_ntriples(chunk, box.types, box.edges))
            files.append(path)
        out = _run_hermit(files, java, memory_mb)
    return _read_output(out, box.reps)
