"""Event coreference within one article: mentions of one event become one event.

"Fighters stormed an army base and killed four soldiers" is one attack; "the attack" later
refers back to it; a statement repeated in the next sentence is the same statement. How far
apart two mentions may be depends on the class's kind (``triggers.json``): physical events are
merged across the article, statements only in nearby sentences.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..vocabulary import EventClass
from .datelines import is_dateline
from .items import EventItem
from .lexicon import Lexicon
from .mentions import unique_actors
from .names import headline_end

__all__ = ["merge_events", "date_statements_by_news_day", "trigger_word"]


def trigger_word(event: EventItem, doc: Doc) -> Token | None:
    """The root word of ``event``'s first trigger in ``doc`` (``None`` if its offsets fit no token)."""
    span = doc.char_span(*event.triggers[0], alignment_mode="expand")
    return span.root if span is not None else None


def _compatible(a: EventItem, b: EventItem, lex: Lexicon, *, lead: tuple[int, int] = (0, 0)) -> bool:
    if a.event_class != b.event_class or b.another and b.sentence not in a.sentences:
        return False  # "their second summit was in Hanoi": not the one told before
    kind = lex.classes[a.event_class].kind
    headline_told = a.sentences[-1][1] <= lead[0] < b.sentence[0] < lead[1]  # the lead retells the headline
    if kind != "physical" and b.sentence != a.sentences[-1] and b.sentence[0] - a.sentences[-1][1] > 3 \
            and not headline_told:
        return False  # statements recur: only merge mentions in the same or the next sentence
    if a.date and b.date and a.date != b.date:
        return False
    if kind != "physical" and a.place and b.place and a.place.key != b.place.key:
        return False  # "met Kim at the Singapore summit ... their second summit was in Hanoi": two meetings
    if a.mode and b.mode and a.mode != b.mode and "armed-clash" in (a.mode, b.mode):
        return False  # a clash is not the raid it followed
    a_agents = {x.key for x in a.agents}
    b_agents = {x.key for x in b.agents}
    a_targets = {x.key for x in a.targets}
    b_targets = {x.key for x in b.targets}
    if a_agents and b_agents and not a_agents & b_agents:
        return False
    if a.event_class == EventClass.ATTACK and b.sentence == a.sentences[-1] and a_agents & b_agents:
        return True  # "gunmen killed a police officer and wounded two soldiers": one attack on both
    if a_targets and b_targets and not a_targets & b_targets:
        return False
    if not b_agents:
        return kind == "physical" and a.event_class != EventClass.COERCION or bool(a_targets & b_targets)
    return bool(a_agents & b_agents)


def _lead(doc: Doc) -> tuple[int, int]:
    """Where a title-case headline ends and the paragraph after it (the lead, which retells it)
    ends; ``(0, 0)`` without a headline."""
    end = headline_end(doc)
    if not end:
        return (0, 0)
    text = doc.text
    start = end + len(text[end:]) - len(text[end:].lstrip())
    stop = text.find("\n", start)
    return (end, len(text) if stop < 0 else stop)


def _misread(event: EventItem) -> bool:
    """Roles a headline's parse cannot have meant: no one acted on, or a side acting on itself."""
    return not event.targets or bool({a.key for a in event.agents} & {t.key for t in event.targets})


