"""JSON endpoints for partnerships and their agreements."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.decorators import decorate_view
from ninja.errors import HttpError

from twinning.accounts.auth import read_auth, write_auth
from twinning.core.api import ErrorOut, cached_read, filter_or_422, paginate_or_export
from twinning.core.api_writes import get_or_422, owner_for, require_can_edit, require_editor
from twinning.focusareas.models import FocusArea
from twinning.partnerships.filters import PartnershipFilter
from twinning.partnerships.models import Agreement, AgreementKind, Partnership
from twinning.partnerships.schemas import (
    AgreementIn,
    AgreementOut,
    PartnershipDetailOut,
    PartnershipIn,
    PartnershipOut,
    PartnershipPatch,
    PartnershipQuery,
)
from twinning.partnerships.selectors import (
    ordered_page,
    partnership_dossier,
    partnership_list,
)
from twinning.partnerships.services import (
    agreement_create,
    agreement_delete,
    agreement_update,
    partnership_create,
    partnership_delete,
    partnership_update,
)
from twinning.people.models import Post
from twinning.places.models import Place
from twinning.sources.models import Source

router = Router(tags=["partnerships"])


@router.get(
    "",
    response=list[PartnershipOut],
    auth=read_auth,
    operation_id="partnership_list",
    summary="List partnerships",
    description=(
        "Return the partnerships the caller may see, filtered and paginated with limit "
        "and offset. Anonymous callers see public records; logged-in users also see "
        "their organisations' records."
    ),
)
@decorate_view(cached_read)
@paginate_or_export(PartnershipOut, "partnerships")
def list_partnerships(request, filters: Query[PartnershipQuery]):
    partnerships = filter_or_422(PartnershipFilter, filters, partnership_list(user=request.user))
    query = sorted((k, v) for k, v in filters.dict().items() if v not in (None, "", []))
    return ordered_page(partnerships, user=request.user, query=f"api:{query}")


@router.get(
    "/{int:pk}",
    response={200: PartnershipDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="partnership_detail",
    summary="Get a partnership",
    description=(
        "Return one partnership with its agreements, people and sources. A partnership "
        "that does not exist or that the caller may not see gives 404."
    ),
)
@decorate_view(cached_read)
def get_partnership(request, pk: int):
    try:
        return partnership_dossier(user=request.user, pk=pk)
    except Partnership.DoesNotExist:
        raise HttpError(404, _("No such partnership.")) from None


# Writes ---------------------------------------------------------------------------------


def _partnership_fields(payload: dict) -> dict:
    fields = dict(payload)
    for side in ("party_a", "party_b"):
        if side in fields:
            fields[side] = get_or_422(Place, fields[side], side)
    if "focus_areas" in fields:
        slugs = fields["focus_areas"] or []
        areas = list(FocusArea.objects.filter(slug__in=slugs))
        if unknown := set(slugs) - {area.slug for area in areas}:
            raise HttpError(422, _("focus_areas: unknown %(slugs)s") % {"slugs": sorted(unknown)})
        fields["focus_areas"] = areas
    return fields


def _editable_partnership(request, pk: int) -> Partnership:
    try:
        partnership = partnership_list(user=request.user).get(pk=pk)
    except Partnership.DoesNotExist:
        raise HttpError(404, _("No such partnership.")) from None
    require_can_edit(request.user, partnership)
    return partnership


@router.post(
    "",
    response={201: PartnershipDetailOut, 403: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="partnership_create",
    summary="Create a partnership",
    description="Create a partnership; editors only. The owner must be one of the caller's "
    "organisations.",
)
def create_partnership(request, payload: PartnershipIn):
    require_editor(request.user)
    fields = _partnership_fields(payload.dict())
    fields["owner"] = owner_for(request.user, fields.pop("owner"))
    partnership = partnership_create(**fields)
    return 201, partnership_dossier(user=request.user, pk=partnership.pk)


@router.patch(
    "/{int:pk}",
    response={200: PartnershipDetailOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="partnership_update",
    summary="Change a partnership",
    description="Change the fields given; the others stay as they are.",
)
def update_partnership(request, pk: int, payload: PartnershipPatch):
    partnership = _editable_partnership(request, pk)
    fields = _partnership_fields(payload.dict(exclude_unset=True))
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    partnership_update(partnership=partnership, **fields)
    return partnership_dossier(user=request.user, pk=pk)


@router.delete(
    "/{int:pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="partnership_delete",
    summary="Delete a partnership",
    description="Delete a partnership and its agreements.",
)
def delete_partnership(request, pk: int):
    partnership_delete(partnership=_editable_partnership(request, pk))
    return 204, None


def _agreement_fields(payload: dict) -> dict:
    fields = dict(payload)
    if "renews" in fields:
        fields["renews"] = get_or_422(Agreement, fields["renews"], "renews")
    if "document" in fields:
        fields["document"] = get_or_422(Source, fields["document"], "document")
    if "signatories" in fields:
        ids = fields["signatories"] or []
        posts = list(Post.objects.filter(pk__in=ids))
        if len(posts) != len(set(ids)):
            raise HttpError(422, _("signatories: unknown post id"))
        fields["signatories"] = posts
    return {k: ("" if v is None and k in _TEXT_FIELDS else v) for k, v in fields.items()}


_TEXT_FIELDS = {"title", "place_of_signing", "notes"}


def _shown(agreement: Agreement) -> Agreement:
    # The caller just wrote these signatories, so all of them may be shown back.
    agreement.signatories_shown = list(
        agreement.signatories.select_related("person", "organisation")
    )
    return agreement


@router.post(
    "/{int:pk}/agreements",
    response={201: AgreementOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="agreement_create",
    summary="Add an agreement to a partnership",
    description="Add a signed agreement; `renews` names the agreement it renews, so that "
    "the chain of renewals shows. Editors of the partnership's organisation only.",
)
def create_agreement(request, pk: int, payload: AgreementIn):
    partnership = _editable_partnership(request, pk)
    fields = _agreement_fields(payload.dict(exclude_unset=True))
    fields.setdefault("kind", AgreementKind.FOUNDING)
    return 201, _shown(agreement_create(partnership=partnership, **fields))


@router.patch(
    "/{int:pk}/agreements/{int:agreement_pk}",
    response={200: AgreementOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    auth=write_auth,
    operation_id="agreement_update",
    summary="Change an agreement",
    description="Change the fields given; the others stay as they are.",
)
def update_agreement(request, pk: int, agreement_pk: int, payload: AgreementIn):
    partnership = _editable_partnership(request, pk)
    agreement = get_object_or_404(Agreement, pk=agreement_pk, partnership=partnership)
    fields = _agreement_fields(payload.dict(exclude_unset=True))
    return _shown(agreement_update(agreement=agreement, **fields))


@router.delete(
    "/{int:pk}/agreements/{int:agreement_pk}",
    response={204: None, 403: ErrorOut, 404: ErrorOut},
    auth=write_auth,
    operation_id="agreement_delete",
    summary="Delete an agreement",
    description="Delete an agreement; agreements that renewed it stay, without the link.",
)
def delete_agreement(request, pk: int, agreement_pk: int):
    partnership = _editable_partnership(request, pk)
    agreement_delete(
        agreement=get_object_or_404(Agreement, pk=agreement_pk, partnership=partnership)
    )
    return 204, None
