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

import pyoxigraph as ox

from ..layout import Layout
from ..namespace import KG
from .module import superclass_pairs, told_subclasses

__all__ = ["updates"]

_KG = str(KG._NS)


def updates(work: ox.Store, graph: ox.NamedNode, *, layout: Layout) -> list[str]:
    """The SPARQL update operations (to run on the source store) that add the event class
    memberships to ``graph``, which already holds the engine's answer.

    :param work: the module store (for the TBox).
    :param layout: the source store's layout (which graphs are read).
    """
    # VALUES, not FILTER(?c IN (...)): Oxigraph then reads only these classes' rdf:type triples
    # (10x faster on a 300-article store than scanning every rdf:type triple through a filter)
    events = " ".join(f"<{c}>" for c in told_subclasses(work, str(KG.Event)))
    attacks = " ".join(f"<{c}>" for c in told_subclasses(work, str(KG.Attack)))
    pairs = superclass_pairs(work)
    values = " ".join(f"(<{c}> <{d}>)" for c, d in pairs)
    defined = {str(KG.AttackOnStateAffiliated), str(KG.AttackByStateAffiliated)}
    defined_values = " ".join(f"(<{c}> <{d}>)" for c, d in pairs if c in defined)

    ok = layout.sparql_reasoning_filter

    is_event = f"VALUES ?ec {{ {events} }} GRAPH ?g0 {{ ?e a ?ec }} FILTER(isIRI(?e) && {ok('g0')})"
    steps = [
        # asserted kg: classes and their told kg: superclasses
        f"""INSERT {{ GRAPH {graph} {{ ?e a ?d }} }} WHERE {{
            {{ SELECT DISTINCT ?e WHERE {{ {is_event} }} }}
            {{ GRAPH ?g1 {{ ?e a ?d }} FILTER(isIRI(?d) && STRSTARTS(STR(?d), "{_KG}") && {ok('g1')}) }}
            UNION {{ VALUES (?c ?d) {{ {values} }} GRAPH ?g1 {{ ?e a ?c }} FILTER({ok('g1')}) }} }}""",
    ]
    for cls, role in (("AttackOnStateAffiliated", "target"), ("AttackByStateAffiliated", "agent")):
        steps.append(f"""INSERT {{ GRAPH {graph} {{ ?e a kg:{cls} }} }} WHERE {{
            GRAPH {graph} {{ ?t a kg:StateAffiliatedActor }}
            GRAPH ?g1 {{ ?e kg:{role} ?t }} VALUES ?ac {{ {attacks} }} GRAPH ?g2 {{ ?e a ?ac }}
            FILTER(isIRI(?e) && {ok('g1')} && {ok('g2')}) }}""")
    if defined_values:
        steps.append(f"""INSERT {{ GRAPH {graph} {{ ?e a ?d }} }} WHERE {{
            VALUES (?c ?d) {{ {defined_values} }} GRAPH {graph} {{ ?e a ?c }} }}""")
    return steps
