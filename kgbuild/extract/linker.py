"""Mentions to actors: KB linking with the surrounding words, and typed new actors.

Works on a parsed spaCy ``Doc`` whose entities come from the KB entity ruler (``ent_id_``
is the KB IRI) and the statistical NER. Generic institution nouns ("troops", "the
government", "security forces") resolve to the institution of the state that modifies them
("Iraqi government", "the government of Iraq", "Somalia's army") or, bare, to the article's
dominant state; group nouns ("protesters", "militants") become one actor per article.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..vocabulary import EventClass
from .anaphora import both_alone, nominal_antecedent, plural_antecedents, titled_person
from .body_names import (PARENT_CLASSES, describes_a_name, state_mission, unit_named_after, unit_of,
                         with_name_continued)
from .capitals import stands_for_its_government
from .groups import crowd_protesting, group_actor, named_group, the_public_addressed
from .items import ActorRef, MentionItem
from .lexicon import normalise_name
from .link_context import (LinkContext, chamber, destination_states, forces_named_before, government,
                           government_named_before, government_named_last, home_government, institution, junta_state,
                           kb_ref, own_forces, possessor_state, remember_aliases, senders_state, state_of_ent,
                           state_of_token, state_sides, story_state)
from .mentions import in_body
from .name_labels import settle_name_labels
from .names import (MODEL_NAME, NAME_PARTICLES, POSSESSIVE, complete_person_names, headline_end, in_capitals_word,
                    is_noise, join_numbered_names, join_organisation_names, names_a_thing, rejoin_split_names,
                    storm_names, trimmed)
from .nouns import (EQUIPMENT, FORCE_SITES, ITS_PEOPLE, backer_of_another, freed, generic_of, has_gov_modifier,
                    judged, names_an_actor_or_deed, noun_key, of_elsewhere, phrase_start, sanctioned)
from .titles import holds_office_of, local_body, names_title_holder, qualifies_title, regional_government
from .untagged_names import (described_names, descriptor_class, employers_named, national_sections,
                             people_described, regions_named)

__all__ = ["link_mentions", "LinkContext", "home_government", "state_sides"]

_NER_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
_BARE_OK = {"government", "military", "army", "police", "security forces", "junta", "regime", "authorities",
            "troops", "soldiers", "parliament", "lawmakers", "mps", "officials", "administration", "armed forces",
            "soldier", "servicemen", "service members", "military personnel", "military officers",
            "police officers", "police officer", "policemen", "policeman", "security personnel", "security officers",
            "paramilitary", "paramilitary force", "court", "courts", "judiciary", "prosecutors", "prison guards",
            "law enforcement agencies", "defense ministry", "defence ministry", "foreign ministry", "interior ministry",
            "navy", "air force", "coast guard", "special forces", "border guards", "gendarmes", "intelligence services",
            "security services", "presidency", "cabinet"}


def _type_org(ctx: LinkContext, text: str) -> str:
    """The class of a named organisation the KB does not know, from the words of its name:
    civil-society words first ("Institute", "University", "Foundation"), then international ones
    ("International", "World", "U.N."), then the state and armed ones."""
    low = f" {text.lower()} "
    for actor_class in ("Organization", "InternationalOrganization", "ArmedGroup", "Legislature", "SecurityForce",
                        "GovernmentBody"):
        if any(f" {w} " in low or low.strip().endswith(w) for w in ctx.lex.org_words.get(actor_class, ())):
            return actor_class
    return "Organization"


def link_mentions(doc: Doc, ctx: LinkContext, *, body: list[tuple[int, int]]) -> list[MentionItem]:
    """Every actor mention of the article, non-overlapping, in text order."""
    rejoin_split_names(doc)
    join_organisation_names(doc)
    join_numbered_names(doc)  # "France 24": a broadcaster, not France
    titles = ctx.lex.person_titles | ctx.lex.leader_titles | ctx.lex.member_titles
    settle_name_labels(doc, titles=titles, org_words=[w for words in ctx.lex.org_words.values() for w in words],
                       demonyms=ctx.kbi.demonyms)
    complete_person_names(doc, titles=titles)
    taken: dict[int, MentionItem] = {}
    items: list[MentionItem] = []
    author_key = normalise_name(ctx.author) if ctx.author else None
    ctx.dominant_state = story_state(ctx, doc.ents, body)
    for ent in doc.ents:  # the armed groups named, also those the NER found and the KB knows ("Al-Shabaab")
        iri = ent.ent_id_ or (next(iter(ctx.kbi.lookup(ent.text)), "") if ent.label_ in ("ORG", "NORP") else "")
        if iri and ctx.kbi.classes.get(iri) == "ArmedGroup" and not backer_of_another(ent.root):  # not "an
            # al-Qaida-linked group"
            ctx.armed_counts[iri] += 1
            ctx.armed_positions.append((ent.start_char, iri))
    ctx.things.update(normalise_name(name) for name in storm_names(doc))  # "Jude" after "Cyclone Jude" too
    missed_people = people_described(doc, {}, titles)  # "Nop Vy, the association's executive director"
    for start, end in missed_people:  # full names first, with those the NER missed
        _person(ctx, doc[start:end].text)
    for ent in doc.ents:  # full names first, so "Guterres" before "Antonio Guterres" still merges
        if ent.label_ == "PERSON" and not ent.ent_id_ and not names_a_thing(ent) \
                and normalise_name(ent.text) not in ctx.things \
                and not _pair_of_states(ctx, ent.text) and not _initials(ent.text.strip()):
            _person(ctx, ent.text.strip())
        elif ent.ent_id_ and ctx.kbi.classes.get(ent.ent_id_) == "Person" and len(ent) > 1:
            ctx.persons[normalise_name(ent[-1].text)] = kb_ref(ctx, ent.ent_id_)  # "Wood" after "Robert Wood"

    def add(start: int, end: int, actor: ActorRef, *, weak: bool = False, nested: bool = False,
            joint: bool = False) -> None:
        span = doc[start:end]
        if not nested and any(i in taken for i in range(start, end)) or not span.text.strip():
            return
        if nested:  # "Djiboutian" inside "Djiboutian soldiers": the state is mentioned too
            sent = span.sent
            items.append(MentionItem(span.start_char, span.end_char, span.text, actor,
                                     (sent.start_char, sent.end_char), nested=True, joint=joint))
            return
        sent = span.sent
        item = MentionItem(span.start_char, span.end_char, span.text, actor, (sent.start_char, sent.end_char),
                           weak=weak and actor.new)
        for i in range(start, end):
            taken[i] = item
        items.append(item)

    def add_regional(ent: Span, place: ActorRef) -> bool:
        """A place named before a government office: its government, and the place too."""
        regional = regional_government(ctx, doc, ent, place)
        if regional is None:
            return False
        add(ent.start, ent.end, regional)
        add(ent.start, ent.end, place, nested=True)
        return True

    headline = headline_end(doc)
    for ent in doc.ents:
        if not in_body(ent.start_char, body) or ent.ent_id_ and in_capitals_word(ent):
            continue
        if author_key and normalise_name(ent.text) == author_key:
            continue
        if ctx.is_publisher(ent.text) or ent.start > 1 and doc[ent.start - 1].lower_ in ("'s", "\u2019s") \
                and ctx.is_publisher(doc[ent.start - 2:ent.end].text):
            continue  # "VOA", "VOA Somali", "VOA's Korean Service": the outlet, not an actor of the story
        if ent.label_ in ("ORG", "PRODUCT") and not ent.ent_id_ and ent.root.dep_ == "pobj" \
                and ent.root.head.lower_ in ("on", "via") and ent.root.head.head.pos_ in ("VERB", "NOUN"):
            continue  # "wrote on Twitter", "a post on Facebook": the medium, not an actor
        if ent.label_ not in _NER_LABELS and not ent.ent_id_:
            continue
        state = state_of_ent(ctx, ent)
        root = ent.root
        if state:
            if names_title_holder(doc, ent, ctx) or qualifies_title(ent, ctx) or holds_office_of(doc, ent, ctx):
                # "Turkish President Erdogan", "the president of Kenya": its government
                add(ent.start, ent.end, government(ctx, state))
                add(ent.start, ent.end, kb_ref(ctx, state), nested=True)  # and Turkey is named too
                continue
            head = root.head
            joined = root.dep_ == "conj" or (root.dep_ in ("amod", "compound") and root.i + 1 < len(doc)
                                             and doc[root.i + 1].text == "-" and root.head.i == root.i + 2)
            if joined and root.head.dep_ in ("amod", "compound") and root.head.head.i >= ent.end:
                head = root.head.head  # "Egyptian and Qatari officials", "French-Malian outpost": both states
                inside = any(i in taken for i in range(ent.start, ent.end))  # within the first state's phrase
                if head.lemma_.lower() in FORCE_SITES:
                    add(ent.start, ent.end, institution(ctx, state, "armed forces"), nested=inside)
                    continue
                generic = generic_of(ctx.lex, head)
                if generic:
                    add(ent.start, ent.end, institution(ctx, state, generic[0]), nested=inside)
                    continue
            described = head.dep_ == "pobj" and head.head.lower_ == "as"  # "presented X as 'Iranian forces'"
            if root.dep_ in ("amod", "compound", "nmod") and head.lemma_.lower() in FORCE_SITES:
                add(ent.start, ent.end, institution(ctx, state, "armed forces"))  # "a Malian army outpost"
                continue
            if root.dep_ in ("amod", "compound", "poss", "nmod") and head.i >= ent.end and head.pos_ in ("NOUN", "PROPN") \
                    and not described:
                generic = generic_of(ctx.lex, head)
                if generic and root.dep_ == "poss":  # "South Korea's national defense ministry": two mentions
                    add(ent.start, ent.end, kb_ref(ctx, state))
                    start = ent.end + 1 if ent.end < len(doc) and doc[ent.end].dep_ == "case" else ent.end
                    if not any(e.ent_id_ and start <= e.start and e.end == head.i + 1 for e in doc.ents):
                        # not "Iraq's Popular Mobilization Forces": a body the KB knows by name
                        add(start, head.i + 1, institution(ctx, state, generic[0], phrase=doc[start:head.i + 1].text))
                    continue
                if generic:
                    add(ent.start, head.i + 1, institution(ctx, state, generic[0], phrase=doc[ent.end:head.i + 1].text))
                    add(ent.start, ent.end, kb_ref(ctx, state), nested=True)
                    continue
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
                noun = root.head.head
                generic = generic_of(ctx.lex, noun)
                if generic and noun.i < ent.start:
                    start = generic[1]
                    if start > 0 and doc[start - 1].lower_ == "the":
                        start -= 1
                    add(start, ent.end, institution(ctx, state, generic[0]))
                    add(ent.start, ent.end, kb_ref(ctx, state), nested=True)
                    continue
            if ent.label_ in ("KB_PLACE", "GPE") and root.dep_ in ("nsubj", "poss") and state != ent.ent_id_:
                add(ent.start, ent.end, kb_ref(ctx, state))
                continue
            while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
                head = head.head  # "Thai fighter jets": the jets
            if normalise_name(ent.text) in ctx.kbi.demonyms and root.dep_ in ("amod", "compound") and head.i >= ent.end \
                    and head.pos_ == "NOUN" and not names_an_actor_or_deed(ctx.lex, head) \
                    and not sanctioned(ctx.lex, head) and not judged(ctx.lex, head) and not freed(head):
                continue  # "Chinese investment", "the Danish charter": a description, no actor (GUIDELINES)
            if ent.label_ == "NORP" and root.tag_ in ("NNPS", "NNS") and root.dep_ not in ("amod", "compound"):
                key = normalise_name(ent.text)  # "opened fire on Palestinians": people, not their state
                add(ent.start, ent.end, ctx.groups.setdefault(key, ActorRef(None, "Group", ent.text, new=True)),
                    weak=True)
                continue
            add(ent.start, ent.end, kb_ref(ctx, state))
            continue
        mission = state_mission(ctx, ent)
        if mission is not None:  # "China's U.N. mission", "the U.S. Mission to the United Nations"
            named = trimmed(ent)  # "The U.S. Mission to": the name
            add(named.start, named.end, mission)
            continue
        if ent.ent_id_ and ent.text in ctx.acronyms:  # "..., known as Rada": the name the article gave it
            add(ent.start, ent.end, ctx.acronyms[ent.text])
            continue
        if ent.ent_id_:
            actor = _owned_by_other_state(ctx, ent, kb_ref(ctx, ent.ent_id_))
            if (local := local_body(ctx, doc, ent, actor)) is not None:  # "a Phnom Penh court": Cambodia's
                add(ent.start, local[0], local[1])
                add(ent.start, ent.end, actor, nested=True)
                continue
            if actor.actor_class == "Place" and ent.ent_id_ in ctx.kbi.capital_of and stands_for_its_government(root):
                actor = government(ctx, ctx.kbi.capital_of[ent.ent_id_])  # "Washington said", "Moscow's envoy"
            if add_regional(ent, actor):  # "Balochistan Chief Minister X": the province's government
                continue
            unit_end = unit_named_after(ctx, doc, ent, actor)
            if unit_end is not None:  # "the United Nations Working Group on Arbitrary Detention": a body of the UN
                text = doc[ent.start:unit_end].text
                add(ent.start, unit_end, ActorRef(None, _type_org(ctx, text), text, new=True, parent=actor.iri))
                add(ent.start, ent.end, actor, nested=True)
                continue
            end = ent.end
            head = root.head
            if actor.actor_class == "Person" and root.dep_ in ("compound", "amod") and head.i == ent.end \
                    and head.lemma_.lower() in _FOLLOWERS and noun_key(head) in ctx.lex.group_nouns:
                text = doc[ent.start:head.i + 1].text  # "Assad loyalists", "Trump supporters": a group, not him
                add(ent.start, head.i + 1, ActorRef(None, ctx.lex.group_nouns[noun_key(head)], text, new=True))
                continue
            if root.dep_ in ("compound", "amod") and head.i == ent.end and (
                    noun_key(head) in ctx.lex.group_nouns or head.lower_ in ITS_PEOPLE and head.dep_ != "compound"
                    and actor.actor_class not in ("State", "Place", "Person", *_STATE_ORGANS)):
                end = head.i + 1  # "al-Shabab militants", "Hamas officials", "NATO officials": the body itself
            elif (unit := unit_of(doc, ent, actor)) is not None:  # "African Union troops", "the U.N.'s refugee agency"
                add(ent.start, unit[0], unit[1])
                if root.dep_ == "poss":  # "Islamic State's Sahel affiliate": the group is named too
                    add(ent.start, ent.end, actor, nested=True)
                continue
            add(ent.start, end, actor)
            leading = state_of_token(ctx, ent[0]) if len(ent) > 1 and actor.actor_class != "Place" else None
            if leading:  # "U.S. military": the United States is named too
                add(ent.start, ent.start + 1, kb_ref(ctx, leading), nested=True)
            remember_aliases(ctx, ent, actor)
            continue
        named = trimmed(ent)
        head = named.root.head if len(named) else root
        if head.i == named.end and named.root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" \
                and ent.label_ != "NORP":  # not "Jihadist groups", "Shiite militias": a kind, no name
            group = named_group(ctx, head, noun_key(head))
            if group is not None and group[0] <= named.start:  # "the Village de Dieu gang", "the 400 Mawozo gang"
                add(group[0], head.i + 1, group[1])
                continue
        if ent.end_char <= headline:  # "Haiti Gangs Attack Police Station": the headline's capitals name no
            for word in ent:  # one new; the names the KB knows in it still count
                if (known := ctx.kbi.lookup(word.text) if word.pos_ == "PROPN" else None):
                    add(word.i, word.i + 1, kb_ref(ctx, known[0]))
            continue
        ent = with_name_continued(ctx, ent)
        named = trimmed(ent)
        if ent.label_ == "ORG" and (key := normalise_name(named.text)) in _BARE_OK and named.root.dep_ != "compound" \
                and (state := government_named_before(ctx, named.root, key, taken) or ctx.dominant_state):
            add(named.start, named.end, institution(ctx, state, key))  # "the Interior Ministry said"
            continue
        actor = _new_from_ner(ctx, ent)
        if actor is not None and add_regional(ent, actor):
            continue
        if actor is not None:  # the rest of a run-together span may name another actor
            add(named.start, named.end, actor, weak=actor.actor_class == "Place" and ent.label_ not in ("GPE", "LOC")
                or actor.actor_class == "Group")  # "Republicans": a group counts when it takes part
            owner = possessor_state(ctx, named) if named.start > ent.start else None
            if owner:
                add(named.start - 2, named.start - 1, kb_ref(ctx, owner))
            remember_aliases(ctx, ent, actor)

    def add_missed_name(start: int, end: int, actor_class: str | None) -> None:
        """A name the NER missed: the KB actor of that name, else a new one of ``actor_class``
        (else typed by the words of the name)."""
        if in_body(doc[start].idx, body):
            text = doc[start:end].text
            known = ctx.kbi.lookup(text)
            add(start, end, kb_ref(ctx, known[0]) if known else
                ActorRef(None, actor_class or _type_org(ctx, text), text, new=True))

    for start, end in regions_named(doc, taken):  # "Central Java Governor X", "Solo Mayor Y"
        if in_body(doc[start].idx, body):
            known = ctx.kbi.lookup(doc[start:end].text)
            place = kb_ref(ctx, known[0]) if known else ActorRef(None, "Place", doc[start:end].text, new=True)
            add_regional(doc[start:end], place)
    for start, end, actor_class in described_names(doc, taken):
        add_missed_name(start, end, actor_class)  # "media association CamboJA"
    for start, end in employers_named(doc, taken):
        add_missed_name(start, end, None)  # "analyst Atilla Yesilada of Global Source Partners"
    for start, end in missed_people:
        if in_body(doc[start].idx, body):
            add(start, end, _person(ctx, doc[start:end].text))
    for token in doc:
        if token.i in taken or not in_body(token.idx, body):
            continue
        if token.lower_ == "military" and token.dep_ in ("amod", "compound") and ctx.dominant_state \
                and token.head.lemma_.lower() in _MILITARY_THINGS and not any(
                    c.i in taken for c in token.head.children if c.dep_ in ("amod", "compound", "poss", "nmod")):
            # "a military convoy", "military helicopters": the forces of the state the story is about
            add(token.i, token.i + 1, institution(ctx, ctx.dominant_state, "armed forces"))
            continue
        doers = _DOER_ADJECTIVES.get(token.lower_)
        if doers and token.dep_ in ("amod", "compound") and token.head.tag_ == "NN" \
                and token.head.lemma_.lower() in ctx.lex.classes[EventClass.ATTACK].nouns:
            # "a militant attack", "a rebel raid": by the militants (the armed group named last, if
            # any); not "terrorist attacks" in general
            add(token.i, token.i + 1, group_actor(ctx, token, doers, phrase=doers), weak=True)
            continue
        if token.pos_ not in ("NOUN", "PROPN") and not both_alone(token):
            continue
        if crowd_protesting(token, ctx.lex):  # "thousands of people marched": the protesters
            add(token.left_edge.i, token.i + 1, group_actor(ctx, token, "protesters", phrase="protesters"), weak=True)
            continue
        if token.pos_ == "PROPN" and token.is_title and not token.ent_type_:
            known = ctx.persons.get(normalise_name(token.text))
            if known is not None:  # "Moise" after "President Jovenel Moise", missed by NER here
                add(token.i, token.i + 1, known)
                continue
        if token.dep_ == "pobj" and token.head.lower_ == "as":
            continue  # "presented X as 'Iranian forces'": a description, not an actor
        found = chamber(ctx, token, taken)
        if found is not None:  # "the upper house", "a U.S. Senate committee"
            start, end, actor = found
            add(start if start not in taken else token.i, end, actor)
            continue
        key = noun_key(token)
        antecedent = nominal_antecedent(token, items) or titled_person(ctx.lex, token, items)
        if antecedent is not None:  # "the agency", "the group", "the envoy": the actor named before
            # "the agency", "the country's president": from its determiner or possessive
            start = token.left_edge.i if doc[token.i - 1].dep_ in ("det", "case") else token.i
            while start < token.i and any(i in taken for i in range(start, token.i)):
                start += 1
            add(start, token.i + 1, antecedent)
            continue
        together = plural_antecedents(token, items)
        if together:  # "the two countries", "both sides": the actors named together before
            start = min((c.i for c in token.lefts), default=token.i)
            while start < token.i and any(i in taken for i in range(start, token.i + 1)):
                start += 1
            add(start, token.i + 1, together[0])
            for other in together[1:]:
                add(start, token.i + 1, other, nested=True, joint=True)
            continue
        generic = generic_of(ctx.lex, token)
        if generic and (own := own_forces(ctx, token, taken, key=generic[0])) is not None:
            add(token.i, token.i + 1, own)  # "the army said its troops": the army's troops are the army
            continue
        if generic and token.tag_ in ("NNS", "NN", "NNP", "NNPS"):
            state = _modifier_state(ctx, token, taken)
            if state is None and (generic[0] in _BARE_OK or has_gov_modifier(token)) \
                    and not of_elsewhere(token, start=generic[1]) \
                    and not (token.tag_ == "NNS" and token.lemma_.lower() in _ONE_A_STATE):  # "ruled by juntas"
                state = senders_state(token, taken) or junta_state(token, taken) \
                    or forces_named_before(token, generic[0], taken) \
                    or government_named_before(ctx, token, generic[0], taken) or ctx.dominant_state \
                    or government_named_last(ctx, token, items, key=generic[0])
                if state in destination_states(token, taken):
                    state = None  # "warned NATO against sending troops to Ukraine": not Ukraine's troops
            if state is not None:
                start = generic[1]
                start = phrase_start(doc[start], start - 3) if start == token.i else start
                while start < token.i and (start in taken or doc[start].pos_ in ("DET", "NUM", "PRON", "ADV")):
                    start += 1
                add(start, token.i + 1, institution(ctx, state, generic[0]))
                continue
            if not (token.tag_ == "NNS" and key in ctx.lex.group_nouns and token.n_lefts):
                continue  # "Western governments", "Arab governments": a group of several states' governments
        if (public := the_public_addressed(ctx, token)) is not None:  # "urged people to seek medical attention"
            add(token.i, token.i + 1, public, weak=True)
            continue
        if token.lower_ == "passenger" and token.dep_ in ("compound", "amod", "nmod") \
                and token.head.lemma_.lower() in _CARRIERS:  # "attacked a passenger train": its passengers
            add(token.i, token.i + 1, group_actor(ctx, token, "passengers", phrase="passengers"), weak=True)
            continue
        if key in ctx.lex.group_nouns and describes_a_name(token):
            continue  # "Kataib Hezbollah, an Iran-backed militia": the group named, no other
        if key in ctx.lex.group_nouns and token.tag_ in ("NNS", "NNPS", "NN") \
                and not any(MODEL_NAME.fullmatch(c.text) for c in token.lefts) \
                and (key != "powers" or any(c.lower_ in _STATES_POWERS or c.ent_type_ == "NORP" for c in token.lefts)) \
                and not (ctx.lex.group_nouns[key] == "Person" and token.dep_ in ("compound", "amod")) \
                and not (token.dep_ == "compound" and noun_key(token.head) in ctx.lex.group_nouns):
            # a singular attacker ("a suicide bomber") is one person; "fighter jets" is no fighter;
            # "opposition lawmakers" is one group, named by both words
            start = phrase_start(token, token.i - 5) if token.idx >= headline else token.i  # not "Strike Kills"
            while start < token.i and (start in taken or doc[start].pos_ in ("DET", "NUM", "ADV", "ADP")
                                       or doc[start].pos_ == "PRON" and doc[start].dep_ != "poss"):
                start += 1
            phrase = doc[start:token.i + 1].text
            before = doc[start - 1] if start > 0 else None
            if before is not None and before.head.i == token.i and before.dep_ in ("amod", "compound") \
                    and normalise_name(before.text) in ctx.kbi.demonyms:
                phrase = f"{before.text} {phrase}"  # "Somali leaders": named with their nationality too
            owner = next((taken[c.i] for c in token.children if c.dep_ == "poss" and c.i < start and c.i in taken), None)
            if owner is not None and owner.actor.actor_class != "Place":  # "Berisha's opponents": whose they are
                phrase = f"{owner.text}'s {phrase}"
            actor = group_actor(ctx, token, key, phrase=phrase)
            add(start, token.i + 1, actor, weak=True)
    items.sort(key=lambda m: m.start)
    return national_sections(doc, items)


#: what makes "powers" states ("world powers", "Western powers"; not "seized broad powers")
_STATES_POWERS = frozenset({"world", "western", "foreign", "regional", "global", "major", "nuclear", "great",
                            "colonial", "outside", "european", "arab", "gulf", "allied"})
#: bodies a state has one of: in the plural and not qualified, several states' ("military regimes
#: across the Sahel"), none of them the story's state's
_ONE_A_STATE = frozenset({"junta", "government", "regime", "parliament", "army", "military", "administration",
                          "legislature", "cabinet"})
#: What "military" before it makes the forces' own ("a military convoy", "military vehicles")
_MILITARY_THINGS = FORCE_SITES | EQUIPMENT | {"vehicle", "truck", "installation", "facility", "compound", "personnel"}


def _modifier_state(ctx: LinkContext, token: Token, taken: dict[int, MentionItem]) -> str | None:
    for child in token.children:
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in taken:
            actor = taken[child.i].actor
            if actor.actor_class == "State":
                return actor.iri
            if actor.state:
                return actor.state
            if actor.iri and actor.iri in ctx.kbi.states_of:
                return ctx.kbi.states_of[actor.iri]
        if child.dep_ == "poss" and child.lower_ in ("its", "their"):  # "China uses its coast guard": China's
            before = {id(m): m for i, m in taken.items() if i < child.i and i >= child.sent.start and not m.nested
                      and m.actor.actor_class == "State" and m.actor.iri}.values()
            # the latest state named as a phrase of its own, before one that only qualifies a noun
            # ("Iran condemned the Israeli strike on its consulate": Iran's)
            owner = min(before, key=lambda m: (_qualifies(token.doc, m), -m.start), default=None)
            if owner is not None:
                return owner.actor.iri
    return None


#: Words for the doers of an attack that qualify it ("a militant attack"), and the group nouns they stand for
_DOER_ADJECTIVES = {"militant": "militants", "rebel": "rebels", "jihadist": "jihadists", "insurgent": "insurgents",
                    "terrorist": "terrorists", "separatist": "separatists", "extremist": "extremists"}


#: who follow a person, and are not the person ("Assad loyalists", "Trump supporters")
_FOLLOWERS = frozenset({"supporter", "loyalist", "follower", "backer", "partisan", "sympathizer", "sympathiser",
                        "devotee", "disciple"})


def _owned_by_other_state(ctx: LinkContext, ent: Span, actor: ActorRef) -> ActorRef:
    """A KB organ of one state that another state's possessive or adjective qualifies
    ("Thailand's House of Representatives", "the Thai Senate") is a new organ of that state."""
    if actor.state is None or actor.actor_class not in _STATE_ORGANS or ent.start == 0:
        return actor
    before = ent.doc[ent.start - 1]
    owner = possessor_state(ctx, ent) if before.text in POSSESSIVE else \
        state_of_token(ctx, before) if before.dep_ in ("amod", "compound") and before.head.i >= ent.start else None
    if owner is None or owner == actor.state:
        return actor
    return ActorRef(None, actor.actor_class, trimmed(ent).text, new=True, state=owner)


def _qualifies(doc: Doc, mention: MentionItem) -> bool:
    """Is the mention an adjective or a noun qualifying another noun ("the Israeli strike")?"""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.dep_ in ("amod", "compound", "nmod")


def _new_from_ner(ctx: LinkContext, ent: Span) -> ActorRef | None:
    ent = trimmed(ent)
    if not len(ent) or is_noise(ent) or names_a_thing(ent) or normalise_name(ent.text) in ctx.things \
            or _pair_of_states(ctx, ent.text):
        return None
    text = ent.text.strip()
    if len(ent) == 1 and ent.root.pos_ not in ("PROPN",) and ent.label_ != "NORP":
        return None  # "Coordinated": a capitalised word the NER mistook for a name
    if ent.label_ == "NORP" and ent.root.dep_ in ("amod", "compound") and ent.root.head.i >= ent.end:
        return None  # "Islamist insurgents": an adjective, not an actor
    surname = normalise_name(text.split()[-1]) if text.split() else ""
    if len(ent) == 1 and surname in ctx.persons:
        return ctx.persons[surname]  # "Wood" after "Robert Wood"
    if text.lower().startswith("the "):
        text = text[4:]
    if not any(ch.isalpha() for ch in text) or len(text) < 2:
        return None
    if text in ctx.acronyms:
        return ctx.acronyms[text]
    iris = ctx.kbi.lookup(text)
    if iris:
        return kb_ref(ctx, iris[0])
    described = descriptor_class(ent, right_before=True) if ent.label_ == "PERSON" else None
    if described is not None:  # "the street gang Tren de Aragua", "the company X": no person
        return ActorRef(None, described, text, new=True)
    if ent.label_ == "PERSON" and not _initials(text):  # "PNH", "BLA": an organisation's initials, not a person
        return _person(ctx, text)
    if ent.label_ == "ORG" or ent.label_ == "PERSON":
        first = normalise_name(ent[0].text)
        state = ctx.kbi.demonyms.get(first) if ent[0].text[:1].isupper() else None
        actor_class = _type_org(ctx, text)
        organ = actor_class in _STATE_ORGANS
        if state is None and len(ent) > 1 and organ and actor_class != "Legislature":
            state = state_of_token(ctx, ent[0])  # "U.S. Supreme Court": a state's institution
        if state is None and organ and actor_class != "Legislature":
            state = possessor_state(ctx, ent)
        if not organ:
            state = None  # "Somali Public Agenda", "Cambodian League for ...": named after a country, not its organ
        parent = _parent_named_first(ctx, ent) if state is None else None
        if state is None and parent is None and organ:
            state = ctx.dominant_state  # "the Department of Justice", "Parliament": the story's state's
        return ActorRef(None, actor_class, text, new=True, state=state, parent=parent)  # "Somali Military Command"
    if ent.label_ in ("GPE", "LOC", "FAC"):
        described = descriptor_class(ent)  # "the Spanish company Iberdrola": no place the KB knows
        return ActorRef(None, described or "Place", text, new=True)
    if ent.label_ == "NORP":
        return ActorRef(None, "Group", text, new=True)
    return None


#: classes of a state's own organs: a new one belongs to a state
_STATE_ORGANS = frozenset({"GovernmentBody", "SecurityForce", "Legislature"})


#: What carries passengers: "a passenger train" names the people on board.
_CARRIERS = frozenset({"train", "bus", "plane", "flight", "ferry", "jet", "airliner", "aircraft", "boat", "ship",
                       "vessel", "coach", "van", "vehicle"})


def _parent_named_first(ctx: LinkContext, ent: Span) -> str | None:
    """The KB organisation a new body's name starts with: "U.N. Office for the Coordination of
    Humanitarian Affairs" is part of the UN, "Taliban Foreign Ministry" of the Taliban."""
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    if ent.end - start < 2:
        return None
    first = ent.doc[start]
    iri = next((i for i in ctx.kbi.lookup(first.text) if ctx.kbi.classes.get(i) in PARENT_CLASSES), None)
    return iri if first.text[:1].isupper() else None


