import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.partnerships.services import partnership_create
from twinning.places.models import Place, PlaceKind
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db

URL = "/api/places"


@pytest.fixture
def world():
    office = Organisation.objects.create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    other = Organisation.objects.create(name="Elsewhere", kind=OrganisationKind.MUNICIPALITY)
    editor = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=editor, organisation=office, role=Role.EDITOR)
    stranger = user_create(username="stranger", password="pw-stranger-123456")
    membership_set(user=stranger, organisation=other, role=Role.EDITOR)
    viewer = user_create(username="viewer", password="pw-viewer-123456")
    membership_set(user=viewer, organisation=office, role=Role.VIEWER)
    return {"editor": editor, "stranger": stranger, "viewer": viewer}


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


def test_editor_creates_a_place_with_other_names_and_members(world):
    ballerup = place_create(name="Ballerup", kind=PlaceKind.MUNICIPALITY, country="DK")
    data = {
        "name": "Vestegnen",
        "kind": "group",
        "country": "DK",
        "members": [ballerup.pk],
        "latitude": 55.7,
        "longitude": 12.4,
        "other_names": [{"name": "Western suburbs", "language": "en"}],
    }

    response = send("post", URL, data, **bearer(world["editor"]))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["members"] == [{"id": ballerup.pk, "name": "Ballerup"}]
    assert body["other_names"] == [{"name": "Western suburbs", "language": "en"}]
    assert Place.objects.get(pk=body["id"]).members.get() == ballerup


def test_any_editor_may_change_a_place_but_a_viewer_may_not(world):
    place = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    url = f"{URL}/{place.pk}"

    refused = send("patch", url, {"population": 1}, **bearer(world["viewer"]))
    changed = send(
        "patch",
        url,
        {"population": 210000, "other_names": [{"name": "Odins vé", "language": "da"}]},
        **bearer(world["stranger"]),
    )

    assert refused.status_code == 403
    assert changed.status_code == 200, changed.content
    assert changed.json()["population"] == 210000
    assert changed.json()["other_names"] == [{"name": "Odins vé", "language": "da"}]
    assert changed.json()["country"] == "DK"


def test_writes_without_credentials_are_401(world):
    place = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")

    assert send("post", URL, {"name": "X", "kind": "city"}).status_code == 401
    assert send("patch", f"{URL}/{place.pk}", {"name": "Y"}).status_code == 401
    assert send("delete", f"{URL}/{place.pk}").status_code == 401
    assert Place.objects.get().name == "Odense"


def test_invalid_place_is_422_and_nothing_is_saved(world):
    headers = bearer(world["editor"])

    bad_country = send("post", URL, {"name": "X", "kind": "city", "country": "ZZ"}, **headers)
    half_position = send("post", URL, {"name": "X", "kind": "city", "latitude": 5}, **headers)
    bad_parent = send("post", URL, {"name": "X", "kind": "city", "parent": 999999}, **headers)

    assert bad_country.status_code == 422
    assert "country" in bad_country.json()["detail"]
    assert half_position.status_code == 422
    assert "longitude" in half_position.json()["detail"]
    assert bad_parent.status_code == 422
    assert "parent" in bad_parent.json()["detail"]
    assert not Place.objects.exists()


def test_place_cannot_be_moved_inside_itself(world):
    region = place_create(name="Region", kind=PlaceKind.REGION, country="DK")
    town = place_create(name="Town", kind=PlaceKind.CITY, country="DK", parent=region)

    response = send("patch", f"{URL}/{region.pk}", {"parent": town.pk}, **bearer(world["editor"]))

    assert response.status_code == 422
    region.refresh_from_db()
    assert region.parent is None


def test_delete_removes_an_unused_place(world):
    place = place_create(name="Nowhere", kind=PlaceKind.CITY, country="DK")

    response = send("delete", f"{URL}/{place.pk}", **bearer(world["editor"]))

    assert response.status_code == 204
    assert not Place.objects.exists()


def test_delete_of_a_place_in_a_partnership_is_409_and_keeps_it(world):
    odense = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    kiel = place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    partnership_create(party_a=odense, party_b=kiel, kind="sister_city")

    response = send("delete", f"{URL}/{odense.pk}", **bearer(world["editor"]))

    assert response.status_code == 409
    assert "partnership" in response.json()["detail"]
    assert Place.objects.filter(pk=odense.pk).exists()


def test_viewer_may_not_delete_and_missing_place_is_404(world):
    place = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")

    assert send("delete", f"{URL}/{place.pk}", **bearer(world["viewer"])).status_code == 403
    assert send("delete", f"{URL}/999999", **bearer(world["editor"])).status_code == 404
    assert Place.objects.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_exports_every_match(fmt, tmp_path):
    for name in ("Aarhus", "Odense", "Aalborg"):
        place_create(name=name, kind=PlaceKind.MUNICIPALITY, country="DK")
    place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")

    response = Client().get(URL, {"country": "DK", "format": fmt, "limit": 1})

    assert response.status_code == 200
    assert f'places.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        lines = response.content.decode().strip().splitlines()
        assert lines[0].startswith("id,name,kind,country")
        assert len(lines) == 4
    else:
        path = tmp_path / "places.xlsx"
        path.write_bytes(response.content)
        rows = list(load_workbook(path).active.iter_rows(values_only=True))
        assert rows[0][:2] == ("id", "name")
        assert len(rows) == 4
