import datetime as dt

import pytest
from django.urls import reverse

from twinning.sites.selectors import sites_suggested_for
from twinning.visits.models import ProgrammeItem
from twinning.visits.services import programme_item_create, visit_member_create
from twinning.visits.tests.factories import (
    make_area,
    make_organisation,
    make_place,
    make_site,
    make_user,
    make_visit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    energy, water, food = make_area("energy"), make_area("water"), make_area("food")
    sonderborg = make_place("Sønderborg", "DK")
    aarhus = make_place("Aarhus", "DK")
    visit = make_visit(host=sonderborg, interests=[energy, water, food])
    for number in range(5):
        visit_member_create(visit=visit, name=f"Member {number}", is_leader=number == 0)
    return {
        "visit": visit,
        "energy": energy,
        "water": water,
        "food": food,
        "sonderborg": sonderborg,
        "aarhus": aarhus,
    }


def names(suggestions):
    return [s.site.name for s in suggestions]


def test_sites_rank_by_shared_interests_then_host_place_then_capacity(setting):
    s = setting
    make_site("Two shared, elsewhere", place=s["aarhus"], focus_areas=[s["energy"], s["water"]])
    make_site(
        "One shared, host, roomy", place=s["sonderborg"], focus_areas=[s["food"]], capacity=30
    )
    make_site("One shared, host, small", place=s["sonderborg"], focus_areas=[s["food"]], capacity=3)
    make_site(
        "One shared, elsewhere, roomy", place=s["aarhus"], focus_areas=[s["water"]], capacity=30
    )
    make_site("Nothing shared", place=s["sonderborg"], focus_areas=[make_area("culture")])
    make_site("No focus at all", place=s["sonderborg"])

    ranked = sites_suggested_for(visit=s["visit"], user=make_user("u"))

    assert names(ranked) == [
        "Two shared, elsewhere",
        "One shared, host, roomy",
        "One shared, host, small",
        "One shared, elsewhere, roomy",
    ]
    assert [r.score for r in ranked] == [(2, 0, 0), (1, 1, 1), (1, 1, 0), (1, 0, 1)]


def test_suggestion_explains_its_score(setting):
    s = setting
    make_site("Solar plant", place=s["sonderborg"], focus_areas=[s["energy"]], capacity=3)
    make_site("Waterworks", place=s["aarhus"], focus_areas=[s["water"]])

    small, unknown = sites_suggested_for(visit=s["visit"], user=make_user("u"))

    assert small.reasons() == [
        "1 shared interest: Energy",
        "in the host place",
        "too small: room for 3, the delegation has 5",
    ]
    assert unknown.reasons()[1:] == ["outside the host place", "capacity unknown"]


def test_a_site_in_a_member_of_a_host_group_counts_as_in_the_host_place():
    energy = make_area("energy")
    ballerup = make_place("Ballerup", "DK")
    group = make_place("Bycirklen", "DK", "group")
    group.members.set([ballerup])
    visit = make_visit(make_place("Wuxi", "CN", "city"), group, interests=[energy])
    make_site("Trade centre", place=ballerup, focus_areas=[energy])

    (suggestion,) = sites_suggested_for(visit=visit, user=make_user("u"))

    assert suggestion.in_host_place


def test_sites_already_in_the_programme_and_private_sites_are_not_suggested(setting):
    s = setting
    planned = make_site("Planned", focus_areas=[s["energy"]])
    make_site("Private", focus_areas=[s["energy"]], owner=make_organisation("X"), is_public=False)
    make_site("Open", focus_areas=[s["energy"]])
    programme_item_create(visit=s["visit"], site=planned, day=dt.date(2017, 9, 4))

    assert names(sites_suggested_for(visit=s["visit"], user=make_user("u"))) == ["Open"]


def test_a_visit_without_interests_gets_no_suggestions():
    make_site("Anything", focus_areas=[make_area("energy")])
    assert sites_suggested_for(visit=make_visit(), user=make_user("u")) == []


def _editor_client(client, visit):
    org = make_organisation("Sønderborg Kommune")
    visit.owner = org
    visit.save()
    client.force_login(make_user("host", editor_of=org))
    return client


def test_host_adds_a_suggested_site_to_the_programme_in_one_htmx_step(client, setting):
    s = setting
    site = make_site("Alsion heat pumps", place=s["sonderborg"], focus_areas=[s["energy"]])
    _editor_client(client, s["visit"])
    detail = client.get(s["visit"].get_absolute_url()).content.decode()
    assert "Alsion heat pumps" in detail and "in the host place" in detail

    response = client.post(
        reverse("visits:programme_add_site", args=[s["visit"].pk, site.pk]),
        {"day": "2017-09-05", "start_time": "10:00", "end_time": "11:30"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    item = ProgrammeItem.objects.get(visit=s["visit"])
    assert (item.site, item.day, item.start_time) == (site, dt.date(2017, 9, 5), dt.time(10, 0))
    body = response.content.decode()
    assert body.startswith('<section class="card" id="programme"')
    assert "10:00–11:30" in body
    assert response.context["suggestions"] == []


def test_adding_a_site_on_a_day_outside_the_visit_shows_why(client, setting):
    s = setting
    site = make_site("Alsion heat pumps", focus_areas=[s["energy"]])
    _editor_client(client, s["visit"])

    response = client.post(
        reverse("visits:programme_add_site", args=[s["visit"].pk, site.pk]),
        {"day": "2017-09-09"},
        headers={"HX-Request": "true"},
    )

    assert not ProgrammeItem.objects.exists()
    assert "The day must lie within the visit" in response.content.decode()


def test_only_editors_of_the_owner_may_add_a_site(client, setting):
    s = setting
    site = make_site("Alsion heat pumps", focus_areas=[s["energy"]])
    s["visit"].owner = make_organisation("Sønderborg Kommune")
    s["visit"].save()
    url = reverse("visits:programme_add_site", args=[s["visit"].pk, site.pk])

    assert client.post(url, {"day": "2017-09-05"}).status_code == 302  # to the login page
    client.force_login(make_user("other", editor_of=make_organisation("Aarhus Kommune")))
    assert client.post(url, {"day": "2017-09-05"}).status_code == 403
    assert not ProgrammeItem.objects.exists()
