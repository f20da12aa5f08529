"""Trigger candidates: words that may report an event, with the classes the lexicons give them.

Candidates are deliberately generous: every verb or noun of the trigger lexicon
(``resources/triggers.json``) and every verb of PETRARCH2's CAMEO verb dictionary
(``resources/cameo_verbs.json``). The trigger classifier (:mod:`kgbuild.extract.linear`)
decides which of them report an event and of which class; hedges, negation and embedding are
features it weighs, not filters.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..vocabulary import EventClass
from .lexicon import Lexicon
from .mentions import MentionIndex, in_body
from .speech import REPORTING_VERBS
from .coercions import kept_from_going, told_to_leave
from .verdicts import ENVOYS, rebuttal, refusal, summons, verdict

__all__ = ["Candidate", "WISHING", "wishes", "find_candidates", "misread_main_clause", "trigger_classes",
           "is_hedged", "embedding_trigger", "prevented", "reports_nothing", "LIGHT_VERBS", "DELIVERING_VERBS",
           "brings_about", "HEDGE_NOUNS", "reason_judged", "person_object", "prisoners_swapped", "CAPTIVES",
           "breach_described", "LETTING_IN"]

HEDGE_NOUNS = frozenset({"intention", "plan", "threat", "possibility", "risk", "prospect", "danger", "fear", "bid",
                         "attempt", "invitation", "proposal", "offer", "request", "readiness", "willingness",
                         "desire", "hope", "ambition", "plot", "conspiracy", "scheme"})
#: Verbs that deliver the statement their object names ("issued a warning", "reiterated its call")
DELIVERING_VERBS = frozenset({"issue", "make", "reiterate", "renew", "repeat", "voice", "lodge", "file", "deliver",
                              "express", "pledge", "provide", "send", "give", "offer", "grant", "approve", "extend",
                              "reaffirm", "restate"})
#: Verbs that make more of a measure their object names, so imposing it anew ("doubled the tariff on
#: X", "tightened sanctions"); of deeds they tell a trend ("ramped up attacks"), no one event
_RAISING_VERBS = frozenset({"double", "triple", "raise", "increase", "hike", "tighten", "expand", "broaden",
                            "toughen"})
#: Verbs that put a measure their object names on someone ("slapped tariffs on X", "levied duties on",
#: "placed sanctions on"): with another object, no event
_IMPOSING_VERBS = frozenset({"slap", "levy", "reimpose", "place", "put", "introduce", "apply"})
_MEASURE_VERBS = _RAISING_VERBS | _IMPOSING_VERBS
#: Verbs whose object noun is the event ("launched airstrikes", "imposed a tariff"), the delivering ones among them
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "hold", "mount", "impose", "lead", "unleash", "announce",
               "order", "perform", "begin", "continue", "step", "use", "sign"} | DELIVERING_VERBS
#: verbs that keep what they govern from happening at all ("foiled a plot to assassinate X")
_PREVENTING = frozenset({"prevent", "avoid", "foil", "thwart", "avert"})
#: verbs that end or keep from happening what they govern ("end the deployment", "suspended talks")
_STOPPERS = _PREVENTING | {"end", "stop", "cease", "halt", "review", "fail", "refuse", "suspend"}
_NEVER = frozenset({"be", "have", "do", "get", "become", "seem", "go", "come", "make", "take", "give", "see",
                    "know", "say", "tell", "add", "include", "remain"})


def brings_about(verb: Token, noun: Token, lex: Lexicon) -> bool:
    """``verb`` only brings about the event its object ``noun`` names: a light verb ("launched
    airstrikes", "imposed a tariff") or one that raises a measure or puts one on someone ("doubled
    the tariff on X", "slapped tariffs on X")."""
    lemma = verb.lemma_.lower()
    return lemma in LIGHT_VERBS or lemma in _MEASURE_VERBS and lex.noun_of(noun, EventClass.SANCTION)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token that may report an event; ``end`` is the index of its last token (multiword)."""

    token: Token
    end: int
    classes: tuple[str, ...]  # from the trigger lexicon, most likely first (may be empty)
    cameo: tuple[str, ...]  # classes PETRARCH2's CAMEO dictionary gives the verb, strongest first
    multiword: bool = False
    #: the class a verdict or refusal the grammar reads gives it ("called X 'arbitrary'"), if any
    stance: str | None = None
    #: the index of its first token, where that is not ``token``: a multiword noun is read at its
    #: head, its last word ("a drone strike on X": "strike" has the phrase's roles)
    start: int | None = None

    @property
    def first(self) -> Token:
        """The trigger's first word."""
        return self.token if self.start is None else self.token.doc[self.start]

    @property
    def span(self) -> tuple[int, int]:
        doc = self.token.doc
        return self.first.idx, doc[self.end].idx + len(doc[self.end])


def _match_tail(token: Token, rest: tuple[str, ...]) -> int | None:
    """The index of the last word of the multiword trigger starting at ``token``: a noun's words
    are contiguous ("drone strike"), a verb's may have up to two words between them ("called
    the US on")."""
    doc = token.doc
    position = token.i
    noun = token.pos_ in ("NOUN", "PROPN")
    reach = 2 if noun else 4
    for part in rest:
        for j in range(position + 1, min(len(doc), position + reach)):
            if noun and doc[j].pos_ in ("VERB", "AUX"):
                continue  # "drones struck" is no "drone strike"
            if doc[j].lemma_.lower() == part or doc[j].lower_ == part:
                position = j
                break
        else:
            return None
    return position


_MULTIWORD: dict[int, tuple[Lexicon, dict[str, list[tuple[int, tuple[str, ...], list[tuple[str, str]]]]]]] = {}


def _multiword_from(lex: Lexicon, *words: str) -> list[tuple[tuple[str, ...], list[tuple[str, str]]]]:
    """The lexicon's multiword triggers whose first word is one of ``words``, in the lexicon's
    order (indexed by first word once per lexicon)."""
    cached = _MULTIWORD.get(id(lex))
    if cached is None or cached[0] is not lex:
        by_first: dict[str, list[tuple[int, tuple[str, ...], list[tuple[str, str]]]]] = {}
        for n, (parts, entries) in enumerate(lex.multiword.items()):
            by_first.setdefault(parts[0], []).append((n, parts, entries))
        cached = _MULTIWORD[id(lex)] = (lex, by_first)
    found = [item for word in dict.fromkeys(words) for item in cached[1].get(word, ())]
    return [(parts, entries) for _n, parts, entries in sorted(found, key=lambda item: item[0])]


#: nouns of a deed that breaks a rule or a deal
_BREACHES = frozenset({"violation", "breach", "contravention", "defiance"})


def breach_described(noun: Token) -> bool:
    """"in the latest violation of a ceasefire", "in breach of the truce": a phrase telling how a
    deed stands to a rule, no one's accusation."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in _BREACHES and noun.dep_ == "pobj" \
        and noun.head.lower_ == "in"


#: what a state lets people in with: denied, they are kept out (a coercion, no denial of a charge)
LETTING_IN = frozenset({"entry", "access", "visa", "passage", "landing", "admission", "permission"})


#: ways one blocks (a blockade, no refusal)
_WAYS = frozenset({"road", "street", "highway", "motorway", "bridge", "traffic", "intersection", "junction",
                   "railway", "rail", "entrance", "access", "route", "avenue", "boulevard", "square", "port"})


#: people two sides hand back to each other in a swap
CAPTIVES = frozenset({"prisoner", "detainee", "hostage", "captive", "pow", "body", "soldier", "civilian"})


def prisoners_swapped(verb: Token) -> bool:
    """"exchanged 150 prisoners of war", "swapped detainees": each side frees the other's."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ("exchange", "swap", "trade") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CAPTIVES for c in verb.children)


def trigger_classes(token: Token, lex: Lexicon) -> tuple[list[str], int, bool]:
    """Lexicon classes of ``token``, the index of the trigger's last token, and whether it is multiword."""
    lemma = token.lemma_.lower()
    for parts, entries in _multiword_from(lex, lemma, token.lower_):
        end = _match_tail(token, parts[1:])
        if end is not None:
            wanted = "noun" if token.pos_ in ("NOUN", "PROPN") else "verb"
            classes = [c for c, kind in entries if kind == wanted] or [c for c, _ in entries]
            return classes, end, True
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and lemma in lex.verb_index):
        if lemma == "allow" and any(c.dep_ == "neg" for c in token.children):
            return ["Rejection"], token.i, False
        directed = [name for name, entry in lex.classes.items() if lemma in entry.with_infinitive]
        if directed and _object_and_infinitive(token):  # "told the council to draft rules": a demand
            return directed, token.i, False
        if lemma == "receive" and person_object(token, lex):  # "received the Iranian foreign minister"
            return [EventClass.CONSULTATION.value], token.i, False
        if lemma in ("fire", "sack") and person_object(token, lex):  # "fired the army chief": dismissed
            return [], token.i, False
        if lemma in ("deny", "refuse") and any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in LETTING_IN
                                               for c in token.children):
            return [EventClass.COERCION.value], token.i, False  # "denied entry to two British lawmakers": kept out
        if kept_from_going(token, lex) or told_to_leave(token):
            return [EventClass.COERCION.value], token.i, False
        if lemma == "block" and any(c.dep_ == "dobj" and c.lemma_.lower() in _WAYS for c in token.children):
            return [], token.i, False  # "protesters blocked major roads": a blockade of ways, no veto
        if prisoners_swapped(token):  # "Ukraine and Russia exchanged 150 prisoners of war": each frees the other's
            return [EventClass.CONCESSION.value], token.i, False
        if lemma == "recall" and any(c.dep_ == "dobj" and c.lemma_.lower() in ENVOYS for c in token.children):
            return [EventClass.SANCTION.value], token.i, False  # "recalled its ambassador from Belgium"
        return list(lex.verb_index.get(lemma, ())), token.i, False
    if token.pos_ in ("NOUN", "PROPN"):
        return list(lex.noun_index.get(lemma, ()) or lex.noun_index.get(token.lower_, ())), token.i, False
    return [], token.i, False


