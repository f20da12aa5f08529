"""What the linker knows while it reads one article, and the institutions of a state.

:class:`LinkContext` holds the per-article state (the KB index, the actors seen so far, the
state the story is about); :func:`institution` finds or makes a state's institution ("the
Iraqi government", "Somalia's army") the way every linking step names it.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .datelines import is_dateline
from .items import ActorRef, MentionItem
from .lexicon import KBIndex, Lexicon, normalise_name
from .mentions import in_body
from .names import POSSESSIVE
from .nouns import EQUIPMENT, names_an_actor_or_deed

__all__ = ["LinkContext", "bodies_led", "kb_ref", "own_forces", "state_of_ent", "state_of_token", "possessor_state",
           "institution", "government", "government_named_before", "government_named_last", "home_government",
           "state_sides", "chamber", "senders_state", "destination_states", "story_state", "junta_state",
           "remember_aliases", "forces_named_before"]

#: Nouns that name the institution another key names: members named for their force ("police
#: officers", "a soldier"), and one court for a state's courts ("a court", "another court").
_SAME_INSTITUTION = {"soldier": "soldiers", "servicemen": "soldiers", "service members": "soldiers",
                  "marines": "soldiers", "sailors": "soldiers", "paratroopers": "soldiers", "airmen": "soldiers",
                  "military personnel": "soldiers", "military officers": "soldiers",
                  "police officers": "police", "police officer": "police", "policemen": "police",
                  "policeman": "police", "security personnel": "security forces", "security officers": "security forces",
                  "court": "courts", "counterpart": "officials"}
_INSTITUTION_FALLBACK = {"officials": ("officials", "administration", "government"),
                         "authorities": ("authorities", "government"),
                         "administration": ("administration", "government"),
                         "soldiers": ("soldiers", "troops", "armed forces", "military", "army"),
                         "troops": ("troops", "soldiers", "armed forces", "military", "army"),
                         "forces": ("forces", "armed forces", "military", "security forces"),
                         "military": ("military", "armed forces", "army"),
                         "army": ("army", "armed forces", "military"),
                         "regime": ("regime", "government"), "junta": ("junta", "military", "government"),
                         "side": ("government",),  # "the Chinese side refused": China's government
                         "mps": ("mps", "parliament", "lawmakers"), "lawmakers": ("lawmakers", "parliament", "mps"),
                         "legislators": ("legislators", "lawmakers", "parliament")}


@dataclass
class LinkContext:
    """Per-article state: actors seen so far, for merging and coreference."""

    kbi: KBIndex
    lex: Lexicon
    author: str | None = None
    publisher: str | None = None
    dominant_state: str | None = None
    persons: dict[str, ActorRef] = field(default_factory=dict)     # surname key -> actor
    acronyms: dict[str, ActorRef] = field(default_factory=dict)
    groups: dict[str, ActorRef] = field(default_factory=dict)
    armed_counts: Counter[str] = field(default_factory=Counter)
    armed_positions: list[tuple[int, str]] = field(default_factory=list)
    things: set[str] = field(default_factory=set)  # names that name no actor anywhere in the article (storms)

    def is_publisher(self, text: str) -> bool:
        """Whether ``text`` names the outlet that publishes the story ("VOA", "VOA's Russian Service")."""
        if not self.publisher:
            return False
        name = normalise_name(self.publisher)
        initials = {"".join(w[0] for w in name.split()),  # "VOA" for Voice of America
                    "".join(w[0] for w in name.split() if w not in ("of", "the", "and"))}
        text = text.replace("\u2019s ", " ").replace("'s ", " ")
        first = normalise_name(text).split(" ")[0] if text.strip() else ""
        return normalise_name(text) == name or first in initials or normalise_name(text).startswith(name)


def kb_ref(ctx: LinkContext, iri: str) -> ActorRef:
    return ActorRef(iri, ctx.kbi.classes.get(iri, "Organization"), ctx.kbi.labels.get(iri, iri),
                    state=ctx.kbi.states_of.get(iri))


def bodies_led(ctx: LinkContext, mentions: list[MentionItem]) -> dict[str, tuple[ActorRef, ...]]:
    """The KB people named in the article -> the organisations the KB records them leading."""
    return {m.actor.iri: tuple(kb_ref(ctx, body) for body in led) for m in mentions
            if m.actor.iri and (led := ctx.kbi.led_bodies.get(m.actor.iri))}


def state_of_ent(ctx: LinkContext, ent: Span) -> str | None:
    iri = ent.ent_id_
    if iri and ctx.kbi.classes.get(iri) == "State":
        return iri
    if ent.label_ == "NORP":
        key = normalise_name(ent.text)
        return ctx.kbi.demonyms.get(key) or (ctx.kbi.demonyms.get(key[:-1]) if key.endswith("s") else None)
    return None


def institution(ctx: LinkContext, state: str, key: str, *, phrase: str | None = None) -> ActorRef:
    key = _SAME_INSTITUTION.get(key, key)
    for word in _INSTITUTION_FALLBACK.get(key, (key,)):
        iri = ctx.kbi.institutions.get((state, word))
        if iri:
            return kb_ref(ctx, iri)
    actor_class = ctx.lex.institution_nouns.get(key, "GovernmentBody")
    prefix = ctx.kbi.demonym_of.get(state) or ctx.kbi.labels.get(state, "")
    canonical = {"officials": "government", "authorities": "government", "side": "government",
                 "soldiers": "armed forces", "troops": "armed forces", "army": "armed forces",
                 "military": "armed forces",
                 "mps": "parliament", "lawmakers": "parliament", "legislators": "parliament"}.get(key, key)
    if phrase and key not in ("officials", "authorities", "side", "soldiers", "troops", "mps", "lawmakers",
                              "legislators"):
        words = [w for w in phrase.split() if w.lower() not in ("the", "a", "an", "'s", "\u2019s")]
        canonical = " ".join(words).lower() or canonical  # "national defense ministry"
    return ActorRef(None, actor_class, f"{prefix} {canonical}".strip(), new=True, state=state)


def home_government(ctx: LinkContext) -> ActorRef | None:
    """The government of the state the article is mostly about (after :func:`link_mentions`)."""
    return government(ctx, ctx.dominant_state) if ctx.dominant_state else None


def state_sides(ctx: LinkContext, mentions: list[MentionItem]) -> dict[str, str]:
    """Actor key -> the state it *is*, for the mentioned states and national governments
    ("Iran" and "the Iranian government" both stand for Iran; its ministries, forces and
    people do not)."""
    sides: dict[str, str] = {}
    for actor in {m.actor.key: m.actor for m in mentions}.values():
        if actor.actor_class == "State" and actor.iri:
            sides[actor.key] = actor.iri
            continue
        state = governed_state(ctx, actor)
        if state:
            sides[actor.key] = state
    return sides


def governed_state(ctx: LinkContext, actor: ActorRef) -> str | None:
    """The state ``actor`` is the national government of ("the Iranian government": Iran), or ``None``."""
    state = ctx.kbi.states_of.get(actor.iri) if actor.iri else actor.state
    if state and actor.actor_class == "GovernmentBody" and government(ctx, state).key == actor.key:
        return state
    return None


#: how far back (characters) "the government" looks for the government it refers to
_GOVERNMENT_REACH = 600
#: the bare nouns (lexicon keys) that name a state's government
_GOVERNMENT_NOUNS = frozenset({"government", "authorities", "officials", "administration", "regime"})


def government_named_last(ctx: LinkContext, noun: Token, mentions: list[MentionItem], *, key: str) -> str | None:
    """The state whose government a bare "the government" (or "the authorities") refers back to in
    a story about no one state: the government named last before it, in the last few sentences
    ("the Philippine government reported ... The government demanded that Beijing ...")."""
    if key not in _GOVERNMENT_NOUNS:
        return None
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        if mention.end > noun.idx or mention.nested:
            continue
        if noun.idx - mention.end > _GOVERNMENT_REACH:
            return None
        state = governed_state(ctx, mention.actor)
        if state:
            return state
    return None


#: bare nouns for a state's forces, which refer back to the forces named before them in the sentence
_BARE_FORCES = frozenset({"military", "army", "troops", "forces", "soldiers", "armed forces"})


#: bare nouns for a state's ministries, which refer back to the government named before them in the sentence
_BARE_MINISTRIES = frozenset({"foreign ministry", "defense ministry", "defence ministry", "interior ministry"})


def government_named_before(ctx: LinkContext, noun: Token, key: str, taken: dict[int, MentionItem]) -> str | None:
    """The state whose ministry a bare "the foreign ministry" is, where its sentence named that
    state's government before it ("Burkina Faso's military government expelled three French
    diplomats, the foreign ministry said": Burkina Faso's, in a story that names France more)."""
    if key not in _BARE_MINISTRIES:
        return None
    for word in reversed(noun.doc[noun.sent.start:noun.i]):
        mention = taken.get(word.i)
        state = governed_state(ctx, mention.actor) if mention is not None else None
        if state:
            return state
    return None


