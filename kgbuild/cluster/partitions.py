"""Inputs cut into partitions that Dask workers read themselves.

The client lists the inputs (folders, globs, files, fsspec URLs such as ``file://`` or
``s3://``) and cuts them into :class:`Partition` descriptors; it never reads an article.
A worker reads its partition with :func:`read_partition`:

- ``files``: a few whole files (``.txt``, ``.md``, ``.html``, ``.jsonl``), read by the same
  format readers as a local build;
- ``block``: a byte range of a JSON Lines file, aligned on line ends the way
  ``dask.bag.read_text`` does (a line belongs to the block its first byte is in), so a large
  JSONL file is read by many workers at once;
- ``articles``: articles the client read and ships (stdin, or inputs the workers cannot reach).

Partitions grow (the first ones small, for early commits, then doubling) up to
:data:`FILES_PER_PARTITION` files or :data:`BLOCK_BYTES` bytes.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("US jets struck a base.")
>>> _ = (folder / "b.jsonl").write_text('{"id": "b1", "text": "Rebels shelled a town."}\\n{"id": "b2"}\\n')
>>> plan = plan_partitions([str(folder)], block_bytes=40)   # JSONL files larger than this are cut
>>> [(p.kind, p.start, p.weight) for p in plan.partitions]
[('block', 0, 40), ('block', 40, 20), ('files', 0, 22)]
>>> [getattr(item, "id", None) or item.message for p in plan.partitions for item in read_partition(p)]
['b1', "missing or empty 'text'", 'a']
"""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest import SUFFIXES, Article, InputFailure, articles_from_bytes, expand_inputs
from ..ingest.jsonl import read_jsonl_articles
from ..ingest.language import language_warning

__all__ = ["Partition", "Plan", "plan_partitions", "read_partition", "is_url", "FILES_PER_PARTITION",
           "BLOCK_BYTES", "FIRST_FILES", "FIRST_BLOCK_BYTES"]

#: files per ``files`` partition (after the first, smaller ones)
FILES_PER_PARTITION = 32
FIRST_FILES = 4
#: bytes per ``block`` partition of a JSONL file (about 200 articles of 5 KB)
BLOCK_BYTES = 1 << 20
FIRST_BLOCK_BYTES = 32 << 10
MAX_BYTES = 50_000_000  # a single non-JSONL file larger than this is refused, as in a local build
_NOT_ARTICLES = ("README", "LICENSE", "NOTICE", "CHANGELOG")


@dataclass(frozen=True)
class Partition:
    """One task's share of the inputs; ``weight`` (bytes) drives the progress bar's ETA."""

    index: int
    kind: str  # "files" | "block" | "articles"
    paths: tuple[str, ...] = ()
    start: int = 0
    length: int = 0
    articles: tuple[Article | InputFailure, ...] = ()
    weight: int = 0

    def describe(self) -> str:
        """Where the partition's articles come from (for error messages)."""
        if self.kind == "block":
            return f"{self.paths[0]} (bytes {self.start}-{self.start + self.length})"
        if self.kind == "files":
            return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} and {len(self.paths) - 1} more files"
        return f"{len(self.articles)} articles read by the client"


@dataclass
class Plan:
    """The partitions, and the inputs that could not even be listed (missing files...)."""

    partitions: list[Partition] = field(default_factory=list)
    failures: list[InputFailure] = field(default_factory=list)

    @property
    def weight(self) -> int:
        return sum(p.weight for p in self.partitions)


def is_url(item: str) -> bool:
    """An fsspec URL (``s3://...``, ``file:///...``), not a local path."""
    return "://" in item and not os.path.exists(item)


def plan_partitions(inputs: Sequence[str], *, files_per_partition: int | None = None,
                    block_bytes: int | None = None) -> Plan:
    """Partitions for ``inputs`` (local paths made absolute, so workers in other folders find them).
    Sizes: default :data:`FILES_PER_PARTITION` files and :data:`BLOCK_BYTES` bytes."""
    files_per_partition = files_per_partition or FILES_PER_PARTITION
    block_bytes = block_bytes or BLOCK_BYTES
    plan = Plan()
    files: list[tuple[str, int]] = []
    for item in inputs:
        for found in (_expand_url(item) if is_url(item) else _expand_local(item)):
            if isinstance(found, InputFailure):
                plan.failures.append(found)
            else:
                files.append(found)
    group: list[tuple[str, int]] = []
    group_limit = min(FIRST_FILES, files_per_partition)
    block = min(FIRST_BLOCK_BYTES, block_bytes)

    def add(kind: str, paths: tuple[str, ...], weight: int, start: int = 0, length: int = 0) -> None:
        plan.partitions.append(Partition(len(plan.partitions), kind, paths, start, length, weight=weight))

    for path, size in files:
        if path.lower().endswith(".jsonl") and size > block:
            start = 0
            while start < size:
                length = min(block, size - start)
                add("block", (path,), length, start, length)
                start += length
                block = min(block * 2, block_bytes)
            continue
        group.append((path, size))
        if len(group) >= group_limit:
            add("files", tuple(p for p, _ in group), sum(s for _, s in group))
            group = []
            group_limit = min(group_limit * 2, files_per_partition)
    if group:
        add("files", tuple(p for p, _ in group), sum(s for _, s in group))
    return plan


def ship_articles(items: Iterable[Article | InputFailure], *, first: int = FIRST_FILES,
                  size: int = FILES_PER_PARTITION * 2, start: int = 0) -> Iterator[Partition]:
    """``articles`` partitions of what the client read (stdin, inputs the workers cannot reach)."""
    batch: list[Article | InputFailure] = []
    limit = first
    index = start
    for item in items:
        batch.append(item)
        if len(batch) >= limit:
            yield _shipped(index, batch)
            index, batch, limit = index + 1, [], min(limit * 2, size)
    if batch:
        yield _shipped(index, batch)


