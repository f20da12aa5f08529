"""Events from verbal and nominal triggers, with roles from the dependency parse.

Triggers come from the lexicon (``kgbuild/resources/triggers.json``). Roles: agent from the
subject, a "by"-phrase, or a possessor/compound modifier ("US airstrikes"); target from the
object, "on"/"against"/"targeting"; place from "in"/"on" phrases naming a place or state;
date from date expressions in the trigger's clause. Hedged or embedded events ("threatening
more attacks", "could end the deployment") are left to the embedding event (the Threat, the
Demand). Mentions of one event within an article are merged into one event.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Span, Token

from .dates import resolve_date
from .items import ActorRef, EventItem, MentionItem
from .lexicon import Lexicon

__all__ = ["extract_events", "MentionIndex"]

_LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "hold", "mount", "issue", "make", "impose", "lead",
                "unleash", "announce", "order", "perform", "begin", "continue", "step", "use", "sign"}
_OF_AGENT = {"brutality", "violence", "crackdown", "offensive", "operation", "campaign", "aggression",
             "repression", "fighting", "advance", "incursion", "invasion", "bombardment", "shelling"}
_QUANTIFIERS = {"flurry", "wave", "series", "spate", "string", "number", "barrage", "round", "volley", "campaign"}
_TARGET_PREPS = {"on", "against", "at", "upon", "with", "into"}
_PLACE_PREPS = {"in", "on", "at", "near", "across", "inside", "throughout", "around", "outside"}
_PRONOUNS = {"they", "them", "it", "he", "she", "its", "their", "his", "her", "we", "who", "which", "that"}


class MentionIndex:
    """Token-level lookups of actor mentions in one parsed document."""

    def __init__(self, doc: Doc, mentions: list[MentionItem]) -> None:
        self.doc = doc
        self.by_token: dict[int, MentionItem] = {}
        for mention in sorted(mentions, key=lambda m: m.nested):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)
        self.mentions = mentions

    def at(self, token: Token) -> MentionItem | None:
        return self.by_token.get(token.i)

    def in_phrase(self, token: Token) -> list[ActorRef]:
        """Actors named by the noun phrase headed by ``token`` (with its conjuncts)."""
        found: list[ActorRef] = []
        for head in _conjuncts(token):
            mention = self.at(head)
            if mention is not None:
                found.append(mention.actor)
                continue
            for appos in (c for c in head.children if c.dep_ == "appos"):  # "an armed group, the SDF"
                named = self.at(appos)
                if named is not None:
                    found.append(named.actor)
            for child in head.subtree:
                if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos") and child.i != head.i:
                    break
                m = self.at(child)
                if m is not None and _within_np(child, head):
                    found.append(m.actor)
        return _unique(found)

    def previous_subject(self, token: Token, *, person: bool = False,
                         prefer: frozenset[str] | None = None) -> ActorRef | None:
        """Simple pronoun coreference: the latest subject actor before ``token``.

        "he"/"she" take the latest person, "it"/"they" the latest non-person; ``prefer``
        (e.g. armed actors for the agent of an attack) wins over recency when it matches.
        """
        best: ActorRef | None = None
        preferred: ActorRef | None = None
        for prior in self.doc[max(0, token.i - 120):token.i]:
            if prior.dep_ not in ("nsubj", "nsubjpass") and not (person and prior.ent_type_ == "PERSON"):
                continue
            mention = self.at(prior)
            if mention is None:
                continue
            if person != (mention.actor.actor_class == "Person"):
                continue
            best = mention.actor
            if prefer and mention.actor.actor_class in prefer:
                preferred = mention.actor
        return preferred or best


def _within_np(child: Token, head: Token) -> bool:
    node = child
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("prep", "relcl", "acl", "advcl", "ccomp", "appos") and node.i != child.i:
            return False
        if node.dep_ == "prep" and node.lower_ != "of":
            return False
        node = node.head
    return True


def _conjuncts(token: Token) -> list[Token]:
    return [token, *[c for c in token.conjuncts if c.i > token.i]]


def _unique(actors: Iterable[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())


def _trigger_classes(token: Token, lex: Lexicon) -> tuple[list[str], int]:
    """Event classes a token triggers, and the index of the trigger's last token."""
    lemma = token.lemma_.lower()
    for parts, entries in lex.multiword.items():
        if parts[0] != lemma and parts[0] != token.lower_:
            continue
        end = _match_tail(token, parts[1:])
        if end is not None:
            wanted = "noun" if token.pos_ in ("NOUN", "PROPN") else "verb"
            classes = [c for c, kind in entries if kind == wanted] or [c for c, _ in entries]
            return classes, end
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and lemma in lex.verb_index):
        if lemma == "allow" and any(c.dep_ == "neg" for c in token.children):
            return ["Rejection"], token.i
        return list(lex.verb_index.get(lemma, ())), token.i
    if token.pos_ in ("NOUN", "PROPN"):
        return list(lex.noun_index.get(lemma, ()) or lex.noun_index.get(token.lower_, ())), token.i
    return [], token.i