def forces_named_before(noun: Token, key: str, taken: dict[int, MentionItem]) -> str | None:
    """The state whose forces a bare "the military" refers back to within its sentence: of the
    forces or the state's weapons named last before it ("Israeli warplanes struck what the
    military said were Hezbollah depots": Israel's military, in a story about Lebanon)."""
    if key not in _BARE_FORCES:
        return None
    for word in reversed(noun.doc[noun.sent.start:noun.i]):
        mention = taken.get(word.i)
        if mention is None or not mention.actor.state_iri:
            continue
        if mention.actor.actor_class == "SecurityForce" or mention.actor.actor_class == "State" and \
                word.dep_ in ("amod", "compound") and word.head.lemma_.lower() in EQUIPMENT:
            return mention.actor.state_iri
    return None


#: what names the military ruling a state ("Niger's military rulers", "Mali's junta")
_MILITARY_RULE = frozenset({"ruler", "leader", "government", "regime", "leadership", "authority", "administration"})


def junta_state(noun: Token, taken: dict[int, MentionItem]) -> str | None:
    """The state whose junta a bare "the junta" refers back to: the state of the military rulers
    named last before it ("Niger's military rulers ordered France to withdraw ... The junta also
    accused France": Niger's, whichever state the story names more), else ``None``."""
    if noun.lemma_.lower() != "junta":
        return None
    named = taken.get(noun.i - 1) if noun.i else None
    if named is not None and named.actor.actor_class == "State":  # "Burkina Faso Junta" however parsed
        return named.actor.iri
    for word in reversed(noun.doc[:noun.i]):
        mention = taken.get(word.i)
        if word.lemma_.lower() == "junta" and mention is not None and mention.actor.state_iri:
            return mention.actor.state_iri  # "the junta" linked before
        if word.lemma_.lower() == "junta" or word.lemma_.lower() in _MILITARY_RULE and any(
                c.dep_ == "amod" and c.lower_ in ("military", "army-led", "military-led") for c in word.children):
            for child in word.children:
                owner = taken.get(child.i) if child.dep_ in ("poss", "compound", "amod") else None
                if owner is not None and owner.actor.state_iri:
                    return owner.actor.state_iri
    return None


