"""JSON endpoints for evaluation reports and alerts."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.reports.filters import EvaluationReportFilter
from twinning.reports.models import EvaluationReport
from twinning.reports.schemas import AlertsOut, ReportDetailOut, ReportOut, ReportQuery
from twinning.reports.selectors import alerts_due, report_content, report_detail, report_list

router = Router(tags=["reports"])
alerts_router = Router(tags=["alerts"])


@router.get(
    "",
    response=list[ReportOut],
    auth=read_auth,
    operation_id="report_list",
    summary="List evaluation reports",
    description="Return the evaluation reports the caller may see, filtered by party, "
    "partnership, language and a year their period covers.",
)
@paginate_or_export(ReportOut, "reports")
def list_reports(request, filters: Query[ReportQuery]):
    return filter_or_422(
        EvaluationReportFilter, filters, report_list(user=request.user).order_by("pk")
    )


@router.get(
    "/{int:pk}",
    response={200: ReportDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="report_detail",
    summary="Get an evaluation report",
    description="Return the written parts, the activity counts per area and year, the "
    "recommended focus areas and links to the PDF and Word files.",
)
def get_report(request, pk: int):
    try:
        report = report_detail(user=request.user, pk=pk)
    except EvaluationReport.DoesNotExist:
        raise HttpError(404, _("No such report.")) from None
    with translation.override(report.language):
        content = report_content(user=request.user, report=report)
    counts = [
        {
            "area": result.code,
            "year": overview.year,
            "count": sum(len(row["cells"].get(result.code, [])) for row in overview.months),
        }
        for overview in content.overviews
        for result in content.results
    ]
    report.activity_counts = counts
    report.recommended_focus = [row.area.slug for row in content.alignment.recommended]
    report.pdf_url = reverse("reports:pdf", args=[pk])
    report.docx_url = reverse("reports:docx", args=[pk])
    return report


@alerts_router.get(
    "",
    response=AlertsOut,
    auth=read_auth,
    operation_id="alerts",
    summary="What is due",
    description="Agreements in their notice period, visits in the next 30 days and overdue "
    "commitments that the caller may see.",
)
def get_alerts(request):
    alerts = alerts_due(user=request.user)
    return {
        "today": alerts.today,
        "agreements": [
            {
                "agreement": alert.agreement.pk,
                "partnership": alert.agreement.partnership_id,
                "title": alert.agreement.title or alert.agreement.get_kind_display(),
                "expires": alert.agreement.expires.isoformat(),
                "window_opens": alert.window_opens,
            }
            for alert in alerts.agreements
        ],
        "visits": alerts.visits,
        "commitments": alerts.commitments,
    }
