"""Events: trigger candidates classified by a learned model, roles by a learned model over
parse features and rule decisions, dates and places by rule, mentions merged per event.

For each trigger candidate (:mod:`.triggers`) the trigger model says whether it reports an
event and of which class; for each event, every actor named in its sentence (and the speaker
who reports it, and pronouns resolved to their antecedents) is a role candidate that the role
model scores as agent, target or neither. What someone is only reported to have said happened
is seen through its speech frame (:mod:`.speech`): the models learned from the annotated corpus
that "the minister said the rebels had massacred villagers" is the minister's Accusation.
``kgbuild train`` (:mod:`kgbuild.learn`) fits both models from gold annotations; the same
features (:mod:`.features`) are computed here and there.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from ..vocabulary import ActorClass, EventClass
from .anaphora import relative_of_no_one
from .clashes import clash_allies_and_aims, is_clash
from .deeds import (DOMESTIC_ACTS, arms_supplied, bodies_left, forces_withdrawn, grammatical_event, ground_taken,
                    in_condition, mutual, offer_makers, physical_trigger, pledged, struck_somewhere,
                    weapons_shown)
from .demands import asked_of_whom, asked_to_act, asks_nothing
from .event_dates import date_detentions_by_start, date_entities, event_date
from .evaluations import blame_laid, judged_actors, refused_makers, spoken_blame, voiced_concerns, warnings_of_blame
from .features import RoleCandidate, TokenContext, role_features, trigger_features
from .implied import (conditional_threats, consequences_foretold, deployments, describes_a_kind, empty_vow,
                      frame_date, future_or_conditional, modal_demands, vowed_harm, warned_someone,
                      warning_only)
from .items import ActorRef, EventItem
from .lexicon import Lexicon
from .linear import ModelBundle
from .mentions import MentionIndex, unique_actors
from .merge import date_statements_by_news_day, merge_events
from .objections import aimed_at_the_doers, protested
from .party_scope import one_side_each, parties_in_scope
from .places import event_place, only_where, spoken_place
from .quotes import is_quotation_mark
from .rebuttals import answer_accusations, in_denied_deed
from .reported import reported_deed, said_of_another
from .role_candidates import Told, referents, referred_victims, role_candidates
from .roles import HIT_WITH, LIGHT_VERBS, embedded_agents
from .rule_roles import RuleRoles
from .speech import (TALKING_VERBS, SpeechFrame, SpeechFrames, described_names, met_with_a_thing, speaker_sides,
                     talked_with, visited_no_one)
from .statements import agreement_reached, document_issuers, issued_statement, only_put_out, talk_held, turned_down
from .triggers import (HEDGE_NOUNS, Candidate, breach_described, brings_about, embedding_trigger, find_candidates,
                       governing_verb, is_hedged, prisoners_swapped, reason_judged)
from .verdicts import asks_something, called_false

__all__ = ["extract_events", "TriggerCase", "choose_roles"]

#: Without any agent above the model's threshold, the best candidate still is one above this
#: fraction of it.
AGENT_FALLBACK = 0.5


@dataclass
class TriggerCase:
    """One trigger candidate with its features, and its role candidates' features for a class
    (what ``kgbuild train`` labels from gold annotations)."""

    candidate: Candidate
    features: list[str]
    roles: Callable[[str], list[tuple[RoleCandidate, list[str]]]]
    physical: bool = False  # the grammar, not the trigger models, decides whether it is an event


#: what a verb asks for or threatens is not done: a verdict there is not given
_ASKING = frozenset({EventClass.DEMAND, EventClass.THREAT})
#: verbs of alleging: what they report is the allegation (an accusation), not an event told as such
_ALLEGING = frozenset({"allege", "claim"})
#: verbs whose "of" phrase is what someone is charged with ("accused X of supporting Y")
_ACCUSING = frozenset({"accuse", "charge", "suspect", "convict", "acquit"})


def _charged_with(token: Token) -> bool:
    """Whether ``token`` is what someone is charged with: "accused X of supporting Y", also where
    the parser hangs the "of" phrase on the one accused ("accused Western governments of supporting")."""
    node = token.head if token.dep_ in ("dobj", "attr") else token  # also its object ("of dragging out talks";
    if node.dep_ != "pcomp" or node.head.lower_ != "of":  # not "of violating X by signing a deal": how, told)
        return False
    owner = node.head.head
    return owner.lemma_.lower() in _ACCUSING or owner.dep_ == "dobj" and owner.head.lemma_.lower() in _ACCUSING


def _subjects_before(token: Token, pool: list[RoleCandidate]) -> set[str]:
    """The actors named as a subject before ``token`` in its sentence (wherever the parser hung
    them: "said Iran is 'flagrantly' defying the Council")."""
    start = token.sent.start
    return {c.actor.key for c in pool if c.token.dep_ in ("nsubj", "nsubjpass") and start <= c.token.i < token.i}


def _argument_classes(token: Token, index: MentionIndex) -> tuple[str | None, str | None]:
    subject = obj = None
    for child in token.children:
        actors = index.in_phrase(child) if child.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "compound") else []
        if not actors:
            continue
        if child.dep_ in ("nsubj", "poss", "compound") and subject is None:
            subject = actors[0].actor_class
        elif child.dep_ in ("dobj", "nsubjpass") and obj is None:
            obj = actors[0].actor_class
    return subject, obj


def choose_roles(scored: dict[str, tuple[ActorRef, float, float]], *, symmetric: bool, agent: float,
                 target: float) -> tuple[list[ActorRef], list[ActorRef]]:
    """Agents and targets from each candidate actor's (actor, P(agent), P(target)), with the
    model's thresholds ``agent`` and ``target``."""
    agents = [a for a, pa, pt in scored.values() if pa >= agent and pa >= pt]
    targets = [a for a, pa, pt in scored.values() if pt >= target and pt > pa]
    if not agents and scored:  # the likeliest agent, when the model still leans to it
        actor, pa, pt = max(scored.values(), key=lambda v: v[1])
        if pa >= AGENT_FALLBACK * agent and pa >= pt:
            agents = [actor]
            targets = [t for t in targets if t.key != actor.key]
    if not targets and scored:
        chosen = {a.key for a in agents}
        rest = [v for v in scored.values() if v[0].key not in chosen]
        if rest:
            actor, pa, pt = max(rest, key=lambda v: v[2])
            if pt >= AGENT_FALLBACK * target and pt > pa:
                targets = [actor]
    if symmetric:
        both = unique_actors([*agents, *targets])
        return (both, both) if len(both) > 1 else (both, [])
    return agents, targets