def remember_aliases(ctx: LinkContext, ent: Span, actor: ActorRef) -> None:
    """"National Intelligence and Security Agency (NISA)": NISA denotes the same actor; so does the
    name it is "known as" ("the Special Deterrence Force, known as Rada": not Ukraine's Rada)."""
    doc = ent.doc
    if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
        ctx.acronyms[doc[ent.end + 1].text] = actor
    if actor.actor_class in ("Person", "Place", "State"):
        return
    words = [t.lower_ for t in doc[ent.end:ent.end + 5]]
    start = next((ent.end + len(lead) for lead in _KNOWN_AS if words[:len(lead)] == list(lead)), None)
    if start is None:
        return
    end = start
    while end < len(doc) and end - start < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    if end > start:
        ctx.acronyms[doc[start:end].text] = actor


#: what introduces another name of the actor just named ("the Special Deterrence Force, known as Rada")
_KNOWN_AS = (
    (",", "known", "as"), (",", "also", "known", "as"), (",", "locally", "known", "as"), (",", "better", "known", "as"),
    ("known", "as"), ("also", "known", "as"), (",", "widely", "known", "as"))


def government(ctx: LinkContext, state: str) -> ActorRef:
    """The government of ``state``: its KB institution, else a new one of that state."""
    return institution(ctx, state, "government")


#: Chambers of a legislature: "the upper house", "the parliament's lower house", "a U.S. Senate committee".
_HOUSES = frozenset({"house", "chamber"})
_COMMITTEES = frozenset({"committee", "subcommittee"})


