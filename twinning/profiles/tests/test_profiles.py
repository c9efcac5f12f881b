import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.focusareas.services import focus_area_create
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
from twinning.profiles.models import PartnerProfile, SizeBand
from twinning.profiles.services import profile_create, profile_update

pytestmark = pytest.mark.django_db


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def owner():
    return make_organisation("Vejle Kommune")


@pytest.fixture
def areas():
    return {
        "energy": focus_area_create(slug="energy", name_en="Energy", name_da="Energi"),
        "culture": focus_area_create(slug="culture", name_en="Culture", name_da="Kultur"),
    }


def place(name, country, population=None, lat=None, lng=None, kind="municipality"):
    return Place.objects.create(
        name=name,
        country=country,
        kind=kind,
        population=population,
        latitude=lat,
        longitude=lng,
    )


@pytest.fixture
def vejle(owner, areas):
    town = place("Vejle", "DK", 60_000, 55.71, 9.53)
    return profile_create(
        place=town,
        summary="A fjord town with a strong industry.",
        focus_offered=[areas["energy"]],
        focus_sought=[areas["culture"]],
        desired_countries=["DE", "SE"],
        desired_size=SizeBand.MEDIUM,
        contact_name="Ane Jensen",
        contact_email="ane@example.org",
        owner=owner,
    )


@pytest.fixture
def lund(areas):
    town = place("Lund", "SE", 125_000, 55.70, 13.19)
    return profile_create(
        place=town,
        focus_offered=[areas["culture"]],
        contact_name="Per Berg",
        contact_public=True,
        seeking=False,
    )


def test_a_place_has_one_profile_and_an_area_above_zero(vejle, owner):
    with pytest.raises(ValidationError):
        profile_create(place=vejle.place, owner=owner)
    with pytest.raises(ValidationError):
        profile_update(profile=vejle, area_km2=Decimal("0"))
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerProfile.objects.filter(pk=vejle.pk).update(area_km2=Decimal("-1"))


def test_update_raises_the_version_and_keeps_history(vejle):
    before, kept = vejle.version, vejle.history.count()
    changed = profile_update(profile=vejle, seeking=False, desired_countries=["NO"])
    assert changed.version == before + 1
    assert [c.code for c in changed.desired_countries] == ["NO"]
    assert changed.history.count() == kept + 1
    assert changed.history.first().seeking is False


def test_size_band_comes_from_the_profile_or_else_the_place(vejle):
    assert vejle.size_band == SizeBand.MEDIUM
    changed = profile_update(profile=vejle, population=2_000_000)
    assert changed.size_band == SizeBand.VERY_LARGE


def test_listing_shows_places_seeking_now_and_filters(client, vejle, lund, owner):
    page = client.get("/seeking/")
    assert page.status_code == 200
    assert "Vejle" in page.text and "Lund" not in page.text
    every = client.get("/seeking/", {"seeking": ""}).text
    assert "Vejle" in every and "Lund" in every
    assert "Vejle" not in client.get("/seeking/", {"country": "SE", "seeking": ""}).text
    large = client.get("/seeking/", {"size": "large", "seeking": ""}).text
    assert "Lund" in large and "Vejle" not in large
    culture = client.get("/seeking/", {"focus": "culture", "seeking": ""}).text
    assert "Lund" in culture and "Vejle" in culture
    energy = client.get("/seeking/", {"focus": "energy", "seeking": ""}).text
    assert "Lund" not in energy


def test_listing_reads_in_danish(client, vejle):
    page = client.get("/da/seeking/")
    assert page.status_code == 200
    assert "Søger en partner" in page.text
    assert "Energi" in page.text


def test_private_profile_and_contact_stay_with_the_owner(client, vejle, owner):
    profile_update(profile=vejle, is_public=False)
    assert "Vejle" not in client.get("/seeking/").text
    assert client.get(f"/seeking/{vejle.pk}/").status_code == 404
    member = make_user("ane", viewer_of=owner)
    client.force_login(member)
    page = client.get(f"/seeking/{vejle.pk}/")
    assert page.status_code == 200 and "ane@example.org" in page.text


