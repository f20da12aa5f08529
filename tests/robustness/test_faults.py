"""Faults: a build killed at random points, a full disk, a read-only store, two builds at once.
The store always opens afterwards and holds each article old, new or absent, never half."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import kgbuild.build as build_module
from kgbuild.cli import cli
from kgbuild.errors import StoreError
from kgbuild.store import GraphStore

from .conftest import run_cli, show

ARTICLES = 40
KILL_LOOP_SECONDS = 4.0


def _write_articles(folder: Path, count: int = ARTICLES) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"a{i:03d}.txt").write_text(
            f"Report {i}\n\nUS troops attacked Kata'ib Hezbollah in Baghdad on day {i}. The Pentagon said "
            f"strike number {i} was a response to a rocket attack on an Iraqi base near Mosul.\n")


def _article_quads(store: Path) -> dict[str, set[str]]:
    """article id -> its doc and claims quads (as strings)."""
    with GraphStore.open_read_only(store) as gs:
        return {a: {str(q) for kind in ("doc", "claims") for q in gs.quads(gs.graph_iri(kind, a))}
                for a in gs.article_ids()}


@pytest.fixture()
def corpus(tmp_path: Path, fast_build: None) -> tuple[Path, dict[str, set[str]]]:
    """The articles, and what a clean build stores for each."""
    src = tmp_path / "in"
    _write_articles(src)
    ref = tmp_path / "ref"
    result = run_cli(["build", str(src), "--store", str(ref), "--no-reason", "--no-validate", "--quiet"])
    assert result.exit_code == 0, show(result)
    return src, _article_quads(ref)


def _forked_build(args: list[str]) -> tuple[int, int]:
    """Run ``kgbuild ARGS`` in a forked child (the parent's loaded pipeline is inherited, so a
    child starts in milliseconds); returns (pid, read end of its stderr)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        try:
            os.close(read)
            os.dup2(write, 2)
            build_module.BATCH = 4  # commit often: more kill points between commits
            build_module.COMMIT_ARTICLES = 4
            cli.main(args=args, prog_name="kgbuild", standalone_mode=False)
            os._exit(0)
        except BaseException:  # noqa: BLE001
            os._exit(1)
    os.close(write)
    return pid, read


def _drain(fd: int) -> str:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks).decode(errors="replace")


def test_killed_mid_build_keeps_every_reported_article(tmp_path: Path, corpus) -> None:  # noqa: ANN001
    src, reference = corpus
    store = tmp_path / "kg"
    args = ["build", str(src), "--store", str(store), "--no-reason", "--no-validate", "--verbose"]
    rng = random.Random(7)
    reported: set[str] = set()
    kills = 0
    deadline = time.monotonic() + KILL_LOOP_SECONDS
    while time.monotonic() < deadline:
        pid, fd = _forked_build(args)
        time.sleep(rng.uniform(0.02, 0.8))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        reported |= {line.split(": ", 1)[1] for line in _drain(fd).splitlines() if line.startswith("built: ")}
        try:
            stored = _article_quads(store) if store.exists() and any(store.iterdir()) else {}
        except StoreError as exc:  # killed before the store held anything: nothing built yet
            assert "creation was interrupted" in str(exc) and not reported, exc
            stored = {}
        missing = reported - set(stored)
        assert not missing, f"reported built but absent after kill {kills}: {sorted(missing)}"
        for article, quads in stored.items():
            assert quads == reference[article], f"article {article} half-written after kill {kills}"
    assert kills >= 3
    result = run_cli(["build", str(src), "--store", str(store), "--no-reason", "--no-validate", "--quiet"])
    assert result.exit_code == 0, show(result)
    assert _article_quads(store) == reference


def test_second_build_refuses_clearly_or_waits(tmp_path: Path, fast_build: None) -> None:
    src = tmp_path / "in"
    _write_articles(src, 2)
    store = tmp_path / "kg"
    holder = subprocess.Popen(  # another build holding the writer lock for 2 s
        [sys.executable, "-c", "import sys, time; from kgbuild.store import GraphStore\n"
         f"with GraphStore.open({str(store)!r}):\n    print('locked', flush=True); time.sleep(2)"],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        result = run_cli(["build", str(src), "--store", str(store), "--no-reason", "--quiet"])
        assert result.exit_code == 1, show(result)
        assert "another kgbuild process is using this store" in result.stderr, show(result)
        assert len(result.stderr.strip().splitlines()) == 1, show(result)
        result = run_cli(["build", str(src), "--store", str(store), "--no-reason", "--quiet", "--wait", "30"])
        assert result.exit_code == 0, show(result)
        assert holder.poll() is not None, "the waiting build ran while the other held the lock"
    finally:
        holder.wait(timeout=30)
    assert sorted(_article_quads(store)) == ["a000", "a001"]


@pytest.fixture()
def tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount = tmp_path / "mnt"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root / CAP_SYS_ADMIN): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _remount(mount: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(mount)], check=True)


def _store_on_tmpfs(tmp_path: Path, tmpfs: Path, articles: int) -> tuple[Path, Path, dict[str, set[str]]]:
    """``articles`` article files, and a store on the tmpfs holding the first of them:
    (source folder, store, what the store holds)."""
    src = tmp_path / "in"
    _write_articles(src, articles)
    store = tmpfs / "kg"
    _remount(tmpfs, "size=64m")
    first = run_cli(["build", str(src / "a000.txt"), "--store", str(store), "--no-reason", "--quiet"])
    assert first.exit_code == 0, show(first)
    return src, store, _article_quads(store)


def test_disk_full_is_a_clear_error_and_no_corruption(tmp_path: Path, tmpfs: Path, fast_build: None) -> None:
    src, store, before = _store_on_tmpfs(tmp_path, tmpfs, 60)
    fs = os.statvfs(tmpfs)
    used = (fs.f_blocks - fs.f_bfree) * fs.f_frsize
    _remount(tmpfs, f"size={used + 32 * 1024}")
    result = run_cli(["build", str(src), "--store", str(store), "--no-reason", "--quiet"])
    assert result.exit_code == 1, show(result)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "No space left on device" in errors[0], show(result)
    assert "Traceback" not in result.stderr, show(result)
    _remount(tmpfs, "size=64m")
    after = _article_quads(store)  # opens; every article whole
    assert before.items() <= after.items()
    rebuilt = run_cli(["build", str(src), "--store", str(store), "--no-reason", "--quiet"])
    assert rebuilt.exit_code == 0, show(rebuilt)
    assert len(_article_quads(store)) == 60


def test_read_only_store_is_a_clear_error(tmp_path: Path, tmpfs: Path, fast_build: None) -> None:
    src, store, before = _store_on_tmpfs(tmp_path, tmpfs, 2)
    _remount(tmpfs, "ro")
    result = run_cli(["build", str(src), "--store", str(store), "--no-reason", "--quiet"])
    assert result.exit_code == 1, show(result)
    assert result.stderr.startswith("Error: ") and "not writable" in result.stderr, show(result)
    assert len(result.stderr.strip().splitlines()) == 1, show(result)
    assert _article_quads(store) == before  # readers still work on a read-only medium
    exported = run_cli(["export", "--store", str(store), "--format", "nquads"])
    assert exported.exit_code == 0, show(exported)
