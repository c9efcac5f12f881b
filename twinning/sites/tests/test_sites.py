import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from twinning.sites.models import ShowcaseSite
from twinning.sites.services import showcase_site_create, showcase_site_update
from twinning.visits.services import programme_item_create
from twinning.visits.tests.factories import (
    make_area,
    make_organisation,
    make_place,
    make_site,
    make_user,
    make_visit,
)

pytestmark = pytest.mark.django_db

LIST = reverse("sites:list")
API = "/api/sites"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"latitude": 91, "longitude": 9.7}, "latitude"),
        ({"latitude": 54.9, "longitude": -181}, "longitude"),
        ({"latitude": 54.9}, "longitude"),
        ({"capacity": 0}, "capacity"),
        ({"languages": "Danish"}, "languages"),
    ],
)
def test_site_validation_names_the_field(fields, field):
    with pytest.raises(ValidationError) as excinfo:
        make_site("Alsion", **fields)
    assert field in excinfo.value.message_dict


def test_coordinates_out_of_range_are_refused_by_the_database():
    site = make_site("Alsion", latitude=54.91, longitude=9.78)
    with pytest.raises(IntegrityError), transaction.atomic():
        ShowcaseSite.objects.filter(pk=site.pk).update(latitude=100)
    with pytest.raises(IntegrityError), transaction.atomic():
        ShowcaseSite.objects.filter(pk=site.pk).update(longitude=None)


def test_site_lies_in_its_organisations_place_unless_told_otherwise():
    sonderborg, nordborg = make_place("Sønderborg", "DK"), make_place("Nordborg", "DK")
    danfoss = make_organisation("Danfoss", kind="company", place=sonderborg)

    assert showcase_site_create(name="Head office", organisation=danfoss).place == sonderborg
    other = showcase_site_create(name="Solar plant", organisation=danfoss, place=nordborg)
    assert other.place == nordborg


def test_update_changes_focus_areas_and_language_codes():
    site = make_site("Zerohouse", languages="da, en")
    energy = make_area("energy")

    showcase_site_update(site=site, focus_areas=[energy], languages="da,en,de")

    assert list(site.focus_areas.all()) == [energy]
    assert site.language_codes() == ["da", "en", "de"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("focus=energy", {"Solar plant"}),
        ("language=en", {"Solar plant"}),
        ("language=de", {"School"}),
        ("q=heat", {"Solar plant"}),
    ],
)
def test_list_filters(client, query, expected):
    energy = make_area("energy")
    make_site("Solar plant", focus_areas=[energy], languages="da, en", what_visitors_see="Heat.")
    make_site("School", languages="de")

    response = client.get(f"{LIST}?{query}")

    assert {site.name for site in response.context["sites"]} == expected


def test_private_site_is_hidden_and_editing_is_for_the_owners_editors(client):
    org = make_organisation("ProjectZero")
    site = make_site("Zerohouse", owner=org, is_public=False)
    edit = reverse("sites:update", args=[site.pk])

    assert client.get(site.get_absolute_url()).status_code == 404
    assert client.get(API + f"/{site.pk}").status_code == 404
    client.force_login(make_user("viewer", viewer_of=org))
    assert client.get(site.get_absolute_url()).status_code == 200
    assert client.get(edit).status_code == 403
    client.force_login(make_user("editor", editor_of=org))
    assert client.get(edit).status_code == 200


def test_editor_adds_a_site(client):
    org = make_organisation("ProjectZero")
    operator = make_organisation("Sønderborg Fjernvarme", kind="company")
    client.force_login(make_user("editor", editor_of=org))

    response = client.post(
        reverse("sites:create"),
        {
            "name": "District heating plant",
            "organisation": operator.pk,
            "owner": org.pk,
            "capacity": "25",
            "languages": "da, en",
            "is_public": "on",
        },
    )

    assert response.status_code == 302
    site = ShowcaseSite.objects.get()
    assert (site.name, site.capacity, site.owner) == ("District heating plant", 25, org)


def test_detail_lists_the_visits_that_saw_the_site(client, django_assert_max_num_queries):
    site = make_site("Danfoss solar plant")
    for number in range(3):
        visit = make_visit(make_place(f"City {number}", "CN", "city"), title=f"Visit {number}")
        programme_item_create(visit=visit, site=site, day=dt.date(2017, 9, 5))
    hidden = make_visit(title="Hidden", owner=make_organisation("X"), is_public=False)
    programme_item_create(visit=hidden, site=site, day=dt.date(2017, 9, 5))

    with django_assert_max_num_queries(10):
        response = client.get(site.get_absolute_url())

    body = response.content.decode()
    assert "Visit 2" in body and "Hidden" not in body


def test_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    areas = [make_area("energy"), make_area("water")]
    for number in range(12):
        make_site(f"Site {number}", focus_areas=areas)

    with django_assert_max_num_queries(6):
        response = client.get(LIST)
    assert len(response.context["sites"]) == 12
    with django_assert_max_num_queries(4):
        assert client.get(API).json()["count"] == 12


def test_api_shape_and_filters(client):
    energy = make_area("energy")
    place = make_place("Sønderborg", "DK")
    danfoss = make_organisation("Danfoss", kind="company")
    site = make_site(
        "Solar plant",
        danfoss,
        place=place,
        focus_areas=[energy],
        languages="da, en",
        capacity=40,
        latitude=55.05,
        longitude=9.74,
        contact_name="Guide",
    )
    make_site("Other")

    body = client.get(API, {"focus": "energy"}).json()
    assert body == {
        "count": 1,
        "items": [
            {
                "id": site.pk,
                "name": "Solar plant",
                "organisation": {"id": danfoss.pk, "name": "Danfoss"},
                "place": {"id": place.pk, "name": "Sønderborg"},
                "address": "",
                "latitude": 55.05,
                "longitude": 9.74,
                "focus_areas": ["energy"],
                "languages": ["da", "en"],
                "capacity": 40,
            }
        ],
    }
    assert client.get(API, {"place": place.pk}).json()["count"] == 1
    assert client.get(API, {"organisation": danfoss.pk}).json()["count"] == 1
    detail = client.get(f"{API}/{site.pk}").json()
    assert detail["contact_name"] == "Guide"
    assert client.get(API, {"place": "x"}).status_code == 422
