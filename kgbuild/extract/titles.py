"""Official titles in and around names: "Turkish President X", "Balochistan Chief Minister Y",
"Z, Haiti's secretary of state": which state, government or province a title names.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .items import ActorRef
from .link_context import LinkContext, possessor_state

__all__ = ["TITLE_WORDS", "names_title_holder", "holds_office_of", "local_body", "regional_government",
           "qualifies_title"]

TITLE_WORDS = frozenset({"president", "prime", "minister", "foreign", "defense", "defence", "interior", "finance",
                          "deputy", "vice", "leader", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
                          "secretary", "of", "state", "chief", "king", "queen", "emir", "chancellor", "premier",
                          "supreme", "trade", "economy", "justice", "health", "home", "acting", "former", "new",
                          "top", "senior", "official", "counterpart", "diplomat", "negotiator", "head", "governor",
                          "crown", "prince"})


def names_title_holder(doc: Doc, ent: Span, ctx: LinkContext) -> bool:
    """"Turkish President Recep Tayyip Erdogan", "Pakistan's Foreign Minister X", "U.S. Secretary
    of State Y", "Nigeria's information minister said": the state's name or demonym qualifies an
    official's title (the official named after it, or the title heading the phrase)."""
    j = ent.end
    if j < len(doc) and doc[j].lower_ in ("'s", "\u2019s", "'"):
        j += 1
    titled = False
    last = None
    while j < len(doc) and j - ent.end < 7 and (doc[j].lower_ in TITLE_WORDS or doc[j].pos_ in ("NOUN", "ADJ", "PROPN")
                                                 and doc[j].ent_type_ != "PERSON" and doc[j].is_alpha
                                                 and (doc[j].is_lower or j + 1 < len(doc)
                                                      and doc[j + 1].lower_ in TITLE_WORDS)
                                                 or doc[j].text == "-" and j > ent.end and doc[j - 1].is_alpha):
        titled = titled or any(w in ctx.lex.person_titles or w in ctx.lex.member_titles
                               for w in (doc[j].lower_, doc[j].lemma_.lower()))  # "U.S. security adviser X"
        last = doc[j]
        j += 1
    if not titled or last is None:
        return False
    if any(t.lower_ in _OUTSIDE_OFFICE for t in doc[ent.end:j]) or ent.start > 0 and doc[ent.start - 1].lower_ in _NOT_HELD:
        return False  # "Kenyan opposition leader X", "former Turkish ambassador Y": not the government's
    if any(t.lemma_.lower() in ctx.lex.person_titles and t.dep_ in ("nsubj", "nsubjpass", "appos", "dobj", "pobj")
           and t.tag_ == "NN" and (t.i == last.i or t.dep_ == "appos" or any(c.dep_ == "prep" for c in t.children))
           for t in doc[ent.end:j]):
        return True  # "Nigeria's information minister said", "Nigeria's minister of information, X": the government
    if j >= len(doc):
        return False
    nxt = doc[j]
    return nxt.ent_type_ == "PERSON" or (nxt.ent_id_ and ctx.kbi.classes.get(nxt.ent_id_) == "Person") \
        or (nxt.pos_ == "PROPN" and nxt.is_title and not nxt.ent_type_)


#: words that put a titled person outside the state's government: "Kenyan opposition leader X"
_OUTSIDE_OFFICE = frozenset({"opposition", "rebel", "militant", "insurgent", "separatist", "dissident", "exiled",
                             "former", "ex", "late", "deposed", "ousted", "jailed", "detained"})
_REGIONAL_OFFICES = frozenset({"governor", "mayor", "minister", "premier", "spokesperson", "spokesman", "spokeswoman",
                               "leader", "president"})
#: a region's kind after its name ("Borno state")
_DIVISIONS = frozenset({"state", "province", "region", "district", "county", "governorate", "prefecture", "city"})
#: words that make an office past or someone else's: "the former president of Kenya"
_NOT_HELD = frozenset({"former", "late", "ex", "then", "previous", "deposed", "ousted", "exiled"})