def chamber(ctx: LinkContext, token: Token, taken: dict[int, MentionItem]) -> tuple[int, int, ActorRef] | None:
    """A chamber or committee of a legislature named by a noun ("the upper house", "the
    parliament's lower house", "a U.S. Senate committee", "the House of Representatives Committee
    on Legal Affairs"): the span of its phrase (first token, end) and a new legislature body,
    part of the legislature named with it (else of the parliament of the state the story is about)."""
    word = token.lemma_.lower()
    side = next((c for c in token.children if c.dep_ == "amod" and c.lower_ in ("upper", "lower")), None)
    owners = [c for c in token.children if c.dep_ in ("compound", "poss", "nmod") and c.i in taken]
    legislature = next((taken[c.i].actor for c in owners if taken[c.i].actor.actor_class == "Legislature"), None)
    of_owner = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                     if g.dep_ == "pobj" and g.i in taken and taken[g.i].actor.actor_class == "Legislature"), None)
    if legislature is None and of_owner is not None and word in _COMMITTEES:
        # "the standing committee of the National People's Congress": the committee's words only
        # (the legislature keeps its own mention), labelled with whose it is
        legislature = taken[of_owner.i].actor
        start = min([token.i, *(c.i for c in token.lefts if c.dep_ in ("amod", "compound"))])
        label = f"{token.doc[start:token.i + 1].text} of the {legislature.label}"
        return start, token.i + 1, ActorRef(None, "Legislature", label, new=True, parent=legislature.iri)
    if not (word in _HOUSES and side is not None or word in _COMMITTEES and legislature is not None):
        return None
    if legislature is None and ctx.dominant_state:
        legislature = institution(ctx, ctx.dominant_state, "parliament")
    if legislature is None or legislature.iri is None:
        return None
    start = side.i if side is not None else min(c.i for c in owners)
    end = token.i + 1
    if token.pos_ == "PROPN":  # a committee's own name goes on: "Committee on Legal Affairs, Justice and ..."
        end = max([end, *(t.i + 1 for c in token.children if c.dep_ == "prep" and c.lower_ in ("on", "for")
                          for t in c.subtree)])
    if owners:  # named as the text names it: "U.S. Senate committee", "parliament's lower house"
        first = min(t.i for c in owners for t in c.subtree)
        while token.doc[first].pos_ == "DET":
            first += 1
        label = token.doc[first:end].text
    else:
        label = f"{side.lower_} house of the {legislature.label}"
    return start, end, ActorRef(None, "Legislature", label, new=True, parent=legislature.iri)


def state_of_token(ctx: LinkContext, token: Token) -> str | None:
    """The state a capitalised token names or qualifies ("U.S.", "Kenyan")."""
    key = normalise_name(token.text)
    if not token.text[:1].isupper():
        return None
    state = ctx.kbi.demonyms.get(key)
    if state is None:
        state = next((i for i in ctx.kbi.names.get(key, []) if ctx.kbi.classes.get(i) == "State"), None)
    return state


def possessor_state(ctx: LinkContext, span: Span) -> str | None:
    """The state named just before ``span`` as its possessor ("Malawi's Department ...")."""
    if span.start >= 2 and span.doc[span.start - 1].text in POSSESSIVE:
        return state_of_token(ctx, span.doc[span.start - 2])
    return None


#: Verbs whose subject sends or commands the forces they govern ("Sudan's army deployed troops")
SENDING = frozenset({"deploy", "send", "dispatch", "move", "mobilize", "mobilise", "mass", "station", "order",
                     "redeploy", "withdraw", "pull", "instruct", "direct", "command"})


