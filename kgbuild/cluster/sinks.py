"""Where a cluster build writes: the embedded store (:class:`StoreSink`) or a SPARQL server
(:class:`ServerSink`). Both take the workers' per-article N-Quads and write each article whole.

- :class:`StoreSink` is the local build's writer: :meth:`GraphStore.write_articles
  <kgbuild.store.GraphStore.write_articles>` (one atomic bulk load per commit; rebuilt
  articles replaced in one transaction each), the same background graphs and reasoning.
- :class:`ServerSink` writes each commit with the load code (:func:`kgbuild.load.load_store`):
  the commit's graphs staged on the server and moved over the old ones in one update, then
  verified by counts, so every graph on the server is old or new, never a mix. No store is
  held on this machine beyond one commit. Reasoning runs over a dump: the server's reasoning
  inputs (the ontology; of the kb and doc graphs, only the triples reasoning reads: those
  whose object is an IRI, and dates) are fetched by two CONSTRUCT queries, the local engine
  reasons over them, and ``graph/inferred`` is replaced on the server the same way.

>>> import tempfile, pathlib
>>> from kgbuild.config import Config
>>> sink = StoreSink(Config(store=pathlib.Path(tempfile.mkdtemp()) / "kg"), lock_wait=0)
>>> sink.fingerprints(), sink.opened   # no store yet: none is created before an article is read
({}, False)
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

import pyoxigraph as ox

from .. import actor_classes
from ..namespace import KG

if TYPE_CHECKING:
    from ..config import Config
    from ..http import Auth
    from ..store import GraphStore, SerializedArticleWrite

__all__ = ["Sink", "StoreSink", "ServerSink"]


class Sink(Protocol):
    """What the cluster build's writer needs from a destination."""

    name: str
    opened: bool
    background_changed: bool

    def fingerprints(self) -> dict[str, str]: ...
    def begin(self) -> None: ...
    def write(self, writes: Sequence[SerializedArticleWrite]) -> None: ...
    def mark_stale(self) -> None: ...
    def finish(self, *, reason: bool, reasoner: str, changed: bool) -> str | None: ...
    def close(self) -> None: ...


class StoreSink:
    """The embedded store at ``config.store``. An existing store is opened (and locked) at
    once; a new one is created by :meth:`begin`, once there is an article to write."""

    def __init__(self, config: Config, *, lock_wait: float) -> None:
        from ..store import GraphStore

        self.config = config
        self.name = str(config.store)
        self.lock_wait = lock_wait
        self.store: GraphStore | None = None
        self.opened = False
        self.background_changed = False
        if config.store.is_dir():
            self.store = GraphStore.open(config.store, base=config.base, wait=lock_wait)

    def fingerprints(self) -> dict[str, str]:
        return self.store.fingerprints() if self.store is not None else {}

    def begin(self) -> None:
        from ..build import load_background
        from ..store import GraphStore

        if self.store is None:
            self.store = GraphStore.open(self.config.store, base=self.config.base, wait=self.lock_wait)
        self.opened = True
        self.background_changed = load_background(self.store, kb_folders=self.config.all_kb_folders)

    def write(self, writes: Sequence[SerializedArticleWrite]) -> None:
        assert self.store is not None
        if actor_classes.is_current(self.store):
            actor_classes.mark_stale(self.store)
        self.store.write_articles(writes)

    def mark_stale(self) -> None:
        if self.store is not None:
            self.store.mark_inferred_stale()

    def finish(self, *, reason: bool, reasoner: str, changed: bool) -> str | None:
        assert self.store is not None
        if changed or not actor_classes.is_current(self.store):
            actor_classes.refresh(self.store)
        if reason and (changed or self.background_changed or not self.store.inferred_is_current()):
            from ..reason import reason as run_reasoner

            return run_reasoner(self.store, engine=reasoner, incremental=True).summary()
        if not reason and changed:
            self.store.mark_inferred_stale()
        return None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


