"""Capitals that stand for their governments ("Washington said", "pressure from Beijing").

A capital that acts, is acted on or is spoken of as a side is its state's government; a capital
that is gone to, spoken from or lived in is the place. The parse says which: the phrase's role
(subject, object, possessor) and, after a preposition, what the preposition hangs on.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp("Moscow")
>>> doc[0].dep_ = "nsubj"
>>> stands_for_its_government(doc[0])
True
"""
from __future__ import annotations

from spacy.tokens import Token

__all__ = ["stands_for_its_government"]


def stands_for_its_government(token: Token) -> bool:
    """"Washington said", "Moscow's envoy", "talks between Kyiv and Moscow": a capital that acts
    stands for its government; "in Moscow", "Zimbabwe's capital, Harare", "Harare's streets",
    "Russian forces attacked Kyiv" name the place. Read through appositions and lists to the
    phrase's own role."""
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head
    if token.dep_ == "poss":
        return token.head.lower_ not in _PLACE_PARTS
    if token.dep_ == "pobj":
        prep = token.head
        while prep.dep_ == "conj" and prep.head.i != prep.i:  # "to Cotonou and to Lome"
            prep = prep.head
        word, head = prep.lower_, prep.head
        if word == "to":  # "a challenge to Washington", not "flew to Moscow"
            return head.lemma_.lower() not in _GOING
        if word == "from":  # "pressure from Beijing", "calls from Washington for a truce" (its demands), not
            # "returned from Kabul", "told VOA from Kyiv"
            return head.lemma_.lower() not in _GOING | _SPOKEN_FROM or head.lower_ == "calls"
        if word == "of":  # "allies of Tehran"
            return head.lower_ in _SIDES_OF
        if word == "in":  # "the government in Islamabad", "officials in Beijing"
            return head.lower_ in _OFFICIAL_NOUNS or head.lower_ == "government"
        if word in ("on", "against", "at") and head.lemma_.lower() in _STRUCK:
            return False  # "airstrikes on Beirut", "missiles fired at Kyiv": the city struck
        if word == "at":  # "pointed the finger at Tehran", "lashed out at Beijing", not "arrived at Kyiv"
            return head.lemma_.lower() in _AIMED_AT
        return word in ("by", "with", "between", "against", "on", "toward", "towards")
    if token.dep_ == "dobj" and token.head.lemma_.lower() in _STRUCK | _GONE_TO:
        return False  # "Russian forces attacked Kyiv", "von der Leyen visited Kyiv": the city, not the government
    if token.dep_ == "compound":  # "Beijing officials", "the Kyiv delegation", "Washington sanctions"
        return token.head.lower_ in _OFFICIAL_NOUNS or token.head.lower_ in _STATE_MEASURES
    return token.dep_ in ("nsubj", "nsubjpass", "dobj", "dative", "agent")


#: who stands with or against a government: "allies of Tehran", "critics of Beijing"
_SIDES_OF = frozenset({"allies", "ally", "partner", "partners", "enemy", "enemies", "critic", "critics", "opponent",
                       "opponents", "friend", "friends", "rival", "rivals", "adversary", "adversaries", "proxy",
                       "proxies", "supporters", "backers"})
#: words aimed "at" a side: "pointed the finger at Tehran", "lashed out at Washington", "a swipe at Beijing"
_AIMED_AT = frozenset({"point", "lash", "swipe", "jab", "dig", "criticism", "anger", "fury", "frustration"})
#: going to a place named as the object: "visited Kyiv", "left Kabul"
_GONE_TO = frozenset({"visit", "leave", "tour", "reach", "flee", "evacuate"})
#: going somewhere or coming from it: "to Moscow", "from Kabul" after these name the place
_GOING = frozenset({"travel", "fly", "go", "come", "return", "move", "head", "arrive", "relocate", "deport", "send",
                    "transfer", "trip", "visit", "flight", "journey", "way", "road", "route", "flee", "escape",
                    "evacuate", "bring", "take", "drive", "sail", "march", "walk", "ship", "extradite", "repatriate",
                    "transport", "deliver", "exile", "leave", "depart", "train", "bus", "distance", "kilometer",
                    "kilometre", "mile", "near", "south", "north", "east", "west", "get", "commute",
                    "expand", "spread", "connect", "link", "highway", "railway", "pipeline", "withdraw", "retreat",
                    "pull", "expel", "oust"})
#: deeds of force and their arms, and holding ground: what they strike, are aimed at or hold is the
#: city ("shelled Kyiv", "drone attack on Moscow", "the Houthis control Sanaa"), not its government
_STRUCK = frozenset({"attack", "strike", "airstrike", "shell", "shelling", "bomb", "bombing", "bombard",
                     "bombardment", "pound", "raid", "storm", "besiege", "siege", "assault", "offensive", "invade",
                     "invasion", "capture", "seize", "overrun", "encircle", "missile", "rocket", "drone", "fire",
                     "launch", "control", "hold", "recapture", "retake", "liberate", "surround", "enter"})
#: speaking somewhere: "told VOA from Kyiv", "in an interview from Copenhagen"
_SPOKEN_FROM = frozenset({"interview", "speak", "tell", "say", "write", "call", "report", "broadcast", "talk"})
#: what a government does, named after its capital: "Washington sanctions", "Moscow policy"
_STATE_MEASURES = frozenset({"sanctions", "tariffs", "policy", "policies", "pressure", "stance", "position",
                             "demands", "backing", "support", "aid"})


_OFFICIAL_NOUNS = frozenset({"officials", "official", "authorities", "envoy", "envoys", "delegation", "delegates",
                             "negotiators", "diplomats", "leadership", "regime", "administration"})
#: what a place has ("Moscow's streets", "Kyiv's suburbs"), not what its government does
_PLACE_PARTS = frozenset({"streets", "street", "suburbs", "suburb", "outskirts", "center", "centre", "residents",
                          "airport", "mayor", "districts", "district", "neighborhood", "neighbourhoods",
                          "neighborhoods", "population", "skyline", "port", "capital", "heart"})