def merge_events(events: list[EventItem], lex: Lexicon, doc: Doc | None = None) -> list[EventItem]:
    """Merge coreferent event mentions; drop events left without an agent or, for weak
    triggers and classes that need one, without a target; keep one event per trigger word
    (``doc`` tells which class the lexicon gives the word)."""
    merged: list[EventItem] = []
    last_attack: EventItem | None = None
    lead = _lead(doc) if doc is not None else (0, 0)
    for event in sorted(events, key=lambda e: e.triggers[0][0]):
        kind = lex.classes[event.event_class].kind
        if event.embedded_agents and not event.targets and kind == "statement":
            doers = [a for a in event.embedded_agents if a.label != "?anaphor"]
            if not doers and last_attack is not None:
                doers = list(last_attack.agents)
            event.targets = [d for d in unique_actors(doers) if d.key not in {a.key for a in event.agents}]
        target = next((m for m in reversed(merged) if _compatible(m, event, lex, lead=lead)), None)
        if target is None and lead[0] < event.sentence[0] < lead[1]:  # the lead retelling a title-case headline:
            told = [m for m in merged if m.event_class == event.event_class and len(m.sentences) == 1
                    and m.sentences[0][1] <= lead[0] and _misread(m)]  # its parse beats the headline's where
            # that is plainly wrong ("... in Burkina Faso Ambush": no one attacked; "Kenya Clash": Kenya with itself)
            for other in told[1:]:
                told[0].triggers.extend(other.triggers)
                merged.remove(other)
            target = told[0] if told else None
            if target is not None:
                target.agents, target.targets, target.place = [], [], None
        if target is None and event.anaphoric:
            agents = {a.key for a in event.agents}
            target = next((m for m in reversed(merged) if m.event_class == event.event_class
                           and (not agents or agents & {a.key for a in m.agents}
                                or not m.agents and lex.classes[m.event_class].kind == "physical")), None)
        if target is None:
            merged.append(event)
            if event.event_class == EventClass.ATTACK:
                last_attack = event
            continue
        target.triggers.extend(event.triggers)
        target.weak = target.weak and event.weak
        told_together = event.sentence == target.sentences[-1] and event.event_class == EventClass.ATTACK
        if event.sentence not in target.sentences:
            target.sentences.append(event.sentence)
        # the event's first telling names its roles; a later mention only fills what it left out,
        # the same sentence's next verb adds whom it hit ("killed an officer and wounded two soldiers")
        target.agents = target.agents or event.agents
        added = [t for t in event.targets if t.key not in {a.key for a in target.agents}]
        target.targets = unique_actors([*target.targets, *added]) if told_together else target.targets or added
        target.place = target.place or event.place
        target.date = target.date or event.date
        target.mode = target.mode or event.mode
        target.mutual = target.mutual or event.mutual
    kept = _one_event_per_trigger([e for e in merged if e.agents and not (e.weak and not e.targets)
                                   and not (lex.classes[e.event_class].needs_target and not e.targets)], lex, doc)
    for event in kept:  # evidence: the fullest of the first sentences telling it (not a bare headline)
        event.sentence = max(event.sentences[:3], key=lambda s: s[1] - s[0])
        if not lex.classes[event.event_class].symmetric:
            agents = {a.key for a in event.agents}
            event.targets = [t for t in event.targets if t.key not in agents] \
                if event.mode != "armed-clash" and not event.mutual else event.targets
    return kept


def _one_event_per_trigger(events: list[EventItem], lex: Lexicon, doc: Doc | None) -> list[EventItem]:
    """A word reports one event: of events sharing a trigger, the one told more often stays, then
    the one of a class the lexicon gives its first trigger word ("warning": a threat), then the
    first. (An event's node is named after its first trigger: two would be one node with two
    classes.)"""
    def in_lexicon(event: EventItem) -> bool:
        word = trigger_word(event, doc) if doc is not None else None
        if word is None:
            return False
        lemma = word.lemma_.lower()
        return event.event_class in (*lex.verb_index.get(lemma, ()), *lex.noun_index.get(lemma, ()))

    ranked = sorted(range(len(events)), key=lambda i: (-len(events[i].triggers), not in_lexicon(events[i]), i))
    taken: set[tuple[int, int]] = set()
    keep: set[int] = set()
    for i in ranked:
        spans = set(events[i].triggers)
        if not spans & taken:
            keep.add(i)
            taken |= spans
    return [e for i, e in enumerate(events) if i in keep]


def date_statements_by_news_day(events: list[EventItem], doc: Doc, lex: Lexicon) -> None:
    """A story that opens with a dated statement ("X warned Friday that ...") reports that day's
    statements: undated statements later in it get that day."""
    verbal = {"statement", "exchange"}
    sentences = [(s.start_char, s.end_char) for s in doc.sents if s.text.strip() and not is_dateline(s)]
    lede = sentences[:3]
    opening = next((e for e in sorted(events, key=lambda e: e.triggers[0][0])
                    if any(a <= e.triggers[0][0] < b for a, b in lede) and e.date), None)
    if opening is None or lex.classes[opening.event_class].kind not in verbal:
        return
    for event in events:
        if event.date is None and lex.classes[event.event_class].kind in verbal:
            span = doc.char_span(*event.sentence, alignment_mode="expand")
            if span is not None and any(e.label_ in ("DATE", "TIME") for e in span.ents):
                continue  # "in September": a day of its own we could not pin down
            event.date = opening.date
