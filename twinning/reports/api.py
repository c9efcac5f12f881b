"""JSON endpoints for evaluation reports and alerts."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

from twinning.accounts.auth import read_auth, write_auth
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import (
    blank_text,
    get_or_422,
    get_visible_or_422,
    owner_for,
    require_can_edit,
    require_editor,
)
from twinning.partnerships.selectors import partnership_list
from twinning.places.models import Place
from twinning.reports.filters import EvaluationReportFilter
from twinning.reports.models import EvaluationReport
from twinning.reports.schemas import (
    AlertsOut,
    ReportDetailOut,
    ReportIn,
    ReportOut,
    ReportPatch,
    ReportQuery,
)
from twinning.reports.selectors import (
    AlertKind,
    alerts_due,
    commitment_kind,
    report_content,
    report_detail,
    report_list,
)
from twinning.reports.services import report_create, report_delete, report_update

router = Router(tags=["reports"])
alerts_router = Router(tags=["alerts"])


@router.get(
    "",
    response=list[ReportOut],
    auth=read_auth,
    operation_id="report_list",
    summary="List evaluation reports",
    description="Return the evaluation reports the caller may see, filtered by party, "
    "partnership, language and a year their period covers; with format=csv or xlsx, every "
    "match as a file.",
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
    return _report_out(request, _report(request, pk))


def _report(request, pk: int) -> EvaluationReport:
    try:
        return report_detail(user=request.user, pk=pk)
    except EvaluationReport.DoesNotExist:
        raise HttpError(404, _("No such report.")) from None


def _report_out(request, report: EvaluationReport) -> EvaluationReport:
    pk = report.pk
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


# Writes ---------------------------------------------------------------------------------

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"title", "summary", "recommendation"})
    if "partnership" in fields:
        fields["partnership"] = get_visible_or_422(
            partnership_list(user=request.user), fields["partnership"], "partnership"
        )
    if "party" in fields:
        fields["party"] = get_or_422(Place, fields["party"], "party")
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    return fields


def _editable(request, pk: int) -> EvaluationReport:
    report = _report(request, pk)
    require_can_edit(request.user, report)
    return report


@router.post(
    "",
    response={201: ReportDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="report_create",
    summary="Create an evaluation report",
    description="Start a report on a partnership over a period, with the parts people write; "
    "the other sections are generated when it is shown. Editors only; the caller is "
    "recorded as the author.",
)
def create_report(request, payload: ReportIn):
    require_editor(request.user)
    report = report_create(author=request.user, **_fields(request, payload.dict()))
    return Status(201, _report_out(request, _report(request, report.pk)))


@router.patch(
    "/{int:pk}",
    response={200: ReportDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="report_update",
    summary="Change an evaluation report",
    description="Change the fields given, such as the summary or recommendation; the others "
    "stay as they are. Only editors of the owning organisation may.",
)
def update_report(request, pk: int, payload: ReportPatch):
    report = _editable(request, pk)
    report_update(report=report, **_fields(request, payload.dict(exclude_unset=True)))
    return _report_out(request, _report(request, pk))


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="report_delete",
    summary="Delete an evaluation report",
    description="Delete a report; its history keeps what it said.",
)
def delete_report(request, pk: int):
    report_delete(report=_editable(request, pk))
    return Status(204, None)


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
