"""Where an event happened, by rule over the dependency parse: the most specific named place.

A locative phrase ("in", "at", "near" ...) on the trigger, on the verb that governs a noun
trigger, or on the trigger's own object or subject ("attacked a train in Balochistan": the parser
hangs the phrase on "train") names the place. Inside the phrase the head names the place and
what modifies it names where that lies: "in Pakistan's Balochistan province" is Balochistan,
"in the Somali city of Beledweyne" is Beledweyne, "in Balochistan's Kalat district" is Kalat.
A place that names the meeting itself counts too: "at the Singapore summit", "the Hanoi talks".
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass
from .items import ActorRef
from .mentions import MentionIndex
from .triggers import governing_verb

__all__ = ["event_place", "spoken_place", "place_in_phrase", "only_where", "PLACE_PREPS"]

PLACE_PREPS = frozenset({"in", "on", "at", "near", "across", "inside", "throughout", "around", "outside", "through",
                         "along", "off", "within"})
_WHERE = (ActorClass.PLACE, ActorClass.STATE)
#: a named place's own dependents that name it, not where it lies ("the city of X", "X province")
_NAMING = frozenset({"compound", "appos", "flat", "nmod"})
#: the arguments of a trigger whose locative phrase is the event's too
_ARGUMENTS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj"})
#: verbs of speaking whose participle says where a statement was made ("Speaking in Brussels, ...")
_SPEAKING = frozenset({"speak", "talk", "address", "testify", "brief", "write", "tell"})
#: verbs of leaving a place, whose "from" phrase says where it happened ("withdrew from Kherson")
_LEAVING = frozenset({"withdraw", "retreat", "pull", "flee", "evacuate", "leave", "expel", "oust", "drive"})
#: verbs of travelling somewhere for an event, whose "to" phrase says where it is ("traveled to Cairo
#: for talks")
_TRAVELLING = frozenset({"travel", "fly", "go", "come", "head", "journey", "return"})
#: a clause saying where an actor sits, not where it acts ("based in", "headquartered in")
_SITUATED = frozenset({"base", "headquarter", "locate", "station", "situate", "house", "register", "live",
                       "reside"})


def _named_place(token: Token, index: MentionIndex) -> ActorRef | None:
    mention = index.at(token)
    if mention is not None and mention.actor.actor_class in _WHERE:
        return mention.actor
    return None


def place_in_phrase(head: Token, index: MentionIndex) -> ActorRef | None:
    """The most specific place the phrase headed by ``head`` names: the head itself, then its
    apposition or the object of its "of" ("the port city of Jeddah"), then its compound ("the
    Balochistan province"), before a place that only says where it lies (a possessive, an
    adjective: "Pakistan's", "the Somali city"); among equals a place before a state; then a
    locative phrase inside it ("at a news conference in Toronto"), which also comes before a
    modifier that names only a state or only owns the thing ("U.S. bases in Syria"). Relative
    clauses are not read ("a hotel where elders met in Mogadishu").
    """
    ranked: list[tuple[int, int, ActorRef]] = []  # (rank, order, place): lower is more specific

    def visit(token: Token, rank: int, *, modifiers: bool = True) -> None:
        place = _named_place(token, index)
        if place is not None:
            ranked.append((rank, len(ranked), place))
        for child in token.children:
            if child.dep_ in ("appos", "flat"):
                visit(child, max(rank, 1), modifiers=modifiers)
            elif child.dep_ in ("compound", "nmod"):
                visit(child, max(rank, 2), modifiers=modifiers)
            elif child.dep_ in ("poss", "amod") and modifiers:
                visit(child, 3)
            elif child.dep_ == "prep" and child.lower_ == "of":
                for g in child.children:  # "the city of Jeddah"; not "in the face of Russia's aggression"
                    if g.dep_ == "pobj":
                        visit(g, max(rank, 1), modifiers=False)

    visit(head, 0)
    if ranked:
        best = min(rank for rank, _, _ in ranked)
        group = [p for rank, _, p in sorted(ranked) if rank == best]
        found = next((p for p in group if p.actor_class == ActorClass.PLACE), group[0])
        if best == 0 or head.pos_ == "PROPN" or best < 3 and found.actor_class == ActorClass.PLACE:
            return found
        # only a state or a possessive on a common noun: whose it is, where a locative phrase
        # says where it is ("at U.S. bases in Syria")
        return _locative_place(head, index) or found
    return _locative_place(head, index)  # "at a news conference in Toronto"


#: what an event happens on when "on" says where ("on the border", "on the outskirts of Goma")
_SURFACES = frozenset({"border", "frontier", "frontline", "front", "coast", "island", "outskirt", "outskirts",
                       "edge", "shore", "bank", "street", "road", "highway", "route", "sea", "river", "lake",
                       "ground", "territory", "soil", "side", "line", "peninsula", "plateau", "hill", "mountain"})


def _locative_place(host: Token, index: MentionIndex) -> ActorRef | None:
    """The place the first locative phrase on ``host`` names. A state after "on" is what is acted
    on, not where ("sanctions on Iran", "tariffs on U.S. exports"), and "on" before a thing that
    is no place or surface says what it is about ("talks on the Gaza ceasefire")."""
    lemma = host.lemma_.lower()
    preps = [c for c in host.children if c.dep_ == "prep" and (c.lower_ in PLACE_PREPS or c.lower_ == "from"
                                                               and lemma in _LEAVING
                                                               or c.lower_ == "to" and lemma in _TRAVELLING)]
    preps += [g for p in preps for g in p.children if g.dep_ == "prep" and g.lower_ in PLACE_PREPS]  # "On Monday in X"
    for prep in preps:
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ == "on" and _named_place(pobj, index) is None and pobj.lemma_.lower() not in _SURFACES:
                continue  # "talks on the Gaza ceasefire": what they are about
            place = place_in_phrase(pobj, index)
            if place is not None and not (prep.lower_ == "on" and place.actor_class == ActorClass.STATE):
                return place
    return None


#: prepositions that only say where (unlike "on" and "at", which also say whom: "strikes on X", "fired at X")
_ONLY_WHERE = PLACE_PREPS - {"on", "at", "off", "through"}


def only_where(mention: Token, trigger: Token) -> bool:
    """Whether a mention names where a physical event happened, not whom it hit: the object (or a
    conjunct of it) of a locative preposition on the event's verb or on one of its arguments
    ("airstrikes on militant targets in northern Iraq and Syria", "killed five in Syria"), but
    not on the event's own noun ("Russia's war in Ukraine": whom the war is on)."""
    while mention.dep_ == "conj" and mention.head.i != mention.i:
        mention = mention.head
    if mention.dep_ in ("amod", "compound") and mention.head.lemma_.lower() in _SETTLEMENTS and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in mention.head.children):
        return True  # "attacked the Palestinian village of Sinjil": whose village it is, where it happened (not
        # "threatened to strike Ukrainian cities": the state's)
    prep = mention.head
    return mention.dep_ == "pobj" and prep.lower_ in _ONLY_WHERE and (
        prep.head.i != trigger.i or trigger.pos_ == "VERB")


