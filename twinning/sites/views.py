"""Pages for showcase sites: the filtered list, one site and the editing form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.core.selectors import history_changes
from twinning.core.views import saved_redirect
from twinning.focusareas.models import FocusArea
from twinning.sites import selectors, services
from twinning.sites.filters import ShowcaseSiteFilter
from twinning.sites.forms import ShowcaseSiteForm
from twinning.sites.models import ShowcaseSite

PER_PAGE = 50


def site_list(request):
    """List the showcase sites the visitor may see, filtered, a page at a time."""
    sites = selectors.showcase_site_list(user=request.user)
    filterset = ShowcaseSiteFilter(request.GET or None, queryset=sites)
    results = filterset.qs if filterset.is_bound else sites
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page_obj": page,
        "sites": page.object_list,
        "query_without_page": query.urlencode(),
        "focus_areas": [] if request.htmx else FocusArea.objects.order_by("name_en"),
        "may_create": is_editor(request.user),
        "hx_target": "#results",
    }
    template = "sites/_results.html" if request.htmx else "sites/list.html"
    return render(request, template, context)


def _visible_site(request, pk: int) -> ShowcaseSite:
    try:
        return selectors.showcase_site_detail(user=request.user, pk=pk)
    except ShowcaseSite.DoesNotExist as exc:
        raise Http404(_("No such showcase site.")) from exc


def site_detail(request, pk: int):
    """Show one site with the visits that saw it and its change history."""
    site = _visible_site(request, pk)
    records = site.history.select_related("history_user").order_by("-history_date", "-history_id")[
        :51
    ]
    history = history_changes(
        records,
        kind=str(ShowcaseSite._meta.verbose_name),
        label=lambda record: "",
        url_name="sites:detail",
    )[:50]
    context = {"site": site, "history": history, "may_edit": can_edit(request.user, site)}
    return render(request, "sites/detail.html", context)


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def site_create(request):
    """Let an editor add a showcase site under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    form = ShowcaseSiteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        site = _save(form, services.showcase_site_create)
        if site is not None:
            messages.success(request, _("The showcase site was added."))
            return saved_redirect(request, site)
    return render(request, "sites/site_form.html", {"form": form})


@login_required
def site_update(request, pk: int):
    """Let an editor of the owning organisation change a showcase site."""
    site = _visible_site(request, pk)
    if not can_edit(request.user, site):
        raise PermissionDenied
    form = ShowcaseSiteForm(request.POST or None, instance=site, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.showcase_site_update(site=site, **data))
        if saved is not None:
            messages.success(request, _("The showcase site was saved."))
            return redirect(saved)
    return render(request, "sites/site_form.html", {"form": form, "site": site})
