"""The declared API layer, tried on the people resource: what every resource gets."""

import json
from typing import get_args

import pytest
from django.test import Client
from pydantic import BaseModel

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.api import api
from twinning.organisations.models import OrganisationKind
from twinning.organisations.services import organisation_create
from twinning.people.services import person_create

pytestmark = pytest.mark.django_db

TOO_BIG = 2**63


@pytest.fixture
def office():
    return organisation_create(name="Office", kind=OrganisationKind.MUNICIPALITY)


@pytest.fixture
def editor(office):
    user = user_create(username="editor", password="pw-editor-123456")
    membership_set(user=user, organisation=office, role=Role.EDITOR)
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


def test_unknown_query_parameter_is_refused_by_name(office):
    person_create(name="Anna", owner=office)

    response = Client().get("/api/people?place=26&q=Anna")

    assert response.status_code == 422
    assert response.json()["detail"] == [
        {"type": "extra_forbidden", "loc": ["query", "place"], "msg": "Unknown parameter."}
    ]
    assert Client().get("/api/people?q=Anna&limit=5").status_code == 200


def test_unknown_body_field_is_refused_by_name(editor):
    response = send("post", "/api/people", {"name": "Anna", "nickname": "A"}, **editor)

    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"][-1] == "nickname"


@pytest.mark.parametrize(
    "url",
    [
        f"/api/people/{TOO_BIG}",
        f"/api/people?organisation={TOO_BIG}",
        "/api/people?offset=99999999999999999999",
    ],
)
def test_integers_out_of_range_in_path_or_query_answer_422(url):
    response = Client().get(url)

    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == "Number out of range."


def test_integer_out_of_range_in_body_answers_422(editor):
    response = send("post", "/api/people", {"name": "Anna", "owner": TOO_BIG}, **editor)

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "owner"]


def test_etag_names_the_state_and_if_match_refuses_stale_writes(office, editor):
    person = person_create(name="Anna", owner=office)
    url = f"/api/people/{person.pk}"
    first = Client().get(url)
    etag = first["ETag"]

    assert Client().get(url)["ETag"] == etag
    changed = send("patch", url, {"name": "Anna B."}, HTTP_IF_MATCH=etag, **editor)
    assert changed.status_code == 200
    assert changed["ETag"] != etag

    stale = send("patch", url, {"name": "Anna C."}, HTTP_IF_MATCH=etag, **editor)
    assert stale.status_code == 412
    assert send("delete", url, HTTP_IF_MATCH=etag, **editor).status_code == 412
    person.refresh_from_db()
    assert person.name == "Anna B."
    assert send("delete", url, HTTP_IF_MATCH=changed["ETag"], **editor).status_code == 204


def test_an_id_the_caller_may_not_see_reads_like_one_that_does_not_exist(office, editor):
    elsewhere = organisation_create(
        name="Elsewhere", kind=OrganisationKind.MUNICIPALITY, is_public=False
    )
    person = person_create(name="Anna", owner=office)
    url = f"/api/people/{person.pk}/posts"

    hidden = send("post", url, {"role": "mayor", "organisation": elsewhere.pk}, **editor)
    missing = send("post", url, {"role": "mayor", "organisation": elsewhere.pk + 99}, **editor)

    assert hidden.status_code == missing.status_code
    assert hidden.json()["detail"].replace(str(elsewhere.pk), "N") == missing.json()[
        "detail"
    ].replace(str(elsewhere.pk + 99), "N")


def _models(annotation, found: dict) -> None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        known = found.setdefault(annotation.__name__, annotation)
        if known is not annotation and known.model_json_schema() != annotation.model_json_schema():
            raise AssertionError(f"two different schemas named {annotation.__name__}")
        if known is not annotation:
            return
        for info in annotation.model_fields.values():
            _models(info.annotation, found)
    for inner in get_args(annotation):
        _models(inner, found)


def test_every_operation_documents_422_and_schema_names_are_unique(client):
    document = client.get("/api/openapi.json").json()

    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            assert "422" in operation["responses"], (method, path)
    found: dict = {}
    for router in api._get_bound_routers():
        for view in router.path_operations.values():
            for operation in view.operations:
                for model in [*operation.models, *operation.response_models.values()]:
                    for info in getattr(model, "model_fields", {}).values():
                        _models(info.annotation, found)
    assert {"Ref", "InvalidOut"} <= set(found)


def test_history_lists_changes_and_names_users_only_to_editors(office, editor):
    person = person_create(name="Anna", owner=office)
    send("patch", f"/api/people/{person.pk}", {"name": "Anna B.", "phone": "1"}, **editor)

    shown = send("get", f"/api/people/{person.pk}/history", **editor).json()
    anonymous = Client().get(f"/api/people/{person.pk}/history").json()

    assert shown["count"] == 2
    changed, created = shown["items"]
    assert (changed["action"], created["action"]) == ("changed", "created")
    assert set(changed["fields"]) == {"name", "phone"}
    assert changed["user"] == "editor"
    assert [item["user"] for item in anonymous["items"]] == [None, None]


def test_history_of_a_hidden_record_is_404(office):
    person = person_create(name="Anna", owner=office, is_public=False)

    assert Client().get(f"/api/people/{person.pk}/history").status_code == 404