#: places people live in: a nationality on one named says where, not whom an attack hit
_SETTLEMENTS = frozenset({"village", "town", "city", "region", "province", "district", "territory", "enclave",
                          "neighborhood", "neighbourhood", "suburb", "hamlet", "county", "port", "island"})


def _phrase_nouns(heads: list[Token]) -> list[Token]:
    """The words of the argument phrases ``heads``, nearest first, with the clauses that describe
    them ("a bus transporting troops", "attackers who laid siege to a hotel in Beledweyne") and
    their conjuncts ("between the army and the RSF in Khartoum"), but
    not where one is based ("the alliance, headquartered in Copenhagen": where it sits, not
    where the event was) nor a clause of their own (a complement, a conjunct verb)."""
    found: list[Token] = []
    frontier = list(heads)
    while frontier:
        token = frontier.pop(0)
        found.append(token)
        frontier.extend(c for c in token.children if c.dep_ in ("dobj", "pobj", "prep", "appos", "conj")
                        or c.dep_ in ("acl", "relcl") and c.lemma_.lower() not in _SITUATED)
    return found


def _clause_place(hosts: list[Token], index: MentionIndex) -> ActorRef | None:
    found = next((p for p in (_locative_place(host, index) for host in hosts) if p is not None), None)
    if found is None or found.actor_class == ActorClass.STATE:  # a place acted on, more specific than a state
        for host in (h for h in hosts if h.pos_ == "VERB"):  # "shelled the city of Kharkiv", "Goma was seized"
            for argument in (c for c in host.children if c.dep_ in ("dobj", "nsubjpass")):
                place = place_in_phrase(argument, index)
                if place is not None and place.actor_class == ActorClass.PLACE:
                    return place
    if found is not None:
        return found
    for host in hosts:  # "attacked a train in Balochistan", "ambushed a bus carrying troops in Kalat"
        for argument in (c for c in host.children if c.dep_ in _ARGUMENTS or c.dep_ in ("prep", "agent")):
            nouns = [g for g in argument.children if g.dep_ == "pobj"] if argument.dep_ in ("prep", "agent") \
                else [argument]  # "shot dead by Israeli forces in Jenin": the doers' phrase too
            for noun in _phrase_nouns(nouns):
                place = _locative_place(noun, index)
                if place is not None:
                    return place
    return None


