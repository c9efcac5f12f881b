import json

import pytest
from django.test import Client
from django.urls import reverse

from twinning.accounts.services import api_token_create
from twinning.partnerships.tests.factories import (
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.reports.models import EvaluationReport
from twinning.reports.services import report_create

pytestmark = pytest.mark.django_db

URL = "/api/reports"


def bearer(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


@pytest.fixture
def office():
    return make_organisation("Ballerup Kommune")


@pytest.fixture
def editor(office):
    return make_user("editor", editor_of=office)


@pytest.fixture
def stranger():
    return make_user("stranger", editor_of=make_organisation("Elsewhere"))


@pytest.fixture
def partnership(office):
    return make_partnership(make_place("Ballerup"), make_place("Wuxi", "CN"), owner=office)


@pytest.fixture
def report(partnership, office):
    return report_create(
        party=partnership.party_a,
        partnership=partnership,
        from_year=2013,
        to_year=2014,
        title="Evaluation 2013–2014",
        owner=office,
    )


def test_editor_with_token_creates_a_report_and_is_its_author(editor, office, partnership):
    response = send(
        "post",
        URL,
        {
            "partnership": partnership.pk,
            "party": partnership.party_a_id,
            "from_year": 2013,
            "to_year": 2015,
            "language": "en",
            "summary": "A good start.",
        },
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["summary"], body["language"], body["party_name"]) == (
        "A good start.",
        "en",
        "Ballerup",
    )
    report = EvaluationReport.objects.get()
    assert body["pdf_url"] == reverse("reports:pdf", args=[report.pk])
    assert (report.owner, report.author, report.is_public) == (office, editor, False)


def test_patch_changes_only_the_written_fields_given(editor, report):
    response = send(
        "patch", f"{URL}/{report.pk}", {"recommendation": "Keep going."}, **bearer(editor)
    )

    assert response.status_code == 200, response.content
    report.refresh_from_db()
    assert (report.recommendation, report.title, report.to_year) == (
        "Keep going.",
        "Evaluation 2013–2014",
        2014,
    )


def test_delete_removes_the_report(editor, report):
    response = send("delete", f"{URL}/{report.pk}", **bearer(editor))

    assert response.status_code == 204
    assert not EvaluationReport.objects.exists()


@pytest.mark.parametrize(
    "change",
    [
        {"to_year": 2012},
        {"from_year": 1800},
        {"party": "other"},
        {"partnership": 999999},
        {"language": "de"},
    ],
)
def test_invalid_report_is_422_and_nothing_saved(editor, partnership, change):
    data = {
        "partnership": partnership.pk,
        "party": partnership.party_a_id,
        "from_year": 2013,
        "to_year": 2014,
    } | change
    if data["party"] == "other":
        data["party"] = make_place("Aarhus").pk

    response = send("post", URL, data, **bearer(editor))

    assert response.status_code == 422, response.content
    assert not EvaluationReport.objects.exists()


def test_invalid_patch_leaves_the_report_as_it_was(editor, report):
    response = send("patch", f"{URL}/{report.pk}", {"from_year": 2015}, **bearer(editor))

    assert response.status_code == 422
    assert "to_year" in response.json()["detail"]
    report.refresh_from_db()
    assert report.from_year == 2013


def test_writes_without_credentials_are_401(report):
    assert send("post", URL, {"title": "X"}).status_code == 401
    assert send("patch", f"{URL}/{report.pk}", {"title": "Y"}).status_code == 401
    assert send("delete", f"{URL}/{report.pk}").status_code == 401
    assert EvaluationReport.objects.get().title == "Evaluation 2013–2014"


def test_viewers_get_403_and_other_organisations_get_404_for_private_reports(
    office, partnership, report, stranger
):
    viewer = make_user("viewer", viewer_of=office)
    data = {
        "partnership": partnership.pk,
        "party": partnership.party_a_id,
        "from_year": 2013,
        "to_year": 2014,
    }

    assert send("post", URL, data, **bearer(viewer)).status_code == 403
    assert send("patch", f"{URL}/{report.pk}", {"title": "Y"}, **bearer(viewer)).status_code == 403
    assert send("delete", f"{URL}/{report.pk}", **bearer(stranger)).status_code == 404
    report.is_public = True
    report.save()
    assert send("delete", f"{URL}/{report.pk}", **bearer(stranger)).status_code == 403
    assert EvaluationReport.objects.get().title == "Evaluation 2013–2014"


def test_csv_export_has_a_header_and_a_row_per_match(partnership, office):
    for year in (2013, 2015, 2017):
        report_create(
            party=partnership.party_a,
            partnership=partnership,
            from_year=year,
            to_year=year + 1,
            owner=office,
            is_public=True,
        )

    response = Client().get(f"{URL}?format=csv&limit=1")

    assert response.status_code == 200
    assert 'reports.csv"' in response["Content-Disposition"]
    lines = response.content.decode().strip().splitlines()
    assert lines[0].startswith("id,title,party,party_name,partnership,from_year,to_year")
    assert len(lines) == 4


def test_list_query_count_with_a_token_does_not_grow(
    editor, partnership, office, django_assert_max_num_queries
):
    headers = bearer(editor)
    for year in range(2000, 2006):
        report_create(
            party=partnership.party_a,
            partnership=partnership,
            from_year=year,
            to_year=year,
            owner=office,
        )
    with django_assert_max_num_queries(6):
        assert Client().get(URL, **headers).json()["count"] == 6
