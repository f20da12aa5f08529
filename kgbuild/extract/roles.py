"""Argument roles by rule, over the dependency parse: who acts (agent), who is acted on (target),
where (place). The extractor's role classifier takes these rule decisions as features next to
the parse paths, so a rule that is wrong for some construction is outweighed by what the
annotated corpus shows.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..vocabulary import ActorClass, EventClass
from .clashes import clash_sides, is_clash
from .items import ActorRef
from .lexicon import Lexicon
from .mentions import PRONOUNS, RELATIVE_PRONOUNS, MentionIndex
from .nouns import ASSETS, EQUIPMENT, TRADED
from .speech import REPORTING_VERBS
from .triggers import DELIVERING_VERBS, LETTING_IN, LIGHT_VERBS, brings_about

__all__ = ["verb_agents", "verb_targets", "noun_roles", "passive_doers", "embedded_agents",
           "evaluative", "held_by_whom", "measures_with", "movers", "proposers",
           "speech_act_clause", "taken_from", "pronoun_possessor", "ARMED", "FORCES_SENT", "PATIENT_NOUNS",
           "LIGHT_VERBS", "DELIVERING_VERBS"]

#: forces sent somewhere: whose forces they are did it ("the deployment of U.S. warships")
FORCES_SENT = frozenset({"deployment", "presence", "buildup", "build-up"})
_OF_AGENT = {"brutality", "violence", "crackdown", "offensive", "operation", "campaign", "aggression",
             "repression", "fighting", "advance", "incursion", "invasion", "bombardment", "shelling", "withdrawal",
             *FORCES_SENT}
_QUANTIFIERS = {"flurry", "wave", "series", "spate", "string", "number", "barrage", "round", "volley", "campaign"}
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "with", "into"})
ARMED = frozenset({"ArmedGroup", "SecurityForce", "State"})


def _acted_on(head: Token, index: MentionIndex, *, statement: bool = False) -> list[ActorRef]:
    """The actors a target phrase names, without a state that only describes what was hit
    ("Nigerian villages", "Syrian towns": the villages, not Nigeria; but "Iranian nuclear sites"
    and "a Russian oil refinery" are the state's). What a statement is about
    is the state's own ("opposes Chinese investment", "criticized Russia's offensive": China,
    Russia)."""
    actors = index.in_phrase(head)
    if not actors:  # "expelled the ambassadors of Chile and Peru": Chile and Peru
        actors = index.represented(head)
    if not actors and (head.lemma_.lower() in _OWNED_SITES  # "raided the offices of Al Jazeera": Al Jazeera
                       or statement and head.lemma_.lower() in TRADED):  # "banned imports of Russian oil": Russia
        actors = [a for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" for a in index.in_phrase(g)
                  if a.actor_class != ActorClass.PLACE]
        actors += [m.actor for c in head.children if c.dep_ == "poss" and (m := index.at(c)) is not None
                   and m.actor.actor_class not in (ActorClass.PLACE, ActorClass.STATE)]  # "the group's headquarters"
    if index.at(head) is not None or statement:
        return actors
    if not actors:  # "fired on its positions": whose positions ("its" the one named before)
        actors = [a for c in head.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS
                  for a in (pronoun_possessor(c, index),) if a is not None]
    if not actors:  # "a bus transporting a paramilitary force", "a convoy carrying troops": those carried
        actors = [a for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in _CARRY_VERBS
                  for g in c.children if g.dep_ == "dobj" for a in index.in_phrase(g)]
    adjectival = {index.at(c).actor.key for c in head.children  # (but "a Philippine ship" is the Philippines')
                  if c.dep_ in ("amod", "compound", "nmod", "poss") and index.at(c) is not None
                  and index.at(c).actor.actor_class == ActorClass.STATE
                  and head.lemma_.lower() not in EQUIPMENT | ASSETS}
    return [a for a in actors if a.key not in adjectival]


#: Words that open a clause saying when, why or on what condition ("if X continued", "before X ended it")
SUBORDINATORS = frozenset({"if", "unless", "before", "after", "until", "while", "when", "because", "since",
                           "although", "though", "once"})


def subordinate(clause: Token) -> bool:
    """Is ``clause`` (a verb) a clause of time, reason or condition ("before security forces ended the siege")?"""
    return clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in SUBORDINATORS for m in clause.children)


#: Places that are their owner's: what is done to them is done to the owner
_OWNED_SITES = frozenset({"office", "headquarters", "home", "house", "residence", "compound", "premises",
                          "building", "offices", "bureau", "studio", "property"})
#: Deeds whose possessor is the one they are done to ("Zamora's detention", "his assassination").
PATIENT_NOUNS = frozenset({"arrest", "detention", "abduction", "kidnapping", "expulsion", "deportation",
                           "imprisonment", "killing", "assassination", "execution", "murder", "capture",
                           "extradition", "jailing", "internment", "release"})
#: Verbs whose "with" object says what was done ("hit X with tariffs", "slapped X with sanctions")
HIT_WITH = frozenset({"hit", "slap", "target", "punish"})
_CARRY_VERBS = frozenset({"carry", "transport", "escort", "ferry", "bring"})
#: Verbs of harm whose passive subject is the target of the attack they happened in ("two
#: officers were killed in an attack by X", "he died in a gun battle with police").
_HARM_VERBS = frozenset({"kill", "wound", "injure", "die", "hurt", "abduct", "kidnap", "capture", "take"})

_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officials", "representative",
                           "envoy", "ambassador", "minister", "adviser", "advisor", "aide", "delegation", "source",
                           "sources", "statement"})


def _bodies_spoken_for(subject: Token) -> list[Token]:
    """The nouns of the body a spokesperson, official or statement speaks for ("a spokeswoman for
    the ministry", "officials of the army", "a statement from the UN"); none for other subjects."""
    if subject.lemma_.lower() not in _SPOKESPEOPLE and subject.lower_ not in _SPOKESPEOPLE:
        return []
    return [g for c in subject.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from", "with")
            for g in c.children if g.dep_ == "pobj"]


def _spoken_for(subject: Token, index: MentionIndex) -> list[ActorRef]:
    """"a spokeswoman for the ministry", "officials of the army", "a statement from the UN":
    the body an unnamed speaker acts for."""
    return [a for body in _bodies_spoken_for(subject) for a in index.in_phrase(body)]


def _equipment_owner(subject: Token, index: MentionIndex) -> list[ActorRef]:
    """"Pakistan's military said its jets shot down ...": the forces whose equipment acts, the
    subject "its" or "their" refers back to."""
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is None or subject.lemma_.lower() not in EQUIPMENT:
        return []
    prior = index.previous_subject(owner)
    return [prior] if prior is not None else []


def _spokesperson_named(subject: Token, index: MentionIndex) -> list[ActorRef]:
    """"A spokesman for the Taliban, Zabihullah Mujahid, said": the parse hangs the name on the
    body, not on the spokesman it names."""
    return [m.actor for body in _bodies_spoken_for(subject) for a in body.children if a.dep_ == "appos"
            if (m := index.at(a)) is not None and m.actor.actor_class == ActorClass.PERSON]


def _described_by_clause(clause: Token, index: MentionIndex) -> list[ActorRef]:
    """Who "who" is in a relative clause: the noun it hangs on, or the name that noun stands in
    apposition to ("Geza, a war veteran who criticized the president")."""
    found = index.in_phrase(clause.head)
    if not found and clause.head.dep_ == "appos":
        found = index.in_phrase(clause.head.head)
    return found


#: verbs of a speech act, which the parser may coordinate with what a speaker reports instead of
#: with the reporting verb ("said X had refused and vowed to continue")
_SPEECH_ACTS = frozenset({"vow", "pledge", "promise", "warn", "threaten", "urge", "accuse", "demand", "insist",
                          "condemn", "deny", "reject", "call", "add", "stress", "reiterate"})


def speech_act_clause(verb: Token) -> Token | None:
    """The reporting verb a speech act without a subject goes with where the parser coordinated it
    with what is reported ("the office said Hamas' rejection showed ... and vowed to continue":
    the office vowed), else ``None``."""
    if verb.dep_ != "conj" or verb.lemma_.lower() not in _SPEECH_ACTS or verb.head.dep_ != "ccomp" \
            or verb.head.head.lemma_.lower() not in REPORTING_VERBS or verb.head.head.i > verb.head.i \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None  # (not a reporter after it: "Rubio spoke with ... and urged them to ..., the ministry said")
    return verb.head.head


def verb_agents(verb: Token, index: MentionIndex, *, prefer: frozenset[str] | None = None,
                aux_subjects: bool = False) -> list[ActorRef]:
    agents: list[ActorRef] = []
    node = verb
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        if not subjects and aux_subjects:  # the parser may hang it on the auxiliary ("its fighters had overrun")
            subjects = [g for c in node.children if c.dep_ in ("aux", "auxpass") for g in c.children
                        if g.dep_ == "nsubj"]
        passive_by = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for subject in subjects + passive_by:
            if subject.lower_ in PRONOUNS:
                if subject.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
                    agents.extend(_described_by_clause(node, index))
                    continue
                prior = index.previous_subject(subject, person=subject.lower_ in ("he", "she"), prefer=prefer)
                if prior is not None:
                    agents.append(prior)
                    if prior.actor_class == ActorClass.PERSON:  # and whom their title had them speak for
                        agents.extend(index.named_with(prior, subject))
                continue
            agents.extend(index.in_phrase(subject) or _spoken_for(subject, index) or _equipment_owner(subject, index))
            agents.extend(_spokesperson_named(subject, index))
        if agents:
            return agents
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in node.children):
            break  # "as demonstrators were killed": a clause with its own subject keeps its own agent
        if node.dep_ in ("acl", "relcl") and node.head.pos_ in ("NOUN", "PROPN"):
            found = index.in_phrase(node.head)
            if found:
                return found
            node = node.head  # "officials issued a statement cautioning ...": the issuer
            if node.dep_ in ("dobj", "attr", "pobj") and node.head.i != node.i:
                node = node.head
                continue
            break
        if node.i == verb.i and any(c.dep_ in ("det", "compound") for c in node.children):  # "the U.S. strikes on":
            return [a for c in node.children if c.dep_ in ("compound", "amod", "poss")  # a noun read as a verb
                    for a in index.in_phrase(c)]
        if node.dep_ == "advcl" and node.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ == "mark" for c in node.children):
            break  # a finite clause of its own ("after X struck"): not the main clause's subject
        if (reporting := speech_act_clause(node)) is not None:
            node = reporting  # "X's office said Hamas' rejection showed ... and vowed to continue": X vowed
            continue
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.head.lemma_.lower() in REPORTING_VERBS \
                and node.head.dep_ == "ccomp" and node.head.head.i != node.head.i:
            node = node.head.head  # "warplanes struck what the military said were depots, killing two": the
            continue  # participle the parser hung on the aside goes with the strike
        if node.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep") and node.head.i != node.i:
            node = node.head
            continue
        break
    return agents