def event_place(trigger: Token, index: MentionIndex) -> ActorRef | None:
    """Where the event of ``trigger`` happened, or ``None`` when its clause names no place.

    Read on the trigger, the verb that governs a noun trigger and the clause that describes one
    ("violence that began in Syria's coastal region"); then the region a "where" clause hangs
    from ("the coastal region, where security forces clashed"); then the clause the trigger's
    clause is joined to or says when of ("stormed a base in X and killed four soldiers", "was
    passing through Kalat when it came under attack"); then, for "there", the place the sentence
    before names.
    """
    hosts = [trigger]
    verb = governing_verb(trigger) if trigger.pos_ not in ("VERB", "AUX") else None
    if verb is not None:
        hosts.append(verb)
    else:
        verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if trigger.pos_ in ("NOUN", "PROPN"):
        hosts.extend(c for c in trigger.children if c.dep_ in ("relcl", "acl"))
    place = _clause_place(hosts, index)
    if place is not None:
        return place
    if trigger.pos_ in ("NOUN", "PROPN"):  # "the Singapore summit", "the Hanoi talks"
        for child in trigger.children:
            if child.dep_ == "compound":
                place = _named_place(child, index)
                if place is not None and place.actor_class == ActorClass.PLACE:
                    return place
    clause = verb
    for _ in range(2):
        if clause is None or clause.dep_ not in ("relcl", "conj", "advcl") or clause.head.i == clause.i:
            break
        if clause.dep_ == "relcl":  # "the region, where forces clashed"
            if any(c.dep_ == "advmod" and c.lower_ == "where" for c in clause.children):
                return place_in_phrase(clause.head, index)
            break
        clause = clause.head
        place = _clause_place([clause], index)
        if place is not None:
            return place
    if verb is not None and any(c.dep_ == "advmod" and c.lower_ == "there" for c in verb.children):
        return _place_named_before(verb, index)  # "... at the Hanoi summit. There, Kim asked ..."
    return None


def _place_named_before(token: Token, index: MentionIndex) -> ActorRef | None:
    """The place the last locative phrase of the sentence before ``token``'s names, if any."""
    start = token.sent.start
    if start == 0:
        return None
    found = None
    for word in token.doc[start - 1].sent:
        if word.dep_ == "prep" and word.lower_ in PLACE_PREPS:
            for pobj in (g for g in word.children if g.dep_ == "pobj"):
                found = place_in_phrase(pobj, index) or found
    return found


def spoken_place(trigger: Token, verb: Token | None, index: MentionIndex) -> ActorRef | None:
    """Where a statement was made, for an event that is the statement itself (an accusation, a
    threat), not for a deed it reports: the place on the verb that reports it ("Ford said at a
    news conference in Toronto"), on the clauses the trigger hangs from ("in Washington, Blinken
    assured Payne that ..."), or on a participle of speaking there ("Speaking in Brussels, Kallas
    accused Russia ...")."""
    hosts = [verb] if verb is not None else []
    clause = trigger
    while clause.pos_ in ("VERB", "AUX"):  # up the clauses, not into what a statement is about
        hosts.append(clause)
        if clause.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or clause.head.i == clause.i:
            break
        clause = clause.head
    for host in hosts:
        place = _locative_place(host, index)
        for participle in (c for c in host.children if c.dep_ == "advcl" and c.lemma_.lower() in _SPEAKING):
            place = place or _locative_place(participle, index)
        if place is not None:
            return place
    return None