#: who is received on a visit, besides people named and titled ("received a Hamas delegation")
_VISITORS = frozenset({"delegation", "envoy", "counterpart", "ambassador", "emissary", "visitor", "president",
                       "minister", "premier", "chancellor", "king", "prince", "leader"})


def person_object(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb's object is a person named or titled, or a visiting party: "received the
    Iranian foreign minister" is a meeting (not "received aid", "received a letter from the UN"),
    "fired the army chief" a dismissal (not "fired rockets")."""
    return any(c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "KB_ACTOR") and c.pos_ == "PROPN" or any(
        w.lemma_.lower() in _VISITORS or w.lemma_.lower() in lex.person_titles
        for w in (c, *(g for g in c.children if g.dep_ == "compound")))) for c in verb.children)


def _object_and_infinitive(verb: Token) -> bool:
    """"told [the council] [to draft rules]": an object and a to-infinitive (or a misparsed clause)."""
    return any(c.dep_ in ("dobj", "dative") for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in verb.children)


def _cameo(token: Token, lex: Lexicon) -> tuple[str, ...]:
    if token.pos_ not in ("VERB", "AUX"):
        return ()
    counts = lex.cameo.get(token.lemma_.lower(), {})
    total = sum(counts.values())
    return tuple(c for c, n in sorted(counts.items(), key=lambda kv: -kv[1]) if total and n / total >= 0.15)


def governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


#: verbs of what is wished, hoped, expected or needed: what their infinitive says is not done (not plans,
#: "the suspects had planned to bomb the embassy" is what the police accuse them of; not pledges,
#: "pledged to provide aid" is aid given as the guidelines count it, "vowed to retaliate" a threat)
WISHING = frozenset({"hope", "want", "wish", "expect", "look", "aspire", "desire", "long", "yearn",
                     "need"})


def wishes(verb: Token) -> bool:
    """Is ``verb`` one of :data:`WISHING` (by its word too: the lemmatizer gives "hop" for "hopes")?"""
    word = verb.lower_
    return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in WISHING or any(
        word.removesuffix(end) in WISHING for end in ("s", "d", "ed")) or word.removesuffix("ing") + "e" in WISHING)


def is_hedged(token: Token, lex: Lexicon) -> bool:
    """Modal, conditional or intended: "would attack", "unless they invade", "intention to undertake",
    "a proposal for a ceasefire"."""
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("for", "of") \
            and token.head.head.lemma_.lower() in HEDGE_NOUNS:
        return True
    if token.dep_ == "pcomp" and token.head.lower_ in ("of", "than") \
            and {token.head.head.lower_, *(c.lower_ for c in token.head.children)} & {"instead", "rather"}:
        return True  # "instead of calling for an Asian NATO", "rather than condemning": not done
    node = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    for _ in range(3):
        if node is None:
            return False
        for child in node.children:
            if child.dep_ in ("aux", "advmod", "mark") and child.lower_ in lex.hedges:
                return True
        if node.dep_ == "csubj" and any(c.dep_ == "aux" and c.lower_ in lex.hedges for c in node.head.children):
            return True
        if node.head.lemma_.lower() in HEDGE_NOUNS:
            return True
        if node.dep_ == "xcomp" and wishes(node.head):
            return True  # "hopes to meet", "is looking to Trump to veto", "is expected to visit", "needs to
            # destroy Hamas": not done
        if node.dep_ not in ("xcomp", "acl", "relcl", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head if node.head.pos_ in ("VERB", "AUX") else governing_verb(node.head)
    return False


def prevented(token: Token) -> bool:
    """A deed a verb of preventing governs never happened, whoever says so ("Venezuela said it had
    foiled a plot to assassinate Maduro"; not "halted its attacks": they had begun)."""
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in _PREVENTING:
            return True
        if node.lemma_.lower() in REPORTING_VERBS:
            return False
    return False


def embedding_trigger(token: Token, lex: Lexicon, triggers: set[int]) -> str | None:
    """The kind of word that governs this trigger: a Threat/Demand-like trigger ("threatening more
    attacks" -> ``"Threat"``), a stopper ("end the deployment" -> ``"stop"``), else ``None``."""
    node = token
    infinitive = False
    for _ in range(5):
        if node.head.i == node.i or node.dep_ == "relcl" and node.head.pos_ == "PROPN":
            return None  # a relative clause tells a fact about whom it names ("Mexico, which he hit with a levy")
        if _told_as_known(node):
            return None  # "urged the government to protect minorities after clashes killed 100 people"
        infinitive = infinitive or node.dep_ == "xcomp"
        while node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head  # "closed its airspace and suspended trade", "the U.S. suspended its partnership,
            # and Britain imposed sanctions": a verb coordinated with another is not governed by it
        if node.head.i == node.i:
            return None
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in _ORDERING and not infinitive:
            continue  # "ordered airstrikes on X": carried out; "ordered the army to launch an offensive": not yet
        if lemma in lex.embedding_verbs and node.i in triggers:
            return lex.embedding_verbs[lemma]
        if lemma in _STOPPERS:
            return "stop"
    return None


#: verbs of command: what they order with a to-infinitive is not yet done, what they order as an
#: object is ("ordered airstrikes")
_ORDERING = frozenset({"order", "command"})


#: words that open a clause or phrase of what already happened ("after clashes killed 100 people")
_KNOWN = frozenset({"after", "since", "because", "following", "amid"})


def _told_as_known(node: Token) -> bool:
    """``node`` opens a clause of time or cause told as past fact: an adverbial clause marked
    "after", "since", "because", or the object of "after", "following", "amid"."""
    if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _KNOWN for c in node.children):
        return not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might") for c in node.children)
    return node.dep_ == "pobj" and node.head.lower_ in _KNOWN and node.head.dep_ == "prep"


def reason_judged(token: Token, triggers: set[int]) -> bool:
    """A deed given as the reason an event judges, punishes or rewards someone ("criticized Hungary
    for blocking aid", "sanctioned two companies for supplying drones to Russia", "thanked Qatar
    for hosting the talks"): the judging is the event, the deed its reason, not told as a fact of
    its own (and not done by the judge)."""
    prep = token.head
    return token.dep_ == "pcomp" and prep.dep_ == "prep" and prep.lower_ == "for" and prep.head.i in triggers \
        and any(c.dep_ == "dobj" for c in prep.head.children)


#: verbs that, with a to-infinitive, say someone tries ("sought to make their way"): the deed tried
#: is the candidate, not the trying
_TRYING = frozenset({"seek", "try", "attempt", "strive", "endeavor", "endeavour"})


#: adverbs that deny what their verb says ("seldom criticized China")
_DENYING = frozenset({"never", "seldom", "rarely", "hardly", "scarcely"})


def _denied(token: Token) -> bool:
    """A verb negated ("did not condemn", "has never criticized") or said to happen seldom; a
    negated acceptance is a refusal, which :func:`kgbuild.extract.verdicts.refusal` reads first."""
    return token.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "neg" or c.dep_ == "advmod" and c.lower_ in _DENYING for c in token.children)


