"""The Bycirklen–Wuxi report for 2013–2015 built from the demo registry."""

import io
import re

import docx
import pytest
from django.utils import translation
from django.utils.html import escape
from pypdf import PdfReader

from twinning.activities.models import Activity
from twinning.partnerships.models import Partnership
from twinning.reports.documents import render_report
from twinning.reports.models import EvaluationReport
from twinning.reports.selectors import EVERYONE, report_content
from twinning.strategies.models import Budget, GoalStatus, Indicator, Strategy

pytestmark = pytest.mark.django_db


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_demo_report_carries_every_dated_activity_of_the_period(demo_registry):
    partnership = Partnership.objects.get(party_a__name="Bycirklen", party_b__name="Wuxi")
    expected = list(
        Activity.objects.filter(partnerships=partnership, start__gte="2013", start__lt="2016")
    )
    assert len(expected) > 100
    report = EvaluationReport(
        party=partnership.party_a,
        partnership=partnership,
        from_year=2013,
        to_year=2015,
        language="da",
    )
    content = report_content(user=EVERYONE, report=report)
    # The 2013 renewal ran out in June 2016 and nothing renewed it.
    assert [(d.kind, d.agreement.signed.isoformat()) for d in content.due] == [
        ("agreement_lapsed", "2013-06")
    ]
    assert content.activity_count == len(expected)

    html = render_report(content, "html").decode()
    tables = html[html.index('id="overview"') :]
    # The report is in Danish: each activity under its Danish title where it has one.
    with translation.override("da"):
        titles = [activity.title for activity in expected]
    for title in titles:
        assert escape(title) in tables, title

    document = docx.Document(io.BytesIO(render_report(content, "docx")))
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    for title in titles:
        assert title in cells, title

    pdf = PdfReader(io.BytesIO(render_report(content, "pdf")))
    text = _squash("".join(page.extract_text() for page in pdf.pages))
    missing = [title for title in titles if _squash(title) not in text]
    assert missing == []


def test_demo_steering_data_states_the_report_facts(demo_registry):
    strategy = Strategy.objects.get(party__name="Bycirklen")
    assert [g.status for g in strategy.goals.all()] == [
        GoalStatus.MET,
        GoalStatus.PARTLY_MET,
        GoalStatus.NOT_MET,
    ]
    budget = Budget.objects.get(party__name="Bycirklen", year=2015)
    assert budget.total == 887500 and budget.rate_per_inhabitant == 6
    assert budget.staff_fte == 1
    assert budget.allocations.get().amount == 450000
    # The one indicator the evaluation gives a number for: the phase 1 contract of 2014.
    (indicator,) = Indicator.objects.filter(goal__strategy=strategy)
    (period,) = indicator.periods.all()
    assert (period.label, period.actual, period.target) == ("2014", 1, None)
    assert period.source.title.startswith("Bycirklen and Wuxi: evaluation")
    assert period.evidence.startswith("Allerede i april 2014")
    assert Strategy.objects.count() == 3 and Budget.objects.count() == 2
    assert Indicator.objects.count() == 1
