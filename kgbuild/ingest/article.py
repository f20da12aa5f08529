"""The :class:`Article` every reader produces, and the text clean-up all readers share."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Article", "InputFailure", "clean_text", "split_structure", "parse_date", "publisher_of"]


@dataclass(frozen=True)
class Article:
    """One news article, as the extractor sees it.

    ``text`` is the exact string stored in the graph (``nif:isString``); every offset the
    extractor emits indexes it. ``body_spans`` are the (start, end) ranges to extract from:
    the title, subtitle and paragraphs, without the byline and author bio.
    """

    id: str
    text: str
    source: str
    title: str = ""
    published: date | None = None
    author: str | None = None
    url: str | None = None
    publisher: str | None = None
    subtitle: str | None = None
    body_spans: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()
    content_hash: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.content_hash:
            digest = hashlib.sha256()
            for part in (self.id, self.title, self.text, str(self.published or ""),
                         self.author or "", self.url or ""):
                digest.update(part.encode("utf-8", "surrogatepass"))
                digest.update(b"\x00")
            object.__setattr__(self, "content_hash", digest.hexdigest())


@dataclass(frozen=True)
class InputFailure:
    """An input that could not be read; ``source`` names the file (and line)."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Normalise line endings, drop control characters and unpaired surrogates, NFC.

    >>> clean_text("a\\r\\nb\\rc\\x00d")
    'a\\nb\\ncd'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


_AUTHOR_LINE = re.compile(r"^\s*(?:Author|By|Written by|Reporting by)\s*[:\-]?\s*(?P<name>[^\n]{2,80}?)\s*$",
                          re.IGNORECASE | re.MULTILINE)
_BIO = re.compile(r"^(?P<name>[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){0,3}) (?:is|was|has been) (?:a |an |the )?"
                  r"(?:[\w\-]+ ){0,4}(?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Ww]riter|[Jj]ournalist|"
                  r"[Cc]olumnist|[Aa]nalyst|[Cc]ontributor|[Ff]ellow|[Pp]rofessor|[Aa]uthor)\b")


def split_structure(text: str, *, title: str | None = None, author: str | None = None
                    ) -> tuple[str, str | None, str | None, tuple[tuple[int, int], ...]]:
    """Find title, subtitle, author and the body paragraphs (byline and bio left out).

    Returns ``(title, subtitle, author, body_spans)``.

    >>> t = "Title\\n\\nSub title\\n\\nBody one.\\n\\nAuthor: Jane Roe\\n\\nJane Roe is Senior Editor for X."
    >>> split_structure(t)
    ('Title', 'Sub title', 'Jane Roe', ((0, 5), (7, 16), (18, 27)))
    """
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    paragraphs = [(s, e) for s, e in paragraphs if text[s:e].strip()]
    body: list[tuple[int, int]] = []
    found_author = author
    for index, (start, end) in enumerate(paragraphs):
        chunk = text[start:end].strip()
        match = _AUTHOR_LINE.match(chunk)
        is_tail = index >= len(paragraphs) - 3
        if match and len(chunk) < 100 and (is_tail or index <= 2):
            found_author = found_author or match.group("name").strip()
            continue
        bio = _BIO.match(chunk)
        if bio and index >= max(1, len(paragraphs) - 2) and (
                found_author is None or bio.group("name") in found_author or found_author in bio.group("name")):
            found_author = found_author or bio.group("name")
            continue
        body.extend(_without_credits(text, start, end))
    found_title = title
    subtitle = None
    if body:
        first = text[body[0][0]:body[0][1]].strip()
        if not found_title:
            found_title = first if len(first) < 200 else first[:120]
        if len(body) > 2 and first == (found_title or "").strip():
            second = text[body[1][0]:body[1][1]].strip()
            if len(second) < 200 and not second.endswith((".", "!", "?", '"', "\u201d")):
                subtitle = second
    return found_title or "", subtitle, found_author, tuple(body)


_CREDIT_CUE = re.compile(r"\b(?:contributed to this report|contributed reporting|originated in|"
                         r"additional reporting by|edited by|reporting by)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n]")


