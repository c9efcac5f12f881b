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
