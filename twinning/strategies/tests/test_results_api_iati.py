"""Indicators over the API, and results to and from IATI activity XML."""

import datetime as dt
from decimal import Decimal

import pytest
from django.test import Client
from lxml import etree

from twinning.organisations.tests.factories import make_organisation, make_user
from twinning.partnerships.tests.factories import make_place
from twinning.strategies.iati import results_from_iati, results_to_iati
from twinning.strategies.models import Indicator, IndicatorPeriod
from twinning.strategies.services import goal_create, indicator_create, indicator_period_set
from twinning.strategies.tests.factories import make_strategy
from twinning.strategies.tests.test_api_writes import bearer, send

pytestmark = pytest.mark.django_db


@pytest.fixture
def office():
    return make_organisation("Ballerup Kommune")


@pytest.fixture
def strategy(office):
    return make_strategy(make_place("Ballerup"), [], title="Exchange plan", owner=office)


def test_editor_adds_indicator_and_period_over_the_api(office, strategy):
    goal = goal_create(strategy=strategy, title="Pupils meet their partners")
    auth = bearer(make_user("editor", editor_of=office))
    base = f"/api/strategies/{strategy.pk}/goals/{goal.pk}/indicators"
    response = send(
        "post",
        base,
        {"title": "Pupils exchanged", "unit": "pupils", "baseline": 10, "baseline_date": "2012"},
        **auth,
    )
    assert response.status_code == 201, response.content
    indicator = response.json()
    assert indicator["unit"] == "pupils" and indicator["baseline_date"] == "2012"
    period = {
        "start": "2014-01-01",
        "end": "2014-12-31",
        "target": 20,
        "actual": 24,
        "breakdown": [{"dimension": "country", "category": "CN", "actual": 12}],
    }
    response = send("put", f"{base}/{indicator['id']}/periods", period, **auth)
    assert response.status_code == 200, response.content
    assert response.json()["met"] is True
    data = Client().get(f"/api/strategies/{strategy.pk}").json()
    (shown,) = data["goals"]
    assert shown["derived_status"] == "met"
    assert shown["indicators"][0]["periods"][0]["breakdown"][0]["category"] == "CN"
    bad = send("put", f"{base}/{indicator['id']}/periods", {**period, "end": "2013-01-01"}, **auth)
    assert bad.status_code == 422
    outsider = bearer(make_user("outsider", editor_of=make_organisation("Other")))
    assert send("post", base, {"title": "x", "unit": "y"}, **outsider).status_code == 403


def test_results_travel_to_iati_and_back(office, strategy):
    goal = goal_create(strategy=strategy, title="Pupils meet their partners")
    pupils = indicator_create(
        goal=goal,
        title="Pupils exchanged",
        unit="pupils",
        baseline=Decimal(10),
        baseline_date="2012",
    )
    indicator_period_set(
        indicator=pupils,
        start=dt.date(2014, 1, 1),
        end=dt.date(2014, 12, 31),
        target=Decimal(20),
        actual=Decimal(24),
        evidence="Pupil exchanges every year",
        breakdown=[{"dimension": "age group", "category": "13–15", "actual": Decimal(14)}],
    )
    indicator_create(goal=goal, title="Cost per pupil", unit="DKK", direction="decrease")
    data = results_to_iati(strategy=strategy)
    root = etree.fromstring(data)
    assert root.get("version") == "2.03"
    indicator = root.find("iati-activity/result/indicator")
    assert indicator.get("ascending") == "1" and indicator.get("measure") == "1"
    assert indicator.find("baseline").get("value") == "10"
    assert [a.get("value") for a in indicator.findall("period/actual")] == ["24", "14"]

    other = make_strategy(make_place("Egedal"), [], title="Copy", owner=office)
    counts = results_from_iati(strategy=other, data=data)
    assert counts == {"goals": 1, "indicators": 2, "periods": 1}
    copied = Indicator.objects.get(goal__strategy=other, title="Pupils exchanged")
    assert (copied.unit, copied.baseline, copied.baseline_date.isoformat()) == (
        "pupils",
        10,
        "2012-01-01",
    )
    period = copied.periods.get()
    assert (period.target, period.actual, period.evidence) == (20, 24, "Pupil exchanges every year")
    assert [(b.dimension, b.category, b.actual) for b in period.breakdown.all()] == [
        ("age group", "13–15", 14)
    ]
    assert other.goals.get().indicators.get(title="Cost per pupil").direction == "decrease"
    # Reading it again matches by title instead of adding twice.
    results_from_iati(strategy=other, data=data)
    assert Indicator.objects.filter(goal__strategy=other).count() == 2


def test_a_bad_document_stores_nothing_and_names_the_line(office, strategy):
    auth = bearer(make_user("editor", editor_of=office))
    xml = b"""<iati-activities><iati-activity>
<result><title><narrative>Goal</narrative></title>
<indicator measure="1"><title><narrative>Pupils</narrative></title>
<period><period-start iso-date="2014-01-01"/><period-end iso-date="2014-12-31"/>
<actual value="many"/></period></indicator></result></iati-activity></iati-activities>"""
    response = Client().post(
        f"/api/strategies/{strategy.pk}/iati", xml, content_type="application/xml", **auth
    )
    assert response.status_code == 422
    assert "Line 5" in response.json()["detail"] and "many" in response.json()["detail"]
    assert not strategy.goals.exists() and not IndicatorPeriod.objects.exists()
    broken = Client().post(
        f"/api/strategies/{strategy.pk}/iati", b"<result>", content_type="application/xml", **auth
    )
    assert broken.status_code == 422
    exported = Client().get(f"/api/strategies/{strategy.pk}/iati", **auth)
    assert exported.status_code == 200 and exported["Content-Type"].startswith("application/xml")
