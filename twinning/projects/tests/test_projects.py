from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
from twinning.projects.models import Project, ProjectPhase
from twinning.projects.services import (
    project_create,
    project_party_add,
    project_phase_set,
    project_update,
)

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
def project(partnership, owner):
    project = project_create(
        title="Soil remediation",
        partnerships=[partnership],
        value_min=Decimal("150000000"),
        value_max=Decimal("500000000"),
        status="on_hold",
        owner=owner,
    )
    project_party_add(project=project, organisation=make_organisation("GEO A/S"), role="lead")
    project_phase_set(project=project, number=1, start="2014-04", status="contracted")
    project_phase_set(project=project, number=2, status="on_hold")
    return project


def test_value_max_below_min_is_rejected(project):
    with pytest.raises(ValidationError):
        project_update(project=project, value_max=Decimal("1"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.filter(pk=project.pk).update(value_max=Decimal("1"))


def test_currency_must_be_an_iso_code(project):
    assert project.currency == "DKK"
    with pytest.raises(ValidationError):
        project_update(project=project, currency="kroner")


def test_phase_numbers_are_unique_per_project(project):
    project_phase_set(project=project, number=1, status="done")
    assert project.phases.get(number=1).status == "done"
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectPhase.objects.create(project=project, number=2)


def test_party_needs_organisation_or_place(project):
    with pytest.raises(ValidationError):
        project_party_add(project=project, role="partner")


def test_api_shape_filters_and_privacy(client, project, partnership, owner):
    body = client.get("/api/projects", {"partnership": partnership.pk}).json()
    item = body["items"][0]
    assert Decimal(item["value_min"]) == 150000000 and item["currency"] == "DKK"
    assert item["parties"] == [
        {
            "kind": "organisation",
            "id": item["parties"][0]["id"],
            "party_id": item["parties"][0]["party_id"],
            "name": "GEO A/S",
            "role": "lead",
        }
    ]
    assert [p["status"] for p in item["phases"]] == ["contracted", "on_hold"]
    assert client.get("/api/projects", {"status": "done"}).json()["count"] == 0
    assert client.get("/api/projects", {"status": "bogus"}).status_code == 422
    project_update(project=project, is_public=False)
    assert client.get("/api/projects").json()["count"] == 0
    assert client.get(f"/api/projects/{project.pk}").status_code == 404
    client.force_login(make_user("member", viewer_of=owner))
    assert client.get(f"/api/projects/{project.pk}").json()["title"] == "Soil remediation"


def test_pages_forms_and_partial(client, project, partnership, owner):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template
    from django.test import RequestFactory

    assert "Soil remediation" in client.get("/projects/").content.decode()
    assert "GEO A/S" in client.get(f"/projects/{project.pk}/").content.decode()
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = Template("{% load projects_tags %}{% partnership_projects partnership %}").render(
        Context({"request": request, "partnership": partnership})
    )
    assert "Soil remediation" in html
    assert client.get(f"/projects/{project.pk}/edit/").status_code == 302
    client.force_login(make_user("other", editor_of=make_organisation("Elsewhere")))
    assert client.get(f"/projects/{project.pk}/edit/").status_code == 403
    client.force_login(make_user("editor", editor_of=owner))
    response = client.post(
        "/projects/new/",
        {
            "title": "New idea",
            "status": "idea",
            "currency": "eur",
            "owner": owner.pk,
            "partnerships": [partnership.pk],
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    assert Project.objects.get(title="New idea").currency == "EUR"


def test_query_counts(client, partnership, owner, django_assert_max_num_queries):
    for n in range(10):
        p = project_create(title=f"P{n}", partnerships=[partnership], owner=owner)
        project_party_add(project=p, organisation=make_organisation(f"Org {n}"))
        project_phase_set(project=p, number=1)
    with django_assert_max_num_queries(5):
        client.get("/api/projects")
    with django_assert_max_num_queries(7):
        client.get("/projects/")
    with django_assert_max_num_queries(8):
        client.get(f"/projects/{p.pk}/")
