"""One label per unknown name in an article, from all its mentions and the words around them.

The small English model labels each mention apart, and not always alike: "Okinawa" is a place in
one sentence and a person in the next, "Morgan Kehr" a place and "Kehr" a person, "Birdlife
Spain" a person. A name the KB does not know gets the kind most of its evidence gives:

- each mention's NER label (one vote);
- the words of the name: a place's last word ("Whitsun Reef", "Central Java Province") or an
  organisation's ("East-West Center", "Somali Public Agenda" is no person);
- the noun it qualifies ("Nsanje and Phalombe districts", "Iberdrola spokesman": a place, an
  organisation) or that qualifies it ("the village of Jangebe"), or being said to lie somewhere
  ("where Solo is located");
- a person's title or honorific beside it ("analyst Atilla Yesilada", "Artur Romeu, director
  of ...", "Mr. Kehr"), or a relative clause with "who" ("X, who heads ...").

A name of one token that ends one longer name ("Suga" after "Yoshihide Suga") votes with it, by
its context and, as the model often takes a lone surname for an organisation, by its NER label
only when that says person. These
functions look at the parse, the words and the lexicon's title and organisation words only.

>>> import spacy
>>> from spacy.tokens import Span
>>> doc = spacy.blank("en")("Clashes near Whitsun Reef .")
>>> doc.ents = [Span(doc, 2, 4, label="PERSON")]
>>> dict(name_kind(doc.ents[0], titles=frozenset(), org_words=()))
{'place': 3}
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from .lexicon import normalise_name

__all__ = ["ORG_NAME_WORDS", "PERSON_NOUNS", "settle_name_labels", "name_kind"]

#: the NER labels of each kind, the first the one a settled name gets
_KINDS = {"person": ("PERSON",), "org": ("ORG",), "place": ("GPE", "LOC", "FAC")}
_KIND_OF = {label: kind for kind, labels in _KINDS.items() for label in labels}

#: last words of place names, and nouns a place name qualifies ("Zamfara state", "Phalombe district")
PLACE_WORDS = frozenset({
    "province", "provinces", "district", "districts", "region", "regions", "state", "states", "county",
    "island", "islands", "reef", "reefs", "sea", "ocean", "gulf", "strait", "bay", "river", "lake", "valley",
    "mountain", "mountains", "hills", "desert", "peninsula", "coast", "village", "villages", "town", "city",
    "port", "airport", "base", "terminal", "station", "square", "prison", "camp", "border", "crossing",
    "municipality", "governorate", "prefecture", "territory", "neighborhood", "slum", "corridor"})
#: last words of organisations' names (the lexicon's organisation words come on top)
ORG_NAME_WORDS = frozenset({
    "center", "centre", "institute", "foundation", "university", "college", "school", "company", "corporation",
    "corp", "inc", "ltd", "group", "association", "network", "partners", "television", "tv", "radio", "news",
    "times", "post", "party", "bank", "fund", "initiative", "alliance", "union", "federation", "society",
    "league", "coalition", "organization", "organisation", "watch", "club", "agenda", "unit", "program",
    "programme", "project", "lab", "laboratory", "hospital", "trust", "board", "bureau", "committee", "council"})
_HONORIFICS = frozenset({"mr", "mr.", "ms", "ms.", "mrs", "mrs.", "dr", "dr.", "gen", "gen.", "col", "col.",
                         "sen", "sen.", "rep", "rep.", "gov", "gov.", "lt", "lt.", "maj", "maj.", "capt", "capt."})
#: person nouns besides the lexicon's titles ("analyst Atilla Yesilada", "X, a senior fellow at ...")
PERSON_NOUNS = frozenset({
    "analyst", "professor", "lecturer", "fellow", "researcher", "journalist", "reporter", "lawyer", "attorney",
    "judge", "activist", "founder", "director", "executive", "expert", "economist", "scholar", "historian",
    "writer", "author", "editor", "businessman", "businesswoman", "owner", "resident", "farmer", "student",
    "doctor", "mayor", "governor", "chairman", "chairwoman", "chair", "candidate", "politician", "manager",
    "associate", "colleague", "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister"})
#: where the name qualifies what names a place: "the village of Jangebe", "the town of L'Estere"
_OF_PLACE = frozenset({"village", "town", "city", "province", "region", "district", "island", "state", "port",
                       "municipality", "county", "governorate"})


def name_kind(ent: Span, *, titles: frozenset[str], org_words: Iterable[str]) -> Counter[str]:
    """What the words of one mention say it names, as weighted votes ("person", "org", "place");
    not its NER label."""
    votes: Counter[str] = Counter()
    people = titles | PERSON_NOUNS
    words = [t.lower_ for t in ent if t.is_alpha]
    last = words[-1] if words else ""
    low = f" {' '.join(words)} "
    if len(words) > 1 and last in PLACE_WORDS:
        votes["place"] += 3
    # the name's head: its last word, or the word before its "of" ("Council of Non-Governmental Organisations")
    head_word = words[words.index("of") - 1] if "of" in words[1:] else last
    if {last, head_word, last.removesuffix("s")} & ORG_NAME_WORDS or any(f" {w} " in low for w in org_words):
        votes["org"] += 3
    doc = ent.doc
    root = ent.root
    while root.dep_ == "conj" and root.head.i < root.i:  # "Nsanje and Phalombe districts"
        root = root.head
    head = root.head
    if root.dep_ in ("compound", "nmod", "amod") and head.i > root.i:
        if head.lower_ in PLACE_WORDS and head.lower_ not in ("state", "states") or \
                head.lower_ in ("state", "states") and head.i == ent.end:
            votes["place"] += 2  # "Zamfara state", "Nsanje and Phalombe districts"
        elif head.lower_ in people:
            votes["org"] += 2  # "Iberdrola spokesman"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _OF_PLACE:
        votes["place"] += 3  # "the village of Jangebe": said in so many words, as "Zamfara Province" is
    if root.dep_ == "pobj" and head.lower_ in ("for", "of", "at", "with") and \
            head.head.lower_ in people:
        votes["org"] += 2  # "network director for Birdlife Spain"
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in ("locate", "lie") and (
            head.lemma_.lower() == "locate" or any(c.lower_ == "where" for c in head.children)):
        votes["place"] += 2  # "where Solo is located", "where Izium lies", "X is located in Y"
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in _HONORIFICS or before in people:
        votes["person"] += 2  # "analyst Atilla Yesilada", "Mr. Kehr"
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in people:
            votes["person"] += 2  # "Artur Romeu, director of ..."
        if child.dep_ == "relcl" and any(g.lower_ in ("who", "whom", "whose") and g.i < child.i
                                         for g in child.subtree):
            votes["person"] += 2  # "Chalida Tajaroensuk, who heads ...": said of a person
    if root.dep_ == "appos" and head.lower_ in people:
        votes["person"] += 2  # "the executive director, Nop Vy"
    return votes


def settle_name_labels(doc: Doc, *, titles: frozenset[str], org_words: Iterable[str],
                       demonyms: frozenset[str] | dict[str, str] = frozenset()) -> None:
    """Relabel the mentions of each name the KB ruler left unlinked to the kind most of their
    evidence gives (see the module's doc). Names whose kinds tie keep their own labels. A
    nationality the NER saw in a name that is no known demonym (``demonyms``, normalised) and
    qualifies a place word is a place ("the eastern Punjab province")."""
    org_words = tuple(org_words)
    ents = list(doc.ents)
    if demonyms:
        relabelled = [Span(doc, e.start, e.end, label="GPE") if e.label_ == "NORP" and not e.ent_id_
                      and normalise_name(e.text) not in demonyms and e.root.dep_ in ("compound", "amod", "nmod")
                      and e.root.head.i >= e.end and e.root.head.lower_ in PLACE_WORDS
                      and e.root.head.tag_ == "NN" else e for e in ents]  # "Southeast Asian states" are states
        if any(a is not b for a, b in zip(relabelled, ents)):
            doc.ents = ents = relabelled
    unknown = [e for e in ents if not e.ent_id_ and e.label_ in _KIND_OF]
    if not unknown:
        return
    full = {normalise_name(e.text) for e in unknown if len(e) > 1}
    endings: dict[str, set[str]] = defaultdict(set)
    for key in full:
        endings[key.split()[-1]].add(key)
    groups: dict[str, list[tuple[Span, bool]]] = defaultdict(list)
    for ent in unknown:
        key = normalise_name(ent.text)
        short = len(ent) == 1 and key not in full and len(endings.get(key, ())) == 1
        groups[next(iter(endings[key])) if short else key].append((ent, short))  # "Kehr" with "Morgan Kehr"
    relabel: dict[tuple[int, int], str] = {}
    for members in groups.values():
        votes: Counter[str] = Counter()
        for ent, short in members:
            if not short or ent.label_ == "PERSON":  # a lone surname is often taken for an organisation
                votes[_KIND_OF[ent.label_]] += 1
            votes.update(name_kind(ent, titles=titles, org_words=org_words))
        mentions = [ent for ent, _ in members]
        ranked = votes.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue
        kind = ranked[0][0]
        for ent in mentions:
            if _KIND_OF[ent.label_] != kind:
                relabel[(ent.start, ent.end)] = _KINDS[kind][0]
    if relabel:
        doc.ents = [Span(doc, e.start, e.end, label=relabel[(e.start, e.end)]) if (e.start, e.end) in relabel
                    else e for e in ents]
