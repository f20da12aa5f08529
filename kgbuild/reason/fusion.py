"""Cross-article event fusion (engine-independent).

Events of different articles report one real-world event when they have the same asserted event
class, share an agent or a target and contradict each other in no role (agents overlap when both
name some, targets likewise), and fall on the same day: the same ``kg:date``, or, for an event
its article does not date, an article published on that day or up to :data:`WINDOW_DAYS` after
it ("the strikes on Sunday" and a Monday story about "the US airstrikes"). Each group of such
events (linked pairwise) from at least two articles gets a fused node (:meth:`Layout.fused
<kgbuild.layout.Layout.fused>`) ``a kg:FusedEvent`` with ``kg:sourceCount`` (distinct articles), and each event ``kg:fusedInto``
it. Two undated events are never fused (nothing places them on one day). The hash covers the
group's class, day and actors, so the IRI is stable across rebuilds of the same articles.

>>> import pyoxigraph as ox
>>> from kgbuild.namespace import KG
>>> n = lambda t: ox.NamedNode(str(t))
>>> T = lambda s, p, o: ox.Triple(n(s), n(p), o if isinstance(o, ox.Literal) else n(o))
>>> d = ox.Literal("2019-12-29", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
>>> rows = [T(e, p, o) for e in ("urn:e1", "urn:e2") for p, o in
...         ((KG.agent, "urn:usa"), (KG.date, d), ("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", KG.Attack))]
>>> rows += [T("urn:e1", KG.sourceArticle, "urn:a1"), T("urn:e2", KG.sourceArticle, "urn:a2")]
>>> len(fuse(rows, event_classes={str(KG.Attack)}, layout=Layout("urn:x/")))
4
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..layout import Layout
from ..namespace import KG
from ..store import GraphStore, as_graph_store

__all__ = ["fuse", "fuse_store", "fuse_around", "WINDOW_DAYS"]

#: An undated event joins a dated one when its article appeared on that day or this many days after.
WINDOW_DAYS = 3

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_DCTERMS_DATE = "http://purl.org/dc/terms/date"
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_TYPE = ox.NamedNode(_RDF_TYPE)


@dataclass(slots=True)
class _Event:
    classes: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    agents: set[str] = field(default_factory=set)
    targets: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    published: set[str] = field(default_factory=set)


def fuse_store(store: GraphStore | ox.Store, *, event_classes: set[str],
               base: str | None = None) -> list[ox.Triple]:
    """:func:`fuse` over the kb and doc graphs of ``store`` (their union, like :func:`fuse`).

    Only candidates reach Python, picked by day as :func:`_fuse` links them: dated events
    sharing their class, date and a (role, actor) with another article's event, and undated
    events with such an event dated within their article's window (every member of a fused
    group is one or the other).
    """
    if not event_classes:
        return []
    store = as_graph_store(store, base=base)
    candidates = sorted(_dated_pairs(store, event_classes) | _undated_pairs(store, event_classes), key=str)
    return _fuse(_rows(store, candidates), event_classes, store.layout)


def fuse_around(store: GraphStore, seeds: set[ox.NamedNode], *,
                event_classes: set[str]) -> tuple[set[ox.NamedNode], list[ox.Triple]]:
    """Fusion again around ``seeds`` (events added, changed or gone): ``(the fused nodes of the
    inferred graph whose groups may have changed, the fusion triples that replace them)``.

    The events reached from the seeds, transitively, through a possible link (same class, a
    shared (role, actor), one day or an undated event's window: a superset of what :func:`_fuse`
    links) or a shared fused node of the inferred graph hold every group that can differ from
    the graph's: a group with none of them has the same events and links as before. Their
    groups are computed by :func:`_fuse` as in a full pass.
    """
    layout = store.layout
    inferred = layout.inferred_graph
    fused_into = ox.NamedNode(str(KG.fusedInto))
    keys = _DayKeys(store, event_classes)
    undated = _UndatedKeys(store, event_classes)
    is_input = _InputGraphs(store)
    reached: set[ox.NamedNode] = set()
    old: set[ox.NamedNode] = set()
    todo = sorted(seeds, key=str)
    while todo:
        e = todo.pop()
        if e in reached:
            continue
        reached.add(e)
        for q in store.quads(inferred, subject=e, predicate=fused_into):
            if isinstance(q.object, ox.NamedNode) and q.object not in old:
                old.add(q.object)
                todo.extend(m.subject for m in store.quads(inferred, predicate=fused_into, object=q.object)
                            if isinstance(m.subject, ox.NamedNode))
        todo.extend(_linkable(store, e, keys, undated, event_classes, is_input))
    rows = _rows(store, sorted(reached, key=str), is_input)
    return old, _fuse(rows, event_classes, layout)


def _linkable(store: GraphStore, e: ox.NamedNode, keys: _DayKeys, undated: _UndatedKeys,
              event_classes: set[str], is_input: _InputGraphs) -> list[ox.NamedNode]:
    """Events another report of ``e`` could be linked to (a superset of :func:`_fuse`'s links)."""
    facts: dict[str, set[ox.Term]] = defaultdict(set)
    for q in store.quads(subject=e):
        if is_input(q.graph_name):
            facts[q.predicate.value].add(q.object)
    classes = {c for c in facts[_RDF_TYPE] if c.value in event_classes}
    roles = [(ox.NamedNode(r), v) for r in (str(KG.agent), str(KG.target)) for v in facts[r]]
    dated = facts[str(KG.date)]
    # a dated event links on its day (to the day's events and to undated events whose window
    # holds it); an undated one to the events dated in its article's window
    days = dated or {ox.Literal(_shift(q.object.value, -k), datatype=ox.NamedNode(_XSD_DATE))
                     for a in facts[str(KG.sourceArticle)]
                     for q in store.quads(subject=a, predicate=ox.NamedNode(_DCTERMS_DATE))
                     for k in range(WINDOW_DAYS + 1)}
    out: list[ox.NamedNode] = []
    for day in days:
        for c in classes:
            for r, v in roles:
                out.extend(other for other, _articles in keys(day).get((c, r, v), ()))
                if dated:
                    out.extend(undated(c, r, v, day))
    return out


class _UndatedKeys:
    """The undated events of a (class, role, actor) whose article appeared on a day or up to
    :data:`WINDOW_DAYS` after it. Each publication day is read from the store once, from the
    day's articles (an index lookup of the date) to their undated events: a window holds few
    articles, while a popular actor's events grow with the store. An article's events are read
    from the graph that dates it (a kgbuild article graph holds both)."""

    def __init__(self, store: GraphStore, event_classes: set[str]) -> None:
        self._store, self._classes = store, event_classes
        self._days: dict[str, dict[tuple[ox.Term, ...], list[ox.NamedNode]]] = {}
        self._timed: dict[str, list[tuple[ox.Term, ox.Term]]] | None = None

    def _dated_otherwise(self, day: str) -> list[tuple[ox.Term, ox.Term]]:
        """The (article, graph) pairs published on ``day`` as another literal than an
        ``xsd:date`` (a timestamp): none in the graphs kgbuild writes; found in one scan."""
        if self._timed is None:
            self._timed = defaultdict(list)
            for row in self._store.query(f"""SELECT ?a ?g ?p WHERE {{ GRAPH ?g {{ ?a <{_DCTERMS_DATE}> ?p }}
                                             FILTER(datatype(?p) != <{_XSD_DATE}>) }}""", union=False):
                if isinstance(row["a"], ox.NamedNode) and isinstance(row["g"], ox.NamedNode):
                    self._timed[row["p"].value[:10]].append((row["a"], row["g"]))
        return self._timed.get(day, [])

    def __call__(self, c: ox.Term, r: ox.NamedNode, v: ox.Term, day: ox.Term) -> list[ox.NamedNode]:
        return [e for k in range(WINDOW_DAYS + 1) for e in self._published_on(_shift(day.value, k)).get((c, r, v), ())]

    def _published_on(self, day: str) -> dict[tuple[ox.Term, ...], list[ox.NamedNode]]:
        found = self._days.get(day)
        if found is None:
            ok = self._store.layout.sparql_reasoning_filter
            published = ox.Literal(day, datatype=ox.NamedNode(_XSD_DATE))
            pairs = " ".join(f"({a} {g})" for a, g in self._dated_otherwise(day))
            timed = f" UNION {{ VALUES (?a ?g5) {{ {pairs} }} }}" if pairs else ""
            rows = self._store.query(f"""SELECT DISTINCT ?e ?c ?r ?v WHERE {{
                {{ SELECT ?a ?g5 WHERE {{ {{ GRAPH ?g5 {{ ?a <{_DCTERMS_DATE}> {published} }} }}{timed} }} }}
                LATERAL {{ {_values("c", self._classes)} GRAPH ?g5 {{ ?e a ?c }} FILTER(isIRI(?e))
                           GRAPH ?g3 {{ ?e <{KG.sourceArticle}> ?a }} FILTER({ok("g3")})
                           FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?e <{KG.date}> ?d }} FILTER({ok("g2")}) }} }}
                LATERAL {{ {_values("r", (str(KG.agent), str(KG.target)))} GRAPH ?g1 {{ ?e ?r ?v }}
                           FILTER({ok("g1")}) }} }}""",
                                     union=False)
            found = self._days[day] = defaultdict(list)
            for row in rows:
                found[(row["c"], row["r"], row["v"])].append(row["e"])
        return found


def _rows(store: GraphStore, events: list[ox.NamedNode], is_input: _InputGraphs | None = None,
          ) -> list[tuple[ox.NamedNode | ox.BlankNode, str, ox.Term]]:
    """What :func:`_fuse` reads of ``events``: their classes, dates, roles and articles in the
    reasoning input graphs, and their articles' publication dates."""
    source = str(KG.sourceArticle)
    wanted = [ox.NamedNode(p) for p in (_RDF_TYPE, str(KG.date), str(KG.agent), str(KG.target), source)]
    is_input = is_input or _InputGraphs(store)
    rows = [(q.subject, p.value, q.object) for e in events for p in wanted
            for q in store.quads(subject=e, predicate=p) if is_input(q.graph_name)]
    published = ox.NamedNode(_DCTERMS_DATE)
    articles = {o for _, p, o in rows if p == source}
    rows += [(a, _DCTERMS_DATE, q.object) for a in sorted(articles, key=str)
             for q in store.quads(subject=a, predicate=published)]
    return rows


class _InputGraphs:
    """Whether a graph name is a reasoning input, each name's kind worked out once (a few
    thousand names, read for every quad)."""

    def __init__(self, store: GraphStore) -> None:
        self._layout = store.layout
        self._known: dict[ox.NamedNode, bool] = {}

    def __call__(self, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
        if not isinstance(graph, ox.NamedNode):
            return False
        known = self._known.get(graph)
        if known is None:
            known = self._known[graph] = self._layout.is_reasoning_input(graph)
        return known


def _dated_pairs(store: GraphStore, event_classes: set[str]) -> set[ox.NamedNode]:
    """Dated events sharing their class, date and a (role, actor) with another article's event.

    The keys are grouped in SPARQL; their events are found through the day's events, read once
    per day (a few events a day; Oxigraph joins a long VALUES block slower than this).
    """
    ok = store.layout.sparql_reasoning_filter
    # the dated events first, then their roles and articles through LATERAL (bound ?e: index
    # lookups, not joins of every role and every sourceArticle triple; half the time at 1k articles)
    shared = store.query(f"""SELECT ?c ?d ?r ?v WHERE {{
        {{ SELECT ?e ?c ?d WHERE {{ {_values("c", event_classes)} GRAPH ?g4 {{ ?e a ?c }}
           GRAPH ?g2 {{ ?e <{KG.date}> ?d }} FILTER(isIRI(?e) && {ok("g2")} && {ok("g4")}) }} }}
        LATERAL {{ {_values("r", (str(KG.agent), str(KG.target)))} GRAPH ?g1 {{ ?e ?r ?v }} FILTER({ok("g1")}) }}
        LATERAL {{ GRAPH ?g3 {{ ?e <{KG.sourceArticle}> ?a }} FILTER({ok("g3")}) }} }}
        GROUP BY ?c ?d ?r ?v HAVING (COUNT(DISTINCT ?a) > 1)""", union=False)
    found: set[ox.NamedNode] = set()
    keys = _DayKeys(store, event_classes)
    for c, d, r, v in shared:
        found.update(e for e, _articles in keys(d).get((c, r, v), ()))
    return found


def _undated_pairs(store: GraphStore, event_classes: set[str]) -> set[ox.NamedNode]:
    """Undated events and the dated events of other articles they join: same class, a shared
    (role, actor), dated on the undated event's publication day or up to :data:`WINDOW_DAYS`
    before it. Undated events are few; each looks at the events of at most four days."""
    ok = store.layout.sparql_reasoning_filter
    undated = store.query(f"""SELECT DISTINCT ?e ?c ?r ?v ?a ?p WHERE {{
        {{ SELECT ?e ?c WHERE {{ {_values("c", event_classes)} GRAPH ?g4 {{ ?e a ?c }}
           FILTER(isIRI(?e) && {ok("g4")})
           FILTER NOT EXISTS {{ GRAPH ?g2 {{ ?e <{KG.date}> ?d }} FILTER({ok("g2")}) }} }} }}
        LATERAL {{ {_values("r", (str(KG.agent), str(KG.target)))} GRAPH ?g1 {{ ?e ?r ?v }} FILTER({ok("g1")}) }}
        LATERAL {{ GRAPH ?g3 {{ ?e <{KG.sourceArticle}> ?a }} FILTER({ok("g3")})
                   GRAPH ?g5 {{ ?a <{_DCTERMS_DATE}> ?p }} }} }}""", union=False)
    found: set[ox.NamedNode] = set()
    keys = _DayKeys(store, event_classes)
    date = ox.NamedNode(_XSD_DATE)
    for e, c, r, v, a, p in undated:
        for k in range(WINDOW_DAYS + 1):
            day = ox.Literal(_shift(p.value, -k), datatype=date)
            others = [o for o, articles in keys(day).get((c, r, v), ()) if a not in articles]
            if others:
                found.add(e)
                found.update(others)
    return found


class _DayKeys:
    """For a day (a ``kg:date`` literal): the events dated that day by (class, role, actor),
    each with its articles; read from the store once per day."""

    def __init__(self, store: GraphStore, event_classes: set[str]) -> None:
        self._store, self._classes = store, event_classes
        self._days: dict[ox.Literal, dict[tuple[ox.Term, ...], list[tuple[ox.NamedNode, set[ox.Term]]]]] = {}
        self._date = ox.NamedNode(str(KG.date))
        self._roles = [ox.NamedNode(str(KG.agent)), ox.NamedNode(str(KG.target))]
        self._source = ox.NamedNode(str(KG.sourceArticle))

    def __call__(self, day: ox.Literal) -> dict[tuple[ox.Term, ...], list[tuple[ox.NamedNode, set[ox.Term]]]]:
        keys = self._days.get(day)
        if keys is None:
            keys = self._days[day] = defaultdict(list)
            quads = self._store.quads
            dated = {q.subject for q in quads(predicate=self._date, object=day) if isinstance(q.subject, ox.NamedNode)}
            for e in sorted(dated, key=str):
                classes = {q.object for q in quads(subject=e, predicate=_TYPE) if q.object.value in self._classes}
                articles = {q.object for q in quads(subject=e, predicate=self._source)}
                for r in self._roles:
                    for v in {q.object for q in quads(subject=e, predicate=r)}:
                        for c in classes:
                            keys[(c, r, v)].append((e, articles))
        return keys


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in sorted(iris))} }}"


