"""Pages for institution pairs and networks."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.accounts.selectors import can_edit, editable_organisation_ids, is_editor
from twinning.institutions import selectors, services
from twinning.institutions.filters import InstitutionPairFilter, NetworkFilter
from twinning.institutions.forms import InstitutionPairForm, NetworkForm
from twinning.institutions.models import InstitutionPair, Network
from twinning.partnerships.models import Partnership

PER_PAGE = 50


def _editable_partnerships(user):
    allowed = editable_organisation_ids(user)
    partnerships = Partnership.objects.all()
    return partnerships if allowed is None else partnerships.filter(owner_id__in=allowed)


def _list(request, *, filterset, template, partial, context):
    results = filterset.qs if filterset.is_bound else filterset.queryset
    page = Paginator(results, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context |= {
        "filter": filterset,
        "page_obj": page,
        "items": page.object_list,
        "query_without_page": query.urlencode(),
        "hx_target": "#results",
        "may_create": is_editor(request.user),
    }
    return render(request, partial if request.htmx else template, context)


def pair_list(request):
    """List the institution pairs of the partnerships the visitor may see."""
    pairs = selectors.institution_pair_list(user=request.user)
    filterset = InstitutionPairFilter(request.GET or None, queryset=pairs)
    return _list(
        request,
        filterset=filterset,
        template="institutions/pair_list.html",
        partial="institutions/_pair_results.html",
        context={},
    )


def _visible_pair(request, pk: int) -> InstitutionPair:
    try:
        return selectors.institution_pair_detail(user=request.user, pk=pk)
    except InstitutionPair.DoesNotExist as exc:
        raise Http404(_("No such institution pair.")) from exc


def pair_detail(request, pk: int):
    """Show one institution pair with its exchanges."""
    pair = _visible_pair(request, pk)
    context = {"pair": pair, "may_edit": can_edit(request.user, pair.partnership)}
    return render(request, "institutions/pair_detail.html", context)


def _save(form, save):
    try:
        return save(**form.service_arguments())
    except ValidationError as exc:
        form.add_error(None, exc)
        return None


@login_required
def pair_create(request):
    """Let an editor pair two institutions under a partnership the editor may change."""
    if not is_editor(request.user):
        raise PermissionDenied
    initial = {}
    if request.GET.get("partnership", "").isdigit():
        initial["partnership"] = int(request.GET["partnership"])
    form = InstitutionPairForm(
        request.POST or None,
        initial=initial,
        user=request.user,
        partnerships=_editable_partnerships(request.user),
    )
    if request.method == "POST" and form.is_valid():
        pair = _save(form, services.institution_pair_create)
        if pair is not None:
            messages.success(request, _("The institution pair was added."))
            return redirect(pair)
    return render(request, "institutions/pair_form.html", {"form": form})


@login_required
def pair_update(request, pk: int):
    """Let an editor of the partnership's organisation change a pair."""
    pair = _visible_pair(request, pk)
    if not can_edit(request.user, pair.partnership):
        raise PermissionDenied
    form = InstitutionPairForm(
        request.POST or None,
        instance=pair,
        user=request.user,
        partnerships=_editable_partnerships(request.user),
    )
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.institution_pair_update(pair=pair, **data))
        if saved is not None:
            messages.success(request, _("The institution pair was saved."))
            return redirect(saved)
    return render(request, "institutions/pair_form.html", {"form": form, "pair": pair})


def network_list(request):
    """List networks with their members."""
    filterset = NetworkFilter(
        request.GET or None, queryset=selectors.network_list(user=request.user)
    )
    return _list(
        request,
        filterset=filterset,
        template="institutions/network_list.html",
        partial="institutions/_network_results.html",
        context={},
    )


def _network(request, pk: int) -> Network:
    try:
        return selectors.network_detail(user=request.user, pk=pk)
    except Network.DoesNotExist as exc:
        raise Http404(_("No such network.")) from exc


def network_detail(request, pk: int):
    """Show one network with its members and meetings."""
    network = _network(request, pk)
    context = {"network": network, "may_edit": can_edit(request.user, network)}
    return render(request, "institutions/network_detail.html", context)


@login_required
def network_create(request):
    """Let an editor add a network."""
    if not is_editor(request.user):
        raise PermissionDenied
    form = NetworkForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        network = _save(form, services.network_create)
        if network is not None:
            messages.success(request, _("The network was added."))
            return redirect(network)
    return render(request, "institutions/network_form.html", {"form": form})


@login_required
def network_update(request, pk: int):
    """Let an editor change a network."""
    network = _network(request, pk)
    if not can_edit(request.user, network):
        raise PermissionDenied
    form = NetworkForm(request.POST or None, instance=network, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = _save(form, lambda **data: services.network_update(network=network, **data))
        if saved is not None:
            messages.success(request, _("The network was saved."))
            return redirect(saved)
    return render(request, "institutions/network_form.html", {"form": form, "network": network})
