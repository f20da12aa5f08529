"""The one key names are compared by, in the actor KB, its index and the extractor.

>>> normalise_name("The Kata\u2019ib  Hezbollah") == normalise_name("kata'ib-hezbollah")
True
>>> normalise_name("Ansar al-Shari\u02bfa") == normalise_name("Ansar al Sharia")
True
>>> normalise_name("U.S.")
'us'
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalise_name"]

_DROPPED = re.compile("['`\u2018\u2019\u02bc\u02bf\u00b4.]")
_SEPARATORS = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)  # the same names come again and again
def normalise_name(text: str) -> str:
    """Case-, diacritic-, quote- and punctuation-insensitive key for a name, without a leading
    "the"."""
    if not text.isascii():  # (most names are: nothing to decompose)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold()
    text = _DROPPED.sub("", text)
    text = _SEPARATORS.sub(" ", text).strip()
    return text[4:] if text.startswith("the ") else text
