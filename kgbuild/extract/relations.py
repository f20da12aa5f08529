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

from .membership_verbs import (LEADING_WORDS, MEMBERSHIP_VERBS, ORG_CLASSES, ORGANISATIONS, leading_verbs,
                               membership_verbs, own_party, relation_for)
from .mentions import MentionIndex, in_body
from .names import POSSESSIVE
from .speech import CLAIM_AS_VERBS, SpeechFrames, claim_descriptions
from .items import ActorRef, ClaimItem, RelationItem
from .lexicon import Lexicon

__all__ = ["extract_relations", "copula_pronoun_relations"]

#: What an organisation works under ("under the supervision of Y").
_CONTROL_NOUNS = frozenset({"supervision", "control", "command", "authority", "auspices", "umbrella", "oversight",
                            "direction", "leadership"})
_PART_NOUNS = {"part", "unit", "member", "branch", "wing", "faction", "arm", "division", "affiliate",
               "offshoot", "component", "section", "subsidiary"}
_PLACE_NOUNS = {"town", "city", "village", "region", "province", "state", "district", "hub", "capital",
                "port", "area", "governorate", "county", "suburb", "neighborhood", "neighbourhood", "camp",
                "township", "hotel", "base", "airport", "island", "islands", "archipelago", "prison", "site",
                "valley", "peninsula"}
_CLAIM_THAT_VERBS = {"claim", "allege", "insist", "assert", "contend", "maintain"}
_SENIOR = {"senior", "top", "high", "deputy", "ranking", "high-ranking", "former", "assistant", "vice"}


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
            _person_relations(root, span, actor, index, lex, add)
            leading_verbs(root, actor, index, add)
        if actor.actor_class == "Place":
            _place_relations(root, actor, index, add)
    relations.extend(copula_pronoun_relations(doc, index, body=body))
    claims = _as_claims(doc, index, body, lex)
    kept: list[RelationItem] = []
    described = claim_descriptions(doc)
    frames = SpeechFrames(doc, index)
    for n, (anchor, relation) in enumerate(relations):
        if anchor.i in described:
            continue  # "presented X as 'Iranian forces'": the description is the claim, not a fact
        attributed, source = (False, None) if n in named else \
            _attribution(anchor, index, frames if n in stated else None, relation)
        if source is not None:
            claims.append(ClaimItem(source, relation.subject, relation.predicate, relation.object, relation.sentence))
        elif not attributed:  # what an unnamed speaker says ("police said X was ...") is no fact either
            kept.append(relation)
    return _dedupe(kept), claims


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
    home = index.home_state
    if actor.actor_class == "Organization" and home and _state_run(root) \
            and not any(c.dep_ == "poss" for c in root.children):  # "state-owned CCTV": the story's state's
        add(root, actor, "ofState", ActorRef(home, "State", home), evidence=(root.left_edge.idx, span.end_char))
    for child in root.children:
        if child.dep_ != "poss" or child.i >= span.start and child.i < span.end and index.at(child) is None:
            continue
        owner = index.at(child)
        if owner is None and child.lower_ in ("their", "its"):  # "the authorities said their forces"
            prior = index.previous_subject(child)
            if prior is not None and prior.key != actor.key and relation_for(actor, prior) \
                    and _may_own(actor, prior, index):
                add(root, actor, relation_for(actor, prior), prior, evidence=(child.idx, span.end_char))
            continue
        if owner is None or owner.actor.key == actor.key:
            continue
        predicate = relation_for(actor, owner.actor)
        if predicate:
            add(root, actor, predicate, owner.actor, evidence=(min(owner.start, span.start_char), span.end_char))


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
    for child in root.children:
        if child.dep_ == "appos" and child.lemma_.lower() in _PART_NOUNS:
            candidates.append(child)
        if child.dep_ == "relcl":
            candidates.extend(a for a in child.children if a.dep_ in ("attr", "acomp")
                              and a.lemma_.lower() in _PART_NOUNS)
    if root.dep_ == "nsubj" and root.head.lemma_ in ("be", "remain", "become"):
        candidates.extend(a for a in root.head.children if a.dep_ == "attr" and a.lemma_.lower() in _PART_NOUNS)
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
        for pobj in owners:
            for parent in index.in_phrase(pobj)[:1]:
                if parent.key == actor.key:
                    continue
                predicate = relation_for(actor, parent)
                if predicate:
                    add(root, actor, predicate, parent, evidence=(root.idx, pobj.idx + len(pobj)))


