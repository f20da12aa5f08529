"""Queries on a remote SPARQL 1.1 endpoint, through the server kinds of :mod:`kgbuild.servers`
and the one HTTP layer (:mod:`kgbuild.http`).

Queries always go by POST (form-encoded), so long queries never hit URL limits; the query
form comes from parsing the query (:func:`kgbuild.query.sparql.parse_shape`); parameters are
bound with an inline ``VALUES`` block of escaped terms. The union of all graphs is made the
default graph the way the endpoint's kind does it (its ``union_query``: a request parameter on
Oxigraph, a rewrite on Fuseki, nothing where the default graph already spans all graphs).

Without a kind, the server is recognised from its answers (``Server`` and ``Fuseki-Request-Id``
headers): the first query goes out the Oxigraph way (what ``kgbuild serve`` runs), and is sent
again the recognised kind's way when that differs. :attr:`Endpoint.server_kind` then names the
kind (None: not recognised, the answer may miss graphs; the CLI warns when it is empty).

Read-only, so a reset connection, a cut-off answer or a 502/503/504 is retried
(:data:`kgbuild.http.READ_ONLY_RETRY`); a query that timed out is not.

>>> Endpoint("http://u:secret@localhost:7878/query").describe()
'http://localhost:7878/query'
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from .. import servers
from ..errors import EndpointError, HttpStatusError
from ..http import READ_ONLY_RETRY, Auth, Response, redact
from ..layout import Layout
from ..namespace import DEFAULT_BASE
from ..servers import protocol
from ..servers.fuseki import UNION_GRAPH as FUSEKI_UNION_GRAPH
from .result import RawResult
from .sparql import add_values, parse_shape

__all__ = ["Endpoint", "ENDPOINT_KINDS", "FUSEKI_UNION_GRAPH"]

#: the server kinds an endpoint can be (:func:`kgbuild.servers.kinds`)
ENDPOINT_KINDS = servers.kinds()
#: how a query goes out while the server is not recognised yet
_FIRST_GUESS = "oxigraph"
_ACCEPT = {"SELECT": "application/sparql-results+json", "ASK": "application/sparql-results+json",
           "CONSTRUCT": "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.5",
           "DESCRIBE": "text/turtle, application/n-triples;q=0.9, application/rdf+xml;q=0.5"}


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL query endpoint of a server ``kind`` (None: recognise it from its answers).
    ``password`` never appears in messages or ``repr``; ``auth`` (``basic``/``digest``) is
    accepted for compatibility: a Digest challenge is answered whichever is given."""

    url: str
    kind: str | None = None
    user: str | None = None
    password: str | None = None
    auth: str = "basic"              # basic | digest
    timeout: float | None = 60.0
    base: str = DEFAULT_BASE
    _seen: dict[str, str] = field(default_factory=dict, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in servers.kinds():
            raise EndpointError(f"unknown endpoint kind {self.kind!r} (choose from {', '.join(servers.kinds())})")
        if self.auth not in ("basic", "digest"):
            raise EndpointError(f"unknown auth scheme {self.auth!r} (basic or digest)")
        if urlsplit(self.url).scheme not in ("http", "https"):
            raise EndpointError(f"endpoint must be an http(s) URL, got {self.describe()!r}")

    def __repr__(self) -> str:
        return f"Endpoint({self.describe()!r}, kind={self.kind!r}, user={self.user!r})"

    def describe(self) -> str:
        return redact(self.url).split("#", 1)[0]

    @property
    def server_kind(self) -> str | None:
        """The kind given, or the one recognised from the answers so far (None: not yet, or
        not recognisable)."""
        return self.kind or self._seen.get("kind") or None

    # -- Backend protocol ------------------------------------------------------------------
    def inferred_is_current(self) -> bool:
        inferred = Layout(self.base).inferred_graph
        ask = (f"ASK {{ GRAPH {inferred} {{ {inferred} "
               f"<https://w3id.org/kgbuild/ontology#isCurrent> true }} }}")
        return bool(self.run(ask).boolean)

    def prepare(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
                dataset: bool = True) -> tuple[str, str]:
        """The query text actually sent (before recognition: as for Oxigraph), and its form."""
        form = parse_shape(sparql).form
        text = add_values(sparql, dict(bindings or {}))
        if dataset:
            text, _ = self._target(self.server_kind).union_query(text)
        return text, form

    def run(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
            dataset: bool = True) -> RawResult:
        form = parse_shape(sparql).form
        text = add_values(sparql, dict(bindings or {}))
        known = self.server_kind
        target = self._target(known)
        try:
            response = self._send(target, text, form=form, dataset=dataset)
        except EndpointError:  # e.g. a server URL given: its kind, recognised from the error, knows the query URL
            again = self._target(self.server_kind) if known is None and self.server_kind else None
            if again is None or again.query_url == target.query_url:
                raise
            target, response = again, self._send(again, text, form=form, dataset=dataset)
        if known is None and "kind" not in self._seen:
            recognised = servers.detect(response.headers, self.url)
            self._seen["kind"] = recognised.name if recognised is not None else ""
            if recognised is not None and dataset:
                again = self._target(recognised.name)
                if again.union_query(text) != target.union_query(text):  # it reads graphs differently
                    response = self._send(again, text, form=form, dataset=dataset)
        if form in ("SELECT", "ASK"):
            return _parse_json(response.body, form=form, where=self.describe())
        return _parse_graph(response.body, response.headers.get("content-type", ""), where=self.describe())

    # -- helpers ----------------------------------------------------------------------------
    def _credentials(self) -> Auth | None:
        parts = urlsplit(self.url)
        if self.user is not None:
            return Auth(user=self.user, password=self.password or "")
        if parts.username is not None:
            return Auth(user=parts.username, password=parts.password or "")
        return None

    def _target(self, kind: str | None) -> servers.Target:
        """Where and how a query goes: the kind's query URL (derived from the URL given, as
        ``load`` derives its URLs), or, for a server not recognised (yet), the URL as given,
        asked the Oxigraph way (a request parameter other servers ignore)."""
        if kind is None:
            return replace(servers.get("generic").target(self.describe()), server=servers.get(_FIRST_GUESS))
        return servers.get(kind).target(self.describe(), authenticated=self._credentials() is not None)

    def _send(self, target: servers.Target, text: str, *, form: str, dataset: bool) -> Response:
        where = self.describe()
        try:
            return protocol.query(target, text, accept=_ACCEPT[form], auth=self._credentials(), union=dataset,
                                  timeout=self.timeout or 300.0, retry=READ_ONLY_RETRY)
        except HttpStatusError as exc:
            if "kind" not in self._seen and self.kind is None:  # an error answer names its server too
                recognised = servers.detect(exc.headers, self.url)
                self._seen["kind"] = recognised.name if recognised is not None else ""
            raise EndpointError(f"{where}: {_status_message(exc)}") from None


def _status_message(exc: HttpStatusError) -> str:
    detail = str(exc).split(": HTTP ", 1)[-1]
    detail = detail.split(": ", 1)[1] if ": " in detail else ""
    suffix = f": {_short(detail)}" if detail else ""
    if exc.status == 401:
        return "authentication failed (HTTP 401)"
    if exc.status == 404:
        return "no SPARQL endpoint here (HTTP 404)"
    if exc.status == 400:
        return f"endpoint rejected the query (HTTP 400){suffix}"
    if exc.status == 500:
        return f"endpoint failed (HTTP 500){suffix}"
    return "HTTP " + str(exc).split(": HTTP ", 1)[-1]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text[:200] + "..." if len(text) > 200 else text


def _detail(exc: object) -> str:
    return _short(str(exc)) or type(exc).__name__


def _parse_json(body: bytes, *, form: str, where: str) -> RawResult:
    try:
        data = json.loads(body)
        if form == "ASK":
            if "boolean" not in data:  # Virtuoso 7.2 answers ASK as a one-cell table
                [row] = data["results"]["bindings"]
                [cell] = row.values()
                return RawResult(form="ASK", boolean=cell["value"] in ("1", "true"))
            return RawResult(form="ASK", boolean=bool(data["boolean"]))
        columns = list(data["head"].get("vars", []))
        rows = [{k: _json_term(v) for k, v in binding.items()}
                for binding in data["results"]["bindings"]]
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise EndpointError(f"{where}: malformed SPARQL JSON answer ({_detail(exc)})") from None
    return RawResult(form="SELECT", columns=columns, rows=rows)


def _json_term(value: Mapping[str, Any]) -> Node:
    kind = value["type"]
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if value.get("xml:lang"):
            return Literal(value["value"], lang=value["xml:lang"])
        datatype = value.get("datatype")
        if datatype and datatype != "http://www.w3.org/2001/XMLSchema#string":
            return Literal(value["value"], datatype=URIRef(datatype))
        return Literal(value["value"])
    raise ValueError(f"unknown term type {kind!r}")


def _parse_graph(body: bytes, content_type: str, *, where: str) -> RawResult:
    fmt = "nt" if "n-triples" in content_type else "xml" if "rdf+xml" in content_type else "turtle"
    try:
        graph = Graph().parse(data=body, format=fmt)
    except Exception as exc:  # rdflib parsers raise many types
        raise EndpointError(f"{where}: malformed RDF answer ({_detail(exc)})") from None
    return RawResult(form="CONSTRUCT", triples=sorted(graph))
