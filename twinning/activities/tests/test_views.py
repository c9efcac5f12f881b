import io

import pytest
from openpyxl import load_workbook

from twinning.activities.models import Activity
from twinning.organisations.tests.factories import make_organisation, make_user

pytestmark = pytest.mark.django_db


def test_list_shows_public_only_to_anonymous(client, make_activity):
    make_activity("Open meeting")
    make_activity("Closed meeting", is_public=False)
    page = client.get("/activities/").content.decode()
    assert "Open meeting" in page and "Closed meeting" not in page


def test_list_filters_and_htmx_partial(client, make_activity):
    make_activity("Network meeting", start="2013-01-14")
    make_activity("Summer school", start="2013-06", area="education")
    response = client.get("/activities/", {"area": "education"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert "Summer school" in page and "Network meeting" not in page
    assert "<html" not in page


def test_detail_and_private_detail(client, make_activity, editor):
    shown = make_activity("Visit", headcounts=[(27, "Danish young players")])
    hidden = make_activity("Closed", is_public=False)
    page = client.get(f"/activities/{shown.pk}/").content.decode()
    assert "27 Danish young players" in page
    assert client.get(f"/activities/{hidden.pk}/").status_code == 404
    client.force_login(editor)
    assert client.get(f"/activities/{hidden.pk}/").status_code == 200


def test_create_needs_login_and_editor(client, partnership, org, editor):
    assert client.get("/activities/new/").status_code == 302
    client.force_login(make_user("viewer", viewer_of=org))
    assert client.get("/activities/new/").status_code == 403
    client.force_login(editor)
    response = client.post(
        "/activities/new/",
        {
            "title": "Badminton visit",
            "start": "2014-08-22",
            "end": "2014-08-27",
            "area": "culture_sport",
            "kind": "exchange",
            "partnerships": [partnership.pk],
            "owner": org.pk,
            "is_public": "on",
            "headcounts": "11 Chinese young players\n27 Danish young players",
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert [h.count for h in activity.headcounts.all()] == [11, 27]


def test_bad_headcount_line_is_named(client, editor, org):
    client.force_login(editor)
    response = client.post(
        "/activities/new/",
        {
            "title": "x",
            "start": "2014",
            "area": "overall",
            "kind": "meeting",
            "owner": org.pk,
            "headcounts": "11 players\nmany teachers",
        },
    )
    assert response.status_code == 200
    assert "Line 2" in response.content.decode()
    assert not Activity.objects.exists()


def test_other_organisations_editor_gets_403_on_update(client, make_activity):
    activity = make_activity()
    client.force_login(make_user("other", editor_of=make_organisation("Elsewhere")))
    assert client.get(f"/activities/{activity.pk}/edit/").status_code == 403


def test_editor_updates_own_activity(client, make_activity, editor, org):
    activity = make_activity(headcounts=[(1, "mayor")])
    client.force_login(editor)
    page = client.get(f"/activities/{activity.pk}/edit/").content.decode()
    assert "1 mayor" in page
    client.post(
        f"/activities/{activity.pk}/edit/",
        {
            "title": "Renamed",
            "start": "2013-01-14",
            "area": "overall",
            "kind": "meeting",
            "owner": org.pk,
            "is_public": "on",
            "headcounts": "",
        },
    )
    activity.refresh_from_db()
    assert activity.title == "Renamed" and not activity.headcounts.exists()


def test_overview_page_and_downloads(client, make_activity, partnership):
    make_activity("Network meeting", start="2013-01-14")
    make_activity("All year", start="2013", area="school")
    query = {"partnership": partnership.pk, "year": 2013}
    page = client.get("/activities/overview/", query).content.decode()
    assert "Network meeting" in page and "During the year" in page and "January" in page
    csv_response = client.get("/activities/overview.csv", query)
    assert csv_response["Content-Type"].startswith("text/csv")
    assert "14 January 2013: Network meeting" in csv_response.content.decode()
    xlsx = client.get("/activities/overview.xlsx", query)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["B3"].value == "14 January 2013: Network meeting"
    assert client.get("/activities/overview.csv").status_code == 404


def test_calendar_month_grid_and_navigation(client, make_activity):
    make_activity("Mayors in Wuxi", start="2013-06-07", end="2013-06-12")
    make_activity("Summer school", start="2013-06", area="education")
    make_activity("All year", start="2013")
    make_activity("Elsewhere in time", start="2013-08-01")
    page = client.get("/activities/calendar/", {"month": "2013-06"}).content.decode()
    assert page.count("Mayors in Wuxi") == 6
    assert "Summer school" in page and "All year" in page
    assert "Elsewhere in time" not in page
    assert "month=2013-05" in page and "month=2013-07" in page
    filtered = client.get("/activities/calendar/", {"month": "2013-06", "area": "education"})
    assert "Mayors in Wuxi" not in filtered.content.decode()


def test_pages_query_counts(client, make_activity, django_assert_max_num_queries, partnership):
    activities = [make_activity(f"Meeting {n}", start=f"2013-0{n % 9 + 1}") for n in range(20)]
    with django_assert_max_num_queries(8):
        client.get("/activities/")
    with django_assert_max_num_queries(10):
        client.get(f"/activities/{activities[0].pk}/")
    with django_assert_max_num_queries(8):
        client.get("/activities/overview/", {"partnership": partnership.pk, "year": 2013})
    with django_assert_max_num_queries(8):
        client.get("/activities/calendar/", {"month": "2013-03"})


def test_danish_form_takes_danish_dates_and_explains_in_danish(client, editor, org):
    client.force_login(editor)
    form = client.get("/da/activities/new/").content.decode()
    assert 'placeholder="d.m.åååå"' in form
    data = {"title": "Møde", "area": "overall", "kind": "meeting", "owner": org.pk}

    response = client.post("/da/activities/new/", {**data, "start": "31.2.2015"})
    assert "Dag 31 findes ikke i februar 2015" in response.content.decode()
    assert not Activity.objects.exists()

    response = client.post("/da/activities/new/", {**data, "start": "3. december 2015"})
    activity = Activity.objects.get()
    assert activity.start.isoformat() == "2015-12-03"
    assert response["Location"] == f"/da/activities/{activity.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "3. december 2015" in page