_NOT_MEMBERSHIP = frozenset({"critic", "opponent", "rival", "enemy", "victim", "target", "resident", "citizen", "native",
                             "friend", "ally", "supporter", "fan", "son", "daughter", "wife", "husband", "father",
                             "mother", "brother", "sister", "relative", "widow", "prisoner", "detainee", "hostage",
                             "student", "graduate", "alumnus", "guest", "visitor", "customer", "client", "author",
                             "biographer", "observer", "admirer"})
_FORMER = frozenset({"former", "ex", "then", "late", "previous", "erstwhile", "retired"})


#: Titles of the one who heads the ministry or department the title names.
_MINISTERS = frozenset({"minister", "secretary"})
#: Titles that are offices of a state's government when the story names no other organisation.
_STATE_OFFICES = frozenset({"president", "minister", "prime", "premier", "chancellor", "vice", "secretary"})


def _person_relations(root: Token, span, actor: ActorRef, index: MentionIndex, lex: Lexicon, add) -> None:
    """Titles and roles before the name ("PMU leader Z", "Iberdrola engineer Z", "WindEurope's CEO Z")
    or in an apposition ("Z, a senior Y official", "Z, a senior fellow at Y", "analyst Z of Y"):
    the person is a member of the organisation named with the role (its leader for a leading
    title). A former role ("former ambassador") is no membership now."""
    title_nouns: list[Token] = []
    # titles before the name, on its last word or on another ("WindEurope's CEO Giles Dickson")
    title_nouns.extend(c for token in span for c in token.children
                       if c.dep_ in ("compound", "nmod", "amod") and c.i < span.start)
    for child in root.children:
        if child.dep_ == "appos":
            title_nouns.append(child)
        if child.dep_ == "relcl":
            title_nouns.extend(g for g in child.children if g.dep_ == "dobj")
            if child.lemma_.lower() in LEADING_WORDS:
                title_nouns.append(child)
            if child.lemma_.lower() in _HOLDING_VERBS:  # "X, who served as the State Department's envoy"
                title_nouns.extend(_held_titles(child))
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "with", "from") and child.i >= span.end:
            title_nouns.append(child)  # "analyst Atilla Yesilada of Global Source Partners"
    if root.dep_ == "appos":
        title_nouns.append(root.head)
    title_nouns += [c for t in title_nouns if t.dep_ == "appos" for c in t.conjuncts
                    if c.i > t.i and c.pos_ in ("NOUN", "PROPN")]  # "X, former ... chief and current fellow at Y"
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _HOLDING_VERBS:
        title_nouns.extend(_held_titles(root.head))  # "X was the group's commander", "X serves as the army's chief"
    elif root.dep_ in ("nsubj", "nsubjpass") and span.end + 1 < len(span.doc) and span.doc[span.end].text == ",":
        aside = span.doc[span.end + 1]  # "Ishiba, as a member of the LDP, visited Taiwan"
        if aside.lower_ == "as" and aside.dep_ == "prep" and aside.head.i == root.head.i:
            title_nouns.extend(g for g in aside.children if g.dep_ == "pobj")
    for title in title_nouns:
        word = title.lemma_.lower()
        lower = title.lower_
        if word in _NOT_MEMBERSHIP or lower in _NOT_MEMBERSHIP:
            continue
        modifiers = {c.lower_ for c in title.subtree if c.i < title.i} | {c.lower_ for c in title.children}
        if modifiers & _FORMER or any(t.lower_ in _FORMER for t in title.doc[max(0, span.start - 3):span.start]) \
                or any(c.dep_ == "amod" and c.lower_ in _FORMER for c in root.children) \
                or _ended(title):  # "former NATO Secretary General X", "X served as Y until 2014"
            continue
        phrase = " ".join(t.lower_ for t in title.subtree if t.dep_ in ("compound", "amod") or t.i == title.i)
        leader = word in lex.leader_titles or lower in lex.leader_titles or word in LEADING_WORDS \
            or lower in ("ceo", "chief", "chairman", "chairwoman", "president", "director-general") \
            or any(f" {t} " in f" {phrase} " for t in lex.leader_titles if " " in t)
        member = word in lex.member_titles or lower in lex.member_titles
        role_noun = title.pos_ in ("NOUN", "PROPN") and not index.at(title)
        if not (leader or member or role_noun or title.dep_ == "prep"):
            continue
        senior = any(c.lower_ in _SENIOR or c.lower_.startswith("high") for c in title.subtree if c.i < title.i)
        # "the Zanu PF information director", "project director": heads a department, is a member
        # ... and a research or desk post on a country or region ("the Japan chair at Hudson
        # Institute", "Asia director"; a state before an office is whose it is: "U.S. Secretary")
        departmental = any(c.dep_ == "compound" and (c.pos_ == "NOUN" and index.at(c) is None or word in _DESK_POSTS
                                                     and index.at(c) is not None
                                                     and index.at(c).actor.actor_class in ("State", "Place"))
                           for c in title.children)
        predicate = "leaderOf" if leader and not senior and not departmental else "memberOf"
        official = leader or member
        nodes = list(title.subtree) + list(title.lefts) + [c for c in root.children if c.dep_ == "poss"] + [
            c for c in root.children if c.dep_ == "compound" and c.i < title.i]  # a flat "Central Java Governor X"
        if title.dep_ == "appos":  # "X, director at the coalition, Y Council": the body named in the next apposition
            nodes += [c for c in root.children if c.dep_ == "appos" and c.i > title.i and index.at(c) is not None]
        # "an expert at X": the organisation of the preposition first, "at" before "of" ("supervisor
        # of a program at X": X is where the person works)
        # and the organisation on the title before the title's possessor ("the EU's Commission
        # President X" heads the Commission)
        nodes.sort(key=lambda n: (n.dep_ != "pobj", n.dep_ == "pobj" and n.head.lower_ != "at",
                                  n.dep_ == "poss" and n.head.i == title.i))
        for node in nodes:
            if node.i >= span.start and node.i < span.end:
                continue
            org = index.at(node)
            possessor = node.dep_ == "poss" or node.dep_ == "nmod" and node.i + 1 < len(node.doc) \
                and node.doc[node.i + 1].lower_ in _POSSESSIVE_MARKS  # "Guterres’ spokesman", parsed or not
            if org is not None and possessor and official and org.actor.iri in index.led_bodies \
                    and org.actor.key != actor.key:
                # "Guterres' spokesman X", "Zelenskyy's chief of staff X": of the body the possessor leads
                add(root, actor, "memberOf", index.led_bodies[org.actor.iri][0],
                    evidence=(min(org.start, span.start_char), max(org.end, span.end_char)))
                break
            if org is None or org.actor.key == actor.key or org.actor.actor_class in ("Person", "Place", "Group"):
                continue
            if node.head.i != node.i and index.at(node.head) is org:
                continue  # "North" of "for North Korea": the name's head word says how it attaches
            if org.actor.actor_class == "State" and not official and node.dep_ != "pobj":
                continue  # "a North Korean expert": a topic or a nationality, not a membership
            if node.dep_ == "pobj" and node.head.lower_ not in ("of", "at", "with", "for", "from") \
                    and not (node.head.lower_ == "in" and org.actor.actor_class != "State"):
                continue  # "secretary in the Bureau of X" is of the bureau; "an expert in China" is not of China
            if node.dep_ == "pobj" and node.head.lower_ == "for" and org.actor.actor_class == "State":
                continue  # "the special representative for North Korea": the state is the brief, not the employer
            if node.dep_ == "pobj" and node.head.head.i != title.i and node.head.i != title.i \
                    and node.head.head.lemma_.lower() not in lex.person_titles \
                    and org.actor.actor_class == "State":
                continue  # "a fellow at X in Y": the organisation, not the country it sits in
            # "director of a program at X", "opposition leader in Parliament": a member of it
            deeper = node.dep_ == "pobj" and (title.i not in (node.head.i, node.head.head.i) or node.head.lower_ == "in")
            if word in _MINISTERS and not senior and not departmental and not deeper \
                    and org.actor.actor_class == "GovernmentBody" and org.actor.key not in index.sides \
                    and any(index.at(t) is org for c in title.children if c.dep_ in ("compound", "nmod", "prep")
                            for t in (c, *c.children)):
                predicate = "leaderOf"  # "Homeland Security Secretary X", "minister of environment": heads it
            add(root, actor, "memberOf" if deeper else predicate, org.actor,  # "director of a program at X"
                evidence=(min(org.start, span.start_char), max(org.end, span.end_char)))
            owner = next((m for c in node.children if c.dep_ == "poss" and (m := index.at(c)) is not None), None)
            if owner is not None and owner.actor.actor_class in ORGANISATIONS and owner.actor.key != org.actor.key:
                # "a fellow at the Atlantic Council's Indo-Pacific Security Initiative": of the council too
                add(root, actor, "memberOf", owner.actor,
                    evidence=(min(owner.start, span.start_char), max(org.end, owner.end, span.end_char)))
            if node.dep_ == "pobj":  # "a journalist with NewsDay and Heart and Soul Television": of each
                for other in (index.at(c) for c in node.conjuncts if c.i > node.i):
                    if other is not None and other.actor.actor_class in ORGANISATIONS and other.actor.key != actor.key:
                        add(root, actor, "memberOf" if deeper else predicate, other.actor,
                            evidence=(min(org.start, span.start_char), max(other.end, span.end_char)))
            break
        else:
            hyphened = title.i + 1 < len(title.doc) and title.doc[title.i + 1].text == "-"  # "secretary-general"
            office_at_home = actor.new or actor.iri in index.unaffiliated \
                or index.home_state in index.post_states.get(actor.iri, ())  # "Defense Secretary Pete Hegseth"
            if (official or word in _MINISTERS and not hyphened) and office_at_home \
                    and title.dep_ in ("compound", "nmod") \
                    and title.i < span.start \
                    and index.home is not None \
                    and (word in _STATE_OFFICES or lower in _STATE_OFFICES):
                # "President William Ruto" in a story about Kenya: the office of the state the story is
                # about (a KB person too, if the KB records no post of theirs, a former president, or
                # posts in that state's bodies)
                add(root, actor, predicate, index.home, evidence=(title.idx, span.end_char))
            if word in _JUDGES and title.i < span.start and title.dep_ in ("compound", "nmod", "amod"):
                court = _court_named_before(index, span.start_char)
                if court is not None:  # "Judge Antony Mrima" in a story about a Kenyan court: of that court
                    add(root, actor, "memberOf", court, evidence=(title.idx, span.end_char))


