import pytest
from django.core.management import call_command

from twinning.activities.models import Activity
from twinning.demo.services import demo_load
from twinning.institutions.models import InstitutionPair
from twinning.partnerships.models import Partnership, PartnershipStatus
from twinning.places.models import Place
from twinning.places.selectors import place_find
from twinning.projects.models import Project
from twinning.sites.models import ShowcaseSite
from twinning.strategies.models import Budget, Indicator, Strategy
from twinning.visits.models import Commitment, ProgrammeItem, Visit, VisitMember

pytestmark = pytest.mark.django_db

# Every test here reads the demo loaded once for the module (see demo_registry).


def test_demo_builds_the_place_hierarchy_from_district_to_country(demo_registry):
    qixia = Place.objects.get(name__startswith="Qixia")

    assert [p.name for p in qixia.ancestors()][:3] == ["Nanjing", "Jiangsu", "China"]


def test_demo_group_lists_its_member_municipalities(demo_registry):
    bycirklen = Place.objects.get(name="Bycirklen")

    assert {p.name for p in bycirklen.members.all()} == {"Ballerup", "Egedal", "Frederikssund"}


def test_demo_agreement_chain_of_bycirklen_and_wuxi_links_each_renewal_to_the_last(demo_registry):
    partnership = Partnership.objects.get(party_a__name="Bycirklen", party_b__name="Wuxi")
    chain = [a for a in partnership.agreements.order_by("signed") if a.term_months]

    assert [a.signed.year for a in chain] == [2007, 2010, 2013]
    assert chain[1].renews == chain[0]
    assert chain[2].renews == chain[1]


def test_demo_holds_the_terminated_st_petersburg_partnership_with_its_date(demo_registry):
    ended = Partnership.objects.get(party_b__name__contains="Petersburg")

    assert ended.status == PartnershipStatus.TERMINATED
    assert ended.until.isoformat() == "2022-03-09"
    assert ended.termination_reason


def test_demo_place_is_found_by_danish_and_english_spelling(demo_registry):
    assert place_find(name="Sonderborg", country="DK") == place_find(name="Sønderborg")


def _counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            Place,
            Partnership,
            Activity,
            InstitutionPair,
            Project,
            Visit,
            VisitMember,
            ProgrammeItem,
            Commitment,
            ShowcaseSite,
            Strategy,
            Budget,
            Indicator,
        )
    }


def test_loading_the_demo_again_or_after_a_reset_changes_nothing(demo_registry):
    first = _counts()
    assert demo_registry.partnerships == first["Partnership"]
    assert (first["Activity"], first["InstitutionPair"]) == (195, 17)
    assert (first["Visit"], first["ShowcaseSite"]) == (12, 12)
    assert (first["Strategy"], first["Budget"], first["Indicator"]) == (3, 2, 1)

    again = demo_load()
    assert _counts() == first
    assert again.partnerships == first["Partnership"]

    Partnership.objects.filter(party_a__name="Aarhus").delete()
    demo_load(reset=True)
    assert _counts() == first
    assert Partnership.objects.filter(party_a__name="Aarhus").count() >= 10


def test_demo_command_if_empty_leaves_existing_data_alone(demo_registry, capsys):
    Partnership.objects.filter(party_a__name="Aarhus").delete()
    remaining = Partnership.objects.count()

    call_command("demo", "--if-empty")

    assert Partnership.objects.count() == remaining
    assert "already holds data" in capsys.readouterr().out
