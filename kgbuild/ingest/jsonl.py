"""JSON Lines: one article a line with ``id``, ``title``, ``text`` and optional metadata."""
from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

from .article import Article, InputFailure, clean_text, parse_date, publisher_of, split_structure
from .decode import decode_bytes

__all__ = ["read_jsonl_articles"]


def read_jsonl_articles(data: bytes, *, source: str, published: date | None = None
                        ) -> Iterator[Article | InputFailure]:
    """Yield one :class:`Article` per good line and an :class:`InputFailure` per bad one."""
    text = decode_bytes(data, source=source)
    for number, line in enumerate(text.splitlines(), start=1):
        where = f"{source}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputFailure(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield InputFailure(where, "a line must be a JSON object")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputFailure(where, "missing or empty 'text'")
            continue
        article_id = record.get("id")
        if not isinstance(article_id, (str, int)) or not str(article_id).strip():
            yield InputFailure(where, "missing 'id'")
            continue
        record_date, warning = parse_date(record.get("published"), source=where)
        title = record.get("title") if isinstance(record.get("title"), str) else None
        author = record.get("author") if isinstance(record.get("author"), str) else None
        body = clean_text(body)
        found_title, subtitle, found_author, spans = split_structure(body, title=title, author=author)
        origin = record.get("origin") if isinstance(record.get("origin"), str) else ""
        url = record.get("url") if isinstance(record.get("url"), str) else None
        if url is None and "http" in origin:
            url = origin[origin.index("http"):].split()[0].rstrip(",;)")
        publisher = record.get("publisher") if isinstance(record.get("publisher"), str) else None
        publisher = publisher or publisher_of(url, origin)
        yield Article(id=str(article_id).strip(), text=body, source=where, title=found_title,
                      subtitle=subtitle, author=found_author, published=record_date or published,
                      url=url, publisher=publisher,
                      body_spans=spans, warnings=(warning,) if warning else ())
