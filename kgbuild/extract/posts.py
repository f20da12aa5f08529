"""Memberships a person's titles and posts give: "PMU leader Z", "Iberdrola engineer Z", "Z, a
senior Y official", "Z, a senior fellow at Y", "analyst Z of Y", "Guterres' spokesman Z", "Z, who
served as the State Department's envoy", "Judge Z" of the court the story names. A former or
ended post is none (:func:`person_relations`)."""
from __future__ import annotations

from spacy.tokens import Token

from .items import ActorRef
from .lexicon import Lexicon
from .membership_verbs import LEADING_WORDS, ORGANISATIONS
from .mentions import MentionIndex
from .names import POSSESSIVE

__all__ = ["SENIOR", "person_relations"]

#: Words that make a title a post under the head ("senior", "deputy"), not the head itself.
SENIOR = frozenset({"senior", "top", "high", "deputy", "ranking", "high-ranking", "former", "assistant", "vice"})

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


def person_relations(root: Token, span, actor: ActorRef, index: MentionIndex, lex: Lexicon, add) -> None:
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
        held = root.head.head  # "The president of the European Commission, Ursula von der Leyen": the parser
        if root.head.dep_ == "pobj" and held.lower_ in ("of", "for") and held.head.pos_ == "NOUN":  # hangs the
            title_nouns.append(held.head)  # name on the organisation; the title is the noun before it
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
        if modifiers & _FORMER or any(t.lower_ in _FORMER and t.head.pos_ not in ("VERB", "AUX")  # not "Then, X said"
                                                  for t in title.doc[max(0, span.start - 3):span.start]) \
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
        senior = any(c.lower_ in SENIOR or c.lower_.startswith("high") for c in title.subtree if c.i < title.i)
        # "the Zanu PF information director", "project director": heads a department, is a member
        # ... and a research or desk post on a country or region ("the Japan chair at Hudson
        # Institute", "Asia director"; a state before an office is whose it is: "U.S. Secretary")
        departmental = any(c.dep_ == "compound" and (c.pos_ == "NOUN" and index.at(c) is None or word in _DESK_POSTS
                                                     and index.at(c) is not None
                                                     and index.at(c).actor.actor_class in ("State", "Place"))
                           for c in title.children)
        one_of_several = word not in ("founder", "co-founder") and any(  # "a commander of al-Shabab"
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in title.children)
        predicate = "leaderOf" if leader and not senior and not departmental and not one_of_several else "memberOf"
        official = leader or member
        nodes = list(title.subtree) + list(title.lefts) + [c for c in root.children if c.dep_ == "poss"] + [
            c for c in root.children if c.dep_ == "compound" and c.i < title.i]  # a flat "Central Java Governor X"
        if title.dep_ == "appos":  # "X, director at the coalition, Y Council": the body named in the next apposition
            nodes += [c for c in root.children if c.dep_ == "appos" and c.i > title.i and index.at(c) is not None]
        if root.head.i == title.i:  # "the education minister, X, former CEO of Y": not what X's own apposition names
            nodes = [n for n in nodes if not root.left_edge.i <= n.i <= root.right_edge.i]
        # "an expert at X": the organisation of the preposition first, "at" before "of" ("supervisor
        # of a program at X": X is where the person works)
        # and the organisation on the title before the title's possessor ("the EU's Commission
        # President X" heads the Commission)
        nodes.sort(key=lambda n: (n.dep_ != "pobj", n.dep_ == "pobj" and n.head.lower_ != "at",
                                  n.dep_ == "poss" and n.head.i == title.i))
        if title.pos_ in ("VERB", "AUX"):  # "X, who heads Thailand's Y Foundation": what is headed, not its owner
            nodes = [c for c in title.children if c.dep_ == "dobj"] + nodes
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
            relation = "memberOf" if deeper else predicate  # "director of a program at X"
            add(root, actor, relation, org.actor,
                evidence=(min(org.start, span.start_char), max(org.end, span.end_char)))
            owner = next((m for c in node.children if c.dep_ == "poss" and (m := index.at(c)) is not None), None)
            if owner is not None and owner.actor.actor_class in ORGANISATIONS and owner.actor.key != org.actor.key:
                # "a fellow at the Atlantic Council's Indo-Pacific Security Initiative": of the council too
                add(root, actor, "memberOf", owner.actor,
                    evidence=(min(owner.start, span.start_char), max(org.end, owner.end, span.end_char)))
            if node.dep_ == "pobj":  # "a journalist with NewsDay and Heart and Soul Television": of each
                for other in (index.at(c) for c in node.conjuncts if c.i > node.i):
                    if other is not None and other.actor.actor_class in ORGANISATIONS and other.actor.key != actor.key:
                        add(root, actor, relation, other.actor,
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