_POSSESSIVE_MARKS = POSSESSIVE | {"'", "’"}  # "Guterres’ spokesman"
#: posts that a country or region before them gives a subject, not an owner ("the Japan chair")
_DESK_POSTS = frozenset({"chair", "director", "fellow", "editor", "correspondent", "researcher", "analyst", "expert",
                         "specialist"})


def _ended(title: Token) -> bool:
    """A post held until some time ("served as NATO secretary general from 2009 until 2014",
    "who headed the party until he resigned"): the verb that gives it says when it ended."""
    node = title
    for _ in range(3):
        if node.pos_ in ("VERB", "AUX"):
            return any(c.lower_ in ("until", "till") and c.dep_ in ("prep", "mark") or
                       c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("until", "till") for g in c.children)
                       for c in node.children)
        if node.head.i == node.i:
            return False
        node = node.head
    return False


_JUDGES = frozenset({"judge", "justice", "magistrate"})
#: verbs whose complement is a post the subject holds ("was the commander", "served as envoy")
_HOLDING_VERBS = frozenset({"be", "become", "remain", "serve"})


def _held_titles(verb: Token) -> list[Token]:
    """The posts a holding verb gives its subject: its complement or its "as" object."""
    return [c for c in verb.children if c.dep_ in ("attr", "acomp", "oprd")] + [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]


