"""kgbuild: news about armed conflict in, a queryable RDF knowledge graph out.

The Python API, imported on first use (``import kgbuild`` stays light):

- :func:`extract_text` / :class:`Pipeline`: text in, typed events, actors, relations, claims
  and the article's graphs (an ``rdflib.Dataset``) out, no files (:mod:`kgbuild.api`);
- :func:`open_dataset`: a store's graphs as a read-only ``rdflib.Dataset``, read in place
  (:mod:`kgbuild.rdfstore`);
- :func:`build`, :func:`run_saved` and :class:`QueryResult` (``to_dataframe()``), as the
  ``build`` and ``query`` commands use them.
"""
from __future__ import annotations

from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("kgbuild")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"

#: public name -> "module:attribute", imported when first asked for
_LAZY = {
    "extract_text": "kgbuild.api:extract_text",
    "Pipeline": "kgbuild.api:Pipeline",
    "TextExtraction": "kgbuild.api:TextExtraction",
    "open_dataset": "kgbuild.rdfstore:dataset",
    "build": "kgbuild.build:build",
    "run_saved": "kgbuild.query.saved:run_saved",
    "QueryResult": "kgbuild.query.result:QueryResult",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'kgbuild' has no attribute {name!r}")
    module, _, attribute = target.partition(":")
    value = getattr(import_module(module), attribute)
    globals()[name] = value
    return value