def fuse(data: Iterable[ox.Triple], *, event_classes: set[str], layout: Layout | None = None,
         base: str | None = None) -> list[ox.Triple]:
    """The fusion triples for ``data`` (instance triples of the kb and doc graphs).

    :param event_classes: IRIs of the (leaf) event classes an event is asserted to have.
    :param layout: names the fused nodes (:meth:`Layout.fused <kgbuild.layout.Layout.fused>`);
        default: the layout of ``base`` (default: the default base).
    """
    layout = layout or (Layout(base) if base else Layout())
    return _fuse(((t.subject, t.predicate.value, t.object) for t in data), event_classes, layout)


def _fuse(rows: Iterable[tuple[ox.NamedNode | ox.BlankNode, str, ox.Term]], event_classes: set[str],
          layout: Layout) -> list[ox.Triple]:
    date, agent, target, source = str(KG.date), str(KG.agent), str(KG.target), str(KG.sourceArticle)
    wanted = {_RDF_TYPE, date, agent, target, source}
    events: dict[str, _Event] = defaultdict(_Event)
    article_day: dict[str, str] = {}
    for s, p, o in rows:
        if not isinstance(s, ox.NamedNode):
            continue
        if p == _DCTERMS_DATE:
            article_day[s.value] = o.value
            continue
        if p not in wanted:
            continue
        e = events[s.value]
        if p == _RDF_TYPE:
            if o.value in event_classes:
                e.classes.add(o.value)
        elif p == date:
            e.dates.add(o.value)
        elif p == agent:
            e.agents.add(o.value)
        elif p == target:
            e.targets.add(o.value)
        else:
            e.articles.add(o.value)
    for e in events.values():
        e.published = {article_day[a] for a in e.articles if a in article_day}

    usable = {iri: e for iri, e in events.items()
              if len(e.classes) == 1 and len(e.dates) <= 1 and (e.agents or e.targets) and e.articles}
    # index the dated events by (class, role, actor, day): pairs are only looked for there
    dated: dict[tuple[str, str, str, str], list[str]] = defaultdict(list)
    for iri, e in usable.items():
        for day in e.dates:
            for role, actors in (("a", e.agents), ("t", e.targets)):
                for actor in actors:
                    dated[(*e.classes, role, actor, day)].append(iri)
    parent = {iri: iri for iri in usable}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for iri, e in sorted(usable.items()):
        days = sorted(e.dates) or sorted({_shift(p, -k) for p in e.published for k in range(WINDOW_DAYS + 1)})
        for role, actors in (("a", e.agents), ("t", e.targets)):
            for actor in sorted(actors):
                for day in days:
                    for other in dated.get((*e.classes, role, actor, day), ()):
                        if other != iri and _same_event(e, usable[other]):
                            parent[root(iri)] = root(other)

    groups: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(usable):
        groups[root(iri)].append(iri)
    out: list[ox.Triple] = []
    for members in groups.values():
        articles = set().union(*(usable[m].articles for m in members))
        if len(articles) < 2:
            continue
        first = usable[members[0]]
        key = (*first.classes, min(d for m in members for d in usable[m].dates),
               "agents", *sorted(set().union(*(usable[m].agents for m in members))),
               "targets", *sorted(set().union(*(usable[m].targets for m in members))))
        digest = hashlib.sha256("\x1f".join(key).encode("utf-8")).hexdigest()[:16]
        fused = layout.fused(digest)
        out.append(ox.Triple(fused, ox.NamedNode(_RDF_TYPE), ox.NamedNode(str(KG.FusedEvent))))
        out.append(ox.Triple(fused, ox.NamedNode(str(KG.sourceCount)),
                             ox.Literal(str(len(articles)), datatype=_XSD_INTEGER)))
        out.extend(ox.Triple(ox.NamedNode(m), ox.NamedNode(str(KG.fusedInto)), fused) for m in sorted(members))
    return out


def _same_event(a: _Event, b: _Event) -> bool:
    """Two reports of one event: different articles, no contradicting role, a dated one if any
    dates (checked by the caller's day index)."""
    if a.articles & b.articles or (a.dates and b.dates and a.dates != b.dates):
        return False
    if a.agents and b.agents and not a.agents & b.agents:
        return False
    if a.targets and b.targets and not a.targets & b.targets:
        return False
    return bool(a.agents & b.agents or a.targets & b.targets)


def _shift(day: str, days: int) -> str:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(day[:10]) + timedelta(days=days)).isoformat()
    except ValueError:
        return day
