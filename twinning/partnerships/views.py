"""Pages for partnerships: the filtered list, the dossier and the editing forms."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, is_editor, visibility_scope
from twinning.core.selectors import data_stamp
from twinning.core.views import saved_redirect
from twinning.partnerships import selectors, services
from twinning.partnerships.filters import PartnershipFilter
from twinning.partnerships.forms import (
    AgreementForm,
    PartnershipForm,
    PlaceMergeForm,
)
from twinning.partnerships.models import Agreement, Partnership
from twinning.places.countries import country_choices
from twinning.places.models import Place

PER_PAGE = 50
SORTS = {
    "since": [F("since").asc(nulls_last=True), "party_a__name", "party_b__name"],
    "-since": [F("since").desc(nulls_last=True), "party_a__name", "party_b__name"],
}


def partnership_list(request):
    """List the partnerships the visitor may see, filtered, sorted and a page at a time."""
    sort = request.GET.get("sort", "")
    partnerships = selectors.partnership_list(user=request.user)
    if sort in SORTS:
        partnerships = partnerships.order_by(*SORTS[sort])
    filterset = PartnershipFilter(request.GET or None, queryset=partnerships)
    for name in ("kind", "status", "focus"):
        field = filterset.form.fields[name]
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)
    results = filterset.qs if filterset.is_bound else partnerships
    query = request.GET.copy()
    query.pop("page", None)
    stamp = data_stamp()
    if not filterset.is_bound or filterset.is_valid():
        results = selectors.ordered_page(
            results, user=request.user, query=query.urlencode(), stamp=stamp
        )
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    unsorted = query.copy()
    unsorted.pop("sort", None)
    context = {
        "filter": filterset,
        "page_obj": page,
        "partnerships": page.object_list,
        "sort": sort,
        "query_without_page": query.urlencode(),
        "query_without_sort": unsorted.urlencode(),
        "countries": [] if request.htmx else country_choices(selectors.party_countries()),
        "may_create": is_editor(request.user),
        "hx_target": "#results",
        # Keys of the cached fragments: the state of the data and what the visitor sees.
        "stamp": stamp,
        "scope": visibility_scope(request.user),
    }
    template = "partnerships/_results.html" if request.htmx else "partnerships/list.html"
    return render(request, template, context)


def _visible_partnership(request, pk: int) -> Partnership:
    try:
        return selectors.partnership_dossier(user=request.user, pk=pk)
    except Partnership.DoesNotExist as exc:
        raise Http404(_("No such partnership.")) from exc


def partnership_detail(request, pk: int):
    """Show one partnership with its agreements, people, sources and history."""
    try:
        partnership = (
            selectors.partnership_list(user=request.user).prefetch_related(None).get(pk=pk)
        )
    except Partnership.DoesNotExist as exc:
        raise Http404(_("No such partnership.")) from exc
    # The dossier and history are read only when the page's cached body is missing.
    claims = SimpleLazyObject(lambda: selectors.partnership_claims(partnership=partnership))
    dossier = SimpleLazyObject(
        lambda: selectors.partnership_dossier(user=request.user, pk=partnership.pk)
    )
    context = {
        "partnership": partnership,
        "dossier": dossier,
        "agreements": SimpleLazyObject(lambda: list(dossier.agreements.all())),
        "history": SimpleLazyObject(lambda: selectors.partnership_history(partnership=partnership)),
        "claims": claims,
        "conflicts": SimpleLazyObject(
            lambda: selectors.partnership_conflicts(partnership=partnership, claims=claims)
        ),
        "may_edit": can_edit(request.user, partnership),
        "stamp": data_stamp(),
        "scope": visibility_scope(request.user),
    }
    return render(request, "partnerships/detail.html", context)


def partnership_conflict_list(request):
    """List the partnerships whose open-data sources disagree with the registry."""
    partnerships = selectors.partnerships_in_conflict(user=request.user)
    page = Paginator(partnerships, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "partnerships/conflicts.html", {"page_obj": page, "partnerships": page})


def place_review_list(request):
    """List the places open data left ambiguous or not found, to be settled by a person."""
    resolution = request.GET.get("resolution", "")
    country = request.GET.get("country", "")
    places = selectors.places_to_review(country=country, resolution=resolution)
    page = Paginator(places, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "places": page,
        "resolution": resolution,
        "country": country.upper(),
        "resolutions": [(r.value, r.label) for r in selectors.FLAGGED_RESOLUTIONS],
        "countries": country_choices(
            selectors.places_to_review().order_by().values_list("country", flat=True).distinct()
        ),
        "may_merge": is_editor(request.user),
    }
    return render(request, "partnerships/place_review.html", context)


@login_required
def place_merge_view(request, pk: int):
    """Merge a place into the one a person marks as the same, after they confirm it."""
    duplicate = get_object_or_404(Place, pk=pk)
    if not is_editor(request.user) or not can_edit(request.user, duplicate):
        raise PermissionDenied
    form = PlaceMergeForm(request.POST or None, duplicate=duplicate)
    if request.method == "POST" and form.is_valid():
        keep = form.cleaned_data["keep"]
        try:
            services.place_merge(keep=keep, duplicate=duplicate, user=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(duplicate)s was merged into %(keep)s.")
                % {"duplicate": duplicate.name, "keep": keep.name},
            )
            return redirect(keep)
    q = request.GET.get("q", "").strip()
    context = {
        "place": duplicate,
        "form": form,
        "q": q,
        "candidates": selectors.place_merge_candidates(place=duplicate, q=q),
        "partnership_count": Partnership.objects.filter(
            Q(party_a=duplicate) | Q(party_b=duplicate)
        ).count(),
    }
    return render(request, "partnerships/place_merge.html", context)


def _save(form, save):
    """Call a service with the form's data, moving its validation errors onto the form."""
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def partnership_create(request):
    """Let an editor add a partnership under one of the editor's organisations."""
    if not is_editor(request.user):
        raise PermissionDenied
    form = PartnershipForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        partnership = _save(form, services.partnership_create)
        if partnership is not None:
            messages.success(request, _("The partnership was added."))
            return saved_redirect(request, partnership)
    return render(request, "partnerships/partnership_form.html", {"form": form})


