import pytest
from django.urls import reverse

from twinning.organisations.models import Organisation, OrganisationKind
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.people.services import person_create, post_create
from twinning.places.services import place_create
from twinning.sources.services import source_create

pytestmark = pytest.mark.django_db


def test_anonymous_list_shows_public_organisations_only(client):
    make_organisation("Open Department")
    make_organisation("Hidden Department", is_public=False)
    response = client.get(reverse("organisations:list"))
    assert response.status_code == 200
    assert b"Open Department" in response.content
    assert b"Hidden Department" not in response.content


def test_private_organisation_is_404_for_anonymous_and_shown_to_members(client):
    owner = make_organisation("Owner")
    hidden = make_organisation("Hidden Department", is_public=False, owner=owner)
    url = reverse("organisations:detail", args=[hidden.pk])
    assert client.get(url).status_code == 404
    client.force_login(make_user("member", viewer_of=owner))
    assert client.get(url).status_code == 200


def test_editor_of_another_organisation_gets_403_on_edit(client):
    owner = make_organisation("Owner")
    other = make_organisation("Other")
    record = make_organisation("Unit", owner=owner)
    client.force_login(make_user("stranger", editor_of=other))
    assert client.get(reverse("organisations:edit", args=[record.pk])).status_code == 403


def test_viewer_cannot_create(client):
    client.force_login(make_user("viewer", viewer_of=make_organisation("Owner")))
    assert client.get(reverse("organisations:create")).status_code == 403


def test_anonymous_is_sent_to_login_from_create(client):
    response = client.get(reverse("organisations:create"))
    assert response.status_code == 302
    assert reverse("login") in response["Location"]


def test_create_via_form_saves_and_records_history_with_user(client):
    owner = make_organisation("Owner")
    editor = make_user("editor", editor_of=owner)
    client.force_login(editor)
    response = client.post(
        reverse("organisations:create"),
        {
            "name": "Business Aarhus",
            "kind": OrganisationKind.AGENCY,
            "owner": owner.pk,
            "is_public": "on",
        },
    )
    created = Organisation.objects.get(name="Business Aarhus")
    assert response.status_code == 302
    assert response["Location"] == created.get_absolute_url()
    assert created.owner == owner
    assert created.history.get().history_user == editor


def test_owner_choices_are_limited_to_the_editors_organisations(client):
    owner = make_organisation("Owner")
    other = make_organisation("Other")
    client.force_login(make_user("editor", editor_of=owner))
    response = client.post(
        reverse("organisations:create"),
        {"name": "Sneaky", "kind": OrganisationKind.AGENCY, "owner": other.pk},
    )
    assert response.status_code == 200
    assert "owner" in response.context["form"].errors
    assert not Organisation.objects.filter(name="Sneaky").exists()


def test_edit_shows_changed_fields_in_history(client):
    owner = make_organisation("Owner")
    record = make_organisation("Unit", owner=owner)
    client.force_login(make_user("editor", editor_of=owner))
    client.post(
        reverse("organisations:edit", args=[record.pk]),
        {
            "name": "Unit",
            "kind": record.kind,
            "owner": owner.pk,
            "website": "https://x.dk",
            "is_public": "on",
        },
    )
    response = client.get(record.get_absolute_url())
    history = response.context["history"]
    assert history[0].who.username == "editor"
    assert history[0].fields == ["website"]


def test_filters_by_kind_country_and_search(client):
    aarhus = place_create(name="Aarhus", kind="municipality", country="DK")
    wuxi = place_create(name="Wuxi", kind="city", country="CN")
    make_organisation("Aarhus School", kind=OrganisationKind.SCHOOL, place=aarhus)
    make_organisation("Wuxi Bureau", kind=OrganisationKind.AGENCY, place=wuxi)
    url = reverse("organisations:list")

    def names(**params):
        page = client.get(url, params).context["page"]
        return [o.name for o in page.object_list]

    assert names(kind="school") == ["Aarhus School"]
    assert names(country="CN") == ["Wuxi Bureau"]
    assert names(place=aarhus.pk) == ["Aarhus School"]
    assert names(q="århus") == ["Aarhus School"]
    assert names(q="bureau") == ["Wuxi Bureau"]


def test_htmx_request_gets_only_the_results(client):
    make_organisation("Open Department")
    response = client.get(reverse("organisations:list"), headers={"HX-Request": "true"})
    assert b"Open Department" in response.content
    assert b"<html" not in response.content
    assert b'class="results"' in response.content


def test_list_query_count_does_not_grow_with_rows(client, django_assert_max_num_queries):
    place = place_create(name="Aarhus", kind="municipality", country="DK")
    parent = make_organisation("Parent")
    for n in range(30):
        make_organisation(f"Unit {n}", place=place, parent=parent)
    client.force_login(make_user("viewer", viewer_of=parent))
    with django_assert_max_num_queries(8):
        response = client.get(reverse("organisations:list"))
    assert len(response.context["page"].object_list) == 31


def test_detail_lists_units_people_and_sources_with_few_queries(
    client, django_assert_max_num_queries
):
    owner = make_organisation("Owner")
    record = make_organisation("Department", owner=owner)
    for n in range(5):
        make_organisation(f"Unit {n}", parent=record)
        person = person_create(name=f"Person {n}")
        post_create(person=person, role="consultant", organisation=record, start="2013-06")
        source_create(title=f"Report {n}", kind="report", publisher=record)
    hidden = person_create(name="Hidden Person", is_public=False, owner=owner)
    post_create(person=hidden, role="secret", organisation=record)
    with django_assert_max_num_queries(6):
        response = client.get(record.get_absolute_url())
    content = response.content.decode()
    assert "Unit 4" in content
    assert "Person 4" in content
    assert "June 2013" in content
    assert "Report 4" in content
    assert "Hidden Person" not in content
