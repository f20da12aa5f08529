"""What every server kind shares: the SPARQL 1.1 Protocol (query, update) and the Graph Store
Protocol over :mod:`kgbuild.http`, each request addressed to a :class:`~kgbuild.servers.Target`.

Queries and updates are always POSTed form-encoded, so long queries never hit URL limits.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from urllib.parse import urlencode

from ..errors import EndpointError
from ..http import DEFAULT_RETRY, Auth, Response, Retry, gzip_chunks, redact, request
from . import ServerKind, detect
from .base import Target

__all__ = ["query", "select", "update", "put_graph", "post_dataset", "probe", "Chunks"]

_FORM = "application/x-www-form-urlencoded"


def query(target: Target, sparql: str, *, accept: str, auth: Auth | None, union: bool = True,
          timeout: float = 300.0, retry: Retry = DEFAULT_RETRY, what: str | None = None,
          check: bool = True) -> Response:
    """POST a query; with ``union``, made to read the union of all graphs the kind's way
    (:meth:`~kgbuild.servers.base.ServerKind.union_query`)."""
    text, params = target.union_query(sparql) if union else (sparql, {})
    return request("POST", target.query_url, body=urlencode({"query": text, **params}).encode(), auth=auth,
                   what=what, timeout=timeout, retry=retry, check=check, scheme=target.auth_scheme,
                   headers={"Content-Type": _FORM, "Accept": accept})


def select(target: Target, sparql: str, *, auth: Auth | None, what: str) -> list[dict[str, str]]:
    """Run a SELECT that names its graphs itself (no union strategy); rows of plain values."""
    response = query(target, sparql, accept="application/sparql-results+json", auth=auth, union=False,
                     what=what)
    try:
        data = json.loads(response.body)
        return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]
    except (ValueError, KeyError, TypeError):
        raise EndpointError(f"{what}: {target.query_url}: answer is not SPARQL JSON results") from None


def update(target: Target, sparql: str, *, auth: Auth | None, what: str) -> None:
    request("POST", target.update_url, body=urlencode({"update": sparql}).encode(), auth=auth,
            what=what, headers={"Content-Type": _FORM}, scheme=target.auth_scheme)


Chunks = Callable[[], Iterator[bytes]]


def _body(target: Target, chunks: Chunks) -> tuple[Callable[[], Iterable[bytes]], dict[str, str]]:
    if target.gzip:
        return (lambda: gzip_chunks(chunks())), {"Content-Encoding": "gzip"}
    return chunks, {}


def put_graph(target: Target, graph: str, triples: bytes | Chunks, *, auth: Auth | None) -> None:
    """Replace ``graph`` on the server with N-Triples (GSP PUT): ``bytes`` (sent with a
    Content-Length) or a replayable stream of chunks (sent chunked where the kind allows)."""
    location = target.graph_location(graph)
    headers = {"Content-Type": target.triples_type}
    if isinstance(triples, bytes) or not target.chunked:  # Virtuoso: one graph in memory
        data = triples if isinstance(triples, bytes) else b"".join(triples())
        if target.gzip:
            data = b"".join(gzip_chunks([data]))
            headers["Content-Encoding"] = "gzip"
        request("PUT", location.url, params=location.params, body=data, auth=auth,
                what=f"uploading {graph}", headers=headers, scheme=target.auth_scheme)
        return
    body, extra = _body(target, triples)
    request("PUT", location.url, params=location.params, body=body, auth=auth, what=f"uploading {graph}",
            headers={**headers, **extra}, scheme=target.auth_scheme)


def post_dataset(target: Target, chunks: Chunks, *, auth: Auth | None) -> None:
    """Add quads (N-Quads) to the dataset in one streamed request."""
    assert target.dataset_url is not None
    body, headers = _body(target, chunks)
    request("POST", target.dataset_url, body=body, auth=auth, what="uploading all graphs",
            headers={"Content-Type": "application/n-quads", **headers}, scheme=target.auth_scheme)


def probe(url: str, *, auth: Auth | None, timeout: float = 10.0,
          headers: Mapping[str, str] | None = None) -> ServerKind | None:
    """The kind of the server at ``url``, from the headers of a HEAD request (None: unknown,
    or no answer: the request that follows reports that)."""
    try:
        response = request("HEAD", redact(url), auth=auth, timeout=timeout, check=False,
                           retry=Retry(attempts=0), headers=headers)
    except EndpointError:
        return None
    return detect(response.headers, url)
