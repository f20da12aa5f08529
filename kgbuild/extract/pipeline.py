"""The spaCy pipeline: registered, versioned components assembled from a config.

All registrations live in this one module. The pipeline is the configured spaCy model plus:

- ``kgbuild_actor_ruler_v2``: entities for the actor KB's names (labels, aliases, demonyms;
  :class:`~kgbuild.extract.name_matcher.NameMatcher`, set as spaCy's entity rulers set them):
  names of several words before the statistical NER so KB names win, one-word names after it
  (``words = "multi"`` / ``"single"``);
- ``kgbuild_linker_v1``: every mention linked to a KB actor or a typed new actor;
- ``kgbuild_events_v2``: events from the learned models (``model_path``, default the shipped
  ``resources/models/events.json``) and the grammar, with roles, dates, modes, merged within
  the article;
- ``kgbuild_relations_v1``: memberships and attributed claims.

Components talk through declared ``Doc`` extensions (listed in each factory's ``requires`` and
``assigns``, so ``nlp.analyze_pipes()`` shows the contract): ``doc._.kgbuild_meta`` (publication
date, author, publisher, body spans; set before the pipeline runs), ``doc._.kgbuild_mentions``
(the :class:`MentionIndex` the linker builds), ``doc._.kgbuild_extraction`` (the result) and
``doc._.kgbuild_cases`` (set to a list to collect the trigger candidates, for training).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..errors import ExtractionError
from .dates import CALENDAR_WORDS
from .events import extract_events
from .fingerprint import PIPELINE_CONFIG, pipeline_fingerprint
from .items import Extraction
from .lexicon import KBIndex, load_lexicon
from .link_context import bodies_led
from .linear import load_bundle
from .linker import LinkContext, home_government, link_mentions, state_sides
from .name_labels import ORG_NAME_WORDS
from .name_matcher import NameMatcher
from .names import MODEL_NAME
from .mentions import MentionIndex
from .relations import extract_relations
from .datelines import dateline_end
from .quotes import tokens_containing
from .speech import described_names

__all__ = ["PIPELINE_CONFIG", "build_pipeline", "pipeline_fingerprint", "kb_index"]


@lru_cache(maxsize=4)
def kb_index(folders: tuple[str, ...] = ()) -> KBIndex:
    """The KB index for the bundled KB plus ``folders`` (cached per process)."""
    from ..kb import ActorKB

    kb = ActorKB.load(folders=[Path(f) for f in folders])
    return KBIndex.from_kb(kb)


for _name in ("kgbuild_meta", "kgbuild_mentions", "kgbuild_extraction", "kgbuild_cases"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _meta(doc: Doc) -> dict[str, Any]:
    if doc._.kgbuild_meta is None:
        doc._.kgbuild_meta = {}
    return doc._.kgbuild_meta


#: a name the tokenizer keeps as one token: no space and no hyphen or slash between words
_ONE_TOKEN = re.compile(r"[^\s\-\u2010-\u2015/]+|[^\s]*[\-\u2010-\u2015/][^A-Za-z]*")


class ActorRuler:
    """Entities for the KB's names, matched in lower case, then in exact case (acronyms, single words, places).

    ``words="multi"`` keeps the names of several words (placed before the statistical NER, so
    "Kata'ib Hezbollah" is one KB name however NER would cut it); ``words="single"`` keeps the
    one-word names (placed after NER, so a place name inside a person's full name, "Naser Eldin
    Abdel Bari", does not cut the name; NER's own entities are linked by name afterwards).
    """

    def __init__(self, nlp: Language, name: str, kb_folders: Sequence[str], words: str = "all") -> None:
        if words not in ("all", "multi", "single"):
            raise ExtractionError(f"{name}: words must be all, multi or single, not {words!r}")
        index = kb_index(tuple(kb_folders))
        exact, lower = [], []
        self.relabel: dict[str, tuple[str, str]] = {}  # one-word name -> (label, KB iri), for NER's entities
        self.single: dict[str, tuple[str, str]] = {}  # the same in lower case, with those matched in any case
        for pattern in index.patterns:
            single = _ONE_TOKEN.fullmatch(pattern["pattern"].strip()) is not None  # "Guinea-Bissau" is three
            if words == "multi" and single or words == "single" and not single:
                continue
            if words == "single" and pattern["exact"]:
                self.relabel.setdefault(pattern["pattern"], (pattern["label"], pattern["id"]))
            if words == "single":
                self.single.setdefault(pattern["pattern"].lower(), (pattern["label"], pattern["id"]))
            entry = {"label": pattern["label"], "pattern": pattern["pattern"], "id": pattern["id"]}
            (exact if pattern["exact"] else lower).append(entry)
            if "'" in pattern["pattern"]:
                variant = dict(entry, pattern=pattern["pattern"].replace("'", "\u2019"))
                (exact if pattern["exact"] else lower).append(variant)
        # lower case first, then exact case over what is left (as two entity rulers in that order)
        self.rulers = [NameMatcher(nlp, names, attr=attr) for names, attr in ((lower, "LOWER"), (exact, "ORTH"))
                       if names]

    def __call__(self, doc: Doc) -> Doc:
        for ruler in self.rulers:
            doc = ruler(doc)
        # "the University of New South Wales": the place is part of an organisation's name, which
        # NER then finds whole
        kept = [e for e in doc.ents if not (e.label_ == "KB_PLACE" and _names_an_organisation(e))]
        if len(kept) < len(doc.ents):  # setting the same entities again would change nothing
            doc.ents = kept
        if self.relabel:  # NER found "Myanmar" first: it is still the KB's Myanmar
            ents = list(doc.ents)
            hits = [(n, hit) for n, ent in enumerate(ents)
                    if not ent.ent_id_ and (hit := self.relabel.get(ent.text)) is not None]
            for n, (label, iri) in hits:
                ents[n] = Span(doc, ents[n].start, ents[n].end, label=label, span_id=iri)
            split = _named_before_a_time(ents, self.relabel, self.single)
            if hits or split is not ents:  # setting the same entities again would change nothing
                doc.ents = split
        return doc


def _named_before_a_time(ents: list[Span], names: dict[str, tuple[str, str]],
                         lower_names: dict[str, tuple[str, str]]) -> list[Span]:
    """NER's time or date that begins with a KB name ("struck Kyiv overnight": "Kyiv overnight" a
    TIME) split into the KB actor and the rest; so is a name before a weapon's model ("Thai F-16
    fighter jets": "Thai F-16" an ORG); ``ents`` itself when there is none."""
    out: list[Span] = []
    for ent in ents:
        timed = ent.label_ in ("DATE", "TIME") and ent[0].lower_ not in CALENDAR_WORDS and ent[0].pos_ == "PROPN"
        model = ent.label_ in ("ORG", "NORP", "PRODUCT") and all(MODEL_NAME.fullmatch(t.text) for t in ent[1:])
        hit = None if len(ent) < 2 else names.get(ent[0].text) if timed else lower_names.get(ent[0].lower_)
        if hit is None or not (timed or model):  # not "March 12"
            out.append(ent)
            continue
        out.append(Span(ent.doc, ent.start, ent.start + 1, label=hit[0], span_id=hit[1]))
        out.append(Span(ent.doc, ent.start + 1, ent.end, label="PRODUCT" if model else ent.label_))
    return out if len(out) > len(ents) else ents


