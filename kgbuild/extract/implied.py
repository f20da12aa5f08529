"""Events the grammar states without a trigger word the detector reads: a state's forces stationed
abroad ("5,000 US troops already in Iraq"), conditional threats ("If the United States
escalates, I will shut the electricity off"), demands a speaker makes with "should" or "must"
("the U.N. must maintain sanctions," the spokesperson said), and the day a statement was made.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..vocabulary import ActorClass, EventClass
from .dates import resolve_date
from .items import ActorRef, EventItem
from .lexicon import Lexicon
from .mentions import MentionIndex, in_body, unique_actors
from .places import spoken_place
from .roles import measures_with, speech_act_clause, verb_agents, verb_targets
from .speech import SpeechFrame, SpeechFrames, speaker_sides
from .triggers import governing_verb, wishes

__all__ = ["deployments", "describes_a_kind", "empty_vow", "conditional_threats", "consequences_foretold",
           "modal_demands", "frame_date", "future_or_conditional", "hostile_deed", "on_other_sides",
           "own_future_deed", "threatened_parties", "warning_only"]


#: Occasions a statement is made at ("at a briefing Wednesday", "in a Jan. 23 press briefing").
_SPEECH_OCCASIONS = frozenset({"briefing", "conference", "statement", "interview", "speech", "address", "meeting",
                               "session", "hearing", "post", "tweet", "message", "letter", "summit", "call"})


def frame_date(frame: SpeechFrame | None, published: date | None, date_ents: list[Span]) -> date | None:
    """The day a statement was made: "Putin said Thursday that Russia supports ..." -> Thursday."""
    if frame is None or frame.verb is None:
        return None
    verb = frame.verb
    for _ in range(3):  # "responded in a Jan. 23 briefing, asserting that ...": the participle's clause's day
        found = _day_of(verb, published, date_ents)
        if found is not None or verb.dep_ not in ("advcl", "conj", "xcomp") or verb.head.i == verb.i:
            return found
        verb = verb.head
    return None


def _day_of(verb: Token, published: date | None, date_ents: list[Span]) -> date | None:
    clause = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis", "xcomp") for t in c.subtree}
    for ent in date_ents:
        if ent.start < verb.sent.start or ent.end > verb.sent.end or any(t.i in clause for t in ent):
            continue
        governor = ent.root.head.head if ent.root.head.dep_ == "prep" else ent.root.head
        occasion = _occasion_of(governor) if governor.lemma_.lower() in _SPEECH_OCCASIONS else None
        if governor.i != verb.i and not (occasion is not None and occasion.i == verb.i):
            continue  # "told reporters at a briefing Wednesday", "in a Jan. 23 press briefing": its day too
        previous = verb.doc[ent.start - 1].lower_ if ent.start else ""
        phrase = f"{previous} {ent.text}" if previous in ("on", "last", "this") else ent.text
        resolved = resolve_date(phrase, published=published)
        if resolved is not None:
            return resolved
    return None


def _occasion_of(occasion: Token) -> Token | None:
    """The verb whose prepositional phrase names the occasion ``occasion`` ("told reporters at a
    briefing"), also through the phrase of its object the parser may hang it on ("responded to
    the reports in a press briefing")."""
    node = occasion
    for _ in range(2):
        if node.dep_ != "pobj" or node.head.dep_ != "prep":
            return None
        node = node.head.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


#: verbs whose subject is only said to be somewhere ("troops remain in Iraq")
_BEING = frozenset({"be", "remain", "stay"})


def deployments(index: MentionIndex, body: list[tuple[int, int]]) -> list[EventItem]:
    """"5,000 US troops already in Iraq": a state's force located abroad is a Deployment."""
    events: list[EventItem] = []
    for mention, head in index.heads:
        if mention.actor.actor_class != ActorClass.SECURITY_FORCE or not in_body(mention.start, body):
            continue
        if not any(c.dep_ == "nummod" for c in head.children) and head.tag_ != "NNS":
            continue
        if head.dep_ == "pobj" and head.head.lower_ == "by" or head.dep_ == "nsubj" and head.head.pos_ == "VERB" \
                and head.head.lemma_.lower() not in _BEING:
            continue  # "shot dead by Israeli forces in Jenin", "troops in Borno killed ...": who acted where
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "to", "inside"):
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    place = index.at(pobj)
                    own_state = mention.actor.state
                    abroad = place is not None and place.actor.iri != own_state \
                        and own_state not in index.place_within.get(place.actor.iri, ())
                    if abroad and place.actor.actor_class in (ActorClass.STATE, ActorClass.PLACE):
                        events.append(EventItem(EventClass.DEPLOYMENT, [(mention.start, mention.end)],
                                                (head.sent.start_char, head.sent.end_char),
                                                agents=[mention.actor], place=place.actor))
    return events


