"""JSON endpoints for grants, their towns and the check of the call's rules."""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.accounts.auth import read_auth
from twinning.core.api import Child, ErrorOut, Resource
from twinning.grants import selectors, services
from twinning.grants.filters import GrantFilter
from twinning.grants.models import Grant, GrantTown
from twinning.grants.schemas import (
    CheckOut,
    GrantDetailOut,
    GrantIn,
    GrantOut,
    GrantTownIn,
    GrantTownOut,
)

grants = Resource(
    model=Grant,
    out=GrantOut,
    detail=GrantDetailOut,
    select=lambda user: selectors.grant_list(user=user),
    fetch=lambda user, pk: selectors.grant_detail(user=user, pk=pk),
    filterset=GrantFilter,
    body=GrantIn,
    create=services.grant_create,
    update=services.grant_update,
    delete=services.grant_delete,
    not_found=_("No such grant."),
    docs={"delete": "Its towns go with it; its events and their registers stay."},
)
towns = Child(
    parent=grants,
    path="towns",
    model=GrantTown,
    out=GrantTownOut,
    body=GrantTownIn,
    create=services.grant_town_add,
    update=services.grant_town_update,
    delete=services.grant_town_delete,
    name="grant_town",
    param="town_pk",
    docs={"create": "A grant has one applicant town at most; a town appears once."},
)
router = towns.mount(grants.mount(Router(tags=["grants"])))


@router.get(
    "/{int:pk}/check",
    response={200: CheckOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="grant_check",
    summary="Check a grant against its call",
    description="Apply the call's rules (participants, invited international participants, "
    "countries, legal representatives, duration, lump sum) and say what is missing.",
)
def grant_check(request, pk: int):
    return selectors.grant_check(grants.get(request, pk))
