"""The forms' searchable pickers: what they offer, and creating a record from one."""

import pytest
from django.urls import reverse

from twinning.activities.forms import ActivityForm
from twinning.organisations.models import Organisation
from twinning.partnerships.tests.factories import make_organisation, make_place, make_user

pytestmark = pytest.mark.django_db


def _lookup(client, name, text):
    return client.get(reverse("core:lookup", args=[name]), {"q": text})


def test_lookup_offers_only_what_the_user_may_see(client):
    mine = make_organisation("Aarhus Kommune")
    theirs = make_organisation("Aalborg Kommune")
    make_organisation("Aarhus Havn", owner=theirs, is_public=False)
    make_organisation("Aarhus Universitet", owner=theirs, is_public=True)
    client.force_login(make_user("editor", editor_of=mine))

    texts = [
        option["text"] for option in _lookup(client, "organisations", "aarhus").json()["results"]
    ]

    assert sorted(texts) == ["Aarhus Kommune", "Aarhus Universitet"]


def test_lookup_of_nothing_typed_offers_nothing_and_an_unknown_kind_is_not_found(client):
    make_organisation("Aarhus Kommune")
    client.force_login(make_user("editor", editor_of=make_organisation("Odense Kommune")))

    assert _lookup(client, "organisations", "  ").json() == {"results": []}
    assert _lookup(client, "spaceships", "x").status_code == 404


def test_place_lookup_finds_a_place_by_another_of_its_names(client):
    from twinning.places.services import place_name_add

    turku = make_place("Turku", "FI")
    place_name_add(place=turku, name="Åbo", language="sv")
    client.force_login(make_user("editor", editor_of=make_organisation()))

    results = _lookup(client, "places", "åbo").json()["results"]

    assert results == [{"value": str(turku.pk), "text": "Turku (FI)"}]


def test_form_pickers_offer_creation_only_to_editors():
    organisation = make_organisation()
    editor = make_user("editor", editor_of=organisation)
    viewer = make_user("viewer", viewer_of=organisation)

    editor_html = str(ActivityForm(user=editor)["organisations"])
    viewer_html = str(ActivityForm(user=viewer)["organisations"])

    assert 'data-picker="multiple"' in editor_html
    assert reverse("core:lookup_create", args=["organisations"]) in editor_html
    assert "data-create-url" not in viewer_html


def test_inline_creation_makes_the_record_through_the_service_and_answers_the_option(client):
    owner = make_organisation()
    client.force_login(make_user("editor", editor_of=owner))
    url = reverse("core:lookup_create", args=["organisations"])

    form_page = client.get(url, {"name": "Kiel Musikschule"})
    response = client.post(url, {"name": "Kiel Musikschule", "kind": "school", "owner": owner.pk})

    assert 'value="Kiel Musikschule"' in form_page.content.decode()
    assert response.status_code == 201
    created = Organisation.objects.get(name="Kiel Musikschule")
    assert response.json() == {"value": str(created.pk), "text": "Kiel Musikschule"}
    assert created.owner == owner
    assert created.is_public is False
    assert created.history.count() == 1


def test_inline_creation_with_errors_answers_the_form_again_and_writes_nothing(client):
    owner = make_organisation()
    client.force_login(make_user("editor", editor_of=owner))

    response = client.post(
        reverse("core:lookup_create", args=["organisations"]), {"name": "", "kind": "school"}
    )

    assert response.status_code == 422
    assert 'class="error"' in response.content.decode()
    assert Organisation.objects.count() == 1


def test_inline_creation_is_refused_to_a_viewer(client):
    client.force_login(make_user("viewer", viewer_of=make_organisation()))

    url = reverse("core:lookup_create", args=["places"])
    response = client.post(url, {"name": "Kiel", "kind": "municipality", "country": "DE"})

    assert response.status_code == 403
