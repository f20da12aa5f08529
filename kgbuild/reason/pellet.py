"""The Pellet engine: Pellet 2.3.1 (the jars that ship with owlready2; needs Java).

Pellet gets the whole TBox and the module's ABox in one ontology, the leaf individuals
summarised as for HermiT (:func:`kgbuild.reason.owl.abox`), and realises every individual's
classes and object-property values (``pellet realize --infer-prop-values``, as owlready2's
``sync_reasoner_pellet(infer_property_values=True)`` runs it). Pellet's tableau handles one
ontology of all the representatives in about the time HermiT needs for fifty
(docs/performance.md), so the ABox is not split. It reads the file with the OWL API loader:
owlready2's patched Jena loader is compiled for a newer Java than 17.

Pellet prints the class hierarchy as an indented tree, each class followed by its direct
instances, then every entailed property value (super-properties included) on a ``PROPINST:``
line; classes are lifted along that tree. Pellet's realisation misses class memberships that
hang on a property chain over a value another chain entailed (``leaderOf`` a body ``partOf`` a
State gives ``memberOf`` the State by one chain, then ``affiliatedState`` by ``memberOf ∘
stateSelf``, then ``StateAffiliatedActor``), although its property values hold them. So Pellet
runs twice: first for the property values, then for the classes, with every value it entailed
asserted (entailed triples change no model, so no entailment either). The tests compare Pellet
with HermiT and the rule engine on such chains.
"""
from __future__ import annotations

import logging
import re
import signal
import tempfile
from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from ..signals import stop_signals
from .module import TBOX_GRAPH
from .owl import abox, abox_ntriples, closure, design_set, owlready2_dir, require_java, run_java

__all__ = ["materialise", "pellet_classpath"]

log = logging.getLogger(__name__)

_VALUE = re.compile(r"^PROPINST: (\S+) (\S+) (\S+)$", re.MULTILINE)


def pellet_classpath() -> str:
    """The classpath of the Pellet jars bundled with owlready2 (without importing owlready2).

    :raises ReasonerError: owlready2 is not installed.
    """
    here = owlready2_dir("Pellet") / "pellet"
    return ":".join([str(here), *sorted(str(jar) for jar in here.glob("*.jar"))])


def _read_output(out: str, values: list[tuple[str, str, str]], reps: dict[str, list[str]]) -> bytes:
    """The DESIGN set (actor part) from Pellet's printed class tree (``out``) and the property
    values it entailed.

    >>> kg = "https://w3id.org/kgbuild/ontology#"
    >>> tree = f"owl:Thing\\n   {kg}Actor\\n      {kg}State = urn:Country - (urn:i)\\n"
    >>> values = [("urn:i", f"{kg}affiliatedState", "urn:i"), ("urn:i", "urn:helper", "urn:i")]
    >>> print(_read_output(tree, values, {"urn:i": ["urn:i", "urn:j"]}).decode().replace(kg, "kg:"))
    <urn:i> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <kg:Actor> .
    <urn:i> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <kg:State> .
    <urn:i> <kg:affiliatedState> <urn:i> .
    <urn:j> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <kg:Actor> .
    <urn:j> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <kg:State> .
    <urn:j> <kg:affiliatedState> <urn:j> .
    <BLANKLINE>
    """
    supers: dict[str, set[str]] = defaultdict(set)
    direct: dict[str, set[str]] = defaultdict(set)
    stack: list[tuple[int, list[str]]] = []
    for line in out.splitlines():
        body = line.lstrip()
        if not body or body.startswith("PROPINST: "):
            continue
        depth = len(line) - len(body)
        head, _, instances = body.partition(" - ")
        classes = head.split(" = ")
        while stack and stack[-1][0] >= depth:
            stack.pop()
        for c in classes:
            supers[c].update(x for x in classes if x != c)
            if stack:
                supers[c].update(stack[-1][1])
        stack.append((depth, classes))
        if instances.startswith("(") and instances.endswith(")"):
            for individual in instances[1:-1].split(", "):
                direct[individual].update(classes)
    up = closure(supers)
    every = {i: set().union(*(up.get(c, {c}) for c in classes)) for i, classes in direct.items()}
    return design_set(every, values, reps)


def materialise(work: ox.Store, *, java: str | None = None, memory_mb: int = 2000) -> bytes:
    """The actor part of the DESIGN set for a module store (:func:`kgbuild.reason.module.extract`),
    computed by Pellet, as N-Triples. ``work`` is only read.

    :param java: the Java executable (default: :func:`kgbuild.reason.owl.java_path`).
    :param memory_mb: the JVM heap (``-Xmx``).
    :raises ReasonerError: no Java or owlready2, the ontology is inconsistent, or Pellet failed.
    :raises kgbuild.signals.Stopped: SIGTERM or SIGHUP arrived meanwhile (the JVM is stopped and
        Pellet's temporary file is removed first).
    """
    java = require_java(java, "Pellet")
    box = abox(work)
    log.info("Pellet: %d individuals as %d representatives", len(box.types), len(box.individuals))
    tbox = work.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=TBOX_GRAPH)
    # SIGTERM and SIGHUP unwind like Ctrl-C here: the JVM is killed and the file removed
    with stop_signals((signal.SIGTERM, signal.SIGHUP)), tempfile.TemporaryDirectory(prefix="kgbuild-pellet-") as tmp:
        module = tbox + abox_ntriples(box.individuals, box.types, box.edges)
        values = _VALUE.findall(_run_pellet(Path(tmp) / "values.nt", module, java, memory_mb, values=True))
        entailed = "".join(f"<{s}> <{p}> <{o}> .\n" for s, p, o in values).encode()
        classes = _run_pellet(Path(tmp) / "classes.nt", module + entailed, java, memory_mb, values=False)
    return _read_output(classes, values, box.reps)


def _run_pellet(path: Path, ontology: bytes, java: str, memory_mb: int, *, values: bool) -> str:
    """What ``pellet realize`` prints for ``ontology`` (written to ``path``), with the entailed
    property values when ``values``."""
    path.write_bytes(ontology)
    command = [java, f"-Xmx{memory_mb}M", "-cp", pellet_classpath(), "pellet.Pellet", "realize",
               "--loader", "OWLAPIv3", *(["--infer-prop-values"] if values else []), "--ignore-imports", str(path)]
    return run_java(command, reasoner="Pellet", inconsistent=("Ontology is inconsistent",))
