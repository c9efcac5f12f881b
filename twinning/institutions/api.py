"""JSON endpoints for institution pairs and networks.

A pair follows its partnership: whoever may see the partnership sees the pair, and only
those who may change the partnership change the pair and its exchanges. Networks are
shared reference data that any editor may change.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import visible_to
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import (
    blank_text,
    get_or_422,
    get_visible_or_422,
    require_can_edit,
    require_editor,
)
from twinning.institutions import services
from twinning.institutions.filters import InstitutionPairFilter, NetworkFilter
from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    Network,
    NetworkMeeting,
    NetworkMembership,
)
from twinning.institutions.schemas import (
    ExchangeIn,
    ExchangeOut,
    ExchangePatch,
    MeetingIn,
    MeetingOut,
    MeetingPatch,
    MembershipIn,
    MembershipPatch,
    NetworkDetailOut,
    NetworkIn,
    NetworkMemberOut,
    NetworkOut,
    NetworkPatch,
    NetworkQuery,
    PairDetailOut,
    PairIn,
    PairOut,
    PairPatch,
    PairQuery,
)
from twinning.institutions.selectors import (
    institution_pair_detail,
    institution_pair_list,
    network_detail,
    network_list,
)
from twinning.organisations.models import Organisation, OrganisationKind
from twinning.partnerships.models import Partnership
from twinning.places.models import Place

pairs_router = Router(tags=["institution pairs"])
networks_router = Router(tags=["networks"])

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
DELETE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@pairs_router.get(
    "",
    response=list[PairOut],
    auth=read_auth,
    operation_id="institution_pair_list",
    summary="List institution pairs",
    description="Return the school and university pairs of partnerships the caller may see; "
    "with format=csv or xlsx, every match as a file.",
)
@paginate_or_export(PairOut, "institution-pairs")
def list_pairs(request, filters: Query[PairQuery]):
    return filter_or_422(InstitutionPairFilter, filters, institution_pair_list(user=request.user))


def _pair(request, pk: int) -> InstitutionPair:
    try:
        return institution_pair_detail(user=request.user, pk=pk)
    except InstitutionPair.DoesNotExist:
        raise HttpError(404, _("No such institution pair.")) from None


@pairs_router.get(
    "/{int:pk}",
    response={200: PairDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="institution_pair_detail",
    summary="Get an institution pair",
    description="Return one pair with its exchanges, or 404.",
)
def get_pair(request, pk: int):
    return _pair(request, pk)


# Pair writes ----------------------------------------------------------------------------


def _editable_pair(request, pk: int) -> InstitutionPair:
    try:
        pair = institution_pair_list(user=request.user).get(pk=pk)
    except InstitutionPair.DoesNotExist:
        raise HttpError(404, _("No such institution pair.")) from None
    require_can_edit(request.user, pair.partnership)
    return pair


def _pair_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"notes"})
    if "partnership" in fields:
        visible = visible_to(Partnership.objects.all(), request.user)
        partnership = get_visible_or_422(visible, fields["partnership"], "partnership")
        if partnership is not None:
            require_can_edit(request.user, partnership)
        fields["partnership"] = partnership
    institutions = visible_to(Organisation.objects.all(), request.user)
    for side in ("institution_a", "institution_b"):
        if side in fields:
            fields[side] = get_visible_or_422(institutions, fields[side], side)
    return fields


@pairs_router.post(
    "",
    response={201: PairDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="institution_pair_create",
    summary="Create an institution pair",
    description="Pair two institutions under a partnership; only editors who may change the "
    "partnership may.",
)
def create_pair(request, payload: PairIn):
    require_editor(request.user)
    pair = services.institution_pair_create(**_pair_fields(request, payload.dict()))
    return 201, _pair(request, pair.pk)


@pairs_router.patch(
    "/{int:pk}",
    response={200: PairDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="institution_pair_update",
    summary="Change an institution pair",
    description="Change the fields given; the others stay as they are. Only editors who may "
    "change the partnership may.",
)
def update_pair(request, pk: int, payload: PairPatch):
    pair = _editable_pair(request, pk)
    fields = _pair_fields(request, payload.dict(exclude_unset=True))
    services.institution_pair_update(pair=pair, **fields)
    return _pair(request, pk)


@pairs_router.delete(
    "/{int:pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="institution_pair_delete",
    summary="Delete an institution pair",
    description="Delete a pair with its exchanges.",
)
def delete_pair(request, pk: int):
    services.institution_pair_delete(pair=_editable_pair(request, pk))
    return 204, None


def _exchange(request, pk: int, exchange_pk: int) -> Exchange:
    return get_object_or_404(Exchange, pk=exchange_pk, pair=_editable_pair(request, pk))


@pairs_router.post(
    "/{int:pk}/exchanges",
    response={201: ExchangeOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="exchange_create",
    summary="Record an exchange",
    description="Record a stay of pupils, students or teachers of one institution at the other.",
)
def create_exchange(request, pk: int, payload: ExchangeIn):
    pair = _editable_pair(request, pk)
    fields = blank_text(payload.dict(), {"description"})
    return 201, services.exchange_create(pair=pair, **fields)


@pairs_router.patch(
    "/{int:pk}/exchanges/{int:exchange_pk}",
    response={200: ExchangeOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="exchange_update",
    summary="Change an exchange",
    description="Change the fields given; the others stay as they are.",
)
def update_exchange(request, pk: int, exchange_pk: int, payload: ExchangePatch):
    exchange = _exchange(request, pk, exchange_pk)
    fields = blank_text(payload.dict(exclude_unset=True), {"description"})
    return services.exchange_update(exchange=exchange, **fields)


@pairs_router.delete(
    "/{int:pk}/exchanges/{int:exchange_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="exchange_delete",
    summary="Delete an exchange",
    description="Delete an exchange of the pair.",
)
def delete_exchange(request, pk: int, exchange_pk: int):
    services.exchange_delete(exchange=_exchange(request, pk, exchange_pk))
    return 204, None


# Networks -------------------------------------------------------------------------------


@networks_router.get(
    "",
    response=list[NetworkOut],
    auth=read_auth,
    operation_id="network_list",
    summary="List networks",
    description="Return networks with their members; with format=csv or xlsx, every match "
    "as a file.",
)
@paginate_or_export(NetworkOut, "networks")
def list_networks(request, filters: Query[NetworkQuery]):
    return filter_or_422(NetworkFilter, filters, network_list(user=request.user))


def _network(request, pk: int) -> Network:
    try:
        return network_detail(user=request.user, pk=pk)
    except Network.DoesNotExist:
        raise HttpError(404, _("No such network.")) from None


@networks_router.get(
    "/{int:pk}",
    response={200: NetworkDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="network_detail",
    summary="Get a network",
    description="Return one network with its members and meetings, or 404.",
)
def get_network(request, pk: int):
    return _network(request, pk)


def _editable_network(request, pk: int) -> Network:
    network = get_object_or_404(Network, pk=pk)
    require_can_edit(request.user, network)
    return network


def _network_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"country", "description"})
    if "organisation" in fields:
        networks = Organisation.objects.filter(kind=OrganisationKind.NETWORK)
        fields["organisation"] = get_visible_or_422(
            visible_to(networks, request.user), fields["organisation"], "organisation"
        )
    return fields


@networks_router.post(
    "",
    response={201: NetworkDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="network_create",
    summary="Create a network",
    description="Create a network; editors only. Members and meetings are added afterwards.",
)
def create_network(request, payload: NetworkIn):
    require_editor(request.user)
    network = services.network_create(**_network_fields(request, payload.dict()))
    return 201, _network(request, network.pk)


@networks_router.patch(
    "/{int:pk}",
    response={200: NetworkDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="network_update",
    summary="Change a network",
    description="Change the fields given; the others stay as they are. Editors only.",
)
def update_network(request, pk: int, payload: NetworkPatch):
    network = _editable_network(request, pk)
    fields = _network_fields(request, payload.dict(exclude_unset=True))
    services.network_update(network=network, **fields)
    return _network(request, pk)


@networks_router.delete(
    "/{int:pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="network_delete",
    summary="Delete a network",
    description="Delete a network with its memberships and meetings.",
)
def delete_network(request, pk: int):
    services.network_delete(network=_editable_network(request, pk))
    return 204, None


def _membership_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"role"})
    if "organisation" in fields:
        visible = visible_to(Organisation.objects.all(), request.user)
        fields["organisation"] = get_visible_or_422(visible, fields["organisation"], "organisation")
    if "place" in fields:
        fields["place"] = get_or_422(Place, fields["place"], "place")
    return fields


def _membership(request, pk: int, membership_pk: int) -> NetworkMembership:
    network = _editable_network(request, pk)
    organisations = visible_to(Organisation.objects.all(), request.user)
    # A membership of an organisation the caller may not see stays out of reach.
    memberships = NetworkMembership.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__in=organisations)
    ).select_related("organisation", "place")
    return get_object_or_404(memberships, pk=membership_pk, network=network)


@networks_router.post(
    "/{int:pk}/members",
    response={201: NetworkMemberOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="network_membership_create",
    summary="Add a member to a network",
    description="Add an organisation or a place; give exactly one of the two.",
)
def create_membership(request, pk: int, payload: MembershipIn):
    network = _editable_network(request, pk)
    fields = _membership_fields(request, payload.dict())
    return 201, services.network_member_add(network=network, **fields)


@networks_router.patch(
    "/{int:pk}/members/{int:membership_pk}",
    response={200: NetworkMemberOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="network_membership_update",
    summary="Change a network membership",
    description="Change the fields given of the membership with this membership_id; the "
    "others stay as they are.",
)
def update_membership(request, pk: int, membership_pk: int, payload: MembershipPatch):
    membership = _membership(request, pk, membership_pk)
    fields = _membership_fields(request, payload.dict(exclude_unset=True))
    return services.network_membership_update(membership=membership, **fields)


@networks_router.delete(
    "/{int:pk}/members/{int:membership_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="network_membership_delete",
    summary="Remove a network member",
    description="Take the member with this membership_id out of the network.",
)
def delete_membership(request, pk: int, membership_pk: int):
    services.network_membership_delete(membership=_membership(request, pk, membership_pk))
    return 204, None


def _meeting_fields(payload: dict) -> dict:
    fields = blank_text(payload, {"notes"})
    if "place" in fields:
        fields["place"] = get_or_422(Place, fields["place"], "place")
    return fields


def _meeting(request, pk: int, meeting_pk: int) -> NetworkMeeting:
    return get_object_or_404(
        NetworkMeeting.objects.select_related("place"),
        pk=meeting_pk,
        network=_editable_network(request, pk),
    )


@networks_router.post(
    "/{int:pk}/meetings",
    response={201: MeetingOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="network_meeting_create",
    summary="Record a network meeting",
    description="Record a meeting of the network.",
)
def create_meeting(request, pk: int, payload: MeetingIn):
    network = _editable_network(request, pk)
    return 201, services.network_meeting_add(network=network, **_meeting_fields(payload.dict()))


@networks_router.patch(
    "/{int:pk}/meetings/{int:meeting_pk}",
    response={200: MeetingOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="network_meeting_update",
    summary="Change a network meeting",
    description="Change the fields given; the others stay as they are.",
)
def update_meeting(request, pk: int, meeting_pk: int, payload: MeetingPatch):
    meeting = _meeting(request, pk, meeting_pk)
    fields = _meeting_fields(payload.dict(exclude_unset=True))
    return services.network_meeting_update(meeting=meeting, **fields)


@networks_router.delete(
    "/{int:pk}/meetings/{int:meeting_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="network_meeting_delete",
    summary="Delete a network meeting",
    description="Delete a meeting of the network.",
)
def delete_meeting(request, pk: int, meeting_pk: int):
    services.network_meeting_delete(meeting=_meeting(request, pk, meeting_pk))
    return 204, None
