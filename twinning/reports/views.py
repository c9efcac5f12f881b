"""Pages for evaluation reports: list, form, the report on screen and as PDF or Word."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.core.responses import name_file
from twinning.reports import selectors, services
from twinning.reports.documents import CONTENT_TYPES, report_document, report_filename
from twinning.reports.filters import EvaluationReportFilter
from twinning.reports.forms import EvaluationReportForm
from twinning.reports.models import EvaluationReport, ReportFile
from twinning.reports.tasks import report_file_make

PER_PAGE = 50


def report_list(request):
    """List the reports the visitor may see."""
    filterset = EvaluationReportFilter(
        request.GET or None, queryset=selectors.report_list(user=request.user)
    )
    results = filterset.qs if filterset.is_bound else filterset.queryset
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "filter": filterset,
        "page_obj": page,
        "reports": page.object_list,
        "may_create": is_editor(request.user),
    }
    return render(request, "reports/list.html", context)


def _visible_report(request, pk: int) -> EvaluationReport:
    try:
        return selectors.report_detail(user=request.user, pk=pk)
    except EvaluationReport.DoesNotExist as exc:
        raise Http404(_("No such report.")) from exc


def report_detail(request, pk: int):
    """Show the report with every generated section, in the report's language."""
    report = _visible_report(request, pk)
    with translation.override(report.language):
        content = selectors.report_content(user=request.user, report=report)
    context = {
        "report": report,
        "content": content,
        "history": selectors.report_history(report=report),
        "may_edit": can_edit(request.user, report),
    }
    return render(request, "reports/detail.html", context)


def report_download(request, pk: int, fmt: str):
    """Return the report as a PDF or a Word document."""
    report = _visible_report(request, pk)
    data = report_document(user=request.user, report=report, fmt=fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    return name_file(response, report_filename(report, fmt))


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def report_create(request):
    """Let an editor start a report for a partnership and a period."""
    if not is_editor(request.user):
        raise PermissionDenied
    initial = {key: request.GET[key] for key in ("partnership", "party") if key in request.GET}
    form = EvaluationReportForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        report = _save(form, lambda **data: services.report_create(author=request.user, **data))
        if report is not None:
            messages.success(request, _("The report was added."))
            return redirect(report)
    return render(request, "reports/report_form.html", {"form": form})


@login_required
def report_update(request, pk: int):
    """Let an editor of the owning organisation change the written parts of a report."""
    report = _visible_report(request, pk)
    if not can_edit(request.user, report):
        raise PermissionDenied
    form = EvaluationReportForm(request.POST or None, instance=report, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.report_update(report=report, **data))
        if saved is not None:
            messages.success(request, _("The report was saved."))
            return redirect(saved)
    return render(request, "reports/report_form.html", {"form": form, "report": report})


def alerts(request):
    """Show what is due for the visitor."""
    return render(request, "reports/alerts.html", {})


@login_required
def report_file_request(request, pk: int, fmt: str):
    """Queue the report's PDF or Word file for a background worker and show its progress."""
    report = _visible_report(request, pk)
    if request.method != "POST":
        return redirect(report)
    report_file = services.report_file_request(report=report, fmt=fmt, user=request.user)
    result = report_file_make.enqueue(file_id=report_file.pk)
    del result  # the page follows the file's own status, not the task's
    return redirect(report_file)


def _own_file(request, pk: int) -> ReportFile:
    try:
        return selectors.report_file_detail(user=request.user, pk=pk)
    except ReportFile.DoesNotExist as exc:
        raise Http404(_("No such file.")) from exc


@login_required
def report_file_detail(request, pk: int):
    """Show how far a report file has come, and the download once it is ready."""
    report_file = _own_file(request, pk)
    template = "reports/_file.html" if request.htmx else "reports/file.html"
    return render(request, template, {"file": report_file, "report": report_file.report})


@login_required
def report_file_download(request, pk: int):
    """Return a finished report file."""
    report_file = _own_file(request, pk)
    if report_file.content is None:
        raise Http404(_("The file is not ready yet."))
    response = HttpResponse(bytes(report_file.content), content_type=CONTENT_TYPES[report_file.fmt])
    return name_file(response, report_filename(report_file.report, report_file.fmt))
