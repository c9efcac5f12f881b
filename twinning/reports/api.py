"""JSON endpoints for evaluation reports and alerts."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.accounts.auth import read_auth
from twinning.core.api import Resource
from twinning.reports import services
from twinning.reports.filters import EvaluationReportFilter
from twinning.reports.models import EvaluationReport
from twinning.reports.schemas import AlertsOut, ReportDetailOut, ReportIn, ReportOut
from twinning.reports.selectors import (
    AlertKind,
    alerts_due,
    commitment_kind,
    report_content,
    report_detail,
    report_list,
)


def _detail(user, pk: int) -> EvaluationReport:
    """Return the report with the counts and links its detail shows."""
    report = report_detail(user=user, pk=pk)
    with translation.override(report.language):
        content = report_content(user=user, report=report)
    report.activity_counts = [
        {
            "area": result.code,
            "year": overview.year,
            "count": sum(len(row["cells"].get(result.code, [])) for row in overview.months),
        }
        for overview in content.overviews
        for result in content.results
    ]
    report.recommended_focus = [row.area.slug for row in content.alignment.recommended]
    report.pdf_url = reverse("reports:pdf", args=[pk])
    report.docx_url = reverse("reports:docx", args=[pk])
    return report


reports = Resource(
    model=EvaluationReport,
    out=ReportOut,
    detail=ReportDetailOut,
    select=lambda user: report_list(user=user).order_by("pk"),
    fetch=_detail,
    filterset=EvaluationReportFilter,
    body=ReportIn,
    author="author",
    create=services.report_create,
    update=services.report_update,
    delete=services.report_delete,
    export="reports",
    not_found=_("No such report."),
    name="report",
    docs={
        "detail": "With the written parts, the activity counts per area and year, the "
        "recommended focus areas and links to the PDF and Word files.",
        "create": "A report on a partnership over a period, with the parts people write; the "
        "other sections are generated when it is shown. The caller is recorded as the author.",
        "delete": "Its history keeps what it said.",
    },
)
router = reports.mount(Router(tags=["reports"]))
alerts_router = Router(tags=["alerts"])


@alerts_router.get(
    "",
    response=AlertsOut,
    auth=read_auth,
    operation_id="alerts",
    summary="What is due",
    description="Agreements due for renewal, at their notice deadline or lapsed, visits in "
    "the next 30 days and commitments overdue or due within 30 days that the caller may see; "
    "each with its kind.",
)
def get_alerts(request):
    alerts = alerts_due(user=request.user)
    return {
        "today": alerts.today,
        "items": alerts.items(),
        "agreements": [
            {
                "kind": due.kind,
                "agreement": due.agreement.pk,
                "partnership": due.agreement.partnership_id,
                "title": due.agreement.title or due.agreement.get_kind_display(),
                "date": due.date,
                "term_end": due.term_end,
                "window_opens": due.window_opens,
                "suggested_status": due.suggested_status,
            }
            for due in alerts.agreements
        ],
        "visits": [
            {"kind": AlertKind.VISIT_SOON, "id": v.pk, "title": v.title, "start_date": v.start_date}
            for v in alerts.visits
        ],
        "commitments": [
            {
                "kind": commitment_kind(c, alerts.today),
                "id": c.pk,
                "visit": c.visit_id,
                "description": c.description,
                "due_date": c.due_date,
            }
            for c in alerts.commitments
        ],
    }
