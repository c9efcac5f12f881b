import json
from decimal import Decimal

import pytest
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.models import Partnership
from twinning.places.models import Place
from twinning.projects.models import Project, ProjectParty, ProjectPhase
from twinning.projects.services import project_create, project_party_add, project_phase_set

pytestmark = pytest.mark.django_db

URL = "/api/projects"


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
def project(owner, partnership):
    return project_create(title="Soil remediation", partnerships=[partnership], owner=owner)


def test_editor_with_token_creates_a_project(editor, owner, partnership):
    response = send(
        "post",
        URL,
        {
            "title": "District heating",
            "partnerships": [partnership.pk],
            "value_min": "1000000",
            "value_max": "2500000",
            "currency": "eur",
        },
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["partnerships"], body["currency"]) == ([partnership.pk], "EUR")
    project = Project.objects.get()
    assert (project.owner, project.value_max) == (owner, Decimal("2500000"))


def test_patch_changes_only_the_given_fields(editor, project, partnership):
    response = send("patch", f"{URL}/{project.pk}", {"status": "contracted"}, **bearer(editor))

    assert response.status_code == 200, response.content
    project.refresh_from_db()
    assert (project.status, project.title) == ("contracted", "Soil remediation")
    assert list(project.partnerships.all()) == [partnership]


def test_delete_removes_the_project_with_parties_and_phases(editor, project):
    project_party_add(project=project, organisation=make_organisation("GEO A/S"))
    project_phase_set(project=project, number=1)

    response = send("delete", f"{URL}/{project.pk}", **bearer(editor))

    assert response.status_code == 204
    assert not Project.objects.exists()
    assert not ProjectParty.objects.exists() and not ProjectPhase.objects.exists()


def test_parties_are_added_changed_and_removed(editor, project, partnership):
    headers = bearer(editor)
    geo = make_organisation("GEO A/S")
    base = f"{URL}/{project.pk}/parties"

    added = send("post", base, {"organisation": geo.pk, "role": "lead"}, **headers)
    assert added.status_code == 201, added.content
    assert (added.json()["id"], added.json()["kind"], added.json()["role"]) == (
        geo.pk,
        "organisation",
        "lead",
    )
    both = send("post", base, {"organisation": geo.pk, "place": partnership.party_a_id}, **headers)
    assert both.status_code == 422
    neither = send("post", base, {"role": "client"}, **headers)
    assert neither.status_code == 422

    party_id = added.json()["party_id"]
    changed = send("patch", f"{base}/{party_id}", {"role": "client"}, **headers)
    assert changed.json()["role"] == "client"
    assert send("delete", f"{base}/{party_id}", **headers).status_code == 204
    assert not ProjectParty.objects.exists()


def test_phases_are_added_changed_and_removed_by_number(editor, project):
    headers = bearer(editor)
    base = f"{URL}/{project.pk}/phases"

    first = send("post", base, {"number": 1, "start": "2014-04", "notes": "Survey"}, **headers)
    assert first.status_code == 201, first.content
    assert (first.json()["start"], first.json()["notes"]) == ("2014-04", "Survey")
    again = send("post", base, {"number": 1}, **headers)
    assert again.status_code == 422
    assert ProjectPhase.objects.count() == 1

    impossible = send("patch", f"{base}/1", {"end": "2014-02-30"}, **headers)
    assert impossible.status_code == 422
    assert "end" in impossible.json()["detail"]
    backwards = send("patch", f"{base}/1", {"end": "2013"}, **headers)
    assert backwards.status_code == 422
    done = send("patch", f"{base}/1", {"status": "done", "end": "2015"}, **headers)
    assert (done.json()["status"], done.json()["end"]) == ("done", "2015")
    assert send("delete", f"{base}/2", **headers).status_code == 404
    assert send("delete", f"{base}/1", **headers).status_code == 204
    assert not ProjectPhase.objects.exists()


def test_writes_without_credentials_are_401(project):
    assert send("post", URL, {"title": "X"}).status_code == 401
    assert send("patch", f"{URL}/{project.pk}", {"title": "Y"}).status_code == 401
    assert send("post", f"{URL}/{project.pk}/phases", {"number": 1}).status_code == 401
    assert send("delete", f"{URL}/{project.pk}").status_code == 401
    assert Project.objects.get().title == "Soil remediation"


def test_viewers_and_other_organisations_editors_get_403(owner, project, stranger):
    viewer = make_user("viewer", viewer_of=owner)

    created = send("post", URL, {"title": "X"}, **bearer(viewer))
    patched = send("patch", f"{URL}/{project.pk}", {"title": "Y"}, **bearer(stranger))
    phase = send("post", f"{URL}/{project.pk}/phases", {"number": 1}, **bearer(stranger))
    deleted = send("delete", f"{URL}/{project.pk}", **bearer(stranger))

    assert [r.status_code for r in (created, patched, phase, deleted)] == [403] * 4
    assert Project.objects.get().title == "Soil remediation"
    assert not ProjectPhase.objects.exists()


def test_private_project_of_another_organisation_is_404(owner, stranger):
    hidden = project_create(title="Secret", owner=owner, is_public=False)

    assert (
        send("patch", f"{URL}/{hidden.pk}", {"title": "Y"}, **bearer(stranger)).status_code == 404
    )
    assert send("delete", f"{URL}/{hidden.pk}", **bearer(stranger)).status_code == 404


@pytest.mark.parametrize(
    "data",
    [
        {"title": "X", "value_min": "10", "value_max": "5"},
        {"title": "X", "currency": "euro"},
        {"title": "X", "partnerships": [999999]},
        {"title": "X", "status": "bogus"},
        {"title": ""},
    ],
)
def test_invalid_project_is_422_and_nothing_saved(editor, data):
    response = send("post", URL, data, **bearer(editor))

    assert response.status_code == 422, response.content
    assert not Project.objects.exists()


def test_csv_export_has_a_header_and_a_row_per_match(owner):
    for n in range(3):
        project_create(title=f"Project {n}", owner=owner)

    response = Client().get(f"{URL}?format=csv&limit=1")

    assert response.status_code == 200
    assert 'projects.csv"' in response["Content-Disposition"]
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("id,title,status,value_min,value_max,currency")
    assert len(lines) == 4


def test_list_query_count_with_a_token_does_not_grow(
    editor, owner, partnership, django_assert_max_num_queries
):
    headers = bearer(editor)
    for n in range(6):
        p = project_create(title=f"P{n}", partnerships=[partnership], owner=owner)
        project_party_add(project=p, organisation=make_organisation(f"Org {n}"))
        project_phase_set(project=p, number=1)
        if n == 0:
            with django_assert_max_num_queries(8):
                Client().get(URL, **headers)
    with django_assert_max_num_queries(8):
        assert Client().get(URL, **headers).json()["count"] == 6
