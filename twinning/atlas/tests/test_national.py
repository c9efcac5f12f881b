"""The national overview of two countries: page, API, CSV and PDF."""

import csv
import io

import pytest
from pypdf import PdfReader

from twinning.atlas.selectors import national_overview
from twinning.atlas.tests.factories import make_partnership, make_place, world
from twinning.organisations.tests.factories import make_organisation
from twinning.places.models import PlaceKind

pytestmark = pytest.mark.django_db

QUERY = "country=DK&partner=CN"


@pytest.fixture
def places():
    places = world()
    places["nanjing"] = make_place("Nanjing", "CN", PlaceKind.CITY, latitude=32.06, longitude=118.8)
    # Aarhus has two Chinese partners; the second names Aarhus as its second party.
    make_partnership(places["aarhus"], places["wuxi"], since="2007-06")
    make_partnership(places["nanjing"], places["aarhus"], kind="friendship_city", since="2010")
    make_partnership(
        places["hovedstaden"], places["suzhou"], kind="cooperation_agreement", status="dormant"
    )
    make_partnership(places["odense"], places["kiel"], since="1990")
    return places


def test_a_place_with_two_partners_counts_once_as_a_place_and_twice_as_partnerships(places):
    overview = national_overview(user=None, country="DK", partner_country="CN")

    assert [place.name for place in overview.places] == ["Aarhus", "Region Hovedstaden"]
    aarhus = overview.places[0]
    assert [entry.partner_name for entry in aarhus.partnerships] == ["Wuxi", "Nanjing"]
    assert overview.partnership_count == 3
    assert overview.by_place_kind == [
        ("region", "region", 1),
        ("municipality", "municipality", 1),
    ]
    assert {key: count for key, _label, count in overview.by_kind} == {
        "sister_city": 1,
        "friendship_city": 1,
        "cooperation_agreement": 1,
    }
    assert {key: count for key, _label, count in overview.by_status} == {
        "active": 2,
        "dormant": 1,
    }
    assert overview.by_year == [(2007, 1), (2010, 1)]
    assert overview.by_decade == [(2000, 1), (2010, 1)]
    assert overview.since_unknown == 1


def test_the_overview_reads_the_same_from_the_other_side(places):
    overview = national_overview(user=None, country="CN", partner_country="DK")

    assert [place.name for place in overview.places] == ["Nanjing", "Suzhou", "Wuxi"]
    assert overview.partnership_count == 3


def test_anonymous_visitors_do_not_see_private_partnerships_in_the_overview(places):
    make_partnership(
        places["odense"], places["nanjing"], owner=make_organisation(), is_public=False
    )

    overview = national_overview(user=None, country="DK", partner_country="CN")

    assert "Odense" not in [place.name for place in overview.places]


def test_national_page_lists_places_with_counts_map_and_timeline(
    client, places, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(f"/atlas/national/?{QUERY}")

    html = response.content.decode()
    assert response.status_code == 200
    assert "2 places in Denmark have partners in China" in html
    assert "3 partnerships in all" in html
    assert html.count('class="bar-chart"') >= 2
    assert 'id="atlas-map"' in html and 'data-query="country=DK&amp;partner_country=CN"' in html
    assert "Kiel" not in html


def test_national_page_without_countries_shows_the_form_only(client, places):
    response = client.get("/atlas/national/")

    assert response.status_code == 200
    assert 'id="atlas-map"' not in response.content.decode()


def test_national_page_explains_an_unknown_country_code(client):
    response = client.get("/atlas/national/?country=XX&partner=CN")

    assert "XX is not an ISO 3166 country code" in response.content.decode()


def test_national_csv_has_one_row_per_partnership(client, places):
    response = client.get(f"/atlas/national.csv?{QUERY}")

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["place"], row["partner"], row["kind"], row["since"]) for row in rows] == [
        ("Aarhus", "Wuxi", "sister_city", "2007-06"),
        ("Aarhus", "Nanjing", "friendship_city", "2010"),
        ("Region Hovedstaden", "Suzhou", "cooperation_agreement", ""),
    ]
    assert {row["country"] for row in rows} == {"DK"}
    assert {row["partner_country"] for row in rows} == {"CN"}


def test_national_csv_without_countries_is_a_bad_request_naming_the_field(client):
    response = client.get("/atlas/national.csv?country=DK")

    assert response.status_code == 400
    assert "partner" in response.content.decode()


def test_national_pdf_is_a_pdf_with_the_countries_and_the_timeline_chart(client, places):
    response = client.get(f"/atlas/national.pdf?{QUERY}")

    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Denmark" in text and "China" in text
    assert "Wuxi" in text
    # Years without a new partnership appear only as labels of the chart's columns.
    assert "2008" in text and "2009" in text


def test_national_api_gives_places_partnerships_and_counts(client, places):
    data = client.get("/api/atlas/national?country=dk&partner_country=CN").json()

    assert data["place_count"] == 2
    assert data["partnership_count"] == 3
    aarhus = data["places"][0]
    assert aarhus["name"] == "Aarhus"
    assert [(p["partner_name"], p["since"]) for p in aarhus["partnerships"]] == [
        ("Wuxi", "2007-06"),
        ("Nanjing", "2010"),
    ]
    assert {"key": "dormant", "label": "dormant", "count": 1} in data["by_status"]
    assert data["by_decade"] == [{"start": 2000, "count": 1}, {"start": 2010, "count": 1}]


def test_national_api_refuses_an_unknown_country_with_its_name(client):
    response = client.get("/api/atlas/national?country=DK&partner_country=ZZ")

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "partner_country"]


def test_national_api_stays_within_the_query_budget(client, places, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert client.get("/api/atlas/national?country=DK&partner_country=CN").status_code == 200