@login_required
def partnership_update(request, pk: int):
    """Let an editor of the owning organisation change a partnership."""
    partnership = _visible_partnership(request, pk)
    if not can_edit(request.user, partnership):
        raise PermissionDenied
    form = PartnershipForm(request.POST or None, instance=partnership, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(
            form, lambda **data: services.partnership_update(partnership=partnership, **data)
        )
        if saved is not None:
            messages.success(request, _("The partnership was saved."))
            return redirect(saved)
    context = {"form": form, "partnership": partnership}
    return render(request, "partnerships/partnership_form.html", context)


@login_required
def agreement_create(request, pk: int):
    """Let an editor of the partnership's organisation add an agreement to it."""
    partnership = _visible_partnership(request, pk)
    if not can_edit(request.user, partnership):
        raise PermissionDenied
    form = AgreementForm(
        request.POST or None, instance=Agreement(partnership=partnership), user=request.user
    )
    if request.method == "POST" and form.is_valid():
        agreement = _save(
            form, lambda **data: services.agreement_create(partnership=partnership, **data)
        )
        if agreement is not None:
            messages.success(request, _("The agreement was added."))
            return redirect(agreement.get_absolute_url())
    context = {"form": form, "partnership": partnership}
    return render(request, "partnerships/agreement_form.html", context)


@login_required
def agreement_update(request, pk: int, agreement_pk: int):
    """Let an editor of the partnership's organisation change one of its agreements."""
    partnership = _visible_partnership(request, pk)
    if not can_edit(request.user, partnership):
        raise PermissionDenied
    agreement = get_object_or_404(
        Agreement.objects.select_related("partnership"), pk=agreement_pk, partnership=partnership
    )
    form = AgreementForm(request.POST or None, instance=agreement, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.agreement_update(agreement=agreement, **data))
        if saved is not None:
            messages.success(request, _("The agreement was saved."))
            return redirect(saved.get_absolute_url())
    context = {"form": form, "partnership": partnership, "agreement": agreement}
    return render(request, "partnerships/agreement_form.html", context)
