from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.sources import selectors, services
from twinning.sources.filters import SourceFilter
from twinning.sources.forms import SourceForm
from twinning.sources.models import Source

PER_PAGE = 50


def source_list(request):
    queryset = selectors.source_list(user=request.user)
    filterset = SourceFilter(request.GET, queryset=queryset, request=request)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    partial = request.htmx and not request.htmx.boosted
    template = "sources/_results.html" if partial else "sources/list.html"
    context = {"filter": filterset, "page": page, "can_create": is_editor(request.user)}
    return render(request, template, context)


def _get_source(request, pk: int) -> Source:
    try:
        return selectors.source_detail(user=request.user, pk=pk)
    except Source.DoesNotExist as exc:
        raise Http404 from exc


def source_detail(request, pk: int):
    source = _get_source(request, pk)
    evidence = selectors.source_evidence(source=source, user=request.user)
    context = {
        "source": source,
        "evidence": evidence,
        "passages": selectors.source_passages(source=source, evidence=evidence),
        "history": selectors.source_history(source=source),
        "can_edit": can_edit(request.user, source),
    }
    return render(request, "sources/detail.html", context)


@login_required
def source_create(request):
    if not is_editor(request.user):
        raise PermissionDenied
    form = SourceForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        source = services.source_create(**form.cleaned_data)
        messages.success(request, _("The source was saved."))
        return redirect(source)
    return render(request, "sources/form.html", {"form": form})


@login_required
def source_edit(request, pk: int):
    source = _get_source(request, pk)
    if not can_edit(request.user, source):
        raise PermissionDenied
    form = SourceForm(request.POST or None, instance=source, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.source_update(source=source, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The source was saved."))
            return redirect(source)
    return render(request, "sources/form.html", {"form": form, "source": source})
