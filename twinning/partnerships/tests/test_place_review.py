"""The review list of flagged places and the page that merges a place into its twin record."""

import pytest
from django.urls import reverse

from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.partnerships.tests.factories import make_partnership, make_place
from twinning.places.models import Place, PlaceResolution

pytestmark = pytest.mark.django_db


def flagged(name: str, resolution: str, country: str = "DK") -> Place:
    place = make_place(name, country=country)
    Place.objects.filter(pk=place.pk).update(resolution=resolution)
    place.refresh_from_db()
    return place


@pytest.fixture
def places():
    horsens = make_place("Horsens")
    stray = flagged("Horsens Kommune", PlaceResolution.UNRESOLVED)
    unclear = flagged("Springfield", PlaceResolution.AMBIGUOUS, country="US")
    chengdu = make_place("Chengdu", country="CN")
    make_partnership(stray, chengdu)
    make_partnership(unclear, chengdu)
    return horsens, stray, unclear, chengdu


@pytest.fixture
def editor():
    return make_user("editor", editor_of=make_organisation("Horsens Kommune"))


def test_the_review_list_shows_flagged_places_only(client, places):
    horsens, stray, unclear, _chengdu = places
    page = client.get(reverse("partnerships:place_review")).content.decode()
    assert stray.name in page and unclear.name in page
    assert ">Horsens<" not in page
    assert "Merge" not in page  # visitors see the list, not the action

    only = client.get(reverse("partnerships:place_review"), {"resolution": "ambiguous"})
    assert unclear.name in only.content.decode()
    assert stray.name not in only.content.decode()
    danish = client.get(reverse("partnerships:place_review"), {"country": "dk"})
    assert stray.name in danish.content.decode() and unclear.name not in danish.content.decode()


def test_an_editor_merges_a_place_into_the_one_it_is(client, places, editor):
    horsens, stray, _unclear, chengdu = places
    url = reverse("partnerships:place_merge", args=[stray.pk])
    client.force_login(editor)
    page = client.get(url).content.decode()
    assert f'value="{horsens.pk}"' in page  # offered: same country, same first word

    refused = client.post(url, {"keep": horsens.pk})
    assert refused.status_code == 200 and "Confirm that both records are one place" in (
        refused.content.decode()
    )
    assert Place.objects.filter(pk=stray.pk).exists()

    done = client.post(url, {"keep": horsens.pk, "confirm": "on"})
    assert done.status_code == 302 and done.url == horsens.get_absolute_url()
    assert not Place.objects.filter(pk=stray.pk).exists()
    assert Partnership.objects.filter(party_a=horsens, party_b=chengdu).exists() or (
        Partnership.objects.filter(party_a=chengdu, party_b=horsens).exists()
    )
    assert horsens.names.filter(name="Horsens Kommune").exists()


def test_merging_into_itself_or_a_partner_is_refused(client, places, editor):
    _horsens, stray, _unclear, chengdu = places
    client.force_login(editor)
    url = reverse("partnerships:place_merge", args=[stray.pk])
    into_itself = client.post(url, {"keep": stray.pk, "confirm": "on"})
    assert "Choose a place other than this one" in into_itself.content.decode()
    into_partner = client.post(url, {"keep": chengdu.pk, "confirm": "on"})
    assert "partners of each other" in into_partner.content.decode()
    assert Place.objects.filter(pk=stray.pk).exists()


def test_only_editors_may_merge(client, places):
    _horsens, stray, _unclear, _chengdu = places
    url = reverse("partnerships:place_merge", args=[stray.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(make_user("reader"))
    assert client.get(url).status_code == 403
