"""The spaCy pipeline: registered, versioned components assembled from a config.

All registrations live in this one module. The pipeline is the configured spaCy model plus:

- ``kgbuild_actor_ruler_v1``: entity rulers generated from the actor KB (labels, aliases,
  demonyms), placed before the statistical NER so KB names win;
- ``kgbuild_linker_v1``: every mention linked to a KB actor or a typed new actor;
- ``kgbuild_events_v1``: events with roles, dates, modes, merged within the article;
- ``kgbuild_relations_v1``: memberships and attributed claims.

The article's metadata (publication date, author, body spans) travels in
``doc.user_data["kgbuild"]``; the result is ``doc.user_data["kgbuild.extraction"]``.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ExtractionError
from .events import MentionIndex, extract_events
from .fingerprint import PIPELINE_CONFIG, pipeline_fingerprint
from .items import Extraction
from .lexicon import KBIndex, load_lexicon
from .linker import LinkContext, link_mentions
from .relations import extract_relations

__all__ = ["PIPELINE_CONFIG", "build_pipeline", "pipeline_fingerprint", "kb_index"]


@lru_cache(maxsize=4)
def kb_index(folders: tuple[str, ...] = ()) -> KBIndex:
    """The KB index for the bundled KB plus ``folders`` (cached per process)."""
    from ..kb import ActorKB

    kb = ActorKB.load(folders=[Path(f) for f in folders])
    return KBIndex.from_kb(kb)


def _meta(doc: Doc) -> dict[str, Any]:
    return doc.user_data.setdefault("kgbuild", {})


class ActorRuler:
    """Two entity rulers: exact case (acronyms, single words, places) and lower case."""

    def __init__(self, nlp: Language, name: str, kb_folders: Sequence[str]) -> None:
        from spacy.pipeline import EntityRuler

        index = kb_index(tuple(kb_folders))
        self.exact = EntityRuler(nlp, name=f"{name}_exact", phrase_matcher_attr="ORTH", overwrite_ents=False)
        self.lower = EntityRuler(nlp, name=f"{name}_lower", phrase_matcher_attr="LOWER", overwrite_ents=False)
        exact, lower = [], []
        for pattern in index.patterns:
            entry = {"label": pattern["label"], "pattern": pattern["pattern"], "id": pattern["id"]}
            (exact if pattern["exact"] else lower).append(entry)
            if "'" in pattern["pattern"]:
                variant = dict(entry, pattern=pattern["pattern"].replace("'", "\u2019"))
                (exact if pattern["exact"] else lower).append(variant)
        with nlp.select_pipes(enable=["tagger", "attribute_ruler"] if "tagger" in nlp.pipe_names else []):
            self.lower.add_patterns(lower)
            self.exact.add_patterns(exact)

    def __call__(self, doc: Doc) -> Doc:
        return self.exact(self.lower(doc))


@Language.factory("kgbuild_paragraphs_v1", default_config={}, assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Any:
    """A line break always ends a sentence (titles, subtitles, paragraphs)."""

    def paragraphs(doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text_with_ws and previous.is_space is False or previous.is_space and "\n" in previous.text:
                token.is_sent_start = True
        return doc

    return paragraphs


@Language.factory("kgbuild_actor_ruler_v1", default_config={"kb_folders": []},
                  assigns=["doc.ents"], requires=["token.text"])
def make_actor_ruler(nlp: Language, name: str, kb_folders: list[str]) -> ActorRuler:
    return ActorRuler(nlp, name, kb_folders)


@Language.factory("kgbuild_linker_v1", default_config={"kb_folders": []},
                  assigns=["doc._.kgbuild"], requires=["doc.ents", "token.dep", "token.lemma"])
def make_linker(nlp: Language, name: str, kb_folders: list[str]) -> Any:
    lexicon = load_lexicon()

    def linker(doc: Doc) -> Doc:
        meta = _meta(doc)
        ctx = LinkContext(kb_index(tuple(kb_folders)), lexicon, author=meta.get("author"),
                          publisher=meta.get("publisher"))
        body = list(meta.get("body") or ())
        mentions = link_mentions(doc, ctx, body=body)
        extraction = Extraction(mentions=mentions)
        doc.user_data["kgbuild.extraction"] = extraction
        doc.user_data["kgbuild.index"] = MentionIndex(doc, mentions)
        return doc

    return linker


@Language.factory("kgbuild_events_v1", default_config={}, requires=["doc._.kgbuild"])
def make_events(nlp: Language, name: str) -> Any:
    lexicon = load_lexicon()

    def events(doc: Doc) -> Doc:
        meta = _meta(doc)
        extraction: Extraction = doc.user_data["kgbuild.extraction"]
        extraction.events = extract_events(doc, doc.user_data["kgbuild.index"], lexicon,
                                           published=meta.get("published"), body=list(meta.get("body") or ()))
        return doc

    return events


@Language.factory("kgbuild_relations_v1", default_config={}, requires=["doc._.kgbuild"])
def make_relations(nlp: Language, name: str) -> Any:
    lexicon = load_lexicon()

    def relations(doc: Doc) -> Doc:
        meta = _meta(doc)
        extraction: Extraction = doc.user_data["kgbuild.extraction"]
        extraction.relations, extraction.claims = extract_relations(
            doc, doc.user_data.pop("kgbuild.index"), lexicon, body=list(meta.get("body") or ()))
        used = {a.key for e in extraction.events for a in (*e.agents, *e.targets, *([e.place] if e.place else []))}
        used |= {a.key for r in extraction.relations for a in (r.subject, r.object)}
        used |= {a.key for c in extraction.claims for a in (c.source, c.subject, c.object)}
        extraction.mentions = [m for m in extraction.mentions if not m.weak or m.actor.key in used]
        return doc

    return relations


def build_pipeline(*, model: str, kb_folders: Sequence[Path] = (), config: str | None = None) -> Language:
    """Load ``model`` and add kgbuild's components as ``config`` (default :data:`PIPELINE_CONFIG`) says."""
    try:
        nlp = spacy.load(model, exclude=["senter"])
    except OSError as exc:
        raise ExtractionError(f"cannot load spaCy model {model!r}: {exc}".split("\n")[0]) from exc
    settings = spacy.util.load_config_from_str(config or PIPELINE_CONFIG)
    folders = [str(Path(f).resolve()) for f in kb_folders]
    for name, component in settings["components"].items():
        component = dict(component)
        factory = component.pop("factory")
        placement = {k: component.pop(k) for k in ("before", "after") if k in component}
        if placement.get("before") and placement["before"] not in nlp.pipe_names:
            placement = {}
        if factory in ("kgbuild_actor_ruler_v1", "kgbuild_linker_v1"):
            component.setdefault("kb_folders", folders)
        nlp.add_pipe(factory, name=name, config=component, **placement)
    return nlp


