"""JSON endpoints for delegation visits and what hangs on them.

Visits are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change a visit or its members, programme,
gifts and commitments.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.responses import Status

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
from twinning.partnerships.models import Partnership
from twinning.people.models import Person
from twinning.places.models import Place
from twinning.sites.models import ShowcaseSite
from twinning.visits import services
from twinning.visits.filters import VisitFilter
from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember
from twinning.visits.schemas import (
    CommitmentIn,
    CommitmentOut,
    CommitmentPatch,
    GiftIn,
    GiftOut,
    GiftPatch,
    ProgrammeItemIn,
    ProgrammeItemOut,
    ProgrammeItemPatch,
    VisitDetailOut,
    VisitIn,
    VisitMemberIn,
    VisitMemberOut,
    VisitMemberPatch,
    VisitOut,
    VisitPatch,
    VisitQuery,
)
from twinning.visits.selectors import visit_detail, visit_list

router = Router(tags=["visits"])

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
DELETE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


@router.get(
    "",
    response=list[VisitOut],
    auth=read_auth,
    operation_id="visit_list",
    summary="List delegation visits",
    description=(
        "Return the visits the caller may see, newest first, filtered and paginated with "
        "limit and offset; with format=csv or xlsx, every match as a file."
    ),
)
@paginate_or_export(VisitOut, "visits")
def list_visits(request, filters: Query[VisitQuery]):
    return filter_or_422(VisitFilter, filters, visit_list(user=request.user))


def _visit(request, pk: int) -> Visit:
    try:
        return visit_detail(user=request.user, pk=pk)
    except Visit.DoesNotExist:
        raise HttpError(404, _("No such visit.")) from None


@router.get(
    "/{int:pk}",
    response={200: VisitDetailOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="visit_detail",
    summary="Get a delegation visit",
    description=(
        "Return one visit with its members, programme, gifts and commitments. A visit "
        "that does not exist or that the caller may not see gives 404."
    ),
)
def get_visit(request, pk: int):
    return _visit(request, pk)


# Writes ---------------------------------------------------------------------------------


def _editable(request, pk: int) -> Visit:
    try:
        visit = visible_to(Visit.objects.all(), request.user).get(pk=pk)
    except Visit.DoesNotExist:
        raise HttpError(404, _("No such visit.")) from None
    require_can_edit(request.user, visit)
    return visit


def _visible(request, model, pk, field):
    return get_visible_or_422(visible_to(model.objects.all(), request.user), pk, field)


def _visit_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"purpose", "notes", "report"})
    for side in ("visiting_party", "host"):
        if side in fields:
            fields[side] = get_or_422(Place, fields[side], side)
    if "host_organisation" in fields:
        fields["host_organisation"] = _visible(
            request, Organisation, fields["host_organisation"], "host_organisation"
        )
    if "partnership" in fields:
        fields["partnership"] = _visible(request, Partnership, fields["partnership"], "partnership")
    if "interests" in fields:
        slugs = fields["interests"] or []
        areas = list(FocusArea.objects.filter(slug__in=slugs))
        if unknown := set(slugs) - {area.slug for area in areas}:
            raise HttpError(422, _("interests: unknown %(slugs)s") % {"slugs": sorted(unknown)})
        fields["interests"] = areas
    if "owner" in fields:
        fields["owner"] = owner_for(request.user, fields["owner"])
    return fields


@router.post(
    "",
    response={201: VisitDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="visit_create",
    summary="Create a delegation visit",
    description="Create a visit; editors only. The owner must be one of the caller's "
    "organisations.",
)
def create_visit(request, payload: VisitIn):
    require_editor(request.user)
    visit = services.visit_create(**_visit_fields(request, payload.dict()))
    return Status(201, _visit(request, visit.pk))


@router.patch(
    "/{int:pk}",
    response={200: VisitDetailOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="visit_update",
    summary="Change a delegation visit",
    description="Change the fields given; the others stay as they are. Only editors of the "
    "owning organisation may.",
)
def update_visit(request, pk: int, payload: VisitPatch):
    visit = _editable(request, pk)
    services.visit_update(visit=visit, **_visit_fields(request, payload.dict(exclude_unset=True)))
    return _visit(request, pk)


@router.delete(
    "/{int:pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="visit_delete",
    summary="Delete a delegation visit",
    description="Delete a visit with its members, programme, gifts and commitments.",
)
def delete_visit(request, pk: int):
    services.visit_delete(visit=_editable(request, pk))
    return Status(204, None)


# Members --------------------------------------------------------------------------------


def _member_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"native_name", "title", "organisation_name"})
    if "organisation" in fields:
        fields["organisation"] = _visible(
            request, Organisation, fields["organisation"], "organisation"
        )
    if "person" in fields:
        fields["person"] = _visible(request, Person, fields["person"], "person")
    return fields


@router.post(
    "/{int:pk}/members",
    response={201: VisitMemberOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="visit_member_create",
    summary="Add a member to the delegation",
    description="Add a member; a second leader is refused with 422.",
)
def create_member(request, pk: int, payload: VisitMemberIn):
    visit = _editable(request, pk)
    fields = _member_fields(request, payload.dict())
    return Status(201, services.visit_member_create(visit=visit, **fields))


@router.patch(
    "/{int:pk}/members/{int:member_pk}",
    response={200: VisitMemberOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="visit_member_update",
    summary="Change a delegation member",
    description="Change the fields given; the others stay as they are.",
)
def update_member(request, pk: int, member_pk: int, payload: VisitMemberPatch):
    member = get_object_or_404(VisitMember, pk=member_pk, visit=_editable(request, pk))
    fields = _member_fields(request, payload.dict(exclude_unset=True))
    return services.visit_member_update(member=member, **fields)


@router.delete(
    "/{int:pk}/members/{int:member_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="visit_member_delete",
    summary="Remove a delegation member",
    description="Remove a member from the delegation.",
)
def delete_member(request, pk: int, member_pk: int):
    member = get_object_or_404(VisitMember, pk=member_pk, visit=_editable(request, pk))
    services.visit_member_delete(member=member)
    return Status(204, None)


# Programme ------------------------------------------------------------------------------


def _item_fields(request, payload: dict) -> dict:
    fields = blank_text(payload, {"topic", "location", "interpreter", "notes"})
    if "site" in fields:
        fields["site"] = _visible(request, ShowcaseSite, fields["site"], "site")
    if "host_organisation" in fields:
        fields["host_organisation"] = _visible(
            request, Organisation, fields["host_organisation"], "host_organisation"
        )
    return fields


@router.post(
    "/{int:pk}/programme",
    response={201: ProgrammeItemOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="programme_item_create",
    summary="Add a programme item",
    description=(
        "Add an item on one of the visit's days. With a showcase site, the topic, location "
        "and host organisation default to the site's name, address and organisation."
    ),
)
def create_item(request, pk: int, payload: ProgrammeItemIn):
    visit = _editable(request, pk)
    fields = _item_fields(request, payload.dict())
    return Status(201, services.programme_item_create(visit=visit, **fields))


@router.patch(
    "/{int:pk}/programme/{int:item_pk}",
    response={200: ProgrammeItemOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="programme_item_update",
    summary="Change a programme item",
    description="Change the fields given; the others stay as they are.",
)
def update_item(request, pk: int, item_pk: int, payload: ProgrammeItemPatch):
    item = get_object_or_404(ProgrammeItem, pk=item_pk, visit=_editable(request, pk))
    fields = _item_fields(request, payload.dict(exclude_unset=True))
    return services.programme_item_update(item=item, **fields)


@router.delete(
    "/{int:pk}/programme/{int:item_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="programme_item_delete",
    summary="Remove a programme item",
    description="Take an item out of the visit's programme.",
)
def delete_item(request, pk: int, item_pk: int):
    item = get_object_or_404(ProgrammeItem, pk=item_pk, visit=_editable(request, pk))
    services.programme_item_delete(item=item)
    return Status(204, None)


# Gifts ----------------------------------------------------------------------------------


@router.post(
    "/{int:pk}/gifts",
    response={201: GiftOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="gift_create",
    summary="Record a gift",
    description="Record a gift given or received during the visit.",
)
def create_gift(request, pk: int, payload: GiftIn):
    visit = _editable(request, pk)
    fields = blank_text(payload.dict(), {"giver", "recipient"})
    return Status(201, services.gift_create(visit=visit, **fields))


@router.patch(
    "/{int:pk}/gifts/{int:gift_pk}",
    response={200: GiftOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="gift_update",
    summary="Change a gift",
    description="Change the fields given; the others stay as they are.",
)
def update_gift(request, pk: int, gift_pk: int, payload: GiftPatch):
    gift = get_object_or_404(Gift, pk=gift_pk, visit=_editable(request, pk))
    fields = blank_text(payload.dict(exclude_unset=True), {"giver", "recipient"})
    return services.gift_update(gift=gift, **fields)


@router.delete(
    "/{int:pk}/gifts/{int:gift_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="gift_delete",
    summary="Remove a gift",
    description="Remove a gift from the visit's record.",
)
def delete_gift(request, pk: int, gift_pk: int):
    gift = get_object_or_404(Gift, pk=gift_pk, visit=_editable(request, pk))
    services.gift_delete(gift=gift)
    return Status(204, None)


# Commitments ----------------------------------------------------------------------------


def _commitment_fields(request, payload: dict) -> dict:
    fields = dict(payload)
    if "responsible" in fields:
        fields["responsible"] = _visible(request, Person, fields["responsible"], "responsible")
    return fields


@router.post(
    "/{int:pk}/commitments",
    response={201: CommitmentOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="commitment_create",
    summary="Record a commitment",
    description="Record a follow-up promised during the visit, with who answers for it.",
)
def create_commitment(request, pk: int, payload: CommitmentIn):
    visit = _editable(request, pk)
    fields = _commitment_fields(request, payload.dict())
    return Status(201, services.commitment_create(visit=visit, **fields))


@router.patch(
    "/{int:pk}/commitments/{int:commitment_pk}",
    response={200: CommitmentOut, **WRITE_ERRORS},
    auth=write_auth,
    operation_id="commitment_update",
    summary="Change a commitment",
    description="Change the fields given; the others stay as they are. Set done_on to mark "
    "it kept.",
)
def update_commitment(request, pk: int, commitment_pk: int, payload: CommitmentPatch):
    commitment = get_object_or_404(Commitment, pk=commitment_pk, visit=_editable(request, pk))
    fields = _commitment_fields(request, payload.dict(exclude_unset=True))
    return services.commitment_update(commitment=commitment, **fields)


@router.delete(
    "/{int:pk}/commitments/{int:commitment_pk}",
    response={204: None, **DELETE_ERRORS},
    auth=write_auth,
    operation_id="commitment_delete",
    summary="Remove a commitment",
    description="Remove a commitment from the visit.",
)
def delete_commitment(request, pk: int, commitment_pk: int):
    commitment = get_object_or_404(Commitment, pk=commitment_pk, visit=_editable(request, pk))
    services.commitment_delete(commitment=commitment)
    return Status(204, None)