def _between_parties(token: Token) -> bool:
    """An agreement is made with someone: not a law signed ("signed the legislation"), nor
    "agree" saying what someone thinks ("'the danger is not passed yet,' agreed X", "they agree
    that ...", "agree with the removal")."""
    if token.pos_ not in ("VERB", "AUX"):
        return True
    lemma = token.lemma_.lower()
    if lemma == "sign" and any(c.dep_ == "dobj" and c.lemma_.lower() in DOMESTIC_ACTS for c in token.children):
        return False
    if lemma == "conclude" and any(c.dep_ == "ccomp" and any(g.dep_ == "mark" for g in c.children)
                                   for c in token.children):
        return False  # "investigators concluded that ...": a finding (not "concluded a ceasefire deal")
    if lemma == "agree":
        if any(c.dep_ in ("ccomp", "parataxis") for c in token.children) or token.dep_ in ("parataxis", "ccomp") \
                and any(is_quotation_mark(t) for t in token.sent):  # (not "the two countries' ministries")
            return False
    return True


def _carried_by_noun(token: Token, trigger_ids: set[int], lex: Lexicon) -> bool:
    """"The offensive continued", "the talks resumed": the subject noun is the event; the verb
    only says how it goes on. Likewise a light verb's object ("imposed a tariff", "held talks",
    "ordered the arrest"): the noun is the event, the verb only says who brings it about."""
    if token.pos_ in ("VERB", "AUX") and any(
            c.dep_ == "dobj" and c.i in trigger_ids and c.pos_ == "NOUN" and brings_about(token, c, lex)
            and not _both_an_exchange(token, c, lex) for c in token.children):
        return True
    if token.lemma_.lower() in HIT_WITH and any(  # "hit Mexico with a levy": the levy is the event
            g.i in trigger_ids and g.pos_ == "NOUN" for c in token.children if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children if g.dep_ == "pobj"):
        return True
    if token.dep_ == "compound" and token.head.i in trigger_ids and token.head.pos_ == "NOUN":
        return True  # "the ceasefire agreement", "ceasefire talks": the head noun names the event
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "as" and token.head.head.i in trigger_ids:
        return True  # "condemned the strikes as a violation of the ceasefire": the verdict of the verb's event
    if token.pos_ == "VERB" and token.dep_ == "relcl" and token.head.i in trigger_ids and token.head.pos_ == "NOUN" \
            and brings_about(token, token.head, lex):
        return True  # "the sanctions Washington has imposed on Moscow": the sanctions are the event
    return token.pos_ in ("VERB", "AUX") and not set(lex.verb_index.get(token.lemma_.lower(), ())) and any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i in trigger_ids for c in token.children)


def _grammar_first(found: list[EventItem], read: list[EventItem]) -> list[EventItem]:
    """``found`` without the events on a word the grammar has ``read`` itself, then those."""
    words = {e.triggers[0] for e in read}
    return [e for e in found if e.triggers[0] not in words] + read


_OFFICIAL = frozenset({ActorClass.STATE, ActorClass.GOVERNMENT_BODY, ActorClass.LEGISLATURE})