def holds_office_of(doc: Doc, ent: Span, ctx: LinkContext) -> bool:
    """"the president of Kenya", "the governor of Borno state", "the foreign minister of Iran,
    X": an office "of" the state or region ``ent`` names, held now; the holder acts for its
    government as "Kenya's president" does (not "the former president of Kenya", not "citizens
    of Kenya"; "the leaders of Puntland and Jubaland" are the regions as the gold names them)."""
    root = ent.root
    if root.dep_ == "compound" and root.head.lower_ in _DIVISIONS:
        root = root.head  # "the governor of Borno state"
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    title = root.head.head
    if title.pos_ not in ("NOUN", "PROPN") or title.i >= ent.start or title.tag_ in ("NNS", "NNPS"):
        return False  # "the leaders of Puntland and Jubaland": the regions themselves
    words = {title.lemma_.lower(), title.lower_}
    if not words & (ctx.lex.person_titles | _REGIONAL_OFFICES):
        return False
    return not any(t.lower_ in _NOT_HELD for t in doc[title.left_edge.i:title.i])


def regional_government(ctx: LinkContext, doc: Doc, ent: Span, place: ActorRef) -> ActorRef | None:
    """"Balochistan Chief Minister X", "Central Java Governor Y", "X, Ontario's provincial leader",
    "the governor of Borno": a province, state or city named with a government office names its
    own government (of the state it is in or its possessor names, else of the state the story
    is about)."""
    if place.actor_class != "Place":
        return None
    if not holds_office_of(doc, ent, ctx) and (not any(t.lower_ in _REGIONAL_OFFICES for t in doc[ent.end:ent.end + 3])
                                               or not names_title_holder(doc, ent, ctx)):
        return None
    state = (ctx.kbi.place_states.get(place.iri) if place.iri else None) or possessor_state(ctx, ent) \
        or ctx.dominant_state  # "Canada's Ontario provincial leader"
    if state is None:
        return None
    return ActorRef(None, "GovernmentBody", f"{place.label} government", new=True, state=state)


#: bodies of justice a city or province is named with as its own ("a Phnom Penh court")
_LOCAL_BODIES = frozenset({"court", "tribunal", "prosecutor"})


def local_body(ctx: LinkContext, doc: Doc, ent: Span, place: ActorRef) -> tuple[int, ActorRef] | None:
    """"A Phnom Penh court", "a Moscow military court", "Istanbul prosecutors": a court or the
    prosecutors of a city or province the KB places in a state, a body of that state, named with
    the place (the end of its words and the body); ``None`` for anything else."""
    root = ent.root
    state = ctx.kbi.place_states.get(place.iri) if place.actor_class == "Place" and place.iri else None
    if state is None or root.dep_ not in ("compound", "amod", "nmod") or root.head.i < ent.end:
        return None
    head = root.head
    if head.lemma_.lower() not in _LOCAL_BODIES or head.pos_ != "NOUN" or any(
            t.head.i != head.i or t.dep_ not in ("compound", "amod") for t in doc[ent.end:head.i]):
        return None  # not "a Moscow-backed court", "the Kabul airport court case"
    return head.i + 1, ActorRef(None, "GovernmentBody", doc[ent.start:head.i + 1].text, new=True, state=state)


def qualifies_title(ent: Span, ctx: LinkContext) -> bool:
    """"X, Haiti's secretary of state", "X, a Turkish presidential adviser": the state qualifies an
    official title that a named person holds (in apposition to the person)."""
    root = ent.root
    if root.dep_ not in ("amod", "compound", "poss", "nmod"):
        return False
    title = root.head
    if title.lemma_.lower() not in ctx.lex.person_titles and title.lower_ not in ctx.lex.person_titles \
            and title.lemma_.lower() not in ("adviser", "advisor", "aide", "representative", "negotiator"):
        return False
    holder = title.head if title.dep_ == "appos" else None
    return holder is not None and (holder.ent_type_ == "PERSON" or holder.pos_ == "PROPN")
