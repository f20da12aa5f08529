"""Cross-article event fusion (engine-independent).

Events from at least two different articles that have the same asserted event class, the same
``kg:date`` and equal sets of agents and of targets are one real-world event: they get a
``{base}fused/{hash}`` node ``a kg:FusedEvent`` with ``kg:sourceCount`` (distinct articles),
and each event ``kg:fusedInto`` it. Events without a date, or without any agent and target,
are never fused. The hash covers the key only, so the IRI is stable across rebuilds.

>>> import pyoxigraph as ox
>>> from kgbuild.namespace import KG
>>> n = lambda t: ox.NamedNode(str(t))
>>> T = lambda s, p, o: ox.Triple(n(s), n(p), o if isinstance(o, ox.Literal) else n(o))
>>> d = ox.Literal("2019-12-29", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
>>> rows = [T(e, p, o) for e in ("urn:e1", "urn:e2") for p, o in
...         ((KG.agent, "urn:usa"), (KG.date, d), ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", KG.Attack))]
>>> rows += [T("urn:e1", KG.sourceArticle, "urn:a1"), T("urn:e2", KG.sourceArticle, "urn:a2")]
>>> len(fuse(rows, event_classes={str(KG.Attack)}, base="urn:x/"))
4
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..namespace import KG

__all__ = ["fuse", "fuse_store"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")


@dataclass(slots=True)
class _Event:
    classes: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)


def fuse_store(store: ox.Store, *, event_classes: set[str], base: str) -> list[ox.Triple]:
    """:func:`fuse` over the kb and doc graphs of ``store`` (their union, like :func:`fuse`).

    Only candidates reach Python: events sharing their asserted event class, date and at least
    one (role, actor) with an event of another article, which every member of a fused group does.
    """
    if not event_classes:
        return []

    def ok(g: str) -> str:
        return f'(?{g} = <{base}graph/kb> || STRSTARTS(STR(?{g}), "{base}graph/doc/"))'

    classes = ", ".join(f"<{c}>" for c in sorted(event_classes))
    shared = store.query(f"""SELECT ?c ?d ?r ?v WHERE {{
        GRAPH ?g1 {{ ?e ?r ?v }} GRAPH ?g2 {{ ?e <{KG.date}> ?d }}
        GRAPH ?g3 {{ ?e <{KG.sourceArticle}> ?a }} GRAPH ?g4 {{ ?e a ?c }}
        FILTER(?r IN (<{KG.agent}>, <{KG.target}>) && ?c IN ({classes}) && isIRI(?e)
               && {ok("g1")} && {ok("g2")} && {ok("g3")} && {ok("g4")}) }}
        GROUP BY ?c ?d ?r ?v HAVING (COUNT(DISTINCT ?a) > 1)""")
    # events with a shared (date, role, actor): by the date first (a few events a day), then
    # one index lookup per event (Oxigraph joins a long VALUES block slower than this)
    date = ox.NamedNode(str(KG.date))
    on_day: dict[ox.Literal, list[ox.NamedNode]] = {}
    found: set[ox.NamedNode] = set()
    for _c, d, r, v in shared:
        if d not in on_day:
            on_day[d] = [q.subject for q in store.quads_for_pattern(None, date, d, None)
                         if isinstance(q.subject, ox.NamedNode)]
        found.update(e for e in on_day[d] if next(iter(store.quads_for_pattern(e, r, v, None)), None))
    candidates = [(e,) for e in sorted(found, key=str)]
    kb, doc = f"{base}graph/kb", f"{base}graph/doc/"
    wanted = [ox.NamedNode(p) for p in (_RDF_TYPE, str(KG.date), str(KG.agent), str(KG.target), str(KG.sourceArticle))]
    rows = [(q.subject, p.value, q.object) for (e,) in candidates for p in wanted
            for q in store.quads_for_pattern(e, p, None, None)
            if isinstance(q.graph_name, ox.NamedNode)
            and (q.graph_name.value == kb or q.graph_name.value.startswith(doc))]
    return _fuse(rows, event_classes, base)


def fuse(data: Iterable[ox.Triple], *, event_classes: set[str], base: str) -> list[ox.Triple]:
    """The fusion triples for ``data`` (instance triples of the kb and doc graphs).

    :param event_classes: IRIs of the (leaf) event classes an event is asserted to have.
    :param base: the build base; fused nodes are ``{base}fused/{hash}``.
    """
    return _fuse(((t.subject, t.predicate.value, t.object) for t in data), event_classes, base)


def _fuse(rows: Iterable[tuple[ox.NamedNode | ox.BlankNode, str, ox.Term]], event_classes: set[str],
          base: str) -> list[ox.Triple]:
    date, agent, target = str(KG.date), str(KG.agent), str(KG.target)
    wanted = {_RDF_TYPE, date, agent, target, str(KG.sourceArticle)}
    events: dict[str, _Event] = defaultdict(_Event)
    for s, p, o in rows:
        if p not in wanted or not isinstance(s, ox.NamedNode):
            continue
        e = events[s.value]
        if p == _RDF_TYPE:
            if o.value in event_classes:
                e.classes.add(o.value)
        elif p == date:
            e.dates.add(str(o))
        elif p == agent:
            e.agents.add(o.value)
        elif p == target:
            e.targets.add(o.value)
        else:
            e.articles.add(o.value)

    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for iri, e in events.items():
        if len(e.classes) != 1 or len(e.dates) != 1 or not (e.agents or e.targets) or not e.articles:
            continue
        key = (*e.classes, *e.dates, "agents", *sorted(e.agents), "targets", *sorted(e.targets))
        groups[key].append(iri)

    out: list[ox.Triple] = []
    for key, members in sorted(groups.items()):
        articles = set().union(*(events[m].articles for m in members))
        if len(articles) < 2:
            continue
        digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:16]
        fused = ox.NamedNode(f"{base}fused/{digest}")
        out.append(ox.Triple(fused, ox.NamedNode(_RDF_TYPE), ox.NamedNode(str(KG.FusedEvent))))
        out.append(ox.Triple(fused, ox.NamedNode(str(KG.sourceCount)),
                             ox.Literal(str(len(articles)), datatype=_XSD_INTEGER)))
        out.extend(ox.Triple(ox.NamedNode(m), ox.NamedNode(str(KG.fusedInto)), fused) for m in sorted(members))
    return out
