"""Developer tools for kgbuild (code generation from the ontology)."""
from __future__ import annotations

__all__: list[str] = []
