"""Server kinds: one small file each (:mod:`kgbuild.servers.oxigraph`, ...), registered here,
in one place. ``load`` and ``query`` both take a kind from this registry (``--kind NAME``) and
talk to it through one HTTP layer (:mod:`kgbuild.http`, :mod:`kgbuild.servers.protocol`).

Adding a kind is a new file with a :class:`~kgbuild.servers.base.ServerKind` subclass, one
:func:`register` line below, and its tests (``tests/test_servers.py``; a section in
``docs/stores.md``, which that test checks).

>>> "fuseki" in kinds() and kinds()[-1]
'generic'
>>> get("fuseki").title
'Apache Jena Fuseki'
>>> detect({"fuseki-request-id": "7"}, "http://h:3030/ds/query").name
'fuseki'
"""
from __future__ import annotations

import importlib
from collections.abc import Mapping

from ..errors import EndpointError
from .base import ServerKind, Target

__all__ = ["register", "kinds", "get", "detect", "ServerKind", "Target"]

_REGISTRY: dict[str, str] = {}
_LOADED: dict[str, ServerKind] = {}


def register(name: str, path: str) -> None:
    """Register the kind ``name`` as ``"module:Class"`` (imported when first used)."""
    _REGISTRY[name] = path
    _LOADED.pop(name, None)


# -- the registered kinds (detection tries them in this order) ---------------------------------
register("oxigraph", "kgbuild.servers.oxigraph:Oxigraph")
register("fuseki", "kgbuild.servers.fuseki:Fuseki")
register("graphdb", "kgbuild.servers.graphdb:GraphDB")
register("virtuoso", "kgbuild.servers.virtuoso:Virtuoso")
register("generic", "kgbuild.servers.generic:Generic")


def kinds() -> tuple[str, ...]:
    """The registered kind names, in registration order."""
    return tuple(_REGISTRY)


def get(name: str) -> ServerKind:
    """The kind called ``name``.

    :raises EndpointError: no such kind.
    """
    if name not in _LOADED:
        if name not in _REGISTRY:
            raise EndpointError(f"unknown server kind {name!r}; choose from {', '.join(_REGISTRY)}")
        module, _, attr = _REGISTRY[name].partition(":")
        kind = getattr(importlib.import_module(module), attr)()
        if kind.name != name:
            raise EndpointError(f"server kind {_REGISTRY[name]} calls itself {kind.name!r}, registered as {name!r}")
        _LOADED[name] = kind
    return _LOADED[name]


def detect(headers: Mapping[str, str], url: str) -> ServerKind | None:
    """The kind an answer (its ``headers``, lower-case names) from ``url`` comes from, or None."""
    lower = {k.lower(): v for k, v in headers.items()}
    for name in _REGISTRY:
        kind = get(name)
        if kind.recognises(lower, url):
            return kind
    return None
