"""Tests of the actor knowledge base (kgbuild.kb and kgbuild.tools.build_kb)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from kgbuild.errors import KnowledgeBaseError
from kgbuild.kb import ActorKB, promote, validate_kb
from kgbuild.namespace import KB
from kgbuild.resources import actors_dir
from kgbuild.tools import build_kb, kb_divisions, kb_phoenix

UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK
DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB
GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO
LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()
UN_OBSERVERS = ["VAT", "PSE"]


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load()


def test_generator_output_equals_committed_files() -> None:
    for name, text in build_kb.generate().items():
        assert (actors_dir() / name).read_text(encoding="utf-8") == text, f"{name}: run python -m kgbuild.tools.build_kb"


def test_places_file_is_small() -> None:
    assert (actors_dir() / "places.ttl").stat().st_size < 3_000_000


def test_un_members_and_observers_are_states(kb: ActorKB) -> None:
    assert len(set(UN_MEMBERS)) == 193
    for iso3 in UN_MEMBERS + UN_OBSERVERS:
        actor = kb.by_id(iso3)
        assert actor is not None and actor.actor_class == "State", iso3
        assert actor.iri == str(KB[iso3])


def test_demonyms_unique_and_formatted(kb: ActorKB) -> None:
    seen: dict[str, str] = {}
    for actor in kb.actors.values():
        for demonym in actor.demonyms:
            assert demonym == demonym.strip() and demonym[0].isupper(), (actor.id, demonym)
            assert demonym not in seen, (demonym, seen.get(demonym), actor.id)
            seen[demonym] = actor.id
    for word, iso3 in [("Iraqi", "IRQ"), ("American", "USA"), ("North Korean", "PRK"), ("Burmese", "MMR"),
                       ("Somali", "SOM"), ("Nigerian", "NGA"), ("Ukrainian", "UKR"), ("Russian", "RUS")]:
        assert kb.by_id(iso3) in kb.lookup(word), word


def test_qids_well_formed(kb: ActorKB) -> None:
    for actor in kb.actors.values():
        if actor.wikidata:
            assert re.fullmatch(r"Q[1-9][0-9]*", actor.wikidata), actor.id


def test_bundled_kb_validates(kb: ActorKB) -> None:
    assert validate_kb(kb) == []


def test_short_forms(kb: ActorKB) -> None:
    for name in ["US", "U.S.", "USA", "America", "United States"]:
        assert kb.resolve(name).id == "USA"
    assert kb.resolve("Britain").id == "GBR" and kb.resolve("UK").id == "GBR"
    assert kb.resolve("DPRK").id == "PRK" and kb.resolve("Burma").id == "MMR"
    assert kb.resolve("Q30").id == "USA" and kb.resolve(str(KB.IRQ)).id == "IRQ"


def test_transliteration_variants(kb: ActorKB) -> None:
    kh = {kb.resolve(n).id for n in ["Kataib Hezbollah", "Ketaib Hezbollah", "Kata'ib Hezbollah", "Kata’ib Hezbollah"]}
    assert kh == {"kataib-hezbollah"}
    pmf = {kb.resolve(n).id for n in ["PMU", "PMF", "Hashd al-Shaabi", "the Popular Mobilization Units"]}
    assert pmf == {"popular-mobilization-forces"}
    assert kb.resolve("Pentagon").wikidata == "Q11209"
    assert kb.resolve("Jamal Jaafar Ibrahimi") == kb.resolve("Abu Mahdi al-Muhandis")


def test_institution_of(kb: ActorKB) -> None:
    assert kb.institution_of(str(KB.USA), "troops").wikidata == "Q11211"
    assert kb.institution_of(str(KB.IRQ), "government").label == "Government of Iraq"
    assert kb.institution_of(str(KB.IRQ), "nonsense") is None


def test_membership_chain(kb: ActorKB) -> None:
    assert ("locatedIn", str(KB.IRQ)) in kb.resolve("Baghdad").parents
    chain = ["kataib-hezbollah", "popular-mobilization-forces", "iraq-security-forces", "iraq-government"]
    for child, parent in zip(chain, chain[1:]):
        assert ("subOrganizationOf", str(KB[parent])) in kb.by_id(child).parents
    assert kb.by_id("iraq-government").state == str(KB.IRQ)


def test_resolve_unknown_and_ambiguous(kb: ActorKB) -> None:
    with pytest.raises(KnowledgeBaseError, match="no KB actor"):
        kb.resolve("Nonexistent Brigade of Nowhere")
    with pytest.raises(KnowledgeBaseError, match="ambiguous"):
        kb.resolve("Tripoli")


def test_broken_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix kb: <https://w3id.org/kgbuild/kb/> .\n\nkb:x kb:y kb:z ;\n    kb:oops \"unterminated .\n")
    with pytest.raises(KnowledgeBaseError) as info:
        ActorKB.load(folders=[tmp_path], include_bundled=False)
    message = str(info.value)
    assert "bad.ttl" in message and re.search(r"line \d+", message) and "\n" not in message


def test_user_folder_and_content_hash(tmp_path: Path) -> None:
    base = ActorKB.load()
    path = tmp_path / "mine.ttl"
    iri = promote("Brigade of the Test", actor_type="ArmedGroup", parent="PMF", file=path)
    Graph().parse(path, format="turtle")
    iri2 = promote("Test Town", actor_type="Place", parent="Iraq", file=path)
    loaded = ActorKB.load(folders=[tmp_path])
    assert loaded.actors[iri].parents == (("subOrganizationOf", str(KB["popular-mobilization-forces"])),)
    assert loaded.actors[iri2].parents == (("locatedIn", str(KB.IRQ)),)
    assert loaded.content_hash != base.content_hash and path in loaded.files
    assert validate_kb(loaded) == []
    with pytest.raises(KnowledgeBaseError):
        promote("Brigade of the Test", actor_type="ArmedGroup", parent=None, file=path)
    with pytest.raises(KnowledgeBaseError):
        promote("Someone", actor_type="Spaceship", parent=None, file=path)


# -- generated institutions (ontology/actors/institutions.ttl) ---------------------------------

def _curated_kb() -> ActorKB:
    return ActorKB.load(folders=build_kb.curated_files(), include_bundled=False)


@pytest.mark.parametrize(("name", "kb_id", "state"), [
    ("Nigerian police", "nigeria-police-force", "NGA"),  # curated: the generated one is not made
    ("Chadian security forces", "tcd-armed-forces", "TCD"),
    ("the Government of Niger", "ner-government", "NER"),
    ("Nigerien government", "ner-government", "NER"),
    ("Malian special forces", "mli-armed-forces", "MLI"),
    ("Malian troops", "mli-armed-forces", "MLI"),
    ("Algeria's foreign ministry", "dza-foreign-ministry", "DZA"),
    ("Algerian Foreign Ministry", "dza-foreign-ministry", "DZA"),
    ("police of Chad", "tcd-police", "TCD"),
    ("Burkinabe presidency", "bfa-head-of-state", "BFA"),
])
def test_generated_institutions_link(kb: ActorKB, name: str, kb_id: str, state: str) -> None:
    from kgbuild.extract.lexicon import KBIndex

    assert [a.id for a in kb.lookup(name)] == [kb_id]
    assert kb.by_id(kb_id).state == str(KB[state])
    index = KBIndex.from_kb(kb)
    assert index.lookup(name) == [kb.by_id(kb_id).iri]
    assert index.states_of[kb.by_id(kb_id).iri] == str(KB[state])


def test_generated_institutions_shape(kb: ActorKB) -> None:
    police = kb.by_id("tcd-police")
    assert police.actor_class == "SecurityForce" and police.label == "Police of Chad"
    assert kb.institution_of(str(KB.TCD), "police") == police
    assert kb.institution_of(str(KB.TCD), "troops").id == "tcd-armed-forces"
    assert kb.institution_of(str(KB.NER), "government").id == "ner-government"
    ministry = kb.by_id("dza-foreign-ministry")
    assert ministry.actor_class == "GovernmentBody"
    assert ("subOrganizationOf", str(KB["dza-government"])) in ministry.parents
    assert kb.by_id("sau-head-of-state").label == "Royal Court of Saudi Arabia"
    # a generated ministry hangs under the curated government where there is one
    assert ("subOrganizationOf", str(KB["nigeria-government"])) in kb.by_id("nga-foreign-ministry").parents
    # every State has a government, curated or generated
    for state in (a for a in kb if a.actor_class == "State"):
        assert kb.institution_of(state.iri, "government") is not None, state.id


def test_generated_institutions_do_not_duplicate_curated_ones(kb: ActorKB) -> None:
    curated = _curated_kb()
    claimed = {(a.state, g.casefold()) for a in curated for g in a.generic_labels if a.state}
    generated = ActorKB.load(folders=[actors_dir() / "institutions.ttl"], include_bundled=False)
    assert len(generated) > 1000
    for actor in generated:
        assert actor.state and actor.generic_labels, actor.id
        for word in actor.generic_labels:
            assert (actor.state, word.casefold()) not in claimed, (actor.id, word)
    assert kb.by_id("nga-police") is None and kb.by_id("irq-government") is None
    assert kb.institution_of(str(KB.NGA), "police").id == "nigeria-police-force"
    assert kb.institution_of(str(KB.USA), "foreign ministry") is None  # the State Department is curated
    assert kb.by_id("usa-foreign-ministry") is None and kb.by_id("usa-head-of-state") is None


@pytest.mark.parametrize(("name", "kb_id"), [
    ("China's Ministry of Foreign Affairs", "china-ministry-of-foreign-affairs"),  # curated, named by the label
    ("Chinese authorities", "china-government"),  # curated, claimed by its generic label
    ("Afghanistan's army", "afghan-armed-forces"),
])
def test_curated_institutions_also_take_the_standard_names(kb: ActorKB, name: str, kb_id: str) -> None:
    """A hand-written institution keeps its own names and gains the generated ones it lacks,
    never a name another actor has."""
    assert [a.id for a in kb.lookup(name)] == [kb_id]
    assert not _curated_kb().lookup(name)  # the name comes from the generator
    assert kb.by_id(kb_id).label == _curated_kb().by_id(kb_id).label


# -- Phoenix import (ontology/actors/phoenix.ttl) ----------------------------------------------

@pytest.mark.parametrize(("name", "actor_class"), [
    ("Abu Sayyaf Group", "ArmedGroup"), ("Liberation Tigers of Tamil Eelam", "ArmedGroup"), ("LTTE", "ArmedGroup"),
    ("Shining Path", "ArmedGroup"), ("Ansar Dine", "ArmedGroup"), ("Irish Republican Army", "ArmedGroup"),
    ("International Monetary Fund", "InternationalOrganization"),
    ("African Development Bank", "InternationalOrganization"), ("DPKO", "InternationalOrganization"),
])
def test_phoenix_known_groups(kb: ActorKB, name: str, actor_class: str) -> None:
    found = kb.lookup(name)
    assert len(found) == 1 and found[0].actor_class == actor_class, found
    source = kb.graph.value(URIRef(found[0].iri), DCTERMS.source)
    assert str(source).startswith(f"https://github.com/openeventdata/petrarch2/blob/{kb_phoenix.COMMIT}/")


def test_phoenix_keeps_curated_actors_and_drops_risky_names(kb: ActorKB) -> None:
    for name, kb_id in [("Hamas", "hamas"), ("NATO", "nato"), ("Taliban", "taliban"), ("Hezbollah", "hezbollah"),
                        ("ECOWAS", "ecowas"), ("Lashkar-e-Taiba", "lashkar-e-taiba")]:
        assert [a.id for a in kb.lookup(name)] == [kb_id], name
    assert kb.by_qid("Q1065").id == "united-nations"
    assert ("subOrganizationOf", str(KB["united-nations"])) in kb.lookup("DPKO")[0].parents
    for name in ["Red Line", "Direct Action", "Popular Resistance", "Tigers", "313", "Osama bin Laden", "Hambali",
                 "UN envoy", "Laskar e Toiba"]:
        assert not [a for a in kb.lookup(name) if a.actor_class != "Person"], name
    phoenix = ActorKB.load(folders=[actors_dir() / "phoenix.ttl"], include_bundled=False)
    assert len(phoenix) > 500
    assert {a.actor_class for a in phoenix} == {"ArmedGroup", "InternationalOrganization"}


def test_phoenix_parser_reads_the_dictionary_format() -> None:
    text = "# comment\nKACH_ [MEAREB] #  kkl\n+KAHANE_CHAI\nBAN_KI-MOON\n\t[IGOUNO >20070101]\n"
    entries = kb_phoenix.parse_actors(text)
    assert [(e.name, e.synonyms, e.codes) for e in entries] == [
        ("KACH_", ["KAHANE_CHAI"], ["MEAREB"]), ("BAN_KI-MOON", [], ["IGOUNO >20070101"])]
    assert kb_phoenix.skeleton("Laskar i Tayyaba") == kb_phoenix.skeleton("Lashkar-e-Taiba")


def test_generated_actors_pass_the_kb_checks(kb: ActorKB) -> None:
    from kgbuild.validate import validate_graph

    assert validate_kb(kb) == []
    for name in ("institutions.ttl", "phoenix.ttl", "divisions.ttl"):
        part = ActorKB.load(folders=[actors_dir() / name], include_bundled=False)
        for actor in part:
            assert actor.actor_class and actor.label and len(actor.label) >= 3, actor.id
            assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", actor.id), actor.id
        report = validate_graph(part.graph)
        assert report.conforms, report.summary()


@pytest.mark.parametrize(("name", "state"), [
    ("Michigan", "USA"), ("Florida", "USA"), ("Xinjiang", "CHN"), ("New South Wales", "AUS"), ("Bavaria", "DEU"),
    ("Central Java", "IDN"), ("Bayelsa", "NGA"), ("Okinawa", "JPN"), ("Wales", "GBR"),
])
def test_first_level_divisions_lie_in_their_state(kb: ActorKB, name: str, state: str) -> None:
    """GeoNames' divisions: a division two states share goes to the one with far more towns in it
    ("Florida": the US state, not Uruguay's department)."""
    found = kb.lookup(name)
    assert [(a.actor_class, a.parents) for a in found] == [("Place", (("locatedIn", str(KB[state])),))], found


def test_divisions_leave_out_names_that_would_link_the_wrong_thing(kb: ActorKB) -> None:
    # common words, compass words, names of something wider, disputed regions, shared names
    for name in ("Delta", "Rivers", "Plateau", "Far North", "Central Region", "Sahel", "Kashmir", "Punjab"):
        assert not kb.lookup(name), name
    # a name another actor has keeps that actor: the state Georgia, the city Lagos, the curated Crimea
    assert [a.id for a in kb.lookup("Georgia")] == ["GEO"]
    assert [a.id for a in kb.lookup("Crimea")] == ["crimea"]
    assert len(kb.lookup("Lagos")) == 1
    assert kb_divisions.short_name("Muhafazat Ninawa") == "Ninawa"
    assert kb_divisions.short_name("Guangxi Zhuangzu Zizhiqu") == "Guangxi"
