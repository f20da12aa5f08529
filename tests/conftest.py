"""Shared fixtures: the examples built once per session, and helpers to compare stores.

``built_store`` is the path of a store holding ``examples/`` built with reasoning (the 7 dev
articles). Tests that only read it open it with ``GraphStore.open_read_only``; tests that
change a store work on a copy (``store_copy``), so the session build happens exactly once.

Helpers importable by any test module (``from conftest import ...``): :func:`invoke`,
:func:`snapshot`, :func:`copy_store`, and the paths :data:`ROOT`, :data:`EXAMPLES`,
:data:`GOLD_DIR`.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from kgbuild.build import BuildReport, build
from kgbuild.config import load_config
from kgbuild.store import LOCK_NAME, GraphStore

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLES_JSONL = EXAMPLES / "articles.jsonl"
GOLD_DIR = ROOT / "tests" / "data" / "gold"
BASE = "https://w3id.org/kgbuild/id/"
ONTOLOGY_GRAPH = f"{BASE}graph/ontology"
INFERRED_GRAPH = f"{BASE}graph/inferred"
ACTORS_GRAPH = f"{BASE}graph/actors"
EXAMPLE_IDS = ("myanmar-protest-killings-2021", "nigeria-boko-haram-access-2020", "nk-russia-arms-2024",
               "somalia-airstrikes-2025", "somalia-hotel-siege-2025", "syria-coastal-violence-2025",
               "us-iraq-airstrikes-2019")

__all__ = ["reaped", "ROOT", "EXAMPLES", "EXAMPLES_JSONL", "GOLD_DIR", "BASE", "ONTOLOGY_GRAPH", "INFERRED_GRAPH", "ACTORS_GRAPH",
           "EXAMPLE_IDS", "invoke", "snapshot", "copy_store", "build_into", "stopped_inside_popen"]


# -- helpers -----------------------------------------------------------------------------
@contextlib.contextmanager
def reaped(process: subprocess.Popen) -> Iterator[subprocess.Popen]:  # type: ignore[type-arg]
    """``process``, killed and waited for on leaving while it still runs, so a failing test leaves
    no child behind."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def stopped_inside_popen(monkeypatch: pytest.MonkeyPatch,
                         module: object) -> list[subprocess.Popen]:  # type: ignore[type-arg]
    """Make ``module``'s ``subprocess.Popen`` send this process SIGTERM after starting the child,
    before returning it (a stop arriving while a child starts); the children started are listed
    in the list returned."""
    started: list[subprocess.Popen] = []  # type: ignore[type-arg]
    real_popen = subprocess.Popen

    def popen_then_stopped(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - stands in for subprocess.Popen
        child = real_popen(*args, **kwargs)
        started.append(child)
        os.kill(os.getpid(), signal.SIGTERM)
        return child

    monkeypatch.setattr(module.subprocess, "Popen", popen_then_stopped)  # type: ignore[attr-defined]
    return started


def invoke(args: Sequence[str], *, input: bytes | str | None = None, expect: int | None = 0) -> Result:
    """Run ``kgbuild ARGS`` in-process; assert the exit code (``expect=None``: any), output in the message."""
    from kgbuild.cli import cli

    result = CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=True)
    if expect is not None:
        detail = result.output
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            import traceback

            detail += "".join(traceback.format_exception(result.exception))
        assert result.exit_code == expect, f"kgbuild {' '.join(map(str, args))} -> {result.exit_code}\n{detail}"
    return result


def build_into(store: Path, inputs: Sequence[str | Path], **options: object) -> BuildReport:
    """Library build of ``inputs`` into ``store`` with the default configuration."""
    config = load_config(cwd=ROOT, environ={}).with_options(store=store)
    return build([str(i) for i in inputs], config=config, **options)  # type: ignore[arg-type]


def snapshot(store_path: Path) -> dict[str, set[str]]:
    """graph IRI -> the set of its N-Quads lines (the ontology graph as lines too: compare it
    with :func:`ontology_graph` and ``rdflib.compare.isomorphic`` since it has blank nodes)."""
    graphs: dict[str, set[str]] = defaultdict(set)
    with GraphStore.open_read_only(store_path) as store:
        for quad in store.quads():
            graphs[quad.graph_name.value].add(str(quad))
    return dict(graphs)


def ontology_graph(store_path: Path):  # noqa: ANN201 - rdflib.Graph
    """The store's ontology graph as an rdflib Graph (for isomorphism checks)."""
    from rdflib import Graph

    with GraphStore.open_read_only(store_path) as store:
        data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object)
                             for q in store.quads(ox.NamedNode(ONTOLOGY_GRAPH))), format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=data.decode("utf-8"), format="nt")


def copy_store(src: Path, dst: Path) -> Path:
    """Copy a closed store folder (without its lock file)."""
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(LOCK_NAME))
    return dst


# -- fixtures ----------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def _no_kgbuild_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never see the caller's KGBUILD_* variables."""
    import os

    for name in [n for n in os.environ if n.startswith("KGBUILD_")]:
        monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def _built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    path = tmp_path_factory.mktemp("built") / "kg"
    config = load_config(cwd=ROOT, environ={}).with_options(store=path)  # hermetic: no caller env
    report = build([str(EXAMPLES)], config=config, reason=True)
    assert report.ok, f"building examples/ failed: {report.failures} {report.violations[:5]}"
    return path, report


@pytest.fixture(scope="session")
def built_store(_built: tuple[Path, BuildReport]) -> Path:
    """Path of a store holding examples/ (7 articles), built once per session with reasoning.

    Read-only: open it with ``GraphStore.open_read_only``; to change a store use ``store_copy``.
    """
    return _built[0]


@pytest.fixture(scope="session")
def built_report(_built: tuple[Path, BuildReport]) -> BuildReport:
    """The :class:`~kgbuild.build.BuildReport` of the session build."""
    return _built[1]


@pytest.fixture()
def store_copy(built_store: Path, tmp_path: Path) -> Path:
    """A private, writable copy of ``built_store``."""
    return copy_store(built_store, tmp_path / "kg-copy")


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The kgbuild wheel built from the checkout (``pip wheel --no-deps``), once per session."""
    import subprocess
    import sys

    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                             "--disable-pip-version-check", "-q", "-w", str(out), str(ROOT)],
                            capture_output=True, text=True, timeout=120, cwd=out)
    assert result.returncode == 0, result.stdout + result.stderr
    [wheel] = out.glob("kgbuild-*.whl")
    return wheel
