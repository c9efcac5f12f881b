import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from twinning.organisations.tests.factories import make_organisation
from twinning.partnerships.services import partnership_create
from twinning.people.services import person_create, post_create
from twinning.places.services import place_create
from twinning.sources.services import evidence_add, source_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser(username="root", password="pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "model",
    [
        "places/place",
        "focusareas/focusarea",
        "organisations/organisation",
        "people/person",
        "people/post",
        "sources/source",
        "sources/evidence",
    ],
)
def test_admin_lists_and_add_forms_open(admin_client, model):
    region = place_create(name="Region", kind="region")
    district = place_create(name="Qixia", kind="district", parent=region)
    org = make_organisation("Owner", place=district)
    person = person_create(name="Anne", owner=org)
    post_create(person=person, role="mayor", place=district, organisation=org)
    source = source_create(title="Page", kind="web_page", text="since 1946", publisher=org)
    other = place_create(name="Bergen", kind="municipality")
    evidence_add(
        source=source,
        fact=partnership_create(party_a=district, party_b=other, kind="sister_city"),
        quote="since 1946",
    )
    app, name = model.split("/")
    assert admin_client.get(reverse(f"admin:{app}_{name}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:{app}_{name}_add")).status_code == 200


def test_place_admin_change_page_has_names_inline_and_history(admin_client):
    place = place_create(name="Wuxi", kind="city", other_names=[("zh", "无锡")])
    response = admin_client.get(reverse("admin:places_place_change", args=[place.pk]))
    assert "无锡" in response.content.decode()
    assert (
        admin_client.get(reverse("admin:places_place_history", args=[place.pk])).status_code == 200
    )