def test_contact_is_shown_to_visitors_only_when_chosen(client, vejle, lund):
    assert "ane@example.org" not in client.get(f"/seeking/{vejle.pk}/").text
    assert "Per Berg" in client.get(f"/seeking/{lund.pk}/").text
    detail = client.get(f"/api/profiles/{vejle.pk}").json()
    assert detail["contact_name"] is None and detail["contact_email"] is None
    assert client.get(f"/api/profiles/{lund.pk}").json()["contact_name"] == "Per Berg"


def test_api_lists_filters_and_creates(vejle, lund, owner, areas):
    client = Client()
    listed = client.get("/api/profiles", {"focus": "culture"}).json()
    assert listed["count"] == 2
    assert client.get("/api/profiles", {"seeking": "true"}).json()["count"] == 1
    item = client.get("/api/profiles", {"country": "DK"}).json()["items"][0]
    assert item["population"] == 60_000 and item["size_band"] == "medium"
    assert item["focus_offered"] == ["energy"] and item["desired_countries"] == ["DE", "SE"]
    assert client.get("/api/profiles", {"size": "huge"}).status_code == 422

    town = place("Kolding", "DK", 95_000)
    editor = make_user("editor", editor_of=owner)
    body = {"place": town.pk, "focus_sought": ["energy"], "desired_size": "large"}
    created = client.post(
        "/api/profiles", json.dumps(body), content_type="application/json", **bearer(editor)
    )
    assert created.status_code == 201, created.content
    assert created.json()["owner"] == owner.pk and created.json()["focus_sought"] == ["energy"]
    again = client.post(
        "/api/profiles", json.dumps(body), content_type="application/json", **bearer(editor)
    )
    assert again.status_code == 422


def test_editor_publishes_a_profile_through_the_form(client, owner, areas):
    town = place("Horsens", "DK", 60_000)
    client.force_login(make_user("editor", editor_of=owner))
    form = client.get(f"/seeking/new/?place={town.pk}")
    assert form.status_code == 200 and "Horsens" in form.text
    answer = client.post(
        "/seeking/new/",
        {
            "place": town.pk,
            "seeking": "on",
            "focus_sought": [areas["energy"].pk],
            "desired_countries": ["CN"],
            "owner": owner.pk,
            "is_public": "on",
        },
    )
    assert answer.status_code == 302, answer.context["form"].errors
    profile = PartnerProfile.objects.get(place=town)
    assert [c.code for c in profile.desired_countries] == ["CN"]
    assert list(profile.focus_sought.all()) == [areas["energy"]]


# Suggestions -----------------------------------------------------------------------------


@pytest.fixture
def network(owner):
    """Danish towns twinned with German and Swedish ones, and a Chinese city."""
    places = {
        "vejle": place("Vejle", "DK", 60_000, 55.71, 9.53),
        "fredericia": place("Fredericia", "DK", 41_000, 55.57, 9.75),
        "kolding": place("Kolding", "DK", 95_000, 55.49, 9.47),
        "aalborg": place("Aalborg", "DK", 120_000, 57.05, 9.92),
        "kiel": place("Kiel", "DE", 247_000, 54.32, 10.14),
        "schwerin": place("Schwerin", "DE", 96_000, 53.63, 11.41),
        "rostock": place("Rostock", "DE", 209_000, 54.09, 12.10),
        "lund": place("Lund", "SE", 125_000, 55.70, 13.19),
        "kalmar": place("Kalmar", "SE", 70_000, 56.66, 16.36),
        "wuxi": place("Wuxi", "CN", 7_000_000, 31.49, 120.31),
        "denmark": place("Denmark", "DK", kind="country"),
    }
    pairs = [
        ("vejle", "kiel"),
        ("kiel", "kolding"),
        ("kolding", "lund"),
        ("fredericia", "schwerin"),
        ("aalborg", "rostock"),
        ("aalborg", "kalmar"),
        ("rostock", "kalmar"),
    ]
    for a, b in pairs:
        Partnership.objects.create(party_a=places[a], party_b=places[b])
    return places


