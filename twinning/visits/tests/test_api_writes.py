import datetime as dt
import json

import pytest
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.people.models import Person
from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember
from twinning.visits.services import programme_item_create, visit_member_create
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


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


@pytest.fixture
def office():
    return make_organisation("Sønderborg Kommune")


@pytest.fixture
def editor(office):
    return make_user("editor", editor_of=office)


@pytest.fixture
def stranger():
    return make_user("stranger", editor_of=make_organisation("Elsewhere"))


@pytest.fixture
def visit(office):
    return make_visit(owner=office)


def test_editor_with_token_creates_a_visit(editor, office):
    make_area("energy")
    dalian, sonderborg = make_place("Dalian", "CN", "city"), make_place("Sønderborg", "DK")

    response = send(
        "post",
        URL,
        {
            "title": "Energy delegation",
            "visiting_party": dalian.pk,
            "host": sonderborg.pk,
            "start_date": "2018-05-02",
            "end_date": "2018-05-04",
            "interests": ["energy"],
        },
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["title"], body["interests"], body["members"]) == (
        "Energy delegation",
        ["energy"],
        [],
    )
    assert Visit.objects.get().owner == office


def test_patch_changes_only_the_given_fields(editor, visit):
    response = send("patch", f"{URL}/{visit.pk}", {"status": "done"}, **bearer(editor))

    assert response.status_code == 200, response.content
    visit.refresh_from_db()
    assert (visit.status, visit.title, visit.start_date) == (
        "done",
        "Delegation from Dalian",
        dt.date(2017, 9, 4),
    )


def test_delete_removes_the_visit_and_what_hangs_on_it(editor, visit):
    visit_member_create(visit=visit, name="Ding Jie")

    response = send("delete", f"{URL}/{visit.pk}", **bearer(editor))

    assert response.status_code == 204
    assert not Visit.objects.exists()
    assert not VisitMember.objects.exists()


def test_members_are_added_changed_and_removed(editor, visit):
    headers = bearer(editor)
    person = Person.objects.create(name="Ding Jie")
    base = f"{URL}/{visit.pk}/members"

    leader = send(
        "post", base, {"name": "Ding Jie", "person": person.pk, "is_leader": True}, **headers
    )
    assert leader.status_code == 201, leader.content
    assert leader.json()["person"] == person.pk
    second = send("post", base, {"name": "Wang Fang", "is_leader": True}, **headers)
    assert second.status_code == 422
    assert "is_leader" in second.json()["detail"]

    member_pk = leader.json()["id"]
    changed = send("patch", f"{base}/{member_pk}", {"title": "Vice mayor"}, **headers)
    assert changed.json()["title"] == "Vice mayor"
    assert changed.json()["is_leader"] is True
    assert send("delete", f"{base}/{member_pk}", **headers).status_code == 204
    assert not VisitMember.objects.exists()


def test_programme_items_take_defaults_from_a_site_and_keep_to_the_visit_days(editor, visit):
    headers = bearer(editor)
    site = make_site("Solar plant", address="Sunway 1")
    base = f"{URL}/{visit.pk}/programme"

    item = send("post", base, {"day": "2017-09-05", "site": site.pk}, **headers)
    assert item.status_code == 201, item.content
    assert (item.json()["topic"], item.json()["location"]) == ("Solar plant", "Sunway 1")
    outside = send("post", base, {"day": "2017-10-01", "topic": "Late"}, **headers)
    assert outside.status_code == 422
    assert "day" in outside.json()["detail"]

    moved = send(
        "patch",
        f"{base}/{item.json()['id']}",
        {"start_time": "10:00", "end_time": "09:00"},
        **headers,
    )
    assert moved.status_code == 422
    assert ProgrammeItem.objects.get().start_time is None
    assert send("delete", f"{base}/{item.json()['id']}", **headers).status_code == 204


def test_gifts_and_commitments_are_added_changed_and_removed(editor, visit):
    headers = bearer(editor)
    person = Person.objects.create(name="Anna Berg")

    gift = send(
        "post",
        f"{URL}/{visit.pk}/gifts",
        {"direction": "received", "description": "Scroll"},
        **headers,
    )
    assert gift.status_code == 201, gift.content
    commitment = send(
        "post",
        f"{URL}/{visit.pk}/commitments",
        {"description": "Return visit", "responsible": person.pk, "due_date": "2000-01-01"},
        **headers,
    )
    assert commitment.status_code == 201, commitment.content
    assert (commitment.json()["responsible"], commitment.json()["overdue"]) == ("Anna Berg", True)

    done = send(
        "patch",
        f"{URL}/{visit.pk}/commitments/{commitment.json()['id']}",
        {"done_on": "2000-02-01"},
        **headers,
    )
    assert done.json()["overdue"] is False
    renamed = send(
        "patch", f"{URL}/{visit.pk}/gifts/{gift.json()['id']}", {"giver": "Mayor"}, **headers
    )
    assert renamed.json()["giver"] == "Mayor"
    assert (
        send("delete", f"{URL}/{visit.pk}/gifts/{gift.json()['id']}", **headers).status_code == 204
    )
    assert (
        send(
            "delete", f"{URL}/{visit.pk}/commitments/{commitment.json()['id']}", **headers
        ).status_code
        == 204
    )
    assert not Gift.objects.exists() and not Commitment.objects.exists()


