import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.services import agreement_create, partnership_create
from twinning.people.models import Person, Post
from twinning.people.services import person_create, post_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db

URL = "/api/people"


@pytest.fixture
def world():
    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    other = organisation_create(name="Elsewhere", kind=OrganisationKind.MUNICIPALITY)
    editor = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=editor, organisation=office, role=Role.EDITOR)
    viewer = user_create(username="viewer", password="pw-viewer-123456")
    membership_set(user=viewer, organisation=office, role=Role.VIEWER)
    stranger = user_create(username="stranger", password="pw-stranger-123456")
    membership_set(user=stranger, organisation=other, role=Role.EDITOR)
    return locals()


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_list_item_has_posts_but_no_contact_details(world):
    person = person_create(name="Anna Berg", email="anna@example.org", owner=world["office"])
    post = post_create(person=person, role="mayor", organisation=world["office"], start="2018")

    body = Client().get(URL).json()

    assert body == {
        "count": 1,
        "items": [
            {
                "id": person.pk,
                "name": "Anna Berg",
                "posts": [
                    {
                        "id": post.pk,
                        "role": "mayor",
                        "organisation": {"id": world["office"].pk, "name": "Office"},
                        "place": None,
                        "start": "2018",
                        "end": None,
                    }
                ],
                "owner": world["office"].pk,
                "is_public": True,
            }
        ],
    }


def test_filters_by_name_role_and_organisation(world):
    anna = person_create(name="Anna Berg")
    post_create(person=anna, role="Mayor", organisation=world["office"])
    bo = person_create(name="Bo Holm")
    post_create(person=bo, role="Head of culture", organisation=world["other"])

    assert ids(Client().get(URL, {"q": "anna"})) == {anna.pk}
    assert ids(Client().get(URL, {"role": "culture"})) == {bo.pk}
    assert ids(Client().get(URL, {"organisation": world["office"].pk})) == {anna.pk}
    assert Client().get(URL, {"organisation": 999999}).status_code == 422


def test_members_may_filter_by_their_private_organisation(world):
    secret = organisation_create(
        name="Secret Unit", kind="agency", owner=world["office"], is_public=False
    )
    anna = person_create(name="Anna Berg")
    post_create(person=anna, role="Head", organisation=secret)

    member = Client().get(URL, {"organisation": secret.pk}, **bearer(world["viewer"]))

    assert ids(member) == {anna.pk}
    assert Client().get(URL, {"organisation": secret.pk}).status_code == 422


def test_private_people_are_404_for_others(world):
    hidden = person_create(name="Hidden", owner=world["office"], is_public=False)

    assert ids(Client().get(URL)) == set()
    assert ids(Client().get(URL, **bearer(world["viewer"]))) == {hidden.pk}
    assert Client().get(f"{URL}/{hidden.pk}").status_code == 404
    other_editor = bearer(world["stranger"])
    assert send("patch", f"{URL}/{hidden.pk}", {"name": "X"}, **other_editor).status_code == 404


def test_list_and_detail_queries_do_not_grow(world, django_assert_max_num_queries):
    place = place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY, country="DK")
    for n in range(15):
        person = person_create(name=f"Person {n:02d}")
        post_create(person=person, role="clerk", organisation=world["office"], place=place)
        post_create(person=person, role="mayor", place=place)

    with django_assert_max_num_queries(3):
        body = Client().get(URL).json()
    assert body["count"] == 15
    assert all(len(item["posts"]) == 2 for item in body["items"])
    with django_assert_max_num_queries(4):
        detail = Client().get(f"{URL}/{person.pk}").json()
    assert detail["partnerships"] == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_exports_every_match(world, fmt, tmp_path):
    for n in range(3):
        post_create(person=person_create(name=f"Person {n}"), role="mayor")

    response = Client().get(URL, {"format": fmt, "limit": 1})

    assert response.status_code == 200
    assert f'people.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        lines = response.content.decode().strip().splitlines()
        assert lines[0].startswith("id,name,posts_1_id,posts_1_role")
        assert len(lines) == 4
    else:
        path = tmp_path / "p.xlsx"
        path.write_bytes(response.content)
        assert len(list(load_workbook(path).active.iter_rows(values_only=True))) == 4


