"""Evaluation reports in the search index: what their authors wrote."""

from __future__ import annotations

from collections.abc import Iterable

from twinning.core.search import Document, Indexer, Span, register
from twinning.partnerships.search import partnership_facts
from twinning.reports.models import EvaluationReport, ReportLanguage


def _report_documents(ids: list[int]) -> Iterable[tuple[int, Document]]:
    reports = list(EvaluationReport.objects.filter(pk__in=ids))
    facts = partnership_facts(report.partnership_id for report in reports)
    for report in reports:
        partnership = facts[report.partnership_id]
        yield (
            report.pk,
            Document(
                title=report.title or f"{partnership.title} {report.from_year}–{report.to_year}",
                other_names=list(partnership.other_names),
                body=report.summary
                + ("\n" + report.recommendation if report.recommendation else ""),
                meta=[
                    Span(str(report.from_year), str(report.to_year)),
                    ReportLanguage(report.language),
                ],
                year=report.to_year,
                **partnership.facets(),
                # A report has an owner of its own.
                is_public=report.is_public,
                owner_id=report.owner_id,
            ),
        )


register(
    Indexer(
        kind="report",
        slot=18,
        model="reports.EvaluationReport",
        url_name="reports:detail",
        documents=_report_documents,
    )
)
