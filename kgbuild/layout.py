"""The graph layout: every graph name and minted IRI, made and recognised in one place.

docs/graph-layout.md is the contract; this module is its only implementation. Everything
kgbuild mints lives under a configurable *build base* (default
``https://w3id.org/kgbuild/id/``):

========================  ==========================================================
``graph/ontology``        the ontology
``graph/kb``              the actor knowledge base
``graph/doc/{article}``   an article's facts, mentions and evidence
``graph/claims/{article}`` an article's attributed claims
``graph/inferred``        reasoning output (rewritten whole)
``article/{article}``     the article node
``actor/{slug}``          an actor the KB does not know
``{kind}/{hash}``         mention, event, evidence and claim nodes of an article
``fused/{hash}``          a fused event (reasoning)
========================  ==========================================================

Article ids are percent-encoded as one path segment (:func:`iri_quote`). A :class:`Layout`
needs no store: emission mints IRIs with it in worker processes.

>>> layout = Layout("https://x.org/")
>>> layout.doc_graph("a b").value
'https://x.org/graph/doc/a%20b'
>>> layout.graph_kind("https://x.org/graph/claims/a%20b"), layout.article_of("https://x.org/graph/claims/a%20b")
('claims', 'a b')
>>> layout.graph_kind("urn:other") is None
True
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

import pyoxigraph as ox

from .namespace import DEFAULT_BASE

__all__ = ["Layout", "GraphKind", "GRAPH_KINDS", "ARTICLE_GRAPH_KINDS", "NODE_KINDS", "DEFAULT_LAYOUT",
           "iri_quote", "slug"]

GraphKind = Literal["ontology", "kb", "doc", "claims", "actors", "inferred"]
#: every kind of named graph, in the order the docs list them
GRAPH_KINDS: tuple[GraphKind, ...] = ("ontology", "kb", "doc", "claims", "actors", "inferred")
#: the graph kinds with one graph per article
ARTICLE_GRAPH_KINDS: tuple[GraphKind, ...] = ("doc", "claims")
#: the per-article nodes minted from a hash of (article id, offsets, ...)
NODE_KINDS = ("mention", "event", "evidence", "claim")

_GRAPH = "graph/"
_INFERRED_TMP = "graph/inferred-tmp-"


def iri_quote(segment: str) -> str:
    """Percent-encode one IRI path segment (article ids).

    >>> iri_quote("a b/c")
    'a%20b%2Fc'
    """
    return quote(segment, safe="-._~")


def slug(text: str, *, max_length: int | None = 80) -> str:
    """A readable, IRI-safe slug of a name (the last segment of a new actor's IRI, and a KB
    id, which is never cut: ``max_length=None``).

    >>> slug("Kata'ib  Hezbollah (KH)")
    'kataib-hezbollah-kh'
    >>> slug("Kh\u0101n Y\u016bnis"), slug("Ansar al-Shari\u02bfa")
    ('khan-yunis', 'ansar-al-sharia')
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub("['`\u2018\u2019\u02bc\u02bf\u00b4]", "", text)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if not text:
        text = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return text[:max_length] if max_length else text


def _hash(*parts: object) -> str:
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:20]


