"""Building the world layer: places resolved in the gazetteer, pairs reconciled."""

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse

from twinning.partnerships.models import (
    ClaimDataset,
    Partnership,
    PartnershipClaim,
    PartnershipKind,
)
from twinning.partnerships.selectors import partnership_conflicts, partnerships_in_conflict
from twinning.partnerships.tests.factories import make_partnership, make_place
from twinning.partnerships.world import WorldFileError, world_import
from twinning.places.models import Place, PlaceResolution

pytestmark = pytest.mark.django_db

LIST = """city1,country1,city2,country2
"Portland, Oregon",United States,Aarhus,Denmark
"Portland, Maine",United States,Horsens,Denmark
"Suzhou, Jiangsu",China,Esbjerg,Denmark
Esbjerg,Denmark,Suzhou,People's Republic of China
Springfield,United States,Horsens,Denmark
Newport,Wales,Horsens,Denmark
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def wikipedia(tmp_path):
    return write(tmp_path / "twin_towns.csv", LIST)


def place(name, **filters) -> Place:
    return Place.objects.get(name=name, **filters)


def test_qualified_names_resolve_to_distinct_places(wikipedia):
    world_import(path=wikipedia)
    oregon = place("Portland", admin_area="Oregon")
    maine = place("Portland", admin_area="Maine")
    assert oregon.geonames_id != maine.geonames_id
    assert oregon.resolution == PlaceResolution.MATCHED
    assert 45 < oregon.latitude < 46 and maine.longitude > -71
    assert "GeoNames (CC BY 4.0)" in oregon.data_sources
    assert "Wikipedia (CC BY-SA 4.0)" in oregon.data_sources


def test_a_pair_listed_twice_is_one_partnership_with_two_statements(wikipedia):
    report = world_import(path=wikipedia)
    suzhou = Place.objects.get(name="Suzhou")
    esbjerg = Place.objects.get(name="Esbjerg")
    assert suzhou.admin_area.startswith("Jiangsu")
    pair = Partnership.objects.get(party_a__in=[suzhou, esbjerg], party_b__in=[suzhou, esbjerg])
    claims = list(pair.claims.order_by("pk"))
    assert [(c.name_a, c.name_b) for c in claims] == [
        ("Suzhou, Jiangsu", "Esbjerg"),
        ("Suzhou", "Esbjerg"),
    ] or [(c.name_b, c.name_a) for c in claims] == [
        ("Suzhou, Jiangsu", "Esbjerg"),
        ("Suzhou", "Esbjerg"),
    ]
    assert {c.licence for c in claims} == {"CC BY-SA 4.0"}
    assert report.partnerships_created == 6 - 1
    assert report.statements_added == 6


def test_an_ambiguous_name_is_flagged_without_a_guessed_point(wikipedia):
    report = world_import(path=wikipedia)
    springfield = Place.objects.get(name="Springfield")
    assert springfield.resolution == PlaceResolution.AMBIGUOUS
    assert springfield.latitude is None and springfield.geonames_id is None
    assert report.places_ambiguous == 1


def test_a_country_part_narrows_the_place(wikipedia):
    world_import(path=wikipedia)
    assert Place.objects.get(name="Newport").admin_area == "Wales"


def test_reimporting_the_same_file_changes_nothing(wikipedia):
    world_import(path=wikipedia)
    before = (
        Place.objects.count(),
        Partnership.objects.count(),
        PartnershipClaim.objects.count(),
        Place.history.count(),
    )
    again = world_import(path=wikipedia)
    after = (
        Place.objects.count(),
        Partnership.objects.count(),
        PartnershipClaim.objects.count(),
        Place.history.count(),
    )
    assert after == before
    assert again.places_created == again.partnerships_created == again.statements_added == 0
    assert again.statements_unchanged == 6


def test_a_recorded_place_is_matched_and_completed_not_duplicated(wikipedia):
    horsens = make_place("Horsens")
    chengdu = make_place("Chengdu", country="CN")
    detailed = make_partnership(horsens, chengdu, kind=PartnershipKind.FRIENDSHIP_CITY)
    world_import(path=wikipedia)
    horsens.refresh_from_db()
    assert Place.objects.filter(name="Horsens").count() == 1
    assert horsens.geonames_id and horsens.resolution == PlaceResolution.MATCHED
    assert 55 < horsens.latitude < 56

    listed = write(
        wikipedia.with_name("more.csv"),
        "city1,country1,city2,country2\nChengdu,China,Horsens,Denmark\n",
    )
    report = world_import(path=listed)
    assert report.partnerships_merged == 1 and report.partnerships_created == 0
    assert list(detailed.claims.values_list("dataset", flat=True)) == [ClaimDataset.WIKIPEDIA]


def test_conflicting_statements_show_on_the_page_and_in_the_review_list(client, tmp_path):
    horsens, chengdu = make_place("Horsens"), make_place("Chengdu", country="CN")
    detailed = make_partnership(horsens, chengdu, kind=PartnershipKind.FRIENDSHIP_CITY)
    world_import(
        path=write(
            tmp_path / "l.csv", "city1,country1,city2,country2\nHorsens,Denmark,Chengdu,China\n"
        )
    )
    claim = detailed.claims.get()
    assert not partnerships_in_conflict().exists()
    claim.kind = PartnershipKind.SISTER_CITY
    claim.save()
    assert list(partnerships_in_conflict()) == [detailed]
    conflicts = partnership_conflicts(partnership=detailed)
    assert [str(c["field"]) for c in conflicts] == ["kind"]
    page = client.get(detailed.get_absolute_url()).content.decode()
    assert "The sources disagree." in page and "sister city" in page
    review = client.get(reverse("partnerships:conflicts")).content.decode()
    assert detailed.get_absolute_url() in review


def test_wikidata_pairs_give_places_their_qid(wikipedia, tmp_path):
    world_import(path=wikipedia)
    relations = write(tmp_path / "relations.tsv", "Q100\tQ200\nQ200\tQ100\n")
    labels = write(tmp_path / "names.tsv", "Q100\tEsbjerg\nQ200\tSuzhou\n")
    report = world_import(path=relations, names=labels)
    assert report.rows == 1 and report.partnerships_merged == 1
    assert Place.objects.get(wikidata_id="Q100").name == "Esbjerg"
    claim = PartnershipClaim.objects.get(dataset=ClaimDataset.WIKIDATA)
    assert claim.licence == "CC0 1.0"


def test_a_wikidata_export_resolves_by_its_points(tmp_path):
    header = (
        "origincityLabel\torigincountry\toriginlat\toriginlong\toriginpopulation\t"
        "sistercityLabel\tdestinationlat\tdestinationlong\tdestinationpopulation\t"
        "destination_countryLabel\tdist\teu\n"
    )
    row = (
        "Springfield\tUnited States\t42.1\t-72.59\t150000\t"
        "Horsens\t55.86\t9.85\t60000\tDenmark\t5\t\n"
    )
    report = world_import(path=write(tmp_path / "export.tsv", header + row))
    assert report.places_ambiguous == 0
    assert Place.objects.get(name="Springfield").admin_area == "Massachusetts"


def test_a_malformed_file_writes_nothing(tmp_path):
    bad = write(tmp_path / "bad.csv", "city1,country1,city2,country2\nAarhus,Denmark,,Norway\n")
    with pytest.raises(WorldFileError, match="line 2"):
        world_import(path=bad)
    assert not Place.objects.exists()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_records", "world", str(bad))
    other = write(tmp_path / "other.csv", "a,b\n1,2\n")
    with pytest.raises(WorldFileError, match="city1, country1"):
        world_import(path=other)


def test_the_command_reports_what_it_did(wikipedia, capsys):
    call_command("import_records", "world", str(wikipedia))
    out = capsys.readouterr().out
    assert "6 rows read" in out and "1 ambiguous" in out and "5 created" in out


def test_a_district_is_placed_at_its_town_but_kept_apart(tmp_path):
    listed = write(
        tmp_path / "districts.csv",
        "city1,country1,city2,country2\n"
        "Qwertyhof (Aarhus),Denmark,Horsens,Denmark\n"
        "Aarhus – Qwertyby,Denmark,Horsens,Denmark\n"
        "Aarhus 7,Denmark,Horsens,Denmark\n"
        "Aarhus,Denmark,Horsens,Denmark\n",
    )
    world_import(path=listed)
    aarhus = Place.objects.get(search_key="arhus")
    for name in ("Qwertyhof (Aarhus)", "Aarhus – Qwertyby", "Aarhus 7"):
        district = Place.objects.get(name=name)
        assert district.pk != aarhus.pk and district.geonames_id is None
        assert district.resolution == PlaceResolution.WITHIN
        assert (district.latitude, district.longitude) == (aarhus.latitude, aarhus.longitude)
    again = world_import(path=listed)
    assert again.places_created == 0 and again.statements_added == 0


def test_places_a_person_marks_as_the_same_are_merged(tmp_path):
    listed = write(
        tmp_path / "pairs.csv",
        "city1,country1,city2,country2\n"
        "Qwertyville,Denmark,Esbjerg,Denmark\n"
        "Horsens,Denmark,Esbjerg,Denmark\n"
        "Horsens,Denmark,Aarhus,Denmark\n",
    )
    world_import(path=listed)
    from twinning.partnerships.services import place_merge

    stray = Place.objects.get(name="Qwertyville")
    horsens = Place.objects.get(name="Horsens")
    esbjerg = Place.objects.get(name="Esbjerg")
    before = Partnership.objects.count()
    place_merge(keep=horsens, duplicate=stray)
    assert not Place.objects.filter(pk=stray.pk).exists()
    assert Partnership.objects.count() == before - 1
    pair = Partnership.objects.get(party_a__in=[horsens, esbjerg], party_b__in=[horsens, esbjerg])
    assert pair.claims.count() == 2
    assert horsens.names.filter(name="Qwertyville").exists()
    with pytest.raises(ValidationError):
        place_merge(keep=horsens, duplicate=horsens)
    with pytest.raises(ValidationError):
        place_merge(keep=horsens, duplicate=esbjerg)
