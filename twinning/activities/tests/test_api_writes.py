import json

import pytest
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.activities.models import Activity
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.people.models import Person

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


@pytest.fixture
def stranger():
    return make_user("stranger", editor_of=make_organisation("Elsewhere"))


def test_editor_with_token_creates_an_activity_with_head_counts(editor, org, partnership):
    person = Person.objects.create(name="Anna Berg")

    response = send(
        "post",
        "/api/activities",
        {
            "title": "Youth football camp",
            "start": "2013-06",
            "end": "2013-07",
            "area": "culture_sport",
            "partnerships": [partnership.pk],
            "people": [person.pk],
            "headcounts": [{"count": 11, "group": "young players"}],
        },
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["start"], body["end"], body["partnerships"]) == (
        "2013-06",
        "2013-07",
        [partnership.pk],
    )
    assert body["headcounts"] == [{"count": 11, "group": "young players"}]
    assert body["people"] == [{"id": person.pk, "name": "Anna Berg"}]
    assert Activity.objects.get().owner == org


def test_patch_changes_only_the_given_fields(editor, make_activity):
    activity = make_activity("Meeting", start="2013-01-14", headcounts=[(3, "officials")])

    response = send(
        "patch", f"/api/activities/{activity.pk}", {"kind": "conference"}, **bearer(editor)
    )

    assert response.status_code == 200, response.content
    activity.refresh_from_db()
    assert (activity.kind, activity.title, activity.start.isoformat()) == (
        "conference",
        "Meeting",
        "2013-01-14",
    )
    assert activity.headcounts.count() == 1


def test_delete_removes_the_activity(editor, make_activity):
    activity = make_activity()

    response = send("delete", f"/api/activities/{activity.pk}", **bearer(editor))

    assert response.status_code == 204
    assert not Activity.objects.exists()


def test_writes_without_credentials_are_401(make_activity):
    activity = make_activity()

    assert send("post", "/api/activities", {"title": "X", "start": "2013"}).status_code == 401
    assert send("patch", f"/api/activities/{activity.pk}", {"title": "Y"}).status_code == 401
    assert send("delete", f"/api/activities/{activity.pk}").status_code == 401
    assert Activity.objects.get().title == "Meeting"


def test_viewers_and_other_organisations_editors_get_403(org, make_activity, stranger):
    activity = make_activity()
    viewer = make_user("viewer", viewer_of=org)

    created = send("post", "/api/activities", {"title": "X", "start": "2013"}, **bearer(viewer))
    patched = send("patch", f"/api/activities/{activity.pk}", {"title": "Y"}, **bearer(stranger))
    deleted = send("delete", f"/api/activities/{activity.pk}", **bearer(stranger))

    assert (created.status_code, patched.status_code, deleted.status_code) == (403, 403, 403)
    assert Activity.objects.get().title == "Meeting"


def test_private_activity_of_another_organisation_is_404(make_activity, stranger):
    activity = make_activity(is_public=False)

    response = send("patch", f"/api/activities/{activity.pk}", {"title": "Y"}, **bearer(stranger))

    assert response.status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"title": "X", "start": "2013-02-30"},
        {"title": "X", "start": "2014", "end": "2013"},
        {"title": "X", "start": "2013", "partnerships": [999999]},
        {"title": "X", "start": "2013", "headcounts": [{"count": 0, "group": "none"}]},
        {"title": "", "start": "2013"},
    ],
)
def test_invalid_activity_is_422_and_nothing_saved(editor, data):
    response = send("post", "/api/activities", data, **bearer(editor))

    assert response.status_code == 422, response.content
    assert not Activity.objects.exists()


def test_impossible_date_in_patch_is_422_naming_the_field(editor, make_activity):
    activity = make_activity()

    response = send("patch", f"/api/activities/{activity.pk}", {"end": "2013-13"}, **bearer(editor))

    assert response.status_code == 422
    assert "end" in response.json()["detail"]
    activity.refresh_from_db()
    assert activity.end is None


def test_private_partnership_of_another_organisation_cannot_be_attached(
    make_activity, partnership, stranger
):
    partnership.is_public = False
    partnership.save()

    response = send(
        "post",
        "/api/activities",
        {"title": "X", "start": "2013", "partnerships": [partnership.pk]},
        **bearer(stranger),
    )

    assert response.status_code == 422
    assert "partnerships" in response.json()["detail"]


def test_csv_export_has_a_header_and_a_row_per_match(make_activity):
    for title in ("One", "Two", "Three"):
        make_activity(title)

    response = Client().get("/api/activities?format=csv&limit=1")

    assert response.status_code == 200
    assert 'activities.csv"' in response["Content-Disposition"]
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("id,start,end,area,kind,title")
    assert len(lines) == 4


def test_list_query_count_with_a_token_does_not_grow(
    editor, make_activity, django_assert_max_num_queries
):
    headers = bearer(editor)
    make_activity("One", headcounts=[(2, "pupils")])
    with django_assert_max_num_queries(8):
        Client().get("/api/activities", **headers)
    for n in range(5):
        make_activity(f"More {n}", headcounts=[(2, "pupils")])
    with django_assert_max_num_queries(8):
        assert Client().get("/api/activities", **headers).json()["count"] == 6
