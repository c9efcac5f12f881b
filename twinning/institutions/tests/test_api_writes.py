import json

import pytest
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    Network,
    NetworkMeeting,
    NetworkMembership,
)
from twinning.institutions.services import (
    exchange_create,
    institution_pair_create,
    network_create,
    network_member_add,
)
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import Place

pytestmark = pytest.mark.django_db

PAIRS = "/api/institution-pairs"
NETWORKS = "/api/networks"


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


@pytest.fixture
def owner():
    return make_organisation("Bycirklen")


@pytest.fixture
def editor(owner):
    return make_user("editor", editor_of=owner)


@pytest.fixture
def stranger():
    return make_user("stranger", editor_of=make_organisation("Elsewhere"))


@pytest.fixture
def partnership(owner):
    a = Place.objects.create(name="Bycirklen", kind="group", country="DK")
    b = Place.objects.create(name="Wuxi", kind="city", country="CN")
    return Partnership.objects.create(
        party_a=a, party_b=b, kind="cooperation_agreement", owner=owner
    )


@pytest.fixture
def schools():
    return (
        make_organisation("Borupgaard Gymnasium", kind="school"),
        make_organisation("Shibei Senior High School", kind="school"),
    )


@pytest.fixture
def pair(partnership, schools):
    return institution_pair_create(
        partnership=partnership, institution_a=schools[0], institution_b=schools[1]
    )


def test_editor_of_the_partnership_creates_a_pair(editor, partnership, schools):
    response = send(
        "post",
        PAIRS,
        {
            "partnership": partnership.pk,
            "institution_a": schools[0].pk,
            "institution_b": schools[1].pk,
            "kind": "upper_secondary",
            "since": "2007-05",
        },
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["kind"], body["since"], body["exchanges"]) == ("upper_secondary", "2007-05", [])
    assert InstitutionPair.objects.get().partnership == partnership


def test_editor_of_another_organisation_may_not_pair_under_the_partnership(
    stranger, partnership, schools
):
    data = {
        "partnership": partnership.pk,
        "institution_a": schools[0].pk,
        "institution_b": schools[1].pk,
    }

    response = send("post", PAIRS, data, **bearer(stranger))

    assert response.status_code == 403
    assert not InstitutionPair.objects.exists()


def test_pair_patch_and_delete_follow_the_partnership(editor, stranger, pair):
    url = f"{PAIRS}/{pair.pk}"

    assert send("patch", url, {"status": "dormant"}, **bearer(stranger)).status_code == 403
    response = send("patch", url, {"status": "dormant"}, **bearer(editor))
    assert response.status_code == 200, response.content
    pair.refresh_from_db()
    assert (pair.status, pair.kind) == ("dormant", "school")
    assert send("delete", url, **bearer(stranger)).status_code == 403
    assert send("delete", url, **bearer(editor)).status_code == 204
    assert not InstitutionPair.objects.exists()


def test_pair_of_a_private_partnership_is_404_to_other_organisations(stranger, pair, partnership):
    partnership.is_public = False
    partnership.save()

    response = send("patch", f"{PAIRS}/{pair.pk}", {"notes": "x"}, **bearer(stranger))

    assert response.status_code == 404


def test_exchanges_are_added_changed_and_deleted(editor, pair):
    headers = bearer(editor)
    base = f"{PAIRS}/{pair.pk}/exchanges"

    added = send("post", base, {"start": "2013-08", "direction": "to_a", "pupils": 12}, **headers)
    assert added.status_code == 201, added.content
    assert (added.json()["start"], added.json()["pupils"]) == ("2013-08", 12)
    backwards = send("post", base, {"start": "2014-11-10", "end": "2014-11-01"}, **headers)
    assert backwards.status_code == 422
    impossible = send("post", base, {"start": "2014-02-30"}, **headers)
    assert impossible.status_code == 422
    assert "start" in impossible.json()["detail"]
    assert Exchange.objects.count() == 1

    url = f"{base}/{added.json()['id']}"
    changed = send("patch", url, {"teachers": 2}, **headers)
    assert (changed.json()["teachers"], changed.json()["pupils"]) == (2, 12)
    assert send("delete", url, **headers).status_code == 204
    assert not Exchange.objects.exists()


def test_invalid_pair_is_422_and_nothing_saved(editor, partnership, schools):
    data = {
        "partnership": partnership.pk,
        "institution_a": schools[0].pk,
        "institution_b": schools[0].pk,
    }

    same = send("post", PAIRS, data, **bearer(editor))
    missing = send("post", PAIRS, data | {"institution_b": 999999}, **bearer(editor))
    bad_date = send(
        "post", PAIRS, data | {"institution_b": schools[1].pk, "since": "2007-13"}, **bearer(editor)
    )

    assert [r.status_code for r in (same, missing, bad_date)] == [422, 422, 422]
    assert not InstitutionPair.objects.exists()


