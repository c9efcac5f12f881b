"""Costs, staff time and members' shares over the API."""

import json
from decimal import Decimal

import pytest
from django.test import Client

from twinning.accounts.models import Role
from twinning.accounts.services import api_token_create, membership_set, user_create
from twinning.organisations.tests.factories import make_organisation
from twinning.partnerships.tests.factories import make_partnership, make_place
from twinning.places.models import PlaceKind
from twinning.strategies.models import BudgetContribution, CostEntry, StaffTime
from twinning.strategies.services import budget_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    office, other = make_organisation("Office"), make_organisation("Elsewhere")
    ballerup, egedal = make_place("Ballerup"), make_place("Egedal")
    bycirklen = make_place("Bycirklen", kind=PlaceKind.GROUP)
    bycirklen.members.set([ballerup, egedal])
    partnership = make_partnership(bycirklen, make_place("Wuxi", "CN"))
    partnership.owner = office
    partnership.save()
    budget = budget_create(party=bycirklen, year=2015, total=Decimal(1000), owner=office)
    users = {}
    for name, org in [("editor", office), ("stranger", other)]:
        users[name] = user_create(username=name, password=f"pw-{name}-123456")
        membership_set(user=users[name], organisation=org, role=Role.EDITOR)
    return {**locals(), **users}


def _as(user):
    _token, key = api_token_create(user=user, name="script")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def _send(method, url, data=None, **headers):
    body = json.dumps(data) if data is not None else ""
    return getattr(Client(), method)(url, body, content_type="application/json", **headers)


def test_an_editor_records_changes_and_deletes_a_cost_others_never_see_it(world):
    editor, stranger = _as(world["editor"]), _as(world["stranger"])
    cost = {
        "partnership": world["partnership"].pk,
        "party": world["ballerup"].pk,
        "date": "2015-03-02",
        "amount": "12000.00",
        "currency": "dkk",
        "category": "travel",
        "description": "Flights to Shanghai",
    }
    assert _send("post", "/api/costs", cost, **stranger).status_code == 403
    created = _send("post", "/api/costs", cost, **editor)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["currency"] == "DKK" and body["party_name"] == "Ballerup"
    listed = Client().get("/api/costs", {"year": 2015}, **editor).json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    assert Client().get("/api/costs", **stranger).json()["count"] == 0
    assert Client().get("/api/costs").json()["count"] == 0
    url = f"/api/costs/{body['id']}"
    assert _send("patch", url, {"amount": "9000"}, **stranger).status_code == 404
    changed = _send("patch", url, {"amount": "9000"}, **editor)
    assert changed.status_code == 200 and changed.json()["amount"] == "9000.00"
    refused = _send("patch", url, {"amount": "-1"}, **editor)
    assert refused.status_code == 422
    assert _send("delete", url, **editor).status_code == 204
    assert not CostEntry.objects.exists()


def test_staff_time_is_recorded_by_role_and_replaced_when_given_again(world):
    editor = _as(world["editor"])
    row = {
        "partnership": world["partnership"].pk,
        "party": world["bycirklen"].pk,
        "year": 2015,
        "role": "China project manager",
        "fte": "0.5",
    }
    first = _send("post", "/api/staff-time", row, **editor)
    assert first.status_code == 201, first.content
    again = _send("post", "/api/staff-time", {**row, "fte": "0.6"}, **editor)
    assert again.json()["id"] == first.json()["id"] and again.json()["fte"] == "0.60"
    missing = _send("post", "/api/staff-time", {**row, "role": "", "fte": None}, **editor)
    assert missing.status_code == 422
    assert StaffTime.objects.get().fte == Decimal("0.6")


def test_members_shares_of_a_group_budget_are_set_checked_and_removed(world):
    editor, budget = _as(world["editor"]), world["budget"]
    url = f"/api/budgets/{budget.pk}/contributions"
    ballerup, egedal = world["ballerup"], world["egedal"]
    created = _send("post", url, {"member": ballerup.pk, "share": "0.6"}, **editor)
    assert created.status_code == 201, created.content
    assert created.json()["member_name"] == "Ballerup"
    too_much = _send("post", url, {"member": egedal.pk, "share": "0.5"}, **editor)
    assert too_much.status_code == 422 and "more than the whole" in too_much.content.decode()
    outsider = _send(
        "post", url, {"member": world["partnership"].party_b_id, "share": "0.1"}, **editor
    )
    assert outsider.status_code == 422
    assert _send("post", url, {"member": egedal.pk, "share": "0.4"}, **editor).status_code == 201
    changed = _send("patch", f"{url}/{ballerup.pk}", {"amount": "600"}, **editor)
    assert changed.status_code == 200 and changed.json()["share"] == "0.6000"
    assert _send("delete", f"{url}/{egedal.pk}", **_as(world["stranger"])).status_code in (403, 404)
    assert _send("delete", f"{url}/{egedal.pk}", **editor).status_code == 204
    assert list(BudgetContribution.objects.values_list("member__name", flat=True)) == ["Ballerup"]
