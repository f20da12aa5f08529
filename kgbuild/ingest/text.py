"""Plain text and Markdown articles: the first non-empty line is the title."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..errors import InputError
from .article import Article, clean_text, split_structure
from .decode import decode_bytes

__all__ = ["read_text_article"]


def read_text_article(data: bytes, *, source: str, article_id: str,
                      published: date | None = None) -> Article:
    """Read a ``.txt`` / ``.md`` article."""
    text = clean_text(decode_bytes(data, source=source))
    if Path(source).suffix.lower() == ".md":
        text = _strip_markdown_markup(text)
    if not text.strip():
        raise InputError(f"{source}: empty article")
    title, subtitle, author, spans = split_structure(text)
    return Article(id=article_id, text=text, source=source, title=title, subtitle=subtitle,
                   author=author, published=published, body_spans=spans)


def _strip_markdown_markup(text: str) -> str:
    """Drop heading marks and emphasis; keep the words (and so the sentence offsets)."""
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return re.sub(r"(\*\*|__|\*|_)(\S[^*_\n]*?\S|\S)\1", r"\2", text)
