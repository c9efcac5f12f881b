"""The evaluation report as a council reads it: summary per area, indicators, Word that is
ready to print (page numbers, contents, proofing language), the monthly tables last."""

import datetime as dt
import io
import json
import re
from decimal import Decimal

import docx
import pytest
from django.urls import reverse
from django.utils import translation

from twinning.activities.models import Activity
from twinning.reports.documents import render_report
from twinning.reports.selectors import EVERYONE, report_content
from twinning.reports.services import report_update
from twinning.strategies.models import Goal
from twinning.strategies.services import indicator_create, indicator_period_set

pytestmark = pytest.mark.django_db


def test_results_are_counted_per_area_with_the_picked_highlights(client, setting):
    report = setting["report"]
    expo = Activity.objects.get(title="Learning EXPO II")
    client.force_login(setting["editor"])
    form = client.get(reverse("reports:update", args=[report.pk])).content.decode()
    # Only the partnership's activities of the period can be picked.
    assert "Learning EXPO II" in form and "Outside the period" not in form
    response = client.post(
        reverse("reports:update", args=[report.pk]),
        {
            "partnership": report.partnership_id,
            "party": report.party_id,
            "from_year": 2013,
            "to_year": 2014,
            "language": "en",
            "summary": "We recommend going on.",
            "recommendation": "Renew for three years.",
            "highlights": [expo.pk],
            "owner": setting["org"].pk,
            "is_public": "on",
        },
    )
    assert response.status_code == 302
    content = report_content(user=EVERYONE, report=report)
    counts = {r.label: (r.count, [a.title for a in r.highlights]) for r in content.results}
    assert counts["school"] == (1, ["Learning EXPO II"])
    assert counts["overall project"] == (2, [])
    page = client.get(reverse("reports:detail", args=[report.pk])).content.decode()
    results = page[page.index('id="results"') : page.index('id="charts"')]
    assert "Learning EXPO II" in results and "Network meeting in Vejle" not in results
    # Every activity is still there, in the appendix at the end.
    assert page.index('id="overview"') > page.index('id="sources"')
    assert "Network meeting in Vejle" in page[page.index('id="overview"') :]


def test_word_file_has_page_numbers_built_contents_and_the_report_language(setting):
    report = setting["report"]
    report_update(report=report, language="da")
    content = report_content(user=EVERYONE, report=report)
    data = render_report(content, "docx")
    document = docx.Document(io.BytesIO(data))
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    styles = document.styles.element.xml
    assert 'w:val="da-DK"' in styles and 'w:val="en-US"' not in styles
    assert document.core_properties.language == "da-DK"
    assert "w:updateFields" in document.settings.element.xml
    # The contents are filled in before any update: one entry per section, in order.
    body = document.element.body.xml
    assert 'TOC \\o "1-2"' in body
    entries = [p.text for p in document.paragraphs if p.style.name == "List Number"]
    with translation.override("da"):
        titles = [str(title) for _key, title in content.sections]
    assert entries[: len(titles)] == titles and titles[0] == "Resumé"


def test_indicators_show_as_chart_and_table_in_every_format(setting):
    report = setting["report"]
    goal = Goal.objects.get(title="Door opener for companies")
    contracts = indicator_create(goal=goal, title="Contracts won", unit="contracts")
    for year, target, actual in [(2013, 1, 0), (2014, 1, 1), (2016, 2, 0)]:
        indicator_period_set(
            indicator=contracts,
            start=dt.date(year, 1, 1),
            end=dt.date(year, 12, 31),
            target=Decimal(target),
            actual=Decimal(actual),
        )
    content = report_content(user=EVERYONE, report=report)
    (result,) = content.indicators
    # Only the periods inside the report's years are drawn.
    assert result.chart.categories == ["2013", "2014"]
    bars = re.findall(
        r'data-series="([^"]*)" data-category="([^"]*)" data-value="(\d+)"', result.chart_svg
    )
    assert bars == [
        ("Target", "2013", "1"),
        ("Actual", "2013", "0"),
        ("Target", "2014", "1"),
        ("Actual", "2014", "1"),
    ]
    html = render_report(content, "html").decode()
    goals = html[html.index('id="goals"') : html.index('id="budget"')]
    assert "Contracts won" in goals and "indicator-periods" in goals
    document = docx.Document(io.BytesIO(render_report(content, "docx")))
    described = [json.loads(s._inline.docPr.get("descr")) for s in document.inline_shapes]
    assert result.chart.data() in described


def test_money_and_time_are_totalled_in_the_report(setting):
    from twinning.strategies.services import cost_add, exchange_rate_set, staff_time_set

    partnership, report = setting["partnership"], setting["report"]
    cost_add(
        partnership=partnership,
        party=report.party,
        date=dt.date(2014, 10, 20),
        amount=Decimal(2000),
        currency="CNY",
        description="Conference hall for Learning EXPO II",
    )
    exchange_rate_set(year=2014, currency="CNY", rate=Decimal("0.95"), source="yearly average")
    staff_time_set(
        partnership=partnership, party=report.party, year=2013, role="coordinator", fte=Decimal(1)
    )
    content = report_content(user=EVERYONE, report=report)
    assert content.money.spent == Decimal("1900.00") and content.money.fte == 1
    html = render_report(content, "html").decode()
    budget = html[html.index('id="budget"') : html.index('id="alignment"')]
    assert "1 CNY = 0.95 DKK (yearly average)" in budget
    document = docx.Document(io.BytesIO(render_report(content, "docx")))
    assert any("1 CNY = 0.95 DKK" in p.text for p in document.paragraphs)