_FUTURE = frozenset({"will", "would", "could", "'ll", "wo", "shall", "might", "may"})
_FIRST_PERSON = frozenset({"i", "we"})
_HARM = frozenset({EventClass.SANCTION, EventClass.ATTACK, EventClass.COERCION})  # "sanctions could follow if ..."


def conditional_threats(doc: Doc, index: MentionIndex, lex: Lexicon, frames: SpeechFrames,
                        body: list[tuple[int, int]], published: date | None, date_ents: list[Span]
                        ) -> list[EventItem]:
    """"If the United States escalates, I will shut the electricity off," Ford said: what a
    speaker says they (or harm such as sanctions) will do if another party acts is a Threat by the
    speaker against that party (the subject or the "by" agent of the "if" clause). A warning with
    an "if" clause ("Ankara is warning Washington of severe consequences if ...") is one too, by
    its subject against whom it warns."""
    events: list[EventItem] = []
    warnings = lex.classes[EventClass.THREAT].verbs
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or not in_body(verb.idx, body):
            continue
        conditions = [c for c in verb.children if c.dep_ == "advcl"
                      and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)]
        harm = hostile_deed(verb, lex) or (  # "would respond with sanctions against X"
            EventClass.SANCTION if measures_with(verb, lex) else None)
        responding = harm is None and _responds(verb)  # "Iran would respond to any attack by Israel"
        if not conditions and harm is None and not responding:
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        vowing = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _VOWING else None
        if vowing is not None and (responding or harm is not None):  # "Moscow vowed to retaliate": who vows
            if any(c.dep_ == "neg" for c in vowing.children):
                continue
            holder = speech_act_clause(vowing) or (vowing.head if vowing.dep_ == "conj" and not any(
                c.dep_ == "nsubj" for c in vowing.children) else vowing)  # "dismissed ... and vowed to"
            agents = [a for s in holder.children if s.dep_ == "nsubj" for a in index.named_or_meant(s)]
            warned = verb_targets(verb, index, event_class=harm, lex=lex) if harm is not None else \
                _responded_to(verb, index)
            responding = True  # a vow to strike back threatens whoever is struck, named or not
            frame_of = frames.of(vowing)
        elif verb.lemma_.lower() in warnings:  # "is warning Washington of severe consequences if ..."
            if not conditions:
                continue
            agents = [a for s in subjects for a in index.named_or_meant(s)]
            warned = [a for c in verb.children if c.dep_ in ("dobj", "dative") for a in index.in_phrase(c)]
            frame_of = frames.of(verb)
        else:
            if not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children) \
                    and not (verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)):
                continue
            frame_of = frames.of(verb)
            if frame_of is None or not frame_of.speakers or not _speaker_side(subjects, frame_of, index, lex):
                continue
            # "Turkey would retaliate against the United States": against whom the deed is done
            agents = list(frame_of.speakers)
            warned = verb_targets(verb, index, event_class=harm, lex=lex) if harm is not None else \
                _responded_to(verb, index) if responding else []
        if not warned:  # "'We will respond with force,' the leader said, warning Israel"
            warned = _warned_in_passing([h for h in (vowing, frame_of.verb if frame_of else None) if h is not None],
                                        warnings, index)
        keys = {a.key for a in agents}
        targets = warned + [a for c in conditions for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "agent")
                            for a in (index.in_phrase(g) if g.dep_ != "agent" else
                                      [x for p in g.children if p.dep_ == "pobj" for x in index.in_phrase(p)])]
        targets = [a for a in on_other_sides(targets, keys, index) if a.actor_class != ActorClass.PLACE]
        if not agents or not targets and not (responding and _answers_hostility(verb)):
            continue  # (a side that will answer any attack threatens whoever makes one: no target named)
        sent = verb.sent
        events.append(EventItem(EventClass.THREAT, [(verb.idx, verb.idx + len(verb))], (sent.start_char, sent.end_char),
                                agents=unique_actors(agents), targets=unique_actors(targets),
                                place=spoken_place(verb, frame_of.verb if frame_of else None, index),
                                date=frame_date(frame_of, published, date_ents)))
    return events


