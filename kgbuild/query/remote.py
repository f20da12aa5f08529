"""Queries on a remote SPARQL 1.1 endpoint through SPARQLWrapper.

Queries always go by POST (form-encoded), so long queries never hit URL limits; the query
form comes from parsing the query (:func:`kgbuild.query.sparql.parse_shape`), never from
SPARQLWrapper's regex; parameters are bound with an inline ``VALUES`` block of escaped
terms. The union of all graphs is made the default graph per endpoint kind:

* ``oxigraph``: the ``union-default-graph`` request parameter (same as ``serve --union-default-graph``);
* ``fuseki``: ``FROM <urn:x-arq:UnionGraph>`` inserted before the WHERE clause;
* ``virtuoso`` / ``graphdb``: their default graph already spans all named graphs;
* ``generic``: nothing is added; the endpoint must have a union default graph.

>>> Endpoint("http://u:secret@localhost:7878/query").describe()
'http://localhost:7878/query'
"""
from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import EndpointError
from ..layout import Layout
from ..namespace import DEFAULT_BASE
from .result import RawResult
from .sparql import add_from, add_values, parse_shape

__all__ = ["Endpoint", "ENDPOINT_KINDS", "FUSEKI_UNION_GRAPH"]

ENDPOINT_KINDS = ("oxigraph", "fuseki", "virtuoso", "graphdb", "generic")
FUSEKI_UNION_GRAPH = "urn:x-arq:UnionGraph"


@dataclass(frozen=True)
class Endpoint:
    """A SPARQL query endpoint. ``password`` never appears in messages or ``repr``."""

    url: str
    kind: str = "oxigraph"
    user: str | None = None
    password: str | None = None
    auth: str = "basic"              # basic | digest
    timeout: float | None = 60.0
    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        if self.kind not in ENDPOINT_KINDS:
            raise EndpointError(f"unknown endpoint kind {self.kind!r} (choose from {', '.join(ENDPOINT_KINDS)})")
        if self.auth not in ("basic", "digest"):
            raise EndpointError(f"unknown auth scheme {self.auth!r} (basic or digest)")
        if urlsplit(self.url).scheme not in ("http", "https"):
            raise EndpointError(f"endpoint must be an http(s) URL, got {self.describe()!r}")

    def __repr__(self) -> str:
        return f"Endpoint({self.describe()!r}, kind={self.kind!r}, user={self.user!r})"

    def describe(self) -> str:
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))

    # -- Backend protocol ------------------------------------------------------------------
    def inferred_is_current(self) -> bool:
        inferred = Layout(self.base).inferred_graph
        ask = (f"ASK {{ GRAPH {inferred} {{ {inferred} "
               f"<https://w3id.org/kgbuild/ontology#isCurrent> true }} }}")
        return bool(self.run(ask).boolean)

    def prepare(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
                dataset: bool = True) -> tuple[str, str]:
        """The query text actually sent, and its form."""
        form = parse_shape(sparql).form
        text = add_values(sparql, dict(bindings or {}))
        if self.kind == "fuseki" and dataset:
            text = add_from(text, [FUSEKI_UNION_GRAPH])
        return text, form

    def run(self, sparql: str, *, bindings: Mapping[str, Node] | None = None,
            dataset: bool = True) -> RawResult:
        from SPARQLWrapper import BASIC, DIGEST, JSON, POST, TURTLE, URLENCODED, SPARQLWrapper

        text, form = self.prepare(sparql, bindings=bindings, dataset=dataset)
        client = SPARQLWrapper(self._plain_url())
        client.setMethod(POST)
        client.setRequestMethod(URLENCODED)
        client.setQuery(text)
        client.queryType = form  # from the parser, not SPARQLWrapper's regex
        client.setReturnFormat(JSON if form in ("SELECT", "ASK") else TURTLE)
        if self.timeout:
            client.setTimeout(int(max(1, round(self.timeout))))
        if self.kind == "oxigraph" and dataset:
            client.addParameter("union-default-graph", "true")
        user, password = self._credentials()
        if user is not None:
            client.setHTTPAuth(DIGEST if self.auth == "digest" else BASIC)
            client.setCredentials(user, password or "")
        body, content_type = self._send_with_retries(client)
        if form in ("SELECT", "ASK"):
            return _parse_json(body, form=form, where=self.describe())
        return _parse_graph(body, content_type, where=self.describe())

    # -- helpers ----------------------------------------------------------------------------
    def _plain_url(self) -> str:
        parts = urlsplit(self.url)
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))

    def _credentials(self) -> tuple[str | None, str | None]:
        parts = urlsplit(self.url)
        if self.user is not None:
            return self.user, self.password
        if parts.username is not None:
            return parts.username, parts.password
        return None, None

    def _send_with_retries(self, client: Any) -> tuple[bytes, str]:
        """Queries are read-only, so a reset connection, a cut-off answer or a 502/503/504 is
        retried (``RETRIES`` times, with backoff); anything else fails at once."""
        for attempt in range(RETRIES + 1):
            try:
                return self._send(client)
            except _Transient as exc:
                if attempt == RETRIES:
                    raise EndpointError(f"{exc} (after {attempt + 1} attempts)") from None
                time.sleep(BACKOFF * 2 ** attempt)
        raise AssertionError("unreachable")  # pragma: no cover

    def _send(self, client: Any) -> tuple[bytes, str]:
        from SPARQLWrapper import SPARQLExceptions as SE

        where = self.describe()
        try:
            response = client.query()
            raw = response.response
            return raw.read(), raw.headers.get("Content-Type", "") if raw.headers else ""
        except http.client.HTTPException as exc:  # cut-off body, server hung up before answering
            raise _Transient(f"{where}: incomplete answer ({type(exc).__name__})") from None
        except SE.Unauthorized:
            raise EndpointError(f"{where}: authentication failed (HTTP 401)") from None
        except SE.EndPointNotFound:
            raise EndpointError(f"{where}: no SPARQL endpoint here (HTTP 404)") from None
        except SE.QueryBadFormed as exc:
            raise EndpointError(f"{where}: endpoint rejected the query (HTTP 400): {_detail(exc)}") from None
        except SE.EndPointInternalError as exc:
            raise EndpointError(f"{where}: endpoint failed (HTTP 500): {_detail(exc)}") from None
        except SE.SPARQLWrapperException as exc:
            raise EndpointError(f"{where}: {_detail(exc)}") from None
        except urllib.error.HTTPError as exc:
            error = _Transient if exc.code in (502, 503, 504) else EndpointError
            raise error(f"{where}: HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise EndpointError(f"{where}: no answer within {self.timeout:g}s") from None
            error = _Transient if isinstance(reason, (ConnectionResetError, http.client.HTTPException)) \
                else EndpointError
            raise error(f"{where}: unreachable ({_detail(reason)})") from None
        except (socket.timeout, TimeoutError):
            raise EndpointError(f"{where}: no answer within {self.timeout:g}s") from None
        except ConnectionResetError as exc:
            raise _Transient(f"{where}: unreachable ({_detail(exc)})") from None
        except (ConnectionError, OSError) as exc:
            raise EndpointError(f"{where}: unreachable ({_detail(exc)})") from None


RETRIES = 2
BACKOFF = 0.25


class _Transient(EndpointError):
    """A failure worth retrying (the query is read-only)."""


def _detail(exc: object) -> str:
    text = " ".join(str(exc).split())
    if len(text) > 200:
        text = text[:200] + "..."
    return text or type(exc).__name__


def _parse_json(body: bytes, *, form: str, where: str) -> RawResult:
    try:
        data = json.loads(body)
        if form == "ASK":
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
