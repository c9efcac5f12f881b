from decimal import Decimal

import pytest
from django.urls import reverse

from twinning.partnerships.tests.factories import (
    make_area,
    make_organisation,
    make_partnership,
    make_place,
    make_user,
)
from twinning.strategies.models import Strategy, StrategyKind
from twinning.strategies.services import budget_allocation_set, budget_create, goal_create
from twinning.strategies.tests.factories import make_strategy, make_world

pytestmark = pytest.mark.django_db


def test_strategy_pages_show_public_and_hide_private(client):
    party = make_place("Ballerup")
    public = make_strategy(party, ["water"], title="Open strategy")
    goal_create(strategy=public, title="Door opener", status="partly_met")
    private = make_strategy(party, ["waste"], title="Secret strategy", is_public=False)
    page = client.get(reverse("strategies:list")).content.decode()
    assert "Open strategy" in page and "Secret strategy" not in page
    detail = client.get(reverse("strategies:detail", args=[public.pk])).content.decode()
    assert "Door opener" in detail and "partly met" in detail
    assert client.get(reverse("strategies:detail", args=[private.pk])).status_code == 404


def test_members_see_their_private_strategy(client):
    org = make_organisation()
    private = make_strategy(make_place("Ballerup"), [], title="Secret", owner=org, is_public=False)
    client.force_login(make_user("viewer", viewer_of=org))
    assert client.get(reverse("strategies:detail", args=[private.pk])).status_code == 200


def test_only_editors_create_and_only_owners_edit(client):
    org, other = make_organisation("Ballerup Kommune"), make_organisation("Other")
    party = make_place("Ballerup")
    make_area("water"), make_area("waste")
    strategy = make_strategy(party, [], owner=org)
    assert client.get(reverse("strategies:create")).status_code == 302
    client.force_login(make_user("stranger", editor_of=other))
    assert client.get(reverse("strategies:update", args=[strategy.pk])).status_code == 403
    client.force_login(make_user("editor", editor_of=org))
    response = client.post(
        reverse("strategies:create"),
        {
            "party": party.pk,
            "title": "Own plan",
            "kind": StrategyKind.OWN,
            "start": "2013",
            "end": "2016",
            "ranked": "water, waste",
            "owner": org.pk,
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    created = Strategy.objects.get(title="Own plan")
    assert [r.focus_area.slug for r in created.ranked_areas.all()] == ["water", "waste"]


def test_unknown_focus_area_slug_is_named_in_the_error(client):
    org = make_organisation()
    client.force_login(make_user("editor", editor_of=org))
    response = client.post(
        reverse("strategies:create"),
        {
            "party": make_place("Ballerup").pk,
            "title": "x",
            "kind": "own",
            "ranked": "nowhere",
            "owner": org.pk,
        },
    )
    assert response.status_code == 200
    assert "nowhere" in response.content.decode()


def test_alignment_page_and_api(client, django_assert_max_num_queries):
    denmark, china, party, partner = make_world()
    make_strategy(party, ["water", "waste"])
    make_strategy(china, ["waste"], kind=StrategyKind.PARTNER_PLAN)
    make_strategy(denmark, ["waste", "energy"], kind=StrategyKind.NATIONAL)
    url = reverse("strategies:alignment") + f"?party=Ballerup&partner={partner.pk}"
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    assert "Recommended focus for the next agreement" in page
    with django_assert_max_num_queries(12):
        data = client.get("/api/alignment", {"party": "Ballerup", "partner": "Wuxi"}).json()
    assert data["recommended"] == ["waste"]
    assert data["rows"][0] == {
        "slug": "waste",
        "name": "Waste",
        "marks": ["named", "named", "named"],
        "count": 3,
        "own_rank": 2,
        "recommended": "all",
    }
    assert client.get("/api/alignment", {"party": "Nowhere", "partner": "Wuxi"}).status_code == 422


def test_api_lists_strategies_and_budgets_with_bounded_queries(
    client, django_assert_max_num_queries
):
    partnership = make_partnership()
    for number in range(5):
        make_strategy(partnership.party_a, ["water", "waste"], title=f"S{number}")
        budget = budget_create(party=partnership.party_a, year=2010 + number, total=Decimal("1000"))
        budget_allocation_set(budget=budget, partnership=partnership, share=Decimal("0.5"))
    make_strategy(partnership.party_a, [], title="Hidden", is_public=False)
    with django_assert_max_num_queries(4):
        strategies = client.get("/api/strategies").json()
    assert strategies["count"] == 5
    assert [a["slug"] for a in strategies["items"][0]["focus_areas"]] == ["water", "waste"]
    with django_assert_max_num_queries(5):
        budgets = client.get("/api/budgets", {"year": 2012}).json()
    assert budgets["count"] == 1
    assert budgets["items"][0]["allocations"][0]["amount"] == "500.00"
    with django_assert_max_num_queries(6):
        assert client.get(reverse("strategies:budget_list")).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("strategies:list")).status_code == 200