#: what someone is told they will face or pay ("will face consequences", "would pay a heavy price")
_PENALTIES = frozenset({"consequence", "price", "cost", "repercussion", "retribution", "punishment", "response"})


def consequences_foretold(doc: Doc, index: MentionIndex, lex: Lexicon, frames: SpeechFrames,
                          body: list[tuple[int, int]], published: date | None, date_ents: list[Span]
                          ) -> list[EventItem]:
    """"Iran will face consequences if it continues to enrich uranium, the French foreign minister
    said": a speaker foretelling that another side will pay a price, face consequences or regret
    it threatens that side (a warning verb's own clause is read by :func:`threatened_parties`)."""
    events: list[EventItem] = []
    for verb in doc:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in _SUFFERING or not in_body(verb.idx, body) \
                or not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children) \
                or any(c.dep_ == "neg" for c in verb.children) \
                or lemma != "regret" and not any(c.dep_ == "dobj" and c.lemma_.lower() in _PENALTIES
                                                 for c in verb.children):
            continue
        frame = frames.of(verb)
        if frame is None or frame.kind != "say" or not frame.speakers or frame.verb is None \
                or frame.verb.lemma_.lower() in lex.classes[EventClass.THREAT].verbs:
            continue
        told = [a for c in verb.children if c.dep_ == "nsubj" for a in index.in_phrase(c)]
        targets = [a for a in on_other_sides(told, {a.key for a in frame.speakers}, index)
                   if a.actor_class != ActorClass.PLACE]
        if targets:
            sent = verb.sent
            events.append(EventItem(EventClass.THREAT, [(verb.idx, verb.idx + len(verb))],
                                    (sent.start_char, sent.end_char), agents=unique_actors(frame.speakers),
                                    targets=unique_actors(targets), place=spoken_place(verb, frame.verb, index),
                                    date=frame_date(frame, published, date_ents)))
    return events


#: Verbs of promising what one will do ("vowed to retaliate")
_VOWING = frozenset({"vow", "pledge", "promise", "swear", "threaten"})
#: Verbs of answering someone's deed, and what a side takes to do it ("take retaliatory measures")
_RESPONDING = frozenset({"respond", "retaliate", "react", "reply", "hit"})
_MEASURES = frozenset({"measure", "step", "action", "countermeasure"})
_STOPPING = frozenset({"prevent", "stop", "deter"})


def _responds(verb: Token) -> bool:
    """"would respond to any attack", "will retaliate", "will hit back", "will take retaliatory
    measures against X": an answer to someone's deed (said of the future by the speaker's side)."""
    lemma = verb.lemma_.lower()
    if lemma == "hit":
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children)
    return lemma in _RESPONDING or lemma == "take" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _MEASURES for c in verb.children)


#: what a side answers that makes its answer a threat ("would respond to any aggression")
_HOSTILITIES = frozenset({"attack", "aggression", "threat", "provocation", "strike", "escalation", "violation",
                          "attempt", "incursion", "invasion", "move", "act", "action"})


def _answers_hostility(verb: Token) -> bool:
    """A response to hostility, whoever shows it ("would firmly respond to any aggression", "will
    retaliate"), not to a letter or a question."""
    answered = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("to", "against")
                for g in p.children if g.dep_ == "pobj"]
    return all(g.lemma_.lower() in _HOSTILITIES for g in answered)


