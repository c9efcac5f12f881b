"""Money and staff time of a partnership: costs, time, members' shares and exchange rates."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from twinning.partnerships.tests.factories import make_partnership, make_place
from twinning.places.models import PlaceKind
from twinning.reports.selectors import EVERYONE
from twinning.strategies.selectors import partnership_money
from twinning.strategies.services import (
    budget_allocation_set,
    budget_contribution_set,
    budget_create,
    cost_add,
    exchange_rate_set,
    staff_time_set,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    ballerup, egedal = make_place("Ballerup"), make_place("Egedal")
    bycirklen = make_place("Bycirklen", kind=PlaceKind.GROUP)
    bycirklen.members.set([ballerup, egedal])
    return bycirklen, ballerup, egedal


def test_costs_time_and_allocations_roll_up_with_the_rates_stated(group):
    bycirklen, ballerup, _egedal = group
    wuxi = make_place("Wuxi", "CN")
    partnership = make_partnership(bycirklen, wuxi)
    budget = budget_create(party=bycirklen, year=2015, total=Decimal(887500))
    budget_allocation_set(budget=budget, partnership=partnership, share=Decimal("0.5"))
    cost_add(
        partnership=partnership,
        party=ballerup,
        date=dt.date(2015, 3, 2),
        amount=Decimal(12000),
        description="Flights to Shanghai",
        category="travel",
    )
    cost_add(
        partnership=partnership,
        party=bycirklen,
        date=dt.date(2015, 6, 1),
        amount=Decimal(1000),
        currency="cny",
        description="Interpreter",
    )
    cost_add(
        partnership=partnership,
        party=bycirklen,
        date=dt.date(2016, 6, 1),
        amount=Decimal(100),
        currency="EUR",
        description="Hall",
    )
    exchange_rate_set(year=2015, currency="CNY", rate=Decimal("1.07"), source="yearly average")
    staff_time_set(
        partnership=partnership,
        party=bycirklen,
        year=2015,
        role="China project manager",
        fte=Decimal("0.5"),
    )
    # Setting the same role again replaces the figure.
    staff_time_set(
        partnership=partnership,
        party=bycirklen,
        year=2015,
        role="China project manager",
        fte=Decimal("0.6"),
    )
    money = partnership_money(
        user=EVERYONE, partnership=partnership, first_year=2015, last_year=2016
    )
    y2015, y2016 = money.years
    assert y2015.allocated == Decimal("443750.00") and y2015.spent == Decimal("13070.00")
    assert y2015.fte == Decimal("0.6") and len(y2015.staff) == 1
    assert y2016.spent == 0 and money.missing == [(2016, "EUR")]
    assert [(r.year, r.currency, r.rate) for r in money.rates] == [(2015, "CNY", Decimal("1.07"))]
    assert money.spent == Decimal("13070.00")


def test_members_shares_cannot_pass_the_whole_and_must_be_members(group):
    bycirklen, ballerup, egedal = group
    budget = budget_create(party=bycirklen, year=2015, total=Decimal(1000))
    budget_contribution_set(budget=budget, member=ballerup, share=Decimal("0.6"))
    assert budget.contributions.get().resolved_amount() == Decimal("600.00")
    with pytest.raises(ValidationError) as error:
        budget_contribution_set(budget=budget, member=egedal, share=Decimal("0.5"))
    assert "share" in error.value.message_dict
    budget_contribution_set(budget=budget, member=egedal, share=Decimal("0.4"))
    with pytest.raises(ValidationError) as error:
        budget_contribution_set(budget=budget, member=make_place("Aarhus"), amount=Decimal(5))
    assert "member" in error.value.message_dict


def test_a_members_share_is_refused_by_name_when_negative_or_missing(group):
    bycirklen, ballerup, _egedal = group
    budget = budget_create(party=bycirklen, year=2015, total=Decimal(1000))
    with pytest.raises(ValidationError) as error:
        budget_contribution_set(budget=budget, member=ballerup, amount=Decimal(-5))
    assert "amount" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        budget_contribution_set(budget=budget, member=ballerup)
    assert "amount" in error.value.message_dict
    assert not budget.contributions.exists()


def test_staff_time_needs_a_person_or_role_and_a_figure(group):
    bycirklen, _ballerup, _egedal = group
    partnership = make_partnership(bycirklen, make_place("Wuxi", "CN"))
    with pytest.raises(ValidationError) as error:
        staff_time_set(partnership=partnership, party=bycirklen, year=2015, fte=Decimal(1))
    assert "role" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        staff_time_set(partnership=partnership, party=bycirklen, year=2015, role="mayor")
    assert "fte" in error.value.message_dict
