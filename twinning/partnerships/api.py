"""Read-only JSON endpoints for partnerships."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.core.api import ErrorOut, Page, filter_or_422
from twinning.partnerships.filters import PartnershipFilter
from twinning.partnerships.models import Partnership
from twinning.partnerships.schemas import PartnershipDetailOut, PartnershipOut, PartnershipQuery
from twinning.partnerships.selectors import partnership_dossier, partnership_list

router = Router(tags=["partnerships"])


@router.get(
    "",
    response=list[PartnershipOut],
    auth=None,
    operation_id="partnership_list",
    summary="List partnerships",
    description=(
        "Return the partnerships the caller may see, filtered and paginated with limit "
        "and offset. Anonymous callers see public records; logged-in users also see "
        "their organisations' records."
    ),
)
@paginate(Page)
def list_partnerships(request, filters: Query[PartnershipQuery]):
    return filter_or_422(PartnershipFilter, filters, partnership_list(user=request.user))


@router.get(
    "/{int:pk}",
    response={200: PartnershipDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="partnership_detail",
    summary="Get a partnership",
    description=(
        "Return one partnership with its agreements, people and sources. A partnership "
        "that does not exist or that the caller may not see gives 404."
    ),
)
def get_partnership(request, pk: int):
    try:
        return partnership_dossier(user=request.user, pk=pk)
    except Partnership.DoesNotExist:
        raise HttpError(404, _("No such partnership.")) from None
