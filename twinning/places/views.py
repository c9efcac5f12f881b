from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor
from twinning.core.views import saved_redirect
from twinning.places import selectors, services
from twinning.places.filters import PlaceFilter
from twinning.places.forms import PlaceForm
from twinning.places.models import Place

PER_PAGE = 50


def place_list(request):
    filterset = PlaceFilter(request.GET, queryset=selectors.place_browse(), request=request)
    page = Paginator(filterset.qs, PER_PAGE).get_page(request.GET.get("page"))
    partial = request.htmx and not request.htmx.boosted
    template = "places/_results.html" if partial else "places/list.html"
    context = {"filter": filterset, "page": page, "can_create": is_editor(request.user)}
    return render(request, template, context)


def _get_place(pk: int) -> Place:
    try:
        return selectors.place_detail(pk=pk)
    except Place.DoesNotExist as exc:
        raise Http404 from exc


def place_detail(request, pk: int):
    place = _get_place(pk)
    context = {
        "place": place,
        "ancestors": place.ancestors(),
        "partnerships": selectors.place_partnerships(place=place, user=request.user),
        "history": selectors.place_history(place=place),
        "can_edit": can_edit(request.user, place),
    }
    return render(request, "places/detail.html", context)


@login_required
def place_create(request):
    if not is_editor(request.user):
        raise PermissionDenied
    form = PlaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        place = services.place_create(**form.cleaned_data)
        messages.success(request, _("The place was saved."))
        return saved_redirect(request, place)
    return render(request, "places/form.html", {"form": form})


@login_required
def place_edit(request, pk: int):
    place = _get_place(pk)
    if not can_edit(request.user, place):
        raise PermissionDenied
    form = PlaceForm(request.POST or None, instance=place)
    if request.method == "POST" and form.is_valid():
        try:
            services.place_update(place=place, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The place was saved."))
            return redirect(place)
    return render(request, "places/form.html", {"form": form, "place": place})
