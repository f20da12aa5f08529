"""Reasoning: materialise what the ontology entails into ``{base}graph/inferred``.

Two engines give the same triples: :mod:`kgbuild.reason.owl` (owlready2 + HermiT, needs Java)
and :mod:`kgbuild.reason.rules` (SPARQL rules on an in-memory Oxigraph store). See
``docs/ontology.md`` for the entailments.
"""
from __future__ import annotations

from .api import ENGINES, ReasonReport, read_inputs, reason

__all__ = ["reason", "ReasonReport", "ENGINES", "read_inputs"]