def _responded_to(verb: Token, index: MentionIndex) -> list[ActorRef]:
    """Whom a response answers: the object of "against" or "to" ("respond to any attack by Israel":
    the doer of the deed it names), on the verb or its measures, or whom a purpose clause
    stops ("to prevent Iran from acquiring")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    answered = [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("against", "to", "on")
                for g in p.children if g.dep_ == "pobj"]
    found = [a for g in answered for a in index.in_phrase(g) or [  # "any attack by Israel": its doer
        x for p in g.children if p.dep_ == "prep" and p.lower_ in ("by", "from")
        for o in p.children for x in index.in_phrase(o)]]
    found += [a for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in _STOPPING
              for g in c.children if g.dep_ == "dobj" for a in index.in_phrase(g)]
    return found


def on_other_sides(actors: Iterable[ActorRef], speakers: set[str], index: MentionIndex) -> list[ActorRef]:
    """The ``actors`` that are neither among the ``speakers`` (keys) nor on a speaker's side (the
    state an actor belongs to: "we must" said by a Turk is no demand of Turkey)."""
    sides = {index.sides.get(k) for k in speakers} - {None}
    return [a for a in actors if a.key not in speakers
            and (index.sides.get(a.key) is None or index.sides.get(a.key) not in sides)]


#: The classes of a deed that, said of the speaker's own side in the future, threaten someone.
_HOSTILE = frozenset({EventClass.ATTACK, EventClass.COERCION, EventClass.SANCTION})


def hostile_deed(verb: Token, lex: Lexicon) -> str | None:
    """The class of the harm a verb does, when it is one (by the trigger lexicon, else by the
    CAMEO verb it most often reports: "retaliate"), or ``None``."""
    lemma = verb.lemma_.lower()
    classes = lex.verb_index.get(lemma) or ()
    if not classes and lemma in lex.cameo:
        weights = lex.cameo[lemma]
        classes = [max(weights, key=weights.get)]
    return next((c for c in classes if c in _HOSTILE), None)


def describes_a_kind(verb: Token) -> bool:
    """A verb in the present tense, in a relative clause on a bare plural, says what a kind of
    people does, not what anyone did ("foreign bloggers who praise China gain followers",
    "groups that oppose the junta"); not with a determiner or a number ("the bloggers who praise",
    "two groups that oppose"), nor in the past ("bloggers who praised China")."""
    head = verb.head
    return verb.dep_ == "relcl" and verb.tag_ in ("VBP", "VBZ") and head.tag_ == "NNS" \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)


#: verbs whose passive says a thing is still to come ("is expected in Beirut for talks")
_ARRANGED = frozenset({"expect", "schedule", "plan", "set", "due"})


def future_or_conditional(verb: Token) -> bool:
    """The verb says what will, would or could be done, or what is done only if something else
    is ("will strike", "if attacked"), also through the phrase it sits in ("unless they have
    intention to undertake an invasion"): no deed done."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE or c.dep_ == "mark" and c.lower_ in ("if", "unless")
               for c in node.children):
            return True
        if node.dep_ == "xcomp" and wishes(node.head):
            return True  # "hopes to meet", "is expected to visit"
        if node.lemma_.lower() in _ARRANGED and any(c.dep_ == "auxpass" for c in node.children) \
                and not any(c.dep_ == "prt" for c in node.children):  # (not "were set back")
            return True  # "is expected in Beirut for talks", "talks are scheduled for Friday"
        if node.dep_ not in ("xcomp", "acl", "conj") or node.head.i == node.i:
            return False
        node = node.head if node.head.pos_ in ("VERB", "AUX") else governing_verb(node.head)
    return False