def test_editor_creates_changes_and_deletes_a_person(world):
    headers = bearer(world["editor"])

    created = send("post", URL, {"name": "Anna Berg", "email": "anna@example.org"}, **headers)
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    assert Person.objects.get(pk=pk).owner == world["office"]

    changed = send("patch", f"{URL}/{pk}", {"phone": "+45 1234"}, **headers)
    assert changed.json()["phone"] == "+45 1234"
    assert changed.json()["email"] == "anna@example.org"

    assert send("delete", f"{URL}/{pk}", **headers).status_code == 204
    assert not Person.objects.exists()


def test_writes_are_refused_to_anonymous_viewers_and_other_editors(world):
    person = person_create(name="Anna Berg", owner=world["office"])
    url = f"{URL}/{person.pk}"

    assert send("post", URL, {"name": "X"}).status_code == 401
    assert send("post", URL, {"name": "X"}, **bearer(world["viewer"])).status_code == 403
    assert send("patch", url, {"name": "X"}, **bearer(world["stranger"])).status_code == 403
    assert send("delete", url, **bearer(world["stranger"])).status_code == 403
    assert send("post", f"{url}/posts", {"role": "x"}, **bearer(world["viewer"])).status_code == 403
    assert list(Person.objects.values_list("name", flat=True)) == ["Anna Berg"]
    assert not Post.objects.exists()


def test_invalid_person_and_post_are_422_and_nothing_saved(world):
    headers = bearer(world["editor"])
    person = person_create(name="Anna Berg", owner=world["office"])

    bad_email = send("post", URL, {"name": "X", "email": "not-mail"}, **headers)
    no_role = send("post", f"{URL}/{person.pk}/posts", {"start": "2010"}, **headers)
    backwards = send(
        "post",
        f"{URL}/{person.pk}/posts",
        {"role": "mayor", "start": "2010", "end": "2009"},
        **headers,
    )
    bad_date = send(
        "post", f"{URL}/{person.pk}/posts", {"role": "mayor", "start": "2013-02-30"}, **headers
    )

    assert bad_email.status_code == 422
    assert "email" in bad_email.json()["detail"]
    assert no_role.status_code == 422
    assert "role" in no_role.json()["detail"]
    assert backwards.status_code == 422
    assert "end" in backwards.json()["detail"]
    assert bad_date.status_code == 422
    assert "start" in bad_date.json()["detail"]
    assert Person.objects.count() == 1
    assert not Post.objects.exists()


def test_posts_are_added_changed_and_deleted(world):
    headers = bearer(world["editor"])
    person = person_create(name="Anna Berg", owner=world["office"])
    base = f"{URL}/{person.pk}/posts"

    added = send("post", base, {"role": "mayor", "organisation": world["office"].pk}, **headers)
    assert added.status_code == 201, added.content
    post_pk = added.json()["id"]
    assert added.json()["organisation"] == {"id": world["office"].pk, "name": "Office"}

    changed = send("patch", f"{base}/{post_pk}", {"end": "2021-11"}, **headers)
    assert changed.status_code == 200, changed.content
    assert (changed.json()["role"], changed.json()["end"]) == ("mayor", "2021-11")

    other = person_create(name="Bo Holm", owner=world["office"])
    wrong_person = send("delete", f"{URL}/{other.pk}/posts/{post_pk}", **headers)
    assert wrong_person.status_code == 404

    assert send("delete", f"{base}/{post_pk}", **headers).status_code == 204
    assert not Post.objects.exists()


def test_post_that_signed_an_agreement_cannot_be_deleted(world):
    headers = bearer(world["editor"])
    person = person_create(name="Anna Berg", owner=world["office"])
    post = post_create(person=person, role="mayor")
    odense = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    kiel = place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    partnership = partnership_create(party_a=odense, party_b=kiel, kind="sister_city")
    agreement_create(partnership=partnership, kind="founding", signed="1964", signatories=[post])

    post_refused = send("delete", f"{URL}/{person.pk}/posts/{post.pk}", **headers)
    person_refused = send("delete", f"{URL}/{person.pk}", **headers)

    assert post_refused.status_code == 409
    assert "agreement" in post_refused.json()["detail"]
    assert person_refused.status_code == 409
    assert Post.objects.filter(pk=post.pk).exists()
