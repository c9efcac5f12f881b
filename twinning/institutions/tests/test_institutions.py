import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from twinning.institutions.models import InstitutionPair, NetworkMembership
from twinning.institutions.services import (
    exchange_create,
    institution_pair_create,
    network_create,
    network_meeting_add,
    network_member_add,
)
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import Place

pytestmark = pytest.mark.django_db


@pytest.fixture
def owner():
    return make_organisation("Bycirklen")


@pytest.fixture
def partnership(owner):
    a = Place.objects.create(name="Bycirklen", kind="group", country="DK")
    b = Place.objects.create(name="Wuxi", kind="city", country="CN")
    return Partnership.objects.create(
        party_a=a, party_b=b, kind="cooperation_agreement", owner=owner
    )


@pytest.fixture
def pair(partnership):
    return institution_pair_create(
        partnership=partnership,
        institution_a=make_organisation("Borupgaard Gymnasium", kind="school"),
        institution_b=make_organisation("Shibei Senior High School", kind="school"),
        kind="upper_secondary",
        since="2007-05",
    )


def test_pair_needs_two_institutions(partnership):
    school = make_organisation("Borupgaard Gymnasium", kind="school")
    with pytest.raises(ValidationError):
        institution_pair_create(partnership=partnership, institution_a=school, institution_b=school)
    with pytest.raises(IntegrityError), transaction.atomic():
        InstitutionPair.objects.create(
            partnership=partnership, institution_a=school, institution_b=school
        )


def test_exchange_end_before_start_is_rejected(pair):
    with pytest.raises(ValidationError):
        exchange_create(pair=pair, start="2014-11-10", end="2014-11-01")
    exchange = exchange_create(pair=pair, start="2014-11", direction="to_b", pupils=10, teachers=2)
    assert exchange.pupils == 10


def test_membership_needs_exactly_one_member():
    network = network_create(name="Greater Copenhagen China network", scope="regional")
    with pytest.raises(ValidationError):
        network_member_add(network=network)
    with pytest.raises(IntegrityError), transaction.atomic():
        NetworkMembership.objects.create(network=network)


def test_api_pairs_and_filters(client, pair, partnership):
    body = client.get("/api/institution-pairs", {"partnership": partnership.pk}).json()
    assert body["count"] == 1
    item = body["items"][0]
    assert item["institution_a"]["name"] == "Borupgaard Gymnasium"
    assert item["kind"] == "upper_secondary" and item["since"] == "2007-05"
    assert client.get("/api/institution-pairs", {"kind": "university"}).json()["count"] == 0
    assert client.get("/api/institution-pairs", {"kind": "bad"}).status_code == 422
    exchange_create(pair=pair, start="2013-08", direction="to_a")
    detail = client.get(f"/api/institution-pairs/{pair.pk}").json()
    assert detail["exchanges"][0]["start"] == "2013-08"


def test_pairs_of_a_private_partnership_are_hidden(client, pair, partnership, owner):
    partnership.is_public = False
    partnership.save()
    assert client.get("/api/institution-pairs").json()["count"] == 0
    assert client.get(f"/api/institution-pairs/{pair.pk}").status_code == 404
    assert client.get(f"/institutions/{pair.pk}/").status_code == 404
    client.force_login(make_user("member", viewer_of=owner))
    assert client.get(f"/institutions/{pair.pk}/").status_code == 200


def test_api_networks_hide_private_member_organisations(client):
    network = network_create(name="National China network", scope="national", country="DK")
    network_member_add(network=network, organisation=make_organisation("Open member"))
    network_member_add(
        network=network, organisation=make_organisation("Hidden member", is_public=False)
    )
    network_meeting_add(network=network, date="2013-01-14", title="Network meeting")
    body = client.get("/api/networks", {"scope": "national"}).json()
    assert [m["name"] for m in body["items"][0]["members"]] == ["Open member"]
    detail = client.get(f"/api/networks/{network.pk}").json()
    assert detail["meetings"][0]["date"] == "2013-01-14"


def test_pages_and_partnership_partial(client, pair, partnership):
    from django.template import Context, Template
    from django.test import RequestFactory

    assert "Shibei Senior High School" in client.get("/institutions/").content.decode()
    assert "Shibei" in client.get(f"/institutions/{pair.pk}/").content.decode()
    request = RequestFactory().get("/")
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    html = Template("{% load institutions_tags %}{% partnership_pairs partnership %}").render(
        Context({"request": request, "partnership": partnership})
    )
    assert "Borupgaard Gymnasium – Shibei Senior High School" in html


def test_forms_need_an_editor_of_the_partnership(client, pair, partnership, owner):
    assert client.get("/institutions/new/").status_code == 302
    client.force_login(make_user("other", editor_of=make_organisation("Elsewhere")))
    assert client.get(f"/institutions/{pair.pk}/edit/").status_code == 403
    client.force_login(make_user("editor", editor_of=owner))
    response = client.post(
        f"/institutions/{pair.pk}/edit/",
        {
            "partnership": partnership.pk,
            "institution_a": pair.institution_a_id,
            "institution_b": pair.institution_b_id,
            "kind": "upper_secondary",
            "status": "dormant",
            "since": "2007",
            "notes": "",
        },
    )
    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == "dormant"


def test_query_counts(client, partnership, django_assert_max_num_queries):
    network = network_create(name="Network", scope="national")
    for n in range(10):
        p = institution_pair_create(
            partnership=partnership,
            institution_a=make_organisation(f"School A{n}", kind="school"),
            institution_b=make_organisation(f"School B{n}", kind="school"),
        )
        exchange_create(pair=p, start="2013")
        network_member_add(network=network, organisation=p.institution_a)
    with django_assert_max_num_queries(4):
        client.get("/api/institution-pairs")
    with django_assert_max_num_queries(5):
        client.get("/api/networks")
    with django_assert_max_num_queries(6):
        client.get("/institutions/")
    with django_assert_max_num_queries(6):
        client.get("/institutions/networks/")
    with django_assert_max_num_queries(6):
        client.get(f"/institutions/networks/{network.pk}/")
    with django_assert_max_num_queries(6):
        client.get(f"/institutions/{p.pk}/")
