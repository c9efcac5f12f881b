"""JSON endpoints for places.

Places are shared reference data without an owner: everybody may read all of them, and
any editor of any organisation may create, change or delete them, as on the web pages.
"""

from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import delete_conflict, get_or_422, require_can_edit, require_editor
from twinning.places.filters import PlaceFilter
from twinning.places.models import Place
from twinning.places.schemas import PlaceDetailOut, PlaceIn, PlaceOut, PlacePatch, PlaceQuery
from twinning.places.selectors import place_detail, place_list_with_names
from twinning.places.services import place_create, place_delete, place_update

router = Router(tags=["places"])

_TEXT_FIELDS = {"country", "wikidata_id"}


@router.get(
    "",
    response=list[PlaceOut],
    auth=read_auth,
    operation_id="place_list",
    summary="List places",
    description=(
        "Return places, filtered and paginated with limit and offset; with format=csv or "
        "xlsx, every matching place as a file. Places are public reference data."
    ),
)
@paginate_or_export(PlaceOut, "places")
def list_places(request, filters: Query[PlaceQuery]):
    return filter_or_422(PlaceFilter, filters, place_list_with_names(), request=request)


@router.get(
    "/{int:pk}",
    response={200: PlaceDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="place_detail",
    summary="Get a place",
    description="Return one place with its other names, the places in it and its groups.",
)
def get_place(request, pk: int):
    return _place(pk)


def _place(pk: int) -> Place:
    try:
        return place_detail(pk=pk)
    except Place.DoesNotExist:
        raise HttpError(404, _("No such place.")) from None


def _place_fields(payload: dict, *, pk: int | None = None) -> dict:
    fields = {k: ("" if v is None and k in _TEXT_FIELDS else v) for k, v in payload.items()}
    if "parent" in fields:
        fields["parent"] = get_or_422(Place, fields["parent"], "parent")
    if "members" in fields and fields["members"] is not None:
        ids = set(fields["members"])
        members = list(Place.objects.filter(pk__in=ids))
        if missing := ids - {member.pk for member in members}:
            raise HttpError(
                422, _("members: no places with ids %(ids)s.") % {"ids": sorted(missing)}
            )
        if pk is not None and pk in ids:
            raise HttpError(422, _("members: a group cannot be a member of itself."))
        fields["members"] = members
    if "other_names" in fields and fields["other_names"] is not None:
        fields["other_names"] = [(n["language"], n["name"]) for n in fields["other_names"]]
    return fields


@router.post(
    "",
    response={201: PlaceDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="place_create",
    summary="Create a place",
    description="Create a place with its other names and, for a group, its members. Any "
    "editor may create places.",
)
def create_place(request, payload: PlaceIn):
    require_editor(request.user)
    place = place_create(**_place_fields(payload.dict()))
    return 201, _place(place.pk)


@router.patch(
    "/{int:pk}",
    response={200: PlaceDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="place_update",
    summary="Change a place",
    description="Change the fields given; the others stay as they are. Other names and "
    "members, when given, replace the old ones. Any editor may change places.",
)
def update_place(request, pk: int, payload: PlacePatch):
    place = _place(pk)
    require_can_edit(request.user, place)
    place_update(place=place, **_place_fields(payload.dict(exclude_unset=True), pk=pk))
    return _place(pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=write_auth,
    operation_id="place_delete",
    summary="Delete a place",
    description="Delete a place and its other names. A place that partnerships or other "
    "places still refer to cannot be deleted: 409 names what refers to it.",
)
def delete_place(request, pk: int):
    place = _place(pk)
    require_can_edit(request.user, place)
    try:
        place_delete(place=place)
    except ProtectedError as error:
        raise delete_conflict(error, _("place")) from None
    return 204, None
