"""Features of trigger candidates and of (trigger, candidate actor) pairs, for the learned models.

Both the extractor and ``kgbuild train`` compute features here, so training and use see the
same thing. Features are strings; conjunctions with the event class let one linear model
learn class-specific behaviour ("the object of an Accusation is its target, the object of a
Consultation is a topic").

>>> dep_path(None, None)
'none'
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy
from spacy.tokens import Doc, Token

from .items import ActorRef
from .lexicon import Lexicon
from .speech import SpeechFrame
from .triggers import Candidate, embedding_trigger, governing_verb, is_hedged

if TYPE_CHECKING:
    from .linear import LinearModel

__all__ = ["trigger_features", "role_features", "dep_path", "RoleCandidate", "TokenContext", "MODALS"]

MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "will", "shall", "'ll", "wo"})
_CONDITIONAL = frozenset({"if", "unless", "whether", "once", "until"})


def _clause_verb(token: Token) -> Token:
    return token if token.pos_ in ("VERB", "AUX") else (governing_verb(token) or token)


def trigger_features(candidate: Candidate, lex: Lexicon, *, frame: SpeechFrame | None, quoted: bool,
                     trigger_ids: set[int], subject_class: str | None, object_class: str | None) -> list[str]:
    """Features of one trigger candidate (its words, lexicon classes, parse context, speech)."""
    token = candidate.token
    lemma = token.lemma_.lower()
    pos = "V" if token.pos_ in ("VERB", "AUX") else "N"
    f = [f"lemma={lemma}", f"lemma_pos={lemma}_{pos}", f"pos={pos}", f"tag={token.tag_}", f"dep={token.dep_}",
         f"head={token.head.lemma_.lower()}", f"dep_head={token.dep_}_{token.head.pos_}", "bias"]
    if candidate.multiword:
        f.append(f"mwe={token.doc[candidate.first.i:candidate.end + 1].lemma_.lower()}")
    for i, cls in enumerate(candidate.classes):
        f.append(f"lex={cls}")
        f.append(f"lex_pos={cls}_{pos}")
        if i == 0:
            f.append(f"lex1={cls}")
    if not candidate.classes:
        f.append("lex=none")
    for i, cls in enumerate(candidate.cameo):
        f.append(f"cameo={cls}")
        if i == 0:
            f.append(f"cameo1={cls}")
    for lexcls in candidate.classes[:1]:
        if lemma in lex.classes[lexcls].weak:
            f.append("weak")
    verb = _clause_verb(token)
    children = list(verb.children) + ([] if verb is token else list(token.children))
    for child in children:
        low = child.lower_
        if child.dep_ == "neg":
            f.append("neg")
        if child.dep_ == "aux" and low in MODALS:
            f.append(f"modal={low}")
        if child.dep_ == "aux" and low == "to":
            f.append("to_inf")
        if child.dep_ == "mark" and low in _CONDITIONAL:
            f.append(f"mark={low}")
        if child.dep_ in ("det", "poss") and child.head.i == token.i:
            f.append(f"det={low if child.dep_ == 'det' else 'poss'}")
        if child.dep_ in ("compound", "amod") and child.head.i == token.i:
            f.append(f"mod={child.lemma_.lower()}")
    if verb is not token:
        f.append(f"gov={verb.lemma_.lower()}")
    for child in token.children:  # what the trigger takes: "call for", "call on", "called X a Y"
        if child.dep_ in ("prep", "prt", "agent"):
            f.append(f"arg={lemma}_{child.dep_}_{child.lower_}")
            f.append(f"argdep={child.dep_}_{child.lower_}")
        elif child.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "attr", "dative"):
            f.append(f"arg={lemma}_{child.dep_}")
            f.append(f"argdep={child.dep_}")
            if child.dep_ == "dobj":
                f.append(f"dobj={child.lemma_.lower()}")
    if is_hedged(token, lex):
        f.append("hedged")
    embedding = embedding_trigger(token, lex, trigger_ids)
    if embedding:
        f.append(f"embedded={embedding}")
    if token.dep_ in ("acl", "relcl"):
        f.append(f"in_{token.dep_}_{token.tag_}")
    if token.head.lemma_.lower() in ("plan", "threat", "intention", "attempt", "bid", "risk", "fear"):
        f.append("under_hedge_noun")
    f.append(f"subj={subject_class or 'none'}")
    f.append(f"obj={object_class or 'none'}")
    if frame is not None:
        f.append(f"speech={frame.kind}")
        f.append(f"speech_speaker={'yes' if frame.speakers else 'no'}")
        for cls in candidate.classes[:1] or ("none",):
            f.append(f"speech_lex={frame.kind}_{cls}")
    else:
        f.append("speech=none")
    if quoted:
        f.append("quoted")
    if token.is_sent_start or token.i == token.sent.start:
        f.append("sent_start")
    if token.tag_ in ("VBN",) and any(c.dep_ == "auxpass" for c in token.children):
        f.append("passive")
    if token.tag_ == "VBG" and token.dep_ in ("pcomp", "advcl", "xcomp"):
        f.append(f"gerund_{token.dep_}")
    return f


@dataclass(frozen=True, slots=True)
class RoleCandidate:
    """An actor that may fill a role of an event, and where the text names it."""

    actor: ActorRef
    token: Token  # head token of the mention, pronoun or speaker phrase
    how: str  # "mention" | "nested" | "pronoun" | "speaker"


def dep_path(source: Token | None, target: Token | None, *, limit: int = 4) -> str:
    """The dependency path from ``source`` up to the common ancestor and down to ``target``
    ("nsubj^" up one step as a subject; "v" marks the steps down), or ``"long"``."""
    if source is None or target is None:
        return "none"
    up: list[Token] = [source]
    node = source
    while node.head.i != node.i and len(up) < 12:
        node = node.head
        up.append(node)
    up_ids = {t.i: n for n, t in enumerate(up)}
    down: list[Token] = [target]
    node = target
    while node.i not in up_ids and node.head.i != node.i and len(down) < 12:
        node = node.head
        down.append(node)
    if node.i not in up_ids:
        return "long"
    steps_up = [t.dep_ + "^" for t in up[:up_ids[node.i]]]
    steps_down = [t.dep_ + "v" for t in reversed(down[:-1])]
    steps = steps_up + steps_down
    if len(steps) > limit:
        return "long"
    return "/".join(steps) or "self"


def _salience(count: int) -> str:
    return "1" if count <= 1 else "3" if count <= 3 else "7" if count <= 7 else "many"


@lru_cache(maxsize=8)
def _context_names(prefix: str, width: int, ranges: int) -> tuple[str, ...]:
    """Every contextual-vector feature name, dimension by dimension and range by range."""
    return tuple(f"{prefix}{d}_{b}" for d in range(width) for b in range(ranges))


class TokenContext:
    """The tokens' contextual vectors of one doc as binary features, each token's computed once.

    ``doc.tensor`` is the pipeline's own tok2vec output: a vector per token that encodes the
    words around it (what the parser and tagger read). A linear model over string features
    uses it as one feature per dimension and value range: ``"actx17_3"`` is dimension 17 above
    the third cut. No features when the pipeline sets no tensor.

    >>> import spacy
    >>> doc = spacy.blank("en")("no tensor here")
    >>> TokenContext(doc).features(doc[0])
    []
    """

    #: cut points of a dimension's value (its middle half lies within about -0.5 and 0.5 in news text)
    CUTS = (-1.0, -0.5, 0.0, 0.5, 1.0)

    def __init__(self, doc: Doc, *, prefix: str = "actx") -> None:
        tensor = doc.tensor
        self._tensor = tensor if tensor is not None and len(tensor.shape) == 2 and tensor.shape[0] == len(doc) else None
        self._prefix = prefix
        self._cache: dict[int, list[str]] = {}
        self._partials: dict[tuple[int, int], tuple[float, ...]] = {}
        self._dims = numpy.arange(self._tensor.shape[1]) if self._tensor is not None else None

    def partial_sums(self, token: Token, model: LinearModel) -> tuple[float, ...] | None:
        """``model``'s summed weights of :meth:`features` (what they add to every score of a
        candidate at ``token``), worked out once per token and model; ``None`` without a tensor."""
        if self._tensor is None:
            return None
        key = (token.i, id(model))
        found = self._partials.get(key)
        if found is None:
            table = self._table(model)
            found = self._partials[key] = tuple(table[self._dims, self._buckets(token)].sum(axis=0).tolist())
        return found

    def _buckets(self, token: Token) -> numpy.ndarray:
        return numpy.searchsorted(self.CUTS, self._tensor[token.i], side="left")

    def _table(self, model: LinearModel) -> numpy.ndarray:
        """``model``'s weight of each (dimension, value range) feature per label, as an array
        indexed [dimension, value range, label] (the model keeps it: built once per model)."""
        width, ranges = self._tensor.shape[1], len(self.CUTS) + 1
        names = _context_names(self._prefix, width, ranges)
        return model.weight_matrix(names).reshape(width, ranges, -1)

    def features(self, token: Token) -> list[str]:
        if self._tensor is None:
            return []
        found = self._cache.get(token.i)
        if found is None:
            buckets = numpy.searchsorted(self.CUTS, self._tensor[token.i], side="left").tolist()
            found = self._cache[token.i] = [f"{self._prefix}{d}_{b}" for d, b in enumerate(buckets)]
        return found


def role_features(event_class: str, trigger: Token, cand: RoleCandidate, *, rule_agents: set[str],
                  rule_targets: set[str], speakers: set[str], frame_kind: str | None,
                  mentions: int = 1, context: TokenContext | None = None) -> list[str]:
    """Features of one (trigger, candidate actor) pair; many are conjoined with the event class.
    ``mentions`` is how often the article names the actor (its salience)."""
    key = cand.actor.key
    head = cand.token
    path = "context" if cand.how == "context" else dep_path(head, trigger)
    prep = head.head.lower_ if head.dep_ == "pobj" else "-"
    side = "before" if head.i < trigger.i else "after"
    distance = abs(head.i - trigger.i)
    bucket = "1" if distance <= 1 else "3" if distance <= 3 else "6" if distance <= 6 else "12" if distance <= 12 else "far"
    actor_class = cand.actor.actor_class
    same_sentence = head.sent.start == trigger.sent.start
    f = [f"path={path}", f"prep={prep}", f"dep={head.dep_}", f"side={side}", f"dist={bucket}",
         f"aclass={actor_class}", f"how={cand.how}", f"trig_pos={'V' if trigger.pos_ in ('VERB', 'AUX') else 'N'}",
         f"same_sent={same_sentence}", f"salience={_salience(mentions)}", "bias"]
    if key in rule_agents:
        f.append("rule=agent")
    if key in rule_targets:
        f.append("rule=target")
    if key in speakers:
        f.append("speaker")
        f.append(f"speaker_{frame_kind}")
    if cand.actor.new:
        f.append("new_actor")
    conj = [f"{event_class}|{x}" for x in f if not x.startswith(("dist=", "same_sent"))]
    f.extend(conj)
    f.append(f"path_prep={path}|{prep}")
    f.append(f"{event_class}|path_prep={path}|{prep}")
    f.append(f"side_dep={side}|{head.dep_}")
    if context is not None and cand.how != "context":
        f.extend(context.features(head))
    return f