def _shipped(index: int, batch: list[Article | InputFailure]) -> Partition:
    weight = sum(len(a.text) for a in batch if isinstance(a, Article))
    return Partition(index, "articles", articles=tuple(batch), weight=weight)


def _expand_local(item: str) -> Iterator[tuple[str, int] | InputFailure]:
    for found in expand_inputs([item]):
        if isinstance(found, InputFailure):
            yield found
        elif found == "-":
            yield InputFailure("-", "stdin cannot be read by cluster workers")  # the caller ships it
        else:
            path = Path(found).absolute()
            try:
                yield str(path), path.stat().st_size
            except OSError as exc:
                yield InputFailure(str(found), exc.strerror or str(exc))


def _expand_url(url: str) -> Iterator[tuple[str, int] | InputFailure]:
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        if fs.isdir(path):
            found = sorted(p for p in fs.find(path) if _is_article_name(p))
            if not found:
                yield InputFailure(url, "folder holds no .txt, .md, .html or .jsonl file")
        elif fs.exists(path):
            found = [path]
        elif any(ch in path for ch in "*?["):
            found = sorted(p for p in fs.glob(path) if fs.isfile(p))
            if not found:
                yield InputFailure(url, "no file matches this pattern")
        else:
            yield InputFailure(url, "no such file or folder")
            return
        for p in found:
            yield fs.unstrip_protocol(p), int(fs.size(p) or 0)
    except (OSError, ValueError, ImportError) as exc:  # unknown protocol, missing backend, network
        yield InputFailure(url, " ".join(str(exc).split()) or type(exc).__name__)


def _is_article_name(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return (name.lower().endswith(SUFFIXES) and not name.upper().startswith(_NOT_ARTICLES)
            and not name.startswith("."))


# -- on the worker ------------------------------------------------------------------------
def read_partition(partition: Partition, *, published: date | None = None) -> Iterator[Article | InputFailure]:
    """The articles of ``partition`` (and a failure per unreadable file or line), each with
    the language warning a local build gives it."""
    if partition.kind == "articles":
        yield from partition.articles
        return
    if partition.kind == "block":
        items: Iterable[Article | InputFailure] = _read_block(partition, published=published)
    else:
        items = (item for path in partition.paths for item in _read_file(path, published=published))
    seen: dict[str, str] = {}
    for item in items:
        if isinstance(item, Article):
            first = seen.get(item.id)
            if first is not None:
                yield InputFailure(item.source, f"duplicate article id {item.id!r} (also in {first})")
                continue
            seen[item.id] = item.source
            warning = language_warning(item.text, source=item.source)
            if warning:
                item = dataclasses.replace(item, warnings=(*item.warnings, warning))
        yield item


def _open(path: str, mode: str = "rb") -> Any:
    if is_url(path):
        import fsspec

        return fsspec.open(path, mode).open()
    return open(path, mode)  # noqa: SIM115 (closed by the caller's with)


def _read_file(path: str, *, published: date | None) -> Iterator[Article | InputFailure]:
    name = path.rsplit("/", 1)[-1]
    stem, _, suffix = name.rpartition(".")
    suffix = "." + suffix.lower()
    source = _display(path)
    try:
        with _open(path) as handle:
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES and suffix != ".jsonl":
            raise InputError(f"{source}: larger than {MAX_BYTES // 1_000_000} MB")
        yield from articles_from_bytes(data, suffix=suffix, source=source, stem=stem, published=published)
    except InputError as exc:
        yield InputFailure(source, str(exc).removeprefix(f"{source}: "))
    except PermissionError:
        yield InputFailure(source, "permission denied")
    except OSError as exc:
        yield InputFailure(source, exc.strerror or str(exc))


def _read_block(partition: Partition, *, published: date | None) -> Iterator[Article | InputFailure]:
    """The lines starting in the block's byte range; a bad line is named ``file:LINE`` (the
    lines before the block are counted only when one is bad)."""
    from fsspec.utils import read_block

    path = partition.paths[0]
    source = _display(path)
    try:
        with _open(path) as handle:
            data = read_block(handle, partition.start, partition.length, delimiter=b"\n")
    except OSError as exc:
        yield InputFailure(f"{source} (bytes {partition.start}-{partition.start + partition.length})",
                           exc.strerror or str(exc))
        return
    before: int | None = None
    for item in read_jsonl_articles(data, source=source, published=published):
        if isinstance(item, InputFailure) or not isinstance(item, Article):
            if before is None:
                # the block's first line is the one after the line end at or after ``start``
                before = _lines_before(path, partition.start) + (1 if partition.start else 0)
            line = int(item.source.rsplit(":", 1)[1]) + before
            yield InputFailure(f"{source}:{line}", item.message)
        elif partition.start:  # its line number within the block only: say so
            number = item.source.rsplit(":", 1)[1]
            yield dataclasses.replace(item, source=f"{source} (line {number} of the block at byte {partition.start})")
        else:
            yield item


def _lines_before(path: str, offset: int) -> int:
    count = 0
    with _open(path) as handle:
        remaining = offset
        while remaining > 0:
            chunk = handle.read(min(remaining, 1 << 22))
            if not chunk:
                break
            count += chunk.count(b"\n")
            remaining -= len(chunk)
    return count


def _display(path: str) -> str:
    """How a file is named in messages: relative to the working folder when it is below it."""
    if is_url(path):
        return path
    try:
        return str(Path(path).relative_to(Path.cwd()))
    except ValueError:
        return path
