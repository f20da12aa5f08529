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

from spacy.tokens import Doc, Span

from .lexicon import normalise_name

__all__ = ["rejoin_split_names", "trimmed", "names_a_thing", "is_noise", "POSSESSIVE", "NAME_PARTICLES"]

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
        if last is not None and last.label_ == "PERSON" and not last.ent_id_ and not ent.ent_id_ \
                and ent.start == last.end and doc[last.end - 1].lower_ in NAME_PARTICLES:
            joined[-1] = Span(doc, last.start, ent.end, label="PERSON")  # "Ursula von der" + "Leyen"
            continue
        joined.append(ent)
    if len(joined) < len(ents):
        doc.ents = joined


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
    if ent.label_ == "ORG" and end - start > 2 and doc[start + 1].text in POSSESSIVE and doc[start].pos_ == "PROPN":
        start += 2  # "Malawi's Department of Disaster Management Affairs": the department (of Malawi)
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


POSSESSIVE = frozenset({"'s", "\u2019s"})


#: last words of names of documents, not actors ("the Immigration and Nationality Act",
#: "the Global Terrorism Index", "the Paris Agreement" stays: it is in the event lexicon, not here)
_DOCUMENT_HEADS = frozenset({"act", "acts", "index", "law", "laws", "treaty", "convention", "charter", "bill",
                             "report", "tariff", "tariffs", "doctrine", "resolution", "declaration", "protocol"})
_TITLE_GLUE = frozenset({"'s", "\u2019s", "of", "and", "the", "for", "on", "through", "against", "to", "in"})
#: military hardware designations ("F-35s", "S-400", "Su-35", "MQ-9 Reaper"); "G7" and "G-20"
#: are forums of states
_DESIGNATION = re.compile(r"(?!G-?\d)[A-Z][A-Za-z]{0,2}-\d{1,4}[A-Za-z]{0,2}")


def names_a_thing(ent: Span) -> bool:
    """A name the NER took for an actor's that names a document or a weapon system."""
    if ent.label_ not in ("ORG", "NORP", "PERSON", "FAC") or len(ent) < 1:
        return False
    if any(_DESIGNATION.fullmatch(t.text) for t in ent):
        return True
    title = list(ent[1:])  # the name, and the title it may begin ("Countering America's Adversaries ... Act")
    for token in ent.doc[ent.end:ent.end + 10]:
        if not (token.is_title or token.lower_ in _TITLE_GLUE):
            break
        title.append(token)
    while title and not title[-1].is_title:
        title.pop()
    return bool(title) and title[-1].lower_ in _DOCUMENT_HEADS
