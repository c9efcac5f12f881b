"""The language switch and the lookups behind the forms' pickers."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.views.i18n import set_language as django_set_language

from twinning.core import lookups


def set_language(request):
    """Store the chosen language and go to ``next`` in that language.

    Django resolves ``next`` in the language the request arrived in, which for
    ``/i18n/setlang/`` is not the page's; resolve it in the language of its own prefix.
    """
    next_url = request.POST.get("next", request.GET.get("next")) or ""
    language = translation.get_language_from_path(urlsplit(next_url).path)
    with translation.override(language or settings.LANGUAGE_CODE):
        return django_set_language(request)


def saved_redirect(request, record):
    """Go to the record just created, or to an empty form again to add another one.

    The new form keeps the address it was opened at, so one started from a partnership
    stays filled in from it.
    """
    if request.POST.get("add_another"):
        return redirect(request.get_full_path())
    return redirect(record)


@login_required
def lookup(request, name: str):
    """Answer a picker's typed text with the matching records the user may pick."""
    try:
        found = lookups.get(name)
    except KeyError as exc:
        raise Http404 from exc
    return JsonResponse({"results": found.options(request.user, request.GET.get("q", ""))})


@login_required
def lookup_create(request, name: str):
    """Show the small form that creates a record from a picker, and create it.

    A successful creation answers with the new record as a picker option (JSON); a form
    with errors comes back as HTML for the dialog to show.
    """
    try:
        found = lookups.get(name)
    except KeyError as exc:
        raise Http404 from exc
    if found.create is None or not found.may_create(request.user):
        raise PermissionDenied
    initial = {"name": request.GET.get("name", "")}
    form = found.creation_form(request.user, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record = found.create(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return JsonResponse({"value": str(record.pk), "text": found.label(record)}, status=201)
    status = 422 if form.is_bound else 200
    context = {"form": form, "action": request.path, "lookup": found}
    return render(request, "core/lookup_create.html", context, status=status)
