"""JSON endpoints for showcase sites.

Sites are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change them.
"""

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
    owner_for,
    require_can_edit,
    require_editor,
)
from twinning.focusareas.models import FocusArea
from twinning.organisations.models import Organisation
from twinning.places.models import Place
from twinning.sites.filters import ShowcaseSiteFilter
from twinning.sites.models import ShowcaseSite
from twinning.sites.schemas import (
    ShowcaseSiteDetailOut,
    ShowcaseSiteIn,
    ShowcaseSiteOut,
    ShowcaseSitePatch,
    ShowcaseSiteQuery,
)
from twinning.sites.selectors import showcase_site_list
from twinning.sites.services import (
    showcase_site_create,
    showcase_site_delete,
    showcase_site_update,
)

router = Router(tags=["sites"])

_TEXT_FIELDS = {
    "address",
    "what_visitors_see",
    "contact_name",
    "contact_email",
    "contact_phone",
}


@router.get(
    "",
    response=list[ShowcaseSiteOut],
    auth=read_auth,
    operation_id="site_list",
    summary="List showcase sites",
    description=(
        "Return the showcase sites the caller may see (plants, buildings, schools and "
        "shops that receive delegations), filtered and paginated with limit and offset; "
        "with format=csv or xlsx, every match as a file."
    ),
)
@paginate_or_export(ShowcaseSiteOut, "sites")
def list_sites(request, filters: Query[ShowcaseSiteQuery]):
    return filter_or_422(ShowcaseSiteFilter, filters, showcase_site_list(user=request.user))


def _site(request, pk: int) -> ShowcaseSite:
    try:
        return showcase_site_list(user=request.user).get(pk=pk)
    except ShowcaseSite.DoesNotExist:
        raise HttpError(404, _("No such showcase site.")) from None


@router.get(
    "/{int:pk}",
    response={200: ShowcaseSiteDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="site_detail",
    summary="Get a showcase site",
    description="Return one showcase site; one the caller may not see gives 404.",
)
def get_site(request, pk: int):
    return _site(request, pk)


# Writes ---------------------------------------------------------------------------------


def _fields(request, payload: dict) -> dict:
    fields = blank_text(payload, _TEXT_FIELDS)
    if "organisation" in fields:
        visible = visible_to(Organisation.objects.all(), request.user)
        fields["organisation"] = get_visible_or_422(visible, fields["organisation"], "organisation")
    if "place" in fields:
        fields["place"] = get_or_422(Place, fields["place"], "place")
    if "focus_areas" in fields:
        slugs = fields["focus_areas"] or []
        areas = list(FocusArea.objects.filter(slug__in=slugs))
        if unknown := set(slugs) - {area.slug for area in areas}:
            raise HttpError(422, _("focus_areas: unknown %(slugs)s") % {"slugs": sorted(unknown)})
        fields["focus_areas"] = areas
    if "languages" in fields:
        fields["languages"] = ", ".join(code.strip() for code in fields["languages"] or [])
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    return fields


def _editable(request, pk: int) -> ShowcaseSite:
    site = _site(request, pk)
    require_can_edit(request.user, site)
    return site


@router.post(
    "",
    response={201: ShowcaseSiteDetailOut, 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="site_create",
    summary="Create a showcase site",
    description="Create a site; editors only. The owner must be one of the caller's "
    "organisations; the place defaults to the organisation's.",
)
def create_site(request, payload: ShowcaseSiteIn):
    require_editor(request.user)
    site = showcase_site_create(**_fields(request, payload.dict()))
    return 201, _site(request, site.pk)


@router.patch(
    "/{int:pk}",
    response={
        200: ShowcaseSiteDetailOut,
        401: ErrorOut,
        403: ErrorOut,
        404: ErrorOut,
        422: ErrorOut,
    },
    auth=write_auth,
    operation_id="site_update",
    summary="Change a showcase site",
    description="Change the fields given; the others stay as they are. Only editors of the "
    "owning organisation may.",
)
def update_site(request, pk: int, payload: ShowcaseSitePatch):
    site = _editable(request, pk)
    showcase_site_update(site=site, **_fields(request, payload.dict(exclude_unset=True)))
    return _site(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="site_delete",
    summary="Delete a showcase site",
    description="Delete a site; programme items that used it keep their topic and location.",
)
def delete_site(request, pk: int):
    showcase_site_delete(site=_editable(request, pk))
    return 204, None
