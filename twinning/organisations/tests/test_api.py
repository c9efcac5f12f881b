import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.people.services import person_create, post_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db

URL = "/api/organisations"


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
    aarhus = place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY, country="DK")
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


def test_list_item_shape(world):
    school = organisation_create(
        name="Aarhus School",
        kind=OrganisationKind.SCHOOL,
        place=world["aarhus"],
        parent=world["office"],
        website="https://school.example",
        owner=world["office"],
    )

    body = Client().get(URL, {"q": "school"}).json()

    assert body == {
        "count": 1,
        "items": [
            {
                "id": school.pk,
                "name": "Aarhus School",
                "kind": "school",
                "place": {"id": world["aarhus"].pk, "name": "Aarhus"},
                "parent": {"id": world["office"].pk, "name": "Office"},
                "website": "https://school.example",
                "owner": world["office"].pk,
                "is_public": True,
            }
        ],
    }


def test_filters_by_kind_country_and_place_name(world):
    school = organisation_create(name="A School", kind="school", place=world["aarhus"])
    kiel = place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    firm = organisation_create(name="Kiel Firm", kind="company", place=kiel)

    assert ids(Client().get(URL, {"kind": "company"})) == {firm.pk}
    assert ids(Client().get(URL, {"country": "DK"})) == {school.pk}
    assert ids(Client().get(URL, {"q": "aarhus"})) == {school.pk}
    bad = Client().get(URL, {"kind": "castle"})
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["query", "kind"]


def test_private_records_are_seen_by_members_only(world):
    hidden = organisation_create(
        name="Hidden Unit", kind="agency", owner=world["office"], is_public=False
    )

    assert hidden.pk not in ids(Client().get(URL))
    assert hidden.pk in ids(Client().get(URL, **bearer(world["viewer"])))
    assert Client().get(f"{URL}/{hidden.pk}").status_code == 404
    assert Client().get(f"{URL}/{hidden.pk}", **bearer(world["stranger"])).status_code == 404


def test_list_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    for n in range(20):
        organisation_create(
            name=f"Unit {n:02d}", kind="agency", place=world["aarhus"], parent=world["office"]
        )

    with django_assert_max_num_queries(2):
        body = Client().get(URL).json()
    assert body["count"] == 22


def test_detail_has_units_posts_and_few_queries(world, django_assert_max_num_queries):
    unit = organisation_create(name="Unit", kind="agency", parent=world["office"])
    person = person_create(name="Anna Berg")
    post_create(person=person, role="mayor", organisation=world["office"], start="2018")

    with django_assert_max_num_queries(6):
        body = Client().get(f"{URL}/{world['office'].pk}").json()

    assert body["units"] == [{"id": unit.pk, "name": "Unit"}]
    assert body["posts"][0]["person"]["name"] == "Anna Berg"
    assert body["posts"][0]["start"] == "2018"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_exports_every_match(world, fmt, tmp_path):
    for n in range(3):
        organisation_create(name=f"School {n}", kind="school", place=world["aarhus"])

    response = Client().get(URL, {"kind": "school", "format": fmt, "limit": 1})

    assert response.status_code == 200
    assert f'organisations.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        lines = response.content.decode().strip().splitlines()
        assert lines[0].startswith("id,name,kind,place_id,place_name")
        assert len(lines) == 4
    else:
        path = tmp_path / "o.xlsx"
        path.write_bytes(response.content)
        assert len(list(load_workbook(path).active.iter_rows(values_only=True))) == 4


def test_editor_creates_an_organisation_owned_by_their_organisation(world):
    data = {"name": "Harbour", "kind": "company", "place": world["aarhus"].pk}

    response = send("post", URL, data, **bearer(world["editor"]))

    assert response.status_code == 201, response.content
    assert response.json()["owner"] == world["office"].pk
    assert Organisation.objects.get(name="Harbour").owner == world["office"]


def test_create_is_refused_without_credentials_for_viewers_and_other_owners(world):
    data = {"name": "Harbour", "kind": "company"}

    assert send("post", URL, data).status_code == 401
    assert send("post", URL, data, **bearer(world["viewer"])).status_code == 403
    foreign = {**data, "owner": world["other"].pk}
    assert send("post", URL, foreign, **bearer(world["editor"])).status_code == 403
    assert not Organisation.objects.filter(name="Harbour").exists()


def test_invalid_organisation_is_422_and_nothing_saved(world):
    headers = bearer(world["editor"])

    bad_site = send("post", URL, {"name": "X", "kind": "ngo", "website": "nope"}, **headers)
    bad_place = send("post", URL, {"name": "X", "kind": "ngo", "place": 999999}, **headers)

    assert bad_site.status_code == 422
    assert "website" in bad_site.json()["detail"]
    assert bad_place.status_code == 422
    assert "place" in bad_place.json()["detail"]
    assert not Organisation.objects.filter(name="X").exists()


def test_patch_by_owner_403_for_other_editors_and_422_for_a_loop(world):
    unit = organisation_create(name="Unit", kind="agency", owner=world["office"])
    url = f"{URL}/{unit.pk}"

    changed = send("patch", url, {"notes": "Moved in 2020."}, **bearer(world["editor"]))
    refused = send("patch", url, {"name": "Taken"}, **bearer(world["stranger"]))
    child = organisation_create(name="Child", kind="agency", parent=unit, owner=world["office"])
    loop = send("patch", url, {"parent": child.pk}, **bearer(world["editor"]))

    assert changed.status_code == 200, changed.content
    assert changed.json()["notes"] == "Moved in 2020."
    assert refused.status_code == 403
    unit.refresh_from_db()
    assert unit.name == "Unit"
    assert loop.status_code == 422
    assert "parent" in loop.json()["detail"]


def test_delete_and_409_while_still_in_use(world):
    unit = organisation_create(name="Unit", kind="agency", owner=world["office"])
    headers = bearer(world["editor"])
    world["office"].owner = world["office"]
    world["office"].save()

    in_use = send("delete", f"{URL}/{world['office'].pk}", **headers)
    deleted = send("delete", f"{URL}/{unit.pk}", **headers)

    assert in_use.status_code == 409
    assert "membership" in in_use.json()["detail"]
    assert deleted.status_code == 204
    assert not Organisation.objects.filter(pk=unit.pk).exists()
    assert Organisation.objects.filter(pk=world["office"].pk).exists()


def test_only_administrators_read_the_memberships_of_their_organisation():
    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    headers = {}
    for name, role in (("boss", Role.ADMIN), ("writer", Role.EDITOR)):
        user = user_create(username=name, password=f"pw-{name}-123456")
        membership_set(user=user, organisation=office, role=role)
        headers[name] = {"HTTP_AUTHORIZATION": f"Bearer {api_token_create(user=user, name='t')[1]}"}
    url = f"/api/organisations/{office.pk}/memberships"

    listed = Client().get(url, **headers["boss"])

    assert listed.status_code == 200
    assert {(m["user"], m["role"]) for m in listed.json()["items"]} == {
        ("boss", "admin"),
        ("writer", "editor"),
    }
    assert Client().get(url, **headers["writer"]).status_code == 403
    assert Client().get(url).status_code in (401, 403)
