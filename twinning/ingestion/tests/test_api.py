import pytest
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.ingestion.tests.factories import fact, make_document
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
from twinning.places.services import place_create
from twinning.sources.models import Evidence

pytestmark = pytest.mark.django_db

TEXT = "Sønderborg and Baoding have been friendship cities since May 2012.\n"
QUOTE = "Sønderborg and Baoding"


@pytest.fixture
def document(org):
    return make_document(
        TEXT,
        [
            fact(
                TEXT,
                QUOTE,
                "partnership",
                a="Sønderborg",
                a_country="DK",
                b="Baoding",
                b_country="CN",
                relation="friendship_city",
                since="2012-05",
            )
        ],
        owner=org,
    )


@pytest.fixture
def sonderborg():
    return place_create(name="Sønderborg", kind="municipality", country="DK")


def auth(user) -> dict:
    _token, key = api_token_create(user=user, name="review")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_the_queue_lists_suggestions_with_what_their_names_refer_to(editor, document, sonderborg):
    response = Client().get("/api/review/suggestions?status=pending", **auth(editor))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["kind"] == "partnership" and item["fields"]["relation"] == "friendship_city"
    assert "relation" in item["field_names"] and item["quote"] == QUOTE
    names = {name["field"]: name for name in item["names"]}
    assert names["a"]["status"] == "matched"
    assert names["a"]["record"]["link"] == f"place:{sonderborg.pk}"
    assert names["b"]["status"] == "new" and names["b"]["record"] is None


def test_accepting_needs_a_decision_on_every_unmatched_name(editor, document, sonderborg):
    item = document.suggestions.get()
    url = f"/api/review/suggestions/{item.pk}/accept"

    refused = Client().post(url, {}, content_type="application/json", **auth(editor))

    assert refused.status_code == 422 and "Baoding" in refused.json()["detail"]
    assert not Place.objects.filter(name="Baoding").exists()
    corrected = {**item.fields, "relation": "sister_city"}
    refused = Client().post(
        url, {"fields": corrected}, content_type="application/json", **auth(editor)
    )
    assert refused.status_code == 422
    item.refresh_from_db()
    assert item.fields["relation"] == "friendship_city" and item.status == "pending"

    edited = {**item.fields, "relation": "sister_city", "focus": ["water", "culture"]}
    response = Client().post(
        url,
        {"fields": edited, "links": {"b": "new"}},
        content_type="application/json",
        **auth(editor),
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "edited" and body["record"]["type"] == "partnership"
    assert body["fields"]["focus"] == ["water", "culture"]
    partnership = Partnership.objects.get()
    assert partnership.kind == "sister_city" and partnership.party_a == sonderborg
    assert Evidence.objects.get().fact == partnership
    again = Client().post(url, {}, content_type="application/json", **auth(editor))
    assert again.status_code == 409


def test_edits_are_checked_against_the_fact_type(editor, document):
    item = document.suggestions.get()
    url = f"/api/review/suggestions/{item.pk}/accept"

    unknown = Client().post(
        url, {"fields": {"colour": "red"}}, content_type="application/json", **auth(editor)
    )
    bad_date = Client().post(
        url,
        {"fields": {**item.fields, "since": "May"}},
        content_type="application/json",
        **auth(editor),
    )
    stray = Client().post(url, {"link": {}}, content_type="application/json", **auth(editor))

    assert unknown.status_code == 422 and "colour" in unknown.content.decode()
    assert bad_date.status_code == 422 and "since" in bad_date.content.decode()
    assert stray.status_code == 422
    item.refresh_from_db()
    assert item.status == "pending" and item.fields["since"] == "2012-05"


def test_reject_and_undo(editor, document):
    item = document.suggestions.get()
    client = Client()

    rejected = client.post(f"/api/review/suggestions/{item.pk}/reject", **auth(editor))
    undone = client.post(f"/api/review/suggestions/{item.pk}/undo", **auth(editor))
    twice = client.post(f"/api/review/suggestions/{item.pk}/undo", **auth(editor))

    assert rejected.status_code == 200 and rejected.json()["status"] == "rejected"
    assert undone.status_code == 200 and undone.json()["status"] == "pending"
    assert twice.status_code == 409


def test_only_editors_of_the_owner_review(viewer, document):
    other = make_user("other", editor_of=make_organisation("Aarhus Kommune"))
    item = document.suggestions.get()

    assert Client().get("/api/review/suggestions", **auth(viewer)).status_code == 403
    assert Client().get("/api/review/suggestions").status_code == 403
    listed = Client().get("/api/review/suggestions", **auth(other)).json()
    assert listed["count"] == 0
    response = Client().post(f"/api/review/suggestions/{item.pk}/reject", **auth(other))
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.status == "pending"


def test_a_link_to_a_record_of_the_wrong_kind_is_refused(editor, document, sonderborg):
    from twinning.people.models import Person

    person = Person.objects.create(name="Baoding", is_public=True)
    item = document.suggestions.get()

    response = Client().post(
        f"/api/review/suggestions/{item.pk}/accept",
        {"links": {"b": f"person:{person.pk}"}},
        content_type="application/json",
        **auth(editor),
    )

    assert response.status_code == 422 and f"person:{person.pk}" in response.json()["detail"]
    assert not Partnership.objects.exists()
