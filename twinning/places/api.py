"""Read-only JSON endpoints for places, which are shared reference data."""

from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.core.api import ErrorOut, Page, filter_or_422
from twinning.places.filters import PlaceFilter
from twinning.places.models import Place
from twinning.places.schemas import PlaceDetailOut, PlaceOut, PlaceQuery
from twinning.places.selectors import place_detail, place_list_with_names

router = Router(tags=["places"])


@router.get(
    "",
    response=list[PlaceOut],
    auth=None,
    operation_id="place_list",
    summary="List places",
    description="Return places, filtered and paginated with limit and offset.",
)
@paginate(Page)
def list_places(request, filters: Query[PlaceQuery]):
    return filter_or_422(PlaceFilter, filters, place_list_with_names())


@router.get(
    "/{int:pk}",
    response={200: PlaceDetailOut, 404: ErrorOut},
    auth=None,
    operation_id="place_detail",
    summary="Get a place",
    description="Return one place with its other names, the places in it and its groups.",
)
def get_place(request, pk: int):
    try:
        return place_detail(pk=pk)
    except Place.DoesNotExist:
        raise HttpError(404, _("No such place.")) from None
