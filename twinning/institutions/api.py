"""Read-only JSON endpoints for institution pairs and networks."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.core.api import ErrorOut, Page, filter_or_422
from twinning.institutions.filters import InstitutionPairFilter, NetworkFilter
from twinning.institutions.models import InstitutionPair, Network
from twinning.institutions.schemas import (
    NetworkDetailOut,
    NetworkOut,
    NetworkQuery,
    PairDetailOut,
    PairOut,
    PairQuery,
)
from twinning.institutions.selectors import (
    institution_pair_detail,
    institution_pair_list,
    network_detail,
    network_list,
)

pairs_router = Router(tags=["institution pairs"])
networks_router = Router(tags=["networks"])


@pairs_router.get(
    "",
    response=list[PairOut],
    auth=None,
    operation_id="institution_pair_list",
    summary="List institution pairs",
    description="Return the school and university pairs of partnerships the caller may see.",
)
@paginate(Page)
def list_pairs(request, filters: Query[PairQuery]):
    return filter_or_422(InstitutionPairFilter, filters, institution_pair_list(user=request.user))


@pairs_router.get(
    "/{int:pk}",
    response={200: PairDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="institution_pair_detail",
    summary="Get an institution pair",
    description="Return one pair with its exchanges, or 404.",
)
def get_pair(request, pk: int):
    try:
        return institution_pair_detail(user=request.user, pk=pk)
    except InstitutionPair.DoesNotExist:
        raise HttpError(404, _("No such institution pair.")) from None


@networks_router.get(
    "",
    response=list[NetworkOut],
    auth=None,
    operation_id="network_list",
    summary="List networks",
    description="Return networks with their members.",
)
@paginate(Page)
def list_networks(request, filters: Query[NetworkQuery]):
    return filter_or_422(NetworkFilter, filters, network_list(user=request.user))


@networks_router.get(
    "/{int:pk}",
    response={200: NetworkDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="network_detail",
    summary="Get a network",
    description="Return one network with its members and meetings, or 404.",
)
def get_network(request, pk: int):
    try:
        return network_detail(user=request.user, pk=pk)
    except Network.DoesNotExist:
        raise HttpError(404, _("No such network.")) from None
