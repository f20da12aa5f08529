"""Saved SPARQL queries on the embedded store or a remote endpoint.

>>> from kgbuild.query import list_saved
>>> "membership-chain" in [q.name for q in list_saved()]
True
"""
from __future__ import annotations

from .params import Param, resolve_actor
from .remote import ENDPOINT_KINDS, Endpoint
from .result import QueryResult
from .saved import SavedQuery, list_saved, load_query, run_saved, run_text

__all__ = ["run_saved", "run_text", "list_saved", "load_query", "SavedQuery", "Param",
           "QueryResult", "Endpoint", "ENDPOINT_KINDS", "resolve_actor"]
