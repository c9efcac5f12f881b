"""Statistics of partnerships: decades, kinds, statuses and partner countries."""

import pytest

from twinning.atlas.charts import bar_chart
from twinning.atlas.tests.factories import make_partnership, world
from twinning.organisations.tests.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def places():
    places = world()
    make_partnership(places["aarhus"], places["wuxi"], since="2007-06")
    make_partnership(places["odense"], places["suzhou"], since="2001", status="dormant")
    make_partnership(places["aarhus"], places["kiel"], kind="friendship_city", since="1964")
    make_partnership(places["wuxi"], places["kiel"], kind="memorandum")
    return places


def test_stats_count_by_decade_kind_status_and_country(client, places):
    data = client.get("/api/atlas/stats").json()

    assert data["total"] == 4
    assert data["by_decade"] == [{"start": 1960, "count": 1}, {"start": 2000, "count": 2}]
    assert data["since_unknown"] == 1
    assert {row["key"]: row["count"] for row in data["by_kind"]} == {
        "sister_city": 2,
        "friendship_city": 1,
        "memorandum": 1,
    }
    assert {row["key"]: row["count"] for row in data["by_status"]} == {"active": 3, "dormant": 1}
    assert [(row["key"], row["count"]) for row in data["top_countries"]] == [
        ("CN", 3),
        ("DK", 3),
        ("DE", 2),
    ]


def test_top_partner_countries_of_one_country_count_the_other_party(client, places):
    data = client.get("/api/atlas/stats?country=DK").json()

    assert data["total"] == 3
    assert [(row["key"], row["label"], row["count"]) for row in data["top_countries"]] == [
        ("CN", "China", 2),
        ("DE", "Germany", 1),
    ]


def test_stats_are_filtered_by_decade(client, places):
    data = client.get("/api/atlas/stats?decade=2000").json()

    assert data["total"] == 2
    assert data["by_decade"] == [{"start": 2000, "count": 2}]


def test_anonymous_visitors_are_counted_only_public_partnerships(client, places):
    make_partnership(places["odense"], places["kiel"], owner=make_organisation(), is_public=False)

    assert client.get("/api/atlas/stats").json()["total"] == 4


def test_statistics_page_shows_charts_and_numbers(client, places, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        response = client.get("/atlas/statistics/?country=DK")

    html = response.content.decode()
    assert response.status_code == 200
    assert "3 partnerships" in html
    assert html.count('class="bar-chart"') == 4
    assert "China" in html and "1960s" in html


def test_statistics_page_explains_a_wrong_decade(client, places):
    response = client.get("/atlas/statistics/?decade=1965")

    assert "first year of a decade" in response.content.decode()


def test_stats_api_stays_within_the_query_budget(client, places, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get("/api/atlas/stats?country=DK&kind=sister_city").status_code == 200


def test_bar_chart_scales_bars_to_the_largest_value_and_escapes_labels():
    svg = bar_chart([("<Aarhus>", 10), ("Odense", 5)], title="Partners")

    assert svg.startswith("<svg") and "<title>Partners</title>" in svg
    assert "&lt;Aarhus&gt;" in svg and "<Aarhus>" not in svg
    assert 'width="390.0"' in svg and 'width="195.0"' in svg


def test_bar_chart_of_nothing_is_empty():
    assert bar_chart([], title="Nothing") == ""