#: modals that say what someone should do: what they say is not done
_OBLIGING = frozenset({"should", "must", "ought"})


def _obliged(token: Token) -> bool:
    """A verb someone should or must do ("its leaders should condemn the attacks", "Israel must
    stop the strikes"): not done (a demand, which :mod:`kgbuild.extract.implied` reads with its
    speaker). "must have fired" infers a past deed and stays."""
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    return token.pos_ == "VERB" and bool(aux & _OBLIGING) and "have" not in aux


#: verbs whose complement is not done ("failed to deliver food", "refused to withdraw", "avoided
#: striking") or is said not to have been ("denied sending weapons"); a refusal or a denial is an
#: event of its own, read on its verb
_NOT_DOING = frozenset({"fail", "refuse", "decline", "neglect", "avoid", "omit", "deny"})


def _not_done(token: Token) -> bool:
    """The complement of a verb of not doing ("criticized the UN for failing to deliver food") or of
    denying ("Iran denied supplying drones to Russia"): no deed."""
    return token.pos_ == "VERB" and token.dep_ == "xcomp" and token.head.lemma_.lower() in _NOT_DOING


_WH = frozenset({"who", "whom", "whose", "what", "which", "why", "how", "when", "where", "whether"})


def _asks_a_question(verb: Token) -> bool:
    """"asked whether/why/who ...", or a complement ending in a question mark."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        first = clause.doc[clause.left_edge.i]
        if first.lower_ in _WH or any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in clause.children):
            return True
    return any(c.dep_ == "punct" and c.text == "?" for c in verb.children)


#: what a proposal or act "meets with" that is no one met ("met with opposition from X")
_RECEPTIONS = frozenset({"opposition", "criticism", "resistance", "skepticism", "scepticism", "approval", "praise",
                         "condemnation", "disapproval", "anger", "outrage", "success", "failure", "silence"})
#: private people, whose visits are no consultations ("Chinese tourists visited Vietnam")
_PRIVATE_VISITORS = frozenset({"tourist", "foreigner", "visitor", "traveler", "traveller", "patient", "student",
                               "pilgrim", "holidaymaker", "people", "fan", "shopper"})


def _no_meeting(verb: Token) -> bool:
    """"met with opposition", "the White House talks about ...", "tourists visited Vietnam"."""
    lemma = verb.lemma_.lower()
    preps = {c.lower_: c for c in verb.children if c.dep_ == "prep"}
    if lemma == "meet" and "with" in preps:
        return any(g.dep_ == "pobj" and g.lemma_.lower() in _RECEPTIONS for g in preps["with"].children)
    if lemma == "talk":
        return "about" in preps and not ({"with", "to"} & set(preps))
    if lemma == "visit":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in _PRIVATE_VISITORS for c in verb.children)
    return False


#: adverbs that make a deed a habit, not one event ("routinely deny", "repeatedly called on",
#: "have exchanged fire almost daily", "has long accused")
_FREQUENT = frozenset({"repeatedly", "frequently", "often", "regularly", "routinely", "constantly", "habitually",
                       "continually", "continuously", "periodically", "sporadically", "occasionally", "daily",
                       "nightly", "weekly", "long"})
#: adjectives that make a trigger noun a habit ("frequent raids", "repeated attacks")
_FREQUENT_NOUNS = frozenset({"frequent", "repeated", "regular", "routine", "constant", "daily", "nightly", "weekly",
                             "persistent", "sporadic", "occasional", "periodic", "recurring", "relentless"})
#: spans of time that make a deed done over them a habit ("has fought the army for a decade")
_YEARS = frozenset({"year", "decade", "century"})


def habitual(token: Token) -> bool:
    """The trigger tells a habit or a long course of deeds, not one event: its clause says how
    often ("routinely deny", "repeatedly called on", "exchanged fire almost daily", "every day"),
    that it has long been so ("has long accused"), or that it went on for years ("has been
    fighting Boko Haram for more than a decade"); or a noun trigger is said to recur ("frequent
    raids by bandits"). The guidelines make such events optional at most.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> habitual(nlp("attacks")[0])
    False
    """
    if token.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _FREQUENT_NOUNS for c in token.children):
        return True
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    if verb is None:
        return False
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in _FREQUENT and (child.lower_ != "long" or any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)):
            return True
        if child.dep_ == "npadvmod" and child.lemma_.lower() in ("day", "night", "week") and any(
                g.dep_ == "det" and g.lower_ in ("every", "each") for g in child.children):
            return True  # "every day"
    if any(c.dep_ == "prep" and c.lower_ in ("in", "during", "across") and any(
            g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in _TALLIED
            and any(n.dep_ == "nummod" or n.lower_ in ("dozens", "hundreds", "scores") for n in g.children)
            for g in c.children) for c in verb.children):
        return True  # "killed nearly 400 people in over 500 attacks": a tally of many events
    spans = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
    spans += [p for c in verb.children if c.dep_ == "dobj" for p in c.children
              if p.dep_ == "prep" and p.lower_ == "for"]
    return any(g.dep_ == "pobj" and g.lemma_.lower() in _YEARS for p in spans for g in p.children)  # "for years"


#: deeds counted in a tally ("in over 500 attacks")
_TALLIED = frozenset({"attack", "raid", "strike", "airstrike", "bombing", "incident", "ambush", "assault",
                      "operation", "clash", "shooting", "kidnapping", "abduction"})


def reports_nothing(token: Token) -> bool:
    """Set phrases that report no event: a source's wish not to be named ("requested anonymity",
    "spoke on condition of anonymity"), trying to do something ("sought to make their way to
    Turkey": the deed tried may be an event, the trying is not), a question asked ("asked
    whether the army would withdraw", 'asked: "Who is dead?"': no demand), meetings that are
    none ("met with opposition", "talks about the possibility", "tourists visited") and saying
    nothing ("refused to say whether", "declined to confirm the report")."""
    if token.pos_ == "VERB" and _no_meeting(token):
        return True
    if token.pos_ == "VERB" and token.lemma_.lower() == "ask" and _asks_a_question(token):
        return True
    if any(t.lemma_.lower() == "anonymity" for c in token.children
           for t in (c, *(g for g in c.children if g.dep_ == "pobj")) if c.dep_ in ("dobj", "prep", "pobj")):
        return True
    if token.pos_ == "VERB" and token.lemma_.lower() in ("refuse", "decline") and any(
            c.dep_ == "xcomp" and (c.lemma_.lower() in _TELLING_NOTHING or c.lemma_.lower() in ("give", "provide")
                                   and any(g.dep_ == "dobj" and g.lemma_.lower() in _PARTICULARS for g in c.children))
            for c in token.children):
        return True  # "refused to say whether the strike was approved", "declined to give details": no statement
    return token.pos_ == "VERB" and token.lemma_.lower() in _TRYING and any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in token.children)


#: what a source refuses to say: no statement, no refusal of anyone
_TELLING_NOTHING = frozenset({"say", "comment", "confirm", "deny", "disclose", "elaborate", "discuss", "answer",
                              "respond", "reveal", "specify", "speculate"})
_PARTICULARS = frozenset({"detail", "information", "figure", "comment", "explanation", "evidence", "number", "name"})


#: what armed forces exercise together
_EXERCISES = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "wargame", "patrol"})


def _joint_exercise(token: Token) -> bool:
    """A joint exercise ("joint naval drills", "joint military exercises"): cooperation of the
    forces that hold it (an exercise of one side alone is a show of force: a deployment), where
    the sentence names partners: several subjects, or a "with" phrase ("the U.S. and South Korea
    held joint drills", "joint drills with Japan"; not China's "joint combat readiness patrols",
    the joint ones of its services)."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _EXERCISES or not any(
            c.dep_ in ("amod", "compound") and c.lower_ in ("joint", "combined", "trilateral", "bilateral")
            for c in token.children):
        return False
    verb = token.head if token.dep_ in ("dobj", "nsubjpass", "pobj") else token
    verb = verb.head if verb.dep_ == "prep" else verb
    partners = [c for h in (token, verb) for c in h.children if c.dep_ == "prep" and c.lower_ == "with"]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(partners) or any(s.conjuncts or s.tag_ in ("NNS", "NNPS") and s.lower_ not in _OWN_PLURALS
                                 or any(c.dep_ in ("amod", "compound") and c.conjuncts for c in s.children)
                                 for s in subjects) or not subjects and token.dep_ != "dobj"  # ("Chinese and
    # Russian warships held joint naval drills")


