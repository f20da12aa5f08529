"""Memberships (partOf, ofState, leaderOf, memberOf, locatedIn) and attributed claims.

Patterns work on the dependency parse and the linked mentions, not on word order:
"X and other Y militias", "Y's X", "X, part of Y", "X, a unit of Y", copulas ("they are
part of Y"), "Y leader Z", "Z, head of Y", "Z, a senior Y official", institutions named
from a state ("Iraqi government", "Djiboutian soldiers"), places ("X, a town in Y", "the
Somali city of X"). What the article only attributes ("US officials presented X as
'Iranian forces'", "X claimed that ...", "according to X") becomes a claim of X.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .items import ActorRef, ClaimItem, MentionItem, RelationItem
from .lexicon import Lexicon
from .membership_verbs import (MEMBERSHIP_VERBS, ORG_CLASSES, PART_NOUNS, clause_subject, leading_verbs,
                               membership_verbs, own_party, part_relation, relation_for)
from .mentions import RELATIVE_PRONOUNS, MentionIndex, in_body
from .posts import SENIOR, person_relations
from .speech import CLAIM_AS_VERBS, SpeechFrames, claim_descriptions

__all__ = ["extract_relations", "copula_pronoun_relations"]

#: What an organisation works under ("under the supervision of Y").
_CONTROL_NOUNS = frozenset({"supervision", "control", "command", "authority", "auspices", "umbrella", "oversight",
                            "direction", "leadership"})
_PLACE_NOUNS = {"town", "city", "village", "region", "province", "state", "district", "hub", "capital",
                "port", "area", "governorate", "county", "suburb", "neighborhood", "neighbourhood", "camp",
                "township", "hotel", "base", "airport", "island", "islands", "archipelago", "prison", "site",
                "valley", "peninsula"}
#: verbs that say where a place is ("X, where Y is located")
_LYING_VERBS = frozenset({"be", "locate", "lie", "sit"})
_CLAIM_THAT_VERBS = {"claim", "allege", "insist", "assert", "contend", "maintain"}
#: verbs whose complement the speaker says is untrue ("Russia denied that the group is part of its army")
_DENIAL_VERBS = frozenset({"deny", "dispute", "refute", "reject", "dismiss", "rebut"})


def extract_relations(doc: Doc, index: MentionIndex, lex: Lexicon, *, body: list[tuple[int, int]]
                      ) -> tuple[list[RelationItem], list[ClaimItem]]:
    """Relations asserted by the article, and claims it only attributes."""
    relations: list[tuple[Token, RelationItem]] = []
    named: set[int] = set()  # relations that follow from a name ("Nigerian police"), never a claim
    stated: set[int] = set()  # relations a clause states ("X was the group's commander", "X belongs to Y")

    def add(anchor: Token, subject: ActorRef, predicate: str, obj: ActorRef, *, evidence: tuple[int, int],
            from_name: bool = False) -> None:
        if subject.key == obj.key:
            return
        sent = anchor.sent
        if from_name:
            named.add(len(relations))
        if _predicative(anchor):
            stated.add(len(relations))
        relations.append((anchor, RelationItem(subject, predicate, obj, (sent.start_char, sent.end_char), evidence)))

    for mention in index.mentions:
        if not in_body(mention.start, body):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        actor = mention.actor
        ev = (mention.start, mention.end)
        if mention.nested:
            continue
        if actor.state and actor.actor_class != "State":
            add(root, actor, "ofState", ActorRef(actor.state, "State", actor.state), evidence=ev, from_name=True)
        if actor.parent:
            add(root, actor, "partOf", ActorRef(actor.parent, "Organization", actor.parent), evidence=ev,
                from_name=True)
        _modifier_relations(root, span, actor, index, lex, add)
        _other_relations(root, actor, index, add)
        _part_of_phrase(root, actor, index, add)
        membership_verbs(root, actor, index, add)
        own_party(root, actor, index, add)
        if actor.actor_class == "Person":
            person_relations(root, span, actor, index, lex, add)
            leading_verbs(root, actor, index, add)
        if actor.actor_class == "Place":
            _place_relations(root, actor, index, add)
            for outer in named_places_around(actor, index):  # "in Beledweyne ... Somalia": where the KB puts it
                add(root, actor, "locatedIn", outer, evidence=ev, from_name=True)
    relations.extend(copula_pronoun_relations(doc, index, body=body))
    claims = _as_claims(doc, index, body, lex)
    kept: list[RelationItem] = []
    described = claim_descriptions(doc)
    frames = SpeechFrames(doc, index)
    for n, (anchor, relation) in enumerate(relations):
        if anchor.i in described or n in stated and n not in named and _denied(anchor):
            continue  # "presented X as 'Iranian forces'": the description is the claim, not a fact
        attributed, source = (False, None) if n in named or relation.predicate == "locatedIn" else \
            _attribution(anchor, index, frames if n in stated else None, relation)  # where a place is: no claim
        if source is not None:
            claims.append(ClaimItem(source, relation.subject, relation.predicate, relation.object, relation.sentence))
        elif not attributed:  # what an unnamed speaker says ("police said X was ...") is no fact either
            kept.append(relation)
    unique = {(c.source.key, c.subject.key, c.predicate, c.object.key): c for c in reversed(claims)}
    return _dedupe(kept), [c for c in claims if unique[(c.source.key, c.subject.key, c.predicate, c.object.key)] is c]


def _dedupe(relations: list[RelationItem]) -> list[RelationItem]:
    """Drop repeats, and shortcuts the article also states step by step (X partOf Z when it
    says X partOf Y and Y partOf Z), so chains keep their steps."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in relations:
        key = (r.subject.key, r.predicate, r.object.key)
        if key not in seen:
            seen.add(key)
            out.append(r)
    parents: dict[str, set[str]] = {}
    for r in out:
        if r.predicate == "partOf":
            parents.setdefault(r.subject.key, set()).add(r.object.key)
    return [r for r in out if not (r.predicate == "partOf" and any(
        r.object.key in parents.get(middle, ()) for middle in parents.get(r.subject.key, ()) - {r.object.key}))]