#: What makes an event noun a new one ("a second summit", "another strike", "a fresh round of talks")
_ANOTHER = frozenset({"second", "third", "fourth", "fifth", "another", "new", "fresh", "further", "renewed"})


def _lodged_by_a_state(verb: Token, index: MentionIndex) -> bool:
    """A protest a state or its government lodges against something ("the Philippines protested
    China's use of water cannon", "Beijing protested the visit", "summoned the envoy to lodge a
    strong protest"): a diplomatic protest, which accuses, not a demonstration."""
    holder = verb
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj" and verb.head.lemma_.lower() in LIGHT_VERBS:
        holder = verb.head  # "lodged a strong protest", "summoned the envoy to lodge a protest"
        if holder.dep_ in ("xcomp", "advcl") and not any(c.dep_ == "nsubj" for c in holder.children):
            holder = holder.head
    elif verb.pos_ != "VERB" or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    subjects = [a for c in holder.children if c.dep_ == "nsubj" for a in index.named_or_meant(c)]
    return bool(subjects) and all(a.actor_class in _OFFICIAL for a in subjects)


def _both_an_exchange(verb: Token, noun: Token, lex: Lexicon) -> bool:
    """The verb and its object report the same exchange between parties ("signed a deal",
    "signed an agreement"): the verb is a trigger in its own right, not only the noun's bringer."""
    shared = set(lex.verb_index.get(verb.lemma_.lower(), ())) & set(lex.noun_index.get(noun.lemma_.lower(), ()))
    return any(lex.classes[c].symmetric for c in shared)


def _mode(trigger: Token, lex: Lexicon) -> str | None:
    """The attack's mode: the trigger's own word first ("a gun battle" is a clash), then its phrase."""
    if is_clash(trigger) and trigger.pos_ == "VERB":
        return "armed-clash"  # "exchanged fire": not the small arms its object names
    own = {trigger.lemma_.lower(), trigger.lower_}
    words = own | {t.lemma_.lower() for t in trigger.subtree} | {t.lower_ for t in trigger.children}
    words.add(trigger.head.lemma_.lower())
    order = ("assassination", "drone", "airstrike", "shelling", "bombing", "small-arms", "armed-clash")
    if "suicide" in words:
        return "bombing"  # "a suicide bomber": not a bomber aircraft
    for candidates in (own, words):
        for mode in order:
            if candidates & lex.attack_modes[mode]:
                return mode
    return None


