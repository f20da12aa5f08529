"""HTML articles: main text through trafilatura; title, date, author from the metadata."""
from __future__ import annotations

import re
from datetime import date

from ..errors import InputError
from .article import Article, clean_text, parse_date, split_structure
from .decode import decode_bytes

__all__ = ["read_html_article", "MIN_WORDS"]

#: Fewer words than this in the extracted main text is no article (menus, cookie walls).
MIN_WORDS = 5


def read_html_article(data: bytes, *, source: str, article_id: str,
                      published: date | None = None) -> Article:
    """Read an ``.html`` page. Raises :class:`InputError` when it has no main text."""
    import trafilatura

    html = decode_bytes(data, source=source)
    try:
        body = trafilatura.extract(html, include_comments=False, include_tables=False,
                                   favor_precision=True, with_metadata=False)
        meta = trafilatura.extract_metadata(html)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup  # noqa: BLE001
        raise InputError(f"{source}: cannot parse HTML: {exc}") from exc
    if not body or len(body.split()) < MIN_WORDS:  # navigation-only pages give a word or two
        raise InputError(f"{source}: no main text found in the HTML page")
    title = (meta.title if meta and meta.title else "").strip()
    warnings: list[str] = []
    page_date = None
    if meta and meta.date:
        page_date, warning = parse_date(meta.date, source=source)
        if warning:
            warnings.append(warning)
    body = re.sub(r"(?<!\n)\n(?!\n)", "\n\n", clean_text(body))  # trafilatura: one line per paragraph
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    title, subtitle, author, spans = split_structure(text, title=title or None,
                                                     author=(meta.author if meta else None) or None)
    return Article(id=article_id, text=text, source=source, title=title, subtitle=subtitle,
                   author=author, url=(meta.url if meta else None) or None,
                   published=published or page_date, body_spans=spans, warnings=tuple(warnings))
