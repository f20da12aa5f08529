"""Names of bodies the entity ruler or the NER cut short: "United Nations" + "Working Group on
Arbitrary Detention" (a body of the UN), "the U.N. Integrated Bureau" + "for Haiti"; and a
state's mission to a body named with the state ("China's U.N. mission").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .items import ActorRef
from .link_context import LinkContext, possessor_state, state_of_token
from .names import trimmed
from .titles import TITLE_WORDS

__all__ = ["describes_a_name", "unit_named_after", "unit_of", "with_name_continued", "state_mission", "PARENT_CLASSES"]

#: Organisation classes that have units ("the United Nations" + "Working Group ...")
PARENT_CLASSES = frozenset({"InternationalOrganization", "Organization", "GovernmentBody", "ArmedGroup"})
#: Words that join the parts of a body's name ("Working Group on Arbitrary Detention")
_NAME_LINKS = frozenset({"on", "for", "of", "and"})

#: Last words of a body's name that its name may go on after ("the Integrated Bureau" + "for Haiti")
_BODY_HEADS = frozenset({"bureau", "office", "unit", "commission", "committee", "council", "centre", "center",
                         "institute", "school", "fund", "foundation", "agency", "mission", "program", "programme",
                         "department", "directorate", "secretariat", "group", "panel", "court", "tribunal", "service"})


def with_name_continued(ctx: LinkContext, ent: Span) -> Span:
    """A new organisation's name the NER ended at a preposition: "the U.N. Integrated Bureau" +
    "for Haiti", "the Clinical Research Unit" + "of Nanoro" (a body's last word, then "for",
    "on" or "of" and capitalised words). Not "of" a state: "the Supreme Court of Kenya" is the
    state's own body."""
    doc = ent.doc
    name = trimmed(ent)  # "the Clinical Research Unit of": the NER may keep the preposition
    end = name.end
    if ent.label_ != "ORG" or ent.ent_id_ or not len(name) or doc[end - 1].lower_ not in _BODY_HEADS \
            or end + 1 >= len(doc) or doc[end].lower_ not in ("for", "on", "of"):
        return ent
    after = end + 1
    while after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].is_title \
            and doc[after].ent_type_ not in ("PERSON", "DATE"):
        after += 1
    if after == end + 1:
        return ent
    named = doc[end + 1:after]
    known = [named[0].ent_id_] if named[0].ent_id_ else ctx.kbi.lookup(named.text)[:1]
    if doc[end].lower_ == "of" and any(ctx.kbi.classes.get(iri) == "State" for iri in known):
        return ent
    return Span(doc, name.start, after, label=ent.label_)


def unit_named_after(ctx: LinkContext, doc: Doc, ent: Span, actor: ActorRef) -> int | None:
    """The end of a body's name that begins with a KB organisation's name the ruler matched alone
    ("United Nations" + "Working Group on Arbitrary Detention"): the organisation's name is a
    compound of a capitalised name that follows, with "on", "for", "of" or "and" and more
    capitalised words after it; never a person or a title ("NATO Secretary General X")."""
    root = ent.root
    if actor.actor_class not in PARENT_CLASSES or root.dep_ != "compound" or root.head.i < ent.end \
            or root.head.i - ent.end > 3:
        return None

    def named(token: Token) -> bool:
        return token.pos_ == "PROPN" and token.is_title and token.ent_type_ != "PERSON" \
            and token.lower_ not in ctx.lex.person_titles and token.lower_ not in TITLE_WORDS \
            and token.lower_ not in ctx.lex.group_nouns
    if not all(named(t) for t in doc[ent.end:root.head.i + 1]):
        return None
    end = root.head.i + 1
    if end - ent.end < 2 and not (end + 1 < len(doc) and doc[end].lower_ in _NAME_LINKS and named(doc[end + 1])):
        return None  # "U.S. Treasury" + "Department": the same body by a longer name
    while end + 1 < len(doc) and doc[end].lower_ in _NAME_LINKS and named(doc[end + 1]):
        end += 2
        while end < len(doc) and named(doc[end]):
            end += 1
    return end