def _match_tail(token: Token, rest: tuple[str, ...]) -> int | None:
    doc = token.doc
    position = token.i
    for part in rest:
        for j in range(position + 1, min(len(doc), position + 4)):
            if doc[j].lemma_.lower() == part or doc[j].lower_ == part:
                position = j
                break
        else:
            return None
    return position


_HEDGE_NOUNS = {"intention", "plan", "threat", "possibility", "risk", "prospect", "danger", "fear", "bid", "attempt"}


def _is_hedged(token: Token, lex: Lexicon) -> bool:
    """Modal, conditional or intended: "would attack", "unless they invade", "intention to undertake"."""
    node = token if token.pos_ in ("VERB", "AUX") else _governing_verb(token)
    for _ in range(3):
        if node is None:
            return False
        for child in node.children:
            if child.dep_ in ("aux", "advmod", "mark") and child.lower_ in lex.hedges:
                return True
        if node.dep_ == "csubj" and any(c.dep_ == "aux" and c.lower_ in lex.hedges for c in node.head.children):
            return True
        if node.head.lemma_.lower() in _HEDGE_NOUNS:
            return True
        if node.dep_ not in ("xcomp", "acl", "relcl", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head if node.head.pos_ in ("VERB", "AUX") else _governing_verb(node.head)
    return False


def _governing_verb(token: Token) -> Token | None:
    node = token
    for _ in range(6):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _embedded_under(token: Token, lex: Lexicon, triggers: set[int]) -> bool:
    """True when a Threat/Demand-like trigger governs this one ("threatening more attacks")."""
    node = token
    for _ in range(5):
        if node.head.i == node.i:
            return False
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in lex.embedding_verbs and node.i in triggers and lex.embedding_verbs[lemma] in ("Threat", "Demand"):
            return True
        if lemma in ("end", "stop", "cease", "halt", "prevent", "avoid", "review", "fail", "refuse"):
            return True
    return False


_ARMED = frozenset({"ArmedGroup", "SecurityForce", "State"})


def _verb_agents(verb: Token, index: MentionIndex, *, prefer: frozenset[str] | None = None) -> list[ActorRef]:
    agents: list[ActorRef] = []
    node = verb
    for _ in range(5):
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        passive_by = [g for c in node.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        for subject in subjects + passive_by:
            if subject.lower_ in _PRONOUNS:
                if subject.lower_ in ("who", "which", "that") and node.dep_ == "relcl":
                    agents.extend(index.in_phrase(node.head))
                    continue
                prior = index.previous_subject(subject, person=subject.lower_ in ("he", "she"), prefer=prefer)
                if prior is not None:
                    agents.append(prior)
                continue
            agents.extend(index.in_phrase(subject))
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
        if node.dep_ in ("xcomp", "conj", "advcl", "pcomp", "prep") and node.head.i != node.i:
            node = node.head
            continue
        break
    return agents


def _verb_targets(verb: Token, index: MentionIndex, *, event_class: str) -> list[ActorRef]:
    targets: list[ActorRef] = []
    for child in verb.children:
        if event_class == "Consultation" and child.dep_ in ("dobj", "attr"):
            continue  # "discuss the transfer": a topic, not a partner
        if child.dep_ == "dobj":  # "threatening a response against the US"
            wanted = ("against", "on", "upon") + (("from", "to") if event_class in ("Demand", "Aid") else ())
            for prep in (g for g in child.children if g.dep_ == "prep" and g.lower_ in wanted):
                targets.extend(a for pobj in prep.children if pobj.dep_ == "pobj" for a in index.in_phrase(pobj))
        if event_class in ("Demand", "Rejection", "Coercion") and child.dep_ in ("advcl", "ccomp", "xcomp") \
                and child.pos_ in ("VERB", "AUX"):
            for subject in (g for g in child.children if g.dep_ in ("nsubj", "nsubjpass")):
                targets.extend(index.in_phrase(subject))  # "calling for Iraq to review"
        if event_class in ("Demand", "Aid") and child.dep_ == "prep" and child.lower_ in ("from", "to"):
            targets.extend(a for pobj in child.children if pobj.dep_ == "pobj" for a in index.in_phrase(pobj)
                           if a.actor_class != "Place")
        if child.dep_ in ("dobj", "nsubjpass", "dative", "attr") and child.lower_ not in _PRONOUNS:
            targets.extend(index.in_phrase(child))
        if event_class == "Attack" and child.dep_ in ("dobj", "nsubjpass") and index.at(child) is None:
            for clause in (c for c in child.children if c.dep_ == "relcl"
                           and any(g.lower_ in ("where", "in which") for g in c.children)):
                for subject in (g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")):
                    targets.extend(index.in_phrase(subject))  # "attacked a hotel where elders were meeting"
        if child.dep_ in ("dobj", "nsubjpass") and child.lower_ in ("them", "it", "him", "her"):
            prior = index.previous_subject(child)
            if prior is not None:
                targets.append(prior)
        elif child.dep_ == "prep" and (child.lower_ in _TARGET_PREPS or
                                       (event_class == "Demand" and child.lower_ in ("on", "upon"))):
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                targets.extend(a for a in index.in_phrase(pobj) if a.actor_class != "Place" or child.lower_ == "at")
    return targets


def _noun_roles(noun: Token, index: MentionIndex) -> tuple[list[ActorRef], list[ActorRef]]:
    agents: list[ActorRef] = []
    targets: list[ActorRef] = []
    hosts = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in _QUANTIFIERS:
        hosts.append(noun.head.head)
    for host in hosts:
        for child in host.children:
            mention = index.at(child)
            if child.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and mention is not None:
                if mention.actor.actor_class != "Place":
                    agents.append(mention.actor)
            elif child.dep_ == "poss" and child.lower_ in ("its", "their", "his", "her"):
                prior = index.previous_subject(child, person=child.lower_ in ("his", "her"))
                if prior:
                    agents.append(prior)
            elif child.dep_ == "prep" and child.lower_ == "by":
                agents.extend(a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g))
            elif child.dep_ == "prep" and child.lower_ in ("between", "among"):  # "agreements between X and Y"
                agents.extend(a for g in child.children if g.dep_ == "pobj" for a in index.in_phrase(g))
            elif child.dep_ == "prep" and child.lower_ == "of" and host.lemma_.lower() in _OF_AGENT:
                for pobj in (g for g in child.children if g.dep_ == "pobj"):  # "brutality of the military"
                    agents.extend(a for a in index.in_phrase(pobj) if a.actor_class != "Place")
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS | {"of", "to"}:
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    targets.extend(a for a in index.in_phrase(pobj) if a.actor_class != "Place")
            elif child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
                by_agents = [a for g in child.children if g.dep_ == "agent"
                             for p in g.children if p.dep_ == "pobj" for a in index.in_phrase(p)]
                if by_agents and child.tag_ == "VBN":
                    agents.extend(by_agents)  # "a meeting requested by the United States, ..."
                else:
                    targets.extend(_verb_targets(child, index, event_class="Attack"))
    governing = noun.head
    if noun.dep_ in ("dobj", "attr") and governing.lemma_.lower() in _LIGHT_VERBS and not agents:
        agents = _verb_agents(governing, index)
    if noun.dep_ in ("nsubj", "nsubjpass") and not targets:
        targets = _verb_targets(governing, index, event_class="Attack") if governing.lemma_.lower() in (
            "target", "hit", "kill", "strike") else []
    return agents, targets


def _place(trigger: Token, index: MentionIndex) -> ActorRef | None:
    hosts = [trigger]
    verb = _governing_verb(trigger) if trigger.pos_ not in ("VERB", "AUX") else None
    if verb is not None:
        hosts.append(verb)
    for host in hosts:
        for child in host.children:
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    for node in pobj.subtree:
                        mention = index.at(node)
                        if mention and mention.actor.actor_class in ("Place", "State"):
                            return mention.actor
    return None


def _clause_top(trigger: Token) -> Token:
    """The verb heading the trigger's clause chain ("followed ... by criticizing" -> followed)."""
    node = trigger if trigger.pos_ in ("VERB", "AUX") else (_governing_verb(trigger) or trigger)
    for _ in range(6):
        if node.dep_ in ("pcomp", "prep", "xcomp", "conj") and node.head.i != node.i:
            node = node.head
        else:
            break
    return node


def _date_ents(doc: Doc) -> list[Span]:
    return [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]


def _date(trigger: Token, sent: Span, published: date | None, date_ents: list[Span]) -> date | None:
    """The date of the event ``trigger`` names; ``date_ents`` are the doc's DATE/TIME entities
    (``Span.ents`` rebuilds every entity of the doc on each call)."""
    top = _clause_top(trigger)
    scope = {t.i for t in top.subtree} | {t.i for t in trigger.subtree}
    fallback: list[date] = []
    for ent in date_ents:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        phrase = ent.text
        previous = ent.start - 1
        if previous >= 0 and trigger.doc[previous].lower_ in ("since", "until", "till", "before", "after", "by"):
            continue
        if previous >= 0 and trigger.doc[previous].lower_ in ("on", "last", "next", "this"):
            phrase = f"{trigger.doc[previous].text} {phrase}"
        resolved = resolve_date(phrase, published=published)
        if resolved is None:
            continue
        if any(t.i in scope for t in ent):
            return resolved
        governor = ent.root.head.head if ent.root.head.dep_ == "prep" else ent.root.head
        if governor.pos_ in ("VERB", "AUX") and governor.lemma_.lower() not in _REPORTING:
            fallback.append(resolved)  # a date of some clause of this sentence (not of a noun, not "said Wednesday")
    return fallback[0] if len(set(fallback)) == 1 else None


def _mode(trigger: Token, lex: Lexicon) -> str | None:
    words = {trigger.lemma_.lower(), trigger.lower_}
    words.update(t.lemma_.lower() for t in trigger.subtree)
    words.update(t.lower_ for t in trigger.children)
    head = trigger.head
    words.update({head.lemma_.lower()})
    for mode in ("assassination", "drone", "airstrike", "shelling", "bombing", "small-arms", "armed-clash"):
        if words & lex.attack_modes[mode]:
            return mode
    return None


def extract_events(doc: Doc, index: MentionIndex, lex: Lexicon, *, published: date | None,
                   body: list[tuple[int, int]]) -> list[EventItem]:
    """Every event mention in the article, merged into events."""
    candidates: list[tuple[Token, list[str], int]] = []
    for token in doc:
        if body and not any(s <= token.idx < e for s, e in body):
            continue
        if index.at(token) is not None:
            continue  # a word inside an actor's name ("Popular Mobilization Units") is no trigger
        if token.pos_ == "VERB" and token.tag_ == "VBN" and token.dep_ == "acl":
            continue  # "forces backed by X": a description, not an event
        if token.pos_ == "VERB" and token.tag_ == "VB" and token.dep_ in ("acl", "relcl") \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue  # "a meeting ... to discuss X": the purpose of something else
        classes, end = _trigger_classes(token, lex)
        if classes:
            candidates.append((token, classes, end))
    consumed = {i for t, _, end in candidates if end > t.i for i in range(t.i + 1, end + 1)}
    candidates = [c for c in candidates if c[0].i not in consumed]
    trigger_ids = {t.i for t, _, _ in candidates}
    date_ents = _date_ents(doc) if candidates else []
    found: list[EventItem] = []
    for token, classes, end in candidates:
        event_class = classes[0]
        if _is_hedged(token, lex) or _embedded_under(token, lex, trigger_ids):
            continue
        if token.pos_ in ("NOUN", "PROPN") and token.head.i in trigger_ids and token.dep_ in ("dobj", "attr") \
                and event_class in _trigger_classes(token.head, lex)[0]:
            continue  # "signed a treaty": the verb carries the event
        if token.pos_ in ("VERB", "AUX"):
            agents = _verb_agents(token, index, prefer=_ARMED if event_class == "Attack" else None)
            targets = _verb_targets(token, index, event_class=event_class)
            if end > token.i and doc[end].pos_ == "ADP":  # "spoken ill of the PMU"
                targets += [a for g in doc[end].children if g.dep_ == "pobj" for a in index.in_phrase(g)]
        else:
            agents, targets = _noun_roles(token, index)
        weak = token.lemma_.lower() in lex.classes[event_class].weak
        if weak and not (agents or targets):
            continue
        if event_class == "Threat" and token.lemma_.lower() in ("warn", "caution") and _evaluative(token):
            event_class = "Accusation"  # "warned that X is dangerous, illegal": a condemnation
            if not targets:  # ... what X is about: "cooperation between Russia and North Korea"
                agent_keys = {a.key for a in agents}
                targets = [index.at(t).actor for c in token.children if c.dep_ == "ccomp"
                           for subj in c.children if subj.dep_ in ("nsubj", "csubj")
                           for t in subj.subtree if index.at(t) is not None
                           and index.at(t).actor.key not in agent_keys and index.at(t).actor.actor_class != "Place"]
        if event_class == "Attack" and _is_clash(token) and agents and targets:
            agents = targets = _unique([*agents, *targets])  # a clash: each side attacks the other
        if event_class in ("Support", "Aid") and not targets:
            continue  # support or aid for nobody in particular is not an event we can use
        if event_class in _SYMMETRIC and not targets:
            named = [a for a in agents if a.actor_class in ("State", "Person", "InternationalOrganization")
                     or not a.new and a.actor_class != "Group"]
            if len(agents) < 2 or (event_class == "Consultation" and len(named) < 2):
                if event_class == "Consultation":
                    continue  # "elders were meeting": no named partner, no consultation
            else:
                targets = list(agents)
        if event_class not in _SYMMETRIC and not (event_class == "Attack" and _is_clash(token)):
            targets = [t for t in targets if t.key not in {a.key for a in agents}]
        sent = token.sent
        anaphoric = token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("det", "amod", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "such", "its")
            or c.dep_ == "poss" for c in token.children)
        event = EventItem(event_class=event_class, anaphoric=anaphoric, weak=weak,
                          embedded_agents=_embedded_agents(token, index, lex, trigger_ids), triggers=[(token.idx, doc[end].idx + len(doc[end]))],
                          sentence=(sent.start_char, sent.end_char), agents=_unique(agents),
                          targets=_unique(targets), place=_place(token, index),
                          date=_date(token, sent, published, date_ents),
                          mode=_mode(token, lex) if event_class == "Attack" else None)
        found.append(event)
    found.extend(_deployments(doc, index, body))
    events = _merge(found)
    _date_statements_by_news_day(events, doc)
    return events


def _date_statements_by_news_day(events: list[EventItem], doc: Doc) -> None:
    """A story that opens with a dated statement ("X warned Friday that ...") reports that day's
    statements: undated statements later in it get that day."""
    sentences = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip()]
    lede = sentences[:3]
    opening = next((e for e in sorted(events, key=lambda e: e.triggers[0][0])
                    if any(a <= e.triggers[0][0] < b for a, b in lede) and e.date), None)
    if opening is None or opening.event_class not in _STATEMENTS | {"Consultation"}:
        return
    for event in events:
        if event.date is None and event.event_class in _STATEMENTS | {"Consultation"}:
            span = doc.char_span(*event.sentence, alignment_mode="expand")
            if span is not None and any(e.label_ in ("DATE", "TIME") for e in span.ents):
                continue  # "in September": a day of its own we could not pin down
            event.date = opening.date


