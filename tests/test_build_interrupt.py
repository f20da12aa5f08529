"""Builds interrupted early, and inputs that name nothing (issue 17, "Builds interrupted early").

Spec:
- A build commits early: the first commit after a few articles (4), the budget then doubling
  up to the usual one, and pending work at least every few seconds; extraction batches grow
  the same way.
- Ctrl-C (SIGINT) on a real ``kgbuild build`` keeps every article committed before it, prints
  the summary of what was kept (no bare ``Aborted!``) and exits 130; the store opens
  afterwards, holds exactly the reported articles, and its inferred graph is marked stale.
- Inputs of which none exists (a mistyped path) are an error naming the path; the store is
  neither created nor reasoned (an existing store is not even opened).
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import kgbuild.build as build_module
from conftest import EXAMPLES_JSONL, invoke
from kgbuild.build import CommitBudget, _batches, commit_due
from kgbuild.store import GraphStore, SerializedArticleWrite


def _write(article_id: str, quads: int = 10) -> SerializedArticleWrite:
    line = f"<urn:x:{article_id}> <urn:x:p> \"o\" <urn:x:g> .\n".encode()
    return SerializedArticleWrite(article_id, line * quads, b"")


def test_first_commits_come_after_a_few_articles_then_the_budget_doubles() -> None:
    budget = CommitBudget()
    sizes = []
    for _ in range(9):
        pending = []
        while not budget.due(pending):
            pending.append(_write(f"a{len(pending)}"))
        sizes.append(len(pending))
        budget.committed()
    assert sizes == [4, 8, 16, 32, 64, 128, 256, 256, 256]
    assert not commit_due([_write("a")]) and commit_due([_write("a")] * build_module.COMMIT_ARTICLES)


def test_pending_articles_are_committed_after_some_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    budget = CommitBudget()
    assert not budget.due([_write("a")])
    monkeypatch.setattr(build_module.time, "monotonic", lambda: budget.last + build_module.COMMIT_SECONDS)
    assert budget.due([_write("a")])
    assert not budget.due([])


def test_extraction_batches_grow_to_the_batch_size() -> None:
    sizes = [len(b) for b in _batches(range(200), 64, first=4)]  # type: ignore[arg-type]
    assert sizes == [4, 8, 16, 32, 64, 64, 12]
    assert [len(b) for b in _batches(range(10), 4)] == [4, 4, 2]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 7 example articles, 20 times over under new ids: 140 articles, a minute of work."""
    records = [json.loads(line) for line in EXAMPLES_JSONL.read_text(encoding="utf-8").splitlines() if line.strip()]
    path = tmp_path_factory.mktemp("many") / "many.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(20):
            for record in records:
                out.write(json.dumps({**record, "id": f"{record['id']}-{n:02d}"}) + "\n")
    return path


@pytest.mark.slow
def test_ctrl_c_keeps_the_committed_articles_and_exits_130(many_articles: Path, tmp_path: Path) -> None:
    store = tmp_path / "kg"
    process = subprocess.Popen(
        [sys.executable, "-m", "kgbuild", "build", str(many_articles), "--store", str(store), "--verbose"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "COLUMNS": "120"})
    lines: list[str] = []
    committed = threading.Event()

    def read_stderr() -> None:  # "built: ID" comes once the article's transaction committed
        assert process.stderr is not None
        for line in process.stderr:
            lines.append(line)
            if line.startswith("built: "):
                committed.set()
        committed.set()  # the process ended

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    try:
        assert committed.wait(timeout=180), "no article committed within 3 minutes"
        assert process.poll() is None, "".join(lines)
        process.send_signal(signal.SIGINT)
        process.wait(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    reader.join(timeout=30)
    assert process.stdout is not None
    stdout, stderr = process.stdout.read(), "".join(lines)
    assert process.returncode == 130, f"exit {process.returncode}\n{stdout}\n{stderr}"
    assert "Aborted!" not in stdout + stderr and "Traceback" not in stderr, stderr
    reported = [line.split(": ", 1)[1] for line in stderr.splitlines() if line.startswith("built: ")]
    assert len(reported) >= 4, stderr  # the first commit holds the first 4 articles
    row = re.search(r"│\s*(\d+)\s*│\s*(\d+)\s*│\s*(\d+)\s*│", stdout)
    assert row is not None and int(row.group(1)) == len(reported), stdout
    assert f"interrupted: kept the {len(reported)} article(s) committed before Ctrl-C" in stderr, stderr
    with GraphStore.open_read_only(store) as graph_store:
        assert graph_store.article_ids() == sorted(reported)
        assert not graph_store.inferred_is_current()


def test_a_mistyped_path_creates_no_store(tmp_path: Path) -> None:
    store = tmp_path / "kg"
    result = invoke(["build", tmp_path / "exmaples", "--store", store], expect=1)
    assert f"error: {tmp_path / 'exmaples'}: no such file or folder" in result.output
    assert f"nothing built: no input could be read; the store {store} was not touched" in result.output
    assert not store.exists()


def test_a_mistyped_path_leaves_an_existing_store_unopened(store_copy: Path, tmp_path: Path) -> None:
    def listing() -> list[tuple[str, int, int]]:
        return sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in os.scandir(store_copy))

    with GraphStore.open(store_copy) as graph_store:  # even a stale inferred graph is left alone
        graph_store.mark_inferred_stale()
    before = listing()
    result = invoke(["build", tmp_path / "missing.txt", tmp_path / "no-*.txt", "--store", store_copy], expect=1)
    assert "missing.txt: no such file or folder" in result.output
    assert "no-*.txt: no file matches this pattern" in result.output
    assert listing() == before
    with GraphStore.open_read_only(store_copy) as graph_store:
        assert not graph_store.inferred_is_current()