#: Verbs of taking ground, whose "from" object is the side it was taken from ("recaptured the town
#: from the rebels")
TAKING_GROUND = frozenset({"capture", "seize", "recapture", "retake", "take", "wrest", "regain", "reclaim"})


def taken_from(verb: Token) -> list[Token]:
    """The phrases a verb of taking ground names whom it was taken from, wherever the parser hung
    "from" (on the verb or on the ground taken: "recaptured the village from Russian forces")."""
    if verb.lemma_.lower() not in TAKING_GROUND:
        return []
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    return [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
            for g in c.children if g.dep_ == "pobj"]


def measures_with(verb: Token, lex: Lexicon) -> list[Token]:
    """The measures a verb's "with" phrase names ("retaliate with tariffs on German vehicles",
    "would respond with sanctions")."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children if g.dep_ == "pobj" and lex.noun_of(g, EventClass.SANCTION)]


#: what a sanction withholds from its counterpart ("suspended military aid to Ukraine", "froze talks with X")
_WITHHELD = frozenset({"aid", "assistance", "funding", "support", "talk", "negotiation", "cooperation", "tie",
                       "relation", "trade", "flight", "membership", "loan", "supply", "shipment", "delivery",
                       "partnership", "dialogue", "airspace", "border", "access", "contact", "export", "import",
                       "treaty", "pact"})


#: verbs of an exchange whose object is the other party, not its topic ("met Kim", "hosted Erdogan")
_MEETING_VERBS = frozenset({"meet", "host", "receive"})


def _deed_noun(noun: Token, lex: Lexicon) -> bool:
    """A noun naming a physical deed ("the violence", "the crackdown", "the attack")."""
    lemma = noun.lemma_.lower()
    return any(lemma in lex.classes[c].nouns or lemma in lex.classes[c].weak
               for c in (EventClass.ATTACK, EventClass.COERCION))


def verb_targets(verb: Token, index: MentionIndex, *, event_class: str, lex: Lexicon) -> list[ActorRef]:
    """Targets of a verb trigger: objects, passive subjects, target prepositions (per class, ``lex``)."""
    behaviour = lex.classes[event_class]
    targets: list[ActorRef] = []
    if event_class == EventClass.ATTACK:  # "recaptured the town from the rebels"
        targets.extend(a for g in taken_from(verb) for a in index.in_phrase(g) if a.actor_class != ActorClass.PLACE)
    for child in verb.children:
        if behaviour.object_is_topic and child.dep_ in ("dobj", "attr") \
                and not (child.dep_ == "dobj" and verb.lemma_.lower() in _MEETING_VERBS):
            continue  # "discuss the transfer": a topic, not a partner (but "met Kim": whom one meets)
        if child.dep_ == "dobj" and not (behaviour.kind == "statement" and _deed_noun(child, lex)
                                         and verb.lemma_.lower() not in ("blame", "pin")):
            # "threatening a response against the US" (not "condemned the violence against protesters": its
            # victims; but "blamed the explosion on Israel")
            wanted = {"against", "on", "upon"} | (behaviour.target_preps & {"from", "to"}) \
                | (behaviour.target_preps & {"at", "into"} if behaviour.kind == "physical" else set()) \
                | ({"with"} if behaviour.symmetric else set()) \
                | ({"to", "with", "for"} if event_class == EventClass.SANCTION and child.lemma_.lower() in _WITHHELD
                   else set()) \
                | ({"to"} if event_class == EventClass.COERCION and child.lemma_.lower() in LETTING_IN else set())
            # "fired at X", "signed a pact with X", "suspended aid to X", "talks with X", "denied entry to X"
            for prep in (g for g in child.children if g.dep_ == "prep" and g.lower_ in wanted):
                targets.extend(a for pobj in prep.children if pobj.dep_ == "pobj" for a in index.in_phrase(pobj))
        if behaviour.clause_target and child.dep_ in ("advcl", "ccomp", "xcomp") \
                and child.pos_ in ("VERB", "AUX") and not subordinate(child):  # not "before X ended it"
            for subject in (g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")):
                targets.extend(index.in_phrase(subject))  # "calling for Iraq to review"
        if verb.lemma_.lower() == "recall":  # "recalled its ambassador from Belgium": Belgium
            targets.extend(a for p in (child, *child.children) if p.dep_ == "prep" and p.lower_ == "from"
                           for g in p.children if g.dep_ == "pobj" for a in index.in_phrase(g))
        if child.dep_ == "prep" and (child.lower_ in behaviour.target_preps & {"from", "to"} or child.lower_ == "to"
                                     and any(g.dep_ == "dobj" and g.lemma_.lower() in behaviour.nouns
                                             for g in verb.children)):  # "set fire to X", "laid siege to X"
            targets.extend(a for pobj in child.children if pobj.dep_ == "pobj" for a in index.in_phrase(pobj)
                           if a.actor_class != ActorClass.PLACE)
        if child.dep_ in ("dobj", "nsubjpass", "dative", "attr") and child.lower_ not in PRONOUNS:
            # "banned Chinese imports": China; "backed Morocco's plan": Morocco
            targets.extend(_acted_on(child, index, statement=behaviour.kind == "statement" or event_class in (
                EventClass.SANCTION, EventClass.SUPPORT, EventClass.CONCESSION)))
        if event_class == EventClass.ATTACK and child.dep_ in ("dobj", "nsubjpass") and index.at(child) is None:
            for clause in (c for c in child.children if c.dep_ == "relcl"
                           and any(g.lower_ in ("where", "in which") for g in c.children)):
                for subject in (g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")):
                    targets.extend(index.in_phrase(subject))  # "attacked a hotel where elders were meeting"
        if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in RELATIVE_PRONOUNS \
                and verb.dep_ == "relcl":  # "Porras, who was sanctioned by the EU": the one the clause is about
            targets.extend(_acted_on(verb.head, index))
        if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in ("them", "it", "him", "her") \
                or child.dep_ == "nsubjpass" and child.lower_ in ("he", "she", "they"):  # "he was criticized by X"
            person = child.lower_ in ("him", "her", "he", "she")
            shared = [a for c in verb.head.children if c.dep_ == "dobj" for a in index.in_phrase(c)
                      if (a.actor_class == ActorClass.PERSON) == person] if verb.dep_ == "conj" else []
            prior = shared[0] if len(shared) == 1 and child.dep_ == "dobj" \
                else index.previous_subject(child, person=person)
            if prior is not None:  # "removed Omar al-Bashir and jailed him": the object both verbs share
                targets.append(prior)
                targets.extend(index.acted_on_before(child)[1:])  # "suspended RFI and France 24, accusing them"
        elif child.dep_ == "prep" and child.lower_ == "with":  # "retaliate with tariffs on German vehicles"
            measures = [g for g in measures_with(verb, lex) if g.head.i == child.i]
            targets.extend(a for m in measures for p in m.children if p.dep_ == "prep" and p.lower_ in ("on", "against")
                           for g in p.children if g.dep_ == "pobj" for a in _acted_on(g, index, statement=True)
                           if a.actor_class != ActorClass.PLACE)
            if child.lower_ in behaviour.target_preps:
                for pobj in (g for g in child.children if g.dep_ == "pobj" and g not in measures):
                    targets.extend(a for a in _acted_on(pobj, index) if a.actor_class != ActorClass.PLACE)
        elif child.dep_ == "prep" and child.lower_ in behaviour.target_preps - {"from", "to"}:
            # "imposed tariffs on Australian wine"; "opened fire on Palestinians waiting for aid" (a clause)
            objects = [g for g in child.children if g.dep_ == "pobj"] + [
                s for g in child.children if g.dep_ == "pcomp" for s in g.children if s.dep_ == "nsubj"]
            for pobj in objects:
                targets.extend(a for a in _acted_on(pobj, index, statement=event_class == EventClass.SANCTION)
                               if a.actor_class != ActorClass.PLACE or child.lower_ == "at")
    return targets


#: Who acts in a passive without a "by" phrase: the forces a deployment sends ("troops were
#: deployed to the border"), the body or state a person is put out of ("he was expelled from the
#: party", "deported from the United States").
_SENT = frozenset({ActorClass.SECURITY_FORCE, ActorClass.ARMED_GROUP})
_PUTTING_OUT = frozenset({ActorClass.STATE, ActorClass.GOVERNMENT_BODY, ActorClass.LEGISLATURE, ActorClass.ORGANIZATION,
                          ActorClass.ARMED_GROUP, ActorClass.SECURITY_FORCE, ActorClass.INTERNATIONAL_ORGANIZATION})


def passive_doers(verb: Token, event_class: str, index: MentionIndex) -> list[ActorRef]:
    """Who carries out the event a passive verb without a "by" phrase reports, where the class
    and the parse tell (deployments and putting someone out of a body); else nobody."""
    if event_class == EventClass.DEPLOYMENT:
        return [a for c in verb.children if c.dep_ == "nsubjpass" for a in index.in_phrase(c) if a.actor_class in _SENT]
    if event_class == EventClass.COERCION:
        return [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                for g in c.children if g.dep_ == "pobj" for a in index.in_phrase(g) if a.actor_class in _PUTTING_OUT]
    return []


_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})


def pronoun_possessor(token: Token, index: MentionIndex) -> ActorRef | None:
    """Who a possessive pronoun ("its", "their", "his", "her") refers back to, if any."""
    if token.lower_ not in _POSSESSIVE_PRONOUNS:
        return None
    return index.previous_subject(token, person=token.lower_ in ("his", "her"))


def _kind_of_doer(noun: Token, actor: ActorRef, index: MentionIndex) -> bool:
    """An unnamed group an adjective on the deed noun names ("a terrorist attack", "a rebel raid"):
    the kind of deed, which the subject of the verb that does it names plainly."""
    return actor.new and actor.actor_class in (ActorClass.ARMED_GROUP, ActorClass.GROUP) and any(
        c.dep_ in ("amod", "compound") and (m := index.at(c)) is not None and m.actor.key == actor.key
        for c in noun.children)


def noun_roles(noun: Token, index: MentionIndex, lex: Lexicon) -> tuple[list[ActorRef], list[ActorRef]]:
    """Agents and targets of a noun trigger: possessors and compounds ("US airstrikes"), by-, of-, on-phrases."""
    agents: list[ActorRef] = []
    targets: list[ActorRef] = []
    hosts = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _QUANTIFIERS:
        hosts.append(noun.head.head)
    for host in hosts:
        # "Russia's invasion of Ukraine": with a possessor to do the deed, "of" names whom it is done to
        possessed = any(c.dep_ == "poss" for c in host.children)
        for child in host.children:
            mention = index.at(child)
            patient = child.dep_ == "poss" and host.lemma_.lower() in PATIENT_NOUNS
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and mention is not None:
                if mention.actor.actor_class != ActorClass.PLACE:
                    (targets if patient else agents).append(mention.actor)
            elif child.dep_ == "poss" and child.lower_ in _POSSESSIVE_PRONOUNS:
                prior = pronoun_possessor(child, index)
                if prior:
                    (targets if patient else agents).append(prior)
            elif child.dep_ == "prep" and child.lower_ == "by":
                agents.extend(a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g))
            elif child.dep_ == "prep" and child.lower_ in ("between", "among"):  # "agreements between X and Y"
                agents.extend(a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g))
            elif child.dep_ == "prep" and child.lower_ == "of" and host.lemma_.lower() in _OF_AGENT and not possessed:
                for pobj in (g for g in child.children if g.dep_ == "pobj"):  # "brutality of the military"
                    agents.extend(a for a in index.in_phrase(pobj) if a.actor_class != ActorClass.PLACE)
            elif child.dep_ == "prep" and (child.lower_ in TARGET_PREPS | {"of", "to"} or child.lower_ == "for" and any(
                    lex.noun_of(host, c) for c in (EventClass.SUPPORT, EventClass.AID, EventClass.ACCUSATION))):
                # "support for Kyiv", "an arrest warrant for Putin"
                owned = lex.noun_of(host, EventClass.SANCTION) or lex.noun_of(host, EventClass.SUPPORT)  # "tariffs
                # on U.S. exports", "support for Ukraine's bid": whose they are
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    targets.extend(a for a in _acted_on(pobj, index, statement=owned)
                                   if a.actor_class != ActorClass.PLACE)
            elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
                by_agents = [a for g in child.children if g.dep_ == "agent"
                             for p in g.children if p.dep_ == "pobj" for a in index.in_phrase(p)]
                if by_agents and child.tag_ == "VBN":
                    agents.extend(by_agents)  # "a meeting requested by the United States, ..."
                elif child.dep_ == "relcl" and brings_about(child, host, lex):
                    agents.extend(verb_agents(child, index))  # "the sanctions Washington has imposed on Moscow"
                    targets.extend(a for c in child.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
                                   for g in c.children if g.dep_ == "pobj"
                                   for a in _acted_on(g, index, statement=True) if a.actor_class != ActorClass.PLACE)
                elif child.lemma_.lower() not in _SAVING_VERBS:  # "an operation to rescue the hostages": saved
                    targets.extend(verb_targets(child, index, event_class=EventClass.ATTACK, lex=lex))
    carrier = noun  # "carried out dozens of airstrikes", "pledged $500 million in aid": the verb takes the amount
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in") and (
            noun.head.head.lower_ in _QUANTIFIERS or noun.head.head.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY")):
        carrier = noun.head.head
    governing = carrier.head
    if carrier.dep_ in ("dobj", "attr") and brings_about(governing, noun, lex):
        if not agents:
            agents = verb_agents(governing, index)
        elif all(_kind_of_doer(noun, a, index) for a in agents):  # "Ukraine had carried out a terrorist attack":
            agents = verb_agents(governing, index) or agents  # Ukraine, not "terrorists"
        given = lex.noun_of(noun, EventClass.AID)  # "sent aid to Y"
        measure = lex.noun_of(noun, EventClass.SANCTION)  # "on American soybeans"
        if not targets:  # "carried out airstrikes against Y": the preposition hangs on the light verb
            targets = [a for c in governing.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS | (
                           {"to", "for"} if given else set())
                       for g in c.children if g.dep_ == "pobj"
                       for a in (_acted_on(g, index, statement=True) if measure else index.in_phrase(g))
                       if a.actor_class != ActorClass.PLACE]
    if noun.dep_ == "nsubj" and is_clash(noun) and not agents:  # "clashes erupted between X and Y"
        agents = clash_sides(governing, index)
    if carrier.dep_ == "dobj" and brings_about(governing, noun, lex) and governing.dep_ in ("xcomp", "advcl") \
            and governing.head.lemma_.lower() == "summon":  # "summoned the Afghan envoy to lodge a protest"
        agents = agents or verb_agents(governing.head, index)
        targets = targets or [a for c in governing.head.children if c.dep_ == "dobj" for a in index.in_phrase(c)]
    if noun.dep_ == "nsubjpass" and brings_about(governing, noun, lex) and not agents:
        agents = [a for g in governing.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                  for a in index.in_phrase(p)]  # "the attack was carried out by al-Shabab"
    if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lemma_.lower() in HIT_WITH:
        verb = noun.head.head  # "hit Mexico with a levy": who hit, whom
        agents = agents or verb_agents(verb, index)
        targets = targets or [a for a in verb_targets(verb, index, event_class=EventClass.SANCTION, lex=lex)
                              if a.actor_class != ActorClass.PLACE]  # "Mexico, which he hit with a levy" too
    if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during") and noun.head.head.lemma_.lower() in _HARM_VERBS:
        harmed = noun.head.head
        victims = [a for c in harmed.children if c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and harmed.lemma_ == "die"
                   for a in _acted_on(c, index)]
        if is_clash(noun):  # "killed in a gun battle with police": one side of the battle
            agents.extend(victims)
        elif not targets:
            targets = victims
    if noun.dep_ in ("nsubj", "nsubjpass") and not targets:
        targets = verb_targets(governing, index, event_class=EventClass.ATTACK, lex=lex) if governing.lemma_.lower() in (
            "target", "hit", "kill", "strike") else []
    if not agents:  # "X claimed responsibility for the attack", "the attack was claimed by X"
        agents = responsible(noun, index)
    return agents, targets


#: Verbs with which a group owns a deed ("claimed responsibility for", "claimed the attack")
_OWNING = frozenset({"claim", "accept", "admit", "take", "assume"})


def responsible(noun: Token, index: MentionIndex) -> list[ActorRef]:
    """Who claims the deed ``noun`` names: the subject of "claimed (responsibility for) it" or the
    "by" phrase of "it was claimed by X" (the group that owns an attack did it, as the article tells it)."""
    verb = None
    if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() == "responsibility":
        verb = noun.head.head.head if noun.head.head.dep_ == "dobj" else None
    elif noun.dep_ == "pobj" and noun.head.lower_ == "for" and any(  # "claimed responsibility on Sunday for"
            c.dep_ == "dobj" and c.lemma_.lower() == "responsibility" for c in noun.head.head.children):
        verb = noun.head.head
    elif noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_.lower() == "claim":
        verb = noun.head
    if verb is None or verb.lemma_.lower() not in _OWNING or any(c.dep_ == "neg" for c in verb.children):
        return []
    if noun.dep_ == "nsubjpass":
        return [a for g in verb.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                for a in index.in_phrase(p)]
    return [a for c in verb.children if c.dep_ == "nsubj" for a in index.named_or_meant(c)]


def evaluative(verb: Token) -> bool:
    """"warn that X is dangerous": the complement is a copula with an adjective."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if clause.lemma_ == "be" and any(c.dep_ == "acomp" for c in clause.children):
            return True
    return False


