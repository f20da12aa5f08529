"""The OWL engine: owlready2 + HermiT (needs Java).

The input is cut down to what the entailments depend on (the ontology's TBox, the kg: types
of named nodes, the membership properties and the event roles ``agent``/``target``), written
as N-Triples in memory (owlready2 does not read Turtle), loaded into a fresh owlready2
``World`` and classified/realised by HermiT with ``infer_property_values=True``. The answer is
read back restricted to the DESIGN set (see :func:`kgbuild.reason.rules.infer`).

>>> java_path() is None or java_path().endswith("java")
True
"""
from __future__ import annotations

import io
import logging
import shutil
import subprocess
from collections.abc import Iterable

import pyoxigraph as ox

from ..errors import ReasonerError
from ..namespace import KG
from .module import INPUT_PROPERTIES, PREFIXES, TBOX_GRAPH
from .rules import CLOSED_PROPERTIES

__all__ = ["infer", "materialise", "java_path", "INPUT_PROPERTIES"]

log = logging.getLogger(__name__)

_KG = str(KG._NS)
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_NT = ox.RdfFormat.N_TRIPLES
_INPUT_ONTOLOGY = "https://w3id.org/kgbuild/reasoning-input"

def java_path() -> str | None:
    """The ``java`` executable on ``PATH``, or ``None``."""
    return shutil.which("java")


def _input_ntriples(work: ox.Store) -> bytes:
    """TBox + kg: types + membership/role triples + an ``owl:NamedIndividual`` declaration per IRI."""
    values = " ".join(f"<{p}>" for p in sorted(INPUT_PROPERTIES))
    tbox = work.dump(format=_NT, from_graph=TBOX_GRAPH)
    abox = work.query(PREFIXES + f"""CONSTRUCT {{ ?s ?p ?o . ?i a owl:NamedIndividual }} WHERE {{
        {{ ?s rdf:type ?o BIND(rdf:type AS ?p) BIND(?s AS ?i) }}
        UNION {{ VALUES ?p {{ {values} }} ?s ?p ?o {{ BIND(?s AS ?i) }} UNION {{ BIND(?o AS ?i) }} }} }}""")
    return tbox + abox.serialize(format=_NT)


def materialise(work: ox.Store, *, java: str | None = None, memory_mb: int = 2000) -> bytes:
    """The DESIGN set entailed by a module store (:func:`kgbuild.reason.module.extract`), computed
    by HermiT, as N-Triples. ``work`` is only read.

    :param java: the Java executable (default: :func:`java_path`).
    :param memory_mb: the JVM heap (``-Xmx``).
    :raises ReasonerError: no Java, the ontology is inconsistent, or HermiT failed.
    """
    java = java or java_path()
    if not java:
        raise ReasonerError("the HermiT reasoner needs Java (no `java` on PATH); "
                            "install a JRE or use --reasoner rules")
    import owlready2

    ntriples = _input_ntriples(work)
    world = owlready2.World()
    try:
        onto = world.get_ontology(_INPUT_ONTOLOGY).load(fileobj=io.BytesIO(ntriples), format="ntriples")
        owlready2.JAVA_EXE = java
        owlready2.reasoning.JAVA_MEMORY = memory_mb
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=True, debug=0,
                                           ignore_unsupported_datatypes=True)
        return ox.serialize(_read_back(world, owlready2), format=_NT)
    except owlready2.OwlReadyInconsistentOntologyError as exc:
        raise ReasonerError("HermiT: the ontology plus the data is inconsistent "
                            "(e.g. an event with two disjoint event classes)") from exc
    except (owlready2.OwlReadyJavaError, OSError, subprocess.SubprocessError) as exc:
        first = str(exc).strip().splitlines()
        raise ReasonerError(f"HermiT failed: {' '.join(first[:3])[:500]}") from exc
    finally:
        world.close()


def infer(tbox: Iterable[ox.Triple] | None, data: Iterable[ox.Triple], *, java: str | None = None,
          memory_mb: int = 2000) -> set[ox.Triple]:
    """:func:`materialise` over ``tbox`` (``None``: the bundled ontology) + ``data``, as a set."""
    from .api import infer_set

    return infer_set(tbox, data, engine="hermit", java=java)


def _read_back(world: object, owlready2: object) -> set[ox.Triple]:
    thing_class = owlready2.ThingClass  # type: ignore[attr-defined]
    actor_event = {str(KG.Actor), str(KG.Event)}
    out: set[ox.Triple] = set()
    for ind in world.individuals():  # type: ignore[attr-defined]
        iri = ind.iri
        if not iri or iri.startswith(_KG):
            continue
        classes = {c.iri for c in ind.INDIRECT_is_a if isinstance(c, thing_class)}
        if not classes & actor_event:
            continue
        subject = ox.NamedNode(iri)
        out.update(ox.Triple(subject, _RDF_TYPE, ox.NamedNode(c)) for c in classes if c.startswith(_KG))
    # HermiT lists each pair under the most specific property only (like direct types), so
    # a pair of Q is also a pair of every super-property of Q (HermiT's property hierarchy).
    closed = set(CLOSED_PROPERTIES)
    for prop in world.object_properties():  # type: ignore[attr-defined]
        targets = [a.iri for a in prop.ancestors() if getattr(a, "iri", None) in closed]
        if not targets:
            continue
        for s, o in prop.get_relations():
            s_iri, o_iri = getattr(s, "iri", None), getattr(o, "iri", None)
            if s_iri and o_iri and not (s_iri.startswith(_KG) or o_iri.startswith(_KG)):
                pair = (ox.NamedNode(s_iri), ox.NamedNode(o_iri))
                out.update(ox.Triple(pair[0], ox.NamedNode(t), pair[1]) for t in targets)
    return out
