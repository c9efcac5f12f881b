import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from twinning.partnerships.services import partnership_update
from twinning.partnerships.tests.factories import (
    make_agreement,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.people.models import Person

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboard:index")


def days_ahead(days: int) -> str:
    return (timezone.localdate() + dt.timedelta(days=days)).isoformat()


def test_dashboard_lists_agreements_due_within_180_days_only(client):
    soon = make_partnership(make_place("Aarhus"), make_place("Bergen", "NO"))
    later = make_partnership(make_place("Odense"), make_place("Turku", "FI"))
    make_agreement(soon, title="Renewal due soon", signed="2020", expires=days_ahead(90))
    make_agreement(later, title="Renewal due later", signed="2020", expires=days_ahead(400))

    response = client.get(DASHBOARD)

    body = response.content.decode()
    assert response.status_code == 200
    assert "Renewal due soon" in body
    assert "Renewal due later" not in body


def test_dashboard_counts_only_what_the_visitor_may_see(client):
    org = make_organisation("Aarhus Kommune")
    aarhus = make_place("Aarhus")
    make_partnership(aarhus, make_place("Bergen", "NO"), owner=org)
    make_partnership(
        aarhus, make_place("St Petersburg", "RU"), status="terminated", until="2022", owner=org
    )
    make_partnership(aarhus, make_place("Wuxi", "CN"), owner=org, is_public=False)
    Person.objects.create(name="Hidden", owner=org, is_public=False)

    anonymous = client.get(DASHBOARD).context["counts"]
    client.force_login(make_user("viewer", viewer_of=org))
    member = client.get(DASHBOARD).context["counts"]

    by_status = {s["value"]: s["count"] for s in anonymous["partnerships_by_status"]}
    assert anonymous["partnerships"] == 2
    assert by_status["active"] == 1 and by_status["terminated"] == 1
    assert anonymous["people"] == 0
    assert anonymous["places"] == 4
    assert member["partnerships"] == 3
    assert member["people"] == 1


def test_recent_changes_name_who_changed_which_fields(client, rf):
    org = make_organisation("Aarhus Kommune")
    partnership = make_partnership(make_place("Aarhus"), make_place("Bergen", "NO"), owner=org)
    editor = make_user("editor", editor_of=org)
    client.force_login(editor)
    client.post(
        reverse("partnerships:update", args=[partnership.pk]),
        {
            "party_a": partnership.party_a_id,
            "party_b": partnership.party_b_id,
            "kind": "sister_city",
            "status": "dormant",
            "owner": org.pk,
            "is_public": "on",
        },
    )

    changes = client.get(DASHBOARD).context["changes"]

    latest = changes[0]
    assert latest.label == "Aarhus – Bergen"
    assert latest.who == editor
    assert latest.fields == ["status"]


def test_recent_changes_leave_out_private_records(client):
    org = make_organisation("Aarhus Kommune")
    private = make_partnership(
        make_place("Aarhus"), make_place("Wuxi", "CN"), owner=org, is_public=False
    )
    partnership_update(partnership=private, notes="secret plans")

    labels = {change.label for change in client.get(DASHBOARD).context["changes"]}

    assert "Aarhus – Wuxi" not in labels
    assert "Wuxi" in labels


def test_dashboard_query_count_is_bounded(client, django_assert_max_num_queries):
    aarhus = make_place("Aarhus")
    for number in range(8):
        partnership = make_partnership(aarhus, make_place(f"Partner {number}", "CN"))
        partnership_update(partnership=partnership, notes=f"note {number}")
        make_agreement(partnership, signed="2020", expires=days_ahead(30 + number))

    # One of them reads the site's name and logo for the header, cached afterwards.
    with django_assert_max_num_queries(17):
        response = client.get(DASHBOARD)
    assert len(response.context["due"]) == 8
    # Once drawn, the dashboard's body comes from the fragment cache: only the stamp is read.
    with django_assert_max_num_queries(1):
        again = client.get(DASHBOARD)
    assert again.content.count(b"<tr>") == response.content.count(b"<tr>") == 9


def test_dashboard_shows_a_change_at_once_despite_the_fragment_cache(client):
    partnership = make_partnership(make_place("Aarhus"), make_place("Harbin", "CN"))
    client.get(DASHBOARD)

    make_agreement(partnership, signed="2020", expires=days_ahead(40), title="Renew with Harbin")

    assert "Renew with Harbin" in client.get(DASHBOARD).content.decode()