@dataclass(frozen=True, slots=True)
class Layout:
    """Graph names and minted IRIs under one build ``base``.

    >>> Layout().inferred_graph.value
    'https://w3id.org/kgbuild/id/graph/inferred'
    """

    base: str = DEFAULT_BASE

    # -- graph names -------------------------------------------------------------------------
    def graph(self, kind: str, article_id: str | None = None) -> ox.NamedNode:
        """The named graph of ``kind`` (``doc`` and ``claims`` need an article id).

        :raises ValueError: an unknown kind, or a missing article id.

        >>> Layout("https://x.org/").graph("kb").value
        'https://x.org/graph/kb'
        >>> Layout("https://x.org/").graph("doc")
        Traceback (most recent call last):
        ValueError: graph kind 'doc' needs an article id
        """
        if kind in ARTICLE_GRAPH_KINDS:
            if article_id is None:
                raise ValueError(f"graph kind {kind!r} needs an article id")
            return ox.NamedNode(f"{self.base}{_GRAPH}{kind}/{iri_quote(article_id)}")
        if kind not in GRAPH_KINDS:
            raise ValueError(f"unknown graph kind {kind!r}; choose from {', '.join(GRAPH_KINDS)}")
        return ox.NamedNode(f"{self.base}{_GRAPH}{kind}")

    @property
    def ontology_graph(self) -> ox.NamedNode:
        return self.graph("ontology")

    @property
    def kb_graph(self) -> ox.NamedNode:
        return self.graph("kb")

    @property
    def actors_graph(self) -> ox.NamedNode:
        """One ``rdf:type`` per provisional actor, decided over every article
        (:mod:`kgbuild.actor_classes`)."""
        return self.graph("actors")

    @property
    def inferred_graph(self) -> ox.NamedNode:
        return self.graph("inferred")

    def doc_graph(self, article_id: str) -> ox.NamedNode:
        return self.graph("doc", article_id)

    def claims_graph(self, article_id: str) -> ox.NamedNode:
        return self.graph("claims", article_id)

    @property
    def graph_prefix(self) -> str:
        """What every graph name of this layout starts with (``{base}graph/``)."""
        return f"{self.base}{_GRAPH}"

    def article_graph_prefix(self, kind: str) -> str:
        """What every ``doc`` (or ``claims``) graph name starts with.

        >>> Layout("https://x.org/").article_graph_prefix("doc")
        'https://x.org/graph/doc/'
        """
        if kind not in ARTICLE_GRAPH_KINDS:
            raise ValueError(f"{kind!r} is not a per-article graph kind")
        return f"{self.base}{_GRAPH}{kind}/"

    def is_inferred_tmp_graph(self, graph: str) -> bool:
        """A scratch graph ``graph/inferred-tmp-{token}`` that versions before 2026-12-05 wrote
        and moved over ``graph/inferred`` in one transaction (reasoning removes leftovers)."""
        return graph.startswith(f"{self.base}{_INFERRED_TMP}")

    # -- recognising graph names ----------------------------------------------------------
    def graph_kind(self, graph: str | ox.NamedNode) -> GraphKind | None:
        """The kind of a graph name of this layout, or None for any other IRI.

        >>> [Layout("u:").graph_kind(g) for g in ("u:graph/kb", "u:graph/doc/a", "u:graph/doc/", "v:graph/kb")]
        ['kb', 'doc', None, None]
        """
        name = graph.value if isinstance(graph, ox.NamedNode) else graph
        if not name.startswith(self.graph_prefix):
            return None
        rest = name[len(self.graph_prefix):]
        for kind in ARTICLE_GRAPH_KINDS:
            if rest.startswith(f"{kind}/") and len(rest) > len(kind) + 1:
                return kind
        whole = tuple(k for k in GRAPH_KINDS if k not in ARTICLE_GRAPH_KINDS)
        return rest if rest in whole else None  # type: ignore[return-value]

    def is_article_graph(self, graph: str | ox.NamedNode) -> bool:
        """A ``doc`` or ``claims`` graph (one article each: small)."""
        return self.graph_kind(graph) in ARTICLE_GRAPH_KINDS

    def is_reasoning_input(self, graph: str | ox.NamedNode) -> bool:
        """The graphs facts are read from: ``kb``, ``actors`` and every ``doc`` graph (never claims)."""
        return self.graph_kind(graph) in ("kb", "actors", "doc")

    def article_of(self, graph: str | ox.NamedNode) -> str | None:
        """The article id of a ``doc`` or ``claims`` graph (None for any other graph)."""
        name = graph.value if isinstance(graph, ox.NamedNode) else graph
        kind = self.graph_kind(name)
        if kind not in ARTICLE_GRAPH_KINDS:
            return None
        return unquote(name[len(self.article_graph_prefix(kind)):])

    # -- SPARQL -----------------------------------------------------------------------------
    def sparql_reasoning_filter(self, var: str) -> str:
        """A SPARQL expression true when graph variable ``?var`` is a reasoning input
        (:meth:`is_reasoning_input`): the kb graph, the actors graph or a doc graph.

        >>> Layout("u:").sparql_reasoning_filter("g")
        '(?g IN (<u:graph/kb>, <u:graph/actors>) || STRSTARTS(STR(?g), "u:graph/doc/"))'
        """
        return (f'(?{var} IN ({self.kb_graph}, {self.actors_graph}) || '
                f'STRSTARTS(STR(?{var}), "{_escape(self.article_graph_prefix("doc"))}"))')

    def sparql_graph_prefix_filter(self, var: str) -> str:
        """A SPARQL expression true when ``?var`` is one of this layout's graph names."""
        return f'STRSTARTS(STR(?{var}), "{_escape(self.graph_prefix)}")'

    # -- minted nodes -----------------------------------------------------------------------
    def article(self, article_id: str) -> ox.NamedNode:
        """The article node.

        >>> Layout("https://x.org/").article("a/1").value
        'https://x.org/article/a%2F1'
        """
        return ox.NamedNode(f"{self.base}article/{iri_quote(article_id)}")

    @property
    def article_prefix(self) -> str:
        return f"{self.base}article/"

    def article_id(self, node: str | ox.NamedNode) -> str | None:
        """The article id of an article node (None for any other IRI)."""
        name = node.value if isinstance(node, ox.NamedNode) else node
        if not name.startswith(self.article_prefix):
            return None
        return unquote(name[len(self.article_prefix):])

    def actor(self, label: str) -> ox.NamedNode:
        """A new actor (one the KB does not know), from its name.

        >>> Layout("https://x.org/").actor("Saraya Awliya al-Dam").value
        'https://x.org/actor/saraya-awliya-al-dam'
        """
        return ox.NamedNode(f"{self.base}actor/{slug(label)}")

    def node(self, kind: str, article_id: str, *parts: object) -> ox.NamedNode:
        """A mention, event, evidence or claim node: a stable hash of the article id and
        ``parts`` (offsets, and the fact for evidence and claims).

        >>> Layout("https://x.org/").node("event", "a1", 10, 20).value
        'https://x.org/event/5d691036502eb9dd00db'
        """
        if kind not in NODE_KINDS:
            raise ValueError(f"unknown node kind {kind!r}; choose from {', '.join(NODE_KINDS)}")
        return ox.NamedNode(f"{self.base}{kind}/{_hash(article_id, *parts)}")

    def fused(self, digest: str) -> ox.NamedNode:
        """A fused event node (``digest``: a hash of the group, see :mod:`kgbuild.reason.fusion`)."""
        return ox.NamedNode(f"{self.base}fused/{digest}")


#: the layout under the default base
DEFAULT_LAYOUT = Layout()


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')
