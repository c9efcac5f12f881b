"""Pages for activities: list, detail, forms, calendar and the monthly overview."""

import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from twinning.accounts.selectors import can_edit, is_editor, visible_to
from twinning.activities import selectors, services
from twinning.activities.exports import overview_csv, overview_xlsx
from twinning.activities.filters import ActivityFilter
from twinning.activities.forms import ActivityForm
from twinning.activities.models import Activity, ActivityArea
from twinning.core.exports import XLSX_TYPE
from twinning.core.responses import name_file
from twinning.core.views import saved_redirect
from twinning.partnerships.forms import initial_from_partnership
from twinning.partnerships.models import Partnership
from twinning.partnerships.selectors import partnership_started_from

PER_PAGE = 50


def _filtered(request):
    filterset = ActivityFilter(
        request.GET or None, queryset=selectors.activity_list(user=request.user)
    )
    for name in ("area", "kind"):
        field = filterset.form.fields[name]
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
    return filterset


def _partnership_choices(user):
    partnerships = visible_to(Partnership.objects.filter(activities__isnull=False), user)
    return partnerships.select_related("party_a", "party_b").distinct()


def activity_list(request):
    """List the activities the visitor may see, filtered and a page at a time."""
    filterset = _filtered(request)
    results = filterset.qs if filterset.is_bound else filterset.queryset
    # The log reads newest first: what was just recorded is on the first page.
    page = Paginator(results.order_by("-start", "-pk"), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page_obj": page,
        "activities": page.object_list,
        "query_without_page": query.urlencode(),
        "partnerships": [] if request.htmx else _partnership_choices(request.user),
        "may_create": is_editor(request.user),
        "hx_target": "#results",
    }
    template = "activities/_results.html" if request.htmx else "activities/list.html"
    return render(request, template, context)


def _visible_activity(request, pk: int) -> Activity:
    try:
        return selectors.activity_detail(user=request.user, pk=pk)
    except Activity.DoesNotExist as exc:
        raise Http404(_("No such activity.")) from exc


def activity_detail(request, pk: int):
    """Show one activity with its participants, head counts and sources."""
    activity = _visible_activity(request, pk)
    context = {"activity": activity, "may_edit": can_edit(request.user, activity)}
    return render(request, "activities/detail.html", context)


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def activity_create(request):
    """Let an editor add an activity under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    initial = {}
    started_from = partnership_started_from(user=request.user, value=request.GET.get("partnership"))
    if started_from is not None:
        initial = initial_from_partnership(started_from, request.user)
    form = ActivityForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        activity = _save(form, services.activity_create)
        if activity is not None:
            messages.success(request, _("The activity was added."))
            return saved_redirect(request, activity)
    return render(request, "activities/activity_form.html", {"form": form})


@login_required
def activity_update(request, pk: int):
    """Let an editor of the owning organisation change an activity."""
    activity = _visible_activity(request, pk)
    if not can_edit(request.user, activity):
        raise PermissionDenied
    form = ActivityForm(request.POST or None, instance=activity, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.activity_update(activity=activity, **data))
        if saved is not None:
            messages.success(request, _("The activity was saved."))
            return redirect(saved)
    return render(request, "activities/activity_form.html", {"form": form, "activity": activity})


def activity_calendar(request):
    """Show a month of activities as a grid, with the list's filters."""
    today = timezone.localdate()
    try:
        year, month = (int(part) for part in request.GET.get("month", "").split("-"))
        dt.date(year, month, 1)
    except ValueError:
        year, month = today.year, today.month
    filterset = _filtered(request)
    activities = filterset.qs if filterset.is_bound else filterset.queryset
    grid = selectors.calendar_month(
        selectors.activities_in_month(activities, year=year, month=month), year=year, month=month
    )
    query = request.GET.copy()
    query.pop("month", None)
    # An empty month points to the latest month that has activities.
    latest = (
        None
        if grid["count"]
        else activities.order_by("-start").values_list("start", flat=True).first()
    )
    context = {
        "filter": filterset,
        "grid": grid,
        "latest": latest,
        "may_create": is_editor(request.user),
        "today": today,
        "query_without_month": query.urlencode(),
        "partnerships": _partnership_choices(request.user),
    }
    return render(request, "activities/calendar.html", context)


def _overview_arguments(request):
    partnerships = list(_partnership_choices(request.user))
    pk = request.GET.get("partnership", "")
    partnership = next((p for p in partnerships if str(p.pk) == pk), None)
    if partnership is None and pk:
        raise Http404(_("No such partnership."))
    years = (
        selectors.activity_years(user=request.user, partnership=partnership) if partnership else []
    )
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = years[0] if years else timezone.localdate().year
    if not 1 <= year <= 9999:
        raise Http404(_("No such year."))
    return partnerships, partnership, years, year


def activity_overview(request):
    """Show a partnership's activities of a year as months down and areas across."""
    partnerships, partnership, years, year = _overview_arguments(request)
    overview = None
    if partnership is not None:
        overview = selectors.activity_overview(
            user=request.user, partnership=partnership, year=year
        )
    labels = dict(ActivityArea.choices)
    context = {
        "partnerships": partnerships,
        "partnership": partnership,
        "years": years,
        "year": year,
        "overview": overview,
        "area_labels": [labels[a] for a in overview["areas"]] if overview else [],
        "rows": [
            (
                MONTHS[row["month"]] if row["month"] else _("During the year"),
                [row["cells"][area] for area in overview["areas"]],
            )
            for row in (overview["months"] if overview else [])
        ],
    }
    return render(request, "activities/overview.html", context)


def _download(request, kind: str):
    _partnerships, partnership, _years, year = _overview_arguments(request)
    if partnership is None:
        raise Http404(_("Choose a partnership."))
    overview = selectors.activity_overview(user=request.user, partnership=partnership, year=year)
    name = "-".join((pgettext("file name", "activities"), str(partnership.pk), str(year)))
    if kind == "csv":
        response = HttpResponse(overview_csv(overview), content_type="text/csv; charset=utf-8")
        return name_file(response, f"{name}.csv")
    title = _("Activities %(year)s: %(partnership)s") % {"year": year, "partnership": partnership}
    response = HttpResponse(overview_xlsx(overview, title=title), content_type=XLSX_TYPE)
    return name_file(response, f"{name}.xlsx")


def overview_csv_download(request):
    """Download the monthly overview as CSV."""
    return _download(request, "csv")


def overview_xlsx_download(request):
    """Download the monthly overview as an XLSX workbook."""
    return _download(request, "xlsx")
