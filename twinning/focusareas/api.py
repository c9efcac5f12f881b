"""JSON endpoints for focus areas.

Focus areas are shared reference data like places: everybody may read them, and any
editor of any organisation may create and change them. An area still given to
partnerships (or other records), or with narrower areas, cannot be deleted (409), so that
one organisation cannot strip the topics from another's records.
"""

from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import delete_conflict, get_or_422, require_can_edit, require_editor
from twinning.focusareas.filters import FocusAreaFilter
from twinning.focusareas.models import FocusArea
from twinning.focusareas.schemas import (
    FocusAreaDetailOut,
    FocusAreaIn,
    FocusAreaOut,
    FocusAreaPatch,
    FocusAreaQuery,
)
from twinning.focusareas.selectors import focus_area_detail, focus_area_list
from twinning.focusareas.services import focus_area_create, focus_area_delete, focus_area_update

router = Router(tags=["focus areas"])


@router.get(
    "",
    response=list[FocusAreaOut],
    auth=read_auth,
    operation_id="focus_area_list",
    summary="List focus areas",
    description=(
        "Return the focus areas, filtered and paginated with limit and offset; with "
        "format=csv or xlsx, every matching area as a file."
    ),
)
@paginate_or_export(FocusAreaOut, "focus-areas")
def list_focus_areas(request, filters: Query[FocusAreaQuery]):
    return filter_or_422(FocusAreaFilter, filters, focus_area_list(), request=request)


def _area(pk: int) -> FocusArea:
    try:
        return focus_area_detail(pk=pk)
    except FocusArea.DoesNotExist:
        raise HttpError(404, _("No such focus area.")) from None


@router.get(
    "/{int:pk}",
    response={200: FocusAreaDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="focus_area_detail",
    summary="Get a focus area",
    description="Return one focus area with its broader and narrower areas.",
)
def get_focus_area(request, pk: int):
    return _area(pk)


def _fields(payload: dict) -> dict:
    fields = {k: ("" if v is None and k != "parent" else v) for k, v in payload.items()}
    if "parent" in fields:
        fields["parent"] = get_or_422(FocusArea, fields["parent"], "parent")
    return fields


@router.post(
    "",
    response={201: FocusAreaDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="focus_area_create",
    summary="Create a focus area",
    description="Create a focus area, optionally under a broader one. Any editor may.",
)
def create_focus_area(request, payload: FocusAreaIn):
    require_editor(request.user)
    area = focus_area_create(**_fields(payload.dict()))
    return 201, _area(area.pk)


@router.patch(
    "/{int:pk}",
    response={200: FocusAreaDetailOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="focus_area_update",
    summary="Change a focus area",
    description="Change the fields given; the others stay as they are. Any editor may.",
)
def update_focus_area(request, pk: int, payload: FocusAreaPatch):
    area = _area(pk)
    require_can_edit(request.user, area)
    focus_area_update(area=area, **_fields(payload.dict(exclude_unset=True)))
    return _area(pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=write_auth,
    operation_id="focus_area_delete",
    summary="Delete a focus area",
    description="Delete a focus area that nothing uses. An area given to records or with "
    "narrower areas gives 409 naming what refers to it.",
)
def delete_focus_area(request, pk: int):
    area = _area(pk)
    require_can_edit(request.user, area)
    try:
        focus_area_delete(area=area)
    except ProtectedError as error:
        raise delete_conflict(error, _("focus area")) from None
    return 204, None
