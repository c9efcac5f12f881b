import pytest

from twinning.places.countries import UnknownCountry, country_code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Denmark", "DK"),
        ("Scotland, United Kingdom", "GB"),
        ("Georgia (country)", "GE"),
        ("Republic of Ireland", "IE"),
        ("São Tomé and Príncipe", "ST"),
        ("Réunion, France", "FR"),
        ("in Italy", "IT"),
        ("Falkland Islands", "FK"),
        ("cn", "CN"),
    ],
)
def test_country_names_from_public_lists_resolve_to_iso_codes(name, code):
    assert country_code(name) == code


def test_unknown_country_is_an_error():
    with pytest.raises(UnknownCountry):
        country_code("Atlantis")


def test_country_code_reads_the_stored_code(db):
    from twinning.places.models import Place, PlaceKind

    place = Place.objects.create(name="Haiyan", kind=PlaceKind.CITY, country="CN")
    assert place.country_code == "CN"
    assert Place.objects.get(pk=place.pk).country_code == "CN"
    assert Place.objects.only("name").get(pk=place.pk).country_code == "CN"
    place.country = "dk"
    assert place.country_code == place.country.code == "DK"
    assert Place(name="Nowhere", kind=PlaceKind.CITY).country_code == ""