#: Nouns of a unit an organisation's name qualifies ("African Union troops", "the ECOWAS standby
#: force", "Islamic State's Sahel affiliate", "the U.N.'s refugee agency"), with the unit's class
#: (``None``: the class of the organisation itself)
_UNIT_NOUNS = {"troops": "SecurityForce", "forces": "SecurityForce", "force": "SecurityForce",
               "soldiers": "SecurityForce", "peacekeepers": "SecurityForce", "police": "SecurityForce",
               "contingent": "SecurityForce", "mission": "SecurityForce", "affiliate": None, "branch": None,
               "wing": None, "faction": None, "agency": None}


def describes_a_name(noun: Token) -> bool:
    """A common noun in apposition with a name, describing it ("JNIM, an al-Qaida affiliate", "an
    Iran-backed militia, Kataib Hezbollah"): the named actor, no actor of its own."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def unit_of(doc: Doc, ent: Span, actor: ActorRef) -> tuple[int, ActorRef] | None:
    """A unit of a KB organisation named by the organisation's name (or possessive) and a lowercase
    unit noun, with a few words between ("standby", "Sahel"): the end of its phrase and the new
    unit, part of the organisation. A state's armed forces are the state's, not a unit of it
    (:data:`PARENT_CLASSES` has no state)."""
    root = ent.root
    if actor.actor_class not in PARENT_CLASSES or root.dep_ not in ("compound", "amod", "poss", "nmod"):
        return None
    head = root.head
    between = doc[ent.end:head.i]
    if head.i < ent.end or head.pos_ != "NOUN" or not head.is_lower or head.lower_ not in _UNIT_NOUNS \
            or len(between) > 3 or any(t.ent_type_ in ("PERSON", "ORG") for t in between):
        return None  # "the U.N. Integrated Bureau", "the ECOWAS Standby Force": a name
    if actor.actor_class == "ArmedGroup" and _UNIT_NOUNS[head.lower_] == "SecurityForce":
        return None  # "al-Shabab forces": the group's own fighters
    if describes_a_name(head):
        return None  # "JNIM, an al-Qaida affiliate": JNIM described, part of al-Qaida; no other actor
    if actor.actor_class == "GovernmentBody" and between:
        return None  # "Iraqi government paramilitary forces": which forces, the words say (the KB's or the linker's)
    if head.lower_ == "mission" and actor.actor_class != "InternationalOrganization" \
            or head.lower_ == "agency" and not between:
        return None  # "the United Nations agency" refers back to one named before
    actor_class = _UNIT_NOUNS[head.lower_] or actor.actor_class
    return head.i + 1, ActorRef(None, actor_class, doc[ent.start:head.i + 1].text, new=True, parent=actor.iri)


#: a state's standing delegation to an international body: "China's U.N. mission"
_MISSIONS = frozenset({"mission", "delegation"})


def state_mission(ctx: LinkContext, ent: Span) -> ActorRef | None:
    """A state's mission to an international body, named with the state ("China's U.N. mission",
    "the U.S. Mission to the United Nations", "Iran's mission to the U.N."): an organ of that
    state, not of the body it is accredited to, named with the state as the text names it."""
    ent = trimmed(ent)  # "The U.S. Mission to": the name
    if not len(ent) or ent[-1].lower_ not in _MISSIONS:
        return None
    doc = ent.doc
    start = ent.start
    state = state_of_token(ctx, ent[0]) if len(ent) > 1 else None  # "U.S. Mission"
    if state is None:
        state = possessor_state(ctx, ent)  # "China's U.N. mission"
        start = ent.start - 2 if state else start
    if state is None or ctx.kbi.classes.get(state) != "State":
        return None
    name = doc[start:ent.end].text
    end = ent.end
    if end + 1 < len(doc) and doc[end].lower_ == "to":  # "... to the United Nations"
        body = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        target = next((e for e in doc.ents if e.start <= body < e.end), None)
        if target is not None:
            name = doc[start:target.end].text
    return ActorRef(None, "GovernmentBody", name, new=True, state=state)
