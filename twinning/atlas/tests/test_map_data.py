"""The map endpoint: points, lines, coordinates from ancestors, filters and visibility."""

import gzip
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from twinning.atlas.selectors import map_data
from twinning.atlas.tests.factories import make_area, make_partnership, make_place, world
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import PlaceKind
from twinning.places.services import place_update

pytestmark = pytest.mark.django_db

URL = "/api/atlas/map"


@pytest.fixture
def places():
    return world()


def test_map_data_gives_points_and_lines_with_their_fields(client, places):
    tie = make_partnership(places["aarhus"], places["wuxi"], since="2007-06", status="dormant")
    make_partnership(places["aarhus"], places["kiel"], kind="friendship_city")

    data = client.get(URL).json()

    assert set(data) == {"points", "lines", "unmapped"}
    line = next(line for line in data["lines"] if line["id"] == tie.pk)
    assert line == {
        "id": tie.pk,
        "a": places["aarhus"].pk,
        "b": places["wuxi"].pk,
        "kind": "sister_city",
        "status": "dormant",
        "since": "2007-06",
    }
    points = {point["id"]: point for point in data["points"]}
    assert points[places["aarhus"].pk] == {
        "id": places["aarhus"].pk,
        "name": "Aarhus",
        "country": "DK",
        "lat": 56.15,
        "lon": 10.21,
        "count": 2,
    }
    assert points[places["kiel"].pk]["count"] == 1
    assert data["unmapped"] == 0


def test_place_without_coordinates_is_drawn_at_its_nearest_ancestors(client, places):
    make_partnership(places["odense"], places["suzhou"])

    point = next(p for p in client.get(URL).json()["points"] if p["name"] == "Suzhou")

    assert (point["lat"], point["lon"]) == (33.0, 119.8)


def test_coordinates_are_found_beyond_the_ancestors_read_with_the_place(places):
    # Five levels up: further than the joins of the first query reach.
    node = make_place("Far", "CN", PlaceKind.PROVINCE, latitude=20.0, longitude=100.0)
    for depth in range(5):
        node = make_place(f"Level {depth}", "CN", PlaceKind.DISTRICT, parent=node)
    make_partnership(places["aarhus"], node)

    data = map_data(partnerships=Partnership.objects.all())

    point = next(p for p in data["points"] if p["name"] == "Level 4")
    assert (point["lat"], point["lon"]) == (20.0, 100.0)


def test_partnership_without_any_coordinates_is_left_off_and_counted(client, places):
    make_partnership(places["hovedstaden"], places["wuxi"])
    make_partnership(places["aarhus"], places["wuxi"])

    data = client.get(URL).json()

    assert data["unmapped"] == 1
    assert len(data["lines"]) == 1
    assert "Region Hovedstaden" not in {point["name"] for point in data["points"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("country=DK&partner_country=CN", {"aarhus-wuxi", "wuxi-odense"}),
        ("country=CN&partner_country=DK", {"aarhus-wuxi", "wuxi-odense"}),
        ("partner_country=DE", {"aarhus-kiel"}),
        ("kind=friendship_city", {"aarhus-kiel"}),
        ("status=terminated", {"wuxi-odense"}),
        ("focus=water", {"aarhus-wuxi"}),
        ("decade=2000", {"aarhus-wuxi"}),
        ("decade=1960", {"aarhus-kiel"}),
        ("decade=2010&country=DK", {"wuxi-odense"}),
    ],
)
def test_map_data_is_filtered(client, places, query, expected):
    water = make_area("water")
    ties = {
        "aarhus-wuxi": make_partnership(
            places["aarhus"], places["wuxi"], since="2007", focus_areas=[water]
        ),
        "wuxi-odense": make_partnership(
            places["wuxi"], places["odense"], since="2012-10-02", status="terminated"
        ),
        "aarhus-kiel": make_partnership(
            places["aarhus"], places["kiel"], kind="friendship_city", since="1969"
        ),
    }
    names = {tie.pk: name for name, tie in ties.items()}

    data = client.get(f"{URL}?{query}").json()

    assert {names[line["id"]] for line in data["lines"]} == expected


@pytest.mark.parametrize("decade", ["1995", "abcd", "99999"])
def test_a_decade_that_is_not_one_is_refused_with_its_name(client, decade):
    response = client.get(f"{URL}?decade={decade}")

    assert response.status_code == 422
    assert "decade" in str(response.json())


def test_anonymous_visitors_see_only_public_partnerships(client, places):
    office = make_organisation()
    public = make_partnership(places["aarhus"], places["wuxi"])
    private = make_partnership(places["aarhus"], places["kiel"], owner=office, is_public=False)

    anonymous = {line["id"] for line in client.get(URL).json()["lines"]}
    client.force_login(make_user("member", viewer_of=office))
    member = {line["id"] for line in client.get(URL).json()["lines"]}

    assert anonymous == {public.pk}
    assert member == {public.pk, private.pk}


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_map_data_takes_the_same_few_queries_however_many_rows(client, places):
    make_partnership(places["aarhus"], places["suzhou"])
    few = _queries(client, URL)
    chinese = [
        make_place(f"City {n}", "CN", PlaceKind.CITY, latitude=30.0 + n / 10, longitude=110.0)
        for n in range(30)
    ]
    for n, city in enumerate(chinese):
        make_partnership(places["odense"] if n % 2 else places["aarhus"], city, since="2001")
        make_partnership(city, make_place(f"Town {n}", "DE", PlaceKind.CITY, parent=places["kiel"]))

    many = _queries(client, f"{URL}?kind=sister_city")

    assert few == many <= 3


def test_many_places_are_selected_by_subquery_with_the_same_result(monkeypatch, places):
    make_partnership(places["aarhus"], places["wuxi"])
    make_partnership(places["odense"], places["suzhou"], kind="friendship_city")
    make_partnership(places["hovedstaden"], places["kiel"])
    partnerships = Partnership.objects.filter(kind="sister_city")
    by_list = map_data(partnerships=partnerships)

    monkeypatch.setattr("twinning.atlas.selectors._ID_LIST_LIMIT", 1)
    by_subquery = map_data(partnerships=partnerships)

    assert by_subquery == by_list
    assert by_list["unmapped"] == 1 and len(by_list["lines"]) == 1


def test_map_data_stays_within_the_query_budget_when_filtered(
    client, places, django_assert_max_num_queries
):
    area = make_area("water")
    make_partnership(places["aarhus"], places["wuxi"], focus_areas=[area], since="2007")
    with django_assert_max_num_queries(4):
        response = client.get(f"{URL}?focus=water&country=DK&decade=2000&status=active")
    assert len(response.json()["lines"]) == 1


def test_kept_map_data_is_renewed_when_a_place_moves(client, places, django_assert_max_num_queries):
    make_partnership(places["aarhus"], places["wuxi"])
    client.get(URL)
    with django_assert_max_num_queries(1):
        client.get(URL)

    place_update(place=places["wuxi"], latitude=10.0, longitude=100.0)

    point = next(p for p in client.get(URL).json()["points"] if p["name"] == "Wuxi")
    assert (point["lat"], point["lon"]) == (10.0, 100.0)


def test_a_client_that_accepts_gzip_gets_the_same_data_compressed(client, places):
    make_partnership(places["aarhus"], places["wuxi"])
    plain = client.get(URL)

    packed = client.get(URL, headers={"Accept-Encoding": "gzip, deflate, br"})

    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert not plain.has_header("Content-Encoding")
    assert json.loads(gzip.decompress(packed.content)) == plain.json()
    assert len(packed.content) < len(plain.content)
