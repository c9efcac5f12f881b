from __future__ import annotations

from twinning.extraction.gazetteer import find_places, gazetteer


def _ids(text: str) -> list[str]:
    return [m.place.id for m in find_places(text)]


def test_curated_list_has_all_danish_municipalities_and_regions() -> None:
    places = gazetteer().places.values()
    dk = [p for p in places if p.curated and p.country == "DK"]
    assert sum(p.kind == "municipality" for p in dk) == 98
    assert sum(p.kind == "region" for p in dk) == 5


def test_parent_named_nearby_selects_nanjing_district_over_shandong_city() -> None:
    (qixia, _nanjing) = find_places("Governor of the Qixia district in Nanjing signed.")
    assert qixia.place.id == "cn-nj-qixia"


def test_parent_province_named_nearby_selects_the_shandong_sense() -> None:
    mentions = find_places("Qixia in Shandong is known for apples.")
    assert mentions[0].place.parent == "cn-yantai"


def test_one_sense_per_document_reuses_a_resolved_sense() -> None:
    mentions = find_places("Qixia, Yantai signed. Later Qixia sent a delegation.")
    qixias = [m for m in mentions if m.surface == "Qixia"]
    assert {m.place.id for m in qixias} == {"cn-yt-qixia"}


def test_danish_genitive_and_ascii_spelling_are_matched() -> None:
    assert _ids("Sonderborg og Københavns borgmester") == ["dk-540", "dk-101"]


def test_chinese_characters_are_matched_without_word_boundaries() -> None:
    assert "cn-wuxi" in _ids("无锡市与丹麦签署了合作协议")


def test_group_of_municipalities_lists_its_members() -> None:
    group = gazetteer().places["dk-grp-bycirklen"]
    assert set(group.members) == {"dk-151", "dk-240", "dk-250"}


def test_word_inside_a_longer_word_is_not_a_place() -> None:
    assert _ids("Aarhusianerne") == []
