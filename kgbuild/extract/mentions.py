"""Actor mentions of one parsed document, looked up by token, with pronoun coreference.

:class:`MentionIndex` answers "which actor does this token name" for the event, role and
relation extractors, and resolves pronouns ("they", "its", "he") to the actor they most
likely refer back to: the latest subject of the right kind (people for "he"/"she", others for
"it"/"they"), preferring armed actors for the agent of an attack.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .items import ActorRef, MentionItem
from .nouns import flag_of_a_thing
from .quotes import quote_mask

__all__ = ["QUANTITY_WORDS", "RELATIVE_PRONOUNS", "asked_of", "counted", "MentionIndex", "PRONOUNS", "conjuncts",
           "first_of_list", "in_body", "unique_actors", "within_np"]

PRONOUNS = frozenset({"they", "them", "it", "he", "she", "its", "their", "his", "her", "we", "who", "which", "that",
                      "him", "itself", "themselves"})
#: relative pronouns, standing for the phrase their clause qualifies ("X, whom Y described as ...")
RELATIVE_PRONOUNS = frozenset({"which", "whom", "who", "that"})


#: Words that count the people of the "of" phrase they take ("dozens of protesters", "two of the
#: soldiers", "many of the detainees", "a group of students"): the phrase names those people
QUANTITY_WORDS = frozenset({"many", "some", "most", "all", "several", "none", "few", "dozen", "dozens", "hundreds",
                            "thousands", "scores", "millions", "majority", "half", "number", "handful", "group",
                            "one", "two", "three", "four", "five", "each", "both"})


def asked_of(verb: Token) -> list[Token]:
    """The words naming whom a verb of asking asks: its object ("urged Russia to ...") or the
    object of "on" ("called on Hamas to ...")."""
    return [c for c in verb.children if c.dep_ in ("dobj", "dative")] + [
        g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for g in p.children
        if g.dep_ == "pobj"]


def counted(token: Token) -> Token | None:
    """The noun a quantity word counts ("dozens of protesters": protesters), else None."""
    if token.lower_ not in QUANTITY_WORDS and not token.like_num:
        return None
    return next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"), None)


def in_body(start: int, body: list[tuple[int, int]]) -> bool:
    """Whether character offset ``start`` lies in the article's body (``body`` empty: all of it).

    >>> in_body(5, []), in_body(5, [(0, 4), (10, 20)]), in_body(12, [(0, 4), (10, 20)])
    (True, False, True)
    """
    return not body or any(s <= start < e for s, e in body)


#: verbs that report what a sentence tells, said after it ("..., the Observatory reported")
_REPORTING = frozenset({"say", "report", "tell", "announce", "claim", "add", "confirm", "state"})


def trailing_reporter(sent: Span) -> tuple[int, int] | None:
    """The words (first, end) of a speaker the parser hung on the sentence before a reporting verb
    that has no subject, after the last comma ("detained three men, the Syrian Observatory for
    Human Rights reported"; "abducted 25 students, police and local officials said Friday"): an
    apposition or conjuncts of the words before, in the parse, that are the verb's subject."""
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _REPORTING \
                or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        comma = next((t.i for t in reversed(sent.doc[sent.start:verb.i]) if t.text == ","), None)
        if comma is None or comma + 1 >= verb.i:
            continue
        words = sent.doc[comma + 1:verb.i]
        if any(t.pos_ in ("VERB", "AUX") for t in words) or not any(t.pos_ in ("NOUN", "PROPN") for t in words) \
                or words[0].dep_ not in ("appos", "conj", "det", "amod", "compound", "poss"):
            continue
        return comma + 1, verb.i
    return None


class MentionIndex:
    """Token-level lookups of actor mentions in one parsed document."""

    def __init__(self, doc: Doc, mentions: list[MentionItem], *, home: ActorRef | None = None,
                 home_state: str | None = None, sides: dict[str, str] | None = None,
                 unaffiliated: frozenset[str] = frozenset(),
                 post_states: dict[str, frozenset[str]] | None = None,
                 led_bodies: dict[str, tuple[ActorRef, ...]] | None = None,
                 place_within: dict[str, tuple[str, ...]] | None = None) -> None:
        self.doc = doc
        self.place_within = place_within or {}  # KB places -> the KB places and state they lie in
        self.unaffiliated = unaffiliated  # KB people whose posts the KB does not record
        self.post_states = post_states or {}  # KB people -> the states of the bodies they hold posts in
        self.led_bodies = led_bodies or {}  # KB people named here -> the organisations they lead
        self.home = home  # the government of the state the article is mostly about, if any
        self.home_state = home_state  # and that state's iri
        self.sides = sides or {}  # actor key -> the state it is (a state, its national government)
        self.by_token: dict[int, MentionItem] = {}
        self.heads: list[tuple[MentionItem, Token]] = []  # in text order
        self.joint: dict[int, list[ActorRef]] = {}  # token -> the other actors a plural noun there refers to
        for mention in sorted(mentions, key=lambda m: m.nested):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, mention)
                if mention.joint:
                    self.joint.setdefault(token.i, []).append(mention.actor)
            self.heads.append((mention, span.root))
        self.heads.sort(key=lambda pair: pair[0].start)
        self._head_starts = [m.start for m, _head in self.heads]
        self.mentions = mentions
        self._quoted: list[bool] | None = None
        self._reporters: list[range] | None = None  # per token: the words of its sentence's trailing reporter

    def sides_of(self, actor: ActorRef) -> set[str]:
        """The states an actor stands for: the one it is or belongs to (:meth:`state_of`), else
        those of every post the KB records for a person; empty when unknown."""
        state = self.state_of(actor)
        return {state} if state else set(self.post_states.get(actor.iri or "", ()))

    def quote_mask(self) -> list[bool]:
        """Whether each token of the document is inside quotation marks (worked out once)."""
        if self._quoted is None:
            self._quoted = quote_mask(self.doc)
        return self._quoted

    def in_span(self, start: int, end: int) -> list[tuple[MentionItem, Token]]:
        """The mentions between character offsets ``start`` and ``end``, with their head tokens."""
        # the heads are in order of their start: only those starting in [start, end] can be inside
        first, last = bisect_left(self._head_starts, start), bisect_right(self._head_starts, end)
        return [(m, head) for m, head in self.heads[first:last] if m.end <= end]

    def in_subtree(self, token: Token) -> list[tuple[MentionItem, Token]]:
        """The mentions within the words ``token`` governs (its subtree), with their head tokens."""
        return self.in_span(token.left_edge.idx, token.right_edge.idx + len(token.right_edge))

    def at(self, token: Token) -> MentionItem | None:
        return self.by_token.get(token.i)

    def reporter_words(self, token: Token) -> range:
        """The words of the :func:`trailing_reporter` of ``token``'s sentence (an empty range if
        none), worked out once per document."""
        if self._reporters is None:
            self._reporters = []
            for sent in self.doc.sents:
                found = trailing_reporter(sent)
                self._reporters.extend([range(*found) if found else range(0)] * len(sent))
        return self._reporters[token.i]

    def in_phrase(self, token: Token) -> list[ActorRef]:
        """Actors named by the noun phrase headed by ``token`` (with its conjuncts), not the
        speaker the parser hung on it ("abducted 25 students, police and local officials said")."""
        found: list[ActorRef] = []
        speaking = self.reporter_words(token)
        for head in conjuncts(token):
            if head.i in speaking and token.i not in speaking:
                continue
            mention = self.at(head)
            if mention is not None:
                found.append(mention.actor)
                found.extend(self.joint.get(head.i, ()))  # "the two countries": each of them
                found.extend(m.actor for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i
                             and c.conjuncts for g in (c, *c.conjuncts) if (m := self.at(g)) is not None
                             and m is not mention and m.actor.actor_class != "State")  # "Indian and Pakistani troops",
                # "the Congolese army and M23 rebels" parsed as one phrase on "rebels"
                continue
            people = counted(head)
            if people is not None:  # "dozens of protesters", "two of the soldiers" (not "thousands of Sudanese":
                found.extend(a for a in self.in_phrase(people) if a.actor_class != "State")  # no state's deed)
                continue
            for appos in (c for c in head.children if c.dep_ == "appos" and c.i not in speaking):  # "an armed
                # group, the SDF"
                named = self.at(appos)
                if named is not None:
                    found.append(named.actor)
            for child in head.subtree:
                if child.dep_ in ("relcl", "acl", "advcl", "ccomp", "appos") and child.i != head.i:
                    break
                m = self.at(child)
                if m is not None and within_np(child, head) and not flag_of_a_thing(child):
                    found.append(m.actor)  # (not "a Liberian-flagged ship": no party)
        return unique_actors(found)

    def state_of(self, actor: ActorRef) -> str | None:
        """The iri of the state ``actor`` is or belongs to (a person: the one state of their posts),
        if known."""
        if actor.actor_class == "State" or actor.state:
            return actor.state_iri
        posts = self.post_states.get(actor.iri or "", ())
        return next(iter(posts)) if len(posts) == 1 else None

    def previous_subject(self, token: Token, *, person: bool = False, prefer: frozenset[str] | None = None,
                         skip: frozenset[str] = frozenset()) -> ActorRef | None:
        """Simple pronoun coreference: the latest subject actor before ``token``.

        "he"/"she" take the latest person, "it"/"they" the latest non-person ("its" not one named by
        a common plural), an object pronoun not its own verb's subject, nor an actor whose key is
        in ``skip``; ``prefer`` (e.g. armed actors for the agent of an attack) wins over recency
        when it matches.
        """
        bound = self._controller(token, person=person)
        if bound is not None:  # "pressure Israel to stop its attacks": Israel's
            return bound
        if _participle_objects(token):  # "suspended the broadcasters RFI and France 24, accusing them of": RFI;
            # "expelled the ambassadors, accusing them": the ambassadors, whoever sent them
            return next(iter(self.acted_on_before(token, person=person)), None)
        speaker = self._reporting_subject(token, person=person, skip=skip)
        if speaker is not None:  # "Russia's Defense Ministry said it had destroyed 121 drones": the ministry
            return speaker
        best: ActorRef | None = None
        preferred: ActorRef | None = None
        source: ActorRef | None = None  # the latest person named only as a source ("according to X")
        # an object is never its own verb's subject ("Israel had accused it": not Israel)
        own_verb = token.head if token.dep_ in ("dobj", "dative") else None
        # nor the subject a participle without its own shares ("expelled X, accusing them": not the expeller)
        doer_verb = own_verb.head if own_verb is not None and own_verb.dep_ in ("advcl", "conj", "xcomp") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in own_verb.children) else own_verb
        quoted = self.quote_mask()
        for prior in self.doc[max(0, token.i - 120):token.i]:
            if prior.dep_ not in ("nsubj", "nsubjpass") and not (person and prior.ent_type_ == "PERSON"):
                continue
            if quoted[prior.i] and not quoted[token.i]:
                continue  # '"Putin does not want peace," he told reporters': not Putin, who is quoted
            if own_verb is not None and prior.head.i in (own_verb.i, doer_verb.i) \
                    and prior.dep_ in ("nsubj", "nsubjpass"):
                continue
            mention = self.at(prior)
            if mention is None or mention.actor.key in skip:
                continue
            if token.lower_ == "its" and prior.tag_ == "NNS":
                continue  # "Armenian forces had fired on its positions": not the forces
            if person != (mention.actor.actor_class == "Person"):
                continue
            if person and _cited(prior):
                source = mention.actor
                continue
            best = mention.actor
            if prefer and mention.actor.actor_class in prefer:
                preferred = mention.actor
        return preferred or best or source

    def _controller(self, token: Token, *, person: bool) -> ActorRef | None:
        """Whom a possessive pronoun in the object of an infinitive with no subject of its own
        stands for: the one asked or pressed to act ("urged Russia to withdraw its troops",
        "called on the U.S. to pressure Israel to stop its attacks": Israel's)."""
        if token.dep_ != "poss" or token.head.dep_ not in ("dobj", "pobj"):
            return None
        verb = token.head.head if token.head.dep_ == "dobj" else token.head.head.head
        if verb.pos_ != "VERB" or verb.dep_ not in ("xcomp", "ccomp", "advcl") \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return None
        for word in (a for a in asked_of(verb.head) if a.i < verb.i):
            mention = self.at(word)
            if mention is not None and person == (mention.actor.actor_class == "Person"):
                return mention.actor
        return None

    def named_with(self, person: ActorRef, token: Token) -> list[ActorRef]:
        """The others named in the phrase of the person's latest mention before ``token``: the body
        or state a title there makes them speak for ("Senior Hamas official Osama Hamdan ... He
        blamed": Hamas too)."""
        latest = next((head for mention, head in reversed(self.heads[:bisect_left(self._head_starts, token.idx)])
                       if mention.actor.key == person.key and not mention.nested), None)
        if latest is None:
            return []
        titled = latest.head if latest.dep_ == "appos" else latest  # ("Iran's foreign minister, X")
        return unique_actors([m.actor for m, head in self.in_subtree(titled) if head.i < titled.i
                              and m.actor.key != person.key and m.actor.actor_class != "Person"])

    def acted_on_before(self, token: Token, *, person: bool = False) -> list[ActorRef]:
        """Whom an object pronoun of a participle with no subject of its own stands for: the object
        of the verb the participle goes with, who is not its subject ("Mali's government suspended
        the broadcasters RFI and France 24, accusing them of spreading false reports": all the
        object names for a plural "them", one actor for "it", "him", "her"), or nothing."""
        for obj in _participle_objects(token):
            found = [a for a in self.in_phrase(obj) or self.represented(obj) if person == (a.actor_class == "Person")]
            if found:
                return found if token.lower_ == "them" else found[:1]
        return []

    def represented(self, head: Token) -> list[ActorRef]:
        """Whom the unnamed envoys or office holders of a phrase act for ("the ambassadors of Chile
        and Peru", "diplomats from Chile", "the head of the militia"), if it names them."""
        if head.lemma_.lower() not in _ENVOYS:
            return []
        return [a for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                for g in c.children if g.dep_ == "pobj" for a in self.in_phrase(g) if a.actor_class != "Place"]

    def _reporting_subject(self, token: Token, *, person: bool, skip: frozenset[str]) -> ActorRef | None:
        """The subject of the verb of saying whose report a subject pronoun (or its possessive)
        opens ("the ministry said it had ...", "the army said its troops ..."), if it is an actor
        of the pronoun's kind."""
        clause = token.head if token.dep_ in ("nsubj", "nsubjpass") else \
            token.head.head if token.dep_ == "poss" and token.head.dep_ in ("nsubj", "nsubjpass") else None
        if clause is None or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _REPORTING:
            return None
        for subject in (c for c in clause.head.children if c.dep_ == "nsubj" and c.i < token.i):
            mention = self.at(subject)
            if mention is not None and mention.actor.key not in skip \
                    and person == (mention.actor.actor_class == "Person"):
                return mention.actor
        return None

    def named_or_meant(self, phrase: Token) -> list[ActorRef]:
        """The actors a phrase names, or the one its personal pronoun refers back to ("he said",
        "described him as")."""
        named = self.in_phrase(phrase)
        if named or phrase.lower_ not in _PERSONAL:
            return named
        prior = self.previous_subject(phrase, person=phrase.lower_ in _PERSON_PRONOUNS)
        return [prior] if prior is not None else []