def test_networks_are_created_changed_and_deleted_by_any_editor(editor, stranger):
    created = send(
        "post",
        NETWORKS,
        {"name": "National China network", "country": "DK"},
        **bearer(editor),
    )
    assert created.status_code == 201, created.content
    assert (created.json()["country"], created.json()["scope"]) == ("DK", "national")
    url = f"{NETWORKS}/{created.json()['id']}"

    changed = send("patch", url, {"scope": "regional"}, **bearer(stranger))
    assert changed.status_code == 200, changed.content
    assert Network.objects.get().scope == "regional"
    assert send("delete", url, **bearer(stranger)).status_code == 204
    assert not Network.objects.exists()


def test_network_members_and_meetings_are_added_changed_and_removed(editor):
    network = network_create(name="National China network")
    headers = bearer(editor)
    member = make_organisation("Aarhus Kommune")

    added = send(
        "post",
        f"{NETWORKS}/{network.pk}/members",
        {"organisation": member.pk, "since": "2010"},
        **headers,
    )
    assert added.status_code == 201, added.content
    assert (added.json()["id"], added.json()["since"]) == (member.pk, "2010")
    neither = send("post", f"{NETWORKS}/{network.pk}/members", {"role": "chair"}, **headers)
    assert neither.status_code == 422
    url = f"{NETWORKS}/{network.pk}/members/{added.json()['membership_id']}"
    ended = send("patch", url, {"until": "2009"}, **headers)
    assert ended.status_code == 422
    ended = send("patch", url, {"until": "2015", "role": "chair"}, **headers)
    assert (ended.json()["until"], ended.json()["role"]) == ("2015", "chair")
    assert send("delete", url, **headers).status_code == 204
    assert not NetworkMembership.objects.exists()

    meeting = send(
        "post",
        f"{NETWORKS}/{network.pk}/meetings",
        {"date": "2013-01-14", "title": "Spring meeting"},
        **headers,
    )
    assert meeting.status_code == 201, meeting.content
    url = f"{NETWORKS}/{network.pk}/meetings/{meeting.json()['id']}"
    assert send("patch", url, {"date": "2013-02-29"}, **headers).status_code == 422
    assert send("patch", url, {"title": "Winter"}, **headers).json()["title"] == "Winter"
    assert send("delete", url, **headers).status_code == 204
    assert not NetworkMeeting.objects.exists()


def test_membership_of_a_hidden_organisation_is_404(stranger):
    network = network_create(name="National China network")
    hidden = network_member_add(
        network=network, organisation=make_organisation("Hidden", is_public=False)
    )

    url = f"{NETWORKS}/{network.pk}/members/{hidden.pk}"

    assert send("delete", url, **bearer(stranger)).status_code == 404
    assert NetworkMembership.objects.exists()


def test_writes_need_credentials_and_an_editor(owner, pair):
    network = network_create(name="National China network")
    viewer = make_user("viewer", viewer_of=owner)

    assert send("post", NETWORKS, {"name": "X"}).status_code == 401
    assert send("delete", f"{PAIRS}/{pair.pk}").status_code == 401
    assert send("post", NETWORKS, {"name": "X"}, **bearer(viewer)).status_code == 403
    assert send("delete", f"{NETWORKS}/{network.pk}", **bearer(viewer)).status_code == 403
    assert (
        send(
            "post", f"{PAIRS}/{pair.pk}/exchanges", {"start": "2013"}, **bearer(viewer)
        ).status_code
        == 403
    )
    assert Network.objects.count() == 1 and InstitutionPair.objects.count() == 1
    assert not Exchange.objects.exists()


def test_duplicate_network_name_is_422(editor):
    network_create(name="National China network")

    response = send("post", NETWORKS, {"name": "National China network"}, **bearer(editor))

    assert response.status_code == 422
    assert "name" in response.json()["detail"]


def test_csv_exports_have_a_header_and_a_row_per_match(partnership):
    for n in range(3):
        institution_pair_create(
            partnership=partnership,
            institution_a=make_organisation(f"School {n}", kind="school"),
            institution_b=make_organisation(f"Partner {n}", kind="school"),
        )
        network_create(name=f"Network {n}")

    pairs = Client().get(f"{PAIRS}?format=csv&limit=1")
    networks = Client().get(f"{NETWORKS}?format=csv&limit=1")

    assert 'institution-pairs.csv"' in pairs["Content-Disposition"]
    pair_lines = pairs.content.decode().strip().splitlines()
    assert pair_lines[0].startswith("id,partnership,institution_a_id,institution_a_name")
    assert len(pair_lines) == 4
    network_lines = networks.content.decode().strip().splitlines()
    assert network_lines[0].startswith("id,name,scope,country")
    assert len(network_lines) == 4


def test_list_query_counts_with_a_token_do_not_grow(
    editor, partnership, django_assert_max_num_queries
):
    headers = bearer(editor)
    for n in range(5):
        pair = institution_pair_create(
            partnership=partnership,
            institution_a=make_organisation(f"School {n}", kind="school"),
            institution_b=make_organisation(f"Partner {n}", kind="school"),
        )
        exchange_create(pair=pair, start="2013")
        network = network_create(name=f"Network {n}")
        network_member_add(network=network, organisation=pair.institution_a)
    with django_assert_max_num_queries(6):
        assert Client().get(PAIRS, **headers).json()["count"] == 5
    with django_assert_max_num_queries(6):
        assert Client().get(NETWORKS, **headers).json()["count"] == 5