def extract_events(doc: Doc, index: MentionIndex, lex: Lexicon, *, models: ModelBundle, published: date | None,
                   body: list[tuple[int, int]], collect: list[TriggerCase] | None = None) -> list[EventItem]:
    """Every event of the article, merged. With ``collect``, every trigger candidate is also
    appended to it as a :class:`TriggerCase` (for training)."""
    frames = SpeechFrames(doc, index)
    candidates = find_candidates(doc, index, lex, body=body)
    salience = Counter(m.actor.key for m in index.mentions)
    context = TokenContext(doc)
    weak_only = {m.actor.key for m in index.mentions if m.weak} - {m.actor.key for m in index.mentions if not m.weak}
    trigger_ids = {c.token.i for c in candidates}
    described = described_names(doc) if candidates else frozenset()
    date_ents = date_entities(doc) if candidates else []
    found: list[EventItem] = []
    history: list[Told] = []
    rule_roles = RuleRoles(index, lex, frames)
    for candidate in candidates:
        token = candidate.token
        frame = frames.of(token)
        if candidate.classes:
            told_agents, told_targets = rule_roles(token, candidate.classes[0], candidate.end)
            history.append(Told(frozenset(candidate.classes), told_agents, token.lemma_.lower(), token.sent.start,
                                tuple(told_targets)))
        judged = candidate.stance  # "called the ruling 'arbitrary'": the grammar decides
        if judged is not None and (is_hedged(token, lex) or embedding_trigger(token, lex, trigger_ids) in _ASKING):
            continue  # "urged the world to designate the RSF a terrorist group": asked for, not given
        physical = physical_trigger(candidate, lex) and judged is None
        features: list[str] = []
        if collect is not None or not physical:  # physical events need no trigger features
            subject_class, object_class = _argument_classes(token, index)
            features = trigger_features(candidate, lex, frame=frame, quoted=frames.quoted(token),
                                        trigger_ids=trigger_ids, subject_class=subject_class,
                                        object_class=object_class)
        speakers = {s.key for s in frame.speakers} if frame else set()

        # the role candidates, only for the triggers that need them (the history as it is now)
        def pool_of(token: Token = token, frame: SpeechFrame | None = frame,
                    earlier: int = len(history) - (1 if candidate.classes else 0),
                    memo: list[list[RoleCandidate]] = []) -> list[RoleCandidate]:  # noqa: B006 - one per trigger
            if not memo:
                memo.append(role_candidates(token, index, frame, referents=referents(token, lex, history[:earlier], index),
                                            described=described))
            return memo[0]

        def roles(event_class: str, token: Token = token, candidate: Candidate = candidate,
                  pool_of: Callable[[], list[RoleCandidate]] = pool_of, speakers: set[str] = speakers,
                  frame: SpeechFrame | None = frame, *,
                  with_context: bool = True) -> list[tuple[RoleCandidate, list[str]]]:
            """Each role candidate's features; without the context vector's (the same for a
            mention whatever the trigger: :meth:`TokenContext.partial_sums`) if not ``with_context``."""
            agents, targets = rule_roles(token, event_class, candidate.end)
            rule_agents, rule_targets = {a.key for a in agents}, {t.key for t in targets}
            return [(c, role_features(event_class, token, c, rule_agents=rule_agents, rule_targets=rule_targets,
                                      speakers=speakers, frame_kind=frame.kind if frame else None,
                                      mentions=salience[c.actor.key], context=context if with_context else None))
                    for c in pool_of()]

        if collect is not None:
            collect.append(TriggerCase(candidate, features, roles, physical or judged is not None))
        if reason_judged(token, trigger_ids):
            continue  # "criticized Hungary for blocking aid": the criticism is the event
        # "Germany sent Leopard tanks to Ukraine": military aid; "recaptured the town from the
        # rebels": an attack on them; deeds the grammar reads, with the parse's agents only
        deed = None if judged is not None else EventClass.AID if arms_supplied(token, index) else \
            EventClass.ATTACK if ground_taken(token, index) else \
            EventClass.AGREEMENT if offer_makers(token, index) else \
            EventClass.RETREAT if bodies_left(token, index) or forces_withdrawn(token, index) else \
            EventClass.DEPLOYMENT if weapons_shown(token) else None  # "fired two missiles into the sea"
        # "accepted the Egyptian proposal", "left ECOWAS", "Russian troops withdrew from Kherson"
        if deed is not None and not (deed == EventClass.AID and pledged(token)) and (
                is_hedged(token, lex) or in_condition(token) or token.pos_ == "VERB"
                and embedding_trigger(token, lex, trigger_ids)):
            deed = None  # "accused China of supplying Russia with weapons": alleged, not told
        if judged is not None:
            label = judged
        elif deed is not None:
            label = deed
        elif physical:  # physical events: the grammar decides, the rules give the roles
            label = grammatical_event(candidate, lex, index, frame, trigger_ids, rule_roles)
        else:
            lexicon_classes = set(candidate.classes)
            label = models.event_class(features, lexicon=candidate.classes) or issued_statement(candidate, lex, index) \
                or talk_held(token, index, lex) or agreement_reached(token, index, lex) \
                or (EventClass.DEMAND if EventClass.DEMAND in lexicon_classes
                    and asked_to_act(token, index) else None) \
                or (EventClass.THREAT if EventClass.THREAT in lexicon_classes
                    and (warned_someone(token, index) or vowed_harm(token, lex, index)) else None)
            if label in (EventClass.ACCUSATION, EventClass.SUPPORT) and token.lemma_.lower() in lex.evaluating_verbs \
                    and not any(is_quotation_mark(t) for t in token.subtree):
                label = None  # "called Chancellor Scholz", "described the situation": no verdict given
            if label == EventClass.DEMAND and token.pos_ == "VERB" and token.lemma_.lower() in lex.evaluating_verbs \
                    and not asks_something(token):
                label = None  # "called the center 'the perfect place'", "what he called a meeting": naming
            if label is not None and token.dep_ == "acl" and token.head.lemma_.lower() in HEDGE_NOUNS \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                label = None  # "ignored an invitation to meet the ministry", "a plan to talk": not done
            if label is not None and not lex.classes[label].symmetric and is_hedged(token, lex):
                label = None  # "is looking to Trump to veto", "may reject": not done
            if label == EventClass.ACCUSATION and breach_described(token):
                label = None  # "struck Lebanon, in the latest violation of a ceasefire": how the deed is told
            if label == EventClass.DEMAND and asks_nothing(token, index):
                label = None  # "insists it is committed to peace", "a wake-up call": no one asked
            if label == EventClass.THREAT and (warning_only(token, index) or empty_vow(token, lex)):
                label = None  # "warned that the situation could spin out of control", "vowed to make the
                # region climate neutral": no one threatened
            if label is not None and lex.classes[label].kind == "physical":  # a verbal trigger is no physical
                # event ("sent", "held"): the lexicon's class, if it has one ("suspended the BBC": a sanction)
                label = next((c for c in candidate.classes if lex.classes[c].kind != "physical"), None)
            if label is not None and frame is not None and frame.verb is not None \
                    and frame.verb.lemma_.lower() in _ALLEGING:
                label = None  # "alleged that the government had blocked lawyers": the allegation, not a refusal
            if label is not None and token.dep_ == "acl" and token.tag_ in ("VBN", "VBG") \
                    and token.head.i not in trigger_ids and index.at(token.head) is None \
                    and not any(c.dep_ == "agent" for c in token.children) and not document_issuers(token, index):
                label = None  # "the prices asked in North America", "anyone suspected of": a description
                # (not "the funds requested by Ukraine": someone asked)
            if label is not None and _charged_with(token):
                label = None  # "accused YChina of supporting propaganda": the charge, not a deed told
            if label is not None and only_put_out(token, trigger_ids):
                label = None  # "issued a statement on Sunday": what it says is the event
            if label == EventClass.CONSULTATION and (met_with_a_thing(token, index) or visited_no_one(token, index)):
                label = None  # "the plea was met with brutality", "visited the affected areas": no talk
            if label is not None and token.pos_ == "VERB" and token.lemma_.lower() in TALKING_VERBS:
                # "spoke with Putin" is a talk; "spoke about North Korea" no event of its own
                label = EventClass.CONSULTATION if talked_with(token, index) else None
            if label is not None and lex.classes[label].symmetric and (
                    token.dep_ == "pobj" and token.head.lower_ == "for"
                    or any(c.dep_ == "aux" and c.lower_ == "to"
                           for n in (token, *token.ancestors) for c in n.children)) \
                    and embedding_trigger(token, lex, trigger_ids) in _ASKING \
                    or label is not None and token.pos_ == "VERB" and token.dep_ in ("xcomp", "ccomp") \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) \
                    and embedding_trigger(token, lex, trigger_ids) in _ASKING:
                label = None  # "a resolution calling for a ceasefire": asked for, not agreed; "urged lawmakers
                # to reject it": no rejection yet
            if label is not None and lex.classes[label].symmetric and future_or_conditional(
                    token if token.pos_ == "VERB" else governing_verb(token) or token):
                label = None  # "Egypt will host a conference on Sudan": talks to come are not held
            if label == EventClass.AGREEMENT and not _between_parties(token) \
                    or label is not None and in_condition(token) \
                    or label is not None and lex.classes[label].symmetric and turned_down(token):  # "rejected
                # a ceasefire with Hamas": no agreement; "unless the US lifted sanctions": nothing done
                label = None
        if label is None or _carried_by_noun(token, trigger_ids, lex) or relative_of_no_one(token, index) \
                or describes_a_kind(token):  # "bloggers who praise China": what such people do
            continue  # (the last: "a politician who criticized the president": no one named did it)
        event_class = EventClass(label)
        if event_class == EventClass.PROTEST and _lodged_by_a_state(token, index):
            event_class = EventClass.ACCUSATION  # "the Philippines protested China's use of water cannon"
        behaviour = lex.classes[event_class]
        scored: dict[str, tuple[ActorRef, float, float]] = {}
        for cand, role_feats in roles(event_class, with_context=False):
            probs = models.role.scores(role_feats, partial=None if cand.how == "context"
                                       else context.partial_sums(cand.token, models.role))
            old = scored.get(cand.actor.key)
            pa, pt = probs.get("agent", 0.0), probs.get("target", 0.0)
            if old is not None:
                pa, pt = max(pa, old[1]), max(pt, old[2])
            scored[cand.actor.key] = (cand.actor, pa, pt)
        rule_agents, rule_targets = rule_roles(token, event_class, candidate.end)
        if judged is not None or event_class == EventClass.REJECTION:  # the one judged (wherever the parser
            # hung the object), whose demand is refused ("rejected calls from Washington")
            speaking = {a.key for a in rule_agents}
            judged_ones = judged_actors(token, lex, index) if judged is not None else []
            rule_targets = unique_actors([*rule_targets, *(a for a in (*judged_ones, *refused_makers(token, index))
                                                           if a.key not in speaking)])
        if event_class in (EventClass.ACCUSATION, EventClass.REJECTION):  # "condemned the attack": its doers
            speaking = {a.key for a in rule_agents}
            rule_targets = unique_actors([*rule_targets, *(c.actor for c in pool_of() if c.how == "referent"
                                                           and c.actor.key not in speaking)])
            suffered = {a.key for a in referred_victims(token, lex, history[:len(history) - bool(candidate.classes)])}
            scored = {k: v for k, v in scored.items() if k not in suffered - {t.key for t in rule_targets}}
        if not behaviour.symmetric:
            # what the parse decides, the model may not turn round (the object is no agent, the
            # subject no target) and only adds to: the model reads each mention's context, and
            # where the training news seldom shows a construction it would outvote the parse
            ra, rt = {a.key for a in rule_agents}, {t.key for t in rule_targets}
            scored = {k: (a, 0.0 if k in rt and k not in ra else pa, 0.0 if k in ra and k not in rt else pt)
                      for k, (a, pa, pt) in scored.items()}
        agents, targets = choose_roles(scored, symmetric=behaviour.symmetric,
                                       agent=models.thresholds.get("agent", 0.5),
                                       target=models.thresholds.get("target", 0.5))
        if behaviour.symmetric and not (rule_agents or rule_targets) and token.dep_ == "pobj" \
                and token.head.lower_ in ("over", "about"):
            continue  # "lodged a protest with Tokyo over the visit": whose visit, the sentence does not say
        if behaviour.symmetric:  # "met with Kim at the Singapore summit": whom the parse makes parties take part
            parties = [a for a in (*rule_agents, *rule_targets)  # not a generic group ("leaders met")
                       if a.actor_class != ActorClass.PLACE and a.key not in weak_only]
            both = unique_actors([*agents, *targets, *parties])
            two_sides = len({index.sides.get(a.key, a.key) for a in both}) > 1  # not Kenya and its government
            agents, targets = (both, both) if two_sides else (both, [])
        if weak_only:  # a generic group ("experts", "countries") takes part only where the parse puts it
            ruled = {a.key for a in (*rule_agents, *rule_targets)}
            agents = [a for a in agents if a.key in ruled or a.key not in weak_only]
            targets = [t for t in targets if t.key in ruled or t.key not in weak_only]
        if not behaviour.symmetric and not rule_agents and behaviour.kind != "physical" and frame is not None \
                and {a.key for a in frame.speakers} & {a.key for a in agents}:
            # the speaker of the frame acts in it ("the ministry said the operation targeted the TTP and
            # accused Kabul"): with those on its side, not others the model adds
            # (a subject the parser hung elsewhere stays: "said Iran is 'flagrantly' defying the Council")
            sides, subjects = speaker_sides(frame, index), _subjects_before(token, pool_of())
            agents = [a for a in agents if a in frame.speakers or index.sides_of(a) & sides or a.key in subjects]
        if not behaviour.symmetric and rule_agents:  # a speaker the parse names speaks alone, or with
            # those on its side (of its state; an armed group or a body of no state is on none)
            named = {c.actor.key for c in pool_of() if c.how != "context"}
            person = any(a.actor_class == ActorClass.PERSON for a in rule_agents)
            # a person of no side the KB knows speaks for the sides named in the subject ("Kim Yo Jong, the
            # sister of North Korean leader Kim Jong Un, warned": North Korea's)
            clause = token.head if token.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in token.children) \
                else token  # "Mao Ning accused Washington ... and warned outside countries": Mao's subject
            own = {side for a in rule_agents for side in index.sides_of(a)} or {
                side for c in clause.children if c.dep_ == "nsubj" and token.pos_ == "VERB"
                for m, _ in index.in_subtree(c) for side in index.sides_of(m.actor)}
            other = token.pos_ == "VERB" and bool(own)  # "Aoun urged the U.S. to pressure Israel": not Israel's
            agents = [a for a in agents if a.key in named and not (other and index.sides_of(a) - own)
                      or not (person and a.actor_class == ActorClass.PERSON
                              or not person and not own
                              or own and index.sides_of(a) - own
                              or own and not index.sides_of(a))]
        if not behaviour.symmetric:
            agents = unique_actors([*rule_agents, *agents])
            chosen = {a.key for a in agents}
            targets = [t for t in unique_actors([*(t for t in rule_targets if t.actor_class != ActorClass.PLACE),
                                                 *targets]) if t.key not in chosen]
        by_phrase = token.pos_ == "VERB" and any(c.dep_ == "agent" for c in token.children)  # "was criticized by X"
        according = frame is not None and frame.kind == "according"
        owned = token.dep_ == "acl" and any(c.dep_ == "poss" for c in token.head.children)  # "X's decision to block"
        owned = owned or bool(document_issuers(token, index))  # "welcomed the U.N. resolution calling for": the UN
        if rule_agents and (behaviour.kind == "physical" or by_phrase or according or deed is not None or owned
                            or said_of_another(token, frame, rule_agents, index)):
            # who acts, where the parse says it plainly (its subject, "by" phrase, possessor), and
            # no one else (the model, reading the mentions' context, adds the side acted on); the
            # source of "according to X" is not who acted
            agents = unique_actors(rule_agents)
            if behaviour.symmetric:  # an exchange: every party on both sides
                agents = targets = unique_actors([*agents, *targets])
            else:
                targets = [t for t in targets if t.key not in {a.key for a in agents}]
        elif behaviour.kind == "physical" and label is not None and deed is None:
            agents = []  # "a car bomb killed 12 soldiers": no one named does it (a later mention may tell)
        if according or behaviour.kind == "physical" and frame is not None and frame.kind == "say":
            # "according to the Observatory, Turkish drones struck X", "..., the Observatory reported":
            # the source is no party, unless the parse makes it one ("said its forces came under attack")
            sources = {a.key for a in frame.speakers} - {a.key for a in (*rule_agents, *rule_targets)}
            agents, targets = ([a for a in side if a.key not in sources] for side in (agents, targets))
        if behaviour.kind == "physical" and rule_targets:  # on whom, likewise
            chosen = {a.key for a in agents}
            targets = unique_actors([t for t in rule_targets if t.key not in chosen])
        # (a state named in a name, "the Syrian Observatory", says nothing of whom a strike hit)
        nameless = ("context", "nested") if behaviour.kind == "physical" else ("context",)
        where = {c.actor.key for c in pool_of() if c.how == "mention" and only_where(c.token, token)} \
            - {c.actor.key for c in pool_of() if c.how not in nameless and not only_where(c.token, token)}
        targets = [t for t in targets if t.key not in where]  # "targets in Iraq and Syria": where, not whom
        if behaviour.kind == "physical":  # "Russian forces attacked Kharkiv": where, not whom
            targets = [t for t in targets if t.actor_class != ActorClass.PLACE]
        if event_class == EventClass.ATTACK and is_clash(token):
            # a clash each side fights, unless its object is whom its subject fought ("the RSF, which
            # has fought the army": the army)
            allies, aims = clash_allies_and_aims(token, index)  # ("fighting alongside the M23": one side)
            fought = {a.key for c in token.children if c.dep_ == "dobj" for a in index.in_phrase(c)} \
                | {a.key for a in aims}  # ("fighting to overthrow the government")
            sides = unique_actors([*agents, *targets])
            if allies:
                agents = unique_actors([*rule_agents, *allies])
                targets = [t for t in sides if t.key not in {a.key for a in agents}]
            elif len(sides) > 1 and not (rule_agents and fought & {t.key for t in rule_targets}):
                agents = targets = sides  # a clash: each side attacks the other
        if event_class == EventClass.DEPLOYMENT and token.pos_ == "VERB":  # "Belarus moved troops": the troops
            sent = {a.key for c in token.children if c.dep_ == "dobj" for a in index.in_phrase(c)}  # go, not suffer
            agents = unique_actors([*agents, *(t for t in targets if t.key in sent)])
            targets = [t for t in targets if t.key not in sent]
        if event_class == EventClass.REJECTION and (denied := in_denied_deed(token, index)):
            targets = [t for t in targets if t.key not in denied]  # "denied mistreating civilians": not theirs
        if event_class == EventClass.ACCUSATION:  # "condemned Mhlanga's arrest": aimed at who arrested him
            agents, targets = aimed_at_the_doers(token, index, agents, targets, rule_agents=rule_agents)
        if not behaviour.symmetric and behaviour.kind != "physical" and rule_agents:
            # a state's or a body's speaker speaks with no armed group the model adds, a person only for
            # one they are named with or lead ("Taliban spokesman X"), and anyone with a subject ("the
            # ministry said the operation targeted the TTP and accused Kabul")
            subjects = _subjects_before(token, pool_of()) | {
                b.key for a in rule_agents if a.actor_class == ActorClass.PERSON and not index.sides_of(a)
                for b in (*index.named_with(a, token), *index.led_bodies.get(a.iri or "", ()))}
            alone = all(a.actor_class == ActorClass.PERSON and not index.sides_of(a) for a in rule_agents)
            forces = (ActorClass.ARMED_GROUP, ActorClass.SECURITY_FORCE) if alone else (ActorClass.ARMED_GROUP,)
            agents = [a for a in agents if a in rule_agents or a.key in subjects or a.actor_class not in forces
                      or not alone and index.sides_of(a)]  # (nor a person of no known side with any force)
        if not behaviour.symmetric and behaviour.kind != "physical":  # nor at its own state the model adds
            speaking_for = {side for a in agents for side in index.sides_of(a)}
            targets = [t for t in targets if t in rule_targets or len(speaking_for) != 1
                       or index.sides.get(t.key) not in speaking_for]
        if rule_agents and token.dep_ == "conj" and token.head.pos_ == "VERB":  # "the Houthis dismissed the
            # American warning and threatened to ...": whom the first verb acts on does not do the second
            acted_on = {a.key for c in token.head.children if c.dep_ in ("dobj", "dative") for a in index.in_phrase(c)}
            agents = [a for a in agents if a in rule_agents or a.key not in acted_on]
        if event_class == EventClass.PROTEST and not (rule_targets and targets):  # "marched to demand the
            targets = protested(token, index, agents) or targets  # resignation of X": the grammar's, then the model's
        weak = token.lemma_.lower() in behaviour.weak and not (
            event_class == EventClass.ATTACK and struck_somewhere(token, agents, index))  # at a ship, on a city
        if event_class in (EventClass.ATTACK, EventClass.COERCION) and rule_targets and not is_clash(token) \
                and {t.key for t in rule_targets} <= {a.key for a in agents}:
            continue  # "attackers who laid siege ... and later killed 50 al-Shabab militants": a misread subject
        reported = reported_deed(behaviour.kind, frame, agents, token, index)
        if reported is not None:  # "the minister said the rebels had massacred villagers": his accusation
            event_class, agents, targets = EventClass.ACCUSATION, reported, agents
            behaviour, weak = lex.classes[event_class], False
            rule_agents, rule_targets = reported, targets  # the speakers accuse the doers (of the state hit or not)
        if event_class == EventClass.DEMAND:  # of whom a demand asks (the holders of whom it wants released)
            agents, targets = asked_of_whom(token, index, agents, targets, rule_agents=rule_agents,
                                            rule_targets=rule_targets)
        clash = event_class == EventClass.ATTACK and is_clash(token)
        both_ways = reported is None and not behaviour.symmetric and mutual(token) \
            and len(unique_actors([*agents, *targets])) > 1
        if both_ways:  # "accused each other", "traded threats": each side does it to the other
            clash, agents = True, unique_actors([*agents, *targets])
            if prisoners_swapped(token) and len(rule_agents) > 1:
                agents = unique_actors(rule_agents)  # "Ukraine and Russia exchanged prisoners": the two sides
            targets = agents
        if reported is None and not behaviour.symmetric and not clash:
            officials = {a.key: next(iter(index.post_states[a.iri])) for a in agents  # "Putin warned": Russia's
                         if a.iri and len(index.post_states.get(a.iri, ())) == 1}  # side, never the target's
            sides = {**officials, **index.sides}
            agents, targets = one_side_each(agents, targets, sides, lambda actor, role, scored=scored: (
                scored[actor.key][1 if role == "agent" else 2] if actor.key in scored else 1.0),
                parsed_agents=frozenset(a.key for a in rule_agents),
                parsed_targets=frozenset(t.key for t in rule_targets))
        agents, targets = parties_in_scope(agents, targets, trigger=token, event_class=event_class,
                                           directed=not behaviour.symmetric, clash=clash, rule_agents=rule_agents,
                                           rule_targets=rule_targets, index=index)
        if judged is not None and event_class == EventClass.REJECTION:  # a refusal: of whom the grammar says
            ruled = {t.key for t in rule_targets}
            targets = [t for t in targets if t.key in ruled]
            if not targets and not called_false(token):  # ("said the claims were false" answers the accusers told
                continue  # before: :func:`answer_accusations`) "does not recognize dog meat as edible"
        agents = [a for a in agents if a.actor_class != ActorClass.PLACE]  # a place does nothing itself
        if not behaviour.symmetric:  # nor does anyone act on what they lead ("Dagalo ... vowed to continue
            led = {b.key for a in agents for b in index.led_bodies.get(a.iri or "", ())}  # fighting": not the RSF)
            targets = [t for t in targets if t.key not in led or t in rule_targets]
        if event_class == EventClass.COERCION and token.pos_ in ("NOUN", "PROPN") and not targets:
            continue  # "the group's ban on entering Israeli ports", "the U.K. ban": a measure, no one it was done to
        sent = token.sent
        anaphoric = token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("det", "amod", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "such", "its")
            or c.dep_ == "poss" for c in token.children)
        another = token.pos_ == "NOUN" and any(c.dep_ in ("amod", "det") and c.lower_ in _ANOTHER
                                               for c in token.children)
        found.append(EventItem(
            event_class=event_class, anaphoric=anaphoric and not another, another=another, weak=weak,
            embedded_agents=embedded_agents(token, index, lex, trigger_ids), triggers=[candidate.span],
            sentence=(sent.start_char, sent.end_char), agents=unique_actors(agents), targets=unique_actors(targets),
            place=event_place(token, index) or (
                spoken_place(token, frame.verb if frame else None, index) if behaviour.kind != "physical" else None),
            date=event_date(token, sent, published, date_ents, lasting=event_class == EventClass.COERCION) or (
                frame_date(frame, published, date_ents) if behaviour.kind != "physical" else None),
            mode=_mode(token, lex) if event_class == EventClass.ATTACK else None, mutual=both_ways))
    found.extend(deployments(index, body))
    found.extend(conditional_threats(doc, index, lex, frames, body, published, date_ents))
    found.extend(consequences_foretold(doc, index, lex, frames, body, published, date_ents))
    blames = spoken_blame(doc, index, lex, frames, body, published, date_ents, told=found)
    # the grammar says who blames whom there, not the role model
    found = _grammar_first(warnings_of_blame(found, blames, doc, lex), blames) \
        + voiced_concerns(doc, index, frames, body, told=found) \
        + blame_laid(doc, index, frames, body, published, date_ents)
    # the grammar says who demands what of whom there, and what someone should do is not done:
    # no other event on the demanded act ("they should consider ..." accuses no one)
    found = _grammar_first(found, modal_demands(doc, index, frames, body, published, date_ents))
    events = merge_events(found, lex, doc)
    date_detentions_by_start(events, doc, index, published, date_ents)  # "in custody since Feb. 24"
    date_statements_by_news_day(events, doc, lex)
    answer_accusations(events, doc, index)  # "Kigali denies it": the accusers told before
    return events
