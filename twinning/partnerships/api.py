"""JSON endpoints for partnerships and their agreements."""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.core.api import Child, Resource
from twinning.partnerships import services
from twinning.partnerships.filters import PartnershipFilter
from twinning.partnerships.models import Agreement, Partnership
from twinning.partnerships.schemas import (
    AgreementIn,
    AgreementOut,
    PartnershipDetailOut,
    PartnershipIn,
    PartnershipOut,
)
from twinning.partnerships.selectors import ordered_page, partnership_dossier, partnership_list


def _ordered(partnerships, request, filters):
    query = sorted((k, v) for k, v in filters.dict().items() if v not in (None, "", []))
    return ordered_page(partnerships, user=request.user, query=f"api:{query}")


def _shown(agreement: Agreement, request) -> Agreement:
    # The caller just wrote these signatories, so all of them may be shown back.
    agreement.signatories_shown = list(
        agreement.signatories.select_related("person", "organisation")
    )
    return agreement


COUNTRY = "ISO 3166 code (or several, comma-separated) of a party's country."
partnerships = Resource(
    model=Partnership,
    out=PartnershipOut,
    detail=PartnershipDetailOut,
    select=lambda user: partnership_list(user=user),
    fetch=lambda user, pk: partnership_dossier(user=user, pk=pk),
    filterset=PartnershipFilter,
    appendable=("notes",),
    query_docs={
        "country": f"{COUNTRY} Alone it matches either party; with partner_country it "
        "matches the other party.",
        "partner_country": f"{COUNTRY} With country, the two codes must be on opposite "
        "parties, in either order.",
        "focus": "Slug of a focus area, such as cleantech; repeat to allow several.",
        "q": "Text found in a party's name, one of its other names, or the notes.",
    },
    arrange=_ordered,
    cached=True,
    export="partnerships",
    body=PartnershipIn,
    keys={"focus_areas": "slug"},
    create=services.partnership_create,
    update=services.partnership_update,
    delete=services.partnership_delete,
    not_found=_("No such partnership."),
    docs={"delete": "Its agreements go with it."},
)
agreements = Child(
    parent=partnerships,
    path="agreements",
    model=Agreement,
    out=AgreementOut,
    body=AgreementIn,
    create=services.agreement_create,
    update=services.agreement_update,
    delete=services.agreement_delete,
    shown=_shown,
    docs={
        "create": "`renews` names the agreement it renews, so that the chain of renewals "
        "shows; `document` a source the caller may see.",
        "delete": "Agreements that renewed it stay, without the link.",
    },
)
router = agreements.mount(partnerships.mount(Router(tags=["partnerships"])))
