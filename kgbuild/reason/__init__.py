"""Reasoning: materialise what the ontology entails into ``{base}graph/inferred``.

Three engines give the same triples: :mod:`kgbuild.reason.owl` (HermiT) and
:mod:`kgbuild.reason.pellet` (Pellet), the OWL 2 DL reasoners that ship with owlready2 (they need
Java), and :mod:`kgbuild.reason.rules` (SPARQL rules run by Oxigraph), all over the module of
:mod:`kgbuild.reason.module`; events are classified by :mod:`kgbuild.reason.events`.
See ``docs/ontology.md`` for the entailments and what each engine reasons over.
"""
from __future__ import annotations

from .api import ENGINES, ReasonReport, read_inputs, reason

__all__ = ["reason", "ReasonReport", "ENGINES", "read_inputs"]
