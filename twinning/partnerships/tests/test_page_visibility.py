import pytest
from django.test import Client
from django.urls import reverse

from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.people.services import person_create, post_create
from twinning.sources.services import source_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    aarhus_org, odense_org = make_organisation("Aarhus Kommune"), make_organisation("Odense")
    partnership = make_partnership(
        make_place("Aarhus", "DK"), make_place("Harbin", "CN", "city"), owner=aarhus_org
    )
    secret = person_create(name="Hidden Negotiator", owner=odense_org, is_public=False)
    post = post_create(person=secret, role="Envoy", organisation=odense_org)
    document = source_create(
        title="Confidential draft of Odense", kind="report", owner=odense_org, is_public=False
    )
    return {
        "aarhus": aarhus_org,
        "odense": odense_org,
        "partnership": partnership,
        "post": post,
        "document": document,
    }


def test_agreement_form_offers_no_private_post_of_another_organisation(client, setting):
    client.force_login(make_user("aarhus-editor", editor_of=setting["aarhus"]))
    url = reverse("partnerships:agreement_create", args=[setting["partnership"].pk])

    page = client.get(url).content.decode()
    assert "Hidden Negotiator" not in page
    response = client.post(url, {"kind": "founding", "signatories": [setting["post"].pk]})
    assert response.status_code == 200
    assert "signatories" in response.context["form"].errors
    assert not setting["partnership"].agreements.exists()


def test_a_public_page_never_shows_a_private_document_of_another_organisation(setting):
    agreement = make_agreement(setting["partnership"], signed="2005-06-01")
    # Written before references were checked: the link is there, its title must not show.
    type(agreement).objects.filter(pk=agreement.pk).update(document=setting["document"])
    url = setting["partnership"].get_absolute_url()

    for viewer in (None, make_user("aarhus-viewer", viewer_of=setting["aarhus"])):
        client = Client()
        if viewer:
            client.force_login(viewer)
        assert "Confidential draft" not in client.get(url).content.decode()
    member = Client()
    member.force_login(make_user("odense-viewer", viewer_of=setting["odense"]))
    assert "Confidential draft of Odense" in member.get(url).content.decode()
