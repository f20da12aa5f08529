"""Configuration (issue "Foundation"): ``kgbuild.toml`` / ``[tool.kgbuild]``, ``KGBUILD_*``, options.

Spec:
- Precedence: command-line option > environment variable > config file > default.
- ``kgbuild config`` prints every setting with its value and where it came from.
- The config file is ``kgbuild.toml`` or ``[tool.kgbuild]`` in ``pyproject.toml``, found from the
  working directory upwards; paths in it are relative to the file.
- An unknown setting or a bad value is a configuration error (exit code 2) naming the file.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import invoke
from kgbuild.config import DEFAULT_MODEL, load_config
from kgbuild.errors import ConfigError
from kgbuild.namespace import DEFAULT_BASE


def shown(output: str) -> dict[str, tuple[str, str]]:
    """``kgbuild config`` output: name -> (value, source)."""
    rows = {}
    for line in output.splitlines():
        match = re.match(r"^(\w+)\s+(.*?)\s*\((.*)\)$", line)
        if match:
            rows[match[1]] = (match[2].strip(), match[3])
    return rows


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory holding a kgbuild.toml."""
    (tmp_path / "kgbuild.toml").write_text(
        'model = "file-model"\nstore = "data/kg"\nkb-folders = ["my-actors"]\n'
        'base = "https://example.org/kg"\n', encoding="utf-8")
    (tmp_path / "my-actors").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    rows = shown(invoke(["config"]).output)
    assert set(rows) == {"base", "model", "kb_folders", "store", "endpoint", "user_actor_file", "events_model",
                         "cluster"}
    assert rows["model"] == (DEFAULT_MODEL, "default")
    assert rows["base"] == (DEFAULT_BASE, "default")
    assert rows["store"] == ("kg", "default")
    assert all(source == "default" for _, source in rows.values()), rows


def test_events_model_is_relative_to_the_file_and_the_env_beats_it(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kgbuild.toml").write_text('events_model = "models/mine.json"\n')
    monkeypatch.chdir(tmp_path)
    rows = shown(invoke(["config"]).output)
    assert rows["events_model"] == (str(tmp_path / "models" / "mine.json"), str(tmp_path / "kgbuild.toml"))
    monkeypatch.setenv("KGBUILD_EVENTS_MODEL", "/elsewhere/m.json")
    assert shown(invoke(["config"]).output)["events_model"] == ("/elsewhere/m.json", "env KGBUILD_EVENTS_MODEL")


def test_file_beats_default_and_paths_are_relative_to_the_file(project: Path) -> None:
    rows = shown(invoke(["config"]).output)
    source = str(project / "kgbuild.toml")
    assert rows["model"] == ("file-model", source)
    assert rows["store"] == (str(project / "data" / "kg"), source)
    assert rows["kb_folders"] == (str(project / "my-actors"), source)
    assert rows["base"] == ("https://example.org/kg/", source), "a base gets its trailing slash"
    assert rows["endpoint"] == ("None", "default")


def test_file_is_found_from_a_subfolder(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "deep" / "er").mkdir(parents=True)
    monkeypatch.chdir(project / "deep" / "er")
    assert shown(invoke(["config"]).output)["model"] == ("file-model", str(project / "kgbuild.toml"))


def test_pyproject_tool_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.kgbuild]\nmodel = "py-model"\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert shown(invoke(["config"]).output)["model"] == ("py-model", str(tmp_path / "pyproject.toml"))


def test_env_beats_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_MODEL", "env-model")
    monkeypatch.setenv("KGBUILD_STORE", "/srv/kg")
    rows = shown(invoke(["config"]).output)
    assert rows["model"] == ("env-model", "env KGBUILD_MODEL")
    assert rows["store"] == ("/srv/kg", "env KGBUILD_STORE")
    assert rows["base"][1] == str(project / "kgbuild.toml")


def test_command_line_beats_env(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_MODEL", "env-model")
    config = load_config().with_options(model="cli-model", store=None)
    assert (config.model, config.sources["model"]) == ("cli-model", "command line")
    assert config.sources["store"] == str(project / "kgbuild.toml"), "an option not given changes nothing"


def test_build_uses_the_command_line_model_over_env_and_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGBUILD_MODEL", "env-model")
    (project / "a.txt").write_text("Title\n\nIraqi forces clashed with militants.\n", encoding="utf-8")
    result = invoke(["build", "a.txt", "--model", "no-such-cli-model", "--quiet"], expect=1)
    assert "cannot load spaCy model 'no-such-cli-model'" in result.output


def test_config_option_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.toml"
    other.write_text('model = "other-model"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert shown(invoke(["--config", other, "config"]).output)["model"] == ("other-model", str(other))


def test_unknown_setting_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kgbuild.toml").write_text('modle = "typo"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = invoke(["config"], expect=2)
    assert "unknown setting 'modle'" in result.output and "kgbuild.toml" in result.output


def test_malformed_file_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "kgbuild.toml").write_text('model = \n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "kgbuild.toml" in invoke(["config"], expect=2).output


def test_bad_base_is_rejected() -> None:
    with pytest.raises(ConfigError, match="absolute IRI"):
        load_config(cwd=Path("/nonexistent"), environ={"KGBUILD_BASE": "not an iri"})


def test_env_kb_folders_split_on_pathsep(tmp_path: Path) -> None:
    import os

    config = load_config(cwd=tmp_path, environ={"KGBUILD_KB": f"a{os.pathsep}b"})
    assert config.kb_folders == (Path("a"), Path("b"))
