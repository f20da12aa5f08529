"""Reasoning: materialise what the ontology entails into ``{base}graph/inferred``.

Two engines give the same triples: :mod:`kgbuild.reason.owl` (HermiT, the jar that ships with
owlready2; needs Java) and :mod:`kgbuild.reason.rules` (SPARQL rules run by Oxigraph), both over
the module of :mod:`kgbuild.reason.module`; events are classified by :mod:`kgbuild.reason.events`.
See ``docs/ontology.md`` for the entailments and what each engine reasons over.
"""
from __future__ import annotations

from .api import ENGINES, ReasonReport, read_inputs, reason

__all__ = ["reason", "ReasonReport", "ENGINES", "read_inputs"]