def _modifier_relations(root: Token, span, actor: ActorRef, index: MentionIndex, lex: Lexicon, add) -> None:
    """"Y's X" and "the Iraqi government's formal security forces"."""
    if actor.actor_class in ("State", "Place", "Person"):
        return
    if actor.actor_class == "Organization" and _state_run(root) and not any(c.dep_ == "poss" for c in root.children):
        # "state-owned CCTV": the story's state's, else the one state the sentence's actors are of
        home = index.home_state or _state_of_sentence(root, index)
        if home:
            add(root, actor, "ofState", ActorRef(home, "State", home), evidence=(root.left_edge.idx, span.end_char))
    for child in root.children:
        if child.dep_ != "poss" or child.i >= span.start and child.i < span.end and index.at(child) is None:
            continue
        owner = index.at(child)
        if owner is None and child.lower_ in ("their", "its"):  # "the authorities said their forces"
            prior = index.previous_subject(child)
            if prior is not None and prior.key != actor.key and relation_for(actor, prior) \
                    and _may_own(actor, prior, index) and not _said_to_belong(root, prior, index):
                add(root, actor, relation_for(actor, prior), prior, evidence=(child.idx, span.end_char))
            continue
        if owner is None or owner.actor.key == actor.key:
            continue
        predicate = relation_for(actor, owner.actor)
        if predicate:
            add(root, actor, predicate, owner.actor, evidence=(min(owner.start, span.start_char), span.end_char))


def _said_to_belong(phrase: Token, prior: ActorRef, index: MentionIndex) -> bool:
    """Is ``phrase`` what the clause says ``prior`` belongs to ("X is part of its army", "X
    answers to its defence ministry")? Then "its" is not X's: nothing is part of its own part."""
    verb = phrase
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.lemma_ not in ("be", "become", "remain") and verb.lemma_.lower() not in MEMBERSHIP_VERBS:
        return False
    return any(prior.key == a.key for s in verb.children if s.dep_ in ("nsubj", "nsubjpass")
               for a in index.in_phrase(s))


def _state_of_sentence(token: Token, index: MentionIndex) -> str | None:
    """The one state that the actors named in ``token``'s sentence are of, if there is one."""
    sent = token.sent
    states = {index.sides.get(m.actor.key) or m.actor.state for m, _ in index.in_span(sent.start_char, sent.end_char)}
    states.discard(None)
    return states.pop() if len(states) == 1 else None