def _court_named_before(index: MentionIndex, before: int) -> ActorRef | None:
    """The court the story last named before ``before`` (else first after it), if it names one."""
    courts = [m for m in index.mentions if m.actor.actor_class == "GovernmentBody" and not m.nested
              and "court" in m.actor.label.lower()]
    earlier = [m for m in courts if m.start < before]
    chosen = earlier[-1] if earlier else courts[0] if courts else None
    return chosen.actor if chosen is not None else None


def _place_relations(root: Token, actor: ActorRef, index: MentionIndex, add) -> None:
    """"X, a town in Y", "Yangon, Myanmar's commercial hub", "the Somali city of X", "X in Y"."""
    heads: list[Token] = [c for c in root.children if c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS]
    doc = root.doc
    if root.i + 2 < len(doc) and doc[root.i + 1].text == ",":  # "in Gusau, the capital of Zamfara State", the
        follower = doc[root.i + 2]  # apposition hung on the noun before "in" by the parser
        heads += [follower.head] if follower.head.dep_ == "appos" and follower.head.left_edge.i == root.i + 2 \
            and follower.head.head.i != root.i and follower.head.lemma_.lower() in _PLACE_NOUNS else []
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _PLACE_NOUNS:
        heads.append(root.head.head)
    if root.dep_ == "compound" and root.head.lemma_.lower() in _PLACE_NOUNS:
        heads.append(root.head)  # "the Mariscal Zavala prison in Guatemala City"
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
        if child.dep_ in ("conj", "npadvmod", "appos") and child.i == root.i + 2 and doc[root.i + 1].text == ",":
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
    node = anchor
    while node.dep_ in ("compound", "amod") and node.head.i != node.i:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass") and (
        node.head.lemma_ in ("be", "become", "remain", "serve") or node.head.lemma_.lower() in MEMBERSHIP_VERBS)


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
        sources = [a for s in verb.children if s.dep_ == "nsubj" for a in index.in_phrase(s)]
        sources += [a for g in verb.children if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"
                    for a in index.in_phrase(p)]  # "described by Y as ..."
        objects = [a for o in verb.children if o.dep_ in ("dobj", "nsubjpass") for a in index.named_or_meant(o)]
        if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
            objects += index.in_phrase(verb.head)  # "X, described by Y as ..."
        descriptions = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as"
                        for g in p.children if g.dep_ == "pobj"]
        descriptions += [c for c in verb.children if c.dep_ in ("oprd", "xcomp") and c.pos_ in ("NOUN", "PROPN")]
        if not (sources and objects and descriptions):
            continue
        sent = verb.sent
        for description in descriptions:
            said = index.at(description) or next((index.at(t) for t in description.subtree if index.at(t)), None)
            if said is None:
                continue
            claimed_state = said.actor.state or (said.actor.iri if said.actor.actor_class == "State" else None)
            for source in _unique_sources(sources):
                for obj in objects:
                    if claimed_state:
                        claims.append(ClaimItem(source, obj, "ofState", ActorRef(claimed_state, "State", claimed_state),
                                                (sent.start_char, sent.end_char)))
                    elif said.actor.actor_class in ORG_CLASSES and said.actor.key != obj.key:
                        predicate = relation_for(obj, said.actor) or "partOf"
                        if predicate == "memberOf" and description.lemma_.lower() in lex.leader_titles \
                                and not any(c.lower_ in _SENIOR for c in description.children):
                            predicate = "leaderOf"
                        claims.append(ClaimItem(source, obj, predicate, said.actor, (sent.start_char, sent.end_char)))
    return claims


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
        attrs = [a for a in token.head.children if a.dep_ == "attr" and a.lemma_.lower() in _PART_NOUNS]
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