#: plural subjects of one side ("its forces carried out joint patrols")
_OWN_PLURALS = frozenset({"forces", "troops", "soldiers", "units", "sailors", "pilots", "jets", "warships"})


#: classes whose verbs take no object that could be their subject: "families protested" is never passive
_INTRANSITIVE = frozenset({EventClass.PROTEST})


def misread_main_clause(verb: Token, event_class: str) -> bool:
    """A sentence the parser rooted at its subject noun (or at the verb of speaking after it),
    its verb taken for a participle describing it ("Islamic State-linked insurgents killed at
    least 11 villagers", "Families of the hostages protested outside ..."): the verb has an
    object, or takes none, and no passive marker; a headline's "Five soldiers killed in ambush"
    stays what befell the soldiers."""
    head = verb.head
    if verb.dep_ != "acl" or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if head.dep_ != "ROOT" and not (head.dep_ == "nsubj" and head.head.i > verb.i
                                    and head.head.lemma_.lower() in ("say", "tell", "report")):
        return False  # (the speakers of "..., officials said" taken for the subject's appositions)
    if any(c.dep_ in ("auxpass", "agent") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" for c in verb.children) or event_class in _INTRANSITIVE


def find_candidates(doc: Doc, index: MentionIndex, lex: Lexicon, *, body: list[tuple[int, int]]) -> list[Candidate]:
    """Every trigger candidate of the article body, in text order, multiword triggers merged."""
    found: list[Candidate] = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
            continue
        if not in_body(token.idx, body):
            continue
        if index.at(token) is not None or token.ent_type_ in ("DATE", "TIME"):
            continue  # a word of an actor's name ("Popular Mobilization Units") or of a date ("in March"): no trigger
        if reports_nothing(token):
            continue
        classes, end, multiword = trigger_classes(token, lex)
        if _joint_exercise(token):  # "held joint naval drills": forces cooperating (drills of one side alone
            classes = [EventClass.COOPERATION.value]  # are a deployment, a show of force)
        cameo = _cameo(token, lex) if token.lemma_.lower() not in _NEVER else ()
        stance = verdict(token, lex) or refusal(token, lex) or rebuttal(token) or summons(token)
        if stance is not None:  # "called the ruling 'arbitrary'", "did not accept": the stance says the class
            classes = [stance, *(c for c in classes if c != stance)]
        if stance is None and _denied(token) and not any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.noun_index and brings_about(token, c, lex)
                for c in token.children):
            continue  # "has never condemned", "seldom criticized": said not to have happened (a light
            # verb's negation, "did not impose sanctions", is read with the trigger noun it governs)
        if stance is None and (_obliged(token) or _not_done(token)):
            continue  # "should condemn": asked for, not done; "failed to deliver": not done
        if habitual(token):
            continue  # "routinely deny", "frequent raids": a habit, no one event
        if multiword and token.pos_ in ("NOUN", "PROPN") and doc[end].pos_ in ("NOUN", "PROPN") \
                and any(a.i == end for a in token.ancestors):  # "drone" in "drone strike": read at "strike"
            found.append(Candidate(doc[end], end, tuple(classes), (), multiword, stance, start=token.i))
        elif classes or cameo:
            found.append(Candidate(token, end, tuple(classes), cameo, multiword, stance))
    consumed = {i for c in found if c.end > c.first.i for i in range(c.first.i, c.end + 1)} \
        - {c.token.i for c in found if c.multiword}
    headed = {c.token.i for c in found if c.start is not None}  # the head's own reading yields to the phrase's
    return [c for c in found if c.token.i not in consumed and not (c.start is None and c.token.i in headed)]