def _may_own(actor: ActorRef, owner: ActorRef, index: MentionIndex) -> bool:
    """Can ``owner`` (a pronoun's antecedent: "their forces") have ``actor`` as its part? Not a
    state's organ of another state ("the White House ... its officials" when the officials were
    linked to Moscow), nor a state's organ under a company or an NGO."""
    states = [a.state or index.sides.get(a.key) for a in (actor, owner)]
    if all(states) and states[0] != states[1]:
        return False
    return not (actor.actor_class in ("GovernmentBody", "SecurityForce", "Legislature")
                and owner.actor_class == "Organization")


_STATE_RUN = frozenset({"run", "owned", "controlled", "backed", "funded", "affiliated", "media", "broadcaster"})


def _state_run(root: Token) -> bool:
    """"state-run Xinhua", "state-owned CCTV", "state media outlet X": a state's organisation."""
    doc = root.doc
    for token in doc[max(root.left_edge.i, root.i - 6):root.i]:
        if token.lower_ == "state" and token.i + 2 < len(doc) and doc[token.i + 1].text == "-" \
                and doc[token.i + 2].lower_ in _STATE_RUN:
            return True
    return False


def _other_relations(root: Token, actor: ActorRef, index: MentionIndex, add) -> None:
    """"Ketaib Hezbollah and other PMU militias": X part of Y."""
    for conj in root.conjuncts:
        if not any(c.lower_ in ("other", "fellow") for c in conj.children):
            continue
        for child in conj.children:
            parent = index.at(child)
            if parent and child.dep_ in ("compound", "amod", "nmod") and parent.actor.key != actor.key:
                if relation_for(actor, parent.actor) in ("partOf", "ofState"):
                    add(root, actor, relation_for(actor, parent.actor), parent.actor,
                        evidence=(root.idx, conj.idx + len(conj)))
        parent = index.at(conj)
        if parent and parent.actor.key != actor.key and relation_for(actor, parent.actor) == "partOf":
            add(root, actor, "partOf", parent.actor, evidence=(root.idx, conj.idx + len(conj)))


def _part_of_phrase(root: Token, actor: ActorRef, index: MentionIndex, add) -> None:
    """"X, part of Y", "X, a unit of Y", "X, who are part of Y", "they are part of Y"."""
    candidates: list[Token] = []
    described = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]  # "X, a militia that ..."
    for child in (*root.children, *(g for c in described for g in c.children if g.dep_ == "relcl")):
        if child.dep_ == "appos" and child.lemma_.lower() in PART_NOUNS:
            candidates.append(child)
        if child.dep_ == "relcl" and not any(c.dep_ == "neg" for c in child.children):  # "X, which is not ..."
            candidates.extend(a for a in child.children if a.dep_ in ("attr", "acomp")
                              and a.lemma_.lower() in PART_NOUNS)
    subject = clause_subject(root)  # "many of the detainees are members of Y"
    if subject.dep_ == "nsubj" and subject.head.lemma_ in ("be", "remain", "become"):
        candidates.extend(a for a in subject.head.children if a.dep_ == "attr" and a.lemma_.lower() in PART_NOUNS)
    # "X, which is under the supervision of Y", "X, under the command of Y", "under Y's control"
    phrase = root.head if root.dep_ in ("compound", "amod") and root.head.pos_ in ("NOUN", "PROPN") else root
    holders = [phrase, *(c for c in phrase.children if c.dep_ == "relcl")]
    if phrase.dep_ == "nsubj":
        holders.append(phrase.head)
    for holder in holders:
        for prep in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "under"):
            if holder.i != phrase.i and holder.dep_ != "relcl" and prep.i > holder.i \
                    and holder.lemma_ not in ("be", "remain", "operate", "fall", "come", "work"):
                continue  # "X attacked under the command of Y" says how X attacked; "X, under ..., attacked" who X is
            for noun in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _CONTROL_NOUNS):
                candidates.append(noun)
                candidates.extend(c for c in noun.children if c.dep_ == "poss")  # "under Y's control"
    for noun in candidates:  # the owner: "Y's control" names Y itself, "part of Y" after "of"
        owners = [noun] if noun.dep_ == "poss" else [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                                                   for g in c.children if g.dep_ == "pobj"]
        if noun.lemma_.lower() in PART_NOUNS:  # "they are Boko Haram members", "X, an Iranian unit"
            owners += [c for c in noun.children if c.dep_ in ("compound", "nmod", "poss", "amod") and index.at(c)]
        for pobj in owners:
            for parent in index.in_phrase(pobj)[:1]:
                if parent.key == actor.key:
                    continue
                predicate = part_relation(actor, parent, noun)
                if predicate:
                    add(root, actor, predicate, parent, evidence=(root.idx, pobj.idx + len(pobj)))


