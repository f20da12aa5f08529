"""Text in, graph out, without files: :func:`extract_text` and :class:`Pipeline`.

The pipeline (spaCy model, actor KB rulers, learned event models) is loaded once per
configuration and cached, so calling :func:`extract_text` in a loop costs only the
extraction. What comes back is the typed items of :mod:`kgbuild.extract.items` (the same
ones a build emits) and the article's graphs as an :class:`rdflib.Dataset`: the doc graph
(facts, mentions, evidence) and the claims graph, named and minted exactly as
``kgbuild build`` would (docs/graph-layout.md).

>>> result = extract_text("US jets struck Kata'ib Hezbollah in Iraq on Sunday.", published="2019-12-30")
>>> [(e.event_class.value, e.date.isoformat()) for e in result.events]
[('Attack', '2019-12-29')]
>>> sorted(a.label for a in result.events[0].targets)
["Kata'ib Hezbollah"]
>>> str(result.iri(result.events[0].agents[0]))
'https://w3id.org/kgbuild/kb/us-armed-forces'
>>> len(result.dataset.graph(result.doc_graph)) > 20
True
"""
from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from .config import DEFAULT_MODEL
from .errors import InputError
from .extract.items import ActorRef, ClaimItem, EventItem, Extraction, MentionItem, RelationItem
from .ingest import Article
from .layout import Layout
from .namespace import DEFAULT_BASE, prefixes

__all__ = ["extract_text", "Pipeline", "TextExtraction"]

KbFolders = str | Path | Sequence[str | Path] | None


@dataclass(frozen=True)
class TextExtraction:
    """What one text yields: typed items, and its graphs (named as a build names them)."""

    article: Article
    mentions: list[MentionItem]
    actors: list[ActorRef]
    """Every actor the text mentions, once each (KB actors and new ones), in order of first mention."""
    relations: list[RelationItem]
    events: list[EventItem]
    claims: list[ClaimItem]
    dataset: Dataset
    """The doc graph and the claims graph of the article (``doc_graph``, ``claims_graph``)."""
    base: str = DEFAULT_BASE

    @property
    def doc_graph(self) -> URIRef:
        return URIRef(self._layout.doc_graph(self.article.id).value)

    @property
    def claims_graph(self) -> URIRef:
        return URIRef(self._layout.claims_graph(self.article.id).value)

    @property
    def _layout(self) -> Layout:
        return Layout(self.base)

    def graph(self) -> Graph:
        """Both graphs merged into one rdflib Graph (for tools that take a Graph)."""
        merged = Graph()
        for prefix, namespace in prefixes(self.base).items():
            merged.bind(prefix, namespace)
        for s, p, o, _g in self.dataset.quads((None, None, None, None)):
            merged.add((s, p, o))
        return merged

    def iri(self, actor: ActorRef) -> URIRef:
        """The actor's IRI in the graph: its KB IRI, or ``{base}actor/{slug}`` for a new actor."""
        return URIRef(actor.iri or self._layout.actor(actor.label).value)


class Pipeline:
    """A loaded extraction pipeline, called like spaCy's ``nlp``: ``pipeline(text)``.

    :param kb: extra actor KB folder(s), as ``kgbuild build --kb``.
    :param base: the build base for minted IRIs and graph names.
    :raises ExtractionError: the spaCy model or the event model cannot be loaded.
    """

    def __init__(self, *, kb: KbFolders = None, model: str = DEFAULT_MODEL, events_model: Path | str | None = None,
                 base: str = DEFAULT_BASE) -> None:
        from .extract import Extractor

        self.base = base
        self.extractor = Extractor(model=model, kb_folders=_folders(kb),
                                   events_model=Path(events_model) if events_model else None)
        self.layout = Layout(base)

    def __call__(self, text: str, *, published: date | str | None = None, title: str | None = None,
                 article_id: str | None = None) -> TextExtraction:
        return next(self.pipe([text], published=published, title=title, article_id=article_id))

    def pipe(self, texts: Iterable[str], *, published: date | str | None = None, title: str | None = None,
             article_id: str | None = None) -> Iterator[TextExtraction]:
        """Extract many texts in one stream (spaCy batches them); ids default to ``text-{hash}``."""
        articles = (_article(text, published=published, title=title, article_id=article_id) for text in texts)
        for article, extraction in self.extractor.pipe(articles):
            yield self._result(article, extraction)

    def _result(self, article: Article, extraction: Extraction) -> TextExtraction:
        from .graph import emit_article
        from .terms import to_rdflib

        write = emit_article(article, extraction, fingerprint=f"{article.content_hash}:{self.extractor.fingerprint}",
                             layout=self.layout)
        dataset = Dataset()
        for prefix, namespace in prefixes(self.base).items():
            dataset.bind(prefix, namespace)
        for quad in (*write.doc_quads, *write.claim_quads):
            dataset.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object),
                         URIRef(quad.graph_name.value)))
        actors = list({m.actor.key: m.actor for m in extraction.mentions}.values())
        return TextExtraction(article=article, mentions=list(extraction.mentions), actors=actors,
                              relations=list(extraction.relations), events=list(extraction.events),
                              claims=list(extraction.claims), dataset=dataset, base=self.base)


def extract_text(text: str, *, published: date | str | None = None, kb: KbFolders = None,
                 title: str | None = None, article_id: str | None = None, model: str = DEFAULT_MODEL,
                 events_model: Path | str | None = None, base: str = DEFAULT_BASE) -> TextExtraction:
    """Extract one article given as text: events, actors, relations, claims and its graphs.

    The first line is the title unless ``title`` is given (as for a ``.txt`` file).

    :param published: the publication date (``date`` or ``YYYY-MM-DD``); relative dates
        ("on Sunday") are resolved against it.
    :param kb: extra actor KB folder(s) besides the bundled KB.
    :param article_id: the article's id in IRIs (default ``text-`` and a hash of the text).
    :raises InputError: empty text, or ``published`` is not a date.
    """
    pipeline = _pipeline(model, tuple(str(f) for f in _folders(kb)), str(events_model) if events_model else None,
                         base)
    return pipeline(text, published=published, title=title, article_id=article_id)


@functools.lru_cache(maxsize=4)
def _pipeline(model: str, kb: tuple[str, ...], events_model: str | None, base: str) -> Pipeline:
    return Pipeline(kb=list(kb), model=model, events_model=events_model, base=base)


def _folders(kb: KbFolders) -> list[Path]:
    if kb is None:
        return []
    if isinstance(kb, (str, Path)):
        return [Path(kb)]
    return [Path(k) for k in kb]


def _article(text: str, *, published: date | str | None, title: str | None, article_id: str | None) -> Article:
    from .ingest.article import clean_text, split_structure

    if not isinstance(text, str):
        raise InputError(f"extract_text takes a str, got {type(text).__name__}")
    text = clean_text(text)
    if not text.strip():
        raise InputError("empty text")
    if isinstance(published, str):
        try:
            published = date.fromisoformat(published)
        except ValueError:
            raise InputError(f"published: {published!r} is not a date (YYYY-MM-DD)") from None
    found_title, subtitle, author, spans = split_structure(text, title=title)
    article_id = article_id or "text-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return Article(id=article_id, text=text, source=f"<{article_id}>", title=found_title, subtitle=subtitle,
                   author=author, published=published, body_spans=spans)
