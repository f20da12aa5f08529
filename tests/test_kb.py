"""Tests of the actor knowledge base (kgbuild.kb and kgbuild.tools.build_kb)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph

from kgbuild.errors import KnowledgeBaseError
from kgbuild.kb import ActorKB, promote, validate_kb
from kgbuild.namespace import KB
from kgbuild.resources import actors_dir
from kgbuild.tools import build_kb

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
