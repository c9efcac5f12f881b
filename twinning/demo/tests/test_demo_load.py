import pytest
from django.core.management import call_command

from twinning.demo.services import demo_load
from twinning.partnerships.models import Partnership, PartnershipStatus
from twinning.places.models import Place
from twinning.places.selectors import place_find

pytestmark = pytest.mark.django_db


def test_demo_builds_the_place_hierarchy_from_district_to_country():
    demo_load()

    qixia = Place.objects.get(name__startswith="Qixia")

    assert [p.name for p in qixia.ancestors()][:3] == ["Nanjing", "Jiangsu", "China"]


def test_demo_group_lists_its_member_municipalities():
    demo_load()

    bycirklen = Place.objects.get(name="Bycirklen")

    assert {p.name for p in bycirklen.members.all()} == {"Ballerup", "Egedal", "Frederikssund"}


def test_demo_agreement_chain_of_bycirklen_and_wuxi_links_each_renewal_to_the_last():
    demo_load()

    partnership = Partnership.objects.get(party_a__name="Bycirklen", party_b__name="Wuxi")
    chain = [a for a in partnership.agreements.order_by("signed") if a.term_months]

    assert [a.signed.year for a in chain] == [2007, 2010, 2013]
    assert chain[1].renews == chain[0]
    assert chain[2].renews == chain[1]


def test_demo_holds_the_terminated_st_petersburg_partnership_with_its_date():
    demo_load()

    ended = Partnership.objects.get(party_b__name__contains="Petersburg")

    assert ended.status == PartnershipStatus.TERMINATED
    assert ended.until.isoformat() == "2022-03-09"
    assert ended.termination_reason


def test_demo_place_is_found_by_danish_and_english_spelling():
    demo_load()

    assert place_find(name="Sonderborg", country="DK") == place_find(name="Sønderborg")


def test_loading_the_demo_twice_changes_nothing():
    first = demo_load()
    counts = (Place.objects.count(), Partnership.objects.count())

    second = demo_load()

    assert (Place.objects.count(), Partnership.objects.count()) == counts
    assert first.partnerships == second.partnerships == counts[1]


def test_demo_command_if_empty_leaves_existing_data_alone(capsys):
    call_command("demo")
    Partnership.objects.filter(party_a__name="Aarhus").delete()
    remaining = Partnership.objects.count()

    call_command("demo", "--if-empty")

    assert Partnership.objects.count() == remaining
    assert "already holds data" in capsys.readouterr().out


def test_demo_reset_reloads_from_scratch():
    demo_load()
    Partnership.objects.filter(party_a__name="Aarhus").delete()

    demo_load(reset=True)

    assert Partnership.objects.filter(party_a__name="Aarhus").count() >= 10
