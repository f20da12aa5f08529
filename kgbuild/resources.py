"""Where the files that ship with kgbuild live: the ontology, the actor KB, saved queries.

``ontology/`` and ``queries/`` sit at the top of the checkout and are installed inside the
package as ``kgbuild.ontology`` and ``kgbuild.queries``, so an installed kgbuild finds them
from any working directory.

>>> (ontology_dir() / "kgbuild.ttl").is_file()
True
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["ontology_dir", "actors_dir", "queries_dir", "resource_dir"]

_CHECKOUT = Path(__file__).resolve().parent.parent


def _packaged(name: str) -> Path:
    checkout = _CHECKOUT / name
    if (_CHECKOUT / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return Path(str(files("kgbuild") / name))


def ontology_dir() -> Path:
    """The folder holding ``kgbuild.ttl`` and ``shapes.ttl``."""
    return _packaged("ontology")


def actors_dir() -> Path:
    """The folder of the bundled actor knowledge base (``*.ttl``)."""
    return ontology_dir() / "actors"


def queries_dir() -> Path:
    """The folder of the saved SPARQL queries (``*.rq``)."""
    return _packaged("queries")


def resource_dir() -> Path:
    """Versioned data the extractor reads (trigger lexicon, cue words)."""
    return Path(__file__).resolve().parent / "resources"
