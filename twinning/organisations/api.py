"""JSON endpoints for organisations: departments, companies, schools, networks, embassies."""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.core.api import Resource
from twinning.organisations import services
from twinning.organisations.filters import OrganisationFilter
from twinning.organisations.models import Organisation
from twinning.organisations.schemas import OrganisationDetailOut, OrganisationIn, OrganisationOut
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
    not_found=_("No such organisation."),
    docs={
        "delete": "One that still has members, owns records or is a party to records "
        "gives 409 naming them."
    },
)
router = organisations.mount(Router(tags=["organisations"]))