_SYMMETRIC = {"Agreement", "Cooperation", "Consultation"}


def _evaluative(verb: Token) -> bool:
    """"warn that X is dangerous": the complement is a copula with an adjective."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        if clause.lemma_ == "be" and any(c.dep_ == "acomp" for c in clause.children):
            return True
    return False


def _embedded_agents(token: Token, index: MentionIndex, lex: Lexicon, triggers: set[int]) -> list[ActorRef]:
    """Who did the act a statement is about: "condemning the US attacks" -> the US."""
    if token.pos_ not in ("VERB", "AUX"):
        return []
    found: list[ActorRef] = []
    for node in token.subtree:
        if node.i == token.i or node.i not in triggers or node.pos_ not in ("NOUN", "PROPN"):
            continue
        if node.lemma_.lower() not in lex.noun_index or "Attack" not in lex.noun_index[node.lemma_.lower()]:
            continue
        found.extend(a for a in _noun_roles(node, index)[0] if a.actor_class != "Place")
        if not found:
            found.append(ActorRef(None, "?", "?anaphor"))  # resolved to the last attack's agents
    return found


def _is_clash(token: Token) -> bool:
    return token.lemma_.lower() in ("clash", "fight", "fighting", "battle")


def _deployments(doc: Doc, index: MentionIndex, body: list[tuple[int, int]]) -> list[EventItem]:
    """"5,000 US troops already in Iraq": a state's force located abroad is a Deployment."""
    events: list[EventItem] = []
    for mention in index.mentions:
        if mention.actor.actor_class != "SecurityForce" or (body and not any(s <= mention.start < e for s, e in body)):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        if not any(c.dep_ == "nummod" for c in head.children) and head.tag_ != "NNS":
            continue
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "inside"):
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    place = index.at(pobj)
                    own_state = mention.actor.state
                    if place and place.actor.actor_class in ("State", "Place") and place.actor.iri != own_state:
                        events.append(EventItem("Deployment", [(mention.start, mention.end)],
                                                (head.sent.start_char, head.sent.end_char),
                                                agents=[mention.actor], place=place.actor))
    return events


