"""Read-only JSON endpoints for delegation visits."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.core.api import ErrorOut, Page, filter_or_422
from twinning.visits.filters import VisitFilter
from twinning.visits.models import Visit
from twinning.visits.schemas import VisitDetailOut, VisitOut, VisitQuery
from twinning.visits.selectors import visit_detail, visit_list

router = Router(tags=["visits"])


@router.get(
    "",
    response=list[VisitOut],
    auth=None,
    operation_id="visit_list",
    summary="List delegation visits",
    description=(
        "Return the visits the caller may see, newest first, filtered and paginated with "
        "limit and offset."
    ),
)
@paginate(Page)
def list_visits(request, filters: Query[VisitQuery]):
    return filter_or_422(VisitFilter, filters, visit_list(user=request.user))


@router.get(
    "/{int:pk}",
    response={200: VisitDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="visit_detail",
    summary="Get a delegation visit",
    description=(
        "Return one visit with its members, programme, gifts and commitments. A visit "
        "that does not exist or that the caller may not see gives 404."
    ),
)
def get_visit(request, pk: int):
    try:
        return visit_detail(user=request.user, pk=pk)
    except Visit.DoesNotExist:
        raise HttpError(404, _("No such visit.")) from None