def test_suggestions_rank_partners_of_partners_with_reasons(client, network):
    vejle = network["vejle"]
    answer = client.get(f"/api/places/{vejle.pk}/suggestions", {"limit": 5})
    assert answer.status_code == 200
    found = answer.json()
    names = [s["place"]["name"] for s in found]
    # Kolding shares Vejle's partner Kiel; Schwerin is twinned with Fredericia, a neighbour.
    assert names[0] == "Kolding"
    assert "Schwerin" in names
    assert not {"Vejle", "Kiel", "Denmark"} & set(names)
    first = found[0]
    assert first["reasons"][0]["code"] == "network"
    assert "Kiel" in first["reasons"][0]["text"]
    assert first["score"] >= sum(r["weight"] for r in first["reasons"]) - 1.0
    schwerin = next(s for s in found if s["place"]["name"] == "Schwerin")
    assert any(r["code"] == "peers" and "Fredericia" in r["text"] for r in schwerin["reasons"])


def test_suggestions_read_in_danish(client, network):
    vejle = network["vejle"]
    page = client.get(f"/da/seeking/places/{vejle.pk}/suggestions/")
    assert page.status_code == 200
    assert "Partner med Kiel, som er jeres partner" in page.text
    answer = client.get(f"/api/places/{vejle.pk}/suggestions", {"lang": "da"})
    assert "Kiel" in answer.json()[0]["reasons"][0]["text"]
    assert "Partner med" in answer.json()[0]["reasons"][0]["text"]


def test_private_partnerships_do_not_steer_suggestions(client, network):
    vejle, kiel = network["vejle"], network["kiel"]
    Partnership.objects.filter(party_a=vejle, party_b=kiel).update(is_public=False)
    found = client.get(f"/api/places/{vejle.pk}/suggestions").json()
    names = [s["place"]["name"] for s in found]
    # Without the partnership, Kiel is a candidate again and Kolding no partner's partner.
    assert "Kiel" in names
    kolding = next(s for s in found if s["place"]["name"] == "Kolding")
    assert all(r["code"] != "network" for r in kolding["reasons"])


def test_profiles_add_mutual_interest(client, network, owner, areas):
    vejle, kalmar = network["vejle"], network["kalmar"]
    profile_create(
        place=vejle, focus_sought=[areas["culture"]], desired_countries=["SE"], owner=owner
    )
    profile_create(place=kalmar, focus_offered=[areas["culture"]], desired_countries=["DK"])
    found = client.get(f"/api/places/{vejle.pk}/suggestions").json()
    kalmar_found = next(s for s in found if s["place"]["name"] == "Kalmar")
    codes = {r["code"] for r in kalmar_found["reasons"]}
    assert {"focus", "mutual", "wanted_country", "wants_you"} <= codes
    assert kalmar_found["profile"] is not None
    page = client.get(f"/seeking/{vejle.partner_profile.pk}/")
    assert "Kalmar" in page.text and "Focus areas in common: Culture" in page.text


def test_unknown_place_is_404(client, network):
    assert client.get("/api/places/999999/suggestions").status_code == 404
    assert client.get("/seeking/places/999999/suggestions/").status_code == 404


def test_search_finds_public_profiles_only(vejle, owner):
    from django.contrib.auth.models import AnonymousUser

    from twinning.search.selectors import search

    def found(user):
        result = search(q="fjord industry", user=user)
        return [hit for group in result.groups if group.kind == "profile" for hit in group.items]

    hits = found(AnonymousUser())
    assert [hit.title for hit in hits] == ["Vejle"]
    assert hits[0].url == vejle.get_absolute_url()
    profile_update(profile=vejle, is_public=False)
    assert found(AnonymousUser()) == []
    assert [hit.title for hit in found(make_user("ane", viewer_of=owner))] == ["Vejle"]