_PHYSICAL = {"Attack", "Protest", "Deployment", "Coercion"}
_STATEMENTS = {"Accusation", "Rejection", "Threat", "Demand"}
_REPORTING = {"say", "tell", "announce", "report", "state", "add", "note", "write", "explain"}


def _compatible(a: EventItem, b: EventItem) -> bool:
    if a.event_class != b.event_class:
        return False
    if a.event_class not in _PHYSICAL and b.sentence != a.sentences[-1] and b.sentence[0] - a.sentences[-1][1] > 3:
        return False  # statements recur: only merge mentions in the same or the next sentence
    if a.date and b.date and a.date != b.date:
        return False
    if a.mode and b.mode and a.mode != b.mode and "armed-clash" in (a.mode, b.mode):
        return False  # a clash is not the raid it followed
    a_agents = {x.key for x in a.agents}
    b_agents = {x.key for x in b.agents}
    a_targets = {x.key for x in a.targets}
    b_targets = {x.key for x in b.targets}
    if a_agents and b_agents and not a_agents & b_agents:
        return False
    if a_targets and b_targets and not a_targets & b_targets:
        return False
    if not b_agents:
        return a.event_class in ("Attack", "Protest", "Deployment") or bool(a_targets & b_targets)
    return bool(a_agents & b_agents)