def embedded_agents(token: Token, index: MentionIndex, lex: Lexicon, triggers: set[int]) -> list[ActorRef]:
    """Who did the act a statement is about: "condemning the US attacks" -> the US."""
    if token.pos_ not in ("VERB", "AUX"):
        return []
    found: list[ActorRef] = []
    for node in token.subtree:
        if node.i == token.i or node.i not in triggers or node.pos_ not in ("NOUN", "PROPN"):
            continue
        if node.lemma_.lower() not in lex.noun_index or EventClass.ATTACK not in lex.noun_index[node.lemma_.lower()]:
            continue
        found.extend(a for a in noun_roles(node, index, lex)[0] if a.actor_class != ActorClass.PLACE)
        if not found:
            found.append(ActorRef(None, "?", "?anaphor"))  # resolved to the last attack's agents
    return found


#: verbs of keeping someone from harm: their object is whom a deed is done for, not done to
_SAVING_VERBS = frozenset({"rescue", "free", "release", "evacuate", "protect", "save", "shield", "defend", "escort",
                          "guard", "help", "assist", "support", "liberate"})


#: What is asked to be given back: the one asked is who holds it, not the one held.
_GIVEN_BACK = frozenset({"release", "freedom", "return", "handover", "repatriation", "extradition"})


#: verbs of letting someone go
_FREEING = frozenset({"release", "free", "unban", "pardon"})


