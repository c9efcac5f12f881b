import datetime as dt

import pytest

from twinning.partnerships.tests.factories import make_area
from twinning.strategies.models import StrategyKind
from twinning.strategies.selectors import COVERED, NAMED, alignment_matrix
from twinning.strategies.tests.factories import make_strategy, make_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    denmark, china, party, partner = make_world()
    water = make_area("water")
    wastewater = make_area("wastewater")
    wastewater.parent = water
    wastewater.save()
    make_strategy(party, ["waste", "wastewater", "elder-care"], start="2013", end="2016")
    make_strategy(
        china, ["elder-care", "waste", "energy"], kind=StrategyKind.PARTNER_PLAN, start="2016"
    )
    make_strategy(denmark, ["water", "energy", "elder-care"], kind=StrategyKind.NATIONAL)
    return party, partner


def test_rows_are_ranked_by_count_then_own_rank(world):
    party, partner = world
    alignment = alignment_matrix(user=None, party=party, partner=partner)
    order = [row.area.slug for row in alignment.rows]
    # Elder care is named by all three; waste, wastewater (covered by "water") and energy by
    # two, ordered by the rank the own strategy gives them (energy has none).
    assert order == ["elder-care", "waste", "wastewater", "energy", "water"]
    assert [row.count for row in alignment.rows] == [3, 2, 2, 2, 1]


def test_broader_area_covers_a_narrower_one(world):
    party, partner = world
    alignment = alignment_matrix(user=None, party=party, partner=partner)
    row = next(row for row in alignment.rows if row.area.slug == "wastewater")
    assert row.cells == [NAMED, "", COVERED]


def test_recommendation_lists_areas_named_by_all_then_most(world):
    party, partner = world
    alignment = alignment_matrix(user=None, party=party, partner=partner)
    assert [row.area.slug for row in alignment.shared_by_all] == ["elder-care"]
    assert [row.area.slug for row in alignment.shared_by_most] == ["waste", "wastewater", "energy"]
    assert "water" not in [row.area.slug for row in alignment.recommended]


def test_only_strategies_in_force_on_the_day_count(world):
    party, partner = world
    alignment = alignment_matrix(user=None, party=party, partner=partner, on=dt.date(2014, 5, 1))
    assert [s.kind for s in alignment.strategies] == [StrategyKind.OWN, StrategyKind.NATIONAL]
    year_end = alignment_matrix(user=None, party=party, partner=partner, on=dt.date(2016, 12, 31))
    assert len(year_end.strategies) == 3


def test_private_strategies_are_hidden_from_visitors(world):
    party, partner = world
    make_strategy(party, ["culture"], title="Secret", is_public=False)
    alignment = alignment_matrix(user=None, party=party, partner=partner)
    assert "Secret" not in [s.title for s in alignment.strategies]
    assert "culture" not in [row.area.slug for row in alignment.rows]
