"""Extraction: articles in, typed :class:`~kgbuild.extract.items.Extraction` items out.

>>> from kgbuild.ingest import Article
>>> extractor = Extractor()
>>> result = extractor.extract(Article(id="a", source="x", text="US troops attacked Kata'ib Hezbollah."))
>>> sorted({m.actor.label for m in result.mentions})
["Kata'ib Hezbollah", 'United States Armed Forces']
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..config import DEFAULT_MODEL
from ..ingest import Article
from .items import ActorRef, ClaimItem, EventItem, Extraction, MentionItem, RelationItem
from .pipeline import build_pipeline, pipeline_fingerprint

__all__ = ["Extractor", "Extraction", "ActorRef", "MentionItem", "RelationItem", "EventItem", "ClaimItem"]


class Extractor:
    """A loaded pipeline; :meth:`pipe` streams articles through ``nlp.pipe``."""

    def __init__(self, *, model: str = DEFAULT_MODEL, kb_folders: Sequence[Path] = (),
                 config: str | None = None) -> None:
        self.model = model
        self.kb_folders = tuple(kb_folders)
        self.nlp = build_pipeline(model=model, kb_folders=self.kb_folders, config=config)
        self.fingerprint = pipeline_fingerprint(model=model, kb_folders=self.kb_folders, config=config)

    def _doc(self, article: Article):  # noqa: ANN202 - spaCy Doc
        doc = self.nlp.make_doc(article.text)
        doc.user_data["kgbuild"] = {"published": article.published, "author": article.author,
                                    "body": article.body_spans or ((0, len(article.text)),)}
        return doc

    def extract(self, article: Article) -> Extraction:
        return next(self.pipe([article]))[1]

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[tuple[Article, Extraction]]:
        """Yield ``(article, extraction)`` in input order."""
        pending: list[Article] = []

        def docs() -> Iterator:  # noqa: ANN202
            for article in articles:
                pending.append(article)
                yield self._doc(article)

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            article = pending.pop(0)
            yield article, doc.user_data["kgbuild.extraction"]