def held_by_whom(trigger: Token, index: MentionIndex) -> tuple[list[ActorRef], bool]:
    """For a demand of a release ("called for Zamora's release", "demanded the release of
    political prisoners"): the actors held, and whether the demand is one of release at all."""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += [g for c in trigger.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children
                if g.dep_ == "pobj"]
    if trigger.i + 1 < len(trigger.doc) and trigger.doc[trigger.i + 1].lower_ == "for":  # "calls for" tagged apart
        objects += [g for g in trigger.doc[trigger.i + 1].children if g.dep_ == "pobj"]
    held: list[ActorRef] = []
    found = False
    for noun in objects:
        if noun.lemma_.lower() not in _GIVEN_BACK:
            continue
        found = True
        held.extend(m.actor for m, _head in index.in_subtree(noun)  # "the release of prisoners, ... and what
                    if m.actor.actor_class in ("Person", "Group"))      # it called resistance workers held in ..."
        for child in noun.children:
            if child.dep_ == "poss":
                mention = index.at(child)
                holder = mention.actor if mention is not None else pronoun_possessor(child, index)
                if holder is not None:
                    held.append(holder)
            if child.dep_ == "prep" and child.lower_ == "of":
                held.extend(a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g))
    for clause in (c for c in trigger.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.pos_ == "VERB"
                   and c.lemma_.lower() in _FREEING):  # "called on authorities to release him"
        found = True
        held.extend(a for g in clause.children if g.dep_ == "dobj" for a in index.named_or_meant(g))
    return held, found


