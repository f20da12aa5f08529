"""A cheap "is this English?" check: the share of common English function words.

The extractor's model and lexicon are English; an article in another language is still
built (names may be found) but gets a warning.

>>> english_share("The army said that it had attacked the base in the north.") > 0.3
True
>>> language_warning("Die Armee hat die Basis im Norden des Landes angegriffen, sagte ein Sprecher am Montag.",
...                  source="x")
'x: does not look like English (0% common English words); extraction expects English text'
"""
from __future__ import annotations

import re

__all__ = ["english_share", "language_warning", "MIN_WORDS", "MIN_SHARE"]

MIN_WORDS = 12
MIN_SHARE = 0.12
_WORD = re.compile(r"[^\W\d_]+")
_STOPWORDS = frozenset("""
a about after against all also an and are as at be been but by can could did do for from
had has have he her his i if in into is it its more no not of on or our out over said says
she so than that the their them then there these they this to up was we were what when which
while who will with would you
""".split())


def english_share(text: str, *, sample: int = 20_000) -> float:
    """Share of words in (the first ``sample`` characters of) ``text`` that are common English words."""
    words = _WORD.findall(text[:sample].casefold())
    return sum(1 for w in words if w in _STOPWORDS) / len(words) if words else 0.0


def language_warning(text: str, *, source: str) -> str | None:
    """A warning when ``text`` has enough words and too few English function words."""
    words = _WORD.findall(text[:20_000])
    if len(words) < MIN_WORDS:
        return None
    share = english_share(text)
    if share >= MIN_SHARE:
        return None
    return (f"{source}: does not look like English ({share:.0%} common English words); "
            "extraction expects English text")
