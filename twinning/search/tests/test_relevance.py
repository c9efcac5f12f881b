"""The search box finds what the judgement file says it must, in the demo registry."""

import pytest

from twinning.search.relevance import Judgement, judgements, relevance

pytestmark = pytest.mark.django_db


def test_the_judgements_cover_three_languages():
    items = judgements()
    assert len(items) >= 40
    assert {item.language for item in items} == {"da", "en", "zh"}
    assert all(item.relevant for item in items)


def test_recall_at_ten_is_at_least_95_percent(demo_registry):
    measured = relevance()
    assert measured.recall >= 0.95, measured.missed
    assert 0 < measured.ndcg <= 1


def test_a_record_that_is_not_there_counts_as_missed(demo_registry):
    measured = relevance([Judgement(q="Zerohouse", language="en", relevant=("site: Nowhere",))])
    assert measured.recall == 0 and measured.missed == {"Zerohouse": ["site: Nowhere"]}
