"""JSON endpoints for institution pairs and networks.

A pair follows its partnership: whoever may see the partnership sees the pair, and only
those who may change the partnership change the pair and its exchanges. Networks are
shared reference data that any editor may change.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from ninja import Router

from twinning.accounts.selectors import can_edit
from twinning.core.api import Child, Resource, visible
from twinning.institutions import services
from twinning.institutions.filters import InstitutionPairFilter, NetworkFilter
from twinning.institutions.models import (
    Exchange,
    InstitutionPair,
    Network,
    NetworkMeeting,
    NetworkMembership,
)
from twinning.institutions.schemas import (
    ExchangeIn,
    ExchangeOut,
    MeetingIn,
    MeetingOut,
    MembershipIn,
    NetworkDetailOut,
    NetworkIn,
    NetworkMemberOut,
    NetworkOut,
    PairDetailOut,
    PairIn,
    PairOut,
)
from twinning.institutions.selectors import (
    institution_pair_detail,
    institution_pair_list,
    network_detail,
    network_list,
)
from twinning.organisations.models import Organisation, OrganisationKind

pairs = Resource(
    model=InstitutionPair,
    out=PairOut,
    detail=PairDetailOut,
    select=lambda user: institution_pair_list(user=user),
    fetch=lambda user, pk: institution_pair_detail(user=user, pk=pk),
    filterset=InstitutionPairFilter,
    query_docs={"q": "Text found in an institution's name."},
    body=PairIn,
    guarded=("partnership",),
    may_edit=lambda user, pair: can_edit(user, pair.partnership),
    create=services.institution_pair_create,
    update=services.institution_pair_update,
    delete=services.institution_pair_delete,
    export="institution-pairs",
    not_found=_("No such institution pair."),
    docs={
        "list": "School and university pairs of the partnerships the caller may see.",
        "create": "Only editors who may change the partnership may.",
        "delete": "Its exchanges go with it.",
    },
)
exchanges = Child(
    parent=pairs,
    path="exchanges",
    model=Exchange,
    out=ExchangeOut,
    body=ExchangeIn,
    create=services.exchange_create,
    update=services.exchange_update,
    delete=services.exchange_delete,
    docs={"create": "A stay of pupils, students or teachers of one institution at the other."},
)
pairs_router = exchanges.mount(pairs.mount(Router(tags=["institution pairs"])))

networks = Resource(
    model=Network,
    out=NetworkOut,
    detail=NetworkDetailOut,
    select=lambda user: network_list(user=user),
    fetch=lambda user, pk: network_detail(user=user, pk=pk),
    filterset=NetworkFilter,
    body=NetworkIn,
    refs={
        "organisation": lambda user: visible(Organisation, user).filter(
            kind=OrganisationKind.NETWORK
        )
    },
    create=services.network_create,
    update=services.network_update,
    delete=services.network_delete,
    export="networks",
    not_found=_("No such network."),
    docs={
        "create": "Members and meetings are added afterwards.",
        "delete": "Its memberships and meetings go with it.",
    },
)
members = Child(
    parent=networks,
    path="members",
    model=NetworkMembership,
    out=NetworkMemberOut,
    body=MembershipIn,
    # A membership of an organisation the caller may not see stays out of reach.
    rows=lambda user: NetworkMembership.objects.filter(
        Q(organisation__isnull=True) | Q(organisation__in=visible(Organisation, user))
    ).select_related("organisation", "place"),
    create=services.network_member_add,
    update=services.network_membership_update,
    delete=services.network_membership_delete,
    name="network_membership",
    param="membership_pk",
    docs={"create": "Give exactly one of organisation and place."},
)
meetings = Child(
    parent=networks,
    path="meetings",
    model=NetworkMeeting,
    out=MeetingOut,
    body=MeetingIn,
    create=services.network_meeting_add,
    update=services.network_meeting_update,
    delete=services.network_meeting_delete,
    name="network_meeting",
    param="meeting_pk",
)
networks_router = meetings.mount(members.mount(networks.mount(Router(tags=["networks"]))))