def senders_state(noun: Token, taken: dict[int, MentionItem]) -> str | None:
    """The state of whoever sends bare forces ("Sudan's army deployed troops to the border with
    Chad": Sudan's troops, whichever state the story names more)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in SENDING:
        return None
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        # the subject, else a name in its phrase ("Israel's defense minister ordered the military")
        for word in (subject, *(t for t in subject.subtree if t.i != subject.i)):
            mention = taken.get(word.i)
            if mention is not None:
                if mention.actor.state_iri:
                    return mention.actor.state_iri
    return None


#: what a force calls its own people ("the army said its troops")
_OWN_FORCES = frozenset({"troops", "soldiers", "forces", "personnel", "servicemen", "units"})


def own_forces(ctx: LinkContext, noun: Token, taken: dict[int, MentionItem], *, key: str) -> ActorRef | None:
    """The force bare forces with a possessive pronoun are ("The army said its troops had killed
    12 bandits": the army; "Russia's defense ministry said its forces": Russia's armed forces):
    where the subject named last before, in this sentence or the one before, is a security force
    or an armed group, they are that force; where it is a state or a state's body, that state's
    institution the noun (lexicon ``key``) names; ``None`` otherwise."""
    if noun.lower_ not in _OWN_FORCES or not any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                                 for c in noun.children):
        return None
    earliest = noun.sent.start - 1 if noun.sent.start > 0 else 0
    earliest = noun.doc[earliest].sent.start
    for i in range(noun.i - 1, earliest - 1, -1):
        mention = taken.get(i)
        if mention is None or not _in_subject(noun.doc[i]) or mention.nested:
            continue
        actor = mention.actor  # the nearest subject
        if actor.actor_class in ("SecurityForce", "ArmedGroup"):
            return actor
        if actor.actor_class == "State":
            state = actor.iri
        elif actor.actor_class == "GovernmentBody":
            state = ctx.kbi.states_of.get(actor.iri) if actor.iri else actor.state
        else:
            state = None
        return institution(ctx, state, key) if state else None
    return None


def destination_states(noun: Token, taken: dict[int, MentionItem]) -> set[str]:
    """The states bare forces are sent to ("sending troops to Ukraine"): whoever sends them, not those."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in SENDING:
        return set()
    found = set()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        for place in (g for g in prep.children if g.dep_ == "pobj" and g.i in taken):
            found.add(taken[place.i].actor.state_iri)
    return found


def _in_subject(token: Token) -> bool:
    """The token names (or qualifies) the subject of its clause ("Mali's military government expelled")."""
    while token.dep_ in ("poss", "compound", "amod", "nmod", "case") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


#: prepositions of a story set in a place ("in Sudan", "across Mali"): three mentions' worth
_SET_IN = frozenset({"in", "inside", "across", "throughout"})


def story_state(ctx: LinkContext, ents: Iterable[Span], body: list[tuple[int, int]]) -> str | None:
    """The state a story is about, if one stands out (two fifths of the weight): the states it names
    (three times where the story is set in one, "in Sudan", or filed from it, "BAMAKO, Mali —";
    half where a nationality qualifies a word that names no actor or deed, "Afghan soil"), with the
    KB organs and capitals it names deciding between them at half weight ("Somali forces", "in
    Islamabad"); with no state named, the one state all its KB places lie in ("in Khartoum")."""
    named: Counter[str] = Counter()
    places: Counter[str] = Counter()
    organs: Counter[str] = Counter()
    for ent in ents:
        if not in_body(ent.start_char, body):
            continue
        state = state_of_ent(ctx, ent)
        if state is None and ent.ent_id_ in ctx.kbi.states_of and len(ent) > 1 \
                and state_of_token(ctx, ent[0]) == ctx.kbi.states_of[ent.ent_id_]:
            state = ctx.kbi.states_of[ent.ent_id_]  # "Mali's military", "Somali forces": the state named in it
        located = ent.root.dep_ == "pobj" and ent.root.head.lower_ in _SET_IN or is_dateline(ent.sent)
        if state:
            described = ent.root.dep_ == "amod" and not names_an_actor_or_deed(ctx.lex, ent.root.head)
            weight = 3 if located else 0.5 if described else 1
            named[state] += weight * 2 if _in_subject(ent.root) else weight  # who acts: "Mali's ... expelled"
        elif ent.ent_id_ in ctx.kbi.capital_of:
            organs[ctx.kbi.capital_of[ent.ent_id_]] += 3 if located else 1
            places[ctx.kbi.capital_of[ent.ent_id_]] += 1
        elif ent.ent_id_ in ctx.kbi.place_states:
            places[ctx.kbi.place_states[ent.ent_id_]] += 1
        elif ent.ent_id_ in ctx.kbi.states_of:
            organs[ctx.kbi.states_of[ent.ent_id_]] += 1
    if not named and len(places) == 1:
        named = places
    elif named:
        for state, count in organs.items():
            named[state] += count / 2
    if not named:
        return None
    top, weight = named.most_common(1)[0]
    return top if weight >= 0.4 * sum(named.values()) else None
