import json
from collections import Counter

import pytest
from django.utils import translation

from twinning.activities.models import Activity
from twinning.activities.selectors import activity_overview
from twinning.demo.operations import DATA
from twinning.institutions.models import InstitutionPair, Network
from twinning.partnerships.models import Partnership
from twinning.projects.models import Project
from twinning.strategies.models import Goal
from twinning.visits.models import Visit

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(demo_registry):
    return Partnership.objects.get(party_a__name="Bycirklen", party_b__name="Wuxi")


def _data(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_demo_operations_follow_the_report(loaded, admin_user):
    """Check the loaded tables, head counts, pairs, networks and project in one load."""
    _overview_holds_every_table_entry_of_2013_to_2015(loaded, admin_user)
    _table_dates_follow_the_report(loaded, admin_user)
    _badminton_visit_has_its_head_counts()
    _pairs_networks_and_soil_project(loaded)


def _overview_holds_every_table_entry_of_2013_to_2015(loaded, admin_user):
    entries = _data("activities.json")["activities"]
    for year in (2013, 2014, 2015):
        expected = Counter(
            (e["start"], e["area"], e["title"]) for e in entries if e["start"].startswith(str(year))
        )
        overview = activity_overview(user=admin_user, partnership=loaded, year=year)
        found = Counter(
            (a.start.isoformat(), area, a.title)
            for row in overview["months"]
            for area, cell in row["cells"].items()
            for a in cell
        )
        assert found == expected
        assert overview["areas"] == ["overall", "education", "school"]
    assert sum(1 for e in entries if e["start"][:4] in {"2013", "2014", "2015"}) == 195


def _table_dates_follow_the_report(loaded, admin_user):
    overview = activity_overview(user=admin_user, partnership=loaded, year=2013)
    june = overview["months"][5]["cells"]
    summer = next(a for a in june["education"] if "Summer school" in a.title)
    assert (summer.start.isoformat(), summer.end.isoformat()) == ("2013-06", "2013-07")
    week_44 = list(overview["months"][9]["cells"]["education"])
    assert {(a.start.isoformat(), a.end.isoformat()) for a in week_44} == {
        ("2013-10-28", "2013-11-03")
    }
    # A date written in the entry wins over its row: "3.5." under March 2014.
    may_2014 = activity_overview(user=admin_user, partnership=loaded, year=2014)["months"][4]
    assert "Mayors meet" in [a.title for a in may_2014["cells"]["overall"]]


def _badminton_visit_has_its_head_counts():
    visit = Activity.objects.get(start="2014-08-22", kind="exchange")
    assert [(h.count, h.group) for h in visit.headcounts.all()] == [
        (11, "Chinese young players"),
        (27, "Danish young players"),
    ]
    assert visit.organisations.count() == 3


def _pairs_networks_and_soil_project(loaded):
    pairs = InstitutionPair.objects.filter(partnership=loaded)
    assert pairs.count() == len(_data("institutions.json")["pairs"]) == 17
    assert pairs.filter(kind="university", institution_b__name="Jiangnan University").exists()
    greater = Network.objects.get(name="Greater Copenhagen China network")
    assert greater.memberships.filter(since="2015").count() == 2
    soil = Project.objects.get(title__startswith="Soil remediation")
    assert (soil.value_min, soil.value_max, soil.currency) == (150_000_000, 500_000_000, "DKK")
    assert [(p.number, p.status) for p in soil.phases.all()] == [
        (1, "contracted"),
        (2, "on_hold"),
        (3, "on_hold"),
    ]
    roles = {p.organisation.name: p.role for p in soil.parties.select_related("organisation")}
    assert roles["GEO A/S"] == "lead" and roles["Wuxi Urban Development Group"] == "client"
    assert soil.evidence.get().quote == "mellem 150 og 500 mio. danske kroner"


def test_demo_records_read_in_the_reports_danish_with_english_alongside(loaded):
    meeting = Activity.objects.get(start="2013-01-31", partnerships=loaded)
    goal = Goal.objects.get(title_en="Door opener for Danish companies")
    visit = Visit.objects.get(start_date="2014-11-20")
    with translation.override("da"):
        assert meeting.title == "Tovholdermøde"
        assert goal.title == "Døråbner for danske virksomheder"
        assert visit.title == "Heldagsbesøg af delegation fra Wuxi"
    with translation.override("en"):
        assert meeting.title == "Meeting of the Bycirklen coordinators"
        assert visit.title == "Full-day visit of a Wuxi delegation to Bycirklen"
    # Entries the report gives without a day keep their English wording in Danish.
    undated = Activity.objects.filter(partnerships=loaded, title_da__isnull=True)
    assert undated.exists()
    with translation.override("da"):
        assert undated.first().title == undated.first().title_en
