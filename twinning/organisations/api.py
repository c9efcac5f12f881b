"""JSON endpoints for organisations.

Organisations are owned records: callers see public ones and those of their own
organisations, and only editors of the owning organisation change them.
"""

from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.accounts.selectors import visible_to
from twinning.core.api import ErrorOut, filter_or_422, paginate_or_export
from twinning.core.api_writes import (
    delete_conflict,
    get_or_422,
    owner_for,
    require_can_edit,
    require_editor,
)
from twinning.organisations.filters import OrganisationFilter
from twinning.organisations.models import Organisation
from twinning.organisations.schemas import (
    OrganisationDetailOut,
    OrganisationIn,
    OrganisationOut,
    OrganisationPatch,
    OrganisationQuery,
)
from twinning.organisations.selectors import organisation_detail, organisation_list
from twinning.organisations.services import (
    organisation_create,
    organisation_delete,
    organisation_update,
)
from twinning.places.models import Place

router = Router(tags=["organisations"])

_TEXT_FIELDS = {"website", "notes"}


@router.get(
    "",
    response=list[OrganisationOut],
    auth=read_auth,
    operation_id="organisation_list",
    summary="List organisations",
    description=(
        "Return the organisations the caller may see, filtered and paginated with limit "
        "and offset; with format=csv or xlsx, every match as a file. Anonymous callers "
        "see public records; logged-in users also their organisations' records."
    ),
)
@paginate_or_export(OrganisationOut, "organisations")
def list_organisations(request, filters: Query[OrganisationQuery]):
    queryset = organisation_list(user=request.user)
    return filter_or_422(OrganisationFilter, filters, queryset, request=request)


def _organisation(request, pk: int) -> Organisation:
    try:
        return organisation_detail(user=request.user, pk=pk)
    except Organisation.DoesNotExist:
        raise HttpError(404, _("No such organisation.")) from None


@router.get(
    "/{int:pk}",
    response={200: OrganisationDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="organisation_detail",
    summary="Get an organisation",
    description=(
        "Return one organisation with its units, the posts held there and the sources it "
        "published. One that does not exist or that the caller may not see gives 404."
    ),
)
def get_organisation(request, pk: int):
    return _organisation(request, pk)


def _fields(request, payload: dict) -> dict:
    fields = {k: ("" if v is None and k in _TEXT_FIELDS else v) for k, v in payload.items()}
    if "place" in fields:
        fields["place"] = get_or_422(Place, fields["place"], "place")
    if fields.get("parent") is not None:
        visible = visible_to(Organisation.objects.all(), request.user)
        try:
            fields["parent"] = visible.get(pk=fields["parent"])
        except Organisation.DoesNotExist:
            raise HttpError(
                422, _("parent: no organisation with id %(id)s.") % {"id": fields["parent"]}
            ) from None
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    return fields


@router.post(
    "",
    response={201: OrganisationDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="organisation_create",
    summary="Create an organisation",
    description="Create an organisation; editors only. The owner must be one of the "
    "caller's organisations.",
)
def create_organisation(request, payload: OrganisationIn):
    require_editor(request.user)
    organisation = organisation_create(**_fields(request, payload.dict()))
    return 201, _organisation(request, organisation.pk)


@router.patch(
    "/{int:pk}",
    response={
        200: OrganisationDetailOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        422: ErrorOut,
    },
    auth=write_auth,
    operation_id="organisation_update",
    summary="Change an organisation",
    description="Change the fields given; the others stay as they are. Only editors of "
    "the owning organisation may.",
)
def update_organisation(request, pk: int, payload: OrganisationPatch):
    organisation = _organisation(request, pk)
    require_can_edit(request.user, organisation)
    fields = _fields(request, payload.dict(exclude_unset=True))
    organisation_update(organisation=organisation, **fields)
    return _organisation(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    auth=write_auth,
    operation_id="organisation_delete",
    summary="Delete an organisation",
    description="Delete an organisation. One that still has members, owns records or is "
    "a party to records gives 409 naming them.",
)
def delete_organisation(request, pk: int):
    organisation = _organisation(request, pk)
    require_can_edit(request.user, organisation)
    try:
        organisation_delete(organisation=organisation)
    except ProtectedError as error:
        raise delete_conflict(error, _("organisation")) from None
    return 204, None
