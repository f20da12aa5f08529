"""Ingest: files, folders, globs and stdin in; :class:`Article` records out.

One small reader per format (``text``, ``html``, ``jsonl``). Bad inputs become
:class:`InputFailure` items so the rest of a batch is still built.
"""
from __future__ import annotations

import dataclasses
import glob
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from ..errors import InputError
from .article import Article, InputFailure
from .html import read_html_article
from .jsonl import read_jsonl_articles
from .language import language_warning
from .text import read_text_article

__all__ = ["Article", "InputFailure", "read_inputs", "expand_inputs", "articles_from_bytes", "SUFFIXES"]

SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
MAX_BYTES = 50_000_000
_NOT_ARTICLES = ("README", "LICENSE", "NOTICE", "CHANGELOG")


def expand_inputs(inputs: Iterable[str]) -> Iterator[Path | str | InputFailure]:
    """Files, folders (recursive, by suffix), globs; ``-`` stays ``-`` (stdin)."""
    for item in inputs:
        if item == "-":
            yield "-"
            continue
        path = Path(item)
        try:
            yield from _expand_path(item, path)
        except OSError as exc:  # a folder on the way we may not enter, a broken mount
            yield InputFailure(item, "permission denied" if isinstance(exc, PermissionError)
                               else exc.strerror or str(exc))


def _expand_path(item: str, path: Path) -> Iterator[Path | InputFailure]:
    if path.is_dir():
        if not os.access(path, os.R_OK | os.X_OK):
            raise PermissionError(item)
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                       and not p.name.upper().startswith(_NOT_ARTICLES) and not p.name.startswith("."))
        if not found:
            yield InputFailure(item, "folder holds no .txt, .md, .html or .jsonl file")
        yield from found
    elif path.exists():
        yield path
    elif any(ch in item for ch in "*?["):
        matches = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file())
        if not matches:
            yield InputFailure(item, "no file matches this pattern")
        yield from matches
    else:
        yield InputFailure(item, "no such file or folder")


def read_inputs(inputs: Iterable[str], *, published: date | None = None,
                stdin: bytes | None = None) -> Iterator[Article | InputFailure]:
    """Read every input; article ids are unique across the batch (a clash is a failure)."""
    seen: dict[str, str] = {}
    for item in expand_inputs(inputs):
        if isinstance(item, InputFailure):
            yield item
            continue
        for result in _read_one(item, published=published, stdin=stdin):
            if isinstance(result, Article):
                first = seen.get(result.id)
                if first is not None:
                    yield InputFailure(result.source, f"duplicate article id {result.id!r} (also in {first})")
                    continue
                seen[result.id] = result.source
                warning = language_warning(result.text, source=result.source)
                if warning:
                    result = dataclasses.replace(result, warnings=(*result.warnings, warning))
            yield result


def articles_from_bytes(data: bytes, *, suffix: str, source: str, stem: str, published: date | None
                        ) -> Iterator[Article]:
    """The articles of one input's bytes, read by its suffix (``.jsonl``, ``.html``/``.htm``,
    else plain text; ``stem`` is the article id of a one-article file).

    :raises InputError: the input is empty or cannot be read as its kind.
    """
    if not data.strip():
        raise InputError(f"{source}: empty file")
    if suffix == ".jsonl":
        yield from read_jsonl_articles(data, source=source, published=published)
    elif suffix in (".html", ".htm"):
        yield read_html_article(data, source=source, article_id=stem, published=published)
    else:
        yield read_text_article(data, source=source, article_id=stem, published=published)


def _read_one(item: Path | str, *, published: date | None, stdin: bytes | None
              ) -> Iterator[Article | InputFailure]:
    source = "<stdin>" if item == "-" else str(item)
    try:
        if item == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
            suffix = ".jsonl" if data.lstrip().startswith(b"{") else ".txt"
            stem = "stdin"
        else:
            path = Path(item)
            if path.stat().st_size > MAX_BYTES:
                raise InputError(f"{source}: larger than {MAX_BYTES // 1_000_000} MB")
            data = path.read_bytes()
            suffix = path.suffix.lower()
            stem = path.stem
        yield from articles_from_bytes(data, suffix=suffix, source=source, stem=stem, published=published)
    except InputError as exc:
        yield InputFailure(source, str(exc).removeprefix(f"{source}: "))
    except PermissionError:
        yield InputFailure(source, "permission denied")
    except IsADirectoryError:
        yield InputFailure(source, "is a folder, not a file")
    except OSError as exc:
        yield InputFailure(source, exc.strerror or str(exc))
