"""Extraction: articles in, typed :class:`~kgbuild.extract.items.Extraction` items out.

>>> from kgbuild.ingest import Article
>>> extractor = Extractor()
>>> result = extractor.extract(Article(id="a", source="x", text="US troops attacked Kata'ib Hezbollah."))
>>> sorted({m.actor.label for m in result.mentions})
["Kata'ib Hezbollah", 'United States', 'United States Armed Forces']
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..config import DEFAULT_MODEL
from ..ingest import Article
from .items import ActorRef, ClaimItem, EventItem, Extraction, MentionItem, RelationItem
from .fingerprint import pipeline_fingerprint

__all__ = ["Extractor", "chunk_bounds", "CHUNK_CHARS", "EXTRACT_BATCH", "Extraction", "ActorRef", "MentionItem", "RelationItem", "EventItem", "ClaimItem"]

#: Docs per ``nlp.pipe`` batch. Small batches are faster: 300 news-length articles took 29 s in
#: batches of 16 and 54 s at spaCy's default for this model (256) on 2 cores.
EXTRACT_BATCH = 16


class Extractor:
    """A loaded pipeline; :meth:`pipe` streams articles through ``nlp.pipe``."""

    def __init__(self, *, model: str = DEFAULT_MODEL, kb_folders: Sequence[Path] = (),
                 config: str | None = None, events_model: Path | None = None) -> None:
        self.model = model
        self.kb_folders = tuple(kb_folders)
        from .pipeline import build_pipeline  # spaCy is imported only when a pipeline is needed

        self.nlp = build_pipeline(model=model, kb_folders=self.kb_folders, config=config, events_model=events_model)
        self.fingerprint = pipeline_fingerprint(model=model, kb_folders=self.kb_folders, config=config,
                                                events_model=events_model)

    def make_doc(self, article: Article, start: int = 0, end: int | None = None):  # noqa: ANN201 - spaCy Doc
        """The Doc of ``article.text[start:end]``; body spans are made relative to ``start``."""
        end = len(article.text) if end is None else end
        body: tuple[tuple[int, int], ...] = ((0, end - start),)
        if article.body_spans:
            body = tuple((max(s, start) - start, min(e, end) - start)
                         for s, e in article.body_spans if s < end and e > start) or ((0, 0),)
        doc = self.nlp.make_doc(article.text[start:end])
        doc._.kgbuild_meta = {"published": article.published, "author": article.author,
                              "publisher": article.publisher, "body": body}
        return doc

    def extract(self, article: Article) -> Extraction:
        return next(self.pipe([article]))[1]

    def pipe(self, articles: Iterable[Article], *,
             batch_size: int = EXTRACT_BATCH) -> Iterator[tuple[Article, Extraction]]:
        """Yield ``(article, extraction)`` in input order.

        Texts longer than :data:`CHUNK_CHARS` go through the pipeline in chunks cut at
        paragraph (else line, else word) boundaries, so memory stays bounded and spaCy's
        ``max_length`` never applies; offsets are shifted back into the full text.
        """
        pending: list[tuple[Article, int, bool]] = []  # article, chunk start, last chunk?

        def docs() -> Iterator:  # noqa: ANN202
            for article in articles:
                bounds = chunk_bounds(article.text)
                for n, (start, end) in enumerate(bounds):
                    pending.append((article, start, n == len(bounds) - 1))
                    yield self.make_doc(article, start, end)

        merged = Extraction()
        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            article, start, last = pending.pop(0)
            _merge(merged, doc._.kgbuild_extraction, start)
            if last:
                yield article, merged
                merged = Extraction()


#: Texts longer than this are processed in chunks (spaCy needs ~1 GB per 100,000 characters
#: with the parser; its default ``max_length`` is 1,000,000).
CHUNK_CHARS = 100_000


def chunk_bounds(text: str, *, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into ``(start, end)`` pieces of at most ``size`` characters.

    >>> chunk_bounds("aa\\n\\nbb cc", size=6)
    [(0, 4), (4, 9)]
    """
    if len(text) <= size:
        return [(0, len(text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + size // 2, end)
                if cut != -1:
                    end = cut + len(sep)
                    break
        bounds.append((start, end))
        start = end
    return bounds


def _merge(into: Extraction, part: Extraction, offset: int) -> None:
    """Append ``part``'s items to ``into`` with every offset moved by ``offset``."""
    if offset == 0:
        into.mentions.extend(part.mentions)
        into.relations.extend(part.relations)
        into.events.extend(part.events)
        into.claims.extend(part.claims)
        return

    def move(span: tuple[int, int]) -> tuple[int, int]:
        return span[0] + offset, span[1] + offset

    into.mentions.extend(replace(m, start=m.start + offset, end=m.end + offset, sentence=move(m.sentence))
                         for m in part.mentions)
    into.relations.extend(replace(r, sentence=move(r.sentence), evidence=move(r.evidence))
                          for r in part.relations)
    for event in part.events:
        event.triggers = [move(t) for t in event.triggers]
        event.sentence = move(event.sentence)
        event.sentences = [move(s) for s in event.sentences]
        into.events.append(event)
    into.claims.extend(replace(c, sentence=move(c.sentence)) for c in part.claims)
