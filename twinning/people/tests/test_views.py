import pytest
from django.urls import reverse

from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.services import (
    agreement_create,
    partnership_create,
    partnership_person_add,
)
from twinning.people.models import Person
from twinning.people.services import person_create, post_create
from twinning.places.services import place_create

pytestmark = pytest.mark.django_db


def _names(client, **params):
    response = client.get(reverse("people:list"), params)
    return [p.name for p in response.context["page"].object_list]


def test_anonymous_list_shows_public_people_only(client):
    person_create(name="Jacob Bundsgaard")
    person_create(name="Private Person", is_public=False)
    assert _names(client) == ["Jacob Bundsgaard"]


def test_private_person_is_404_for_anonymous_and_shown_to_members(client):
    owner = make_organisation("Owner")
    hidden = person_create(name="Private Person", is_public=False, owner=owner)
    url = reverse("people:detail", args=[hidden.pk])
    assert client.get(url).status_code == 404
    client.force_login(make_user("member", viewer_of=owner))
    assert client.get(url).status_code == 200


def test_editor_of_another_organisation_gets_403(client):
    owner = make_organisation("Owner")
    person = person_create(name="Someone", owner=owner)
    client.force_login(make_user("stranger", editor_of=make_organisation("Other")))
    assert client.get(reverse("people:edit", args=[person.pk])).status_code == 403
    assert client.get(reverse("people:post_create", args=[person.pk])).status_code == 403


def test_create_via_form_saves_and_records_history_with_user(client):
    owner = make_organisation("Owner")
    editor = make_user("editor", editor_of=owner)
    client.force_login(editor)
    response = client.post(
        reverse("people:create"),
        {"name": "Anne Jensen", "email": "anne@example.org", "owner": owner.pk},
    )
    person = Person.objects.get(name="Anne Jensen")
    assert response.status_code == 302
    assert person.owner == owner
    assert person.is_public is False
    assert person.history.get().history_user == editor


def test_adding_a_post_via_form_shows_its_dates(client):
    owner = make_organisation("Owner")
    person = person_create(name="Anne Jensen", owner=owner)
    client.force_login(make_user("editor", editor_of=owner))
    response = client.post(
        reverse("people:post_create", args=[person.pk]),
        {"role": "chief consultant", "organisation": owner.pk, "start": "2013-06", "end": "2016"},
    )
    assert response.status_code == 302
    content = client.get(person.get_absolute_url()).content.decode()
    assert "chief consultant" in content
    assert "June 2013" in content and "2016" in content


def test_post_form_rejects_an_end_before_the_start(client):
    owner = make_organisation("Owner")
    person = person_create(name="Anne Jensen", owner=owner)
    client.force_login(make_user("editor", editor_of=owner))
    response = client.post(
        reverse("people:post_create", args=[person.pk]),
        {"role": "mayor", "start": "2013-06", "end": "2013-05"},
    )
    assert response.status_code == 200
    assert not person.posts.exists()


def test_filters_by_organisation_role_and_name(client):
    school = make_organisation("Borupgaard Gymnasium")
    city = make_organisation("Ballerup Kommune")
    teacher = person_create(name="Teacher One")
    mayor = person_create(name="Mayor Two")
    post_create(person=teacher, role="Teacher", organisation=school)
    post_create(person=teacher, role="Teacher of Chinese", organisation=school)
    post_create(person=mayor, role="Mayor", organisation=city)
    assert _names(client, organisation=school.pk) == ["Teacher One"]
    assert _names(client, role="mayor") == ["Mayor Two"]
    assert _names(client, role="teacher") == ["Teacher One"]
    assert _names(client, q="two") == ["Mayor Two"]


def test_htmx_request_gets_only_the_results(client):
    person_create(name="Anne Jensen")
    response = client.get(reverse("people:list"), headers={"HX-Request": "true"})
    assert b"Anne Jensen" in response.content
    assert b"<html" not in response.content


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    org = make_organisation("Aarhus Kommune")
    place = place_create(name="Aarhus", kind="municipality")
    for n in range(30):
        person = person_create(name=f"Person {n:02d}")
        post_create(person=person, role="consultant", organisation=org, place=place)
    with django_assert_max_num_queries(5):
        response = client.get(reverse("people:list"))
    assert b"Person 29" in response.content


def test_detail_shows_posts_partnerships_and_agreements(client, django_assert_max_num_queries):
    owner = make_organisation("Owner")
    wuxi = place_create(name="Wuxi", kind="city")
    person = person_create(name="Mayor of Ballerup")
    for n in range(4):
        partner = place_create(name=f"Ballerup {n}", kind="municipality")
        partnership = partnership_create(party_a=partner, party_b=wuxi, kind="sister_city")
        partnership_person_add(partnership=partnership, person=person, role="political lead")
        post = post_create(person=person, role=f"mayor {n}", place=partner, start=f"201{n}")
        agreement_create(
            partnership=partnership,
            kind="renewal",
            signed="2013-06",
            title=f"Renewal {n}",
            signatories=[post],
        )
    hidden = place_create(name="Hidden Town", kind="city")
    secret = partnership_create(
        party_a=hidden, party_b=wuxi, kind="sister_city", is_public=False, owner=owner
    )
    partnership_person_add(partnership=secret, person=person)
    with django_assert_max_num_queries(8):
        response = client.get(person.get_absolute_url())
    content = response.content.decode()
    assert "mayor 3" in content and "2013" in content
    assert "Ballerup 3 – Wuxi" in content and "political lead" in content
    assert "Renewal 3" in content and "June 2013" in content
    assert "Hidden Town" not in content


def test_contact_details_are_hidden_from_anonymous_visitors(client):
    person = person_create(name="Anne Jensen", email="anne@example.org")
    assert b"anne@example.org" not in client.get(person.get_absolute_url()).content
    client.force_login(make_user("someone"))
    assert b"anne@example.org" in client.get(person.get_absolute_url()).content


def test_create_form_offers_only_the_editors_organisations_as_owner(client):
    owner = make_organisation("Owner")
    make_organisation("Other")
    client.force_login(make_user("editor", editor_of=owner))
    response = client.get(reverse("people:create"))
    assert response.status_code == 200
    assert list(response.context["form"].fields["owner"].queryset) == [owner]
