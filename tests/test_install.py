"""Installing as a library user would (issue 17, "Installing as a library user would").

Spec:
- pyproject.toml declares, pinned, every distribution kgbuild's code imports directly, and
  lxml_html_clean, which trafilatura's jusText imports (lxml.html.clean moved there in lxml
  5.2) but asks for only through the extra ``lxml[html_clean]``, which the pip that Python
  3.11 bundles (23.2) does not resolve.
- The wheel installs into a fresh venv with the pip that venv bundles (``python -m venv``,
  no upgrade), from the wheel cache / PyPI, and ``kgbuild build`` of an .html article there
  works (it failed with ``ImportError: lxml.html.clean module is now a separate project``).
"""
from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from conftest import ROOT

PAGE = """<!doctype html><html><head><title>US strikes in Iraq</title></head><body>
<nav>Home | World</nav>
<article><h1>US strikes Kata'ib Hezbollah in Iraq</h1>
<p>US jets struck Kata'ib Hezbollah positions near al-Qaim in Iraq on Sunday, the Pentagon said.</p>
<p>The Popular Mobilization Forces, which are part of Iraq's security forces, condemned the strike.</p>
</article><footer>Copyright</footer></body></html>
"""


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "kgbuild").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {m for m in found if m not in sys.stdlib_module_names and m not in ("kgbuild", "__future__")}


def test_pyproject_declares_every_direct_import_pinned() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = {_name(r): r for r in project["dependencies"]}
    optional = {_name(r) for extra in project["optional-dependencies"].values() for r in extra}
    assert all("==" in r for r in required.values()), "dependencies are pinned"
    distributions = packages_distributions()
    missing = []
    for module in sorted(_imported_modules()):
        names = {_name(d) for d in distributions.get(module, [module])}
        if not names & (set(required) | optional):
            missing.append(f"{module} ({', '.join(sorted(names))})")
    assert not missing, f"imported by kgbuild but not declared in pyproject.toml: {missing}"
    assert "lxml-html-clean" in required, "jusText needs it and pip 23.2 does not resolve lxml[html_clean]"
    assert "pandas" in {_name(r) for r in project["optional-dependencies"]["pandas"]}
    assert "pandas" in {_name(r) for r in project["optional-dependencies"]["dev"]}


@pytest.mark.slow
def test_wheel_installs_with_the_bundled_pip_and_reads_html(built_wheel: Path, tmp_path: Path) -> None:
    base_python = Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    if not base_python.exists():
        pytest.skip(f"no base interpreter at {base_python}")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    venv = tmp_path / "venv"
    made = subprocess.run([str(base_python), "-m", "venv", str(venv)], capture_output=True, text=True,
                          timeout=120, env=env, cwd=tmp_path)
    if made.returncode != 0:
        pytest.skip(f"cannot create a venv with its bundled pip: {made.stderr.strip()[-300:]}")
    python = venv / "bin" / "python"
    bundled = subprocess.run([str(base_python), "-c", "import ensurepip; print(ensurepip.version())"],
                             capture_output=True, text=True, env=env).stdout.strip()
    pip_version = subprocess.run([str(python), "-m", "pip", "--version"], capture_output=True, text=True,
                                 env=env).stdout.split()[1]
    assert pip_version == bundled, "the venv's pip is the one Python bundles, not upgraded"
    installed = subprocess.run([str(python), "-m", "pip", "install", "--no-compile", "--disable-pip-version-check",
                                "-q", str(built_wheel)], capture_output=True, text=True, timeout=900, env=env,
                               cwd=tmp_path)
    assert installed.returncode == 0, installed.stdout[-2000:] + installed.stderr[-3000:]
    (tmp_path / "strike.html").write_text(PAGE, encoding="utf-8")
    built = subprocess.run([str(venv / "bin" / "kgbuild"), "build", "strike.html", "--store", "kg", "--quiet",
                            "--no-reason"], capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path)
    assert built.returncode == 0, f"pip {pip_version}\n{built.stdout}\n{built.stderr[-3000:]}"
    assert "lxml" not in built.stderr and "Traceback" not in built.stderr, built.stderr
    probe = ("import kgbuild, kgbuild.store as s; g = s.GraphStore.open_read_only('kg'); "
             "print(kgbuild.__file__); print(g.article_ids())")
    stored = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, timeout=120, env=env,
                            cwd=tmp_path)
    assert stored.returncode == 0, stored.stderr
    package_file, ids = stored.stdout.splitlines()
    assert Path(package_file).is_relative_to(venv) and ids == "['strike']"
