"""Pages for partner profiles: Seeking a partner, a profile, its forms, suggested partners."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.places.models import Place
from twinning.profiles import selectors, services
from twinning.profiles.filters import ProfileFilter
from twinning.profiles.forms import ProfileForm
from twinning.profiles.models import PartnerProfile

PER_PAGE = 50
# Suggestions shown on a profile; the page of a place's suggestions shows more.
PROFILE_SUGGESTIONS = 10
PAGE_SUGGESTIONS = 20


def profile_list(request):
    """List the partner profiles: by default those of places seeking a partner now."""
    data = request.GET.copy()
    data.setdefault("seeking", "true")
    filterset = ProfileFilter(data, queryset=selectors.profile_list(user=request.user))
    field = filterset.form.fields["focus"]
    field.widget = forms.Select(choices=field.choices)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter": filterset,
        "page_obj": page,
        "profiles": page.object_list,
        "query_without_page": query.urlencode(),
        "may_create": is_editor(request.user),
    }
    template = "profiles/_results.html" if request.htmx else "profiles/list.html"
    return render(request, template, context)


def _visible_profile(request, pk: int) -> PartnerProfile:
    try:
        return selectors.profile_detail(user=request.user, pk=pk)
    except PartnerProfile.DoesNotExist as exc:
        raise Http404(_("No such profile.")) from exc


def profile_detail(request, pk: int):
    """Show one profile with the partners suggested for its place."""
    profile = _visible_profile(request, pk)
    context = {
        "profile": profile,
        "may_edit": can_edit(request.user, profile),
        "suggestions": selectors.place_suggestions(
            user=request.user, place=profile.place, limit=PROFILE_SUGGESTIONS
        ),
    }
    return render(request, "profiles/detail.html", context)


def place_suggestions(request, pk: int):
    """Show the partners suggested for any place, each with its reasons."""
    place = get_object_or_404(Place, pk=pk)
    context = {
        "place": place,
        "profile": selectors.profile_of_place(user=request.user, place=place),
        "suggestions": selectors.place_suggestions(
            user=request.user, place=place, limit=PAGE_SUGGESTIONS
        ),
    }
    return render(request, "profiles/suggestions.html", context)


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def profile_create(request):
    """Let an editor publish the profile of a place under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    initial = {"place": request.GET["place"]} if request.GET.get("place", "").isdigit() else {}
    form = ProfileForm(request.POST or None, initial=initial, user=request.user)
    if request.method == "POST" and form.is_valid():
        profile = _save(form, services.profile_create)
        if profile is not None:
            messages.success(request, _("The profile was saved."))
            return redirect(profile)
    return render(request, "profiles/profile_form.html", {"form": form})


@login_required
def profile_update(request, pk: int):
    """Let an editor of the owning organisation change a profile."""
    profile = _visible_profile(request, pk)
    if not can_edit(request.user, profile):
        raise PermissionDenied
    form = ProfileForm(request.POST or None, instance=profile, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.profile_update(profile=profile, **data))
        if saved is not None:
            messages.success(request, _("The profile was saved."))
            return redirect(saved)
    return render(request, "profiles/profile_form.html", {"form": form, "profile": profile})
