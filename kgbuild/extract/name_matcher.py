"""The actor KB's names as entities: a token trie, and the names' tokens kept on disk.

spaCy's ``EntityRuler`` over the KB's ~24,000 names spent ~4 s of every process's start in
making a ``Doc`` per name (tokenising it and creating a lexeme for each new word) for its
``PhraseMatcher``. :class:`NameMatcher` matches the same token sequences from a trie of plain
strings, and :func:`name_tokens` tokenises the names with the model's own tokenizer once per
set of names, model and spaCy version, kept in the user's cache folder (``KGBUILD_CACHE_DIR``,
else ``$XDG_CACHE_HOME/kgbuild``, else ``~/.cache/kgbuild``; a cache that cannot be read or
written is recomputed, never an error). Entities are set as the ``EntityRuler`` sets them with
``overwrite_ents=False``: longest match first, then the earliest, never over a token that
already has an entity, ties between names of one span broken as its ``set``-then-``sort`` breaks
them (the same match ids).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> names = [{"label": "KB_ORG", "pattern": "Kata'ib Hezbollah", "id": "kb:kh"},
...          {"label": "KB_PLACE", "pattern": "Iraq", "id": "kb:IRQ"}]
>>> matcher = NameMatcher(nlp, names, attr="LOWER", cache=False)
>>> doc = matcher(nlp("kata'ib hezbollah fighters in IRAQ"))
>>> [(e.text, e.label_, e.ent_id_) for e in doc.ents]
[("kata'ib hezbollah", 'KB_ORG', 'kb:kh'), ('IRAQ', 'KB_PLACE', 'kb:IRQ')]
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

__all__ = ["NameMatcher", "name_tokens", "cache_dir"]

log = logging.getLogger(__name__)

#: how the ``EntityRuler`` joins a label and an entity id into its match key
_ID_SEPARATOR = "||"
_END = ""  # the trie key of the names ending at a node (no token is empty)


def cache_dir() -> Path:
    """Where kgbuild keeps what it can compute again (``KGBUILD_CACHE_DIR``, else the XDG cache)."""
    if os.environ.get("KGBUILD_CACHE_DIR"):
        return Path(os.environ["KGBUILD_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "kgbuild"


def name_tokens(nlp: Language, texts: Sequence[str], *, cache: bool = True) -> list[list[str]]:
    """Each text's tokens under ``nlp``'s tokenizer, read from the cache when this model and this
    spaCy version tokenised these very texts before (in this order)."""
    digest = hashlib.sha256("\n".join([spacy.__version__, nlp.meta.get("name", ""), nlp.meta.get("version", ""),
                                       nlp.lang, *texts]).encode()).hexdigest()[:32]
    try:
        path: Path | None = cache_dir() / f"names-{digest}.json" if cache else None
    except RuntimeError:  # no home folder to find
        path = None
    if path is not None:
        try:
            tokens = json.loads(path.read_text(encoding="utf-8"))
            if _tokens_of(tokens, texts):
                return tokens
        except (OSError, ValueError):
            pass
    tokens = [[t.text for t in doc] for doc in nlp.tokenizer.pipe(texts)]
    if path is not None:
        _write_atomically(path, json.dumps(tokens, ensure_ascii=False))
    return tokens


def _tokens_of(tokens: object, texts: Sequence[str]) -> bool:
    """Whether ``tokens`` (read from a file) split each of ``texts``: a token list per text,
    whose tokens are the text's characters but its spaces."""
    return isinstance(tokens, list) and len(tokens) == len(texts) and all(
        isinstance(words, list) and "".join(words).replace(" ", "") == text.replace(" ", "")
        for words, text in zip(tokens, texts))


def _write_atomically(path: Path, text: str) -> None:
    """``text`` into ``path`` whole or not at all; a read-only home or a full disk only means
    the names are tokenised again next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".names-", suffix=".json")
    except OSError as exc:
        log.debug("cannot keep the KB names' tokens in %s: %s", path.parent, exc)
        return
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(name, path)
    except OSError as exc:
        log.debug("cannot keep the KB names' tokens in %s: %s", path, exc)
        with contextlib.suppress(OSError):
            os.unlink(name)


class NameMatcher:
    """Entities for the KB's names (``{"label", "pattern", "id"}`` dicts) matched on each token's
    text (``attr="ORTH"``) or its lower case (``"LOWER"``)."""

    def __init__(self, nlp: Language, names: Sequence[Mapping[str, str]], *, attr: str,
                 cache: bool = True) -> None:
        if attr not in ("ORTH", "LOWER"):
            raise ValueError(f"attr must be ORTH or LOWER, not {attr!r}")
        self.lower = attr == "LOWER"
        self.ids: dict[int, tuple[str, str]] = {}
        self.trie: dict[str, Any] = {}
        texts = [n["pattern"] for n in names]
        for name, tokens in zip(names, name_tokens(nlp, texts, cache=cache)):
            if not tokens:
                continue
            match_id = get_string_id(f"{name['label']}{_ID_SEPARATOR}{name['id']}")
            self.ids[match_id] = (name["label"], name["id"])
            node = self.trie
            for token in tokens:
                node = node.setdefault(token.lower() if self.lower else token, {})
            ends = node.setdefault(_END, [])
            if match_id not in ends:
                ends.append(match_id)

    def __len__(self) -> int:
        return len(self.ids)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """``(match id, start, end)`` of every name in ``doc``, overlapping ones included, in the
        order the ``EntityRuler`` annotates them: longest first, then earliest."""
        words = [t.lower_ if self.lower else t.text for t in doc]
        found = set()
        for start in range(len(words)):
            node = self.trie.get(words[start])
            end = start + 1
            while node is not None:
                for match_id in node.get(_END, ()):
                    found.add((match_id, start, end))
                node = node.get(words[end]) if end < len(words) else None
                end += 1
        return sorted(found, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)

    def __call__(self, doc: Doc) -> Doc:
        entities = list(doc.ents)
        new_entities = []
        seen: set[int] = set()
        for match_id, start, end in self.matches(doc):
            if any(t.ent_type for t in doc[start:end]):
                continue
            if start not in seen and end - 1 not in seen:  # (the ruler's own test, ends inclusive)
                label, ent_id = self.ids[match_id]
                new_entities.append(Span(doc, start, end, label=label, span_id=ent_id))
                entities = [e for e in entities if not (e.start < end and e.end > start)]
                seen.update(range(start, end))
        doc.ents = entities + new_entities  # (also when nothing is new, as the ruler: tokens outside are O)
        return doc