def _pair_of_states(ctx: LinkContext, text: str) -> bool:
    """"U.S.-China" (trade, ties): states joined by a hyphen describe something, they are no actor."""
    parts = [p for p in text.strip().split("-") if p]
    if len(parts) < 2 or ctx.kbi.lookup(text) or not all(p[:1].isupper() for p in parts):
        return False  # "Guinea-Bissau" is a state's own name
    return any(any(ctx.kbi.classes.get(i) == "State" for i in ctx.kbi.lookup(p))
               or normalise_name(p) in ctx.kbi.demonyms for p in parts)


def _initials(text: str) -> bool:
    """One word of two to six capitals ("PNH"): what the NER calls a person so is an organisation's
    initials (a person goes by initials only where the KB says so: "AMLO" is linked before this)."""
    return 2 <= len(text) <= 6 and text.isalpha() and text.isupper()


def _person(ctx: LinkContext, text: str) -> ActorRef:
    words = [w for w in text.replace("\u2019s", "").replace("'s", "").split()
             if w[:1].isupper() or w.lower() in NAME_PARTICLES]
    while words and (not words[0][:1].isupper() or words[0] in ("The", "A", "An")):
        words.pop(0)  # (an article is no part of a name)
    while words and not words[-1][:1].isupper():
        words.pop()
    if not words:
        words = text.split()
    surname = normalise_name(words[-1])
    known = ctx.persons.get(surname)
    if known is not None and len(words) > 1 and not _same_given_names(words[:-1], known.label.split()[:-1]):
        return ActorRef(None, "Person", " ".join(words), new=True)  # "Liri Berisha" beside "Sali Berisha"
    if known is not None:
        if len(words) > len(known.label.split()):
            upgraded = ActorRef(None, "Person", " ".join(words), new=True)
            ctx.persons[surname] = upgraded
            return upgraded
        return known
    actor = ActorRef(None, "Person", " ".join(words), new=True)
    ctx.persons[surname] = actor
    return actor


def _same_given_names(given: list[str], other: list[str]) -> bool:
    """Whether two people's given names may be one person's: either has none, they share one
    ("Jose Ruben" and "Ruben"), or one is the other's initial ("K." and "Kim")."""
    if not given or not other:
        return True
    mine = {normalise_name(w) for w in given}
    theirs = {normalise_name(w) for w in other}
    if mine & theirs:
        return True
    return any(len(w.rstrip(".")) == 1 and w[:1] in {t[:1] for t in b} for a, b in ((mine, theirs), (theirs, mine))
               for w in a)