def own_future_deed(verb: Token, frame: SpeechFrame | None, index: MentionIndex, lex: Lexicon) -> bool:
    """What a speaker says their own side will, would or could do ("Iran said it will strike
    Israel"): a threat, not a deed done."""
    if frame is None or not frame.speakers or not any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children):
        return False  # (an "if" alone is no threat: "if attacked")
    return _speaker_side([c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")], frame, index, lex)


def _speaker_side(subjects: list[Token], frame: SpeechFrame, index: MentionIndex, lex: Lexicon) -> bool:
    """The main clause is about what the speaker's side will do: "I", "we", "it" meaning the
    speaker, the speaker or its state named, or harm ("sanctions could follow")."""
    speakers = {a.key for a in frame.speakers}
    states = speaker_sides(frame, index)  # "Russian Foreign Minister Lavrov said Russia will ..."
    for s in subjects:
        if s.lower_ in _FIRST_PERSON or set(lex.noun_index.get(s.lemma_.lower(), ())) & _HARM \
                or s.lemma_.lower() == "consequence":
            return True
        if any(a.key in speakers or index.sides.get(a.key) in states for a in index.named_or_meant(s)):
            return True
    return False


_OBLIGATION = frozenset({"should", "must", "ought"})
_BELIEFS = frozenset({"expect", "believe", "think", "hope", "predict", "estimate", "fear", "suspect", "assume",
                      "anticipate", "guess", "reckon"})
_NEED = frozenset({"need"})  # "both Russia and Ukraine need to do difficult things"


def _obliged_subjects(verb: Token) -> list[Token] | None:
    """The subjects a clause says should or must act ("X should respond", "X must not", "X needs to
    do"), or ``None`` when the clause says no such thing (a question or an "if" clause
    neither)."""
    children = list(verb.children)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in children):
        if any(c.dep_ == "aux" and c.lower_ == "have" for c in children):
            return None  # "he shouldn't have spent a day in prison": a reproach about the past
    elif verb.lemma_.lower() in _NEED and any(x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to"
                                                                          for a in x.children) for x in children):
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in children):
            return None  # "may have to", "will have to": a prospect, not a demand
    else:
        return None
    if verb.sent[-1].text == "?":
        return None
    return [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]


def modal_demands(doc: Doc, index: MentionIndex, frames: SpeechFrames, body: list[tuple[int, int]],
                  published: date | None, date_ents: list[Span]) -> list[EventItem]:
    """"The U.N. must maintain sanctions," a State Department spokesperson said; Odumakin said
    authorities should declare a state of emergency: what a speaker says another party should,
    must or needs to do is the speaker's Demand of that party (not of the speaker's own side:
    "we must", "Turkey will have to" said by a Turk). Its first trigger is the obliged verb."""
    events: list[EventItem] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or not in_body(verb.idx, body):
            continue
        subjects = _obliged_subjects(verb)
        if not subjects:
            continue
        frame = frames.of(verb)
        if frame is None or not frame.speakers or frame.verb is not None and (
                frame.verb.i == verb.i or frame.verb.lemma_.lower() in _BELIEFS):
            continue  # "parliament should vote Monday, officials expect": what they expect, not demand
        if any(s.lower_ in _FIRST_PERSON for s in subjects):
            continue
        speakers = {a.key for a in frame.speakers}
        named = [s for s in subjects if not (index.at(s) is not None and index.at(s).weak)
                 and not (s.dep_ == "nsubjpass" and s.lower_ in ("it", "this", "that"))]  # "it should be seen as"
        told = [a for c in frame.verb.children if c.dep_ in ("dobj", "dative") for a in index.in_phrase(c)] \
            if frame.verb is not None and frame.verb.lemma_.lower() in _TELLING else []
        meant = [a for s in named for a in (told if s.lower_ in _MAYBE_THE_SPEAKER and told  # "told Israel it must
                                             else index.named_or_meant(s))]  # do more": the one told
        targets = [a for a in on_other_sides(meant, speakers, index)
                   if a.actor_class not in (ActorClass.PLACE, ActorClass.GROUP)]  # not a generic group ("countries")
        if not targets:
            continue
        modal = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in _OBLIGATION), verb)
        sent = verb.sent
        events.append(EventItem(EventClass.DEMAND, [(verb.idx, verb.idx + len(verb)), (modal.idx, modal.idx + len(modal))],
                                (sent.start_char, sent.end_char), agents=unique_actors(frame.speakers),
                                targets=unique_actors(targets), place=spoken_place(verb, frame.verb, index),
                                date=frame_date(frame, published, date_ents)))
    return events


#: verbs of saying to someone, whom a pronoun in what they say to them refers to
_TELLING = frozenset({"tell", "remind", "inform", "assure", "warn"})


#: verbs of warning: a threat only where the speaker's side is to act or someone is warned
_WARNING = frozenset({"warn", "caution", "alert"})
#: what one warns of that is a deed threatened ("severe consequences", "retaliation")
_THREATENED = _MEASURES | _HOSTILITIES | {"consequence", "retaliation", "response", "reprisal", "war", "sanction",
                                          "force", "punishment", "price", "cost", "intervention", "invasion",
                                          "incursion", "interference"}
#: subjects that may be the speaker's side itself ("Russia warned that it would respond")
_MAYBE_THE_SPEAKER = frozenset({"i", "we", "it", "they", "he", "she"})


