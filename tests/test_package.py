"""Packaging (issue "Foundation"): the wheel carries the ontology, the actor KB and the queries.

Spec:
- ``pip wheel --no-deps --no-build-isolation`` builds a wheel holding
  ``kgbuild/ontology/kgbuild.ttl``, ``kgbuild/ontology/shapes.ttl``,
  ``kgbuild/ontology/actors/*.ttl``, ``kgbuild/ontology/actors/NOTICE.md`` and
  ``kgbuild/queries/*.rq``.
- Installed elsewhere (``pip install --no-deps --target``) and imported away from the checkout,
  ``kgbuild.resources.ontology_dir()`` / ``queries_dir()`` point inside the installation and
  every file is there.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow

ONTOLOGY = ROOT / "ontology"
QUERIES = ROOT / "queries"
MISSING_PACKAGE_DATA = (
    "pyproject.toml: [tool.setuptools.packages.find] only discovers packages under kgbuild/, and "
    "[tool.setuptools.package-dir] maps 'kgbuild.ontology' -> ontology and 'kgbuild.queries' -> queries "
    "without listing them as packages, so setuptools never includes them: the wheel has no "
    "kgbuild/ontology/ and no kgbuild/queries/ (verified fix: an explicit [tool.setuptools] packages list that adds "
    "kgbuild.ontology, kgbuild.ontology.actors and kgbuild.queries to the kgbuild.* packages puts all "
    "26 files in the wheel)")


def expected_files() -> set[str]:
    files = {"kgbuild/ontology/kgbuild.ttl", "kgbuild/ontology/shapes.ttl", "kgbuild/ontology/actors/NOTICE.md"}
    files |= {f"kgbuild/ontology/actors/{p.name}" for p in (ONTOLOGY / "actors").glob("*.ttl")}
    files |= {f"kgbuild/queries/{p.name}" for p in QUERIES.glob("*.rq")}
    return files


@pytest.fixture(scope="module")
def wheel(built_wheel: Path) -> Path:
    return built_wheel  # built once per session (conftest), shared with test_install.py


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check",
                             "-q", "--target", str(target), str(wheel)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    return target


def test_checkout_has_the_files() -> None:
    assert all((ROOT / f.removeprefix("kgbuild/")).is_file() for f in expected_files())
    assert len(list(QUERIES.glob("*.rq"))) >= 7 and len(list((ONTOLOGY / "actors").glob("*.ttl"))) >= 2


def test_wheel_holds_ontology_kb_and_queries(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = expected_files() - names
    assert not missing, f"{wheel.name} lacks {sorted(missing)}"


def test_wheel_holds_the_package_and_its_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"kgbuild/__init__.py", "kgbuild/cli/__init__.py", "kgbuild/py.typed",
            "kgbuild/resources/triggers.json", "kgbuild/resources/cameo_verbs.json",
            "kgbuild/resources/models/events.json", "kgbuild/learn/__init__.py", "kgbuild/learn/cli.py",
            "kgbuild/vocabulary.py", "kgbuild/serve/static/index.html", "kgbuild/serve/static/app.js",
            "kgbuild/serve/static/app.css"} <= names
    packaged = {n.rsplit("/", 1)[0] for n in names if n.startswith("kgbuild/") and n.endswith("/__init__.py")}
    in_checkout = {str(p.parent.relative_to(ROOT)) for p in (ROOT / "kgbuild").rglob("__init__.py")}
    assert in_checkout <= packaged, f"packages missing from pyproject's list: {sorted(in_checkout - packaged)}"
    assert any(n.endswith("entry_points.txt") for n in names)


def test_installed_package_finds_its_files_away_from_the_checkout(installed: Path, tmp_path: Path) -> None:
    probe = (
        "import json, kgbuild, kgbuild.resources as r\n"
        "print(json.dumps({'package': kgbuild.__file__, 'ontology': str(r.ontology_dir()),\n"
        "  'queries': str(r.queries_dir()), 'actors': sorted(p.name for p in r.actors_dir().glob('*')),\n"
        "  'rq': sorted(p.name for p in r.queries_dir().glob('*.rq')),\n"
        "  'ttl': sorted(p.name for p in r.ontology_dir().glob('*.ttl')),\n"
        "  'model': str(__import__('kgbuild.extract.linear', fromlist=['x']).load_bundle().meta['trained_on'][:1])}))\n")
    site_packages = sysconfig.get_paths()["purelib"]
    # -S: no site processing, so the editable install's finder (a .pth in site-packages) stays out;
    # -P: the cwd is not prepended; dependencies come from site-packages after the install target.
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), site_packages])}
    env.pop("PYTHONHOME", None)
    result = subprocess.run([sys.executable, "-S", "-P", "-c", probe], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert Path(found["package"]).is_relative_to(installed), found["package"]
    assert Path(found["ontology"]).is_relative_to(installed), found
    assert Path(found["queries"]).is_relative_to(installed), found
    assert found["ttl"] == ["kgbuild.ttl", "shapes.ttl"]
    assert "NOTICE.md" in found["actors"] and {p.name for p in (ONTOLOGY / "actors").glob("*.ttl")} <= set(found["actors"])
    assert found["rq"] == sorted(p.name for p in QUERIES.glob("*.rq"))


def test_installed_package_is_imported_from_the_install_target(installed: Path, tmp_path: Path) -> None:
    """The isolation itself works: the checkout is not on the path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(installed), sysconfig.get_paths()["purelib"]])}
    result = subprocess.run([sys.executable, "-S", "-P", "-c",
                             "import kgbuild, kgbuild.cli; print(kgbuild.__file__, kgbuild.__version__)"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    package_file, package_version = result.stdout.split()
    assert Path(package_file).is_relative_to(installed) and package_version == "0.1.0"
