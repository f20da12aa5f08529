"""Event dates resolved against the publication date; uncertain ones stay unresolved.

>>> from datetime import date
>>> pub = date(2019, 12, 30)  # a Monday
>>> resolve_date("on Sunday morning", published=pub)
datetime.date(2019, 12, 29)
>>> resolve_date("On Monday", published=pub)
datetime.date(2019, 12, 30)
>>> resolve_date("yesterday", published=pub)
datetime.date(2019, 12, 29)
>>> resolve_date("March 6", published=date(2025, 3, 14))
datetime.date(2025, 3, 6)
>>> resolve_date("last week", published=pub) is None
True
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

__all__ = ["resolve_date", "CALENDAR_WORDS"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_VAGUE = re.compile(r"\b(week|month|year|weeks|months|years|decade|recent|recently|earlier|later|ago|"
                    r"since|past|coming|next|last|this|every|each|weekend|century|era|period|times)\b", re.I)
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
#: the words that name a weekday or a month, abbreviations too ("Tuesday", "March", "Sept")
CALENDAR_WORDS = frozenset(_WEEKDAYS) | frozenset(_MONTHS.split("|"))
_ABSOLUTE = re.compile(rf"\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b|"
                       rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?\b|"
                       r"\b\d{4}-\d{2}-\d{2}\b", re.I)


def resolve_date(text: str, *, published: date | None) -> date | None:
    """A calendar date for a date expression, or ``None`` when it cannot be pinned to a day."""
    low = text.lower().strip()
    if not low:
        return None
    if published is not None:
        if re.search(r"\b(today|tonight|this morning|this afternoon|this evening|dawn this morning)\b", low):
            return published
        if re.search(r"\byesterday\b", low):
            return published - timedelta(days=1)
        for index, name in enumerate(_WEEKDAYS):
            if re.search(rf"\b{name}('s)?\b", low):
                if re.search(r"\b(next|coming|last)\b", low):
                    return None
                back = (published.weekday() - index) % 7
                return published - timedelta(days=back)
    match = _ABSOLUTE.search(text)
    if match:
        return _absolute(match.group(0), published=published)
    if _VAGUE.search(low):
        return None
    return None


@lru_cache(maxsize=4096)  # dateparser costs ~1 ms a call; articles of a day repeat their dates
def _absolute(text: str, *, published: date | None) -> date | None:
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                                   "REQUIRE_PARTS": ["day", "month"]}
    if published is not None:
        from datetime import datetime

        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - dateparser raises many types on odd input
        return None
    if parsed is None:
        return None
    result = parsed.date()
    if published is not None and not re.search(r"\d{4}", text) and result > published:
        try:
            result = result.replace(year=result.year - 1)
        except ValueError:
            return None
    return result if 1900 <= result.year <= 2100 else None