def _without_credits(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The paragraph minus credit sentences ("VOA's X contributed to this report.").

    Linear time: find the cue, then widen to its sentence (a pattern that scans a sentence
    from every start position is quadratic on a long unpunctuated paragraph).

    >>> t = "Strikes hit. VOA's Jane Roe contributed to this report. More."
    >>> [t[s:e] for s, e in _without_credits(t, 0, len(t))]
    ['Strikes hit.', ' More.']
    """
    spans: list[tuple[int, int]] = []
    cursor = start
    for cue in _CREDIT_CUE.finditer(text, start, end):
        if cue.start() < cursor:
            continue
        begin = max(cursor, max(text.rfind(ch, cursor, cue.start()) for ch in ".!?\n") + 1)
        stop = _SENTENCE_END.search(text, cue.end(), end)
        finish = end if stop is None else stop.end() if stop.group() != "\n" else stop.start()
        if begin > cursor and text[cursor:begin].strip():
            spans.append((cursor, begin))
        cursor = finish
    if cursor < end and text[cursor:end].strip():
        spans.append((cursor, end))
    return spans


def parse_date(value: object, *, source: str) -> tuple[date | None, str | None]:
    """Parse a publication date; returns ``(date, warning)``. Absurd years are rejected.

    >>> parse_date("2019-12-30", source="x")
    (datetime.date(2019, 12, 30), None)
    >>> parse_date("9999-01-01", source="x")[0] is None
    True
    """
    if value in (None, ""):
        return None, None
    if isinstance(value, date):
        parsed: date | None = value
    else:
        text = str(value).strip()
        parsed = None
        try:
            parsed = date.fromisoformat(text[:10])
        except ValueError:
            import dateparser

            try:
                result = dateparser.parse(text, settings={"PREFER_DAY_OF_MONTH": "first",
                                                          "REQUIRE_PARTS": ["year"]})
            except Exception:  # dateparser raises a zoo of types on garbage  # noqa: BLE001
                result = None
            parsed = result.date() if result else None
        if parsed is None:
            return None, f"{source}: unreadable publication date {text[:40]!r}; relative dates left unresolved"
    if not 1900 <= parsed.year <= date.today().year + 1:
        return None, f"{source}: implausible publication date {parsed.isoformat()}; ignored"
    return parsed, None


#: Outlets by web domain: the publisher of a story is not an actor of it ("told VOA").
OUTLETS = {
    "voanews.com": "Voice of America", "bbc.co.uk": "BBC", "bbc.com": "BBC", "reuters.com": "Reuters",
    "apnews.com": "Associated Press", "aljazeera.com": "Al Jazeera", "antiwar.com": "Antiwar.com",
    "rferl.org": "Radio Free Europe/Radio Liberty", "france24.com": "France 24", "dw.com": "Deutsche Welle",
    "theguardian.com": "The Guardian", "nytimes.com": "The New York Times", "cnn.com": "CNN",
    "washingtonpost.com": "The Washington Post", "afp.com": "Agence France-Presse",
}
_ORIGIN_NAME = re.compile(r"\(([^(),]{3,60}),\s*https?://")


def publisher_of(url: str | None, origin: str | None = None) -> str | None:
    """The outlet that published a story, from its URL's domain or a "(Name, https://...)" credit
    in its origin note; else the origin's first comma-separated part, else ``None``.

    >>> publisher_of("https://www.voanews.com/a/x/1.html")
    'Voice of America'
    >>> publisher_of(None, "corpus X, record 7 (Voice of America, https://example.org/1)")
    'Voice of America'
    >>> publisher_of(None, "antiwar.com, 2019")
    'antiwar.com'
    """
    if url:
        host = re.sub(r"^https?://(www\.)?", "", url.strip().lower()).split("/")[0]
        for domain, name in OUTLETS.items():
            if host == domain or host.endswith("." + domain):
                return name
    if origin:
        match = _ORIGIN_NAME.search(origin)
        if match:
            return match.group(1).strip()
        return origin.split(",")[0].strip() or None
    return None
