"""JSON endpoints for organisations: departments, companies, schools, networks, embassies."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from twinning.accounts.auth import read_auth
from twinning.accounts.models import Membership, Role
from twinning.accounts.selectors import user_organisation_ids
from twinning.core.api import ErrorOut, Page, Resource
from twinning.organisations import services
from twinning.organisations.filters import OrganisationFilter
from twinning.organisations.models import Organisation
from twinning.organisations.schemas import (
    MembershipOut,
    OrganisationDetailOut,
    OrganisationIn,
    OrganisationOut,
)
from twinning.organisations.selectors import organisation_detail, organisation_list

organisations = Resource(
    model=Organisation,
    out=OrganisationOut,
    detail=OrganisationDetailOut,
    select=lambda user: organisation_list(user=user),
    fetch=lambda user, pk: organisation_detail(user=user, pk=pk),
    filterset=OrganisationFilter,
    query_docs={"q": "Text found in the name, or in the name of its place ignoring accents."},
    body=OrganisationIn,
    create=services.organisation_create,
    update=services.organisation_update,
    delete=services.organisation_delete,
    export="organisations",
    not_found=gettext_lazy("No such organisation."),
    docs={
        "delete": "One that still has members, owns records or is a party to records "
        "gives 409 naming them."
    },
)
router = organisations.mount(Router(tags=["organisations"]))


@router.get(
    "/{int:pk}/memberships",
    response={200: list[MembershipOut], 403: ErrorOut, 404: ErrorOut},
    auth=read_auth,
    operation_id="organisation_membership_list",
    summary="List the members of an organisation and their roles",
    description="Return who belongs to the organisation and in which role (viewer, editor or "
    "admin). Only the organisation's administrators may read it; others get 403.",
)
@paginate(Page)
def list_memberships(request, pk: int):
    organisation = organisations.get(request, pk)
    user = request.user
    if not (
        user.is_superuser or organisation.pk in user_organisation_ids(user, roles=(Role.ADMIN,))
    ):
        raise HttpError(403, _("Only the organisation's administrators may see its members."))
    return Membership.objects.filter(organisation=organisation).select_related("user")
