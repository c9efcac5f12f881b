import json

import pytest
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.sites.models import ShowcaseSite
from twinning.visits.models import ProgrammeItem
from twinning.visits.services import programme_item_create
from twinning.visits.tests.factories import (
    make_area,
    make_organisation,
    make_place,
    make_site,
    make_user,
    make_visit,
)

pytestmark = pytest.mark.django_db

URL = "/api/sites"


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


@pytest.fixture
def office():
    return make_organisation("Sønderborg Kommune", place=make_place("Sønderborg"))


@pytest.fixture
def editor(office):
    return make_user("editor", editor_of=office)


@pytest.fixture
def stranger():
    return make_user("stranger", editor_of=make_organisation("Elsewhere"))


@pytest.fixture
def site(office):
    return make_site("Alsion", organisation=office, owner=office)


def test_editor_with_token_creates_a_site_in_the_organisations_place(editor, office):
    make_area("energy")

    response = send(
        "post",
        URL,
        {
            "name": "Solar plant",
            "organisation": office.pk,
            "latitude": 54.91,
            "longitude": 9.78,
            "focus_areas": ["energy"],
            "languages": ["da", "en"],
        },
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["place"]["name"], body["languages"], body["focus_areas"]) == (
        "Sønderborg",
        ["da", "en"],
        ["energy"],
    )
    assert ShowcaseSite.objects.get().owner == office


def test_patch_changes_only_the_given_fields(editor, site):
    response = send("patch", f"{URL}/{site.pk}", {"capacity": 40}, **bearer(editor))

    assert response.status_code == 200, response.content
    site.refresh_from_db()
    assert (site.capacity, site.name) == (40, "Alsion")


def test_delete_keeps_the_programme_items_that_used_the_site(editor, site):
    visit = make_visit()
    item = programme_item_create(visit=visit, site=site, day=visit.start_date)

    response = send("delete", f"{URL}/{site.pk}", **bearer(editor))

    assert response.status_code == 204
    assert not ShowcaseSite.objects.exists()
    item.refresh_from_db()
    assert (item.site, item.topic) == (None, "Alsion")
    assert ProgrammeItem.objects.count() == 1


def test_writes_without_credentials_are_401(site):
    assert send("post", URL, {"name": "X"}).status_code == 401
    assert send("patch", f"{URL}/{site.pk}", {"name": "Y"}).status_code == 401
    assert send("delete", f"{URL}/{site.pk}").status_code == 401
    assert ShowcaseSite.objects.get().name == "Alsion"


def test_viewers_and_other_organisations_editors_get_403(office, site, stranger):
    viewer = make_user("viewer", viewer_of=office)

    created = send("post", URL, {"name": "X", "organisation": office.pk}, **bearer(viewer))
    patched = send("patch", f"{URL}/{site.pk}", {"name": "Y"}, **bearer(stranger))
    deleted = send("delete", f"{URL}/{site.pk}", **bearer(stranger))

    assert [r.status_code for r in (created, patched, deleted)] == [403] * 3
    assert ShowcaseSite.objects.get().name == "Alsion"


def test_private_site_of_another_organisation_is_404(office, stranger):
    hidden = make_site("Closed lab", organisation=office, owner=office, is_public=False)

    assert send("patch", f"{URL}/{hidden.pk}", {"name": "Y"}, **bearer(stranger)).status_code == 404
    assert send("delete", f"{URL}/{hidden.pk}", **bearer(stranger)).status_code == 404


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"latitude": 91, "longitude": 9.7}, "latitude"),
        ({"latitude": 54.9}, "longitude"),
        ({"capacity": 0}, "capacity"),
        ({"languages": ["Danish"]}, "languages"),
        ({"organisation": 999999}, "organisation"),
        ({"focus_areas": ["nothing"]}, "focus_areas"),
        ({"contact_email": "not an address"}, "contact_email"),
    ],
)
def test_invalid_site_is_422_naming_the_field_and_nothing_saved(editor, office, change, field):
    data = {"name": "Solar plant", "organisation": office.pk} | change

    response = send("post", URL, data, **bearer(editor))

    assert response.status_code == 422, response.content
    assert field in response.json()["detail"]
    assert not ShowcaseSite.objects.exists()


def test_csv_export_has_a_header_and_a_row_per_match(office):
    for name in ("Alsion", "Solar plant", "Harbour"):
        make_site(name, organisation=office, owner=office)

    response = Client().get(f"{URL}?format=csv&limit=1")

    assert response.status_code == 200
    assert 'sites.csv"' in response["Content-Disposition"]
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("id,name,organisation_id,organisation_name")
    assert len(lines) == 4


def test_list_query_count_with_a_token_does_not_grow(editor, office, django_assert_max_num_queries):
    headers = bearer(editor)
    energy = make_area("energy")
    make_site("First", organisation=office, owner=office, focus_areas=[energy])
    with django_assert_max_num_queries(6):
        Client().get(URL, **headers)
    for n in range(5):
        make_site(f"Site {n}", organisation=office, owner=office, focus_areas=[energy])
    with django_assert_max_num_queries(6):
        assert Client().get(URL, **headers).json()["count"] == 6
