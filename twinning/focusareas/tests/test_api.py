import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.focusareas.models import FocusArea
from twinning.focusareas.services import focus_area_create
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.partnerships.services import partnership_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db

URL = "/api/focus-areas"


@pytest.fixture
def world():
    office = organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    editor = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=editor, organisation=office, role=Role.EDITOR)
    viewer = user_create(username="viewer", password="pw-viewer-123456")
    membership_set(user=viewer, organisation=office, role=Role.VIEWER)
    energy = focus_area_create(slug="energy", name_en="Energy", name_da="Energi")
    wind = focus_area_create(slug="wind", name_en="Wind power", name_da="Vindkraft", parent=energy)
    return locals()


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


def test_list_shape_filters_and_query_count(world, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        body = Client().get(URL, {"q": "vind"}).json()

    assert body == {
        "count": 1,
        "items": [
            {
                "id": world["wind"].pk,
                "slug": "wind",
                "name": "Wind power",
                "name_en": "Wind power",
                "name_da": "Vindkraft",
                "parent": {"id": world["energy"].pk, "slug": "energy", "name": "Energy"},
            }
        ],
    }
    by_parent = Client().get(URL, {"parent": world["energy"].pk}).json()
    assert [item["slug"] for item in by_parent["items"]] == ["wind"]
    assert Client().get(URL, {"parent": 999999}).status_code == 422


def test_detail_lists_narrower_areas_and_404_for_missing(world):
    body = Client().get(f"{URL}/{world['energy'].pk}").json()

    assert body["children"] == [{"id": world["wind"].pk, "slug": "wind", "name": "Wind power"}]
    assert Client().get(f"{URL}/999999").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_exports_every_match(world, fmt, tmp_path):
    response = Client().get(URL, {"format": fmt, "limit": 1})

    assert response.status_code == 200
    assert f'focus-areas.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        lines = response.content.decode().strip().splitlines()
        assert lines[0].startswith("id,slug,name,name_en,name_da")
        assert len(lines) == 3
    else:
        path = tmp_path / "f.xlsx"
        path.write_bytes(response.content)
        assert len(list(load_workbook(path).active.iter_rows(values_only=True))) == 3


def test_any_editor_creates_and_changes_focus_areas(world):
    headers = bearer(world["editor"])
    data = {"slug": "solar", "name_en": "Solar power", "name_da": "Solenergi"}

    created = send("post", URL, {**data, "parent": world["energy"].pk}, **headers)
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    changed = send("patch", f"{URL}/{pk}", {"name_da": "Solkraft"}, **headers)

    assert changed.status_code == 200, changed.content
    assert changed.json()["name_da"] == "Solkraft"
    assert changed.json()["parent"]["slug"] == "energy"


def test_viewers_get_403_and_anonymous_401(world):
    data = {"slug": "solar", "name_en": "Solar", "name_da": "Sol"}

    assert send("post", URL, data).status_code == 401
    assert send("post", URL, data, **bearer(world["viewer"])).status_code == 403
    url = f"{URL}/{world['wind'].pk}"
    assert send("delete", url, **bearer(world["viewer"])).status_code == 403
    assert FocusArea.objects.count() == 2


def test_invalid_focus_area_is_422_and_nothing_saved(world):
    headers = bearer(world["editor"])

    duplicate = send("post", URL, {"slug": "energy", "name_en": "E", "name_da": "E"}, **headers)
    bad_slug = send("post", URL, {"slug": "no spaces", "name_en": "E", "name_da": "E"}, **headers)
    loop = send("patch", f"{URL}/{world['energy'].pk}", {"parent": world["wind"].pk}, **headers)

    assert duplicate.status_code == 422
    assert "slug" in duplicate.json()["detail"]
    assert bad_slug.status_code == 422
    assert loop.status_code == 422
    assert "parent" in loop.json()["detail"]
    assert FocusArea.objects.count() == 2
    assert FocusArea.objects.get(slug="energy").parent is None


def test_delete_unused_area_and_409_for_areas_in_use(world):
    headers = bearer(world["editor"])
    culture = focus_area_create(slug="culture", name_en="Culture", name_da="Kultur")
    odense = place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK")
    kiel = place_create(name="Kiel", kind=PlaceKind.CITY, country="DE")
    partnership_create(party_a=odense, party_b=kiel, kind="sister_city", focus_areas=[culture])

    used = send("delete", f"{URL}/{culture.pk}", **headers)
    broader = send("delete", f"{URL}/{world['energy'].pk}", **headers)
    unused = send("delete", f"{URL}/{world['wind'].pk}", **headers)

    assert used.status_code == 409
    assert "partnership" in used.json()["detail"]
    assert broader.status_code == 409
    assert "focus area" in broader.json()["detail"]
    assert unused.status_code == 204
    assert set(FocusArea.objects.values_list("slug", flat=True)) == {"energy", "culture"}