#: who acts for a state or body: what is done to "the ambassador of Chile" is done to Chile
_ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "consul", "emissary", "delegation", "delegate",
                     "representative", "president", "minister", "leader", "head", "chief", "commander",
                     "spokesman", "spokeswoman", "spokesperson"})
#: pronouns that stand for an actor named before (first person: the speaker, named by the frame)
_PERSONAL = frozenset({"it", "they", "them", "he", "she", "him", "her", "i", "we"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})


def _participle_objects(token: Token) -> list[Token]:
    """The objects of the verb that a participle with no subject of its own goes with, before it,
    where ``token`` is an object pronoun of the participle ("suspended RFI and France 24, accusing
    them": RFI)."""
    verb = token.head
    if token.dep_ not in ("dobj", "dative") or token.lower_ not in ("them", "it", "him", "her") \
            or verb.dep_ not in ("advcl", "conj") or verb.tag_ != "VBG" \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.head.pos_ != "VERB":
        return []
    return [c for c in verb.head.children if c.dep_ in ("dobj", "dative") and c.i < verb.i]


def _cited(token: Token) -> bool:
    """A person named as the source of what is said ("according to police spokesman X"): not
    whom "he" or "him" later refers to while another person is in the story."""
    node = token
    while node.dep_ in ("compound", "appos", "flat") and node.head.i != node.i:
        node = node.head
    return node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lower_ == "according"


