"""Names the NER left out or mistyped, found by the words around them (the linker's helpers):
a region or city before a regional office ("Central Java Governor X"), where a person works
("analyst X of Global Source Partners"), a name a descriptor noun types ("media watchdog
Reporters Without Borders", "the Spanish company Iberdrola"), an organisation's national section
("Amnesty International Nigeria")."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .items import MentionItem
from .name_labels import PERSON_NOUNS

__all__ = ["described_names", "descriptor_class", "employers_named", "national_sections", "people_described",
           "regions_named"]


#: Nouns that say what kind of organisation the name beside them is ("the Spanish company X").
_DESCRIPTORS = {"company": "Organization", "firm": "Organization", "association": "Organization",
                "watchdog": "Organization", "organization": "Organization", "organisation": "Organization",
                "coalition": "Organization", "newspaper": "Organization", "broadcaster": "Organization",
                "outlet": "Organization", "consultancy": "Organization", "institute": "Organization",
                "foundation": "Organization", "charity": "Organization", "party": "Organization",
                "union": "Organization", "network": "Organization", "agency": "Organization",
                "militia": "ArmedGroup", "movement": "Organization", "gang": "ArmedGroup", "cartel": "ArmedGroup",
                "startup": "Organization", "nonprofit": "Organization", "airline": "Organization",
                "manufacturer": "Organization", "automaker": "Organization", "conglomerate": "Organization",
                "insurer": "Organization"}


#: Offices a region or city names before the holder's name ("Central Java Governor X").
_REGION_OFFICES = frozenset({"governor", "mayor", "premier"})
_DIVISION_WORDS = frozenset({"state", "province", "region", "city", "county", "district", "provincial", "regional"})


def regions_named(doc: Doc, taken: dict[int, MentionItem]) -> list[tuple[int, int]]:
    """Capitalised words the NER left out right before a regional office and its holder's name
    ("Central Java Governor Ganjar Pranowo", "Solo Mayor Hadi Rudyatmo"): the region or city
    whose government the holder leads."""
    found: list[tuple[int, int]] = []
    for office in doc:
        if office.lower_ not in _REGION_OFFICES or not office.is_title or office.i + 1 >= len(doc) \
                or doc[office.i + 1].pos_ != "PROPN" or not doc[office.i + 1].is_title:
            continue
        start = office.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title \
                and not doc[start - 1].ent_type_ and start - 1 not in taken:
            start -= 1
        words = {t.lower_ for t in doc[start:office.i]}
        if start < office.i and not words <= _DIVISION_WORDS and (start == 0 or (
                start - 1 not in taken and not doc[start - 1].ent_type_ and not doc[start - 1].is_title)):
            found.append((start, office.i))  # not the "State" of a "Zamfara State" the NER found
    return found


def employers_named(doc: Doc, taken: dict[int, MentionItem]) -> list[tuple[int, int]]:
    """Names of two or more capitalised words the NER left out, "of", "at" or "with" a person
    ("analyst Atilla Yesilada of Global Source Partners"): where the person works, an
    organisation (a place would have been tagged as one)."""
    found: list[tuple[int, int]] = []
    for token in doc:
        if token.dep_ != "pobj" or token.head.lower_ not in ("of", "at", "with") or token.i in taken \
                or token.pos_ != "PROPN" or token.ent_type_:
            continue
        person = taken.get(token.head.head.i)
        if person is None or person.actor.actor_class != "Person":
            continue
        start = token.i
        while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i \
                and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
                and start - 1 not in taken:
            start -= 1
        if token.i > start and token.is_title:
            found.append((start, token.i + 1))
    return found


def descriptor_class(ent: Span, *, right_before: bool = False) -> str | None:
    """The class a descriptor noun gives a name the NER took for a place or a person: right before
    it ("the Spanish company Iberdrola"), right after it as the noun it qualifies ("the Viv Ansanm
    gang coalition") or, unless ``right_before``, in apposition ("Iberdrola,
    the Spanish utility company"; for a person's name that is their post: "the leader of the
    movement, X")."""
    doc = ent.doc
    nouns = [doc[ent.start - 1]] if ent.start else []
    if ent.end < len(doc) and ent.root.dep_ == "compound" and ent.root.head.i >= ent.end:
        nouns.append(doc[ent.end])  # "the Viv Ansanm gang coalition": the noun the name qualifies
    if not right_before:
        nouns += [c for c in ent.root.children if c.dep_ == "appos"]
        if ent.root.dep_ == "appos":
            nouns.append(ent.root.head)
    return next((_DESCRIPTORS[n.lower_] for n in nouns if n.lower_ in _DESCRIPTORS and n.is_lower), None)


def described_names(doc: Doc, taken: dict[int, MentionItem]) -> list[tuple[int, int, str]]:
    """Capitalised names the NER left out that a noun says are an organisation: "media
    association CamboJA", "media watchdog Reporters Without Borders", "the Spanish company
    Endesa" (the descriptor a compound of the name or the name in apposition to it)."""
    found: list[tuple[int, int, str]] = []
    for noun in doc:
        actor_class = _DESCRIPTORS.get(noun.lower_)
        if actor_class is None or not noun.is_lower or noun.i + 1 >= len(doc) or noun.i + 1 in taken:
            continue
        end = noun.i + 1
        while end < len(doc) and end not in taken and not doc[end].ent_type_ in ("PERSON", "GPE", "DATE") and (
                doc[end].pos_ in ("PROPN", "NOUN") and doc[end].is_alpha and not doc[end].is_lower
                or doc[end].lower_ in ("of", "for", "without", "and") and end + 1 < len(doc)
                and doc[end + 1].pos_ == "PROPN" and not doc[end + 1].is_lower
                or doc[end].text == "-" and end > noun.i + 1 and not doc[end - 1].whitespace_
                and end + 1 < len(doc) and doc[end + 1].is_title):  # "the ride-hailing startup Go-Jek"
            end += 1
        if end == noun.i + 1 or doc[end - 1].lower_ in ("of", "for", "without", "and"):
            continue
        name = doc[noun.i + 1:end]
        if noun.head.i in range(name.start, name.end) or name.root.head.i == noun.i:
            found.append((name.start, name.end, actor_class))
    return found


#: Verbs with which a person named with their body speaks ("X of the World Uyghur Congress said")
_SAYING = frozenset({"say", "tell", "add", "note", "explain", "write", "warn", "argue"})


def _speaks_from_a_body(name: Token) -> bool:
    """"Dilnur Sayim of the World Uyghur Congress said": a name with the organisation it is "of"
    or "from", the subject of a verb of speaking, is a person's."""
    return name.dep_ == "nsubj" and name.head.lemma_.lower() in _SAYING and any(
        c.dep_ == "prep" and c.lower_ in ("of", "from") and any(g.ent_type_ == "ORG" for g in c.children)
        for c in name.children)


def people_described(doc: Doc, taken: dict[int, MentionItem], titles: frozenset[str]) -> list[tuple[int, int]]:
    """Names of two to four capitalised words the NER left untagged that a person's title or
    occupation stands in apposition to ("Nop Vy, the association's executive director, told VOA";
    "the executive director, Nop Vy"), that speak from a body ("Dilnur Sayim of the World Uyghur
    Congress said"), or of one to four after a capitalised title ("President Ruto"): people."""
    people = titles | PERSON_NOUNS
    found: list[tuple[int, int]] = []
    for token in doc:
        if token.pos_ != "PROPN" or not token.is_title or token.ent_type_ or token.i in taken \
                or token.dep_ == "compound":
            continue
        start = token.i
        while start > 0 and token.i - start < 3 and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == token.i and doc[start - 1].pos_ == "PROPN" \
                and doc[start - 1].is_title and not doc[start - 1].ent_type_ and start - 1 not in taken \
                and doc[start - 1].lower_ not in titles:
            start -= 1
        if start > 0 and doc[start - 1].lower_ in titles and doc[start - 1].is_title and token.lower_ not in titles \
                and doc[start - 1].head.i == token.i and start - 1 not in taken:
            found.append((start, token.i + 1))  # "President Ruto accused ...": a title before the name
            continue
        while start > 0 and token.i - start < 3 and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and doc[start - 1].pos_ in ("PROPN", "INTJ") and not doc[start - 1].is_sent_start \
                and not doc[start - 1].ent_type_ and start - 1 not in taken and doc[start - 1].lower_ not in people:
            start -= 1  # "said Oh Ei Sun, senior fellow ...": a first word the parser took for a word of its own
        described = any(c.dep_ == "appos" and c.lemma_.lower() in people for c in token.children) \
            or token.dep_ == "appos" and token.head.lemma_.lower() in people or _speaks_from_a_body(token)
        if token.i > start and described:
            found.append((start, token.i + 1))
    return found


def national_sections(doc: Doc, items: list[MentionItem]) -> list[MentionItem]:
    """"Amnesty International Nigeria": an organisation's name followed by the state its national
    section works in names the organisation, and the state is no actor of the sentence."""
    dropped: set[int] = set()
    for org, state in zip(items, items[1:]):
        if org.actor.actor_class not in ("Organization", "InternationalOrganization") \
                or state.actor.actor_class != "State" or doc.text[org.end:state.start] != " ":
            continue
        org_span = doc.char_span(org.start, org.end, alignment_mode="expand")
        state_span = doc.char_span(state.start, state.end, alignment_mode="expand")
        if org_span is not None and state_span is not None and org_span.root.head.i == state_span.root.i \
                and org_span.root.dep_ == "compound":
            dropped.add(id(state))
    return [m for m in items if id(m) not in dropped] if dropped else items
