"""One actor class per provisional actor, decided over every article: the ``actors`` graph.

A provisional actor's IRI comes from its name alone (``actor/{slug}``), so two articles can
name the same actor and type it differently ("Svalbard" a place in one story, an
organisation in another). Each article's graph keeps what that article says
(``kg:provisionalClass``); the store's one ``rdf:type`` per provisional actor is written here,
in ``graph/actors``, rewritten whole after every build that changed articles. The class
chosen is the one the most articles give, then the one with the most mentions in them, then
the first in :class:`~kgbuild.vocabulary.ActorClass` order, so the decision never depends on
the order articles were built in, and a later article can revise it.

>>> from kgbuild.store import GraphStore
>>> from kgbuild.namespace import KG
>>> store = GraphStore.in_memory()
>>> actor = ox.NamedNode(store.layout.base + "actor/svalbard")
>>> stated = ox.NamedNode(str(KG.provisionalClass))
>>> store.bulk_load([ox.Quad(actor, stated, ox.NamedNode(str(KG[c])), store.layout.doc_graph(a))
...                  for a, c in (("a1", "Place"), ("a2", "Place"), ("a3", "Organization"))])
>>> refresh(store), [q.object.value.split("#")[1] for q in store.quads(store.layout.actors_graph, subject=actor)]
(1, ['Place'])
>>> is_current(store)
True
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pyoxigraph as ox

from .layout import Layout
from .namespace import KG
from .store import GraphStore, current_marker
from .vocabulary import ActorClass

__all__ = ["ClassVote", "class_votes_query", "votes_from_rows", "decide", "actors_graph_triples",
           "refresh", "is_current", "mark_stale"]

_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_ORDER = {c.iri: i for i, c in enumerate(ActorClass)}


@dataclass(frozen=True, slots=True)
class ClassVote:
    """What the articles say of one provisional actor's class: how many give it, with how many mentions."""

    actor: str
    actor_class: str
    articles: int
    mentions: int


def class_votes_query(layout: Layout) -> str:
    """SPARQL over the doc graphs: per provisional actor and class, the articles and mentions."""
    return (f"SELECT ?a ?c (COUNT(DISTINCT ?g) AS ?articles) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {{\n"
            f"  GRAPH ?g {{ ?a <{KG.provisionalClass}> ?c OPTIONAL {{ ?m <{KG.denotes}> ?a }} }}\n"
            f'  FILTER(STRSTARTS(STR(?g), "{layout.article_graph_prefix("doc")}"))\n'
            f"}} GROUP BY ?a ?c")


def votes_from_rows(rows: Iterable[Mapping[str, str]]) -> list[ClassVote]:
    """:class:`ClassVote` from the query's rows as strings (a SPARQL JSON result's values)."""
    return [ClassVote(r["a"], r["c"], int(r["articles"]), int(r.get("mentions") or 0)) for r in rows]


def decide(votes: Iterable[ClassVote]) -> dict[str, str]:
    """Actor IRI -> the class IRI most articles give it (then most mentions, then class order);
    classes outside the ontology's actor classes are never chosen.

    >>> kg = "https://w3id.org/kgbuild/ontology#"
    >>> decide([ClassVote("x", kg + "Place", 1, 1), ClassVote("x", kg + "Organization", 1, 3),
    ...         ClassVote("y", kg + "Place", 1, 2), ClassVote("y", kg + "Group", 1, 2)])
    {'x': 'https://w3id.org/kgbuild/ontology#Organization', 'y': 'https://w3id.org/kgbuild/ontology#Group'}
    """
    best: dict[str, tuple[tuple[int, int, int], str]] = {}
    for vote in votes:
        if vote.actor_class not in _ORDER:
            continue
        key = (vote.articles, vote.mentions, -_ORDER[vote.actor_class])
        if vote.actor not in best or key > best[vote.actor][0]:
            best[vote.actor] = (key, vote.actor_class)
    return {actor: cls for actor, (_, cls) in sorted(best.items())}


def actors_graph_triples(decided: Mapping[str, str], *, layout: Layout) -> list[ox.Triple]:
    """The actors graph's content: one ``rdf:type`` per actor and the graph's 'current' marker."""
    return [*(ox.Triple(ox.NamedNode(a), _RDF_TYPE, ox.NamedNode(c)) for a, c in decided.items()),
            current_marker(layout.actors_graph)]


def refresh(store: GraphStore) -> int:
    """Decide every provisional actor's class from the store's doc graphs and replace the
    actors graph with it, atomically. Returns the number of actors typed.

    :raises StoreError: the graph could not be written (the old one is kept).
    """
    layout = store.layout
    rows = store.query(class_votes_query(layout), union=False)
    votes = [ClassVote(r["a"].value, r["c"].value, int(r["articles"].value), int(r["mentions"].value))
             for r in rows if isinstance(r["a"], ox.NamedNode) and isinstance(r["c"], ox.NamedNode)]
    decided = decide(votes)
    triples = actors_graph_triples(decided, layout=layout)
    # the inferred graph stays exact but for the actors whose class changes (when it was exact)
    old = {q.triple for q in store.quads(layout.actors_graph)}
    store.mark_inferred_pending((), nodes={t.subject for t in old.symmetric_difference(triples)
                                           if isinstance(t.subject, ox.NamedNode) and t.subject != layout.actors_graph})
    store.replace_graph(layout.actors_graph, triples)
    return len(decided)


def is_current(store: GraphStore) -> bool:
    """Whether the actors graph was decided after the last change of the articles."""
    return store.is_current(store.layout.actors_graph)


def mark_stale(store: GraphStore) -> None:
    """Drop the actors graph's 'current' marker (articles are about to change)."""
    store.mark_stale(store.layout.actors_graph)
