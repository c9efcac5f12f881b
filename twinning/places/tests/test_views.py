import pytest
from django.urls import reverse

from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.services import partnership_create
from twinning.places.models import Place, PlaceKind
from twinning.places.services import place_create, place_name_add

pytestmark = pytest.mark.django_db


def _names(client, **params):
    response = client.get(reverse("places:list"), params)
    return [p.name for p in response.context["page"].object_list]


def test_folded_search_finds_sonderborg_written_without_the_o_slash(client):
    place_create(name="Sønderborg", kind=PlaceKind.MUNICIPALITY, country="DK")
    place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY, country="DK")
    assert _names(client, q="Sonderborg") == ["Sønderborg"]


def test_search_finds_a_place_by_its_other_name(client):
    place_create(name="Wuxi", kind=PlaceKind.CITY, country="CN", other_names=[("zh", "无锡")])
    assert _names(client, q="无锡") == ["Wuxi"]


def test_filters_by_kind_country_and_parent(client):
    jiangsu = place_create(name="Jiangsu", kind=PlaceKind.PROVINCE, country="CN")
    place_create(name="Wuxi", kind=PlaceKind.CITY, country="CN", parent=jiangsu)
    place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY, country="DK")
    assert _names(client, kind="city") == ["Wuxi"]
    assert _names(client, country="DK") == ["Aarhus"]
    assert _names(client, parent=jiangsu.pk) == ["Wuxi"]


def test_list_is_paginated_by_fifty(client):
    for n in range(55):
        place_create(name=f"Place {n:02d}", kind=PlaceKind.CITY)
    first = client.get(reverse("places:list"))
    second = client.get(reverse("places:list"), {"page": 2})
    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 5
    assert b'rel="next"' in first.content


def test_htmx_request_gets_only_the_results(client):
    place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY, country="DK")
    response = client.get(reverse("places:list"), {"q": "aar"}, headers={"HX-Request": "true"})
    assert b"Aarhus" in response.content
    assert b"<html" not in response.content
    assert b'class="filters"' not in response.content


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    region = place_create(name="Region", kind=PlaceKind.REGION, country="CN")
    province = place_create(name="Province", kind=PlaceKind.PROVINCE, parent=region)
    for n in range(40):
        place_create(name=f"District {n}", kind=PlaceKind.DISTRICT, parent=province)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("places:list"))
    assert b"District 39" in response.content
    assert response.content.count(province.get_absolute_url().encode()) >= 40


def test_detail_shows_the_place_and_its_relations(client, django_assert_max_num_queries):
    denmark = place_create(name="Denmark", kind=PlaceKind.COUNTRY, country="DK")
    region = place_create(name="Region Midtjylland", kind=PlaceKind.REGION, parent=denmark)
    aarhus = place_create(
        name="Aarhus",
        kind=PlaceKind.MUNICIPALITY,
        country="DK",
        parent=region,
        latitude=56.1567,
        longitude=10.2108,
        population=367095,
        geonames_id=2624652,
        wikidata_id="Q25319",
        other_names=[("da", "Århus"), ("zh", "奥胡斯")],
    )
    group = place_create(name="East Jutland", kind=PlaceKind.GROUP, members=[aarhus])
    for n in range(5):
        place_create(name=f"Quarter {n}", kind=PlaceKind.DISTRICT, parent=aarhus)
        partner = place_create(name=f"Partner {n}", kind=PlaceKind.CITY)
        if n % 2:
            partnership_create(party_a=aarhus, party_b=partner, kind="sister_city", since="1946")
        else:
            partnership_create(party_a=partner, party_b=aarhus, kind="friendship_city")
    with django_assert_max_num_queries(9):
        response = client.get(aarhus.get_absolute_url())
    content = response.content.decode()
    assert "Region Midtjylland" in content and "Denmark" in content
    assert "Quarter 4" in content
    assert group.get_absolute_url() in content
    assert "Århus" in content and "奥胡斯" in content
    assert "367,095" in content
    assert "https://www.geonames.org/2624652" in content
    assert "https://www.wikidata.org/wiki/Q25319" in content
    assert "since 1946" in content
    assert all(f"Partner {n}" in content for n in range(5))


def test_detail_lists_only_visible_partnerships(client):
    owner = make_organisation("Owner")
    aarhus = place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY)
    bergen = place_create(name="Bergen", kind=PlaceKind.MUNICIPALITY)
    turku = place_create(name="Turku", kind=PlaceKind.MUNICIPALITY)
    partnership_create(party_a=aarhus, party_b=bergen, kind="sister_city")
    partnership_create(
        party_a=turku, party_b=aarhus, kind="sister_city", is_public=False, owner=owner
    )
    assert b"Turku" not in client.get(aarhus.get_absolute_url()).content
    client.force_login(make_user("member", viewer_of=owner))
    assert b"Turku" in client.get(aarhus.get_absolute_url()).content


def test_group_members_show_on_the_group(client):
    ballerup = place_create(name="Ballerup", kind=PlaceKind.MUNICIPALITY)
    egedal = place_create(name="Egedal", kind=PlaceKind.MUNICIPALITY)
    group = place_create(name="Bycirklen", kind=PlaceKind.GROUP, members=[ballerup, egedal])
    content = client.get(group.get_absolute_url()).content.decode()
    assert ballerup.get_absolute_url() in content and egedal.get_absolute_url() in content


def test_unknown_place_is_404(client):
    assert client.get(reverse("places:detail", args=[999])).status_code == 404


def test_only_editors_may_create_places(client):
    client.force_login(make_user("viewer", viewer_of=make_organisation("Owner")))
    assert client.get(reverse("places:create")).status_code == 403


def test_any_editor_may_edit_a_place(client):
    place = place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY)
    client.force_login(make_user("editor", editor_of=make_organisation("Somewhere else")))
    assert client.get(reverse("places:edit", args=[place.pk])).status_code == 200


def test_create_via_form_saves_and_records_history_with_user(client):
    editor = make_user("editor", editor_of=make_organisation("Owner"))
    client.force_login(editor)
    response = client.post(
        reverse("places:create"),
        {"name": "Sønderborg", "kind": PlaceKind.MUNICIPALITY, "country": "DK"},
    )
    place = Place.objects.get(name="Sønderborg")
    assert response.status_code == 302
    assert place.search_key == "sonderborg"
    assert place.history.get().history_user == editor


def test_edit_via_form_shows_changed_fields_in_history(client):
    place = place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY, country="DK")
    client.force_login(make_user("editor", editor_of=make_organisation("Owner")))
    response = client.post(
        reverse("places:edit", args=[place.pk]),
        {"name": "Aarhus", "kind": PlaceKind.MUNICIPALITY, "country": "DK", "population": "1"},
    )
    assert response.status_code == 302
    history = client.get(place.get_absolute_url()).context["history"]
    assert [c.action for c in history] == ["changed", "created"]
    assert history[0].fields == ["population"]
    assert history[0].who.username == "editor"


def test_form_rejects_latitude_without_longitude(client):
    client.force_login(make_user("editor", editor_of=make_organisation("Owner")))
    response = client.post(
        reverse("places:create"), {"name": "X", "kind": PlaceKind.CITY, "latitude": "10"}
    )
    assert response.status_code == 200
    assert not Place.objects.filter(name="X").exists()


def test_place_name_added_is_searchable(client):
    place = place_create(name="Aarhus", kind=PlaceKind.MUNICIPALITY)
    place_name_add(place=place, name="Aros", language="other")
    assert _names(client, q="aros") == ["Aarhus"]
