from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.core.views import saved_redirect
from twinning.organisations import selectors, services
from twinning.organisations.filters import OrganisationFilter
from twinning.organisations.forms import OrganisationForm
from twinning.organisations.models import Organisation

PER_PAGE = 50


def organisation_list(request):
    queryset = selectors.organisation_list(user=request.user)
    filterset = OrganisationFilter(request.GET, queryset=queryset, request=request)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    partial = request.htmx and not request.htmx.boosted
    template = "organisations/_results.html" if partial else "organisations/list.html"
    context = {"filter": filterset, "page": page, "can_create": is_editor(request.user)}
    return render(request, template, context)


def _get_organisation(request, pk: int) -> Organisation:
    try:
        return selectors.organisation_detail(user=request.user, pk=pk)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc


def organisation_detail(request, pk: int):
    organisation = _get_organisation(request, pk)
    context = {
        "organisation": organisation,
        "history": selectors.organisation_history(organisation=organisation),
        "can_edit": can_edit(request.user, organisation),
    }
    return render(request, "organisations/detail.html", context)


@login_required
def organisation_create(request):
    if not is_editor(request.user):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(**form.cleaned_data)
        messages.success(request, _("The organisation was saved."))
        return saved_redirect(request, organisation)
    return render(request, "organisations/form.html", {"form": form})


@login_required
def organisation_edit(request, pk: int):
    organisation = _get_organisation(request, pk)
    if not can_edit(request.user, organisation):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, instance=organisation, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The organisation was saved."))
            return redirect(organisation)
    context = {"form": form, "organisation": organisation}
    return render(request, "organisations/form.html", context)