def named_places_around(place: ActorRef, index: MentionIndex) -> list[ActorRef]:
    """The places and the state a KB place lies in that the article names too, nearest first
    (background knowledge between two of its actors: "Beledweyne" in a story that names
    Hirshabelle and Somalia lies in both)."""
    named = {m.actor.iri: m.actor for m in index.mentions if m.actor.iri}
    return [named[outer] for outer in index.place_within.get(place.iri or "", ()) if outer in named]


def _place_relations(root: Token, actor: ActorRef, index: MentionIndex, add) -> None:
    """"X, a town in Y", "Yangon, Myanmar's commercial hub", "the Somali city of X", "X in Y"."""
    heads: list[Token] = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS]
    doc = root.doc
    for clause in (c for c in root.children if c.dep_ == "relcl" and c.lemma_.lower() in _LYING_VERBS
                   and any(g.lower_ == "where" for g in c.children)):  # "Central Java, where Solo is located"
        for inner in (index.at(g) for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")):
            if inner is not None and inner.actor.actor_class == "Place" and inner.actor.key != actor.key:
                add(root, inner.actor, "locatedIn", actor, evidence=(root.idx, inner.end))
    if root.i + 2 < len(doc) and doc[root.i + 1].text == ",":  # "in Gusau, the capital of Zamfara State", the
        follower = doc[root.i + 2]  # apposition hung on the noun before "in" by the parser
        heads += [follower.head] if follower.head.dep_ == "appos" and follower.head.left_edge.i == root.i + 2 \
            and follower.head.head.i != root.i and follower.head.lemma_.lower() in _PLACE_NOUNS else []
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS:
        heads.append(root.head.head)
    if root.dep_ == "compound" and root.head.lemma_.lower() in _PLACE_NOUNS:
        heads.append(root.head)  # "the Mariscal Zavala prison in Guatemala City"
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in _LYING_VERBS - {"be"}:
        heads.append(root.head)  # "Gwadar is located in Balochistan"
    heads.append(root)
    for head in heads:
        for child in head.children:
            owner = None
            if child.dep_ in ("poss", "amod", "compound") and head.i != root.i or child.dep_ == "poss":
                owner = index.at(child)  # "China's western Xinjiang province", "Balochistan's Kalat district"
            elif child.dep_ == "prep" and child.lower_ in ("in", "of"):
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    owner = index.at(pobj) or next((index.at(t) for t in pobj.children  # "in Haiti's north"
                                                    if t.dep_ in ("compound", "amod", "poss") and index.at(t)), None)
                    if owner is not None:
                        break
            if owner is None or owner.actor.key == actor.key:
                continue
            if owner.actor.actor_class in ("Place", "State"):
                add(root, actor, "locatedIn", owner.actor, evidence=(min(owner.start, root.idx),
                                                                     max(owner.end, root.idx + len(root))))
                return
    for child in root.children:  # "Cotonou, Benin": a place and the state it is in, after a comma
        if child.dep_ in ("conj", "npadvmod", "appos") and child.left_edge.i == root.i + 2 \
                and doc[root.i + 1].text == ",":  # "Solo, Central Java" too
            owner = index.at(child)
            listed = len(root.conjuncts) > 1  # "Lagos, Abuja and Kano": a list of places, none inside another
            if owner is not None and owner.actor.key != actor.key and not any(c.dep_ == "cc" for c in child.children) \
                    and (owner.actor.actor_class == "State" or owner.actor.actor_class == "Place" and not listed):
                add(root, actor, "locatedIn", owner.actor, evidence=(root.idx, owner.end))
                return
    node = root
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head  # "Bayelsa, Cross River, Ogun and Lagos states": each of the list
    home = index.home_state
    division = node.head if node.dep_ in ("compound", "nmod") and node.head.lemma_.lower() in _DIVISIONS else next(
        (c for c in (node, *node.conjuncts) if c.tag_ == "NNS" and c.lemma_.lower() in _DIVISIONS), None)
    if home and actor.new and division is not None \
            and not any(c.dep_ in ("poss", "amod") and index.at(c) for c in division.children):
        # "in Nsanje and Phalombe districts", "Bayelsa, Cross River, Ogun and Lagos states" (the
        # parser may join the plural to the list): divisions of the state the story is about
        add(root, actor, "locatedIn", ActorRef(home, "State", home), evidence=(root.idx, division.idx + len(division)))


#: The divisions of a state ("Phalombe district", "Lagos and Ogun states").
_DIVISIONS = frozenset({"state", "province", "district", "region", "county", "governorate", "prefecture",
                        "municipality"})


def _predicative(anchor: Token) -> bool:
    """The relation is the statement of its clause: the anchor is the subject of a copula or a
    membership verb ("X was the group's deputy commander", "the unit belongs to the army")."""
    node = clause_subject(anchor)
    return node.dep_ in ("nsubj", "nsubjpass") and (
        node.head.lemma_ in ("be", "become", "remain", "serve") or node.head.lemma_.lower() in MEMBERSHIP_VERBS)


def _denied(anchor: Token) -> bool:
    """Does the clause whose statement the relation is say it is untrue ("X is not part of Y",
    "X was never a unit of Y") or report it as denied ("Russia denied that X is part of its army")?"""
    verb = clause_subject(anchor).head
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _DENIAL_VERBS


def _attribution(anchor: Token, index: MentionIndex, frames: SpeechFrames | None, relation: RelationItem
                 ) -> tuple[bool, ActorRef | None]:
    """Whether ``anchor`` sits in a clause the article only attributes to someone, and the
    claimant where the text names one: a claim verb's complement ("X claimed that ..."),
    reported speech ("officials of the ministry said X was the group's deputy commander",
    "according to the UN, the unit belongs to the army"). ``(True, None)``: attributed to a
    speaker that names no actor ("police said X was a member of Y", "according to a report")."""
    frame = frames.of(anchor) if frames is not None else None
    attributed = frame is not None and frame.kind in ("say", "according")
    if attributed and frame.speakers:  # a party's own word about itself is its claim too ("X said he was ...")
        return True, next((s for s in frame.speakers if s.key not in (relation.subject.key, relation.object.key)),
                          frame.speakers[0])
    node = anchor
    for _ in range(8):
        if node.head.i == node.i:
            break
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in _CLAIM_THAT_VERBS:
            subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
            for subject in subjects:
                actors = index.in_phrase(subject)
                if actors:
                    return True, actors[0]
            return True, None
        node = node.head
    return attributed, None


def _as_claims(doc: Doc, index: MentionIndex, body: list[tuple[int, int]], lex: Lexicon) -> list[ClaimItem]:
    """"US officials presented X and other Y militias as 'Iranian forces'": X ofState Iran, claimed."""
    claims: list[ClaimItem] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in CLAIM_AS_VERBS:
            continue
        if not in_body(verb.idx, body):
            continue
        sources = [a for s in verb.children if s.dep_ == "nsubj" for a in index.named_or_meant(s)]
        sources += [a for g in verb.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                    for a in index.in_phrase(p)]  # "described by Y as ..."
        objects = [a for o in verb.children if o.dep_ in ("dobj", "nsubjpass") and o.lower_ not in RELATIVE_PRONOUNS
                   for a in index.named_or_meant(o)]
        if verb.dep_ in ("acl", "relcl") and (verb.tag_ == "VBN" or any(
                o.dep_ in ("dobj", "nsubjpass") and o.lower_ in RELATIVE_PRONOUNS for o in verb.children)):
            objects += index.in_phrase(verb.head)  # "X, described by Y as ...", "X, whom Y describes as ..."
        descriptions = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                        for g in p.children if g.dep_ == "pobj"]
        descriptions += [c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "PROPN")]
        if not (sources and objects and descriptions):
            continue
        sent = verb.sent
        for description in descriptions:
            owner = _described_owner(description, index)  # "as part of Y", "as the leader of Y"
            said = owner or index.at(description) or next((index.at(t) for t in description.subtree
                                                           if index.at(t)), None)
            if said is None:
                continue
            claimed_state = None if owner else \
                said.actor.state or (said.actor.iri if said.actor.actor_class == "State" else None)
            for source in _unique_sources(sources):
                for obj in objects:
                    if claimed_state:
                        claims.append(ClaimItem(source, obj, "ofState", ActorRef(claimed_state, "State", claimed_state),
                                                (sent.start_char, sent.end_char)))
                    elif said.actor.actor_class in ORG_CLASSES | {"State"} and said.actor.key != obj.key:
                        predicate = part_relation(obj, said.actor, description) or "partOf"
                        if predicate == "memberOf" and description.lemma_.lower() in lex.leader_titles and not any(
                                c.lower_ in SENIOR or c.lower_ in ("a", "an") for c in description.children):
                            predicate = "leaderOf"  # "as the leader of Y" ("as a commander of Y": one of them)
                        claims.append(ClaimItem(source, obj, predicate, said.actor, (sent.start_char, sent.end_char)))
    return claims