def test_writes_without_credentials_are_401(visit):
    assert send("post", URL, {"title": "X"}).status_code == 401
    assert send("patch", f"{URL}/{visit.pk}", {"title": "Y"}).status_code == 401
    assert send("post", f"{URL}/{visit.pk}/gifts", {}).status_code == 401
    assert send("delete", f"{URL}/{visit.pk}").status_code == 401
    assert Visit.objects.get().title == "Delegation from Dalian"


def test_viewers_and_other_organisations_editors_get_403(office, visit, stranger):
    viewer = make_user("viewer", viewer_of=office)
    data = {
        "title": "X",
        "visiting_party": visit.visiting_party_id,
        "host": visit.host_id,
        "start_date": "2018-01-01",
        "end_date": "2018-01-02",
    }

    created = send("post", URL, data, **bearer(viewer))
    patched = send("patch", f"{URL}/{visit.pk}", {"title": "Y"}, **bearer(stranger))
    member = send("post", f"{URL}/{visit.pk}/members", {"name": "Z"}, **bearer(stranger))
    deleted = send("delete", f"{URL}/{visit.pk}", **bearer(stranger))

    assert [r.status_code for r in (created, patched, member, deleted)] == [403] * 4
    assert Visit.objects.get().title == "Delegation from Dalian"
    assert not VisitMember.objects.exists()


def test_private_visit_of_another_organisation_is_404(office, stranger):
    hidden = make_visit(owner=office, is_public=False)

    assert (
        send("patch", f"{URL}/{hidden.pk}", {"title": "Y"}, **bearer(stranger)).status_code == 404
    )
    assert send("delete", f"{URL}/{hidden.pk}", **bearer(stranger)).status_code == 404


def test_nested_record_of_another_visit_is_404(editor, visit, office):
    other = make_visit(make_place("Wuxi", "CN", "city"), make_place("Aalborg", "DK"), owner=office)
    item = programme_item_create(visit=other, day=dt.date(2017, 9, 5), topic="Tour")

    response = send("delete", f"{URL}/{visit.pk}/programme/{item.pk}", **bearer(editor))

    assert response.status_code == 404
    assert ProgrammeItem.objects.filter(pk=item.pk).exists()


@pytest.mark.parametrize(
    "change",
    [
        {"start_date": "2018-02-30"},
        {"end_date": "2016-01-01"},
        {"host": 999999},
        {"interests": ["no-such-area"]},
    ],
)
def test_invalid_visit_is_422_and_nothing_saved(editor, change):
    data = {
        "title": "Energy delegation",
        "visiting_party": make_place("Dalian", "CN", "city").pk,
        "host": make_place("Sønderborg", "DK").pk,
        "start_date": "2018-05-02",
        "end_date": "2018-05-04",
    }

    response = send("post", URL, data | change, **bearer(editor))

    assert response.status_code == 422, response.content
    assert not Visit.objects.exists()


def test_csv_export_has_a_header_and_a_row_per_match(office):
    for n in range(3):
        make_visit(
            make_place(f"City {n}", "CN", "city"), make_place(f"Town {n}", "DK"), owner=office
        )

    response = Client().get(f"{URL}?format=csv&limit=1")

    assert response.status_code == 200
    assert 'visits.csv"' in response["Content-Disposition"]
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("id,title,direction,status,visiting_party_id")
    assert len(lines) == 4


def test_list_query_count_with_a_token_does_not_grow(editor, office, django_assert_max_num_queries):
    headers = bearer(editor)
    make_visit(owner=office, is_public=False)
    with django_assert_max_num_queries(7):
        Client().get(URL, **headers)
    for n in range(4):
        make_visit(
            make_place(f"City {n}", "CN", "city"), make_place(f"Town {n}", "DK"), owner=office
        )
    with django_assert_max_num_queries(7):
        assert Client().get(URL, **headers).json()["count"] == 5


def test_a_time_with_a_time_zone_is_refused_by_name(editor, visit):
    base = f"{URL}/{visit.pk}/programme"

    zoned = send(
        "post",
        base,
        {"day": "2017-09-05", "topic": "Talk", "start_time": "10:00+02:00"},
        **bearer(editor),
    )

    assert zoned.status_code == 422
    assert zoned.json()["detail"][0]["loc"][-1] == "start_time"
    assert not ProgrammeItem.objects.exists()
