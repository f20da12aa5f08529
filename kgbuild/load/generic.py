"""Any SPARQL 1.1 endpoint: one URL answers queries (``query=``) and updates (``update=``);
graphs are filled with ``INSERT DATA`` in chunks, no Graph Store Protocol assumed."""
from __future__ import annotations

from .protocol import Target

__all__ = ["target"]


def target(endpoint: str, *, update_endpoint: str | None = None) -> Target:
    return Target(kind="generic", endpoint=endpoint, query_url=endpoint,
                  update_url=update_endpoint or endpoint)