def _described_owner(description: Token, index: MentionIndex) -> MentionItem | None:
    """The mention a description names as the whole its object belongs to: "as part of Y", "as a
    commander of Y", "as an arm of Y's army" (the first actor after "of"), "as a Chinese government
    propagandist" (the actor qualifying the noun); None when the description is itself a name or
    an actor's phrase ("as 'Iranian forces'")."""
    if index.at(description) is not None:
        return None
    for prep in (c for c in description.children if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found = index.at(pobj) or next((index.at(t) for t in pobj.subtree if index.at(t)), None)
            if found is not None:
                return found
    qualifiers = [index.at(c) for c in description.children if c.dep_ in ("compound", "nmod", "poss", "amod")]
    return next((m for m in qualifiers if m is not None and m.actor.actor_class != "State"),
                next((m for m in qualifiers if m is not None), None))


def _unique_sources(sources: list[ActorRef]) -> list[ActorRef]:
    return list({s.key: s for s in sources}.values())


def copula_pronoun_relations(doc: Doc, index: MentionIndex, *, body: list[tuple[int, int]]
                             ) -> list[tuple[Token, RelationItem]]:
    """"they are part of Y": "they" is the latest group-like actor named before."""
    out: list[tuple[Token, RelationItem]] = []
    for token in doc:
        if token.lower_ != "they" or token.dep_ != "nsubj" or token.head.lemma_ not in ("be", "remain", "become"):
            continue
        if not in_body(token.idx, body):
            continue
        attrs = [a for a in token.head.children if a.dep_ == "attr" and a.lemma_.lower() in PART_NOUNS]
        if not attrs:
            continue
        antecedents = _group_antecedents(token, index)
        if not antecedents:
            continue
        for attr in attrs:
            for prep in (c for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                    parent = index.at(pobj)
                    for antecedent in antecedents:
                        if parent is None or parent.actor.key == antecedent.key:
                            continue
                        predicate = relation_for(antecedent, parent.actor)
                        if predicate:
                            sent = token.sent
                            out.append((token, RelationItem(antecedent, predicate, parent.actor,
                                                            (sent.start_char, sent.end_char),
                                                            (token.idx, parent.end))))
    return out


def _group_antecedents(token: Token, index: MentionIndex) -> list[ActorRef]:
    """The actors of the latest subject or object phrase that names organised groups."""
    group_like = {"ArmedGroup", "Organization", "SecurityForce", "Group"}
    for prior in reversed(index.doc[max(0, token.i - 60):token.i]):
        if prior.dep_ not in ("nsubj", "nsubjpass", "dobj") or prior.head.lower_ == "as":
            continue
        actors = [a for a in index.in_phrase(prior) if a.actor_class in group_like]
        if actors:
            return actors
    return []
