"""The partnership filter on its own, as both the API and the HTML list use it."""

import pytest

from twinning.focusareas.models import FocusArea
from twinning.partnerships.filters import PartnershipFilter
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_create
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db


def filtered(**data):
    filterset = PartnershipFilter(data, queryset=Partnership.objects.all())
    assert filterset.is_valid(), filterset.errors
    return set(filterset.qs.values_list("pk", flat=True))


@pytest.fixture
def aarhus():
    return place_create(name="Aarhus", kind="municipality", country="DK")


def partner(aarhus, name, country="NO", **kwargs):
    other = place_create(name=name, kind="city", country=country)
    return partnership_create(party_a=aarhus, party_b=other, kind="sister_city", **kwargs).pk


def test_since_to_includes_months_and_days_of_that_year(aarhus):
    year = partner(aarhus, "Bergen", since="2010")
    month = partner(aarhus, "Turku", since="2010-06")
    day = partner(aarhus, "Wuxi", since="2010-12-31")
    earlier = partner(aarhus, "Kiel", since="1946")
    later = partner(aarhus, "Oslo", since="2011")

    assert filtered(since_to="2010") == {year, month, day, earlier}
    assert later not in filtered(since_to="2010")


def test_since_from_includes_that_year_and_later(aarhus):
    partner(aarhus, "Kiel", since="2009-12")
    same = partner(aarhus, "Bergen", since="2010")
    later = partner(aarhus, "Turku", since="2011-03")

    assert filtered(since_from="2010") == {same, later}


def test_several_countries_separated_by_commas(aarhus):
    norway = partner(aarhus, "Bergen", country="NO")
    china = partner(aarhus, "Wuxi", country="CN")
    partner(aarhus, "Turku", country="FI")

    assert filtered(country="DK", partner_country="no, cn") == {norway, china}


def test_partner_country_alone_matches_either_party(aarhus):
    norway = partner(aarhus, "Bergen", country="NO")

    assert filtered(partner_country="DK") == {norway}
    assert filtered(partner_country="NO") == {norway}


def test_focus_matches_slugs_and_rejects_unknown_ones(aarhus):
    water = FocusArea.objects.create(slug="water", name_en="Water", name_da="Vand")
    with_water = partner(aarhus, "Wuxi", focus_areas=[water])
    partner(aarhus, "Bergen")

    assert filtered(focus=["water"]) == {with_water}
    filterset = PartnershipFilter({"focus": ["sewage"]}, queryset=Partnership.objects.all())
    assert not filterset.is_valid()
    assert "focus" in filterset.errors


def test_q_also_searches_notes(aarhus):
    noted = partner(aarhus, "Bergen", notes="Teacher exchange every autumn")
    partner(aarhus, "Turku")

    assert filtered(q="teacher") == {noted}
