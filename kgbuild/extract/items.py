"""Typed items the extractor produces for one article (input to :mod:`kgbuild.graph`)."""
from __future__ import annotations

from dataclasses import dataclass, field
import datetime as dt

__all__ = ["ActorRef", "MentionItem", "RelationItem", "EventItem", "ClaimItem", "Extraction", "Span"]

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor a mention denotes: a KB actor (``iri`` set, ``new`` false) or a new one."""

    iri: str | None
    actor_class: str
    label: str
    new: bool = False
    state: str | None = None  # iri of the state a new institution belongs to
    parent: str | None = None  # iri of the organisation a new unit is part of

    @property
    def key(self) -> str:
        return self.iri or f"new:{self.actor_class}:{self.label.casefold()}"

    @property
    def state_iri(self) -> str | None:
        """The iri of the state this actor is (a state) or belongs to (``state``), if known."""
        return self.iri if self.actor_class == "State" else self.state


@dataclass(frozen=True, slots=True)
class MentionItem:
    start: int
    end: int
    text: str
    actor: ActorRef
    sentence: Span
    weak: bool = False  # a bare common noun ("residents"): kept only if the actor takes part in something
    nested: bool = False  # inside a longer mention ("Djiboutian" in "Djiboutian soldiers")
    joint: bool = False  # one of several actors a plural noun refers back to ("the two countries"), nested


@dataclass(frozen=True, slots=True)
class RelationItem:
    subject: ActorRef
    predicate: str  # partOf | ofState | leaderOf | memberOf | locatedIn
    object: ActorRef
    sentence: Span
    evidence: Span


@dataclass(slots=True)
class EventItem:
    event_class: str
    triggers: list[Span]
    sentence: Span
    agents: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    place: ActorRef | None = None
    date: dt.date | None = None
    mode: str | None = None
    sentences: list[Span] = field(default_factory=list)
    weak: bool = False  # only vague triggers ("violence", "operation"): needs a target to stand
    anaphoric: bool = False  # "the attack", "such attacks": refers back to an event told before
    another: bool = False  # "a second summit", "another strike": not one told before
    embedded_agents: list[ActorRef] = field(default_factory=list)  # doers of an act this one is about
    mutual: bool = False  # each side does it to the other ("accused each other"): agents are targets too

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = [self.sentence]


@dataclass(frozen=True, slots=True)
class ClaimItem:
    source: ActorRef
    subject: ActorRef
    predicate: str
    object: ActorRef
    sentence: Span


@dataclass
class Extraction:
    """Everything extracted from one article."""

    mentions: list[MentionItem] = field(default_factory=list)
    relations: list[RelationItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)
    claims: list[ClaimItem] = field(default_factory=list)
