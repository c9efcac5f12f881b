import datetime as dt

import pytest

from twinning.sites.selectors import sites_suggested_for
from twinning.visits.models import Visit
from twinning.visits.selectors import commitments_overdue
from twinning.visits.tests.factories import make_user

pytestmark = pytest.mark.django_db

# Loading the whole demo takes a while: the module loads it once (see demo_registry).


def test_demo_visits_hold_the_sonderborg_delegations_of_september_2017(demo_registry):
    dalian = Visit.objects.get(title__startswith="Dalian Refrigeration")
    leader = dalian.members.get(is_leader=True)
    assert (leader.name, leader.person.name) == ("Ding Jie", "Ding Jie")
    assert (dalian.visiting_party.name, dalian.host.name) == ("Dalian", "Sønderborg")
    assert dalian.dates_approximate
    assert {item.site.name for item in dalian.programme_items.all()} == {
        "Sønderborg district heating plants",
        "The Zerohouse",
        "Universe Science Park",
        "Danfoss solar energy plant",
        "Sea-water heat pumps at Alsion",
    }

    baoding = Visit.objects.get(title__startswith="Baoding")
    assert str(baoding.partnership) == "Sønderborg – Baoding"
    assert baoding.members.get(is_leader=True).title == "Vice mayor of Baoding"
    assert {i.topic for i in baoding.programme_items.all()} == {
        "Danfoss",
        "SuperBrugsen Høruphav",
        "Danish Crown slaughterhouse in Blans",
    }

    planned = Visit.objects.filter(status="planned", host__name="Sønderborg")
    assert {v.visiting_party.name for v in planned} == {"Chengde", "Belarus", "Estonia"}

    chengde = planned.get(visiting_party__name="Chengde")
    suggestions = sites_suggested_for(visit=chengde, user=make_user("planner"))
    names = [s.site.name for s in suggestions]
    assert "The Zerohouse" in names and "Danish Crown slaughterhouse in Blans" not in names
    # State of Green shares an interest too, but lies outside the host place.
    assert names[-1] == "State of Green"
    assert all(s.in_host_place for s in suggestions[:-1])


def test_demo_visits_follow_bycirklens_evaluation_report(demo_registry):
    trip = Visit.objects.get(start_date=dt.date(2015, 11, 14))
    assert (trip.direction, trip.host.name) == ("outgoing", "Wuxi")
    assert {m.name for m in trip.members.all()} == {"Lars Wilms", "Jette Rau", "Line Elk Hansen"}
    january = Visit.objects.get(start_date=dt.date(2015, 1, 11))
    assert january.members.get(is_leader=True).name == "Sophie Hæstorp Andersen"
    autumn = Visit.objects.get(title__contains="soil remediation")
    assert autumn.dates_approximate and autumn.start_date.year == 2013
    assert autumn.commitments.get().done_on.year == 2014
    july = Visit.objects.get(start_date=dt.date(2015, 7, 6))
    assert "State of Green" in {i.site.name for i in july.programme_items.all() if i.site}

    overdue = commitments_overdue(user=make_user("reader"), today=dt.date(2025, 1, 1))
    assert [c.description for c in overdue] == [
        "Decide whether to enter a new three-year cooperation agreement with Wuxi."
    ]
