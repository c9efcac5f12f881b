"""Indicators on goals: targets and actuals per period, breakdowns and the derived status."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from twinning.partnerships.tests.factories import make_organisation, make_place, make_user
from twinning.strategies.models import GoalStatus
from twinning.strategies.services import (
    goal_create,
    goal_status_derive,
    indicator_create,
    indicator_period_set,
)
from twinning.strategies.tests.factories import make_strategy

pytestmark = pytest.mark.django_db


def _year(year: int) -> dict:
    return {"start": dt.date(year, 1, 1), "end": dt.date(year, 12, 31)}


@pytest.fixture
def goal():
    org = make_organisation("Ballerup Kommune")
    strategy = make_strategy(
        make_place("Ballerup"), [], title="Exchange plan", owner=org, is_public=False
    )
    return goal_create(strategy=strategy, title="More pupils meet their partners")


def test_status_is_derived_from_targets_and_actuals(goal):
    pupils = indicator_create(goal=goal, title="Pupils exchanged", unit="pupils")
    assert goal.derived_status() == GoalStatus.NOT_ASSESSED
    indicator_period_set(indicator=pupils, **_year(2014), target=Decimal(20), actual=Decimal(24))
    assert goal.derived_status() == GoalStatus.MET
    indicator_period_set(indicator=pupils, **_year(2015), target=Decimal(20), actual=Decimal(12))
    assert goal.derived_status() == GoalStatus.PARTLY_MET
    costs = indicator_create(goal=goal, title="Cost per pupil", unit="DKK", direction="decrease")
    indicator_period_set(indicator=costs, **_year(2015), target=Decimal(9000), actual=Decimal(8000))
    # Lower is better for costs: 8,000 against 9,000 is reached.
    assert [p.met() for p in costs.periods.all()] == [True]
    goal_status_derive(goal=goal, assessed_on=dt.date(2016, 1, 5))
    goal.refresh_from_db()
    assert goal.status == GoalStatus.PARTLY_MET and goal.assessed_on == dt.date(2016, 1, 5)
    pupils.periods.update(actual=Decimal(0))
    costs.periods.update(actual=Decimal(10000))
    assert goal.derived_status() == GoalStatus.NOT_MET


def test_a_period_is_replaced_and_keeps_its_breakdown(goal):
    pupils = indicator_create(goal=goal, title="Pupils exchanged", unit="pupils")
    indicator_period_set(
        indicator=pupils,
        **_year(2014),
        actual=Decimal(12),
        breakdown=[
            {"dimension": "age group", "category": "13–15", "actual": Decimal(8)},
            {"dimension": "age group", "category": "16–18", "actual": Decimal(4)},
        ],
    )
    period = indicator_period_set(indicator=pupils, **_year(2014), actual=Decimal(13))
    assert pupils.periods.count() == 1 and period.actual == 13
    assert [(b.category, b.actual) for b in period.breakdown.all()] == [("13–15", 8), ("16–18", 4)]
    with pytest.raises(ValidationError):
        indicator_period_set(
            indicator=pupils,
            **_year(2014),
            breakdown=[{"dimension": "age", "category": "x", "actual": 1}] * 2,
        )


def test_bad_values_are_refused_with_the_field_named(goal):
    with pytest.raises(ValidationError) as error:
        indicator_create(goal=goal, title="Pupils", unit="pupils", baseline=Decimal(3))
    assert "baseline_date" in error.value.message_dict
    pupils = indicator_create(goal=goal, title="Pupils", unit="pupils")
    with pytest.raises(ValidationError) as error:
        indicator_period_set(indicator=pupils, start=dt.date(2015, 1, 1), end=dt.date(2014, 1, 1))
    assert "end" in error.value.message_dict


def test_editor_adds_indicator_and_period_on_the_goal_page(client, goal):
    url = reverse("strategies:goal_detail", args=[goal.pk])
    assert client.get(url).status_code == 404  # private strategy
    editor = make_user("editor", editor_of=goal.strategy.owner)
    client.force_login(editor)
    response = client.post(
        url,
        {
            "form": "indicator",
            "title": "Teachers exchanged",
            "unit": "teachers",
            "direction": "increase",
            "baseline": "4",
            "baseline_date": "2012",
        },
    )
    assert response.status_code == 302
    indicator = goal.indicators.get()
    assert indicator.baseline == 4 and indicator.baseline_date.isoformat() == "2012"
    response = client.post(
        url,
        {
            "form": "period",
            "indicator": indicator.pk,
            "start": "2014-01-01",
            "end": "2014-12-31",
            "target": "6",
            "actual": "7",
            "evidence": "Teacher exchanges every year",
            "breakdown": "country; DK; 4\ncountry; CN; 3",
        },
    )
    assert response.status_code == 302
    period = indicator.periods.get()
    assert period.actual == 7 and period.breakdown.count() == 2
    page = client.get(url).content.decode()
    assert "Teachers exchanged" in page and "country: CN 3" in page
    assert "Take this status" in page
    client.post(url, {"form": "derive"})
    goal.refresh_from_db()
    assert goal.status == GoalStatus.MET
    bad = client.post(url, {"form": "period", "indicator": indicator.pk, "breakdown": "x"})
    assert bad.status_code == 200 and "Line 1" in bad.content.decode()


def test_viewers_cannot_post(client, goal):
    client.force_login(make_user("viewer", viewer_of=goal.strategy.owner))
    url = reverse("strategies:goal_detail", args=[goal.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"form": "indicator", "title": "x", "unit": "y"}).status_code == 403
