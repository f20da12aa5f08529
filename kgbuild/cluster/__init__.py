"""Extraction on a Dask cluster (``kgbuild build --cluster tcp://HOST:8786``), the graph in the
embedded store or, with ``--endpoint``, straight in a SPARQL server. See docs/scale.md.

- :mod:`~kgbuild.cluster.client`: connecting to the scheduler, errors a user can act on;
- :mod:`~kgbuild.cluster.partitions`: inputs cut into partitions the workers read;
- :mod:`~kgbuild.cluster.tasks`: what a task runs on a worker (the local build's extraction);
- :mod:`~kgbuild.cluster.sinks`: the embedded store or a server, written article by article;
- :mod:`~kgbuild.cluster.build`: the client's loop; :mod:`~kgbuild.cluster.progress`: its bar.

Needs the ``cluster`` extra (``pip install 'kgbuild[cluster]'``); importing this package does
not, so the CLI can say so in one line.
"""
from __future__ import annotations

from typing import Any

__all__ = ["cluster_build"]


def cluster_build(*args: Any, **kwargs: Any) -> Any:
    """:func:`kgbuild.cluster.build.cluster_build` (imported on first use)."""
    from .build import cluster_build as run

    return run(*args, **kwargs)
