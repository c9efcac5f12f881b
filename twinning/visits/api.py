"""JSON endpoints for delegation visits: members, programme, gifts and commitments.

Visits are owned records: callers see public ones and those of their own organisations,
and only editors of the owning organisation change a visit or anything in it.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.core.api import Child, Resource
from twinning.visits import services
from twinning.visits.filters import VisitFilter
from twinning.visits.models import Commitment, Gift, ProgrammeItem, Visit, VisitMember
from twinning.visits.schemas import (
    CommitmentIn,
    CommitmentOut,
    GiftIn,
    GiftOut,
    ProgrammeItemIn,
    ProgrammeItemOut,
    VisitDetailOut,
    VisitIn,
    VisitMemberIn,
    VisitMemberOut,
    VisitOut,
)
from twinning.visits.selectors import visit_detail, visit_list

visits = Resource(
    model=Visit,
    out=VisitOut,
    detail=VisitDetailOut,
    select=lambda user: visit_list(user=user),
    fetch=lambda user, pk: visit_detail(user=user, pk=pk),
    filterset=VisitFilter,
    appendable=("notes",),
    query_docs={
        "visiting_country": "ISO 3166 code (or several, comma-separated) of the visiting "
        "party's country.",
        "interest": "Slug of a focus area the delegation is interested in; repeat for several.",
        "q": "Text in the title, purpose, places or member names.",
    },
    body=VisitIn,
    keys={"interests": "slug"},
    create=services.visit_create,
    update=services.visit_update,
    delete=services.visit_delete,
    export="visits",
    not_found=_("No such visit."),
    docs={
        "list": "Newest first.",
        "detail": "With its members, programme, gifts and commitments.",
        "delete": "Its members, programme, gifts and commitments go with it.",
    },
)
router = visits.mount(Router(tags=["visits"]))
Child(
    parent=visits,
    path="members",
    model=VisitMember,
    out=VisitMemberOut,
    body=VisitMemberIn,
    create=services.visit_member_create,
    update=services.visit_member_update,
    delete=services.visit_member_delete,
    name="visit_member",
    param="member_pk",
    docs={"create": "A second leader is refused with 422."},
).mount(router)
Child(
    parent=visits,
    path="programme",
    model=ProgrammeItem,
    out=ProgrammeItemOut,
    body=ProgrammeItemIn,
    create=services.programme_item_create,
    update=services.programme_item_update,
    delete=services.programme_item_delete,
    name="programme_item",
    param="item_pk",
    docs={
        "create": "On one of the visit's days. With a showcase site, the topic, location and "
        "host organisation default to the site's name, address and organisation."
    },
).mount(router)
Child(
    parent=visits,
    path="gifts",
    model=Gift,
    out=GiftOut,
    body=GiftIn,
    create=services.gift_create,
    update=services.gift_update,
    delete=services.gift_delete,
).mount(router)
Child(
    parent=visits,
    path="commitments",
    model=Commitment,
    out=CommitmentOut,
    body=CommitmentIn,
    create=services.commitment_create,
    update=services.commitment_update,
    delete=services.commitment_delete,
    docs={"update": "Set done_on to mark it kept."},
).mount(router)
