import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from twinning.partnerships.tests.factories import make_partnership, make_place
from twinning.strategies.models import Budget, BudgetAllocation, Goal, GoalStatus, Strategy
from twinning.strategies.services import (
    budget_allocation_set,
    budget_create,
    budget_update,
    goal_assess,
    goal_create,
    strategy_create,
)
from twinning.strategies.tests.factories import make_strategy

pytestmark = pytest.mark.django_db


def test_budget_total_is_computed_from_rate_and_population():
    budget = budget_create(
        party=make_place("Ballerup"),
        year=2015,
        rule="6 DKK per inhabitant",
        rate_per_inhabitant=Decimal("6"),
        population=147_917,
    )
    assert budget.total == Decimal("887502.00")


def test_budget_stated_total_wins_over_rule():
    budget = budget_create(
        party=make_place("Ballerup"),
        year=2015,
        total=Decimal("887500"),
        rate_per_inhabitant=Decimal("6"),
        population=100_000,
    )
    assert budget.total == Decimal("887500")
    assert budget.computed_total() == Decimal("600000.00")


def test_budget_update_recomputes_total_when_population_changes():
    budget = budget_create(
        party=make_place("Ballerup"), year=2015, rate_per_inhabitant=Decimal("6"), population=10
    )
    budget_update(budget=budget, population=20)
    assert Budget.objects.get().total == Decimal("120.00")


def test_one_budget_per_party_and_year():
    party = make_place("Ballerup")
    budget_create(party=party, year=2015, total=Decimal("1"))
    with pytest.raises(ValidationError):
        budget_create(party=party, year=2015, total=Decimal("2"))
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.create(party=party, year=2015, total=Decimal("3"))


def test_negative_amounts_are_refused_by_clean_and_database():
    party = make_place("Ballerup")
    with pytest.raises(ValidationError) as error:
        budget_create(party=party, year=2015, total=Decimal("-1"))
    assert "total" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Budget.objects.create(party=party, year=2016, total=Decimal("-1"))


def test_allocation_needs_amount_or_share_and_resolves_share():
    partnership = make_partnership()
    budget = budget_create(party=partnership.party_a, year=2015, total=Decimal("887500"))
    with pytest.raises(ValidationError):
        budget_allocation_set(budget=budget, partnership=partnership)
    allocation = budget_allocation_set(budget=budget, partnership=partnership, share=Decimal("0.5"))
    assert allocation.resolved_amount() == Decimal("443750.00")
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetAllocation.objects.filter(pk=allocation.pk).update(share=Decimal("1.5"))


def test_strategy_cannot_end_before_it_begins():
    with pytest.raises(ValidationError) as error:
        strategy_create(party=make_place("Ballerup"), title="x", start="2016", end="2013")
    assert "end" in error.value.message_dict
    assert not Strategy.objects.exists()


def test_focus_areas_keep_their_rank():
    strategy = make_strategy(make_place("Ballerup"), ["water", "waste", "culture"])
    ranked = [(r.position, r.focus_area.slug) for r in strategy.ranked_areas.all()]
    assert ranked == [(1, "water"), (2, "waste"), (3, "culture")]


def test_goal_assessment_date_only_when_assessed():
    strategy = make_strategy(make_place("Ballerup"), [])
    goal = goal_create(strategy=strategy, title="Door opener")
    assert goal.position == 1 and goal.status == GoalStatus.NOT_ASSESSED
    goal_assess(goal=goal, status=GoalStatus.PARTLY_MET, assessed_on=dt.date(2016, 4, 1))
    assert Goal.objects.get().assessed_on == dt.date(2016, 4, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Goal.objects.filter(pk=goal.pk).update(status=GoalStatus.NOT_ASSESSED)
