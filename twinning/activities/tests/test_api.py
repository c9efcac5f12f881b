import datetime as dt

import icalendar
import pytest

pytestmark = pytest.mark.django_db


def test_list_shape_and_filters(client, make_activity, partnership):
    make_activity("Network meeting", start="2013-01-14")
    make_activity(
        "Summer school", start="2013-06", end="2013-07", area="education", kind="study_stay"
    )
    make_activity("Later meeting", start="2014-01-07", headcounts=[(3, "officials")])
    body = client.get("/api/activities", {"partnership": partnership.pk}).json()
    assert body["count"] == 3
    item = body["items"][1]
    assert item == {
        "id": item["id"],
        "start": "2013-06",
        "end": "2013-07",
        "area": "education",
        "kind": "study_stay",
        "title": "Summer school",
        "description": "",
        "place": None,
        "partnerships": [partnership.pk],
        "headcounts": [],
    }
    titles = lambda q: [i["title"] for i in client.get("/api/activities", q).json()["items"]]  # noqa: E731
    assert titles({"year": 2013}) == ["Network meeting", "Summer school"]
    assert titles({"area": "education"}) == ["Summer school"]
    assert titles({"kind": "meeting", "year": 2014}) == ["Later meeting"]
    assert titles({"q": "summer"}) == ["Summer school"]
    assert client.get("/api/activities", {"year": 2014}).json()["items"][0]["headcounts"] == [
        {"count": 3, "group": "officials"}
    ]


def test_bad_filter_gives_422_naming_the_parameter(client):
    response = client.get("/api/activities", {"area": "nowhere"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["query", "area"]


def test_private_activity_hidden_from_anonymous_but_shown_to_member(client, make_activity, editor):
    hidden = make_activity("Closed", is_public=False)
    assert client.get("/api/activities").json()["count"] == 0
    assert client.get(f"/api/activities/{hidden.pk}").status_code == 404
    client.force_login(editor)
    assert client.get("/api/activities").json()["count"] == 1
    assert client.get(f"/api/activities/{hidden.pk}").json()["title"] == "Closed"


def test_overview_shape(client, make_activity, partnership):
    make_activity("Network meeting", start="2013-01-14")
    make_activity("Pupils visit", start="2013-03", area="school")
    make_activity("All year", start="2013", area="school")
    body = client.get(
        "/api/activities/overview", {"partnership": partnership.pk, "year": 2013}
    ).json()
    assert set(body) == {"year", "areas", "months"}
    assert body["year"] == 2013
    assert body["areas"] == ["overall", "school"]
    assert [m["month"] for m in body["months"]] == [*range(1, 13), None]
    assert body["months"][0]["cells"]["overall"][0]["title"] == "Network meeting"
    assert body["months"][0]["cells"]["school"] == []
    assert body["months"][2]["cells"]["school"][0]["start"] == "2013-03"
    assert body["months"][12]["cells"]["school"][0]["title"] == "All year"


def test_overview_of_an_invisible_partnership_is_404(client, partnership):
    partnership.is_public = False
    partnership.save()
    response = client.get("/api/activities/overview", {"partnership": partnership.pk, "year": 2013})
    assert response.status_code == 404


def test_detail_has_participants(client, make_activity):
    activity = make_activity("Visit", headcounts=[(11, "Chinese young players")])
    body = client.get(f"/api/activities/{activity.pk}").json()
    assert body["headcounts"] == [{"count": 11, "group": "Chinese young players"}]
    assert body["people"] == [] and body["organisations"] == [] and body["sources"] == []


def test_ics_feed_parses_with_all_day_events(client, make_activity):
    day = make_activity("Mayors in Wuxi", start="2013-06-07", end="2013-06-12")
    month = make_activity("Summer school", start="2013-06", end="2013-07")
    year = make_activity("All year", start="2013")
    make_activity("Closed", start="2013-05-05", is_public=False)
    response = client.get("/api/activities.ics", {"year": 2013})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert set(events) == {"Mayors in Wuxi", "Summer school", "All year"}
    span = lambda e: (e.decoded("DTSTART"), e.decoded("DTEND"))  # noqa: E731
    assert span(events["Mayors in Wuxi"]) == (dt.date(2013, 6, 7), dt.date(2013, 6, 13))
    assert span(events["Summer school"]) == (dt.date(2013, 6, 1), dt.date(2013, 8, 1))
    assert span(events["All year"]) == (dt.date(2013, 1, 1), dt.date(2014, 1, 1))
    assert str(events["Mayors in Wuxi"]["UID"]) == f"activity-{day.pk}@testserver"
    again = icalendar.Calendar.from_ical(client.get("/api/activities.ics").content)
    assert {str(e["UID"]) for e in again.walk("VEVENT")} == {
        f"activity-{a.pk}@testserver" for a in (day, month, year)
    }


def test_ics_bad_filter_is_422(client):
    assert client.get("/api/activities.ics", {"year": "soon"}).status_code == 422


def test_api_list_query_count_does_not_grow(client, make_activity, django_assert_max_num_queries):
    for n in range(15):
        make_activity(f"Meeting {n}", start=f"2013-01-{n + 1:02d}", headcounts=[(2, "x")])
    with django_assert_max_num_queries(5):
        assert client.get("/api/activities").json()["count"] == 15
    with django_assert_max_num_queries(5):
        client.get("/api/activities.ics")