#: verbs of putting something to someone, which a refusal with no object turns down
_PROPOSING = frozenset({"propose", "offer", "suggest", "ask", "request", "demand", "urge", "invite", "call", "press"})


#: nouns that sum up the deed told in the clause before them ("..., a move Hezbollah has rejected")
_MOVES = frozenset({"move", "decision", "step", "measure", "action", "plan", "policy"})


def movers(verb: Token, index: MentionIndex) -> list[ActorRef]:
    """Who made the move a relative clause judges: "Lebanon's government ordered the army to
    disarm the group, a move Hezbollah has rejected" is a rejection of the government, the
    subject of the clause the move sums up (wherever the parser hung "a move")."""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lemma_.lower() not in _MOVES or noun.i == 0 \
            or verb.doc[noun.left_edge.i - 1].text != ",":
        return []
    root = verb.sent.root
    return [a for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < noun.i
            for a in index.in_phrase(c)]


def proposers(refusal: Token, index: MentionIndex) -> list[ActorRef]:
    """Whom a refusal with no object turns down: the subject of the last verb of proposing before
    it, in its sentence or the one before ("the Chinese side proposed a minimum price, but the
    European side refused"; "Russia offered a ceasefire. Ukraine refused.")."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep") for c in refusal.children):
        return []
    sent = refusal.sent
    start = sent.start
    if start > 0:
        start = refusal.doc[start - 1].sent.start
    for verb in reversed(refusal.doc[start:refusal.i]):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in _PROPOSING:
            own = {a.key for c in refusal.children if c.dep_ == "nsubj" for a in index.named_or_meant(c)}
            return [a for c in verb.children if c.dep_ == "nsubj" for a in index.named_or_meant(c)
                    if a.key not in own and a.actor_class != ActorClass.PLACE]
    return []