def warning_only(verb: Token, index: MentionIndex) -> bool:
    """A warning of what no one is said to do to anyone ("the envoy warned that the situation
    could spin out of control", "aid agencies warned of famine", '"The situation is
    catastrophic," the official warned'): no threat. A warning threatens where it is aimed at
    someone ("warned the United States against any military action"), names a deed threatened
    ("warned of severe consequences") or tells what the speaker's side will do ("Russia warned
    that it would respond", "warned Moscow would retaliate" said by the Kremlin)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _WARNING:
        return False
    speaking = verb_agents(verb, index)
    speakers = {a.key for a in speaking}
    own = {index.state_of(a) for a in speaking} - {None}  # "Russia's foreign ministry warned that Moscow would"
    complements = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.pos_ in ("VERB", "AUX"):
        complements.append(verb.head)  # '"The situation is catastrophic," the official warned'
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and index.named_or_meant(child):
            return False  # "warned Washington"
        if child.dep_ == "prep" and child.lower_ in ("of", "against", "about") and any(
                g.lemma_.lower() in _THREATENED or index.in_phrase(g) for g in child.children if g.dep_ == "pobj"):
            return False  # "warned of severe consequences", "warned against Israel"
    for clause in complements:
        if any(t.pos_ == "NOUN" and t.lemma_.lower() in _THREATENED for t in clause.subtree):
            return False  # "warned that any intervention would be considered a declaration of war"
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")):
            if subject.lower_ in _MAYBE_THE_SPEAKER or subject.lemma_.lower() in _THREATENED:
                return False  # "warned it would respond", "warned that retaliation would follow"
            named = index.named_or_meant(subject)
            if on_other_sides(named, speakers, index) != named or any(index.state_of(a) in own for a in named):
                return False  # the speaker's own side
        if clause.dep_ == "xcomp":
            return False  # "warned to stay away": told to someone
    return True


def warned_someone(verb: Token, index: MentionIndex) -> bool:
    """A warning by someone named, addressed to someone else named ("warned Tehran against
    retaliating") or telling what the speaker's side will do to them ("the United States warned
    that it would hold the Houthis accountable") or what they will suffer ("warned that India would
    pay a heavy price"): a threat, whatever the detector scores the verb.
    Not what may happen ("warned it could turn to Russia's jets", "warned that the measures could
    embolden him")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _WARNING or verb.dep_ in ("amod", "acl", "relcl") \
            or any(c.dep_ == "neg" for c in verb.children) or warning_only(verb, index):
        return False
    speaking = verb_agents(verb, index)
    speakers = {a.key for a in speaking}
    aimed = [a for c in verb.children if c.dep_ in ("dobj", "dative") for a in index.in_phrase(c)]
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is None or not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll")
                                      for c in clause.children):
            continue
        named = index.named_or_meant(subject)
        if subject.lower_ in _MAYBE_THE_SPEAKER and not named or named and {a.key for a in named} <= speakers:
            aimed += [a for c in clause.children if c.dep_ == "dobj" for a in index.in_phrase(c)]
        elif any(t.pos_ == "NOUN" and t.lemma_.lower() in _THREATENED for c in clause.children if c.dep_ == "dobj"
                 for t in c.subtree):
            aimed += named  # "warned that India would pay a heavy price", "that Pakistan would face consequences"
    return bool(speakers) and any(a.key not in speakers for a in aimed)


def empty_vow(verb: Token, lex: Lexicon) -> bool:
    """A vow of nothing hostile ("vowed to make the region climate neutral", "pledged to rebuild
    schools"): no threat. A vow threatens where what is vowed harms ("vowed to retaliate",
    "vowed revenge", "pledged to crush the rebels", "promised severe consequences")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _VOWING - {"threaten"}:
        return False
    vowed = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "dobj")]
    harm = {w for c in _HARM for w in (*lex.classes[c].verbs, *lex.classes[c].nouns)}
    harm |= _THREATENED | _RESPONDING | _REVENGE
    return bool(vowed) and not any(t.lemma_.lower() in harm for c in vowed for t in c.subtree)


def vowed_harm(verb: Token, lex: Lexicon, index: MentionIndex) -> bool:
    """A vow of harm by someone named ("Hezbollah confirmed the death of X and vowed to avenge
    him", "vowing to take resolute countermeasures"): a threat, whatever the detector scores the
    verb (:func:`empty_vow` tells a vow of harm)."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in _VOWING - {"threaten"} \
        and verb.dep_ not in ("amod", "acl", "relcl") and not any(c.dep_ == "neg" for c in verb.children) \
        and any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.children) and not empty_vow(verb, lex) \
        and bool(verb_agents(verb, index))


#: vowed harms besides the lexicon's ("vowed revenge", "vowed to crush the rebels")
_REVENGE = frozenset({"revenge", "vengeance", "avenge", "punish", "crush", "destroy", "defeat", "eliminate",
                      "annihilate", "eradicate", "fight", "wipe", "hunt", "kill", "strike", "hit", "target"})


def _warned_in_passing(hosts: list[Token], warnings: frozenset[str], index: MentionIndex) -> list[ActorRef]:
    """Whom a participle of warning on a statement addresses ("..., the leader said, warning Israel")."""
    return [a for host in hosts for c in host.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in warnings
            for o in c.children if o.dep_ in ("dobj", "dative") for a in index.in_phrase(o)]


def threatened_parties(trigger: Token, index: MentionIndex, *, threatening: Iterable[ActorRef] = ()
                       ) -> list[ActorRef]:
    """Whom a threat is against when it names the deed threatened: every actor named in that
    deed's object ("threatened to attack American forces": the forces and the United States;
    "warned it would strike Ukrainian cities": Ukraine; "warned it will continue to exert pressure
    on Iran": Iran), whom what is threatened is against ("threatened sanctions against Somalia"),
    or who is to be beaten before the deed ends ("vowed to fight until the RSF is defeated"), or
    whose act would set it off ("warned Moscow would retaliate if Finland allowed NATO bases"), or
    who is told they will pay for it ("warned that Iran would pay a heavy price"). The
    object of the deed, not the threat; never the ``threatening`` side nor one of its state ("Russia
    warned NATO against sending troops": not Russia's forces)."""
    deeds = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    deeds += [g for d in deeds for g in d.children if g.dep_ == "xcomp" and g.pos_ == "VERB"]  # "continue to exert"
    until = [g for d in deeds for g in d.children if g.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ == "until" for m in g.children)]
    provoking = [g for d in deeds for g in d.children if g.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in g.children)]  # "would retaliate if Finland ..."

    things = [c for c in trigger.children if c.dep_ == "dobj"]  # "threatened sanctions against Somalia"
    phrases = [g for thing in things for t in (thing, *thing.conjuncts) for g in t.children
               if g.dep_ == "prep" and g.lower_ in ("against", "on")]
    phrases += [obj for deed in deeds for obj in deed.children
                if obj.dep_ == "dobj" or obj.dep_ == "prep" and obj.lower_ in ("against", "on", "at")]
    phrases += [s for clause in until for s in clause.children if s.dep_ in ("nsubjpass", "dobj")]
    phrases += [s for clause in provoking for s in clause.children if s.dep_ == "nsubj"]
    phrases += [s for deed in deeds if deed.lemma_.lower() in _SUFFERING for s in deed.children
                if s.dep_ == "nsubj"]  # "warned that Iran would pay a heavy price": Iran
    keys = {a.key for a in threatening}
    states = {index.state_of(a) for a in threatening} - {None}
    return unique_actors([m.actor for phrase in phrases for m, head in index.in_subtree(phrase)
                          if m.actor.actor_class != ActorClass.PLACE and m.actor.key not in keys
                          and index.state_of(m.actor) not in states and not _issues_measure(head)])


#: what the threatened is told they will do: pay a price, face consequences, regret it
_SUFFERING = frozenset({"pay", "face", "regret", "suffer", "bear"})


def _issues_measure(word: Token) -> bool:
    """A name on a measure that says who imposes it ("the return of U.N. sanctions": the UN is
    not threatened)."""
    return word.dep_ in ("compound", "nmod", "poss") and word.head.lemma_.lower() in _MEASURES


#: measures a name on them says the issuer of
_MEASURES = frozenset({"sanction", "tariff", "embargo", "ban", "resolution", "mandate", "penalty", "restriction"})