class ServerSink:
    """A SPARQL server's dataset (``kind``: a registered server kind, None: recognised)."""

    def __init__(self, config: Config, *, endpoint: str, kind: str | None, auth: Auth | None) -> None:
        from ..layout import Layout
        from ..load import make_target
        from ..servers.protocol import probe

        if kind is None:
            recognised = probe(endpoint, auth=auth)
            kind = recognised.name if recognised is not None else "generic"
        self.config = config
        self.endpoint, self.kind, self.auth = endpoint, kind, auth
        self.name = f"{endpoint} ({kind})"
        self.target = make_target(endpoint, kind=kind, auth=auth)
        self.layout = Layout(config.base)
        self.opened = False
        self.background_changed = False
        self._actors_stale = False
        self._stored: dict[str, str] = {}

    def _select(self, sparql: str, what: str) -> list[dict[str, str]]:
        from ..servers.protocol import select

        return select(self.target, sparql, auth=self.auth, what=what)

    def _update(self, sparql: str, what: str) -> None:
        from ..servers.protocol import update

        update(self.target, sparql, auth=self.auth, what=what)

    def _load(self, store: GraphStore, graphs: Sequence[str]) -> None:
        from ..load import load_store

        load_store(store, endpoint=self.endpoint, kind=self.kind, graphs=graphs, auth=self.auth)

    def fingerprints(self) -> dict[str, str]:
        prefix = self.layout.article_graph_prefix("doc")
        rows = self._select(f'SELECT ?a ?f WHERE {{ GRAPH ?g {{ ?a <{KG.fingerprint}> ?f }} '
                            f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }}', "reading fingerprints")
        out = {}
        for row in rows:
            article_id = self.layout.article_id(row.get("a", ""))
            if article_id is not None and "f" in row:
                out[article_id] = row["f"]
        self._stored = out
        return out

    def begin(self) -> None:
        """The ontology and KB graphs, loaded when the server's content markers differ."""
        from ..build import load_background
        from ..store import GraphStore

        self.opened = True
        local = GraphStore.in_memory(base=self.config.base)
        load_background(local, kb_folders=self.config.all_kb_folders)
        stale = []
        for kind in ("ontology", "kb"):
            graph = self.layout.graph(kind)
            mine = next(local.quads(graph, subject=graph, predicate=ox.NamedNode(str(KG.contentHash)))).object.value
            rows = self._select(f"SELECT ?h WHERE {{ GRAPH {graph} {{ {graph} <{KG.contentHash}> ?h }} }}",
                                f"reading the {kind} graph's marker")
            if [r.get("h") for r in rows] != [mine]:
                stale.append(kind)
        if stale:
            self._load(local, stale)
        self.background_changed = bool(stale)

    def write(self, writes: Sequence[SerializedArticleWrite]) -> None:
        from ..store import GraphStore

        if not self._actors_stale:
            self._unmark(self.layout.actors_graph, "actors")
            self._actors_stale = True
        local = GraphStore.in_memory(base=self.config.base)
        local.write_articles(writes)
        self._load(local, [w.article_id for w in writes])
        # a rebuilt article that now has no claims: its old claims graph goes too
        gone = [w.article_id for w in writes if not w.claims_nquads and w.article_id in self._stored]
        if gone:
            self._update(" ;\n".join(f"DROP SILENT GRAPH {self.layout.claims_graph(a)}" for a in gone),
                         "dropping claims graphs of rebuilt articles")

    def _is_marked(self, graph: ox.NamedNode, name: str) -> bool:
        """Whether ``graph`` holds its ``kg:isCurrent`` marker on the server."""
        return bool(self._select(f"SELECT ?v WHERE {{ GRAPH {graph} {{ {graph} <{KG.isCurrent}> ?v }} }}",
                                 f"reading the {name} graph's marker"))

    def _unmark(self, graph: ox.NamedNode, name: str) -> None:
        self._update(f"DELETE WHERE {{ GRAPH {graph} {{ {graph} <{KG.isCurrent}> ?v }} }}",
                     f"marking the {name} graph stale")

    def inferred_is_current(self) -> bool:
        return self._is_marked(self.layout.inferred_graph, "inferred")

    def mark_stale(self) -> None:
        self._unmark(self.layout.inferred_graph, "inferred")

    def _refresh_actors(self) -> None:
        """The actors graph decided from the server's doc graphs (:mod:`kgbuild.actor_classes`)."""
        from ..store import GraphStore

        rows = self._select(actor_classes.class_votes_query(self.layout), "reading the provisional actors' classes")
        decided = actor_classes.decide(actor_classes.votes_from_rows(rows))
        local = GraphStore.in_memory(base=self.config.base)
        local.replace_graph(self.layout.actors_graph, actor_classes.actors_graph_triples(decided, layout=self.layout))
        self._load(local, ["actors"])

    def finish(self, *, reason: bool, reasoner: str, changed: bool) -> str | None:
        if changed or not self._is_marked(self.layout.actors_graph, "actors"):
            self._refresh_actors()
        if reason and (changed or self.background_changed or not self.inferred_is_current()):
            return self._reason(reasoner)
        if not reason and changed:
            self.mark_stale()
        return None

    def _reason(self, reasoner: str) -> str:
        from ..reason import reason as run_reasoner
        from ..store import GraphStore

        local = GraphStore.in_memory(base=self.config.base)
        ontology = self.layout.ontology_graph
        local.load(self._construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {ontology} {{ ?s ?p ?o }} }}"),
                   fmt="ntriples", graph=ontology)
        dates = ", ".join(f"<{p}>" for p in (KG.date, "http://purl.org/dc/terms/date"))
        inputs = self._construct(f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }}
            FILTER({self.layout.sparql_reasoning_filter("g")} && (isIRI(?o) || ?p IN ({dates}))) }}""")
        local.load(inputs, fmt="ntriples", graph=self.layout.kb_graph)
        dumped = local.count(self.layout.kb_graph)
        result = run_reasoner(local, engine=reasoner)
        self._load(local, ["inferred"])
        return f"{result.summary()}; over a dump of the server's reasoning inputs ({dumped} triples)"

    def _construct(self, sparql: str) -> bytes:
        from ..servers.protocol import query

        return query(self.target, sparql, accept="application/n-triples", auth=self.auth, union=False,
                     what="reading the reasoning inputs").body

    def close(self) -> None:
        pass


def open_sink(config: Config, *, endpoint: str | None = None, kind: str | None = None, auth: Auth | None = None,
              lock_wait: float = 0.0) -> Any:
    """The server's dataset when ``endpoint`` is given, else the embedded store."""
    if endpoint:
        return ServerSink(config, endpoint=endpoint, kind=kind, auth=auth)
    return StoreSink(config, lock_wait=lock_wait)
