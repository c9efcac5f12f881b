"""Pages for grants: list, detail with the call's check, forms, certified lists and final report."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from twinning.accounts.selectors import can_edit, is_editor
from twinning.grants import documents, selectors, services
from twinning.grants.forms import GrantForm, GrantTownForm
from twinning.grants.models import Grant, GrantTown

PDF_LANGUAGES = ("da", "en")


def grant_list(request):
    """List the grants the visitor may see."""
    context = {
        "grants": selectors.grant_list(user=request.user),
        "may_create": is_editor(request.user),
    }
    return render(request, "grants/list.html", context)


def _grant(request, pk: int) -> Grant:
    try:
        return selectors.grant_detail(user=request.user, pk=pk)
    except Grant.DoesNotExist as exc:
        raise Http404(_("No such grant.")) from exc


def _editable(request, pk: int) -> Grant:
    grant = _grant(request, pk)
    if not can_edit(request.user, grant):
        raise PermissionDenied
    return grant


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            for name, errors in exc.error_dict.items():
                form.add_error(name if name in form.fields else None, errors)
        else:
            form.add_error(None, exc)
        return None


def grant_detail(request, pk: int):
    """Show a grant with its towns, events and what the call's rules find missing."""
    grant = _grant(request, pk)
    may_edit = can_edit(request.user, grant)
    context = {
        "grant": grant,
        "rules": grant.call_rules,
        "check": selectors.grant_check(grant),
        "may_edit": may_edit,
    }
    return render(request, "grants/detail.html", context)


@login_required
def grant_create(request):
    """Let an editor record a grant under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    form = GrantForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        grant = _save(form, services.grant_create)
        if grant is not None:
            messages.success(request, _("The grant was added."))
            return redirect(grant)
    return render(request, "grants/grant_form.html", {"form": form})


@login_required
def grant_update(request, pk: int):
    """Let an editor of the owning organisation change a grant."""
    grant = _editable(request, pk)
    form = GrantForm(request.POST or None, instance=grant, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.grant_update(grant=grant, **data))
        if saved is not None:
            messages.success(request, _("The grant was saved."))
            return redirect(saved)
    return render(request, "grants/grant_form.html", {"form": form, "grant": grant})


@login_required
def town_form(request, pk: int, town_pk: int | None = None):
    """Add a town to a grant, or change its legal representative."""
    grant = _editable(request, pk)
    town = get_object_or_404(GrantTown, grant=grant, pk=town_pk) if town_pk else None
    form = GrantTownForm(request.POST or None, instance=town, grant=grant)
    if request.method == "POST" and form.is_valid():
        if town is None:
            save = lambda **data: services.grant_town_add(grant=grant, **data)  # noqa: E731
        else:
            save = lambda **data: services.grant_town_update(town=town, **data)  # noqa: E731
        if _save(form, save) is not None:
            messages.success(request, _("The town was saved."))
            return redirect(f"{grant.get_absolute_url()}#towns")
    return render(request, "grants/town_form.html", {"form": form, "grant": grant, "town": town})


@login_required
@require_POST
def town_delete(request, pk: int, town_pk: int):
    """Take a town out of a grant."""
    grant = _editable(request, pk)
    services.grant_town_delete(town=get_object_or_404(GrantTown, grant=grant, pk=town_pk))
    messages.success(request, _("The town was removed from the grant."))
    return redirect(f"{grant.get_absolute_url()}#towns")


def _pdf_response(pdf: bytes, filename: str, language: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = language
    return response


@login_required
def certification_pdf(request, pk: int, town_pk: int):
    """Return one town's participant list for its legal representative to sign (PDF).

    Names are personal data: only editors of the grant's organisation print the list.
    ``?lang=da|en`` overrides the town's own language.
    """
    grant = _editable(request, pk)
    town = get_object_or_404(GrantTown.objects.select_related("place"), grant=grant, pk=town_pk)
    language = request.GET.get("lang")
    language = language if language in PDF_LANGUAGES else town.document_language()
    pdf = documents.certification_pdf(grant=grant, town=town, language=language)
    return _pdf_response(pdf, f"participants-{grant.pk}-{town.place_id}-{language}.pdf", language)


def final_report(request, pk: int):
    """Show the grant's final report: its events, who took part, results and the check."""
    grant = _grant(request, pk)
    context = {"report": selectors.final_report(grant), "may_edit": can_edit(request.user, grant)}
    return render(request, "grants/final_report.html", context)


def final_report_pdf(request, pk: int):
    """Return the grant's final report as a PDF (``?lang=da|en``)."""
    grant = _grant(request, pk)
    language = request.GET.get("lang") or translation.get_language() or "en"
    language = language[:2] if language[:2] in PDF_LANGUAGES else "en"
    pdf = documents.final_report_pdf(grant=grant, language=language)
    return _pdf_response(pdf, f"final-report-{grant.pk}-{language}.pdf", language)
