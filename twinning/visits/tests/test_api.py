import datetime as dt

import pytest

from twinning.visits.services import (
    commitment_create,
    gift_create,
    programme_item_create,
    visit_member_create,
)
from twinning.visits.tests.factories import (
    make_area,
    make_organisation,
    make_place,
    make_site,
    make_user,
    make_visit,
)

pytestmark = pytest.mark.django_db

URL = "/api/visits"


def titles(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


def test_list_item_shape(client):
    energy = make_area("energy")
    dalian, sonderborg = make_place("Dalian", "CN", "city"), make_place("Sønderborg", "DK")
    visit = make_visit(
        dalian, sonderborg, interests=[energy], status="done", dates_approximate=True
    )
    visit_member_create(visit=visit, name="Ding Jie", is_leader=True)
    commitment_create(visit=visit, description="Late", due_date=dt.date(2017, 10, 1))

    body = client.get(URL).json()

    assert body["count"] == 1
    assert body["items"] == [
        {
            "id": visit.pk,
            "title": "Delegation from Dalian",
            "direction": "incoming",
            "status": "done",
            "visiting_party": {"id": dalian.pk, "name": "Dalian", "country": "CN"},
            "host": {"id": sonderborg.pk, "name": "Sønderborg", "country": "DK"},
            "host_organisation": None,
            "partnership": None,
            "start_date": "2017-09-04",
            "end_date": "2017-09-06",
            "dates_approximate": True,
            "interests": ["energy"],
            "member_count": 1,
            "overdue_commitments": 1,
        }
    ]


def test_detail_has_members_programme_gifts_and_commitments(client):
    client.force_login(make_user("reader"))
    visit = make_visit()
    visit_member_create(visit=visit, name="Wang Fang", native_name="王芳", is_leader=True)
    visit_member_create(visit=visit, name="Second", organisation_name="Dalian Refrigeration")
    site = make_site("Solar plant")
    programme_item_create(
        visit=visit, site=site, day=dt.date(2017, 9, 5), start_time=dt.time(10, 0)
    )
    gift_create(visit=visit, direction="received", description="Scroll")
    commitment_create(visit=visit, description="Visit Dalian", due_date=dt.date(2099, 1, 1))

    body = client.get(f"{URL}/{visit.pk}").json()

    assert [m["name"] for m in body["members"]] == ["Wang Fang", "Second"]
    assert body["members"][0]["native_name"] == "王芳"
    assert body["members"][1]["organisation"] == "Dalian Refrigeration"
    assert body["programme"] == [
        {
            "id": body["programme"][0]["id"],
            "day": "2017-09-05",
            "start_time": "10:00:00",
            "end_time": None,
            "topic": "Solar plant",
            "site": site.pk,
            "location": "",
            "interpreter": "",
            "translations": {"en": {"topic": "Solar plant"}},
        }
    ]
    assert body["gifts"][0]["direction"] == "received"
    assert body["commitments"][0]["overdue"] is False


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"direction": "outgoing"}, {"Trip"}),
        ({"status": ["planned", "cancelled"]}, {"Planned", "Trip"}),
        ({"visiting_country": "CN"}, {"Planned"}),
        ({"year": 2015}, {"Trip"}),
        ({"interest": "energy"}, {"Planned"}),
    ],
)
def test_list_filters(client, params, expected):
    energy = make_area("energy")
    bycirklen, wuxi = make_place("Bycirklen", "DK", "group"), make_place("Wuxi", "CN", "city")
    make_visit(wuxi, bycirklen, title="Planned", interests=[energy])
    make_visit(
        bycirklen,
        wuxi,
        title="Trip",
        direction="outgoing",
        status="cancelled",
        start_date=dt.date(2015, 11, 14),
        end_date=dt.date(2015, 11, 21),
    )

    assert titles(client.get(URL, params)) == expected


def test_list_filter_by_host(client):
    sonderborg = make_place("Sønderborg", "DK")
    make_visit(host=sonderborg, title="Here")
    make_visit(make_place("Baoding", "CN", "city"), make_place("Aarhus", "DK"), title="There")

    assert titles(client.get(URL, {"host": sonderborg.pk})) == {"Here"}


@pytest.mark.parametrize(
    "params", [{"year": "autumn"}, {"direction": "sideways"}, {"status": "maybe"}]
)
def test_bad_filters_give_422_naming_the_parameter(client, params):
    response = client.get(URL, params)
    assert response.status_code == 422
    (name,) = params
    assert response.json()["detail"][0]["loc"] == ["query", name]


def test_private_visits_are_hidden_from_the_public(client):
    org = make_organisation("Sønderborg Kommune")
    private = make_visit(title="Quiet", owner=org, is_public=False)

    assert titles(client.get(URL)) == set()
    assert client.get(f"{URL}/{private.pk}").status_code == 404
    client.force_login(make_user("insider", viewer_of=org))
    assert titles(client.get(URL)) == {"Quiet"}
    assert client.get(f"{URL}/{private.pk}").status_code == 200


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    areas = [make_area("energy"), make_area("water")]
    host = make_place("Sønderborg", "DK")
    for number in range(15):
        visit = make_visit(make_place(f"City {number}", "CN", "city"), host, interests=areas)
        visit_member_create(visit=visit, name="Leader", is_leader=True)

    with django_assert_max_num_queries(4):
        body = client.get(URL).json()
    assert body["count"] == 15


def test_detail_query_count_is_bounded(client, django_assert_max_num_queries):
    visit = make_visit(interests=[make_area("energy")])
    for number in range(5):
        visit_member_create(visit=visit, name=f"M{number}")
        programme_item_create(visit=visit, site=make_site(f"S{number}"), day=dt.date(2017, 9, 4))
        commitment_create(visit=visit, description=f"C{number}")

    with django_assert_max_num_queries(7):
        assert client.get(f"{URL}/{visit.pk}").status_code == 200
