"""Shared fixtures of the robustness suite: one Extractor and one KB load per session, and
a CliRunner-based ``kgbuild`` runner whose builds reuse them (a build otherwise spends ~6 s
loading spaCy and the KB before its first article)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import kgbuild.build as build_module
import kgbuild.kb as kb_module
from kgbuild.cli import cli
from kgbuild.extract import Extractor
from kgbuild.layout import Layout

GOOD = ("US troops attacked Kata'ib Hezbollah in Baghdad on Sunday. "
        "Kata'ib Hezbollah is part of the Popular Mobilization Forces, a spokesman said.\n\n"
        "The Pentagon said the strikes were a response to a rocket attack on an Iraqi base.\n")


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def _kb_cache() -> dict:
    return {}


@pytest.fixture()
def fast_build(monkeypatch: pytest.MonkeyPatch, extractor: Extractor, _kb_cache: dict) -> None:
    """Builds in this test reuse the session's Extractor and bundled KB."""
    patch_build(monkeypatch, extractor, _kb_cache)


def patch_build(monkeypatch: pytest.MonkeyPatch, extractor: Extractor, _kb_cache: dict) -> None:
    """Make ``build()`` reuse ``extractor`` and a cached bundled KB."""
    real_load = kb_module.ActorKB.load.__func__  # type: ignore[attr-defined]

    def cached_load(cls, *, folders=(), include_bundled=True):  # noqa: ANN001, ANN202
        key = (tuple(str(f) for f in folders), include_bundled)
        if folders:  # user KB folders are what some tests break on purpose: never cached
            return real_load(cls, folders=folders, include_bundled=include_bundled)
        if key not in _kb_cache:
            _kb_cache[key] = real_load(cls, folders=folders, include_bundled=include_bundled)
        return _kb_cache[key]

    def init_worker(model: str, kb_folders: tuple[str, ...], base: str, validate: bool = True,
                    events_model: str | None = None) -> None:
        build_module._WORKER.pop("args", None)  # never taken for a real pipeline's: a later build loads its own
        build_module._WORKER["validate"] = validate
        if kb_folders:
            build_module._WORKER["extractor"] = Extractor(model=model, kb_folders=[Path(f) for f in kb_folders])
        else:
            build_module._WORKER["extractor"] = extractor
        build_module._WORKER["layout"] = Layout(base)

    monkeypatch.setattr(kb_module.ActorKB, "load", classmethod(cached_load))
    monkeypatch.setattr(build_module, "_init_worker", init_worker)


def run_cli(args: list[str], *, input: bytes | None = None, env: dict[str, str] | None = None) -> Result:
    """``kgbuild ARGS`` in-process; stderr kept apart from stdout."""
    return CliRunner().invoke(cli, args, input=input, env=env, catch_exceptions=True)


def show(result: Result) -> str:
    """Everything a failing assertion should print."""
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}\n{result.exception!r}"


@pytest.fixture()
def store_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "kg"
