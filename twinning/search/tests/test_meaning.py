"""One meaning in any language: the thesaurus, places' other names, and corrected typos."""

from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser

from twinning.activities.models import ActivityKind
from twinning.activities.services import activity_create
from twinning.search.analysis import parse_query
from twinning.search.selectors import search, suggest
from twinning.search.thesaurus import concepts, synonyms_at

anonymous = AnonymousUser()


def titles(result, kind=None):
    groups = [group for group in result.groups if kind in (None, group.kind)]
    return [hit.title for group in groups for hit in group.items]


@pytest.fixture
def activities(registry):
    """Activities that name Wuxi only in Latin letters, in Danish, English and Chinese."""
    made = {}
    for title, description in [
        ("Jordrensning i Wuxi", "Danske virksomheder viste teknik til jordrensning."),
        ("Soil remediation seminar", "Companies from Wuxi met experts on soil remediation."),
        ("Skoleudveksling 2015", "Elever fra Ballerup besøgte en skole i Wuxi."),
        ("土壤修复研讨会", "与丹麦企业交流"),
    ]:
        made[title] = activity_create(
            title=title,
            kind=ActivityKind.MEETING,
            start="2015-05-04",
            description=description,
            partnerships=[registry["public"]],
        )
    return made


def test_every_term_of_the_thesaurus_is_read():
    known = concepts()
    assert len(known) > 200
    # Danish, English, Chinese and German terms of one concept share their phrases.
    assert known[("venskabsbi",)] == known[("姐妹城市",)]
    assert known[("venskabsbi",)] == known[("partnerstad",)]


def test_a_bad_thesaurus_is_refused_with_its_place(tmp_path: Path):
    bad = tmp_path / "thesaurus.toml"
    bad.write_text('[[concept]]\nen = "sister city"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="concept 1"):
        concepts.__wrapped__(bad)


def test_the_longest_term_wins():
    width, phrases = synonyms_at(["school", "exchange", "wuxi"], 0)
    assert width == 2
    assert (("school",), ("exchang",)) in phrases
    assert synonyms_at(["wuxi"], 0) == (0, ())


def test_a_danish_term_finds_records_written_in_english_and_chinese(activities):
    found = titles(search(q="jordrensning", user=anonymous), "activity")
    assert sorted(found) == sorted(
        ["Jordrensning i Wuxi", "Soil remediation seminar", "土壤修复研讨会"]
    )


def test_english_and_chinese_terms_find_the_danish_record(activities):
    for query in ["soil remediation", "土壤修复"]:
        found = titles(search(q=query, user=anonymous), "activity")
        assert "Jordrensning i Wuxi" in found, query


def test_a_term_with_other_words_still_needs_them(activities):
    found = titles(search(q="skoleudveksling Ballerup", user=anonymous), "activity")
    assert found == ["Skoleudveksling 2015"]
    assert search(q="school exchange Baoding", user=anonymous).count == 0


def test_a_place_in_chinese_finds_what_its_latin_name_finds(activities):
    latin = search(q="Wuxi", user=anonymous)
    chinese = search(q="无锡", user=anonymous)
    assert chinese.count == latin.count
    assert sorted(titles(chinese, "activity")) == sorted(titles(latin, "activity"))
    assert "Skoleudveksling 2015" in titles(chinese, "activity")
    # With its kind of division after it, and with tone marks, the same.
    assert search(q="无锡市", user=anonymous).count == latin.count
    assert search(q="Wúxī", user=anonymous).count == latin.count


def test_a_name_only_part_of_the_query_is_not_widened(activities):
    # "Wuxi jordrensning" names no place as a whole: every word must still occur.
    found = titles(search(q="无锡 jordrensning", user=anonymous), "activity")
    assert found == []


def test_a_one_letter_slip_is_corrected(activities):
    result = search(q="Wuksi", user=anonymous)
    assert result.suggestion == "wuxi"
    assert "Wuxi" in titles(result, "place")


def test_two_slips_in_a_long_word_are_corrected(registry):
    assert suggest("Sønderbrog") == "sonderborg"
    assert suggest("Bycirkelen") == "bycirklen"


def test_known_words_are_left_alone(registry):
    assert suggest("Wuxi") == ""
    assert suggest("zzzzzzzz") == ""
    assert search(q="zzzzzzzz", user=anonymous).suggestion == ""


def test_a_thesaurus_match_parses_to_one_part():
    query = parse_query("venskabsby Wuxi", synonyms=synonyms_at)
    assert len(query.terms) == 2
    assert query.terms[0].phrases


def test_the_page_offers_the_correction(client, registry):
    response = client.get("/search/", {"q": "Wuksi"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Did you mean" in body or "Mente du" in body
    assert "q=wuxi" in body


def test_the_api_returns_the_correction(client, registry):
    response = client.get("/api/search", {"q": "Wuksi"})
    assert response.status_code == 200
    assert response.json()["suggestion"] == "wuxi"


def test_a_correction_keeps_the_first_letter_when_it_can(registry):
    # "busi" (the stem of business) is as near to "wuksi" as "wuxi" is.
    activity_create(title="Business delegation", start="2016", description="Business.")
    assert suggest("Wuksi") == "wuxi"
