import json
from decimal import Decimal

import pytest
from django.test import Client

from twinning.accounts.services import api_token_create
from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.tests.factories import make_area, make_partnership, make_place
from twinning.strategies.models import Budget, BudgetAllocation, BudgetLine, Goal, Strategy
from twinning.strategies.services import (
    budget_allocation_set,
    budget_create,
    budget_line_add,
    goal_create,
)
from twinning.strategies.tests.factories import make_strategy

pytestmark = pytest.mark.django_db

STRATEGIES = "/api/strategies"
BUDGETS = "/api/budgets"


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
def ballerup():
    return make_place("Ballerup", "DK")


@pytest.fixture
def strategy(ballerup, office):
    return make_strategy(ballerup, ["water"], owner=office)


@pytest.fixture
def budget(ballerup, office):
    return budget_create(party=ballerup, year=2024, total=Decimal("1000"), owner=office)


def test_editor_with_token_creates_a_strategy_with_ranked_areas(editor, office, ballerup):
    make_area("water")
    make_area("waste")

    response = send(
        "post",
        STRATEGIES,
        {
            "party": ballerup.pk,
            "title": "Green plan",
            "start": "2013",
            "end": "2016-06",
            "focus_areas": [{"slug": "waste", "wording": "Circular economy"}, {"slug": "water"}],
        },
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert [(a["position"], a["slug"], a["wording"]) for a in body["focus_areas"]] == [
        (1, "waste", "Circular economy"),
        (2, "water", ""),
    ]
    assert (body["start"], body["end"], body["goals"]) == ("2013", "2016-06", [])
    assert Strategy.objects.get().owner == office


def test_strategy_patch_changes_only_the_given_fields_and_delete_removes_it(editor, strategy):
    url = f"{STRATEGIES}/{strategy.pk}"

    response = send("patch", url, {"kind": "partner_plan"}, **bearer(editor))

    assert response.status_code == 200, response.content
    strategy.refresh_from_db()
    assert (strategy.kind, strategy.title) == ("partner_plan", "Strategy of Ballerup")
    assert [r.focus_area.slug for r in strategy.ranked_areas.all()] == ["water"]
    assert send("delete", url, **bearer(editor)).status_code == 204
    assert not Strategy.objects.exists()


def test_goals_are_added_assessed_and_deleted(editor, strategy):
    headers = bearer(editor)
    base = f"{STRATEGIES}/{strategy.pk}/goals"
    goal_create(strategy=strategy, title="First")

    added = send(
        "post",
        base,
        {"title": "Clean harbour", "focus_area": "water", "deadline": "2016"},
        **headers,
    )
    assert added.status_code == 201, added.content
    assert (added.json()["position"], added.json()["focus_area"]) == (2, "water")
    url = f"{base}/{added.json()['id']}"

    early = send("patch", url, {"assessed_on": "2017-01-05"}, **headers)
    assert early.status_code == 422
    assert "assessed_on" in early.json()["detail"]
    assessed = send(
        "patch",
        url,
        {"status": "met", "assessed_on": "2017-01-05", "assessment": "Done"},
        **headers,
    )
    assert assessed.json()["status"] == "met"
    assert send("patch", url, {"deadline": "2016-02-30"}, **headers).status_code == 422
    assert send("delete", url, **headers).status_code == 204
    assert list(Goal.objects.values_list("title", flat=True)) == ["First"]


@pytest.mark.parametrize(
    "change",
    [
        {"start": "2013-02-30"},
        {"start": "2016", "end": "2013"},
        {"focus_areas": [{"slug": "nowhere"}]},
        {"focus_areas": [{"slug": "water"}, {"slug": "water"}]},
        {"party": 999999},
    ],
)
def test_invalid_strategy_is_422_and_nothing_saved(editor, ballerup, change):
    make_area("water")

    response = send(
        "post", STRATEGIES, {"party": ballerup.pk, "title": "Plan"} | change, **bearer(editor)
    )

    assert response.status_code == 422, response.content
    assert not Strategy.objects.exists()


def test_budget_is_created_with_a_computed_total_and_read_back(editor, office, ballerup):
    response = send(
        "post",
        BUDGETS,
        {"party": ballerup.pk, "year": 2024, "rate_per_inhabitant": "6", "population": 48000},
        **bearer(editor),
    )

    assert response.status_code == 201, response.content
    assert response.json()["total"] == "288000.00"
    budget = Budget.objects.get()
    assert budget.owner == office
    detail = Client().get(f"{BUDGETS}/{budget.pk}")
    assert detail.json()["year"] == 2024


def test_second_budget_for_the_same_year_is_422(editor, budget, ballerup):
    response = send("post", BUDGETS, {"party": ballerup.pk, "year": 2024}, **bearer(editor))

    assert response.status_code == 422
    assert Budget.objects.count() == 1


def test_budget_patch_and_delete(editor, budget):
    url = f"{BUDGETS}/{budget.pk}"

    response = send("patch", url, {"spent_total": "750", "year": 1800}, **bearer(editor))
    assert response.status_code == 422
    budget.refresh_from_db()
    assert (budget.year, budget.spent_total) == (2024, None)

    response = send("patch", url, {"spent_total": "750"}, **bearer(editor))
    assert response.json()["spent_total"] == "750.00"
    assert send("delete", url, **bearer(editor)).status_code == 204
    assert not Budget.objects.exists()


def test_allocations_and_lines_are_added_changed_and_removed(editor, budget, office):
    headers = bearer(editor)
    partnership = make_partnership(owner=office)
    base = f"{BUDGETS}/{budget.pk}"

    added = send(
        "post", f"{base}/allocations", {"partnership": partnership.pk, "share": "0.5"}, **headers
    )
    assert added.status_code == 201, added.content
    assert (added.json()["partnership"], added.json()["amount"]) == (partnership.pk, "500.00")
    again = send(
        "post", f"{base}/allocations", {"partnership": partnership.pk, "amount": "1"}, **headers
    )
    assert again.status_code == 422
    url = f"{base}/allocations/{partnership.pk}"
    assert send("patch", url, {"share": "1.5"}, **headers).status_code == 422
    assert send("patch", url, {"amount": "300"}, **headers).json()["amount"] == "300.00"
    assert send("delete", url, **headers).status_code == 204
    assert not BudgetAllocation.objects.exists()

    line = send("post", f"{base}/lines", {"category": "travel", "planned": "200"}, **headers)
    assert line.status_code == 201, line.content
    url = f"{base}/lines/{line.json()['id']}"
    assert send("patch", url, {"spent": "-5"}, **headers).status_code == 422
    assert send("patch", url, {"spent": "180"}, **headers).json()["spent"] == "180.00"
    assert send("delete", url, **headers).status_code == 204
    assert not BudgetLine.objects.exists()


def test_writes_without_credentials_are_401(strategy, budget):
    assert send("post", STRATEGIES, {"title": "X"}).status_code == 401
    assert send("patch", f"{STRATEGIES}/{strategy.pk}", {"title": "Y"}).status_code == 401
    assert send("post", f"{BUDGETS}/{budget.pk}/lines", {"category": "travel"}).status_code == 401
    assert send("delete", f"{BUDGETS}/{budget.pk}").status_code == 401
    assert Strategy.objects.exists() and Budget.objects.exists()


def test_viewers_and_other_organisations_editors_get_403(office, strategy, budget, stranger):
    viewer = make_user("viewer", viewer_of=office)

    results = [
        send("post", STRATEGIES, {"party": strategy.party_id, "title": "X"}, **bearer(viewer)),
        send("patch", f"{STRATEGIES}/{strategy.pk}", {"title": "Y"}, **bearer(stranger)),
        send("post", f"{STRATEGIES}/{strategy.pk}/goals", {"title": "G"}, **bearer(stranger)),
        send("delete", f"{BUDGETS}/{budget.pk}", **bearer(stranger)),
        send("post", f"{BUDGETS}/{budget.pk}/lines", {"category": "travel"}, **bearer(stranger)),
    ]

    assert [r.status_code for r in results] == [403] * 5
    assert Strategy.objects.get().title == "Strategy of Ballerup"
    assert not Goal.objects.exists() and not BudgetLine.objects.exists()


def test_private_records_of_another_organisation_are_404(office, ballerup, stranger):
    strategy = make_strategy(ballerup, [], owner=office, is_public=False)
    budget = budget_create(party=ballerup, year=2020, owner=office, is_public=False)

    assert Client().get(f"{BUDGETS}/{budget.pk}").status_code == 404
    assert send("patch", f"{STRATEGIES}/{strategy.pk}", {}, **bearer(stranger)).status_code == 404
    assert send("delete", f"{BUDGETS}/{budget.pk}", **bearer(stranger)).status_code == 404


def test_csv_exports_have_a_header_and_a_row_per_match(office):
    for n in range(3):
        place = make_place(f"Town {n}", "DK")
        make_strategy(place, [], owner=office)
        budget = budget_create(party=place, year=2024, owner=office)
        budget_line_add(budget=budget, category="travel", planned=Decimal("10"))

    strategies = Client().get(f"{STRATEGIES}?format=csv&limit=1")
    budgets = Client().get(f"{BUDGETS}?format=csv&limit=1")

    assert 'strategies.csv"' in strategies["Content-Disposition"]
    lines = strategies.content.decode().strip().splitlines()
    assert lines[0].startswith("id,title,kind,party_id,party_name")
    assert len(lines) == 4
    lines = budgets.content.decode().strip().splitlines()
    assert lines[0].startswith("id,party_id,party_name,year,total")
    assert "lines_1_category" in lines[0]
    assert len(lines) == 4


def test_list_query_counts_with_a_token_do_not_grow(editor, office, django_assert_max_num_queries):
    headers = bearer(editor)
    for n in range(5):
        place = make_place(f"Town {n}", "DK")
        make_strategy(place, ["water", "waste"], owner=office)
        budget = budget_create(party=place, year=2024, owner=office, total=Decimal("100"))
        budget_allocation_set(
            budget=budget, partnership=make_partnership(place, owner=office), share=Decimal("0.5")
        )
        budget_line_add(budget=budget, category="travel")
    with django_assert_max_num_queries(6):
        assert Client().get(STRATEGIES, **headers).json()["count"] == 5
    with django_assert_max_num_queries(7):
        assert Client().get(BUDGETS, **headers).json()["count"] == 5