def within_np(child: Token, head: Token) -> bool:
    node = child
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ in ("prep", "relcl", "acl", "advcl", "ccomp", "appos") and node.i != child.i:
            return False
        if node.dep_ == "prep" and node.lower_ != "of":
            return False
        node = node.head
    return True


def conjuncts(token: Token) -> list[Token]:
    """The token and the words joined to it after it; a list the parser read as an apposition
    with a conjunction ("Mali, Burkina Faso and Niger": "Burkina Faso" apposed to "Mali",
    "Niger" joined to it) is a list too, where all are names ("Odumakin, an activist and president
    of X" describes one person)."""
    found = [token, *[c for c in token.conjuncts if c.i > token.i]]
    for appos in (c for c in token.children if _listed_as_apposition(c)):
        found += [appos, *[c for c in appos.conjuncts if c.i > appos.i]]
    return found


def _listed_as_apposition(appos: Token) -> bool:
    return appos.dep_ == "appos" and appos.head.pos_ == appos.pos_ == "PROPN" \
        and any(g.dep_ == "cc" for g in appos.children) and bool(appos.conjuncts) \
        and all(c.pos_ == "PROPN" for c in appos.conjuncts)


def first_of_list(token: Token) -> Token:
    """The first name of the list ``token`` is in (itself if in none), as :func:`conjuncts` reads
    lists: "Niger" in "Mali, Burkina Faso and Niger" is Mali's."""
    first = token
    while first.head.i < first.i and (first.dep_ == "conj" or _listed_as_apposition(first)):
        first = first.head
    return first


def unique_actors(actors: Iterable[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        seen.setdefault(actor.key, actor)
    return list(seen.values())
