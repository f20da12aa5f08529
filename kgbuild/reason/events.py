"""The event stage: class memberships of events, computed in the source store itself.

Events are leaves of the instance graph (the ontology has no inverse properties, so nothing an
event asserts can change what is entailed about an actor), and they are most of the
individuals. So neither engine sees them: the engine reasons over the actors and memberships
(:mod:`kgbuild.reason.module`), writes its answer into a temporary graph, and this stage adds,
for every node with an asserted event class (a told subclass of ``kg:Event``), read from the
kb and doc graphs of the store:

- every kg: class it is asserted to have, and every told kg: superclass of those;
- ``kg:AttackOnStateAffiliated`` / ``kg:AttackByStateAffiliated`` (and their told superclasses)
  when one of its classes is ``kg:Attack`` (or a told subclass) and a ``kg:target`` /
  ``kg:agent`` is a ``kg:StateAffiliatedActor`` in the engine's answer: the ontology's
  definitions ``Attack ⊓ ∃target.StateAffiliatedActor`` and ``Attack ⊓ ∃agent.StateAffiliatedActor``.

It runs as SPARQL updates on the store, so events never pass through Python.
"""
from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox

from ..layout import Layout
from ..namespace import KG
from .module import superclass_pairs, told_subclasses

__all__ = ["updates"]

_KG = str(KG._NS)


def updates(work: ox.Store, graph: ox.NamedNode, *, layout: Layout, sources: Sequence[ox.NamedNode]) -> list[str]:
    """The SPARQL update operations (to run on the source store) that add the event class
    memberships to ``graph``, which already holds the engine's answer, for the events whose
    class is asserted in ``sources``.

    :param work: the module store (for the TBox).
    :param layout: the source store's layout (which graphs are read).
    :param sources: reasoning input graphs, one chunk of them (:func:`kgbuild.reason.api._write`
        classifies a store's events a few hundred graphs at a time, so that each update's
        transaction stays small).
    """
    events = ", ".join(f"<{c}>" for c in told_subclasses(work, str(KG.Event)))
    attacks = ", ".join(f"<{c}>" for c in told_subclasses(work, str(KG.Attack)))
    pairs = superclass_pairs(work)
    values = " ".join(f"(<{c}> <{d}>)" for c, d in pairs)
    defined = {str(KG.AttackOnStateAffiliated), str(KG.AttackByStateAffiliated)}
    defined_values = " ".join(f"(<{c}> <{d}>)" for c, d in pairs if c in defined)
    ok = layout.sparql_reasoning_filter
    in_sources = f"VALUES ?g0 {{ {' '.join(str(g) for g in sources)} }}"

    def of_class(classes: str) -> str:
        # the graphs first, then the class filter inside each: Oxigraph then reads only the
        # chunk's graphs (reading every event's rdf:type triple per chunk made a 10k-article
        # store's classification quadratic); what follows is joined LATERAL, for each event
        # found (a plain join let Oxigraph read every agent and target of the store first)
        return (f"{{ SELECT DISTINCT ?e WHERE {{ {in_sources} "
                f"GRAPH ?g0 {{ ?e a ?ec FILTER(isIRI(?e) && ?ec IN ({classes})) }} }} }}")

    steps = [
        # asserted kg: classes and their told kg: superclasses
        f"""INSERT {{ GRAPH {graph} {{ ?e a ?d }} }} WHERE {{
            {of_class(events)} LATERAL {{
            {{ GRAPH ?g1 {{ ?e a ?d }} FILTER(isIRI(?d) && STRSTARTS(STR(?d), "{_KG}") && {ok('g1')}) }}
            UNION {{ VALUES (?c ?d) {{ {values} }} GRAPH ?g1 {{ ?e a ?c }} FILTER({ok('g1')}) }} }} }}""",
    ]
    for cls, role in (("AttackOnStateAffiliated", "target"), ("AttackByStateAffiliated", "agent")):
        steps.append(f"""INSERT {{ GRAPH {graph} {{ ?e a kg:{cls} }} }} WHERE {{
            {of_class(attacks)} LATERAL {{
            GRAPH ?g1 {{ ?e kg:{role} ?t }} FILTER({ok('g1')})
            GRAPH {graph} {{ ?t a kg:StateAffiliatedActor }} }} }}""")
    if defined_values:
        steps.append(f"""INSERT {{ GRAPH {graph} {{ ?e a ?d }} }} WHERE {{
            {of_class(events)} LATERAL {{
            VALUES (?c ?d) {{ {defined_values} }} GRAPH {graph} {{ ?e a ?c }} }} }}""")
    return steps