def _names_an_organisation(place: Span) -> bool:
    """Is the place name the end of an organisation's ("University of X", "Bank of X")?"""
    doc = place.doc
    return place.start >= 2 and doc[place.start - 1].lower_ == "of" and doc[place.start - 2].is_title \
        and doc[place.start - 2].lower_ in ORG_NAME_WORDS


@Language.factory("kgbuild_paragraphs_v1", default_config={}, assigns=["token.is_sent_start"])
def make_paragraphs(nlp: Language, name: str) -> Any:
    """A line break always ends a sentence (titles, subtitles, paragraphs)."""

    def paragraphs(doc: Doc) -> Doc:
        for start in _after_line_breaks(doc):
            doc[start].is_sent_start = True
        return doc

    return paragraphs


def _after_line_breaks(doc: Doc) -> list[int]:
    """The tokens after any token holding a line break (a token's trailing whitespace is at most
    one space, so the break is in its text): found by token text, not token by token."""
    return [i + 1 for i in tokens_containing(doc, "\n") if i + 1 < len(doc)]


@Language.factory("kgbuild_paragraphs_v2", default_config={}, assigns=["token.is_sent_start"])
def make_paragraphs_and_datelines(nlp: Language, name: str) -> Any:
    r"""A line break always ends a sentence, and so does a paragraph's dateline ("BELGRADE,
    Serbia — Tens of thousands of protesters marched ...": the place the story was filed from is
    no part of its first sentence, whose subject the parser would otherwise make it).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = make_paragraphs_and_datelines(nlp, "p")(nlp("Title\n\nSANAA, Yemen — The Houthis said so."))
    >>> [t.text for t in doc if t.is_sent_start]
    ['Title', 'SANAA', 'The']
    >>> len(make_paragraphs_and_datelines(nlp, "p")(nlp("")))
    0
    """
    def paragraphs_and_datelines(doc: Doc) -> Doc:
        breaks = _after_line_breaks(doc)
        for start in breaks:
            doc[start].is_sent_start = True
        for start in [0] * bool(len(doc)) + breaks:
            end = dateline_end(doc, start)
            if end is not None:
                doc[end].is_sent_start = True
        return doc

    return paragraphs_and_datelines


