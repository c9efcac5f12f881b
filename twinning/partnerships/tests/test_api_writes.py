import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from twinning.accounts.models import Role
from twinning.accounts.services import (
    api_token_create,
    api_token_revoke,
    membership_set,
    user_create,
)
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.partnerships.models import Partnership
from twinning.partnerships.services import partnership_create
from twinning.places.models import PlaceKind
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    office = Organisation.objects.create(name="Office", kind=OrganisationKind.MUNICIPALITY)
    other = Organisation.objects.create(name="Elsewhere", kind=OrganisationKind.MUNICIPALITY)
    editor = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=editor, organisation=office, role=Role.EDITOR)
    viewer = user_create(username="viewer", password="pw-viewer-123456")
    membership_set(user=viewer, organisation=office, role=Role.VIEWER)
    return {
        "office": office,
        "other": other,
        "editor": editor,
        "viewer": viewer,
        "odense": place_create(name="Odense", kind=PlaceKind.MUNICIPALITY, country="DK"),
        "kiel": place_create(name="Kiel", kind=PlaceKind.CITY, country="DE"),
    }


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def post(client, url, data, **headers):
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


def test_editor_with_token_creates_a_partnership_owned_by_their_organisation(world):
    response = post(
        Client(),
        "/api/partnerships",
        {"party_a": world["odense"].pk, "party_b": world["kiel"].pk, "since": "1964"},
        **bearer(world["editor"]),
    )

    assert response.status_code == 201, response.content
    assert response.json()["since"] == "1964"
    created = Partnership.objects.get()
    assert created.owner == world["office"]


def test_viewer_may_not_create(world):
    response = post(
        Client(),
        "/api/partnerships",
        {"party_a": world["odense"].pk, "party_b": world["kiel"].pk},
        **bearer(world["viewer"]),
    )

    assert response.status_code == 403
    assert not Partnership.objects.exists()


def test_anonymous_write_is_refused_and_bad_token_is_401(world):
    data = {"party_a": world["odense"].pk, "party_b": world["kiel"].pk}

    assert post(Client(), "/api/partnerships", data).status_code == 401
    bad = {"HTTP_AUTHORIZATION": "Bearer tw_not-a-token"}
    assert post(Client(), "/api/partnerships", data, **bad).status_code == 401
    assert Client().get("/api/partnerships", **bad).status_code == 401


def test_revoked_token_no_longer_works(world):
    token, key = api_token_create(user=world["editor"], name="old")
    api_token_revoke(token=token)

    response = Client().get("/api/partnerships", HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 401


def test_token_reads_see_the_users_private_records(world):
    partnership_create(
        party_a=world["odense"],
        party_b=world["kiel"],
        kind="sister_city",
        owner=world["office"],
        is_public=False,
    )

    anonymous = Client().get("/api/partnerships").json()
    member = Client().get("/api/partnerships", **bearer(world["viewer"])).json()

    assert anonymous["count"] == 0
    assert member["count"] == 1


def test_invalid_partnership_is_422_with_reasons_and_nothing_saved(world):
    response = post(
        Client(),
        "/api/partnerships",
        {"party_a": world["odense"].pk, "party_b": world["odense"].pk, "since": "2013-02-30"},
        **bearer(world["editor"]),
    )

    assert response.status_code == 422
    assert "since" in response.json()["detail"] or "party_b" in response.json()["detail"]
    assert not Partnership.objects.exists()


def test_patch_changes_given_fields_only_and_other_org_gets_403(world):
    partnership = partnership_create(
        party_a=world["odense"],
        party_b=world["kiel"],
        kind="sister_city",
        since="1964",
        owner=world["office"],
    )
    url = f"/api/partnerships/{partnership.pk}"

    response = Client().patch(
        url,
        json.dumps({"status": "dormant"}),
        content_type="application/json",
        **bearer(world["editor"]),
    )

    assert response.status_code == 200, response.content
    partnership.refresh_from_db()
    assert (partnership.status, partnership.since.isoformat()) == ("dormant", "1964")

    stranger = user_create(username="stranger", password="pw-stranger-123456")
    membership_set(user=stranger, organisation=world["other"], role=Role.EDITOR)
    refused = Client().delete(url, **bearer(stranger))
    assert refused.status_code == 403
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_session_writes_need_the_csrf_token(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["editor"])
    data = {"party_a": world["odense"].pk, "party_b": world["kiel"].pk}

    assert post(client, "/api/partnerships", data).status_code == 403
    client.get("/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    assert post(client, "/api/partnerships", data, HTTP_X_CSRFTOKEN=token).status_code == 201


def test_agreements_are_added_changed_and_deleted(world):
    partnership = partnership_create(
        party_a=world["odense"], party_b=world["kiel"], kind="sister_city", owner=world["office"]
    )
    headers = bearer(world["editor"])
    base = f"/api/partnerships/{partnership.pk}/agreements"

    first = post(Client(), base, {"signed": "1964", "term_months": 36}, **headers)
    assert first.status_code == 201, first.content
    renewal = post(
        Client(),
        base,
        {"kind": "renewal", "signed": "1967", "renews": first.json()["id"]},
        **headers,
    )
    assert renewal.json()["renews"] == first.json()["id"]

    changed = Client().patch(
        f"{base}/{renewal.json()['id']}",
        json.dumps({"place_of_signing": "Kiel"}),
        content_type="application/json",
        **headers,
    )
    assert changed.json()["place_of_signing"] == "Kiel"
    assert Client().delete(f"{base}/{first.json()['id']}", **headers).status_code == 204
    assert partnership.agreements.count() == 1


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_list_exports_every_match_as_a_file(world, fmt, tmp_path):
    for name in ("Kiel", "Lübeck", "Rostock"):
        partner = place_create(name=f"{name} X", kind=PlaceKind.CITY, country="DE")
        partnership_create(party_a=world["odense"], party_b=partner, kind="sister_city")

    response = Client().get(f"/api/partnerships?country=DE&format={fmt}&limit=1")

    assert response.status_code == 200
    assert f'partnerships.{fmt}"' in response["Content-Disposition"]
    if fmt == "csv":
        lines = response.content.decode().strip().splitlines()
        assert lines[0].startswith("id,kind,status")
        assert "parties_2_name" in lines[0]
        assert len(lines) == 4
    else:
        path = tmp_path / "x.xlsx"
        path.write_bytes(response.content)
        rows = list(load_workbook(path).active.iter_rows(values_only=True))
        assert len(rows) == 4