def _merge(events: list[EventItem]) -> list[EventItem]:
    merged: list[EventItem] = []
    last_attack: EventItem | None = None
    for event in sorted(events, key=lambda e: e.triggers[0][0]):
        if event.embedded_agents and not event.targets and event.event_class in _STATEMENTS:
            doers = [a for a in event.embedded_agents if a.label != "?anaphor"]
            if not doers and last_attack is not None:
                doers = list(last_attack.agents)
            event.targets = [d for d in _unique(doers) if d.key not in {a.key for a in event.agents}]
        target = next((m for m in reversed(merged) if _compatible(m, event)), None)
        if target is None and event.anaphoric:
            agents = {a.key for a in event.agents}
            target = next((m for m in reversed(merged) if m.event_class == event.event_class
                           and (not agents or agents & {a.key for a in m.agents})), None)
        if target is None:
            merged.append(event)
            if event.event_class == "Attack":
                last_attack = event
            continue
        target.triggers.extend(event.triggers)
        target.weak = target.weak and event.weak
        if event.sentence not in target.sentences:
            target.sentences.append(event.sentence)
        target.agents = _unique([*target.agents, *event.agents])
        target.targets = _unique([*target.targets, *event.targets])
        target.place = target.place or event.place
        target.date = target.date or event.date
        target.mode = target.mode or event.mode
    kept = [e for e in merged if e.agents and not (e.weak and not e.targets)]
    for event in kept:  # evidence: the fullest of the first sentences telling it (not a bare headline)
        event.sentence = max(event.sentences[:3], key=lambda s: s[1] - s[0])
    return kept