@Language.factory("kgbuild_actor_ruler_v2", default_config={"kb_folders": [], "words": "all"},
                  assigns=["doc.ents"], requires=["token.text"])
def make_actor_ruler(nlp: Language, name: str, kb_folders: list[str], words: str) -> ActorRuler:
    return ActorRuler(nlp, name, kb_folders, words)


@Language.factory("kgbuild_linker_v1", default_config={"kb_folders": []},
                  assigns=["doc._.kgbuild_mentions", "doc._.kgbuild_extraction"],
                  requires=["doc.ents", "token.dep", "token.lemma"])
def make_linker(nlp: Language, name: str, kb_folders: list[str]) -> Any:
    lexicon = load_lexicon()

    def linker(doc: Doc) -> Doc:
        meta = _meta(doc)
        ctx = LinkContext(kb_index(tuple(kb_folders)), lexicon, author=meta.get("author"),
                          publisher=meta.get("publisher"))
        body = list(meta.get("body") or ())
        mentions = link_mentions(doc, ctx, body=body)
        doc._.kgbuild_extraction = Extraction(mentions=mentions)
        doc._.kgbuild_mentions = MentionIndex(doc, mentions, home=home_government(ctx),
                                              home_state=ctx.dominant_state, sides=state_sides(ctx, mentions),
                                              unaffiliated=ctx.kbi.unaffiliated, post_states=ctx.kbi.post_states,
                                              led_bodies=bodies_led(ctx, mentions),
                                              place_within=ctx.kbi.place_within)
        return doc

    return linker


@Language.factory("kgbuild_events_v2", default_config={"model_path": ""},
                  requires=["doc._.kgbuild_mentions", "doc._.kgbuild_extraction"], assigns=["doc._.kgbuild_extraction"])
def make_events(nlp: Language, name: str, model_path: str) -> Any:
    """Events; ``model_path`` names the learned model file (empty: the one shipped with kgbuild)."""
    lexicon = load_lexicon()
    models = load_bundle(model_path or None)

    def events(doc: Doc) -> Doc:
        meta = _meta(doc)
        extraction: Extraction = doc._.kgbuild_extraction
        extraction.events = extract_events(doc, doc._.kgbuild_mentions, lexicon, models=models,
                                           published=meta.get("published"), body=list(meta.get("body") or ()),
                                           collect=doc._.kgbuild_cases)
        return doc

    return events


@Language.factory("kgbuild_relations_v1", default_config={},
                  requires=["doc._.kgbuild_mentions", "doc._.kgbuild_extraction"], assigns=["doc._.kgbuild_extraction"])
def make_relations(nlp: Language, name: str) -> Any:
    lexicon = load_lexicon()

    def relations(doc: Doc) -> Doc:
        meta = _meta(doc)
        extraction: Extraction = doc._.kgbuild_extraction
        extraction.relations, extraction.claims = extract_relations(
            doc, doc._.kgbuild_mentions, lexicon, body=list(meta.get("body") or ()))
        used = {a.key for e in extraction.events for a in (*e.agents, *e.targets, *([e.place] if e.place else []))}
        used |= {a.key for r in extraction.relations for a in (r.subject, r.object)}
        used |= {a.key for c in extraction.claims for a in (c.source, c.subject, c.object)}
        # a generic group counts where it takes part; so does a name inside what someone calls
        # another ("presented X as 'Iranian forces'": the claim, not an actor of the story)
        described = described_names(doc)
        heads = {m: head.i for m, head in doc._.kgbuild_mentions.heads}
        extraction.mentions = [m for m in extraction.mentions if m.actor.key in used or not (
            m.weak or m.actor.actor_class != "State" and heads.get(m) in described)]
        return doc

    return relations


def build_pipeline(*, model: str, kb_folders: Sequence[Path] = (), config: str | None = None,
                   events_model: Path | None = None) -> Language:
    """Load ``model`` and add kgbuild's components as ``config`` (default :data:`PIPELINE_CONFIG`) says;
    ``events_model`` overrides the events component's learned model file."""
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
        if any(placement.get(k) and placement[k] not in nlp.pipe_names for k in ("before", "after")):
            placement = {}
        if factory in ("kgbuild_actor_ruler_v2", "kgbuild_linker_v1"):
            component.setdefault("kb_folders", folders)
        if factory == "kgbuild_events_v2" and events_model is not None:
            component["model_path"] = str(Path(events_model).resolve())
        nlp.add_pipe(factory, name=name, config=component, **placement)
    return nlp


